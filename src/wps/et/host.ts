import { WPS_TEXT } from "../../core";
import type { CellGrid, SheetPlan } from "../../core";
import { OfficeHostError } from "../../excel/host-error";
import type { StoredSettings } from "../../excel/settings-store";
import type { EtRoot, EtWorkbook } from "../api";
import { freeName, joinPath, writeBytes } from "../files";
import { wpsStep } from "../host-step";
import { readEtGrids } from "./read-grids";
import { renderEtPlans } from "./render-plans";
import { loadSheetSettings, saveSheetSettings } from "./settings-sheet";

/**
 * WPS 表格 as the pane's WorkbookHost (src/taskpane/hosts/host.ts): the same duties as Excel's adapter, on the WPS
 * JS API. Its calls are synchronous; the interface's promises keep the pane host-neutral.
 */
export interface WpsEtHost {
  kind: "wps-et";
  platform: string | null;
  unsupported: string | null;
  readGrids(): Promise<CellGrid[]>;
  writeSheets(plans: SheetPlan[], existing: Map<string, boolean>): Promise<string[]>;
  removeSheets(names: string[]): Promise<void>;
  select(sheet: string, cell: string): Promise<void>;
  loadSettings(): { settings: StoredSettings; problem: string | null };
  saveSettings(settings: StoredSettings): Promise<void>;
  saveFile(name: string, bytes: Uint8Array): Promise<string | null>;
}

/** The page's `Application` (or `wps`) global, when the page runs inside a WPS add-in. */
export function globalRoot<T>(): T | null {
  const g = globalThis as unknown as { Application?: T; wps?: T };
  return g.Application ?? g.wps ?? null;
}

const run = <T>(what: string, f: () => T): Promise<T> => new Promise((resolve) => resolve(wpsStep(what, f)));

export function wpsEtHost(root: EtRoot | null = globalRoot<EtRoot>()): WpsEtHost {
  if (!root || !("ActiveWorkbook" in root)) throw new OfficeHostError(WPS_TEXT.notInEt, "Application.ActiveWorkbook");
  const app = root;
  const workbook = (): EtWorkbook => {
    const wb = app.ActiveWorkbook;
    if (!wb) throw new OfficeHostError(WPS_TEXT.noWorkbook, "ActiveWorkbook");
    return wb;
  };
  const S = WPS_TEXT.steps;
  return {
    kind: "wps-et",
    platform: "WPS",
    // The check and the audit count in exact integers (BigInt): an engine without it cannot run them.
    unsupported: typeof BigInt === "function" ? null : WPS_TEXT.noBigInt,
    readGrids: () => run(S.listSheets, () => readEtGrids(workbook())),
    writeSheets: (plans, existing) => run(S.writeSheets, () => renderEtPlans(app, workbook(), plans, existing)),
    removeSheets: (names) =>
      run(S.removeSheets, () => {
        const alerts = app.DisplayAlerts;
        app.DisplayAlerts = false;
        try {
          const sheets = workbook().Worksheets;
          for (const name of names) sheets.Item(name).Delete();
        } finally {
          app.DisplayAlerts = alerts;
        }
      }),
    select: (sheet, cell) =>
      run(S.select(`${sheet}!${cell}`), () => {
        const ws = workbook().Worksheets.Item(sheet);
        ws.Activate();
        ws.Range(cell).Select();
      }),
    loadSettings: () => {
      try {
        return loadSheetSettings(app.ActiveWorkbook);
      } catch {
        return loadSheetSettings(null);
      }
    },
    saveSettings: (s) => run(S.saveSettings, () => saveSheetSettings(app, workbook(), s)),
    saveFile: (name, bytes) =>
      run(S.saveFile, () => {
        // Beside the workbook when it has been saved somewhere; else on the desktop.
        const folder = app.ActiveWorkbook?.Path || "";
        const dir = folder || app.Env.GetDesktopPath();
        const path = freeName(app, dir, name);
        if (!writeBytes(app, path, bytes)) throw new Error(WPS_TEXT.fileNotWritten(path));
        return WPS_TEXT.savedTo(folder ? WPS_TEXT.workbookFolder(joinPath(dir, "")) : WPS_TEXT.desktop(dir));
      }),
  };
}
