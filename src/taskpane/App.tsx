import {
  Button,
  FluentProvider,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Text,
  webLightTheme,
} from "@fluentui/react-components";
import { useCallback, useMemo, useState } from "react";
import { LAST_ERROR_KEY, runCheck, STEP_LABELS } from "../excel/run-check";
import type { CheckRun, CheckStep } from "../excel/run-check";
import type { StoredSettings } from "../excel/settings-store";
import { ColumnConfirm } from "./ColumnConfirm";
import { FindingsList } from "./FindingsList";
import type { PaneHost } from "./office-host";
import { SettingsBar } from "./SettingsBar";
import { Summary } from "./Summary";
import { errorText } from "./error-text";
import { useHost } from "./use-host";
import { ReportPanel } from "./ReportPanel";
import { AuditPanel } from "./AuditPanel";
import { ScoringPanel } from "./ScoringPanel";

const STEP_VALUE: Record<CheckStep, number> = { read: 0.2, analyze: 0.5, write: 0.8, done: 1 };

export function App({ connect }: { connect: () => PaneHost }) {
  const [hostError, host] = useHost(connect);
  const initial = useMemo(() => host?.loadSettings() ?? null, [host]);
  const [settings, setSettings] = useState<StoredSettings | null>(initial?.settings ?? null);
  const [notice, setNotice] = useState<string | null>(() => {
    const fromCommand = typeof localStorage === "undefined" ? null : localStorage.getItem(LAST_ERROR_KEY);
    const parts = [initial?.problem, fromCommand && `上次“一键检查”未完成：${fromCommand}`].filter(Boolean);
    return parts.length > 0 ? parts.join("；") : null;
  });
  const [step, setStep] = useState<CheckStep | null>(null);
  const [result, setResult] = useState<CheckRun | null>(null);
  const [error, setError] = useState<string | null>(
    hostError ?? (host && !host.capabilities.baseline ? "此版本的 Excel 过旧：决算助手需要 Excel 2016 或更新版本（ExcelApi 1.7）。" : null),
  );

  const check = useCallback(
    async (next?: StoredSettings) => {
      if (!host || !settings) return;
      const s = next ?? settings;
      setError(null);
      setNotice(null);
      localStorage.removeItem(LAST_ERROR_KEY);
      setStep("read");
      try {
        if (next) {
          await host.saveSettings(next);
          setSettings(next);
        }
        setResult(await (host.check ? host.check(s, setStep) : runCheck(host.excel, s, host.capabilities, setStep)));
      } catch (e) {
        setError(errorText(e));
      } finally {
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

  return (
    <FluentProvider theme={webLightTheme} style={{ padding: 12, minHeight: "100vh", boxSizing: "border-box" }}>
      <main style={{ display: "flex", flexDirection: "column", gap: 12 }}>
        <header>
          <Text as="h1" size={500} weight="semibold" block>
            决算助手
          </Text>
          <Text size={200}>预决算差异、三公经费与合计核对，数据只在本机处理</Text>
        </header>
        <Button
          appearance="primary"
          size="large"
          data-testid="run"
          disabled={!host || !host.capabilities.baseline || step !== null}
          onClick={() => void check()}
        >
          一键检查
        </Button>
        {step && (
          <div role="status" aria-live="polite" data-testid="progress">
            <ProgressBar value={STEP_VALUE[step]} />
            <Text size={200}>{STEP_LABELS[step]}</Text>
          </div>
        )}
        {notice && (
          <MessageBar intent="warning">
            <MessageBarBody>{notice}</MessageBarBody>
          </MessageBar>
        )}
        {error && (
          <MessageBar intent="error" data-testid="error">
            <MessageBarBody>
              <MessageBarTitle>出错了</MessageBarTitle>
              {error}
            </MessageBarBody>
          </MessageBar>
        )}
        {result && result.analysis.tables.length === 0 && (
          <MessageBar intent="warning" data-testid="no-tables">
            <MessageBarBody>没有识别到预算/决算表。表头需要有“科目名称/项目”和“预算数/决算数/上年数”等列。</MessageBarBody>
          </MessageBar>
        )}
        {result && result.analysis.tables.length > 0 && settings && (
          <>
            <MessageBar intent="success" data-testid="done">
              <MessageBarBody>
                已识别 {result.analysis.tables.length} 张表，结果写入 {result.sheets.map((s) => `「${s}」`).join("、")}。
              </MessageBarBody>
            </MessageBar>
            <Summary analysis={result.analysis} settings={settings} />
            <FindingsList findings={result.analysis.findings} onSelect={select} />
            <ColumnConfirm tables={result.analysis.tables} settings={settings} onConfirm={(s) => void check(s)} />
            {result.analysis.scoring && <ScoringPanel result={result.analysis.scoring} settings={settings} onSave={(s) => void check(s)} />}
            <ReportPanel
              analysis={result.analysis}
              settings={settings}
              platform={host?.platform ?? null}
              save={host?.saveFile}
              onTemplate={(template) => {
                const next = { ...settings, template };
                setSettings(next);
                host?.saveSettings(next).catch((e: unknown) => setError(errorText(e)));
              }}
            />
            <AuditPanel analysis={result.analysis} />
          </>
        )}
        {settings && <SettingsBar settings={settings} disabled={step !== null} onApply={(s) => void check(s)} />}
      </main>
    </FluentProvider>
  );
}
