import type { CellValue } from "../core";
import { isoDate, serialDate } from "./excel-date";
import { CLOSE, EMPTY, OPEN, XmlCursor, decodeEntities, decodeXstring } from "./xml-scan";

/** Excel's grid: 1,048,576 rows × 16,384 columns (XFD). References beyond it are malformed and ignored. */
export const MAX_ROWS = 1048576;
export const MAX_COLS = 16384;

/** What a sheet part holds, cell by cell, before it becomes a grid: only cells with a value are kept. */
export interface ScannedSheet {
  /** Sheet row (0-based) of each scanned row, in document order. */
  rows: number[];
  /** Per scanned row: the columns (0-based) and values of its non-empty cells. */
  cols: number[][];
  vals: CellValue[][];
  /** Per scanned row, formulas aligned with `cols`; undefined for rows without any formula text. */
  forms: ((string | null)[] | undefined)[];
  /** Merged areas in sheet coordinates (0-based, inclusive), in document order; malformed references left out. */
  merges: { top: number; left: number; bottom: number; right: number }[];
  cellCount: number;
}

export interface ScanContext {
  sharedStrings: string[];
  /** Per cell format index: whether it shows a date or time. */
  dateStyles: boolean[];
  date1904: boolean;
}

/** Where the last successful `refAt` pointed (0-based): no array per cell. */
let refRow = 0;
let refCol = 0;

/** Reads "XFD1048576" (optionally with $) between `from` and `to`; false when malformed or outside Excel's grid. */
function refAt(s: string, from: number, to: number): boolean {
  let i = from;
  let col = 0;
  if (i < to && s.charCodeAt(i) === 36) i++; // $
  const colStart = i;
  for (; i < to; i++) {
    let ch = s.charCodeAt(i);
    if (ch >= 97 && ch <= 122) ch -= 32;
    if (ch < 65 || ch > 90) break;
    col = col * 26 + (ch - 64);
    if (i - colStart >= 3) return false;
  }
  if (i === colStart) return false;
  if (i < to && s.charCodeAt(i) === 36) i++;
  const rowStart = i;
  let row = 0;
  for (; i < to; i++) {
    const ch = s.charCodeAt(i);
    if (ch < 48 || ch > 57) return false;
    row = row * 10 + (ch - 48);
    if (i - rowStart >= 7) return false;
  }
  if (i === rowStart || row < 1 || row > MAX_ROWS || col > MAX_COLS) return false;
  refRow = row - 1;
  refCol = col - 1;
  return true;
}

/** "XFD1048576" → [row, col] (0-based), or null when malformed or outside Excel's grid. */
export function parseRef(s: string, from = 0, to = s.length): [number, number] | null {
  return refAt(s, from, to) ? [refRow, refCol] : null;
}

/** "A1:F12" or "A1" → area, or null when malformed (reversed corners are put in order). */
export function parseArea(ref: string): { top: number; left: number; bottom: number; right: number } | null {
  const colon = ref.indexOf(":");
  const a = parseRef(ref, 0, colon < 0 ? ref.length : colon);
  const b = colon < 0 ? a : parseRef(ref, colon + 1);
  if (!a || !b) return null;
  return { top: Math.min(a[0], b[0]), left: Math.min(a[1], b[1]), bottom: Math.max(a[0], b[0]), right: Math.max(a[1], b[1]) };
}

/** A numeric cell's text as a value: a number, or the text itself when it is no finite number ("1e999999999"). */
function numberValue(text: string): CellValue {
  if (text === "") return null;
  const n = Number(text); // Number() ignores surrounding white space, and reads "" or "  " as 0
  if (Number.isFinite(n)) return n !== 0 || /\d/.test(text) ? n : text.trim() === "" ? null : text;
  return text.trim();
}

function cellValue(type: number, v: string | null, inline: string | null, style: number, ctx: ScanContext): CellValue {
  switch (type) {
    case T_SHARED: {
      if (v === null) return null;
      const s = ctx.sharedStrings[Number(v)];
      return s === undefined || s === "" ? null : s;
    }
    case T_INLINE:
      return inline === null || inline === "" ? (v === null || v === "" ? null : v) : inline;
    case T_STR:
      return v === null || v === "" ? null : v;
    case T_BOOL:
      return v === null ? null : v.trim() === "1" || v.trim() === "true";
    case T_ERROR:
      return v === null || v === "" ? null : { error: v.trim() };
    case T_DATE:
      return v === null || v.trim() === "" ? null : isoDate(v);
    default: {
      if (v === null) return inline === null || inline === "" ? null : inline;
      const value = numberValue(v);
      return typeof value === "number" && style > 0 && ctx.dateStyles[style] ? serialDate(v.trim(), ctx.date1904) : value;
    }
  }
}

