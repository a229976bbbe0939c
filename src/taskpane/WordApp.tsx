import { Button, FluentProvider, MessageBar, MessageBarBody, Spinner, Text, webLightTheme } from "@fluentui/react-components";
import { useMemo, useRef, useState } from "react";
import type { CheckResult } from "../core";
import { plainText } from "../core";
import { buildReport, TEMPLATES } from "../core";
import type { TemplateId } from "../core";
import type { StoredSettings } from "../excel/settings-store";
import { insertHtml, insertReport, PATH_LABELS } from "../word/insert-report";
import type { Placement } from "../word/insert-report";
import { makeReport, reportHtml } from "./deliver-report";
import { errorText } from "./error-text";
import { useHost } from "./use-host";
import { analyzeWorkbookFile } from "./load-workbook";
import { ReportOptions } from "./ReportOptions";
import { AuditResultView } from "./AuditResultView";
import { auditText } from "../core";
import type { AuditResult } from "../core";
import { readDocumentText } from "../word/read-document";
import type { WordPaneHost } from "./word-host";

const toBase64 = async (blob: Blob) => {
  const bytes = new Uint8Array(await blob.arrayBuffer());
  let s = "";
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
};

/** Word's pane: pick the workbook, choose a template, preview the outline, insert the draft. */
export function WordApp({ connect, title = "决算助手 · Word" }: { connect: () => WordPaneHost; title?: string }) {
  const [hostError, host] = useHost(connect);
  const [loaded, setLoaded] = useState<{ name: string; analysis: CheckResult; settings: StoredSettings; fromWorkbook: boolean } | null>(
    null,
  );
  const [template, setTemplate] = useState<TemplateId>("performance");
  const [windowsFonts, setWindowsFonts] = useState(false);
  const [busy, setBusy] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const [audit, setAudit] = useState<AuditResult | null>(null);

  const auditDocument = async () => {
    if (!host) return;
    setBusy("正在核对当前文档…");
    setMessage(null);
    try {
      setAudit(auditText(await (host.document ? host.document.readText() : readDocumentText(host)), loaded?.analysis ?? null));
    } catch (e) {
      setMessage({ ok: false, text: errorText(e) });
    } finally {
      setBusy(null);
    }
  };
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(hostError ? { ok: false, text: hostError } : null);

  const pick = async (file: File | undefined) => {
    if (!file) return;
    setBusy("正在读取工作簿…");
    setMessage(null);
    try {
      const r = await analyzeWorkbookFile(new Uint8Array(await file.arrayBuffer()), file.name);
      setLoaded({ name: file.name, ...r });
      if (r.settings.template in TEMPLATES) setTemplate(r.settings.template as TemplateId);
    } catch (e) {
      setLoaded(null);
      setMessage({ ok: false, text: errorText(e) });
    } finally {
      setBusy(null);
    }
  };

  // The outline needs the whole model; build it when the workbook or template changes, not on every render.
  const outline = useMemo(() => (loaded ? buildReport(template, loaded.analysis, loaded.settings) : null), [loaded, template]);

  const insert = async (placement: Placement) => {
    if (!loaded || !host) return;
    setBusy("正在生成并插入报告…");
    setMessage(null);
    try {
      const { model, blob, placeholders } = await makeReport(loaded.analysis, loaded.settings, template, windowsFonts);
      const html = reportHtml(model);
      let path;
      let note = "";
      if (host.document) {
        const way = await host.document.insertReport(new Uint8Array(await blob.arrayBuffer()), html, placement);
        const todo = placeholders > 0 ? `有 ${placeholders} 处【请填写】（黄色）需补充。` : "";
        setMessage({ ok: true, text: `已插入《${model.title}》：${way}。${todo}` });
        return;
      }
      try {
        path = await insertReport(host, host.capabilities, await toBase64(blob), html, placement);
      } catch (e) {
        if (placement === "new" || !host.capabilities.api11) throw e;
        // The whole-file route failed on this host: say so, and insert the same draft as HTML.
        note = `（整份插入未成功：${errorText(e)}）`;
        path = await insertHtml(host, html, placement);
      }
      setMessage({
        ok: true,
        text: `已插入《${model.title}》：${PATH_LABELS[path]}${note}。${placeholders > 0 ? `有 ${placeholders} 处【请填写】（黄色）需补充。` : ""}`,
      });
    } catch (e) {
      setMessage({ ok: false, text: errorText(e) });
    } finally {
      setBusy(null);
    }
  };

  return (
    <FluentProvider theme={webLightTheme} style={{ padding: 12, minHeight: "100vh", boxSizing: "border-box" }}>
      <main style={{ display: "flex", flexDirection: "column", gap: 12 }}>
        <header>
          <Text as="h1" size={500} weight="semibold" block>
            {title}
          </Text>
          <Text size={200}>选择决算工作簿，生成报告草稿并插入当前文档；工作簿只在本机读取</Text>
        </header>
        <div style={{ display: "flex", gap: 8, alignItems: "center" }}>
          <Button onClick={() => fileInput.current?.click()} disabled={!!busy}>
            选择工作簿…
          </Button>
          <Text size={200}>{loaded?.name ?? "未选择"}</Text>
          <input
            ref={fileInput}
            hidden
            type="file"
            accept=".xlsx"
            data-testid="workbook-file"
            aria-label="决算工作簿"
            onChange={(e) => void pick(e.target.files?.[0])}
          />
        </div>
        {busy && <Spinner size="small" label={busy} data-testid="busy" />}
        {loaded && (
          <>
            <Text data-testid="loaded">
              「{loaded.name}」：识别到 {loaded.analysis.tables.length} 张表，发现 {loaded.analysis.findings.length} 项问题
              {loaded.fromWorkbook ? "；已使用工作簿中保存的设置" : ""}
            </Text>
            <ReportOptions template={template} onTemplate={setTemplate} windowsFonts={windowsFonts} onWindowsFonts={setWindowsFonts} />
            {outline && (
              <section aria-labelledby="outline-title" data-testid="outline">
                <Text as="h2" id="outline-title" size={300} weight="semibold" block>
                  《{outline.title}》提纲
                </Text>
                <ul style={{ margin: "4px 0", paddingLeft: 18 }}>
                  {outline.blocks
                    .filter((b) => b.kind === "heading")
                    .map((b, i) => (
                      <li key={i} style={{ marginLeft: b.kind === "heading" ? (b.level - 1) * 12 : 0 }}>
                        <Text size={200}>{b.kind === "heading" ? plainText(b.runs) : ""}</Text>
                      </li>
                    ))}
                </ul>
              </section>
            )}
            <div style={{ display: "flex", flexWrap: "wrap", gap: 8 }}>
              <Button appearance="primary" data-testid="insert-cursor" disabled={!!busy || !host} onClick={() => void insert("cursor")}>
                插入到光标处
              </Button>
              <Button data-testid="insert-replace" disabled={!!busy || !host} onClick={() => void insert("replace")}>
                替换全文
              </Button>
              <Button data-testid="insert-new" disabled={!!busy || !host?.capabilities.api13} onClick={() => void insert("new")}>
                新建文档
              </Button>
            </div>
          </>
        )}
        <section aria-labelledby="word-audit-title">
          <Text as="h2" id="word-audit-title" size={300} weight="semibold" block>
            核对当前文档
          </Text>
          <Text size={200} block>
            检查文档中的合计、增减额、百分比、增减方向和单位
            {loaded ? `，并与「${loaded.name}」中的数字比对` : "（选择工作簿后还会与表中数字比对）"}。
          </Text>
          <Button data-testid="audit-document" disabled={!!busy || !host} onClick={() => void auditDocument()} style={{ marginTop: 6 }}>
            核对当前文档
          </Button>
          {audit && <AuditResultView result={audit} testId="word-audit-result" />}
        </section>
        {message && (
          <MessageBar intent={message.ok ? "success" : "error"} data-testid="word-result">
            <MessageBarBody>{message.text}</MessageBarBody>
          </MessageBar>
        )}
      </main>
    </FluentProvider>
  );
}
