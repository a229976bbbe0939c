import { columnLetter } from "../../core";
import type { CellGrid, CellValue, MergedArea } from "../../core";
import { XL } from "../api";
import type { EtRange, EtWorkbook, EtWorksheet } from "../api";
import { cvErrText, parseRange, serialToIso, to2D, toCellValue } from "../cells";

/** Header-like rows probed for merged cells, at most, per sheet (the recogniser reads a table without them too). */
export const MAX_MERGE_ROWS = 24;

/** A number format that shows a date or time: y/m/d/h/s outside quotes, escapes and [colour]/[$-locale] sections. */
export function isDateFormat(fmt: unknown): boolean {
  if (typeof fmt !== "string") return false;
  const bare = fmt
    .replace(/"[^"]*"/g, "")
    .replace(/\\./g, "")
    .replace(/\[[^\]]*\]/g, "");
  return /[ymdhs]/i.test(bare) && !/^general$/i.test(bare.trim());
}

interface Shape {
  top: number;
  left: number;
  rows: number;
  cols: number;
}

/**
 * Every visible or hidden sheet's used range → CellGrids (very hidden sheets are this tool's own settings and never
 * a clerk's table). Per sheet a constant number of bridge calls whatever its size: the used range's address, its
 * `Value2` as one 2-D block, its number format (and `Value()` once when formats are mixed, to mark date cells), one
 * merge probe, and only where needed: the host's own list of error cells when a CVErr-shaped number appears, and
 * merged areas in header-like rows (rows of text without amounts), at most MAX_MERGE_ROWS of them.
 */
export function readEtGrids(workbook: EtWorkbook): CellGrid[] {
  const sheets = workbook.Worksheets;
  const count = sheets.Count;
  const grids: CellGrid[] = [];
  for (let i = 1; i <= count; i++) {
    const ws = sheets.Item(i);
    const name = ws.Name;
    if (ws.Visible === XL.sheetVeryHidden) continue;
    grids.push(readSheet(ws, name));
  }
  return grids;
}

function readSheet(ws: EtWorksheet, name: string): CellGrid {
  const used = ws.UsedRange;
  const a = parseRange(used.Address(false, false));
  const shape: Shape = { top: a.top, left: a.left, rows: a.bottom - a.top + 1, cols: a.right - a.left + 1 };
  const raw = to2D(used.Value2, shape.rows, shape.cols);
  const origin = { row: shape.top, col: shape.left };
  if (raw.length === 0 || (shape.rows === 1 && shape.cols === 1 && (raw[0][0] === null || raw[0][0] === undefined || raw[0][0] === ""))) {
    return { sheet: name, origin, values: [], merges: [] };
  }

  const errors = errorCells(used, raw, shape);
  const dates = dateCells(used, raw, shape);
  const values: CellValue[][] = raw.map((row, r) =>
    row.map((v, c) => {
      if (typeof v === "number" && dates?.[r]?.[c]) return { date: serialToIso(v) };
      return toCellValue(v, () => errors === null || errors.has(`${r},${c}`));
    }),
  );
  return { sheet: name, origin, values, merges: mergedAreas(ws, used, values, shape) };
}

/**
 * Which CVErr-shaped numbers are error cells, by the host's own account (SpecialCells, for formula and for constant
 * errors), asked only when such a number appears. null: every CVErr-shaped number is an error (the host could not be
 * asked, or the range is one cell: SpecialCells on a single cell searches the whole sheet, so its Text decides).
 */
function errorCells(used: EtRange, raw: unknown[][], shape: Shape): Set<string> | null {
  let candidates = 0;
  for (const row of raw) for (const v of row) if (typeof v === "number" && cvErrText(v) !== null) candidates++;
  if (candidates === 0) return new Set();
  if (shape.rows === 1 && shape.cols === 1) {
    const text = used.Text;
    return typeof text === "string" && text.startsWith("#") ? null : new Set();
  }
  const found = new Set<string>();
  let asked = false;
  for (const type of [XL.cellTypeFormulas, XL.cellTypeConstants]) {
    try {
      const cells = used.SpecialCells(type, XL.errors);
      asked = true;
      for (const part of cells.Address(false, false).split(",")) {
        const p = parseRange(part);
        for (let r = p.top; r <= p.bottom; r++) for (let c = p.left; c <= p.right; c++) found.add(`${r - shape.top},${c - shape.left}`);
      }
    } catch {
      asked = true; // "no cells were found" is how the host says there are none of this kind
    }
  }
  return asked ? found : null;
}

/** Date cells, from the number formats: none when the used range has one non-date format; else `Value()` says. */
function dateCells(used: EtRange, raw: unknown[][], shape: Shape): boolean[][] | null {
  const hasNumber = raw.some((row) => row.some((v) => typeof v === "number"));
  if (!hasNumber) return null;
  const fmt = used.NumberFormat;
  if (typeof fmt === "string") return isDateFormat(fmt) ? raw.map((row) => row.map((v) => typeof v === "number")) : null;
  // Mixed formats: Value() returns dates as dates (Date objects or date text), everything else as Value2 does.
  const typed = to2D(used.Value(), shape.rows, shape.cols);
  return raw.map((row, r) =>
    row.map((v, c) => {
      const t = typed[r]?.[c];
      return typeof v === "number" && t !== undefined && t !== null && typeof t !== "number" && typeof t !== "boolean";
    }),
  );
}

/**
 * Merged areas, probed where the recogniser reads them: header-like rows (text, no amounts) with blanks after text.
 * One probe of the whole range first; a range without merges costs nothing more.
 */
function mergedAreas(ws: EtWorksheet, used: EtRange, values: CellValue[][], shape: Shape): MergedArea[] {
  if (used.MergeCells === false) return [];
  const merges: MergedArea[] = [];
  const seen = new Set<string>();
  let probed = 0;
  for (let r = 0; r < values.length && probed < MAX_MERGE_ROWS; r++) {
    const row = values[r];
    const texts = row.filter((v) => typeof v === "string" && v.trim() !== "").length;
    const numbers = row.filter((v) => typeof v === "number").length;
    if (texts === 0 || numbers > 0) continue;
    // Anchors: text cells followed by a blank (a horizontal merge) or above a blank (a vertical one).
    const anchors: number[] = [];
    for (let c = 0; c < row.length; c++) {
      if (typeof row[c] !== "string") continue;
      const right = c + 1 < row.length && row[c + 1] === null;
      const below = r + 1 < values.length && values[r + 1][c] === null;
      if (right || below) anchors.push(c);
    }
    if (anchors.length === 0) continue;
    probed++;
    const rowRange = ws.Range(
      `${columnLetter(shape.left)}${shape.top + r + 1}:${columnLetter(shape.left + shape.cols - 1)}${shape.top + r + 1}`,
    );
    if (rowRange.MergeCells === false) continue;
    for (const c of anchors) {
      const area = parseRange(ws.Range(`${columnLetter(shape.left + c)}${shape.top + r + 1}`).MergeArea.Address(false, false));
      if (area.top === area.bottom && area.left === area.right) continue;
      const m = {
        top: area.top - shape.top,
        left: area.left - shape.left,
        bottom: area.bottom - shape.top,
        right: area.right - shape.left,
      };
      const key = `${m.top},${m.left}`;
      if (!seen.has(key)) {
        seen.add(key);
        merges.push(m);
      }
    }
  }
  return merges;
}
