import type { Decimal, Unit } from "../base/money";
import { formatAmount } from "../base/money";

/** How amounts, rates and changes are worded, in one place for the pane, the CLI and the report. */
export interface Presentation {
  displayUnit: Unit;
  decimals: number;
}

export function amountText(yuan: Decimal | null, p: Presentation): string {
  return yuan === null ? "—" : `${formatAmount(yuan, p.displayUnit, p.decimals)}${p.displayUnit}`;
}

/** Percent with two decimals; a missing rate (zero base) is said, never shown as 0%. */
export function rateText(rate: Decimal | null, whenNull = "无（基数为0）"): string {
  return rate === null ? whenNull : `${rate.toFixed(2)}%`;
}

/**
 * "较上年增加A万元，增长B%" / "减少…，下降…" / "与上年持平" / "新增A万元" (zero base: never "增长100%").
 * `base` is the earlier amount the change is measured from.
 */
export function changeText(diff: Decimal | null, rate: Decimal | null, base: Decimal | null, p: Presentation, against = "上年"): string {
  if (diff === null) return "";
  if (diff.isZero()) return `与${against}持平`;
  if (base !== null && base.isZero()) return `较${against}新增${amountText(diff.abs(), p)}`;
  const up = diff.gt(0);
  const pct = rate === null ? "" : `，${up ? "增长" : "下降"}${rate.abs().toFixed(2)}%`;
  return `较${against}${up ? "增加" : "减少"}${amountText(diff.abs(), p)}${pct}`;
}
