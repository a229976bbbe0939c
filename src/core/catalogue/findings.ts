import type { Finding, FindingData, RuleId } from "../base/findings";

/**
 * The one message catalogue: the task pane, the CLI and the report all word a finding from here.
 * Amounts in data are 元 strings; the presenter passes a unit-formatted copy when it wants 万元.
 */
type Template = (d: FindingData) => string;

const s = (v: unknown): string => (v === null || v === undefined ? "" : String(v));

export const MESSAGES: Record<RuleId, Template> = {
  "bad-value": (d) => `金额无法识别：「${s(d.text)}」（${s(d.column)}列），该值不参与计算。`,
  "sum-mismatch": (d) =>
    `${s(d.name)}${s(d.column) ? `（${s(d.column)}）` : ""}为 ${s(d.stated)}，其明细合计为 ${s(d.computed)}，相差 ${s(d.difference)}。`,
  rounding: (d) =>
    `${s(d.name)}${s(d.column) ? `（${s(d.column)}）` : ""}与明细合计相差 ${s(d.difference)}，在取整误差范围内。`,
  "over-threshold": (d) =>
    `${s(d.name)}：决算 ${s(d.actual)}，预算 ${s(d.budget)}，差异 ${s(d.diff)}（${s(d.diffRate)}%），超过 ${s(d.threshold)}% 的提示线${d.hasReason ? "" : "，且未填写原因"}。`,
  "no-budget": (d) => `${s(d.name)}：${d.budgetBlank ? "未填预算" : "预算为 0"}，决算支出 ${s(d.actual)}，无预算支出（不计算完成率）。`,
  "over-budget": (d) => `${s(d.name)}：决算 ${s(d.actual)} 超过预算 ${s(d.budget)}，超支 ${s(d.diff)}。`,
  "sangong-increase": (d) =>
    `${s(d.name)}：本年 ${s(d.actual)}，上年 ${s(d.previous)}，增加 ${s(d.yoyDiff)}${d.yoyRate === null || d.yoyRate === undefined ? "（上年为0，不计增长率）" : `（增长 ${s(d.yoyRate)}%）`}，不符合“只减不增”要求。`,
  "score-over-max": (d) => `${s(d.name)}：得分 ${s(d.score)} 超过分值 ${s(d.max)}。`,
  "score-sum-mismatch": (d) => `${s(d.name)}：写明 ${s(d.stated)} 分，各项相加为 ${s(d.computed)} 分。`,
  "duplicate-item": (d) => (d.quote ? `「${s(d.quote)}」：“${s(d.name)}”${s(d.expected)}（${s(d.stated)}）。` : `${s(d.name)}：与第 ${s(d.firstRow)} 行重复列示。`),
  "grade-mismatch": (d) => `总分 ${s(d.total)} 对应等级为“${s(d.expected)}”，表中写为“${s(d.stated)}”。`,
  "text-sum": (d) => `「${s(d.quote)}」：写明 ${s(d.stated)}，${s(d.expected)}。`,
  "text-diff": (d) => `「${s(d.quote)}」：按两数计算差额为 ${s(d.computed)}，所述为 ${s(d.stated)}。`,
  "text-rate": (d) => `「${s(d.quote)}」：按两数计算为 ${s(d.computed)}%，所述为 ${s(d.stated)}%。`,
  "text-direction": (d) => `「${s(d.quote)}」：所述“${s(d.stated)}”，按数字应为“${s(d.expected)}”。`,
  "text-unit": (d) => `「${s(d.quote)}」：“${s(d.stated)}”的单位疑似有误，应为“${s(d.expected)}”。`,
  "text-base-zero": (d) => `「${s(d.quote)}」：${s(d.expected)}。`,
  "text-vs-table": (d) => `「${s(d.quote)}」：所述 ${s(d.stated)}，表中为 ${s(d.expected)}。`,
  "text-score": (d) => `「${s(d.quote)}」：“${s(d.name)}”的分值前后不一（${s(d.stated)}）。`,
  "unit-assumed": (d) => `表「${s(d.title)}」未写明金额单位，按“元”处理；如不是，请在标题行注明“单位：万元”。`,
  "unit-conflict": (d) => `表头写明的单位“${s(d.header)}”与标题行的“${s(d.title)}”不一致，按表头处理。`,
  "header-ambiguous": (d) => `${s(d.role)}列有多个候选（${s(d.candidates)}），已取 ${s(d.chosen)} 列，请确认。`,
};

export const RULE_TITLES: Record<RuleId, string> = {
  "bad-value": "无法识别的值",
  "sum-mismatch": "合计不等于明细之和",
  rounding: "取整误差",
  "over-threshold": "预决算差异较大",
  "no-budget": "无预算支出",
  "over-budget": "超预算支出",
  "sangong-increase": "三公经费增加",
  "score-over-max": "得分超过分值",
  "score-sum-mismatch": "得分合计不符",
  "duplicate-item": "重复列示",
  "grade-mismatch": "等级与得分不符",
  "text-sum": "报告：合计不符",
  "text-diff": "报告：增减额不符",
  "text-rate": "报告：百分比不符",
  "text-direction": "报告：增减方向不符",
  "text-unit": "报告：单位疑误",
  "text-base-zero": "报告：零基数比率",
  "text-vs-table": "报告：与表格不符",
  "text-score": "报告：分值前后不一",
  "unit-assumed": "未注明单位",
  "unit-conflict": "单位不一致",
  "header-ambiguous": "表头不确定",
};

export function findingMessage(f: Finding): string {
  return MESSAGES[f.rule](f.data);
}
