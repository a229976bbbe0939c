import { formatFen, fenOfYuanString, scaledText } from "./money";
import type { Bp, Fen, Unit } from "./money";

/** How amounts are shown to the clerk: the unit chosen in settings (default 万元) and its decimals. */
export interface Presentation {
  displayUnit: Unit;
  decimals: number;
}

export const DEFAULT_PRESENTATION: Presentation = { displayUnit: "万元", decimals: 2 };

/** "42.41万元"; a missing amount is "—". */
export function amountText(fen: Fen | null, p: Presentation): string {
  return fen === null ? "—" : `${formatFen(fen, p.displayUnit, p.decimals)}${p.displayUnit}`;
}

/** A 元 string carried in a finding ("-424100.00") in the clerk's unit. */
export function yuanStringText(yuan: string, p: Presentation): string {
  return amountText(fenOfYuanString(yuan), p);
}

/** "12.34%"; a missing rate (zero base) is said, never shown as 0 %. */
export function rateText(bp: Bp | null, whenNull = "无（基数为0）"): string {
  return bp === null ? whenNull : `${scaledText(bp, 2)}%`;
}
