import { Decimal } from "../base/money";
import type { Unit } from "../base/money";
import { isCellError } from "../base/cell-grid";
import type { CellValue } from "../base/cell-grid";

export type ParsedNumber =
  | { kind: "number"; value: Decimal; unit: Unit | null; percent: boolean }
  | { kind: "empty"; dash: boolean }
  | { kind: "bad"; reason: "error-value" | "text" | "boolean"; text: string };

const DASH_ONLY = /^[-‐‑‒–—―−_~/\\]+$/;
const UNIT_SUFFIX = /(亿元|万元|千元|元|万)$/;
const NUMBER = /^(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i;

/**
 * Reads what clerks put in amount cells: numbers, and text such as "3,120,000.00", "１２３",
 * "(1,200.00)", "-1,200", "¥3.5", "3.07万元", "12.5%". A dash ("—", "-", "/") means "nothing
 * reported" and is empty, not zero. Anything else is bad: a finding, never silently 0.
 */
export function parseNumber(v: CellValue): ParsedNumber {
  if (v === null) return { kind: "empty", dash: false };
  if (typeof v === "number") {
    if (!Number.isFinite(v)) return { kind: "bad", reason: "text", text: String(v) };
    return { kind: "number", value: new Decimal(v), unit: null, percent: false };
  }
  if (typeof v === "boolean") return { kind: "bad", reason: "boolean", text: String(v) };
  if (isCellError(v)) return { kind: "bad", reason: "error-value", text: v.error };
  const raw = v;
  let s = raw.normalize("NFKC").replace(/[\s\u00a0\u3000]+/g, "");
  if (s === "") return { kind: "empty", dash: false };
  if (/^#[A-Z/0-9!?]+[!?]?$/i.test(s) && /^#(REF!|DIV\/0!|VALUE!|N\/A|NAME\?|NUM!|NULL!|SPILL!|CALC!|GETTING_DATA)$/i.test(s)) {
    return { kind: "bad", reason: "error-value", text: s };
  }
  if (DASH_ONLY.test(s)) return { kind: "empty", dash: true };

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
  // Thousands separators: only accept well-formed groups, so "1,2" is not read as 12.
  if (s.includes(",")) {
    if (!/^\d{1,3}(,\d{3})+(\.\d*)?$/.test(s)) return { kind: "bad", reason: "text", text: raw };
    s = s.replace(/,/g, "");
  }
  if (!NUMBER.test(s)) return { kind: "bad", reason: "text", text: raw };
  let value = new Decimal(s);
  if (negative) value = value.negated();
  return { kind: "number", value, unit, percent };
}
