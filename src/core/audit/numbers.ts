/**
 * Numbers in report text, read exactly: "3,120,000.00元", "3.07万元", "1.79亿", "10.63%", "5.3分", "56人", "五名干部",
 * "2020年", "〔2022〕12号". Every value is an integer with its written decimals (no binary fractions), so a stated figure
 * keeps the precision it is judged by. Money is compared as integers of 10⁻⁶ 元 (BigInt: no range limit), rates as
 * integers of their written decimals. A range ("5000-10000元", "2020-2022年") is marked and never used as one value.
 */
import { matchesNotAfter } from "../base/scan";
import { MONEY_EXP, MONEY_UNITS, COUNT_WORDS, unitOfBareWan } from "./vocabulary";
import type { MoneyUnit } from "./vocabulary";

/** A decimal as written: value = n / 10^d. */
export interface Dec {
  n: bigint;
  d: number;
}

export type FigureKind = "money" | "percent" | "pp" | "count" | "points" | "year" | "date" | "label" | "bare";

export interface Figure {
  start: number;
  end: number;
  /** As written, sign and unit included. */
  text: string;
  kind: FigureKind;
  /** Money unit, count word, "%", "分"; "" for bare numbers. */
  unit: string;
  value: Dec;
  range: boolean;
  /** "38万": 万 without 元 (money only if the sentence says so); "8.45万" of people is a count. */
  bare?: boolean;
  /**
   * Decimals the figure is judged by when its item writes others with more ("4.5万元" beside "0.03万元" is 4.50, its
   * trailing zero dropped); at most 2. Unset: as written.
   */
  precision?: number;
}

/** µ元: 10⁻⁶ 元. Every written amount is a whole number of them (万元 with up to 10 decimals). */
export const MICRO = 1_000_000n;

export const TEN = (k: number): bigint => 10n ** BigInt(k);

export function decOf(text: string): Dec {
  const negative = text.startsWith("-");
  const t = text.replace(/^-/, "").replace(/,/g, "");
  const [whole, frac = ""] = t.split(".");
  const n = BigInt(whole + frac || "0");
  return { n: negative ? -n : n, d: frac.length };
}

export const isZero = (v: Dec) => v.n === 0n;
export const abs = (x: bigint) => (x < 0n ? -x : x);

/** An amount in µ元 (rounded half away from zero if it is finer, which no report writes). */
export function micro(f: Figure, unit: MoneyUnit = f.unit as MoneyUnit): bigint {
  return shift(f.value.n, MONEY_EXP[unit] + 6 - f.value.d);
}

/** Half a unit of the last written decimal, in µ元: the rounding a stated amount carries. Zero is exact. */
export function halfUlp(f: Figure, unit: MoneyUnit = f.unit as MoneyUnit): bigint {
  // "0" is nothing; "0.00万元" is whatever rounds to it (a table's 21元 prints so).
  if (f.value.n === 0n && f.value.d === 0) return 0n;
  const exp = MONEY_EXP[unit] + 6 - Math.max(f.value.d, f.precision ?? 0); // one unit of the last decimal, in µ元
  return exp <= 0 ? 1n : 5n * TEN(exp - 1);
}

/** n × 10^exp, rounded half away from zero when exp < 0. */
export function shift(n: bigint, exp: number): bigint {
  if (exp >= 0) return n * TEN(exp);
  const q = TEN(-exp);
  const r = abs(n) % q;
  const t = abs(n) / q + (2n * r >= q ? 1n : 0n);
  return n < 0n ? -t : t;
}

/** A decimal as text with its own decimals: (1234n, 2) → "12.34". */
export function decText(v: Dec): string {
  const neg = v.n < 0n;
  const digits = abs(v.n)
    .toString()
    .padStart(v.d + 1, "0");
  const text = v.d === 0 ? digits : `${digits.slice(0, -v.d)}.${digits.slice(-v.d)}`;
  return neg ? `-${text}` : text;
}

/** µ元 as a 元 string with two decimals, rounded half away from zero: the findings' amount format. */
export function yuanText(m: bigint): string {
  const q = 10_000n;
  const r = abs(m) % q;
  const fen = abs(m) / q + (2n * r >= q ? 1n : 0n);
  return decText({ n: m < 0n && fen !== 0n ? -fen : fen, d: 2 });
}

/** µ元 in `unit`, with `decimals` decimals (rounded half away from zero): how the report would write it. */
export function amountIn(m: bigint, unit: MoneyUnit, decimals: number): string {
  const t = shift(m, -(MONEY_EXP[unit] + 6 - decimals));
  return decText({ n: t, d: decimals }) + unit;
}

/** num / den × 100 as a percent with `decimals` decimals (rounded half away from zero); den ≠ 0. */
export function percentText(num: bigint, den: bigint, decimals = 2): string {
  const scale = 100n * TEN(decimals);
  const neg = num < 0n !== den < 0n;
  const a = abs(num) * scale;
  const b = abs(den);
  const t = a / b + (2n * (a % b) >= b ? 1n : 0n);
  return decText({ n: neg && t !== 0n ? -t : t, d: decimals });
}

