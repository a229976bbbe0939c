import { DEFAULT_GRADES, FrameworkSchema } from "./framework";
import type { Framework } from "./framework";

/**
 * (a) 部门整体支出绩效评价 (投入/过程/产出/效果) after 财预〔2013〕53号 附件2, with Hunan-style weights and
 * deduction rules from real 评分表 (长沙市雨花区 2017, 新邵县 2017; ../shared/domain.md §2.2). 53号 sets no
 * weights; these are ours, adapted from those sheets (their 8-point 三公 rule scaled to 5 points), adding to 100.
 */
const deptOverall = {
  id: "dept-overall",
  name: "部门整体支出绩效评价指标体系（投入、过程、产出、效果）",
  source: "财预〔2013〕53号《预算绩效评价共性指标体系框架》附件2；分值与扣分规则参照湖南省县级部门整体支出绩效评价评分表",
  fullScore: 100,
  grades: DEFAULT_GRADES,
  bonusCap: 0,
  indicators: [
    { id: "goal-reasonable", level1: "投入", level2: "目标设定", name: "绩效目标合理性", weight: 2, rule: { type: "manual" }, guide: "符合法律法规和发展规划1分；符合部门“三定”职责0.5分；符合中长期规划0.5分" },
    { id: "goal-clear", level1: "投入", level2: "目标设定", name: "绩效指标明确性", weight: 3, rule: { type: "manual" }, guide: "目标细化分解为具体工作任务、清晰可衡量、与预算匹配，据实评分" },
    { id: "staff-control", level1: "投入", level2: "预算配置", name: "在职人员控制率", weight: 5, rule: { type: "ceiling", target: 100, perPoint: 0.5 }, measure: "staffControlRate", formula: "在职人员数 ÷ 编制数 × 100%" },
    { id: "sangong-change", level1: "投入", level2: "预算配置", name: "“三公经费”变动率", weight: 5, rule: { type: "ceiling", target: 0, perPoint: 0.5 }, measure: "sangongChangeRate", formula: "（本年“三公经费”总额 − 上年“三公经费”总额）÷ 上年“三公经费”总额 × 100%" },
    { id: "key-spending", level1: "投入", level2: "预算配置", name: "重点支出安排率", weight: 5, rule: { type: "proportional", cap: 100 }, measure: "entered", formula: "重点项目支出 ÷ 项目总支出 × 100%" },
    { id: "budget-completion", level1: "过程", level2: "预算执行", name: "预算完成率", weight: 5, rule: { type: "floorSteps", target: 100, step: 5, perStep: 2 }, measure: "budgetExecutionRate", formula: "决算数 ÷ 全年预算数 × 100%" },
    { id: "budget-adjustment", level1: "过程", level2: "预算执行", name: "预算调整率", weight: 5, rule: { type: "bands", bands: [{ upTo: 0, score: 5 }, { upTo: 10, score: 4 }, { upTo: 20, score: 3 }, { upTo: 30, score: 2 }], otherwise: 0 }, measure: "budgetAdjustmentRate", formula: "（全年预算数 − 年初预算数）÷ 年初预算数 × 100%" },
    { id: "payment-progress", level1: "过程", level2: "预算执行", name: "支付进度率", weight: 2, rule: { type: "proportional", cap: 100 }, measure: "entered", formula: "实际支付进度 ÷ 既定支付进度 × 100%" },
    { id: "carryover", level1: "过程", level2: "预算执行", name: "结转结余率", weight: 3, rule: { type: "bands", bands: [{ upTo: 0, score: 3 }, { upTo: 5, score: 2 }, { upTo: 10, score: 1 }], otherwise: 0 }, measure: "entered", formula: "结转结余总额 ÷ 预算数 × 100%" },
    { id: "public-fund-control", level1: "过程", level2: "预算执行", name: "公用经费控制率", weight: 3, rule: { type: "ceiling", target: 100, perPoint: 0.3 }, measure: "publicFundControlRate", formula: "实际支出公用经费总额 ÷ 预算安排公用经费总额 × 100%" },
    { id: "sangong-control", level1: "过程", level2: "预算执行", name: "“三公经费”控制率", weight: 3, rule: { type: "ceiling", target: 100, perPoint: 0.3 }, measure: "sangongControlRate", formula: "“三公经费”实际支出数 ÷ “三公经费”预算安排数 × 100%" },
    { id: "procurement", level1: "过程", level2: "预算执行", name: "政府采购执行率", weight: 2, rule: { type: "proportional", cap: 100 }, measure: "entered", formula: "实际政府采购金额 ÷ 政府采购预算数 × 100%" },
    { id: "rules-sound", level1: "过程", level2: "预算管理", name: "管理制度健全性", weight: 3, rule: { type: "manual" }, guide: "制度健全并有效执行，据实评分" },
    { id: "funds-compliant", level1: "过程", level2: "预算管理", name: "资金使用合规性", weight: 3, rule: { type: "manual" }, guide: "资金使用符合规定、无截留挪用，据实评分" },
    { id: "disclosure", level1: "过程", level2: "预算管理", name: "预决算信息公开性", weight: 3, rule: { type: "manual" }, guide: "按规定公开预决算信息，据实评分" },
    { id: "basic-info", level1: "过程", level2: "预算管理", name: "基础信息完善性", weight: 2, rule: { type: "manual" }, guide: "基础数据真实、完整、准确，据实评分" },
    { id: "asset-rules", level1: "过程", level2: "资产管理", name: "管理制度健全性（资产）", weight: 2, rule: { type: "manual" }, guide: "资产管理制度健全，据实评分" },
    { id: "asset-safety", level1: "过程", level2: "资产管理", name: "资产管理安全性", weight: 2, rule: { type: "manual" }, guide: "资产保存完整、配置合理、处置规范，据实评分" },
    { id: "asset-utilization", level1: "过程", level2: "资产管理", name: "固定资产利用率", weight: 2, rule: { type: "proportional", cap: 100 }, measure: "entered", formula: "实际在用固定资产总额 ÷ 所有固定资产总额 × 100%" },
    { id: "work-completion", level1: "产出", level2: "职责履行", name: "实际完成率", weight: 5, rule: { type: "proportional", cap: 100 }, measure: "entered", formula: "实际完成工作数 ÷ 计划工作数 × 100%" },
    { id: "work-timely", level1: "产出", level2: "职责履行", name: "完成及时率", weight: 5, rule: { type: "proportional", cap: 100 }, measure: "entered", formula: "及时完成实际工作数 ÷ 计划工作数 × 100%" },
    { id: "work-quality", level1: "产出", level2: "职责履行", name: "质量达标率", weight: 5, rule: { type: "proportional", cap: 100 }, measure: "entered", formula: "质量达标实际工作数 ÷ 计划工作数 × 100%" },
    { id: "key-work", level1: "产出", level2: "职责履行", name: "重点工作办结率", weight: 5, rule: { type: "proportional", cap: 100 }, measure: "entered", formula: "重点工作实际完成数 ÷ 交办或下达数 × 100%" },
    { id: "economic-benefit", level1: "效果", level2: "履职效益", name: "经济效益", weight: 5, rule: { type: "manual" }, guide: "据实评分" },
    { id: "social-benefit", level1: "效果", level2: "履职效益", name: "社会效益", weight: 5, rule: { type: "manual" }, guide: "据实评分" },
    { id: "ecological-benefit", level1: "效果", level2: "履职效益", name: "生态效益", weight: 5, rule: { type: "manual" }, guide: "据实评分" },
    { id: "satisfaction", level1: "效果", level2: "履职效益", name: "社会公众或服务对象满意度", weight: 5, rule: { type: "proportional", cap: 100 }, measure: "entered", formula: "满意度调查结果（%）" },
  ],
};

