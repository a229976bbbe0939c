import { settingsFromPieces, WPS_SETTINGS_SHEET } from "../core";
import type { CellGrid } from "../core";
import { hasCompoundSignature } from "./compound-file";
import { openWorkbook, readPackageGrids, readWorkbookGrids } from "./read-workbook";
import { storedSettingsOf } from "./stored-settings";

/**
 * The one door for the task panes (Word's pane parses a picked workbook in the browser): grids and the settings Excel's
 * pane stored in the file, from one reading of the zip. Nothing here (or below) imports Node.
 */
export async function readWorkbookFile(
  bytes: Uint8Array,
  fileName: string,
): Promise<{ grids: CellGrid[]; storedSettings: unknown | null }> {
  // An old .xls has no stored settings (the panes keep them in .xlsx parts and WPS's very hidden sheet of an .xlsx).
  if (hasCompoundSignature(bytes)) return { grids: await readWorkbookGrids(bytes, fileName), storedSettings: null };
  const pkg = openWorkbook(bytes, fileName);
  const grids = readPackageGrids(pkg);
  let storedSettings: unknown | null = null;
  try {
    storedSettings = storedSettingsOf(pkg.zip, fileName) ?? wpsSheetSettings(pkg);
  } catch {
    storedSettings = null; // damaged settings never stop a workbook from being read
  }
  return { grids, storedSettings };
}

/** Settings WPS 表格 kept in its very hidden sheet: JSON cut in pieces down column A. */
function wpsSheetSettings(pkg: ReturnType<typeof openWorkbook>): unknown | null {
  const sheet = pkg.sheets.find((s) => s.name === WPS_SETTINGS_SHEET && s.state === "veryHidden");
  if (!sheet) return null;
  const [grid] = readPackageGrids(pkg, (s) => s === sheet, true);
  return settingsFromPieces((grid?.values ?? []).map((r) => r[0])) ?? null;
}