const CN_DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 壹: 1, 二: 2, 贰: 2, 两: 2, 三: 3, 叁: 3, 四: 4, 肆: 4, 五: 5, 伍: 5 };
Object.assign(CN_DIGITS, { 六: 6, 陆: 6, 七: 7, 柒: 7, 八: 8, 捌: 8, 九: 9, 玖: 9 });
const CN_UNITS: Record<string, number> = { 十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000, 万: 10000 };

/** "十二" → 12, "二十五" → 25, "一百零三" → 103, "壹" → 1; null when it is not a plain Chinese numeral. */
export function chineseNumeral(s: string): number | null {
  if (!/^[零〇一壹二贰两三叁四肆五伍六陆七柒八捌九玖十拾百佰千仟万]+$/.test(s)) return null;
  let total = 0;
  let section = 0;
  let digit = 0;
  for (const ch of s) {
    if (ch in CN_DIGITS) digit = CN_DIGITS[ch];
    else {
      const u = CN_UNITS[ch];
      if (u === 10000) {
        total += (section + digit) * u;
        section = 0;
      } else section += (digit || 1) * u;
      digit = 0;
    }
  }
  return total + section + digit;
}

const NUMBER = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d,])|\d+(?:\.\d+)?`;
const MONEY_WORD = [...MONEY_UNITS, "万亿", "亿", "万"].sort((a, b) => b.length - a.length).join("|");
const OTHER_UNIT = ["个百分点", "百分点", "%", "分", ...COUNT_WORDS].sort((a, b) => b.length - a.length).join("|");
const FIGURE = new RegExp(
  String.raw`(-)?(${NUMBER})(?:\s*([-~～至到])\s*-?(${NUMBER}))?\s*(?:(${MONEY_WORD})|(${OTHER_UNIT})|(年度|年|月|日|号|届|次会议))?`,
  "g",
);
const CN_COUNT = new RegExp(`([零〇一壹二贰两三叁四肆五伍六陆七柒八捌九玖十拾百佰千仟]+)(${COUNT_WORDS.join("|")})`, "g");

/** Every number of a (normalised) text, in order. */
export function tokenize(text: string): Figure[] {
  const out: Figure[] = [];
  // A figure never starts right after a digit, "." or "," (`(?<![\d.,])`, kept out of the pattern for ES2017 hosts).
  for (const m of matchesNotAfter(FIGURE, text, /[\d.,]/)) {
    const start = m.index!;
    const before = text.slice(Math.max(0, start - 1), start);
    if (/[A-Za-z_]/.test(before)) continue;
    // A minus sign counts unless it joins two figures ("5000-10000" is read as a range above).
    const sign = m[1] && !/[\dA-Za-z.]/.test(before) ? "-" : "";
    const value = decOf(sign + m[2]);
    const range = m[3] !== undefined;
    const after = text.slice(start + m[0].length, start + m[0].length + 2);
    let kind: FigureKind = "bare";
    let unit = "";
    let bare = false;
    if (m[5]) {
      const u = m[5];
      if (u === "万" || u === "亿" || u === "万亿") {
        const counted = unitOfBareWan(text.slice(Math.max(0, start - 8), start), after);
        if (counted) {
          kind = "count";
          unit = "万" + counted;
        } else {
          kind = "money";
          unit = u === "万" ? "万元" : u === "亿" ? "亿元" : "万亿元";
          bare = true;
        }
      } else {
        kind = "money";
        unit = u;
      }
    } else if (m[6]) {
      const u = m[6];
      if (u === "%") kind = "percent";
      else if (u === "个百分点" || u === "百分点") kind = "pp";
      else if (u === "分") kind = /^[之钟别期批类项]/.test(after) ? "label" : "points";
      else kind = "count";
      unit = kind === "percent" ? "%" : u;
    } else if (m[7]) {
      const u = m[7];
      kind = (u === "年" || u === "年度") && value.d === 0 && /^(19|20)\d\d$/.test(m[2]) ? "year" : "date";
      if (u === "号" || u === "届" || u === "次会议") kind = "label";
      unit = u;
    }
    // "第6位", "〔2022〕12号", "[2014]45号": ranks and document numbers are labels.
    if (/第$/.test(text.slice(Math.max(0, start - 1), start)) || /[〔[【][^〕\]】]*$/.test(text.slice(Math.max(0, start - 6), start))) {
      kind = "label";
    }
    // "行政运行（2010301）", "（30217）": a 科目 code in brackets after a name is part of the name.
    if (kind === "bare" && !range && /^\d{3,7}$/.test(m[2]) && /[（(]$/.test(before) && /^[）)]/.test(after)) kind = "label";
    // "2015年8月底", "12月8日": dates.
    if (kind === "bare" && /^[月日]/.test(after)) kind = "date";
    out.push({ start, end: start + m[0].length, text: m[0], kind, unit, value, range, ...(bare ? { bare } : {}) });
  }
  for (const m of text.matchAll(CN_COUNT)) {
    const n = chineseNumeral(m[1]);
    const start = m.index!;
    if (n === null || out.some((t) => t.start <= start && start < t.end)) continue;
    out.push({ start, end: start + m[0].length, text: m[0], kind: "count", unit: m[2], value: { n: BigInt(n), d: 0 }, range: false });
  }
  return out.sort((a, b) => a.start - b.start);
}
