import { squash } from "../base/text";
import type { Unit } from "../base/money";

/** What a column means. Amount roles are the ones summed and compared. */
export const COLUMN_ROLES = [
  "code",
  "codeClass", // 类
  "codeSection", // 款
  "codeItem", // 项
  "name",
  "budgetInitial",
  "budgetFinal",
  "budget",
  "budgetAdjust",
  "actual",
  "previous",
  "previousBudget",
  "statedDiff",
  "statedRate",
  "reason",
  "count",
  "maxScore",
  "score",
  "level1",
  "level2",
  "level3",
  "grade",
  "lineNo",
] as const;
export type ColumnRole = (typeof COLUMN_ROLES)[number];

export const AMOUNT_ROLES: ReadonlySet<ColumnRole> = new Set<ColumnRole>([
  "budgetInitial",
  "budgetFinal",
  "budget",
  "budgetAdjust",
  "actual",
  "previous",
  "previousBudget",
  "statedDiff",
]);

export const ROLE_LABELS: Record<ColumnRole, string> = {
  code: "科目编码",
  codeClass: "类",
  codeSection: "款",
  codeItem: "项",
  name: "科目名称",
  budgetInitial: "年初预算",
  budgetFinal: "全年预算",
  budget: "预算",
  budgetAdjust: "预算调整",
  actual: "决算",
  previous: "上年",
  previousBudget: "上年预算",
  statedDiff: "差异额（原表）",
  statedRate: "比率（原表）",
  reason: "原因说明",
  count: "人数",
  maxScore: "分值",
  score: "得分",
  level1: "一级指标",
  level2: "二级指标",
  level3: "三级指标",
  grade: "等级",
  lineNo: "行次",
};

/**
 * Ordered: the first pattern that matches wins, so specific forms ("上年决算数", "年初预算数")
 * come before the generic ones they contain ("决算数", "预算数").
 */
const PATTERNS: [ColumnRole, RegExp][] = [
  ["lineNo", /^(行次|栏次|序号|行号)$/],
  ["codeClass", /^类$/],
  ["codeSection", /^款$/],
  ["codeItem", /^项$/],
  ["code", /(科目)?(编码|代码)$|^科目编号$|^编号$/],
  ["level1", /^一级指标(名称)?$/],
  ["level2", /^二级指标(名称)?$/],
  ["level3", /^三级指标(名称)?$/],
  ["maxScore", /^(分值|权重|标准分|满分|指标分值|权重分)(\(分\))?$/],
  ["score", /^(得分|自评得分|自评分|评分|评价得分|实际得分|加分|加分值|加分分值)(\(分\))?$/],
  ["grade", /^(等级|评价等级|绩效等级)$/],
  ["reason", /(原因|说明|备注|偏差分析|改进措施)/],
  ["statedRate", /(率|比例|占比|百分比|%)/],
  ["statedDiff", /(差异额?|差额|增减额?|增减变动|变动额|超支|节余额)/],
  ["previousBudget", /上年(度)?预算/],
  ["previous", /(上年|上期|去年|上年度|上一年)/],
  ["budgetAdjust", /^(预算)?调整(数|额)$|^追加(预算)?(数|额)?$|^追加追减/],
  ["budgetInitial", /年初(批复)?预算|年初数|预算批复数|年初安排/],
  ["budgetFinal", /(全年|调整后?|变动后|最终)预算|预算调整后/],
  ["actual", /(决算|执行数|实际支出|实际数|支出数|本年数|本年实际|实际完成|本年支出|全年执行|支出金额|执行金额)/],
  ["budget", /(预算|计划数|预算金额|年度预算)/],
  ["count", /^(人数|数量|实有人数|在职人数|编制数|人员数|个数)(\(人\))?$/],
  [
    "name",
    /(科目名称|项目名称|^项目$|^名称$|^科目$|支出项目|^内容$|指标名称|^单位名称$|经济分类|功能分类|^摘要$|加分项目|加分事项|^事项$)/,
  ],
];

/** Role for a header text, or null. Also strips a unit in brackets: "决算数（万元）". */
export function roleOf(headerText: string): ColumnRole | null {
  const t = stripHeaderUnit(squash(headerText));
  if (t === "") return null;
  for (const [role, re] of PATTERNS) if (re.test(t)) return role;
  return null;
}

const UNIT_IN_HEADER = /\((亿元|万元|千元|元)\)|\[(亿元|万元|千元|元)\]|单位[:：]?(亿元|万元|千元|元)/;

export function stripHeaderUnit(t: string): string {
  return t.replace(UNIT_IN_HEADER, "");
}

/** "决算数（万元）" → 万元. */
export function unitInHeader(headerText: string): Unit | null {
  const m = UNIT_IN_HEADER.exec(squash(headerText));
  if (!m) return null;
  return (m[1] ?? m[2] ?? m[3]) as Unit;
}

/** "单位：万元", "金额单位：元", "（单位：万元）", a lone "万元". */
export function unitInTitleLine(text: string): Unit | null {
  const t = squash(text);
  const m = /单位[:：]?(亿元|万元|千元|元)/.exec(t);
  if (m) return m[1] as Unit;
  if (/^\(?(亿元|万元|千元|元)\)?$/.test(t)) return t.replace(/[()]/g, "") as Unit;
  return null;
}

/** A four-digit year in a header ("2023年决算数") tells current from previous columns. */
export function yearInHeader(headerText: string): number | null {
  const m = /(19|20)\d{2}(?=年)/.exec(squash(headerText));
  return m ? Number(m[0]) : null;
}
