/**
 * Money is exact: an integer number of 分 (0.01 元) in a JS number, always a safe integer. Integer arithmetic is exact and
 * an order of magnitude faster than a decimal library; no amount is ever a binary fraction. Rates are integers too: basis
 * points of a percent (1234 = 12.34 %), rounded half away from zero like the 2-decimal percentages clerks write.
 *
 * Bounds: one amount must stay below 10¹³ 元 (10 万亿元, above any department's figure), so that sums of many amounts stay
 * far inside 2⁵³ 分; a larger amount is a `bad-value`, and a sum that still leaves the safe range throws AmountRangeError.
 * Amounts finer than 分 (万元 with seven decimals) are rounded half away from zero and reported by the reader, never
 * rounded silently.
 */
export type Fen = number;
/** Hundredths of a percent: 1234 is 12.34 %. */
export type Bp = number;

export const UNITS = ["元", "千元", "万元", "亿元"] as const;
export type Unit = (typeof UNITS)[number];

/** 分 per unit, and its power of ten. */
export const FEN_PER: Readonly<Record<Unit, number>> = { 元: 100, 千元: 100_000, 万元: 1_000_000, 亿元: 10_000_000_000 };
const FEN_EXP: Readonly<Record<Unit, number>> = { 元: 2, 千元: 5, 万元: 6, 亿元: 10 };

/** The largest amount a cell may hold, in 分 (10¹³ 元). */
export const MAX_AMOUNT_FEN = 1e15;
const SAFE = Number.MAX_SAFE_INTEGER;

/** A sum left the range where integers are exact. A data problem: the analysis turns it into a finding for the table. */
export class AmountRangeError extends Error {
  constructor() {
    super("amount out of the exact range");
    this.name = "AmountRangeError";
  }
}

/**
 * 分 of a number in `unit` when it is a whole number of 分 and in range; null otherwise (then use `fenOfDecimal` on its
 * text). The check is exact: a decimal with at most the unit's decimals is the double nearest to it, and so is the
 * quotient fen / scale, so they are equal exactly when the number is a whole number of 分.
 */
export function wholeFen(v: number, unit: Unit): Fen | null {
  const scale = FEN_PER[unit];
  const fen = Math.round(v * scale);
  if (fen / scale !== v || fen > MAX_AMOUNT_FEN || fen < -MAX_AMOUNT_FEN) return null;
  return fen || 0; // never −0
}

/** A number as Excel shows and compares it: 15 significant digits ("0.1+0.2" is 0.3, not 0.30000000000000004). */
export function excelNumberText(v: number): string {
  return String(Number(v.toPrecision(15)));
}

export type FenReading = { fen: Fen; exact: boolean } | "too-large" | null;

const DECIMAL = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;

/**
 * 分 of a decimal text ("1234.5678", "-1.2e3") in `unit`, exactly: digits are shifted, never multiplied as floats.
 * Rounded half away from zero below 分, with `exact` false then. "too-large" beyond the bound (whatever the exponent:
 * "1e999999999" costs nothing); null when the text is not a decimal number.
 */
export function fenOfDecimal(text: string, unit: Unit): FenReading {
  const m = DECIMAL.exec(text);
  if (!m || (m[2] === "" && (m[3] ?? "") === "")) return null;
  const negative = m[1] === "-";
  const digits = (m[2] + (m[3] ?? "")).replace(/^0+/, "");
  // Position of the decimal point, counted from the left of `digits`, once the value is expressed in 分.
  const leadingZerosDropped = (m[2] + (m[3] ?? "")).length - digits.length;
  const point = m[2].length - leadingZerosDropped + Number(m[4] ?? 0) + FEN_EXP[unit];
  if (digits === "") return { fen: 0, exact: true };
  if (point > 16) return "too-large";
  if (point <= -1) return { fen: 0, exact: false }; // every digit is below half a 分
  const whole = point <= 0 ? "" : digits.slice(0, point).padEnd(point, "0");
  const dropped = digits.slice(Math.max(point, 0));
  let fen = whole === "" ? 0 : Number(whole);
  const roundUp = dropped !== "" && dropped.charCodeAt(0) >= 53; // "5"…"9"
  if (roundUp) fen += 1;
  if (fen > MAX_AMOUNT_FEN) return "too-large";
  return { fen: negative && fen !== 0 ? -fen : fen, exact: !/[1-9]/.test(dropped) };
}

