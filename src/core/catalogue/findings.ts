import type { Finding, FindingData, RuleId } from "../base/findings";
import { fenOfYuanString, FEN_PER, formatFen } from "../base/money";
import { amountText, DEFAULT_PRESENTATION } from "../base/presentation";
import type { Presentation } from "../base/presentation";

/**
 * The one message catalogue for findings: the task pane, the command line, the result sheets and the report word a
 * finding from here. Findings carry data; amounts in it are 元 strings ("-424100.00"), shown here in the clerk's unit.
 */
interface RuleEntry {
  title: string;
  /** Data fields that are 元 strings. */
  amounts?: readonly string[];
  /** Amounts shown with every digit they have (a sum that is off by 12 元 must not read "0.00万元"). */
  exact?: boolean;
  text: (d: FindingData) => string;
}

const s = (v: unknown): string => (v === null || v === undefined ? "" : String(v));
const col = (d: FindingData) => (s(d.column) ? `（${s(d.column)}）` : "");
const BAD_REASON: Record<string, string> = {
  "error-value": "公式错误值",
  text: "不是数字",
  boolean: "逻辑值",
  date: "日期不是金额",
  "too-large": "数额过大（超过10万亿元）",
  percent: "百分比不是金额",
};

export const FINDING_TEXT: Record<RuleId, RuleEntry> = {
  "bad-value": {
    title: "无法识别的值",
    text: (d) =>
      `金额无法识别：「${s(d.text)}」（${s(d.column)}列${d.reason && BAD_REASON[s(d.reason)] ? `，${BAD_REASON[s(d.reason)]}` : ""}），该值不参与计算。`,
  },
  "sum-mismatch": {
    title: "合计不等于明细之和",
    amounts: ["stated", "computed", "difference"],
    exact: true,
    text: (d) => `${s(d.name)}${col(d)}为 ${s(d.stated)}，其明细合计为 ${s(d.computed)}，相差 ${s(d.difference)}。`,
  },
  rounding: {
    title: "取整误差",
    amounts: ["stated", "computed", "difference"],
    exact: true,
    text: (d) => `${s(d.name)}${col(d)}与明细合计相差 ${s(d.difference)}，在取整误差范围内。`,
  },
  "over-threshold": {
    title: "预决算差异较大",
    amounts: ["actual", "budget", "diff"],
    text: (d) =>
      `${s(d.name)}：决算 ${s(d.actual)}，预算 ${s(d.budget)}，差异 ${s(d.diff)}（${s(d.diffRate)}%），` +
      `超过 ${s(d.threshold)}% 的提示线${d.hasReason ? "" : "，且未填写原因"}。`,
  },
  "no-budget": {
    title: "无预算支出",
    amounts: ["actual"],
    text: (d) => `${s(d.name)}：${d.budgetBlank ? "未填预算" : "预算为 0"}，决算支出 ${s(d.actual)}，无预算支出（不计算完成率）。`,
  },
  "over-budget": {
    title: "超预算支出",
    amounts: ["actual", "budget", "diff"],
    text: (d) => `${s(d.name)}：决算 ${s(d.actual)} 超过预算 ${s(d.budget)}，超支 ${s(d.diff)}。`,
  },
  "sangong-increase": {
    title: "三公经费增加",
    amounts: ["actual", "previous", "yoyDiff"],
    text: (d) =>
      `${s(d.name)}：本年 ${s(d.actual)}，上年 ${s(d.previous)}，增加 ${s(d.yoyDiff)}` +
      `${d.yoyRate === null || d.yoyRate === undefined ? "（上年为0，不计增长率）" : `（增长 ${s(d.yoyRate)}%）`}，不符合“只减不增”要求。`,
  },
  "score-over-max": { title: "得分超过分值", text: (d) => `${s(d.name)}：得分 ${s(d.score)} 超过分值 ${s(d.max)}。` },
  "score-sum-mismatch": { title: "得分合计不符", text: (d) => `${s(d.name)}：写明 ${s(d.stated)} 分，各项相加为 ${s(d.computed)} 分。` },
  "duplicate-item": {
    title: "重复列示",
    text: (d) =>
      d.quote
        ? `「${s(d.quote)}」：“${s(d.name)}”${s(d.expected)}（${s(d.stated)}）。`
        : `${s(d.name)}：与第 ${s(d.firstRow)} 行重复列示。`,
  },
  "grade-mismatch": { title: "等级与得分不符", text: (d) => `总分 ${s(d.total)} 对应等级为“${s(d.expected)}”，表中写为“${s(d.stated)}”。` },
  "text-sum": { title: "报告：合计不符", text: (d) => `「${s(d.quote)}」：写明 ${s(d.stated)}，${s(d.expected)}。` },
  "text-diff": { title: "报告：增减额不符", text: (d) => `「${s(d.quote)}」：按两数计算差额为 ${s(d.computed)}，所述为 ${s(d.stated)}。` },
  "text-rate": { title: "报告：百分比不符", text: (d) => `「${s(d.quote)}」：按两数计算为 ${s(d.computed)}%，所述为 ${s(d.stated)}%。` },
  "text-direction": { title: "报告：增减方向不符", text: (d) => `「${s(d.quote)}」：所述“${s(d.stated)}”，按数字应为“${s(d.expected)}”。` },
  "text-unit": { title: "报告：单位疑误", text: (d) => `「${s(d.quote)}」：“${s(d.stated)}”的单位疑似有误，应为“${s(d.expected)}”。` },
  "text-base-zero": { title: "报告：零基数比率", text: (d) => `「${s(d.quote)}」：${s(d.expected)}。` },
  "text-vs-table": { title: "报告：与表格不符", text: (d) => `「${s(d.quote)}」：所述 ${s(d.stated)}，表中为 ${s(d.expected)}。` },
  "text-score": { title: "报告：分值前后不一", text: (d) => `「${s(d.quote)}」：“${s(d.name)}”的分值前后不一（${s(d.stated)}）。` },
  "unit-assumed": {
    title: "未注明单位",
    text: (d) => `表「${s(d.title)}」未写明金额单位，按“元”处理；如不是，请在标题行注明“单位：万元”。`,
  },
  "unit-conflict": { title: "单位不一致", text: (d) => `表头写明的单位“${s(d.header)}”与标题行的“${s(d.title)}”不一致，按表头处理。` },
  "header-ambiguous": {
    title: "表头不确定",
    text: (d) => `${s(d.role)}列有多个候选（${s(d.candidates)}），已取 ${s(d.chosen)} 列，请确认。`,
  },
  precision: {
    title: "金额精度超过分",
    text: (d) => `有 ${s(d.count)} 个金额的小数位超过“分”（如「${s(d.text)}」），已按四舍五入到分计算；如需精确到分以下请核对原数。`,
  },
  "parts-mismatch": {
    title: "合计不等于各分项之和",
    amounts: ["stated", "computed", "difference"],
    exact: true,
    text: (d) => `${s(d.name)}：${s(d.column)}为 ${s(d.stated)}，${s(d.parts)}之和为 ${s(d.computed)}，相差 ${s(d.difference)}。`,
  },
  "form-mismatch": {
    title: "表间数字不一致",
    amounts: ["stated", "computed", "difference"],
    exact: true,
    text: (d) =>
      `${s(d.left)}为 ${s(d.stated)}，${s(d.right)}为 ${s(d.computed)}（${s(d.otherSheet)}!${s(d.otherCell)}），相差 ${s(d.difference)}。`,
  },
  "unit-suspect": {
    title: "单位疑似填错",
    amounts: ["value", "likely"],
    exact: true,
    text: (d) =>
      `${s(d.name)}${col(d)}的「${s(d.text)}」按本表单位（${s(d.unit)}）读作 ${s(d.value)}，比同列的数字和所在合计大约一万倍，` +
      `疑似按“元”填在了“万元”表中（应为 ${s(d.likely)}）。`,
  },
  "rate-mismatch": {
    title: "比率与数字不符",
    amounts: ["actual", "budget"],
    exact: true,
    text: (d) =>
      d.computed === null
        ? `${s(d.name)}：写明比率 ${s(d.stated)}，但基数（预算）为 0，不应有比率。`
        : `${s(d.name)}：写明比率 ${s(d.stated)}，按 ${s(d.actual)} ÷ ${s(d.budget)} 计算应为 ${s(d.computed)}%。`,
  },
  "amount-range": {
    title: "金额超出范围",
    text: (d) => `表「${s(d.title)}」中的金额合计超出可精确计算的范围（约9万亿元），该表未参与核对，请检查是否有误填的数字。`,
  },
};

/** The title of a rule ("合计不等于明细之和"). */
export const RULE_TITLES = Object.fromEntries(Object.entries(FINDING_TEXT).map(([rule, e]) => [rule, e.title])) as Record<RuleId, string>;

/** An amount in the clerk's unit with at least the chosen decimals and as many more as it needs to stay exact. */
function exactAmountText(fen: number, p: Presentation): string {
  let decimals = p.decimals;
  const exp = Math.log10(FEN_PER[p.displayUnit]);
  while (decimals < exp && fen % 10 ** (exp - decimals) !== 0) decimals++;
  return `${formatFen(fen, p.displayUnit, decimals)}${p.displayUnit}`;
}

/** The sentence for a finding, amounts in the clerk's unit. */
export function findingMessage(f: Finding, p: Presentation = DEFAULT_PRESENTATION): string {
  const entry = FINDING_TEXT[f.rule];
  if (!entry.amounts) return entry.text(f.data);
  const data: FindingData = { ...f.data };
  for (const key of entry.amounts) {
    const v = data[key];
    if (typeof v !== "string") continue;
    const fen = fenOfYuanString(v);
    data[key] = entry.exact ? exactAmountText(fen, p) : amountText(fen, p);
  }
  return entry.text(data);
}
