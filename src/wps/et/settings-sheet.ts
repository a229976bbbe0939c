import { settingsFromPieces, WPS_SETTINGS_SHEET, WPS_TEXT } from "../../core";
import { StoredSettingsSchema } from "../../excel/settings-store";
import type { StoredSettings } from "../../excel/settings-store";
import { XL } from "../api";
import type { EtApplication, EtWorkbook, EtWorksheet } from "../api";
import { to2D } from "../cells";

/**
 * The clerk's choices live in the workbook, so the next check (and the 文字 pane opening the same file) start from
 * them. WPS's PluginStorage is not persisted (it lives as long as the host process), so they are kept as JSON in a
 * very hidden sheet: invisible in the sheet tabs and in 取消隐藏, saved with the file, never read as a table.
 */
export const SETTINGS_SHEET = WPS_SETTINGS_SHEET;
/** A cell holds at most 32,767 characters; the JSON is cut into pieces down column A. */
const PIECE = 30_000;

function findSheet(workbook: EtWorkbook): EtWorksheet | null {
  try {
    return workbook.Worksheets.Item(SETTINGS_SHEET);
  } catch {
    return null; // Item throws for a name that is not there
  }
}

/** Reads and validates; a damaged value falls back to defaults and says so, never throws at the clerk. */
export function loadSheetSettings(workbook: EtWorkbook | null): { settings: StoredSettings; problem: string | null } {
  const ws = workbook ? findSheet(workbook) : null;
  let raw: unknown = {};
  if (ws) {
    const used = ws.UsedRange;
    const read = settingsFromPieces(to2D(used.Value2, Number.MAX_SAFE_INTEGER, 1).map((r) => r[0]));
    // Unreadable JSON fails the schema below, so the clerk is told and the defaults are used.
    raw = read === undefined ? {} : (read ?? { thresholdPercent: "invalid" });
  }
  const parsed = StoredSettingsSchema.safeParse(raw);
  if (parsed.success) return { settings: parsed.data, problem: null };
  return { settings: StoredSettingsSchema.parse({}), problem: WPS_TEXT.settingsInvalid(parsed.error.issues[0]?.path.join(".") ?? "") };
}

/** Writes the settings into the very hidden sheet (made on first save), leaving the clerk's active sheet active. */
export function saveSheetSettings(app: EtApplication, workbook: EtWorkbook, settings: StoredSettings): void {
  const json = JSON.stringify(StoredSettingsSchema.parse(settings));
  const pieces: string[][] = [];
  for (let i = 0; i < json.length; i += PIECE) pieces.push([json.slice(i, i + PIECE)]);
  let ws = findSheet(workbook);
  if (!ws) {
    const active = app.ActiveSheet;
    const sheets = workbook.Worksheets;
    ws = sheets.Add(undefined, sheets.Item(sheets.Count));
    ws.Name = SETTINGS_SHEET;
    ws.Visible = XL.sheetVeryHidden;
    active?.Activate();
  } else ws.UsedRange.ClearContents();
  // Text, not numbers or formulas: the number format is "@" before the value goes in.
  const target = ws.Range("A1").Resize(pieces.length, 1);
  target.NumberFormat = "@";
  target.Value2 = pieces;
}
