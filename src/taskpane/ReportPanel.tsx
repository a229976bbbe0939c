import { Button, MessageBar, MessageBarBody, Spinner, Text } from "@fluentui/react-components";
import { useState } from "react";
import type { CheckResult } from "../core";
import { PANE, TEMPLATES } from "../core";
import type { TemplateId } from "../core";
import type { StoredSettings } from "../excel/settings-store";
import { copyReport, makeReport } from "./deliver-report";
import { errorText } from "./error-text";
import { MUTED, ROW, STACK, WRAP } from "./layout";
import { ReportOptions } from "./ReportOptions";

/**
 * 「生成报告」: the .docx built in the pane and saved through the host, saying where it went; where the host cannot save
 * files (Excel for Mac), the clipboard and the Word route.
 */
export function ReportPanel({
  analysis,
  settings,
  saveFile,
  onTemplate,
}: {
  analysis: CheckResult;
  settings: StoredSettings;
  saveFile: (name: string, bytes: Uint8Array) => Promise<string | null>;
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
      const { model, blob, placeholders, gap } = await makeReport(analysis, settings, template, windowsFonts);
      const also = gap ? PANE.report.gap(gap) : "";
      const fileName = `${model.title || TEMPLATES[template]}.docx`;
      const where = await saveFile(fileName, new Uint8Array(await blob.arrayBuffer()));
      if (where !== null) setResult({ ok: true, text: PANE.report.saved(model.title, where, fileName, placeholders) + also });
      else {
        await copyReport(model);
        setResult({ ok: true, text: PANE.report.clipboard(placeholders) + also });
      }
    } catch (e) {
      setResult({ ok: false, text: errorText(e) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby="report-title" data-testid="report-panel" style={STACK}>
      <Text as="h2" id="report-title" size={400} weight="semibold" block>
        {PANE.report.title}
      </Text>
      <Text size={200} block style={{ ...MUTED, ...WRAP }}>
        {PANE.report.intro}
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
      <div style={ROW}>
        <Button appearance="primary" data-testid="make-report" disabled={busy} onClick={() => void generate()}>
          {PANE.report.generate}
        </Button>
        {busy && <Spinner size="tiny" label={PANE.report.busy} />}
      </div>
      {result && (
        <MessageBar intent={result.ok ? "success" : "error"} data-testid="report-result" layout="multiline">
          <MessageBarBody style={WRAP}>{result.text}</MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