/** 分 of a number in `unit`: whole 分 when it is one, else through its Excel text (15 significant digits). */
export function fenOfNumber(v: number, unit: Unit): FenReading {
  if (!Number.isFinite(v)) return null;
  const fen = wholeFen(v, unit);
  return fen !== null ? { fen, exact: true } : fenOfDecimal(excelNumberText(v), unit);
}

/** a + b, exact; throws when the sum leaves the safe range. */
export function addFen(a: Fen, b: Fen): Fen {
  const r = a + b;
  if (r > SAFE || r < -SAFE) throw new AmountRangeError();
  return r;
}

/** Sum, skipping nulls (an unreadable value never counts as 0). */
export function sumFen(values: Iterable<Fen | null>): Fen {
  let s = 0;
  if (Array.isArray(values)) {
    // Arrays (nearly every call) by index: no iterator objects on a 100,000-line table.
    const list = values as (Fen | null)[];
    for (let i = 0; i < list.length; i++) {
      const v = list[i];
      if (v !== null) s = addFen(s, v);
    }
    return s;
  }
  for (const v of values) if (v !== null) s = addFen(s, v);
  return s;
}

/** n ÷ d rounded half away from zero, exactly, for safe integers (d ≠ 0). */
export function divRound(n: number, d: number): number {
  const negative = n < 0 !== d < 0;
  const a = Math.abs(n);
  const b = Math.abs(d);
  let q = Math.floor(a / b);
  let r = a - q * b;
  // The float quotient can be one off near an integer: correct it with the exact remainder.
  while (r < 0) {
    q -= 1;
    r += b;
  }
  while (r >= b) {
    q += 1;
    r -= b;
  }
  if (r >= b - r) q += 1;
  return negative && q !== 0 ? -q : q;
}

/** Rate in basis points of a percent, or null when the base is zero or missing (never 0 %, never ∞), or absurdly small. */
export function rateBp(numerator: Fen | null, base: Fen | null): Bp | null {
  if (numerator === null || base === null || base === 0) return null;
  if (Math.abs(numerator) <= 900_000_000_000) return divRound(numerator * 10000, base);
  // Beyond 9 亿元 the numerator × 10⁴ leaves the safe range: the same division in BigInt.
  // BigInt(…) calls rather than literals (10000n): literals are ES2020 syntax, which the older embedded browsers of
  // WPS 加载项 cannot parse, while this path runs only for amounts beyond 9 亿元.
  const zero = BigInt(0);
  const n = BigInt(numerator) * BigInt(10000);
  const d = BigInt(base);
  let q = n / d;
  const r = n % d;
  const twice = (r < zero ? -r : r) * BigInt(2);
  if (twice >= (d < zero ? -d : d)) q += n < zero !== d < zero ? BigInt(-1) : BigInt(1);
  // Beyond 2⁵³ basis points (9×10¹³ %: a base of a few 分 under a large amount) no rate is worth stating.
  return q > BigInt(Number.MAX_SAFE_INTEGER) || q < -BigInt(Number.MAX_SAFE_INTEGER) ? null : Number(q);
}

/**
 * A plain number from settings or a framework (a percentage, a weight, points) in hundredths, exactly as written, rounded
 * half away from zero below a hundredth: 12.5 → 1250. A percentage in hundredths is basis points.
 */
export function hundredths(n: number): number {
  const r = fenOfDecimal(excelNumberText(n), "元"); // the same digit shift as 元 → 分
  if (r === null || r === "too-large") throw new RangeError(`not a usable number: ${n}`);
  return r.fen;
}

/** Hundredths as the shortest text: 300 → "3", 250 → "2.5", 533 → "5.33". */
export function hundredthsText(h: number): string {
  return scaledText(h, 2).replace(/\.?0+$/, "");
}

/** Integer with `decimals` implied decimals as text: (-12345, 2) → "-123.45"; zero never has a sign. */
export function scaledText(n: number, decimals: number): string {
  if (decimals === 2) return centsText(n);
  const negative = n < 0;
  const digits = String(Math.abs(n));
  if (decimals === 0) return negative && n !== 0 ? `-${digits}` : digits;
  const padded = digits.padStart(decimals + 1, "0");
  const text = `${padded.slice(0, -decimals)}.${padded.slice(-decimals)}`;
  return negative ? `-${text}` : text;
}

/**
 * scaledText(n, 2), the JSON contract's every amount and rate: integer arithmetic, no padding or slicing of strings.
 * The float quotient can be one off for the largest safe integers; the exact remainder corrects it.
 */
