import Decimal from "decimal.js";
import type { Unit } from "../base/money";

/**
 * Numbers in report text, with their units: "3,120,000.00元", "3.07万元", "1.79亿", "10.63%", "5.3分",
 * "56人", "五名干部", "12项". Text is NFKC-folded first (full-width digits). A range ("5000-10000元") is
 * recognised and marked, so no check uses it as a single value.
 */
export type TokenUnit = Unit | "%" | "分" | "count";

export interface NumberToken {
  value: Decimal;
  unit: TokenUnit;
  /** Decimals as written: the precision a stated figure is judged by. */
  decimals: number;
  start: number;
  end: number;
  text: string;
  range: boolean;
}

const CN_DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const CN_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000, 万: 10000 };

/** "十二" → 12, "二十五" → 25, "一百零三" → 103; null when it is not a plain Chinese numeral. */
export function chineseNumeral(s: string): number | null {
  if (!/^[零〇一二两三四五六七八九十百千万]+$/.test(s)) return null;
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

const AMOUNT =
  /(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*(?:[-~～至到]\s*(\d[\d,]*(?:\.\d+)?)\s*)?(亿元|万元|千元|元|亿|万|%|％|个百分点|分|人次|人|户|项|次|个|名|辆|批次)/g;
const CN_COUNT = /([零〇一二两三四五六七八九十百千]+)(项|名|人|个|次|户|辆|批次)/g;

const unitOf = (u: string): TokenUnit => {
  if (u === "亿") return "亿元";
  if (u === "万") return "万元";
  if (u === "%" || u === "％" || u === "个百分点") return "%";
  if (u === "分") return "分";
  if (["元", "千元", "万元", "亿元"].includes(u)) return u as Unit;
  return "count";
};

export function tokenize(text: string): NumberToken[] {
  const tokens: NumberToken[] = [];
  for (const m of text.matchAll(AMOUNT)) {
    // A digit glued to a letter or part of a date/code is not an amount ("2020年" has no unit here anyway).
    const before = text[m.index! - 1] ?? "";
    if (/[A-Za-z_.]/.test(before)) continue;
    const raw = m[1].replace(/,/g, "");
    tokens.push({
      value: new Decimal(raw),
      unit: unitOf(m[3]),
      decimals: (raw.split(".")[1] ?? "").length,
      start: m.index!,
      end: m.index! + m[0].length,
      text: m[0],
      range: m[2] !== undefined,
    });
  }
  for (const m of text.matchAll(CN_COUNT)) {
    const n = chineseNumeral(m[1]);
    if (n === null || tokens.some((t) => t.start <= m.index! && m.index! < t.end)) continue;
    tokens.push({
      value: new Decimal(n),
      unit: "count",
      decimals: 0,
      start: m.index!,
      end: m.index! + m[0].length,
      text: m[0],
      range: false,
    });
  }
  return tokens.sort((a, b) => a.start - b.start);
}

export const isMoney = (t: NumberToken): t is NumberToken & { unit: Unit } =>
  t.unit === "元" || t.unit === "千元" || t.unit === "万元" || t.unit === "亿元";

const FACTOR: Record<Unit, number> = { 元: 1, 千元: 1000, 万元: 10000, 亿元: 100000000 };
export const factorOf = (u: Unit) => new Decimal(FACTOR[u]);

/** Half a unit of the last written decimal, in 元: the rounding a stated amount carries. */
export function halfUlpYuan(t: NumberToken & { unit: Unit }): Decimal {
  return new Decimal(0.5).times(new Decimal(10).pow(-t.decimals)).times(factorOf(t.unit));
}
