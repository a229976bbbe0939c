import { detectCapabilities } from "../excel/capabilities";
import type { Capabilities } from "../excel/capabilities";
import { OfficeHostError } from "../excel/host-error";
import { loadSettings, saveSettings } from "../excel/settings-store";
import type { StoredSettings } from "../excel/settings-store";
import { selectCell } from "../excel/select-cell";
import type { CheckRun, CheckStep } from "../excel/run-check";

/** What the pane needs from Office, in one place: the real globals in Excel, a simulated host in tests. */
export interface PaneHost {
  excel: <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;
  capabilities: Capabilities;
  /** Office.context.platform: "PC", "OfficeOnline", "Mac", "iOS" … (null outside Office). */
  platform: string | null;
  loadSettings(): { settings: StoredSettings; problem: string | null };
  saveSettings(s: StoredSettings): Promise<void>;
  select(sheet: string, cell: string): Promise<void>;
  /** A host that runs the check itself (WPS 表格, src/wps); Excel leaves it out and the pane runs runCheck. */
  check?: (settings: StoredSettings, progress: (step: CheckStep) => void) => Promise<CheckRun>;
  /** A host that saves files itself (WPS); says where, in words. Absent: the browser download. */
  saveFile?: (name: string, bytes: Uint8Array) => Promise<string | null>;
}

export function officeHost(): PaneHost {
  if (typeof Excel === "undefined" || typeof Office === "undefined") {
    throw new OfficeHostError("请在 Excel 中打开决算助手", "Excel API 不可用");
  }
  const settingsHost = Office.context.document.settings as unknown as Parameters<typeof loadSettings>[0];
  return {
    excel: (batch) => Excel.run(batch),
    capabilities: detectCapabilities(Office),
    platform: (Office.context.platform as unknown as string | undefined) ?? null,
    loadSettings: () => loadSettings(settingsHost),
    saveSettings: (s) => saveSettings(settingsHost, s),
    select: (sheet, cell) => Excel.run((context) => selectCell(context, sheet, cell)),
  };
}
