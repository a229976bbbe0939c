import { isCellDate, isCellError } from "../base/cell-grid";
import type { CellValue } from "../base/cell-grid";
import { decimalsIn, excelNumberText, fenOfDecimal, wholeFen } from "../base/money";
import type { FenReading, Unit } from "../base/money";

/**
 * What clerks put in amount cells, read exactly: numbers, and text such as "3,120,000.00", "１２３", "(1,200.00)",
 * "-1,200", "¥3.5", "3.07万元", "12.5%". A dash ("—", "-", "/") means "nothing reported": empty, not zero. Anything
 * else is bad — a finding, never silently 0.
 */
export type ParsedText =
  | { kind: "number"; decimal: string; unit: Unit | null; percent: boolean; decimals: number }
  | { kind: "empty"; dash: boolean }
  | { kind: "bad"; reason: BadReason; text: string };

export type BadReason = "error-value" | "text" | "boolean" | "date" | "too-large" | "percent";

const DASH_ONLY = /^[-‐‑‒–—―−_~/\\]+$/;
/** Words that mean "not applicable" in a figure cell: empty, like a dash. */
const NOT_APPLICABLE = /^(单位不需填列|不需填列|无需填列|不适用|不涉及)$/;
const UNIT_SUFFIX = /(亿元|万元|千元|元|万)$/;
const PLAIN = /^(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const EXCEL_ERROR = /^#(REF!|DIV\/0!|VALUE!|N\/A|NAME\?|NUM!|NULL!|SPILL!|CALC!|GETTING_DATA)$/i;

/** A text cell as a decimal string (sign included, no separators), with its unit suffix and written decimals. */
export function parseNumberText(raw: string): ParsedText {
  let s = raw.normalize("NFKC").replace(/[\s\u00a0\u3000]+/g, "");
  if (s === "") return { kind: "empty", dash: false };
  if (EXCEL_ERROR.test(s)) return { kind: "bad", reason: "error-value", text: s };
  if (DASH_ONLY.test(s) || NOT_APPLICABLE.test(s)) return { kind: "empty", dash: true };
  let negative = false;
  const paren = /^\((.*)\)$/.exec(s);
  if (paren) {
    negative = true;
    s = paren[1];
  }
  if (/^[-−]/.test(s)) {
    negative = !negative;
    s = s.slice(1);
  }
  s = s.replace(/^[¥$]/, "");
  let percent = false;
  if (s.endsWith("%")) {
    percent = true;
    s = s.slice(0, -1);
  }
  let unit: Unit | null = null;
  const u = UNIT_SUFFIX.exec(s);
  if (u && !percent) {
    unit = u[1] === "万" ? "万元" : (u[1] as Unit);
    s = s.slice(0, -u[1].length);
  }
  // Thousands separators: only well-formed groups, so "1,2" is not read as 12.
  if (s.includes(",")) {
    if (!/^\d{1,3}(,\d{3})+(\.\d*)?$/.test(s)) return { kind: "bad", reason: "text", text: raw };
    s = s.replace(/,/g, "");
  }
  if (!PLAIN.test(s)) return { kind: "bad", reason: "text", text: raw };
  const fraction = /\.(\d*)/.exec(s);
  return { kind: "number", decimal: negative ? `-${s}` : s, unit, percent, decimals: fraction ? fraction[1].length : 0 };
}

/**
 * One number as read from a cell. `value` is an integer in hundredths of the base unit: 分 for money (in 元 whatever the
 * table's unit), hundredths of a point or of a person for scores and counts. `exact` is false when a finer figure had
 * to be rounded (reported, never silent). `decimals` is the precision as written, in the table's unit.
 */
export interface AmountCell {
  cell: string;
  value: number | null;
  /** The text as written, for text and unreadable cells ("" for plain numbers). */
  raw: string;
  bad: BadReason | null;
  dash: boolean;
  /** The cell held text that was read as a number ("3,120,000.00"): a formula cannot use it as it is. */
  text: boolean;
  decimals: number;
  exact: boolean;
}

/**
 * Reads one cell. `unit` is the table's (or the column's) unit for money; non-money numbers (scores, counts) pass
 * "元", which keeps hundredths. A unit written in the cell ("3.07万元") wins over the table's.
 */
export function readAmountCell(v: CellValue, cell: string, unit: Unit, money: boolean): AmountCell {
  if (typeof v === "number") {
    // Most cells: a whole number of 分, read with one multiplication and one check.
    const fen = wholeFen(v, unit);
    if (fen !== null)
      return { cell, value: fen, raw: "", bad: null, dash: false, text: false, decimals: decimalsIn(fen, unit), exact: true };
    return fromReading(fenOfNumberText(v, unit), cell, excelNumberText(v), false, decimalsOf(v));
  }
  if (v === null) return { cell, value: null, raw: "", bad: null, dash: false, text: false, decimals: 0, exact: true };
  if (typeof v === "boolean") return badCell(cell, String(v), "boolean");
  if (isCellError(v)) return badCell(cell, v.error, "error-value");
  if (isCellDate(v)) return badCell(cell, v.date, "date");
  const p = parseNumberText(v);
  if (p.kind === "empty") return { cell, value: null, raw: v, bad: null, dash: p.dash, text: true, decimals: 0, exact: true };
  if (p.kind === "bad") return badCell(cell, v, p.reason);
  if (p.percent) return badCell(cell, v, "percent");
  return fromReading(fenOfDecimal(p.decimal, money ? (p.unit ?? unit) : "元"), cell, v, true, p.decimals);
}

function fenOfNumberText(v: number, unit: Unit): FenReading {
  return Number.isFinite(v) ? fenOfDecimal(excelNumberText(v), unit) : null;
}

function fromReading(r: FenReading, cell: string, raw: string, text: boolean, decimals: number): AmountCell {
  if (r === null) return badCell(cell, raw, "text");
  if (r === "too-large") return badCell(cell, raw, "too-large");
  return { cell, value: r.fen, raw: text ? raw : "", bad: null, dash: false, text, decimals, exact: r.exact };
}

function badCell(cell: string, raw: string, reason: BadReason): AmountCell {
  return { cell, value: null, raw, bad: reason, dash: false, text: true, decimals: 0, exact: true };
}

/** Decimals of a plain number as Excel shows it (15 significant digits): 12.5 → 1, 3 → 0. */
function decimalsOf(v: number): number {
  if (Number.isInteger(v)) return 0;
  const t = excelNumberText(v);
  const e = t.indexOf("e");
  if (e >= 0) return Math.max(0, -Number(t.slice(e + 1)) + (t.indexOf(".") >= 0 ? e - t.indexOf(".") - 1 : 0));
  const dot = t.indexOf(".");
  return dot < 0 ? 0 : t.length - dot - 1;
}
