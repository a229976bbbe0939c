import { z } from "zod";
import { hundredths, hundredthsText } from "../base/money";

/**
 * Indicator frameworks are data, not code: a tree of 一级/二级/三级 indicators with weights (分值), a rule
 * type with parameters, and the measure each quantitative indicator is computed from. Clerks change
 * weights and parameters in settings; a framework file can replace a shipped one.
 */
export const MEASURES = [
  "budgetExecutionRate", // 预算执行率/预算完成率 = 决算 ÷ 全年预算 × 100
  "staffControlRate", // 在职人员控制率 = 实有在职人数 ÷ 编制数 × 100
  "sangongChangeRate", // "三公经费"变动率 = (本年 − 上年) ÷ 上年 × 100
  "sangongControlRate", // "三公经费"控制率 = 实际 ÷ 预算 × 100
  "publicFundControlRate", // 公用经费控制率 = 公用经费决算 ÷ 预算 × 100 (302 + 310)
  "budgetAdjustmentRate", // 预算调整率 = (全年预算 − 年初预算) ÷ 年初预算 × 100
  "entered", // a rate the clerk enters (支付进度率, 政府采购执行率, 满意度 …)
] as const;
export type Measure = (typeof MEASURES)[number];

const Ceiling = z.object({ type: z.literal("ceiling"), target: z.number(), perPoint: z.number().positive() });
const FloorSteps = z.object({
  type: z.literal("floorSteps"),
  target: z.number(),
  step: z.number().positive(),
  perStep: z.number().positive(),
});
const Bands = z.object({
  type: z.literal("bands"),
  /** Upper-inclusive: the first band whose `upTo` is ≥ the value gives the score; above all bands, `otherwise`. */
  bands: z.array(z.object({ upTo: z.number(), score: z.number().min(0) })).min(1),
  otherwise: z.number().min(0),
});
const Proportional = z.object({ type: z.literal("proportional"), cap: z.number().positive().default(100) });
const ThreeTier = z.object({ type: z.literal("threeTier"), high: z.number().default(80), low: z.number().default(60) });
const Manual = z.object({ type: z.literal("manual"), guide: z.string().optional() });
export const RuleSchema = z.discriminatedUnion("type", [Ceiling, FloorSteps, Bands, Proportional, ThreeTier, Manual]);
export type Rule = z.infer<typeof RuleSchema>;

export const IndicatorSchema = z.object({
  id: z.string().regex(/^[a-z][a-zA-Z0-9-]*$/),
  level1: z.string(),
  level2: z.string(),
  name: z.string(),
  weight: z.number().positive(),
  rule: RuleSchema,
  measure: z.enum(MEASURES).optional(),
  /** How the rate is computed, in the clerk's words. */
  formula: z.string().optional(),
  /**
   * For a manual indicator, what the reviewer looks at (the 评分要点 of the 评分表). A quantitative indicator's criterion
   * is always written from its rule and parameters (catalogue/scoring.ts), so it never goes stale when they change.
   */
  guide: z.string().optional(),
});
export type Indicator = z.infer<typeof IndicatorSchema>;

export const GradeBandSchema = z.object({ grade: z.string(), min: z.number() });

export const FrameworkSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    source: z.string(),
    fullScore: z.number().positive(),
    /** 财预〔2020〕10号: 优 ≥ 90, 良 ≥ 80, 中 ≥ 60, 差 below. Highest first. */
    grades: z.array(GradeBandSchema).min(1),
    bonusCap: z.number().min(0).default(0),
    indicators: z.array(IndicatorSchema).min(1),
  })
  .superRefine((f, ctx) => {
    const ids = new Set<string>();
    for (const i of f.indicators) {
      if (ids.has(i.id)) ctx.addIssue({ code: "custom", message: `重复的指标 id：${i.id}` });
      ids.add(i.id);
      if (i.rule.type !== "manual" && !i.measure) ctx.addIssue({ code: "custom", message: `定量指标缺少 measure：${i.id}` });
    }
    const sum = f.indicators.reduce((s, i) => s + hundredths(i.weight), 0);
    if (sum !== hundredths(f.fullScore))
      ctx.addIssue({ code: "custom", message: `分值合计 ${hundredthsText(sum)} 不等于满分 ${f.fullScore}` });
  });
export type Framework = z.infer<typeof FrameworkSchema>;

export const DEFAULT_GRADES = [
  { grade: "优", min: 90 },
  { grade: "良", min: 80 },
  { grade: "中", min: 60 },
  { grade: "差", min: 0 },
];

/** Grade of a score in hundredths of a point, by ≥ comparisons against bands given highest first. */
export function gradeOf(score: number, grades: { grade: string; min: number }[]): string {
  for (const g of grades) if (score >= hundredths(g.min)) return g.grade;
  return grades[grades.length - 1].grade;
}