/**
 * Scans a worksheet part: <sheetData> cell by cell, then <mergeCells>. One pass, no tree; a missing `r` attribute
 * continues from the previous row or cell, as Excel does.
 */
export function scanSheet(xml: string, ctx: ScanContext): ScannedSheet {
  const out: ScannedSheet = { rows: [], cols: [], vals: [], forms: [], merges: [], cellCount: 0 };
  const cur = new XmlCursor(xml);
  while (cur.next()) if (cur.is("sheetData")) break;
  if (cur.kind === OPEN) scanCells(cur, ctx, out);
  while (cur.next()) {
    if (cur.kind === CLOSE || !cur.is("mergeCell")) continue;
    const ref = cur.rawAttr("ref");
    const area = ref === undefined ? null : parseArea(ref);
    if (area) out.merges.push(area);
  }
  return out;
}

function scanCells(cur: XmlCursor, ctx: ScanContext, out: ScannedSheet): void {
  let row = -1;
  let col = -1;
  let rowCols: number[] | null = null;
  let rowVals: CellValue[] | null = null;
  let rowForms: (string | null)[] | undefined;
  const flush = () => {
    if (rowCols && rowCols.length > 0) {
      out.rows.push(row);
      out.cols.push(rowCols);
      out.vals.push(rowVals as CellValue[]);
      out.forms.push(rowForms);
    }
    rowCols = null;
    rowVals = null;
    rowForms = undefined;
  };
  const attrs = new CellAttrs();
  while (cur.next()) {
    if (cur.is("c")) {
      if (cur.kind === CLOSE) continue;
      attrs.read(cur);
      const hasRef = attrs.rStart >= 0;
      if (hasRef && refAt(cur.xml, attrs.rStart, attrs.rEnd)) {
        if (refRow !== row) {
          flush();
          row = refRow;
        }
        col = refCol;
      } else if (hasRef) {
        // A malformed reference: the cell cannot be placed; skip it and its content.
        cur.skipElement();
        continue;
      } else {
        if (row < 0) row = 0;
        col++;
        if (col >= MAX_COLS) {
          cur.skipElement();
          continue;
        }
      }
      if (cur.kind === EMPTY) continue;
      const type = attrs.type;
      const style = attrs.style;
      let v: string | null = null;
      let f: string | null = null;
      let inline: string | null = null;
      // Children of <c>: <f>, <v>, <is> (with <t> or rich-text runs <r><t>, and <rPh> phonetics left out).
      let phonetic = 0;
      // The usual shape, <v>…</v></c>, read without the general loop (most cells of most sheets).
      const x = cur.xml;
      const p = cur.pos;
      if (x.charCodeAt(p) === 60 && x.charCodeAt(p + 1) === 118 && x.charCodeAt(p + 2) === 62) {
        const lt = x.indexOf("<", p + 3);
        if (lt > 0 && x.startsWith("</v></c>", lt)) {
          v = x.substring(p + 3, lt);
          if (v.indexOf("&") >= 0) v = decodeEntities(v);
          cur.pos = lt + 8;
          phonetic = -1;
        }
      }
      while (phonetic >= 0 && cur.next()) {
        if (cur.is("v")) {
          if (cur.kind === OPEN) v = cur.text();
          continue;
        }
        if (cur.is("c")) {
          if (cur.kind !== CLOSE) cur.pos = cur.tagStart; // malformed: the cell was not closed; the outer loop reads this tag
          break;
        }
        if (cur.is("row") || cur.is("sheetData")) {
          cur.pos = cur.tagStart;
          break;
        }
        if (cur.is("rPh")) phonetic += cur.kind === OPEN ? 1 : cur.kind === CLOSE && phonetic > 0 ? -1 : 0;
        if (cur.kind !== OPEN) continue;
        if (cur.is("f")) f = cur.text();
        else if (phonetic === 0 && cur.is("t")) inline = (inline ?? "") + cur.text();
      }
      if (inline !== null) inline = decodeXstring(inline);
      const value = cellValue(type, v, inline, style, ctx);
      if (value === null) continue;
      if (!rowCols) {
        rowCols = [];
        rowVals = [];
      }
      rowCols.push(col);
      (rowVals as CellValue[]).push(value);
      if (f !== null && f !== "") {
        rowForms ??= new Array<string | null>(rowCols.length - 1).fill(null);
        rowForms.push(f);
      } else if (rowForms) rowForms.push(null);
      out.cellCount++;
    } else if (cur.is("row")) {
      if (cur.kind === CLOSE) continue;
      flush();
      const r = cur.rawAttr("r");
      const n = r === undefined ? NaN : Number(r);
      row = Number.isInteger(n) && n >= 1 && n <= MAX_ROWS ? n - 1 : row + 1;
      col = -1;
      if (row >= MAX_ROWS) {
        if (cur.kind === OPEN) cur.skipElement();
        row = MAX_ROWS - 1;
      }
    } else if (cur.kind === CLOSE && cur.is("sheetData")) break;
  }
  flush();
}

