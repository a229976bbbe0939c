import { formatFen, hundredthsText, rateBp, scaledText } from "../base/money";
import type { Fen, Unit } from "../base/money";
import type { NumberRun, Run } from "./model";

/** Number runs: the text is always produced from the value here, so the self-check can recompute it. */
export interface NumberStyle {
  unit: Unit;
  decimals: number;
}

export function amount(fen: Fen, s: NumberStyle): Run {
  return { kind: "number", text: formatFen(fen, s.unit, s.decimals), value: fen, format: "amount" };
}

/** |amount|, for sentences that carry the sign in words (增加/减少). */
export function magnitude(fen: Fen, s: NumberStyle): Run {
  return amount(Math.abs(fen), s);
}

/** A percentage of numerator over base (never called with a zero base: callers say "no rate" in words). */
export function percent(numerator: Fen, base: Fen, absolute = false): Run {
  const rate = rateBp(numerator, base);
  if (rate === null) throw new RangeError("percent of a zero base: say it in words instead");
  const v = absolute ? Math.abs(rate) : rate;
  const of = absolute ? { numerator: Math.abs(numerator), base: Math.abs(base) } : { numerator, base };
  return { kind: "number", text: scaledText(v, 2), value: v, format: "percent", of };
}

/** Points in hundredths: "5分", "4.5分", "3.15分" — as 评分表 write them. */
export function points(h: number): Run {
  return { kind: "number", text: hundredthsText(h), value: h, format: "points" };
}

/** A count in hundredths (56 people is 5600). */
export function count(h: number): Run {
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
