import type { Presentation } from "../base/presentation";

/** What the drafts need of the clerk's settings: the unit and decimals of amounts, and the variance threshold. */
export interface ReportOptions extends Presentation {
  thresholdPercent: number;
  /** Lines whose difference from the budget is below this many 万元 are summarised, not written out (0 = no floor). */
  floorWanYuan?: number;
}
