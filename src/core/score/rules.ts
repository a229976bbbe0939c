import { Decimal } from "../base/money";
import type { Rule } from "./framework";

/**
 * Score of one indicator from its measured rate (percent), by rule type. Scores are decimal, never below 0,
 * never above the weight. Each rule's edge behaviour is part of its contract (see rules.test.ts):
 * - ceiling: full at or below the target; k points off per percentage point above (partial points pro rata).
 * - floorSteps: full at or above the target; k points off per *complete* step of s% below ("每低于5%扣2分").
 * - bands: upper-inclusive bands on the value; above all bands, `otherwise`.
 * - proportional: weight × min(rate, cap) ÷ 100 (over-execution capped at full marks).
 * - threeTier: weight × min(rate, 100) ÷ 100, and the tier (≥80%, ≥60%, below) is reported for the clerk.
 * - manual: no score until the clerk gives one.
 */
export function scoreByRule(rule: Rule, weight: number, rate: Decimal | null): Decimal | null {
  if (rule.type === "manual" || rate === null) return null;
  const w = new Decimal(weight);
  const clamp = (d: Decimal) => Decimal.max(0, Decimal.min(w, d));
  switch (rule.type) {
    case "ceiling": {
      if (rate.lte(rule.target)) return w;
      return clamp(w.minus(rate.minus(rule.target).times(rule.perPoint)));
    }
    case "floorSteps": {
      if (rate.gte(rule.target)) return w;
      const steps = rate.minus(rule.target).abs().dividedBy(rule.step).floor();
      return clamp(w.minus(steps.times(rule.perStep)));
    }
    case "bands": {
      for (const b of rule.bands) if (rate.lte(b.upTo)) return clamp(new Decimal(b.score));
      return clamp(new Decimal(rule.otherwise));
    }
    case "proportional":
      return clamp(w.times(Decimal.min(rate, rule.cap)).dividedBy(100));
    case "threeTier":
      return clamp(w.times(Decimal.min(rate, 100)).dividedBy(100));
  }
}

export function tierOf(rule: Rule, rate: Decimal | null): string | null {
  if (rule.type !== "threeTier" || rate === null) return null;
  if (rate.gte(rule.high)) return `${rule.high}%以上档`;
  if (rate.gte(rule.low)) return `${rule.low}%—${rule.high}%档`;
  return `${rule.low}%以下档`;
}

/** The rule in words, for the output sheet and the report. */
export function describeRule(rule: Rule): string {
  switch (rule.type) {
    case "ceiling":
      return `≤${rule.target}%得满分，每超过1个百分点扣${rule.perPoint}分，扣完为止`;
    case "floorSteps":
      return `≥${rule.target}%得满分，每低于${rule.step}%扣${rule.perStep}分，扣完为止`;
    case "bands":
      return `${rule.bands.map((b) => `≤${b.upTo}%得${b.score}分`).join("；")}；其余得${rule.otherwise}分`;
    case "proportional":
      return `按比例计分（超过${rule.cap}%按${rule.cap}%计）`;
    case "threeTier":
      return `按完成比例计分，分${rule.high}%以上、${rule.low}%—${rule.high}%、${rule.low}%以下三档`;
    case "manual":
      return rule.guide ?? "由评价人员据实评分";
  }
}
