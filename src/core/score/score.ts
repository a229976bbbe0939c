import type { Analysis } from "../analyse/analysis";
import { Decimal, sumMoney } from "../base/money";
import { FrameworkSchema, gradeOf } from "./framework";
import type { Framework, Indicator } from "./framework";
import { FRAMEWORKS } from "./frameworks";
import { measure } from "./measures";
import type { MeasureInput } from "./measures";
import { describeRule, scoreByRule, tierOf } from "./rules";
import type { ScoringSettings } from "./scoring-settings";

export interface ScoredItem {
  indicator: Indicator;
  /** auto: computed from the workbook; manual: given by the clerk; pending: waits for the clerk; missing: an input is not found. */
  status: "auto" | "manual" | "pending" | "missing";
  rate: Decimal | null;
  inputs: MeasureInput[];
  score: Decimal | null;
  note: string | null;
  rule: string;
}

export interface ScoringResult {
  framework: Framework;
  items: ScoredItem[];
  groups: { level1: string; weight: Decimal; score: Decimal | null }[];
  baseTotal: Decimal;
  bonus: { name: string; points: Decimal }[];
  bonusTotal: Decimal;
  total: Decimal;
  /** Items still without a score; the grade waits until there are none. */
  pending: number;
  grade: string | null;
}

/** The shipped framework chosen in settings, with the clerk's weights and rule parameters applied (and re-validated). */
export function frameworkFor(s: ScoringSettings): Framework {
  const base = FRAMEWORKS[s.framework];
  if (!base) throw new RangeError(`unknown framework ${s.framework}`);
  const customized = {
    ...base,
    grades: s.grades ?? base.grades,
    bonusCap: s.bonusCap ?? base.bonusCap,
    indicators: base.indicators.map((i) => ({ ...i, weight: s.weights[i.id] ?? i.weight, rule: s.rules[i.id] ?? i.rule })),
  };
  // Changed weights must still add up to the full score: the schema refuses them otherwise, with the sum in its message.
  return FrameworkSchema.parse(customized);
}

export function scoreFramework(framework: Framework, analysis: Analysis, s: ScoringSettings): ScoringResult {
  const items: ScoredItem[] = framework.indicators.map((indicator) => {
    const rule = describeRule(indicator.rule);
    const manual = s.manual[indicator.id];
    if (indicator.rule.type === "manual" || !indicator.measure) {
      if (manual === undefined) return { indicator, status: "pending", rate: null, inputs: [], score: null, note: "待评价人员评分", rule };
      if (manual > indicator.weight) return { indicator, status: "pending", rate: null, inputs: [], score: null, note: `填写的得分 ${manual} 超过分值 ${indicator.weight}，未采用`, rule };
      return { indicator, status: "manual", rate: null, inputs: [], score: new Decimal(manual), note: null, rule };
    }
    const m = measure(indicator.measure, analysis, s.entered[indicator.id]);
    if (m.rate === null) {
      if (manual !== undefined && manual <= indicator.weight) return { indicator, status: "manual", rate: null, inputs: m.inputs, score: new Decimal(manual), note: m.missing, rule };
      return { indicator, status: "missing", rate: null, inputs: m.inputs, score: null, note: m.missing, rule };
    }
    // As a clerk scores: the rate as stated (two decimals, 103.70%), the score kept to two decimals.
    const rate = m.rate.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
    const score = scoreByRule(indicator.rule, indicator.weight, rate)?.toDecimalPlaces(2, Decimal.ROUND_HALF_UP) ?? null;
    return { indicator, status: "auto", rate, inputs: m.inputs, score, note: tierOf(indicator.rule, rate), rule };
  });

  const level1s = [...new Set(framework.indicators.map((i) => i.level1))];
  const groups = level1s.map((level1) => {
    const own = items.filter((i) => i.indicator.level1 === level1);
    return {
      level1,
      weight: sumMoney(own.map((i) => new Decimal(i.indicator.weight))),
      score: own.some((i) => i.score === null) ? null : sumMoney(own.map((i) => i.score)),
    };
  });
  const baseTotal = sumMoney(items.map((i) => i.score));
  const bonus = s.bonus.map((b) => ({ name: b.name, points: new Decimal(b.points) }));
  const rawBonus = sumMoney(bonus.map((b) => b.points));
  const bonusTotal = framework.bonusCap > 0 ? Decimal.min(rawBonus, framework.bonusCap) : rawBonus;
  const total = baseTotal.plus(bonusTotal);
  const pending = items.filter((i) => i.score === null).length;
  return { framework, items, groups, baseTotal, bonus, bonusTotal, total, pending, grade: pending === 0 ? gradeOf(total.toNumber(), framework.grades) : null };
}
