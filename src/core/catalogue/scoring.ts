/**
 * The words of a scoring rule, written from the rule and its parameters: a clerk who changes "每超1个百分点扣0.5分" to 0.8
 * sees 0.8 in the 评分表 and the report, never the framework's old sentence. Structural types, so the catalogue stays
 * below the scoring stage.
 */
export type RuleWords =
  | { type: "ceiling"; target: number; perPoint: number }
  | { type: "floorSteps"; target: number; step: number; perStep: number }
  | { type: "bands"; bands: { upTo: number; score: number }[]; otherwise: number }
  | { type: "proportional"; cap: number }
  | { type: "threeTier"; high: number; low: number }
  | { type: "manual"; guide?: string };

export function ruleText(rule: RuleWords, weight: number, guide?: string): string {
  switch (rule.type) {
    case "ceiling":
      return `≤${rule.target}%得${weight}分；每超过1个百分点扣${rule.perPoint}分，扣完为止`;
    case "floorSteps":
      return `≥${rule.target}%得${weight}分；每低于${rule.step}%扣${rule.perStep}分，扣完为止`;
    case "bands": {
      let lower: number | null = null;
      const parts = rule.bands.map((b) => {
        const range = lower === null ? `≤${b.upTo}%` : `${lower}%—${b.upTo}%（含）`;
        lower = b.upTo;
        return `${range}得${b.score}分`;
      });
      return `${parts.join("；")}；大于${lower}%得${rule.otherwise}分`;
    }
    case "proportional":
      return `按比例计分：得分 = 分值 × 完成率（超过${rule.cap}%按${rule.cap}%计）`;
    case "threeTier":
      return `按完成比例计分，分${rule.high}%以上（含）、${rule.low}%—${rule.high}%、${rule.low}%以下三档`;
    case "manual":
      return guide ?? rule.guide ?? "由评价人员据实评分";
  }
}

/** Three-tier band of a rate, in words. */
export function tierText(high: number, low: number, band: "high" | "middle" | "low"): string {
  return band === "high" ? `${high}%以上档` : band === "middle" ? `${low}%—${high}%档` : `${low}%以下档`;
}

export const SCORING_TEXT = {
  pending: "待评价人员评分",
  manualOverMax: (score: string, max: string) => `填写的得分 ${score} 超过分值 ${max}，未采用`,
  noBudgetTable: "未找到带预算数和决算数的支出表",
  budgetZero: "预算数为0，无法计算执行率",
  noAdjustmentTable: "未找到同时列有年初预算数和全年（调整）预算数、并有合计行的表",
  adjustmentBlank: "合计行的年初预算数或全年预算数为空",
  initialZero: "年初预算数为0，无法计算调整率",
  noStaff: "未找到“编制数”和“实有在职人数”",
  quotaZero: "编制数为0",
  noSangong: "未找到三公经费表",
  noColumn: "表中没有对应的列",
  baseZero: "基数为0，无法计算比率",
  noPublicFund: "未找到经济分类 302/310 的预算数和决算数",
  publicFundZero: "公用经费预算为0",
  enterRate: "请填写该指标的完成值（%）",
  enteredLabel: "填报值（%）",
  fromEntered: (why: string) => `${why}，按填报的完成值计分`,
  inputs: {
    budgetFinal: "全年预算数",
    actual: "决算数",
    budgetInitial: "年初预算数",
    quota: "编制数",
    onDuty: "实有在职人数",
    sangongActual: "本年“三公经费”",
    sangongPrevious: "上年“三公经费”",
    sangongBudget: "“三公经费”预算数",
    budgetOf: (what: string) => `${what} 预算`,
    actualOf: (what: string) => `${what} 决算`,
  },
} as const;
