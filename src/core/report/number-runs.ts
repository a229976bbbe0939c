import { Decimal, formatAmount, percentRate } from "../base/money";
import type { Unit } from "../base/money";
import type { Run } from "./model";

/** Number runs: the text is always produced from the value here, so the self-check can recompute it. */
export interface NumberStyle {
  unit: Unit;
  decimals: number;
}

export function amount(yuan: Decimal, s: NumberStyle): Run {
  return { kind: "number", text: formatAmount(yuan, s.unit, s.decimals), value: yuan, format: "amount" };
}

/** |amount|, for sentences that carry the sign in words (增加/减少). */
export function magnitude(yuan: Decimal, s: NumberStyle): Run {
  return amount(yuan.abs(), s);
}

/** A percentage of numerator over base (never called with a zero base: callers say "no rate" in words). */
export function percent(numerator: Decimal, base: Decimal, absolute = false): Run {
  const rate = percentRate(numerator, base);
  if (rate === null) throw new RangeError("percent of a zero base: say it in words instead");
  const v = absolute ? rate.abs() : rate;
  return { kind: "number", text: v.toFixed(2, Decimal.ROUND_HALF_UP), value: v, format: "percent", of: { numerator: absolute ? numerator.abs() : numerator, base: absolute ? base.abs() : base } };
}

export function points(score: Decimal): Run {
  return { kind: "number", text: trimPoints(score), value: score, format: "points" };
}

export function count(n: Decimal): Run {
  return { kind: "number", text: n.toString(), value: n, format: "count" };
}

/** Scores read "5分", "4.5分", "3.15分" — as 评分表 write them. */
export function trimPoints(d: Decimal): string {
  return d.toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toString();
}

export function formatOf(run: Extract<Run, { kind: "number" }>, s: NumberStyle): string {
  switch (run.format) {
    case "amount":
      return formatAmount(run.value, s.unit, s.decimals);
    case "percent":
      return run.value.toFixed(2, Decimal.ROUND_HALF_UP);
    case "points":
      return trimPoints(run.value);
    case "count":
      return run.value.toString();
  }
}
