import { divRound, FEN_PER, formatFen, hundredthsText, rateBp, scaledText } from "../base/money";
import type { Fen, Unit } from "../base/money";
import type { NumberRun, Run } from "./model";

/** Number runs: the text is always produced from the value here, so the self-check can recompute it. */
export interface NumberStyle {
  unit: Unit;
  decimals: number;
}

/**
 * One precision for a sentence and its check: an amount is stated rounded to the style's decimals, and every difference,
 * rate and share in the draft is computed from the amounts as stated. A reader who recomputes a rate from the printed
 * figures gets the printed rate; a base that prints as zero gets no rate at all.
 */
export function quantum(s: NumberStyle): number {
  const q = FEN_PER[s.unit] / 10 ** s.decimals;
  return q >= 1 ? q : 1;
}

/** The amount as the draft prints it, in 分 (a multiple of the quantum). */
export function shown(fen: Fen, s: NumberStyle): Fen {
  const q = quantum(s);
  return q === 1 ? fen : divRound(fen, q) * q || 0;
}

export function amount(fen: Fen, s: NumberStyle): NumberRun {
  const v = shown(fen, s);
  return { kind: "number", text: formatFen(v, s.unit, s.decimals), value: v, format: "amount" };
}

/** |amount|, for sentences that carry the sign in words (增加/减少). */
export function magnitude(fen: Fen, s: NumberStyle): NumberRun {
  return amount(Math.abs(shown(fen, s)), s);
}

/** The difference of two amounts as printed (a − b). */
export function shownDiff(a: Fen, b: Fen, s: NumberStyle): Fen {
  return shown(a, s) - shown(b, s);
}

/** Whether a rate can be stated over this base: not when the base prints as zero. */
export function hasBase(base: Fen, s: NumberStyle): boolean {
  return shown(base, s) !== 0;
}

/**
 * A percentage of two printed amounts (numerator and base already shown, or raw: they are shown here). Callers check
 * `hasBase` first and say "no rate" in words otherwise.
 */
export function percent(numerator: Fen, base: Fen, s: NumberStyle, absolute = false): NumberRun {
  const n = shown(numerator, s);
  const b = shown(base, s);
  const rate = rateBp(n, b);
  if (rate === null) throw new RangeError("percent of a zero base: say it in words instead");
  const v = absolute ? Math.abs(rate) : rate;
  const of = absolute ? { numerator: Math.abs(n), base: Math.abs(b) } : { numerator: n, base: b };
  return { kind: "number", text: scaledText(v, 2), value: v, format: "percent", of };
}

/** A percentage of plain numbers (counts, points): no rounding of the operands. */
export function ratio(numerator: number, base: number): NumberRun {
  const rate = rateBp(numerator, base);
  if (rate === null) throw new RangeError("ratio of a zero base");
  return { kind: "number", text: scaledText(rate, 2), value: rate, format: "percent", of: { numerator, base } };
}

/** Points in hundredths: "5分", "4.5分", "3.15分" — as 评分表 write them. */
export function points(h: number): NumberRun {
  return { kind: "number", text: hundredthsText(h), value: h, format: "points" };
}

/** A count in hundredths (56 people is 5600). */
export function count(h: number): NumberRun {
  return { kind: "number", text: hundredthsText(h), value: h, format: "count" };
}

export function formatOf(run: NumberRun, s: NumberStyle): string {
  switch (run.format) {
    case "amount":
      return formatFen(run.value, s.unit, s.decimals);
    case "percent":
      return scaledText(run.value, 2);
    case "points":
    case "count":
      return hundredthsText(run.value);
  }
}

export type { Run };
