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
  MessageBarTitle,
  ProgressBar,
  Tab,
  TabList,
  Text,
  webLightTheme,
} from "@fluentui/react-components";
import { useCallback, useMemo, useRef, useState } from "react";
import { findingsSheet, notesSheet, PANE } from "../core";
import type { TemplateId } from "../core";
import type { StoredSettings } from "../excel/settings-store";
import { AuditPanel } from "./AuditPanel";
import { ColumnConfirm } from "./ColumnConfirm";
import { errorText } from "./error-text";
import { FindingsList } from "./FindingsList";
import { acceptRecognised, LAST_ERROR_KEY, ourSheets, readAndCheck, writeResults } from "./hosts/check-flow";
import type { Checked, CheckStep } from "./hosts/check-flow";
import type { WorkbookHost } from "./hosts/host";
import { ROW, STACK, WRAP } from "./layout";
import { Orientation } from "./Orientation";
import { ReportPanel } from "./ReportPanel";
import { ScoringPanel } from "./ScoringPanel";
import { SettingsBar } from "./SettingsBar";
import { StatusBar } from "./StatusBar";
import { Summary } from "./Summary";
import { TodoList } from "./TodoList";
import type { Goto } from "./TodoList";
import { useHost } from "./use-host";

type TabId = "check" | "scoring" | "report" | "audit";
type Edit = (s: StoredSettings) => StoredSettings;
const STEP_VALUE: Record<CheckStep, number> = { read: 0.2, analyze: 0.5, confirm: 0.6, write: 0.8, done: 1 };
const quoted = (names: string[]) => names.map((n) => `「${n}」`).join("、");

/**
 * Excel's pane, organised by task: 检查 / 评分 / 报告 / 核对, the state of the workbook above them. Built on WorkbookHost
 * only (Excel's adapter here, WPS's the same way): it never touches Office.js itself.
 */