/**
 * (b) 部门整体支出绩效自评表 (2020+): 预算执行率 10, 产出 50, 效益 30, 满意度 10 (财预〔2020〕10号 as applied in
 * 单位自评; 中江县 2022 note in domain.md §1.1). 产出/效益 indicators are the department's own; with none in the
 * workbook they are one entry each for the clerk, scored by the three-tier rule once 完成值 is entered.
 */
const selfEvaluation = {
  id: "self-evaluation",
  name: "部门整体支出绩效自评表（预算执行率、产出、效益、满意度）",
  source: "财预〔2020〕10号；一级指标分值：预算执行率10分、产出50分、效益30分、满意度10分",
  fullScore: 100,
  grades: DEFAULT_GRADES,
  bonusCap: 0,
  indicators: [
    { id: "execution-rate", level1: "预算执行率", level2: "预算执行率", name: "预算资金执行率", weight: 10, rule: { type: "proportional", cap: 100 }, measure: "budgetExecutionRate", formula: "全年执行数 ÷ 全年预算数 × 100%" },
    { id: "output-quantity", level1: "产出指标", level2: "数量指标", name: "数量指标完成率", weight: 20, rule: { type: "threeTier", high: 80, low: 60 }, measure: "entered", formula: "实际完成值 ÷ 年度指标值 × 100%" },
    { id: "output-quality", level1: "产出指标", level2: "质量指标", name: "质量指标完成率", weight: 10, rule: { type: "threeTier", high: 80, low: 60 }, measure: "entered", formula: "实际完成值 ÷ 年度指标值 × 100%" },
    { id: "output-timeliness", level1: "产出指标", level2: "时效指标", name: "时效指标完成率", weight: 10, rule: { type: "threeTier", high: 80, low: 60 }, measure: "entered", formula: "实际完成值 ÷ 年度指标值 × 100%" },
    { id: "output-cost", level1: "产出指标", level2: "成本指标", name: "成本指标控制", weight: 10, rule: { type: "manual" }, guide: "成本控制在预算内得满分，超出的据实扣分" },
    { id: "benefit-economic", level1: "效益指标", level2: "经济效益指标", name: "经济效益", weight: 10, rule: { type: "manual" }, guide: "据实评分" },
    { id: "benefit-social", level1: "效益指标", level2: "社会效益指标", name: "社会效益", weight: 10, rule: { type: "manual" }, guide: "据实评分" },
    { id: "benefit-sustainable", level1: "效益指标", level2: "可持续影响指标", name: "可持续影响", weight: 10, rule: { type: "manual" }, guide: "据实评分" },
    { id: "satisfaction-rate", level1: "满意度指标", level2: "服务对象满意度指标", name: "服务对象满意度", weight: 10, rule: { type: "threeTier", high: 80, low: 60 }, measure: "entered", formula: "满意度调查结果（%）" },
  ],
};

export const FRAMEWORKS: Record<string, Framework> = {
  "dept-overall": FrameworkSchema.parse(deptOverall),
  "self-evaluation": FrameworkSchema.parse(selfEvaluation),
};
