import type { Analysis } from "../analyse/analysis";
import { hundredths, hundredthsText } from "../base/money";
import type { Bp } from "../base/money";
import { ruleText, SCORING_TEXT } from "../catalogue/scoring";
import { FrameworkSchema, gradeOf } from "./framework";
import type { Framework, Indicator } from "./framework";
import { FRAMEWORKS } from "./frameworks";
import { measure } from "./measures";
import type { MeasureInput, MeasureResult } from "./measures";
import { scoreByRule, tierOf } from "./rules";
import type { ScoringSettings } from "./scoring-settings";

/** Scores, weights and totals are integers in hundredths of a point (250 = 2.5 分). */
export interface ScoredItem {
  indicator: Indicator;
  /** auto: computed from the workbook; manual: given by the clerk; pending: waits for the clerk; missing: an input is not found. */
  status: "auto" | "manual" | "pending" | "missing";
  rate: Bp | null;
  inputs: MeasureInput[];
  /** How an automatic rate is made of its inputs (null when the clerk gave it, or it could not be computed). */
  ratio: MeasureResult["ratio"];
  score: number | null;
  weight: number;
  note: string | null;
  /** The scoring criterion, written from the rule and its current parameters. */
  criterion: string;
}

export interface ScoringResult {
  framework: Framework;
  items: ScoredItem[];
  groups: { level1: string; weight: number; score: number | null }[];
  baseTotal: number;
  bonus: { name: string; points: number }[];
  bonusTotal: number;
  total: number;
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

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

function scoreItem(indicator: Indicator, analysis: Analysis, s: ScoringSettings): ScoredItem {
  const weight = hundredths(indicator.weight);
  const base = {
    indicator,
    weight,
    criterion: ruleText(indicator.rule, indicator.weight, indicator.guide),
    inputs: [] as MeasureInput[],
    ratio: null,
  };
  const manualEntry = s.manual[indicator.id];
  const manual = manualEntry === undefined ? null : hundredths(manualEntry);
  if (indicator.rule.type === "manual" || !indicator.measure) {
    if (manual === null) return { ...base, status: "pending", rate: null, score: null, note: SCORING_TEXT.pending };
    if (manual > weight) {
      const note = SCORING_TEXT.manualOverMax(hundredthsText(manual), hundredthsText(weight));
      return { ...base, status: "pending", rate: null, score: null, note };
    }
    return { ...base, status: "manual", rate: null, score: manual, note: null };
  }
  const m = measure(indicator.measure, analysis, s.entered[indicator.id]);
  const entered = s.entered[indicator.id];
  if (m.rate === null && indicator.measure !== "entered" && entered !== undefined) {
    // The workbook lacks the data; the clerk gave the rate itself (the inputs, not a final score).
    const rate = hundredths(entered);
    const inputs = [
      ...m.inputs,
      { label: SCORING_TEXT.enteredLabel, value: rate, kind: "rate" as const, sheet: null, cell: null, live: false, unit: null },
    ];
    const score = scoreByRule(indicator.rule, indicator.weight, rate);
    return { ...base, status: "auto", rate, inputs, score, note: SCORING_TEXT.fromEntered(m.missing ?? "") };
  }
  if (m.rate === null) {
    if (manual !== null && manual <= weight)
      return { ...base, status: "manual", rate: null, inputs: m.inputs, score: manual, note: m.missing };
    return { ...base, status: "missing", rate: null, inputs: m.inputs, score: null, note: m.missing };
  }
  // As a clerk scores: the rate as stated (two decimals, 103.70%), the score kept to two decimals.
  const score = scoreByRule(indicator.rule, indicator.weight, m.rate);
  const note = tierOf(indicator.rule, m.rate);
  return { ...base, status: "auto", rate: m.rate, inputs: m.inputs, ratio: m.ratio, score, note };
}

export function scoreFramework(framework: Framework, analysis: Analysis, s: ScoringSettings): ScoringResult {
  const items = framework.indicators.map((indicator) => scoreItem(indicator, analysis, s));
  const level1s = [...new Set(framework.indicators.map((i) => i.level1))];
  const groups = level1s.map((level1) => {
    const own = items.filter((i) => i.indicator.level1 === level1);
    return {
      level1,
      weight: sum(own.map((i) => i.weight)),
      score: own.some((i) => i.score === null) ? null : sum(own.map((i) => i.score as number)),
    };
  });
  const baseTotal = sum(items.map((i) => i.score ?? 0));
  const bonus = s.bonus.map((b) => ({ name: b.name, points: hundredths(b.points) }));
  const rawBonus = sum(bonus.map((b) => b.points));
  const bonusTotal = framework.bonusCap > 0 ? Math.min(rawBonus, hundredths(framework.bonusCap)) : rawBonus;
  const total = baseTotal + bonusTotal;
  const pending = items.filter((i) => i.score === null).length;
  return {
    framework,
    items,
    groups,
    baseTotal,
    bonus,
    bonusTotal,
    total,
    pending,
    grade: pending === 0 ? gradeOf(total, framework.grades) : null,
  };
}