export function App({ connect }: { connect: () => WorkbookHost }) {
  const [hostError, host] = useHost(connect);
  const initial = useMemo(() => host?.loadSettings() ?? null, [host]);
  const [settings, setSettings] = useState<StoredSettings | null>(initial?.settings ?? null);
  const [notice, setNotice] = useState<string | null>(() => {
    const fromCommand = typeof localStorage === "undefined" ? null : localStorage.getItem(LAST_ERROR_KEY);
    const parts = [initial?.problem, fromCommand && PANE.lastCommandFailed(fromCommand)].filter(Boolean);
    return parts.length > 0 ? parts.join("；") : null;
  });
  const [tab, setTab] = useState<TabId>("check");
  const [step, setStep] = useState<CheckStep | null>(null);
  const [checked, setChecked] = useState<Checked | null>(null);
  const [written, setWritten] = useState<string[] | null>(null);
  const [checkedAt, setCheckedAt] = useState<Date | null>(null);
  const [info, setInfo] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(hostError ?? host?.unsupported ?? null);
  const [confirmRemove, setConfirmRemove] = useState<string[] | null>(null);
  const panel = useRef<HTMLDivElement>(null);
  const busy = step !== null && step !== "done" && step !== "confirm";

  const check = useCallback(
    async (edit?: Edit) => {
      if (!host || !settings) return;
      setError(null);
      setNotice(null);
      setInfo(null);
      localStorage.removeItem(LAST_ERROR_KEY);
      try {
        const c = await readAndCheck(host, settings, edit, setStep);
        setSettings(c.result.settings);
        setChecked(c);
        setCheckedAt(new Date());
        if (c.unsure.length > 0) {
          // Recognition is unsure: nothing is written until the clerk has confirmed the columns.
          setWritten(null);
          setStep("confirm");
          return;
        }
        setWritten(await writeResults(host, c, setStep));
        setStep(null);
      } catch (e) {
        setError(errorText(e));
        setStep(null);
      }
    },
    [host, settings],
  );

  const select = useCallback(
    (sheet: string, cell: string) => {
      host?.select(sheet, cell).catch((e: unknown) => setError(errorText(e)));
    },
    [host],
  );

  /** A 说明 saved in the pane: stored, and 「审核说明」 rewritten so the sheet and the settings agree. */
  const saveNote = useCallback(
    async (key: string, note: string) => {
      if (!host || !settings || !checked) return;
      const notes = { ...settings.notes };
      if (note) notes[key] = note;
      else delete notes[key];
      const next = { ...settings, notes };
      try {
        await host.saveSettings(next);
        setSettings(next);
        const c = { ...checked, result: { ...checked.result, settings: next } };
        setChecked(c);
        if (written)
          await host.writeSheets([notesSheet(c.result, next)], c.existing).then((n) => n.forEach((x) => c.existing.set(x, true)));
      } catch (e) {
        setError(errorText(e));
        throw e;
      }
    },
    [host, settings, checked, written],
  );

  const exportFindings = async () => {
    if (!host || !checked || !settings) return;
    try {
      const [name] = await host.writeSheets([findingsSheet(checked.result, settings)], checked.existing);
      checked.existing.set(name, true);
      setInfo(PANE.exported(name));
    } catch (e) {
      setError(errorText(e));
    }
  };

  const remove = async (names: string[]) => {
    setConfirmRemove(null);
    if (!host) return;
    try {
      await host.removeSheets(names);
      for (const n of names) checked?.existing.delete(n);
      setWritten(null);
      setInfo(PANE.removed(quoted(names)));
    } catch (e) {
      setError(errorText(e));
    }
  };

  const goto = (to: Goto) => {
    if (to === "scoring" || to === "report") setTab(to);
    else document.getElementById(`findings-${to === "errors" ? "error" : "warning"}`)?.scrollIntoView({ block: "start" });
  };

  const analysis = checked?.result ?? null;
  const shown = settings ?? analysis?.settings ?? null;
  const sheetsNow = checked ? ourSheets(checked.existing) : [];
  return (
    <FluentProvider theme={webLightTheme} style={{ padding: 12, minHeight: "100vh", boxSizing: "border-box", ...WRAP }}>
      <div style={STACK}>
        <header style={{ ...STACK, gap: 4 }}>
          <Text as="h1" size={500} weight="semibold" block>
            {PANE.title}
          </Text>
          <Text size={200} style={WRAP}>
            {PANE.subtitle}
          </Text>
          <StatusBar at={checkedAt} findings={analysis?.findings ?? null} awaiting={step === "confirm"} />
        </header>
        <TabList
          selectedValue={tab}
          onTabSelect={(_, d) => setTab(d.value as TabId)}
          aria-label={PANE.tabsLabel}
          size="small"
          data-testid="tabs"
          style={{ flexWrap: "wrap", minWidth: 0 }}
        >
          {(Object.keys(PANE.tabs) as TabId[]).map((id) => (
            <Tab key={id} value={id} id={`tab-${id}`} data-testid={`tab-${id}`} aria-controls={`panel-${id}`}>
              {PANE.tabs[id]}
            </Tab>
          ))}
        </TabList>
        {step && step !== "confirm" && (
          <div role="status" aria-live="polite" data-testid="progress">
            <ProgressBar value={STEP_VALUE[step]} />
            <Text size={200}>{PANE.steps[step]}</Text>
          </div>
        )}
        {notice && (
          <MessageBar intent="warning" layout="multiline">
            <MessageBarBody style={WRAP}>{notice}</MessageBarBody>
          </MessageBar>
        )}
        {error && (
          <MessageBar intent="error" data-testid="error" layout="multiline">
            <MessageBarBody style={WRAP}>
              <MessageBarTitle>{PANE.errorTitle}</MessageBarTitle>
              {error}
            </MessageBarBody>
          </MessageBar>
        )}
        {info && (
          <MessageBar intent="info" data-testid="info" layout="multiline">
            <MessageBarBody style={WRAP}>{info}</MessageBarBody>
          </MessageBar>
        )}
        <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`} ref={panel} style={STACK} data-testid={`panel-${tab}`}>
          {tab === "check" && (
            <>
              {!analysis && <Orientation />}
              <Button
                appearance="primary"
                size="large"
                data-testid="run"
                disabled={!host || !!host.unsupported || busy}
                onClick={() => void check()}
              >
                {analysis ? PANE.rerun : PANE.run}
              </Button>
              {analysis && analysis.tables.length === 0 && (
                <MessageBar intent="warning" data-testid="no-tables" layout="multiline">
                  <MessageBarBody style={WRAP}>{PANE.noTables}</MessageBarBody>
                </MessageBar>
              )}
              {checked && step === "confirm" && (
                <ColumnConfirm
                  tables={checked.unsure}
                  onConfirm={(edit) => void check(edit)}
                  onAccept={() => void check(acceptRecognised(checked.unsure))}
                />
              )}
              {analysis && analysis.tables.length > 0 && shown && (
                <>
                  {written && (
                    <MessageBar intent="success" data-testid="done" layout="multiline">
                      <MessageBarBody style={WRAP}>{PANE.written(analysis.tables.length, quoted(written))}</MessageBarBody>
                    </MessageBar>
                  )}
                  {written && <TodoList analysis={analysis} settings={shown} onGo={goto} />}
                  <Summary analysis={analysis} settings={shown} />
                  <FindingsList findings={analysis.findings} settings={shown} onSelect={select} onSaveNote={saveNote} />
                  <div style={ROW}>
                    <Button data-testid="export-findings" disabled={busy || !written} onClick={() => void exportFindings()}>
                      {PANE.exportFindings}
                    </Button>
                    <Button
                      data-testid="remove-sheets"
                      disabled={busy || sheetsNow.length === 0}
                      onClick={() => setConfirmRemove(sheetsNow)}
                    >
                      {PANE.removeSheets}
                    </Button>
                  </div>
                </>
              )}
              {shown && <SettingsBar settings={shown} disabled={busy} onApply={(edit) => void check(edit)} />}
            </>
          )}
          {tab === "scoring" &&
            (analysis?.scoring && shown ? (
              <ScoringPanel result={analysis.scoring} settings={shown} busy={busy} onEdit={(edit) => void check(edit)} onSelect={select} />
            ) : (
              <Text block data-testid="scoring-none" style={WRAP}>
                {PANE.scoring.none}
              </Text>
            ))}
          {tab === "report" &&
            (analysis && analysis.tables.length > 0 && shown && host ? (
              <ReportPanel
                analysis={analysis}
                settings={shown}
                saveFile={(name, bytes) => host.saveFile(name, bytes)}
                onTemplate={(template: TemplateId) => {
                  const next = { ...shown, template };
                  setSettings(next);
                  host.saveSettings(next).catch((e: unknown) => setError(errorText(e)));
                }}
              />
            ) : (
              <Text block data-testid="report-none" style={WRAP}>
                {PANE.report.needCheck}
              </Text>
            ))}
          {tab === "audit" && <AuditPanel analysis={analysis} />}
        </div>
      </div>
      <Dialog open={confirmRemove !== null} onOpenChange={(_, d) => !d.open && setConfirmRemove(null)}>
        <DialogSurface style={{ maxWidth: "calc(100vw - 32px)" }}>
          <DialogBody>
            <DialogTitle>{PANE.removeSheets}</DialogTitle>
            <DialogContent style={WRAP}>{PANE.removeConfirm(quoted(confirmRemove ?? []))}</DialogContent>
            <DialogActions>
              <Button appearance="primary" data-testid="remove-confirm" onClick={() => void remove(confirmRemove ?? [])}>
                {PANE.removeSheets}
              </Button>
              <Button onClick={() => setConfirmRemove(null)}>{PANE.cancel}</Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </FluentProvider>
  );
}
