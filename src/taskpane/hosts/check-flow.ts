import { checkWorkbook, FINDINGS_SHEET, findingsSheet, isOutputGrid, resultSheets, tableKey } from "../../core";
import type { CheckedWorkbook, ColumnRole, Table } from "../../core";
import type { StoredSettings } from "../../excel/settings-store";
import type { WorkbookHost } from "./host";

/**
 * The clerk's check, on any spreadsheet host: read every sheet, read back what the clerk typed into our result sheets and
 * keep it in the workbook's settings, analyse, and — unless recognition is unsure and the clerk has not confirmed the
 * columns yet — write the result sheets. Host-neutral: Excel and WPS run the same steps through WorkbookHost.
 */
export type CheckStep = "read" | "analyze" | "confirm" | "write" | "done";

export interface Checked {
  result: CheckedWorkbook<StoredSettings>;
  /** Every sheet now in the workbook, with whether we wrote it (A1 carries our mark). */
  existing: Map<string, boolean>;
  /** Tables recognition was unsure about: the clerk confirms their columns before the sheets are written. */
  unsure: Table[];
}

export async function readAndCheck(
  host: WorkbookHost,
  settings: StoredSettings,
  edit?: (s: StoredSettings) => StoredSettings,
  progress: (step: CheckStep) => void = () => undefined,
): Promise<Checked> {
  progress("read");
  const grids = await host.readGrids();
  progress("analyze");
  const result = checkWorkbook(grids, settings, edit);
  // The merged settings (scores and 说明 typed into our sheets, the pane's edit) are stored before anything is rewritten.
  if (JSON.stringify(result.settings) !== JSON.stringify(settings)) await host.saveSettings(result.settings);
  const existing = new Map(grids.map((g) => [g.sheet, isOutputGrid(g)]));
  return { result, existing, unsure: result.tables.filter((t) => t.notes.length > 0) };
}

/** Writes the result sheets (and 问题清单 again when the clerk exported it before, so it never goes stale). */
export async function writeResults(host: WorkbookHost, checked: Checked, progress: (step: CheckStep) => void = () => undefined) {
  const { result, existing } = checked;
  const plans = resultSheets(result, result.settings);
  if (plans.length > 0 && existing.get(FINDINGS_SHEET)) plans.push(findingsSheet(result, result.settings));
  progress("write");
  const names = plans.length > 0 ? await host.writeSheets(plans, existing) : [];
  for (const n of names) existing.set(n, true);
  progress("done");
  return names;
}

/** The columns recognition chose for the unsure tables, stored as if the clerk confirmed them (「按识别结果写入」). */
export function acceptRecognised(tables: Table[]): (s: StoredSettings) => StoredSettings {
  return (s) => {
    const columnOverrides = { ...s.columnOverrides };
    const unitOverrides = { ...s.unitOverrides };
    for (const t of tables) {
      const key = tableKey(t.sheet, t.headerRange);
      const roles: Partial<Record<ColumnRole, string>> = {};
      for (const role of ["budgetInitial", "budgetFinal", "budget", "actual", "previous"] as const)
        if (t.roles[role]) roles[role] = t.roles[role]!.letter;
      columnOverrides[key] = roles;
      if (t.unitSource === "assumed") unitOverrides[key] = t.unit;
    }
    return { ...s, columnOverrides, unitOverrides };
  };
}

/** Our sheets in the workbook now: what 「删除结果表」 removes. */
export function ourSheets(existing: Map<string, boolean>): string[] {
  return [...existing].filter(([, ours]) => ours).map(([name]) => name);
}

/** Where the ribbon command leaves its failure for the pane to show (a function command has no UI of its own). */
export const LAST_ERROR_KEY = "juesuan.lastCommandError";
