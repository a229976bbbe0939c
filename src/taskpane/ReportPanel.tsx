import { Button, MessageBar, MessageBarBody, Spinner, Text } from "@fluentui/react-components";
import { useState } from "react";
import type { CheckResult } from "../core";
import { TEMPLATES } from "../core";
import type { TemplateId } from "../core";
import type { StoredSettings } from "../excel/settings-store";
import { canDownload, copyReport, download, makeReport } from "./deliver-report";
import { errorText } from "./error-text";
import { ReportOptions } from "./ReportOptions";

/** 「生成报告」: the .docx built in the pane; a download where the host allows it, else the clipboard and the Word route. */
export function ReportPanel({
  analysis,
  settings,
  platform,
  save,
  onTemplate,
}: {
  analysis: CheckResult;
  settings: StoredSettings;
  platform: string | null;
  /** The host saves the file itself (WPS) and says where. */
  save?: (name: string, bytes: Uint8Array) => Promise<string | null>;
  onTemplate: (t: TemplateId) => void;
}) {
  const [template, setTemplate] = useState<TemplateId>((settings.template in TEMPLATES ? settings.template : "performance") as TemplateId);
  const [windowsFonts, setWindowsFonts] = useState(false);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const generate = async () => {
    setBusy(true);
    setResult(null);
    try {
      const { model, blob, placeholders } = await makeReport(analysis, settings, template, windowsFonts);
      const fileName = `${model.title || TEMPLATES[template]}.docx`;
      const todo = placeholders > 0 ? `，有 ${placeholders} 处【请填写】需补充` : "";
      if (save) {
        const where = await save(fileName, new Uint8Array(await blob.arrayBuffer()));
        setResult({ ok: true, text: `已生成《${model.title}》，${where}${todo}。` });
      } else if (canDownload(platform)) {
        download(blob, fileName);
        setResult({ ok: true, text: `已生成《${model.title}》并下载${todo}。` });
      } else {
        await copyReport(model);
        setResult({
          ok: true,
          text: `Excel for Mac 不能从任务窗格下载文件。报告已复制到剪贴板（带格式），可直接粘贴到 Word${todo}；也可以在 Word 中打开“决算助手”，选择本工作簿生成同一份报告。`,
        });
      }
    } catch (e) {
      setResult({ ok: false, text: errorText(e) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby="report-title" data-testid="report-panel">
      <Text as="h2" id="report-title" size={400} weight="semibold" block>
        生成报告
      </Text>
      <ReportOptions
        template={template}
        onTemplate={(t) => {
          setTemplate(t);
          onTemplate(t);
        }}
        windowsFonts={windowsFonts}
        onWindowsFonts={setWindowsFonts}
      />
      <div style={{ display: "flex", gap: 8, alignItems: "center" }}>
        <Button appearance="primary" data-testid="make-report" disabled={busy} onClick={() => void generate()}>
          生成报告
        </Button>
        {busy && <Spinner size="tiny" label="正在生成…" />}
      </div>
      {result && (
        <MessageBar intent={result.ok ? "success" : "error"} data-testid="report-result">
          <MessageBarBody>{result.text}</MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
