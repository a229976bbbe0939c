import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  FluentProvider,
  MessageBar,
  MessageBarBody,
  Spinner,
  Text,
  webLightTheme,
} from "@fluentui/react-components";
import { useMemo, useRef, useState } from "react";
import type { AuditResult, CheckResult, TemplateId } from "../core";
import { auditText, buildReport, PANE, plainText, TEMPLATES } from "../core";
import type { StoredSettings } from "../excel/settings-store";
import { AuditResultView } from "./AuditResultView";
import { makeReport, reportHtml } from "./deliver-report";
import { errorText } from "./error-text";
import type { DocumentHost } from "./hosts/host";
import { FILL, ROW, STACK, WRAP } from "./layout";
import { analyzeWorkbookFile } from "./load-workbook";
import { ReportOptions } from "./ReportOptions";
import { useHost } from "./use-host";

type Placement = "cursor" | "replace" | "new";
const W = PANE.word;

/** Word's pane on DocumentHost: pick the workbook, choose a template, preview the outline, insert the draft (替换全文 asks first). */
export function WordApp({
  connect,
  title = W.title,
}: {
  connect: () => DocumentHost & { canCreateDocument?: boolean };
  /** The pane's heading: Word's, or WPS 文字's. */
  title?: string;
}) {
  const [hostError, host] = useHost(connect);
  const [loaded, setLoaded] = useState<{ name: string; analysis: CheckResult; settings: StoredSettings; fromWorkbook: boolean } | null>(
    null,
  );
  const [template, setTemplate] = useState<TemplateId>("performance");
  const [windowsFonts, setWindowsFonts] = useState(false);
  const [busy, setBusy] = useState<string | null>(null);
  const [confirmReplace, setConfirmReplace] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const [audit, setAudit] = useState<AuditResult | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(() => {
    const problem = hostError ?? host?.unsupported ?? null;
    return problem ? { ok: false, text: problem } : null;
  });

  const auditDocument = async () => {
    if (!host) return;
    setBusy(W.auditing);
    setMessage(null);
    try {
      setAudit(auditText(await host.readText(), loaded?.analysis ?? null));
    } catch (e) {
      setMessage({ ok: false, text: errorText(e) });
    } finally {
      setBusy(null);
    }
  };

  const pick = async (file: File | undefined) => {
    if (!file) return;
    setBusy(W.reading);
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
    setConfirmReplace(false);
    if (!loaded || !host) return;
    setBusy(W.inserting);
    setMessage(null);
    try {
      const { model, blob, placeholders, gap } = await makeReport(loaded.analysis, loaded.settings, template, windowsFonts);
      const how = await host.insertReport(new Uint8Array(await blob.arrayBuffer()), reportHtml(model), placement);
      setMessage({ ok: true, text: W.inserted(model.title, how, "", placeholders) + (gap ? PANE.report.gap(gap) : "") });
    } catch (e) {
      setMessage({ ok: false, text: errorText(e) });
    } finally {
      setBusy(null);
    }
  };

  return (
    <FluentProvider theme={webLightTheme} style={{ padding: 12, minHeight: "100vh", boxSizing: "border-box", ...WRAP }}>
      <main style={STACK}>
        <header style={{ ...STACK, gap: 4 }}>
          <Text as="h1" size={500} weight="semibold" block>
            {title}
          </Text>
          <Text size={200} style={WRAP}>
            {W.subtitle}
          </Text>
        </header>
        <div style={ROW}>
          <Button onClick={() => fileInput.current?.click()} disabled={!!busy}>
            {W.pick}
          </Button>
          <Text size={200} style={WRAP}>
            {loaded?.name ?? W.none}
          </Text>
          <input
            ref={fileInput}
            hidden
            type="file"
            accept=".xlsx,.xls"
            data-testid="workbook-file"
            aria-label={W.workbookLabel}
            onChange={(e) => void pick(e.target.files?.[0])}
          />
        </div>
        {busy && <Spinner size="small" label={busy} data-testid="busy" />}
        {loaded && (
          <>
            <Text data-testid="loaded" style={WRAP}>
              {W.loaded(loaded.name, loaded.analysis.tables.length, loaded.analysis.findings.length, loaded.fromWorkbook)}
            </Text>
            <ReportOptions template={template} onTemplate={setTemplate} windowsFonts={windowsFonts} onWindowsFonts={setWindowsFonts} />
            {outline && (
              <section aria-labelledby="outline-title" data-testid="outline" style={WRAP}>
                <Text as="h2" id="outline-title" size={300} weight="semibold" block>
                  {W.outline(outline.title)}
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
            <div style={ROW}>
              <Button appearance="primary" data-testid="insert-cursor" disabled={!!busy || !host} onClick={() => void insert("cursor")}>
                {W.cursor}
              </Button>
              <Button data-testid="insert-replace" disabled={!!busy || !host} onClick={() => setConfirmReplace(true)}>
                {W.replace}
              </Button>
              <Button data-testid="insert-new" disabled={!!busy || !host?.canCreateDocument} onClick={() => void insert("new")}>
                {W.newDoc}
              </Button>
            </div>
          </>
        )}
        <section aria-labelledby="word-audit-title" style={STACK}>
          <Text as="h2" id="word-audit-title" size={300} weight="semibold" block>
            {W.auditTitle}
          </Text>
          <Text size={200} block style={WRAP}>
            {W.auditIntro(loaded?.name ?? null)}
          </Text>
          <Button
            data-testid="audit-document"
            disabled={!!busy || !host}
            onClick={() => void auditDocument()}
            style={{ alignSelf: "start" }}
          >
            {W.auditTitle}
          </Button>
          {audit && <AuditResultView result={audit} testId="word-audit-result" />}
        </section>
        {message && (
          <MessageBar intent={message.ok ? "success" : "error"} data-testid="word-result" layout="multiline">
            <MessageBarBody style={WRAP}>{message.text}</MessageBarBody>
          </MessageBar>
        )}
      </main>
      <Dialog open={confirmReplace} onOpenChange={(_, d) => setConfirmReplace(d.open)}>
        <DialogSurface style={{ maxWidth: "calc(100vw - 32px)", ...FILL }}>
          <DialogBody>
            <DialogTitle>{W.replaceTitle}</DialogTitle>
            <DialogContent style={WRAP}>{W.replaceBody}</DialogContent>
            <DialogActions>
              <Button appearance="primary" data-testid="replace-confirm" onClick={() => void insert("replace")}>
                {W.replaceConfirm}
              </Button>
              <Button data-testid="replace-cancel" onClick={() => setConfirmReplace(false)}>
                {PANE.cancel}
              </Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </FluentProvider>
  );
}
