import { scaledText } from "../base/money";
import type { Bp, Fen } from "../base/money";
import { amountText } from "../base/presentation";
import type { Presentation } from "../base/presentation";

export { amountText, rateText, DEFAULT_PRESENTATION } from "../base/presentation";
export type { Presentation } from "../base/presentation";

/**
 * "较上年增加A万元，增长B%" / "减少…，下降…" / "与上年持平" / "新增A万元" (zero base: never "增长100%").
 * `base` is the earlier amount the change is measured from.
 */
export function changeText(diff: Fen | null, rate: Bp | null, base: Fen | null, p: Presentation, against = "上年"): string {
  if (diff === null) return "";
  if (diff === 0) return `与${against}持平`;
  if (base === 0) return `较${against}新增${amountText(Math.abs(diff), p)}`;
  const up = diff > 0;
  const pct = rate === null ? "" : `，${up ? "增长" : "下降"}${scaledText(Math.abs(rate), 2)}%`;
  return `较${against}${up ? "增加" : "减少"}${amountText(Math.abs(diff), p)}${pct}`;
}
