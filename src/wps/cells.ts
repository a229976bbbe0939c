import type { CellValue } from "../core";

/**
 * Error cells. WPS hands formula errors back through `Value2` as CVErr numbers, not as "#DIV/0!" strings:
 * 0x800A0000 | xlErr code, read as a signed 32-bit integer (−2146828288 + code). `#DIV/0!` is −2146826281
 * (0x800A07D7, xlErrDiv0 = 2007), measured on WPS 12.1 and published with the measurement in a public add-in's notes;
 * the codes are Excel's XlCVError values (Microsoft's VBA reference, "Cell error values"). A CVErr number must never
 * become an amount: it is mapped to `{ error }` here, and read-grids.ts asks the host to confirm which cells are errors
 * before a number of this exact form is taken as one.
 */
export const CVERR_BASE = -2146828288; // 0x800A0000 as int32
export const XL_ERRORS: Record<number, string> = {
  2000: "#NULL!",
  2007: "#DIV/0!",
  2015: "#VALUE!",
  2023: "#REF!",
  2029: "#NAME?",
  2036: "#NUM!",
  2042: "#N/A",
  2043: "#GETTING_DATA",
  2045: "#SPILL!",
  2046: "#CONNECT!",
  2047: "#BLOCKED!",
  2048: "#UNKNOWN!",
  2049: "#FIELD!",
  2050: "#CALC!",
};

/** The error text of a CVErr number, or null when the number is not one. */
export function cvErrText(n: number): string | null {
  return Number.isInteger(n) ? (XL_ERRORS[n - CVERR_BASE] ?? null) : null;
}

/** Error texts as a cell shows them (a host may also hand back the text itself). */
const ERROR_TEXT = /^#(NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|GETTING_DATA|SPILL!|CONNECT!|BLOCKED!|UNKNOWN!|FIELD!|CALC!)$/;

/**
 * One `Value2` cell → a grid value. `confirmError` says whether a CVErr-shaped number really is an error cell (the
 * host was asked); without it, every CVErr-shaped number counts as an error, never as an amount.
 */
export function toCellValue(v: unknown, confirmError: (n: number) => boolean = () => true): CellValue {
  if (v === "" || v === null || v === undefined) return null;
  if (typeof v === "number") {
    if (!Number.isFinite(v)) return { error: "#NUM!" };
    const err = cvErrText(v);
    return err !== null && confirmError(v) ? { error: err } : v;
  }
  if (typeof v === "boolean") return v;
  if (typeof v === "string") return ERROR_TEXT.test(v) ? { error: v } : v;
  if (v instanceof Date) return { date: isoDate(v) };
  return null;
}

/**
 * A `Value2`/`Value()` result as rows × columns. WPS returns a scalar for a 1×1 range; a single row or column may
 * come back as a flat array. The range's shape decides which.
 */
export function to2D(v: unknown, rows: number, cols: number): unknown[][] {
  if (!Array.isArray(v)) return [[v]];
  if (v.length === 0) return [];
  if (Array.isArray(v[0])) return v as unknown[][];
  // A flat array: one row of `cols` values, or one column of `rows` values.
  return rows === 1 || cols !== 1 ? [v as unknown[]] : (v as unknown[]).map((x) => [x]);
}

function pad(n: number, w = 2): string {
  return String(n).padStart(w, "0");
}

function isoDate(d: Date): string {
  const day = `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  const h = d.getHours();
  const m = d.getMinutes();
  const s = d.getSeconds();
  return h || m || s ? `${day}T${pad(h)}:${pad(m)}:${pad(s)}` : day;
}

/**
 * A 1900-system date serial (what `Value2` holds for a date cell) as an ISO date. Serial 60 is 1900-02-29, a day that
 * never was (Lotus's leap-year bug kept by every spreadsheet): it stays the raw serial, as CellDate asks.
 */
export function serialToIso(serial: number): string {
  if (serial === 60 || serial < 1) return String(serial);
  const whole = Math.floor(serial);
  const days = whole > 60 ? whole - 1 : whole; // past the phantom day
  const ms = Date.UTC(1899, 11, 31) + days * 86_400_000;
  const d = new Date(ms);
  const day = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  const secs = Math.round((serial - whole) * 86_400);
  if (secs === 0 || secs >= 86_400) return day;
  return `${day}T${pad(Math.floor(secs / 3600))}:${pad(Math.floor(secs / 60) % 60)}:${pad(secs % 60)}`;
}

/** "B3:F20" (or "$B$3", "'表'!B3:F20") → top-left and bottom-right, 0-based. */
export function parseRange(address: string): { top: number; left: number; bottom: number; right: number } {
  const bare = address.slice(address.lastIndexOf("!") + 1).replace(/\$/g, "");
  const [from, to] = bare.split(":");
  const a = cellOf(from);
  const b = cellOf(to ?? from);
  return { top: a.row, left: a.col, bottom: b.row, right: b.col };
}

function cellOf(ref: string): { row: number; col: number } {
  const m = /^([A-Za-z]+)(\d+)$/.exec(ref.trim());
  if (!m) throw new RangeError(`not an A1 address: ${ref}`);
  let col = 0;
  for (const ch of m[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, col: col - 1 };
}