function centsText(n: number): string {
  const a = n < 0 ? -n : n;
  const whole = hundreds(a);
  const cents = a - whole * 100;
  const text = cents < 10 ? `${whole}.0${cents}` : `${whole}.${cents}`;
  return n < 0 ? `-${text}` : text;
}

/** ⌊a ÷ 100⌋ for a ≥ 0, exactly: the float quotient corrected by the exact remainder (one off for the largest safe integers). */
function hundreds(a: number): number {
  let whole = Math.floor(a / 100);
  while (a - whole * 100 < 0) whole -= 1;
  while (a - whole * 100 >= 100) whole += 1;
  return whole;
}

/** ".00" … ".99" with the closing quote: centsJson's cents without a number-to-string conversion each. */
const CENTS_JSON = Array.from({ length: 100 }, (_, c) => `.${c < 10 ? "0" : ""}${c}"`);

/**
 * JSON.stringify(scaledText(n, 2)), or "null" for null: an amount or rate of the `check --json` contract as JSON text,
 * quotes included. The streamed document writes ten per line, so the cents come from a table, not a conversion; a
 * number that is not a safe integer (never an amount) takes scaledText's own path, so the text is the same either way.
 */
export function centsJson(n: number | null): string {
  if (n === null) return "null";
  const a = n < 0 ? -n : n;
  const whole = hundreds(a);
  const tail = CENTS_JSON[a - whole * 100];
  if (tail === undefined) return JSON.stringify(scaledText(n, 2));
  return n < 0 ? `"-${whole}${tail}` : `"${whole}${tail}`;
}

/** An amount in `unit` with fixed decimals, rounded half away from zero: (424100_00, 万元, 2) → "42.41". */
export function formatFen(fen: Fen, unit: Unit, decimals = 2): string {
  const shift = FEN_EXP[unit] - decimals;
  if (shift >= 0) return scaledText(divRound(fen, 10 ** shift), decimals);
  const whole = scaledText(fen, FEN_EXP[unit]); // exact, then pad: 元 with 4 decimals
  return whole + "0".repeat(-shift);
}

/** Two-decimal string in 元, the JSON contract ("-424100.00"); null stays null. */
export function yuanString(fen: Fen | null): string | null {
  return fen === null ? null : scaledText(fen, 2);
}

/** Two-decimal percent string ("-7.43") or null. */
export function percentString(bp: Bp | null): string | null {
  return bp === null ? null : scaledText(bp, 2);
}

/** The number a sheet cell should hold for an amount in `unit`: the double nearest to the exact decimal. */
export function fenToNumber(fen: Fen, unit: Unit): number {
  return fen / FEN_PER[unit];
}

/** 分 of a 元 string from the JSON contract or a finding ("-424100.00"). */
export function fenOfYuanString(text: string): Fen {
  const r = fenOfDecimal(text, "元");
  if (r === null || r === "too-large" || !r.exact) throw new RangeError(`not a 元 amount: ${text}`);
  return r.fen;
}

/** Decimals of an amount as written in `unit` (trailing zeros dropped): 12.3456 万元 → 4. */
export function decimalsIn(fen: Fen, unit: Unit): number {
  let d = FEN_EXP[unit];
  let f = Math.abs(fen) % FEN_PER[unit];
  if (f === 0) return 0;
  while (f % 10 === 0) {
    f /= 10;
    d -= 1;
  }
  return d;
}

/**
 * Whether a difference is within the rounding of `addends` figures written with `decimals` decimals in `unit`: half a unit
 * of the last written decimal per addend (a figure typed finer than 分 was rounded to 分 when read, which is the same).
 */
export function withinRounding(difference: Fen, addends: number, unit: Unit, decimals: number): boolean {
  return 2 * Math.abs(difference) <= addends * lastDecimalFen(unit, decimals);
}

/** One unit of the last decimal figures in `unit` are written with, in 分 (万元 with two decimals: 100 分); never below 1 分. */
export function lastDecimalFen(unit: Unit, decimals: number): number {
  return 10 ** Math.max(FEN_EXP[unit] - decimals, 0);
}

/** Largest / smallest of many numbers without spreading them into arguments (which overflows the stack on large tables). */
export function maxOf(values: Iterable<number>, empty = -Infinity): number {
  let m = empty;
  for (const v of values) if (v > m) m = v;
  return m;
}

export function minOf(values: Iterable<number>, empty = Infinity): number {
  let m = empty;
  for (const v of values) if (v < m) m = v;
  return m;
}