/** Cell types by the first letters of `t`: no string is made for the attribute. */
const T_NUMBER = 0;
const T_SHARED = 1;
const T_STR = 2;
const T_INLINE = 3;
const T_BOOL = 4;
const T_ERROR = 5;
const T_DATE = 6;

/** The three attributes of <c> that matter (r, s, t), read in one pass over the tag without making strings. */
class CellAttrs {
  /** Where the `r` value starts and ends (rStart < 0: absent). */
  rStart = -1;
  rEnd = -1;
  style = 0;
  type = T_NUMBER;

  read(cur: XmlCursor): void {
    this.rStart = this.rEnd = -1;
    this.style = 0;
    this.type = T_NUMBER;
    const x = cur.xml;
    const end = cur.attrEnd;
    let i = cur.attrStart;
    while (i < end) {
      const eq = x.indexOf("=", i);
      if (eq < 0 || eq >= end) return;
      let nameEnd = eq;
      while (nameEnd > i && x.charCodeAt(nameEnd - 1) <= 32) nameEnd--;
      let q = eq + 1;
      while (q < end && x.charCodeAt(q) !== 34 && x.charCodeAt(q) !== 39) q++;
      if (q >= end) return;
      const close = x.indexOf(x.charCodeAt(q) === 34 ? '"' : "'", q + 1);
      if (close < 0 || close > end) return;
      const prev = x.charCodeAt(nameEnd - 2);
      // A one-letter local name: preceded by white space (or a prefix's colon).
      if (prev === 32 || prev === 9 || prev === 10 || prev === 13 || prev === 58) {
        const ch = x.charCodeAt(nameEnd - 1);
        if (ch === 114 /* r */) {
          this.rStart = q + 1;
          this.rEnd = close;
        } else if (ch === 115 /* s */) {
          let n = 0;
          for (let k = q + 1; k < close; k++) {
            const d = x.charCodeAt(k) - 48;
            if (d < 0 || d > 9 || n > 1e7) {
              n = 0;
              break;
            }
            n = n * 10 + d;
          }
          this.style = n;
        } else if (ch === 116 /* t */) this.type = typeCode(x, q + 1, close);
      }
      i = close + 1;
    }
  }
}

function typeCode(x: string, from: number, to: number): number {
  const len = to - from;
  const c = x.charCodeAt(from);
  if (len === 1) return c === 115 ? T_SHARED : c === 98 ? T_BOOL : c === 101 ? T_ERROR : c === 100 ? T_DATE : T_NUMBER;
  if (len === 3 && x.startsWith("str", from)) return T_STR;
  if (len === 9 && x.startsWith("inlineStr", from)) return T_INLINE;
  return T_NUMBER;
}

/** The text of cell A1, looking no further than the first row of the sheet. */
export function firstCellText(xml: string, sst: () => string[]): string | null {
  const cur = new XmlCursor(xml);
  while (cur.next()) if (cur.is("sheetData")) break;
  if (cur.kind !== OPEN) return null;
  while (cur.next()) {
    if (cur.is("row") && cur.kind !== CLOSE) {
      const r = cur.rawAttr("r");
      if (r !== undefined && r !== "1") return null;
    } else if (cur.is("c") && cur.kind !== CLOSE) {
      const ref = cur.rawAttr("r");
      if (ref !== undefined && ref.toUpperCase().replace(/\$/g, "") !== "A1") return null;
      if (cur.kind === EMPTY) return null;
      const type = cur.rawAttr("t");
      let text = "";
      let v: string | null = null;
      while (cur.next() && !(cur.is("c") && cur.kind === CLOSE)) {
        if (cur.kind !== OPEN) continue;
        if (cur.is("v")) v = cur.text();
        else if (cur.is("t")) text += cur.text();
      }
      if (type === "s") return v === null ? null : (sst()[Number(v)] ?? null);
      return type === "inlineStr" ? decodeXstring(text) : v;
    } else if (cur.is("sheetData") && cur.kind === CLOSE) return null;
  }
  return null;
}
