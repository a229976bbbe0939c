import { divRound, hundredths } from "../base/money";
import type { Bp } from "../base/money";
import { tierText } from "../catalogue/scoring";
import type { Rule } from "./framework";

/**
 * Score of one indicator from its measured rate, by rule type, in exact integers: rates in basis points (hundredths of a
 * percent, as stated: 103.70 %), scores in hundredths of a point. Never below 0, never above the weight. Each rule's edge
 * behaviour is part of its contract (see rules.test.ts):
 * - ceiling: full at or below the target; k points off per percentage point above (partial points pro rata).
 * - floorSteps: full at or above the target; k points off per *complete* step of s% below ("每低于5%扣2分").
 * - bands: upper-inclusive bands on the value; above all bands, `otherwise`.
 * - proportional: weight × min(rate, cap) ÷ 100 (over-execution capped at full marks).
 * - threeTier: weight × min(rate, 100) ÷ 100, and the tier (≥80%, ≥60%, below) is reported for the clerk.
 * - manual: no score until the clerk gives one.
 */
export function scoreByRule(rule: Rule, weight: number, rate: Bp | null): number | null {
  if (rule.type === "manual" || rate === null) return null;
  const w = hundredths(weight);
  const clamp = (points: number) => Math.max(0, Math.min(w, points));
  switch (rule.type) {
    case "ceiling": {
      const above = rate - hundredths(rule.target);
      // In ten-thousandths of a point (bp × hundredths of a point per point), rounded once at the end, as a clerk would.
      return above <= 0 ? w : clamp(divRound(w * 100 - above * hundredths(rule.perPoint), 100));
    }
    case "floorSteps": {
      const below = hundredths(rule.target) - rate;
      return below <= 0 ? w : clamp(w - Math.floor(below / hundredths(rule.step)) * hundredths(rule.perStep));
    }
    case "bands": {
      for (const b of rule.bands) if (rate <= hundredths(b.upTo)) return clamp(hundredths(b.score));
      return clamp(hundredths(rule.otherwise));
    }
    case "proportional":
      return clamp(divRound(w * Math.min(rate, hundredths(rule.cap)), 10000));
    case "threeTier":
      return clamp(divRound(w * Math.min(rate, 10000), 10000));
  }
}

/**
 * The same rule as an Excel formula of the rate's cell (a fraction: 0.9537 is 95.37 %), so that the sheet scores a rate the
 * clerk types and follows a corrected source. It computes what `scoreByRule` computes, step for step in integers: the
 * rate rounded to basis points (ROUND half away from zero, as `divRound`), the points in hundredths, rounded once, and
 * clamped to 0 … the weight. Blank until the cell holds a number; null for a manual rule.
 */
export function ruleFormula(rule: Rule, weight: number, rateCell: string): string | null {
  if (rule.type === "manual") return null;
  const w = hundredths(weight);
  const bp = `ROUND(${rateCell}*10000,0)`;
  // Hundredths of a point → points, clamped.
  const points = (h: string) => `MAX(0,MIN(${weight},(${h})/100))`;
  let f: string;
  switch (rule.type) {
    case "ceiling": {
      const t = hundredths(rule.target);
      const above = t === 0 ? bp : `(${bp}-${t})`;
      f = `IF(${bp}<=${t},${weight},${points(`ROUND((${w * 100}-${above}*${hundredths(rule.perPoint)})/100,0)`)})`;
      break;
    }
    case "floorSteps": {
      const t = hundredths(rule.target);
      f = `IF(${bp}>=${t},${weight},${points(`${w}-INT((${t}-${bp})/${hundredths(rule.step)})*${hundredths(rule.perStep)}`)})`;
      break;
    }
    case "bands": {
      const clamp = (score: number) => Math.max(0, Math.min(w, hundredths(score))) / 100;
      f = String(clamp(rule.otherwise));
      for (let i = rule.bands.length - 1; i >= 0; i--) {
        const b = rule.bands[i];
        f = `IF(${bp}<=${hundredths(b.upTo)},${clamp(b.score)},${f})`;
      }
      break;
    }
    case "proportional":
      f = points(`ROUND(${w}*MIN(${bp},${hundredths(rule.cap)})/10000,0)`);
      break;
    case "threeTier":
      f = points(`ROUND(${w}*MIN(${bp},10000)/10000,0)`);
      break;
  }
  return `IF(ISNUMBER(${rateCell}),${f},"")`;
}

/** The three-tier band a rate falls in ("80%以上档"), for the clerk; null for other rules. */
export function tierOf(rule: Rule, rate: Bp | null): string | null {
  if (rule.type !== "threeTier" || rate === null) return null;
  const band = rate >= hundredths(rule.high) ? "high" : rate >= hundredths(rule.low) ? "middle" : "low";
  return tierText(rule.high, rule.low, band);
}
