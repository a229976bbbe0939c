import type { Finding, FindingData, RuleId } from "../base/findings";
import { fenOfYuanString, FEN_PER, formatFen } from "../base/money";
import type { Unit } from "../base/money";
import { amountText, DEFAULT_PRESENTATION } from "../base/presentation";
import type { Presentation } from "../base/presentation";
import { AUDIT_FINDING_TEXT } from "./audit";

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
  /** Why it matters, in one line a clerk can act on. */
  why: string;
  /** What to do about it. */
  todo: string;
}

const s = (v: unknown): string => (v === null || v === undefined ? "" : String(v));
const col = (d: FindingData) => (s(d.column) ? `（${s(d.column)}）` : "");
/** "扶贫的合计"; a 合计 row is not "合计的合计". */
/**
 * What a corrected digit slip mends, once each: the cell against its own lines, each total above it (a 合计 by its name and
 * cell, another line as "its lines"), and its row's total across the columns.
 */
function slipMends(d: FindingData): string {
  const names = s(d.totals) ? s(d.totals).split("\n") : [];
  const cells = s(d.cells).split("、");
  const above = names.map((n, i) => `${n}（${cells[i]}）${/(合计|总计|小计)$/.test(n) ? "" : "与其明细"}`);
  return [...(d.own ? ["它与下级明细"] : []), ...above, ...(d.row ? ["本行各列之和"] : [])].join("、");
}
const SLIP_KIND: Record<string, string> = { transposed: "两位数字颠倒", digit: "有一位数字不同", zero: "多输或漏输了一个0" };
/** "名称：" before a message, or nothing when the row has no name (the cell address already says where). */
const named = (d: FindingData) => (s(d.name).trim() ? `${s(d.name)}：` : "");
const BAD_REASON: Record<string, string> = {
  "error-value": "公式错误值",
  text: "不是数字",
  boolean: "逻辑值",
  date: "日期不是金额",
  "too-large": "数额过大（超过10万亿元）",
  percent: "百分比不是金额",
};

/** Why two tables' figures must agree when they must only on a condition (form-identities.ts, Condition). */
const FORM_CONDITIONS: Record<string, string> = {
  "general-only": "本单位收入全部是一般公共预算拨款，两表的数应当相同。",
};

export const FINDING_TEXT: Record<RuleId, RuleEntry> = {
  "bad-value": {
    why: "无法读成数字的金额不参与合计和比率计算，相关结果会偏小或缺失。",
    todo: "改成数字（去掉文字、修正公式错误值），或清空该格。",
    title: "无法识别的值",
    text: (d) =>
      `金额无法识别：「${s(d.text)}」（${s(d.column)}列${d.reason && BAD_REASON[s(d.reason)] ? `，${BAD_REASON[s(d.reason)]}` : ""}），该值不参与计算。`,
  },
  "sum-mismatch": {
    why: "上级数应等于下级各数之和，不等说明有数填错或漏填。",
    todo: "核对该行和它的明细，改正填错的数。",
    title: "合计不等于明细之和",
    amounts: ["stated", "computed", "difference"],
    exact: true,
    text: (d) =>
      `${s(d.name)}${col(d)}为 ${s(d.stated)}，其明细合计为 ${s(d.computed)}，相差 ${s(d.difference)}。` +
      (d.also ? `改为明细之和 ${s(d.computed)} 后，${s(d.also)}也就对上了。` : ""),
  },
  rounding: {
    why: "各数分别四舍五入后相加，与合计差一两个末位属正常。",
    todo: "一般无需处理；如要完全一致，可调整合计的末位。",
    title: "取整误差",
    amounts: ["stated", "computed", "difference"],
    exact: true,
    // Two figures of two tables (or of a 收支总表's two sides) name both; a total and its details name the total.
    text: (d) =>
      d.right
        ? `${s(d.left)}与${s(d.right)}（${s(d.otherSheet)}!${s(d.otherCell)}）相差 ${s(d.difference)}，在取整误差范围内。`
        : `${s(d.name)}${col(d)}与明细合计相差 ${s(d.difference)}，在取整误差范围内。`,
  },
  "over-threshold": {
    why: "决算与预算差异较大，决算公开要求说明原因。",
    todo: "在原表的“原因/说明”列或「审核说明」中写明原因。",
    title: "预决算差异较大",
    amounts: ["actual", "budget", "diff"],
    text: (d) =>
      `${s(d.name)}：决算 ${s(d.actual)}，预算 ${s(d.budget)}，差异 ${s(d.diff)}（${s(d.diffRate)}%），` +
      `超过 ${s(d.threshold)}% 的提示线${d.hasReason ? "" : "，且未填写原因"}。`,
  },
  "no-budget": {
    why: "无预算支出需要说明资金来源和依据（追加预算、上年结转等）。",
    todo: "核实是否漏填预算；确无预算的，写明支出依据。",
    title: "无预算支出",
    amounts: ["actual"],
    text: (d) => `${s(d.name)}：${d.budgetBlank ? "未填预算" : "预算为 0"}，决算支出 ${s(d.actual)}，无预算支出（不计算完成率）。`,
  },
  "over-budget": {
    why: "决算超过调整后的预算，属于超预算支出。",
    todo: "核实预算数和决算数；属实的，写明超支原因和审批依据。",
    title: "超预算支出",
    amounts: ["actual", "budget", "diff"],
    text: (d) => `${s(d.name)}：决算 ${s(d.actual)} 超过预算 ${s(d.budget)}，超支 ${s(d.diff)}。`,
  },
  "sangong-increase": {
    why: "“三公”经费按规定只减不增，增加需要说明。",
    todo: "核实本年和上年数；属实的，写明增加原因。",
    title: "三公经费增加",
    amounts: ["actual", "previous", "yoyDiff"],
    text: (d) =>
      d.statedRate !== undefined
        ? `${s(d.name)}：本年${d.budgetOnly ? "预算" : ""} ${s(d.actual)}` +
          `${d.previous !== undefined ? `，上年${d.budgetOnly ? "预算" : ""} ${s(d.previous)}` : ""}` +
          `，表中写明比上年增长${d.statedRate ? ` ${s(d.statedRate)}` : ""}，不符合“只减不增”要求。`
        : `${s(d.name)}：本年 ${s(d.actual)}，上年 ${s(d.previous)}，增加 ${s(d.yoyDiff)}` +
          `${d.yoyRate === null || d.yoyRate === undefined ? "（上年为0，不计增长率）" : `（增长 ${s(d.yoyRate)}%）`}，不符合“只减不增”要求。`,
  },
  "score-over-max": {
    why: "得分不能超过该指标的分值。",
    todo: "改正得分，使其不超过分值。",
    title: "得分超过分值",
    text: (d) => `${s(d.name)}：得分 ${s(d.score)} 超过分值 ${s(d.max)}。`,
  },
  "score-sum-mismatch": {
    why: "小计、合计和总分应等于各项分值（或得分）之和。",
    todo: "改正各项分值、得分或合计数。",
    title: "分数合计不符",
    text: (d) =>
      `${named(d)}${s(d.column) || "得分"}写明 ${s(d.stated)} 分，各项相加为 ${s(d.computed)} 分` +
      (d.withFunds ? `，加上预算执行${s(d.column) || "得分"} ${s(d.fundsPoints)} 分为 ${s(d.withFunds)} 分。` : "。"),
  },
  "duplicate-item": {
    why: "同一项目列示两次，会被重复计算。",
    todo: "删除重复的一行，或改正名称。",
    title: "重复列示",
    text: (d) =>
      d.quote
        ? `「${s(d.quote)}」：“${s(d.name)}”${s(d.expected)}（${s(d.stated)}）。`
        : `${s(d.name)}：与第 ${s(d.firstRow)} 行重复列示。`,
  },
  "grade-mismatch": {
    why: "等级应按总分确定。",
    todo: "按总分改正等级。",
    title: "等级与得分不符",
    text: (d) => `总分 ${s(d.total)} 对应等级为“${s(d.expected)}”，表中写为“${s(d.stated)}”。`,
  },
  ...AUDIT_FINDING_TEXT,
  "unit-assumed": {
    why: "没有写明金额单位，按“元”读数；若实为万元，所有金额都差一万倍。",
    todo: "在标题下注明“单位：万元”，或在检查页确认单位。",
    title: "未注明单位",
    text: (d) => `表「${s(d.title)}」未写明金额单位，按“元”处理；如不是，请在标题行注明“单位：万元”。`,
  },
  "table-empty": {
    why: "表已识别，但没有读到任何数，本表的数不参与检查和汇总；可能是空表，也可能是表头没有和数对上。",
    todo: "空表可不处理；表中有数的，核对表头各列的名称，或在检查页“请确认表格列”中指定列。",
    title: "表中没有读到数",
    text: (d) => `表「${s(d.title)}」已识别，但没有读到任何${s(d.what) || "金额"}，本表未参与检查。`,
  },
  "unit-conflict": {
    why: "标题行和表头写的单位不同，已按表头读数。",
    todo: "统一单位写法。",
    title: "单位不一致",
    text: (d) => `表头写明的单位“${s(d.header)}”与标题行的“${s(d.title)}”不一致，按表头处理。`,
  },
  "header-ambiguous": {
    why: "有几列都可能是同一种数，取错列会算错。",
    todo: "在检查页“请确认表格列”中选定正确的列。",
    title: "表头不确定",
    text: (d) => `${s(d.role)}列有多个候选（${s(d.candidates)}），已取 ${s(d.chosen)} 列，请确认。`,
  },
  precision: {
    why: "金额的小数位超过“分”，计算时已四舍五入。",
    todo: "核对原数，一般保留两位小数。",
    title: "金额精度超过分",
    text: (d) => `有 ${s(d.count)} 个金额的小数位超过“分”（如「${s(d.text)}」），已按四舍五入到分计算；如需精确到分以下请核对原数。`,
  },
  "parts-mismatch": {
    title: "合计不等于各分项之和",
    why: "一行的合计栏应等于本行各来源或各性质栏之和（如 本年收入合计 = 财政拨款 + 事业收入 + …，合计 = 基本支出 + 项目支出）。",
    todo: "逐栏核对本行数字，改正填错的一格；若某栏确有未列出的来源，在说明中写明。",
    amounts: ["stated", "computed", "difference"],
    exact: true,
    text: (d) => `${s(d.name)}：${s(d.column)}为 ${s(d.stated)}，${s(d.parts)}之和为 ${s(d.computed)}，相差 ${s(d.difference)}。`,
  },
  "form-mismatch": {
    title: "表间数字不一致",
    why: "同一个数在两张公开表中都出现（如 公开01 的本年支出合计 与 公开03 的合计），两处必须相同。",
    todo: "找出两张表中填错的一处改正；两张表都从决算软件导出时，重新导出一次。",
    amounts: ["stated", "computed", "difference"],
    exact: true,
    text: (d) =>
      `${s(d.left)}为 ${s(d.stated)}，${s(d.right)}为 ${s(d.computed)}（${s(d.otherSheet)}!${s(d.otherCell)}），相差 ${s(d.difference)}。` +
      (d.condition ? (FORM_CONDITIONS[s(d.condition)] ?? "") : ""),
  },
  "balance-mismatch": {
    title: "收支总表两方不平",
    why: "收支总表的收入总计（本年收入合计加上年结转等）与支出总计（本年支出合计加结转下年等）按表的定义必须相等。",
    todo: "核对两方的总计及其上面各行，改正填错的数；两方都从系统导出时，重新导出一次。",
    amounts: ["stated", "computed", "difference"],
    exact: true,
    text: (d) =>
      `${s(d.name)}的支出总计为 ${s(d.stated)}，收入总计为 ${s(d.computed)}（${s(d.otherSheet)}!${s(d.otherCell)}），` +
      `相差 ${s(d.difference)}。`,
  },
  "unit-suspect": {
    title: "单位疑似填错",
    why: "在“万元”表中按“元”填写的数字，会比同列的数字大约一万倍，并使上级合计对不上。",
    todo: "确认该格的单位，按本表单位改写（元 ÷ 10000 = 万元）。",
    amounts: ["value", "likely"],
    exact: true,
    text: (d) =>
      `${s(d.name)}${col(d)}的「${s(d.text)}」按本表单位（${s(d.unit)}）读作 ${s(d.value)}，比同列的数字和所在合计大约一万倍，` +
      `疑似按“元”填在了“万元”表中（应为 ${s(d.likely)}）。`,
  },
  "rate-mismatch": {
    title: "比率与数字不符",
    why: "表中写明的执行率或完成率应等于 执行数 ÷ 预算数。",
    todo: "按本行数字重算比率后改正；若分母应为调整后预算，在说明中写明。",
    amounts: ["actual", "budget"],
    exact: true,
    text: (d) =>
      d.computed === null
        ? `${named(d)}写明比率 ${s(d.stated)}，但基数（预算）为 0，不应有比率。`
        : `${named(d)}写明比率 ${s(d.stated)}，按 ${s(d.actual)} ÷ ${s(d.budget)} 计算应为 ${s(d.computed)}%。`,
  },
  "change-mismatch": {
    title: "增减额与数字不符",
    why: "表中写明的增减额（差异额）应等于本行两个数之差（本年 − 上年，或 决算 − 预算）。",
    todo: "按本行数字重算增减额后改正；若两个数中有一个填错，改正那一个。",
    amounts: ["stated", "computed", "left", "right"],
    exact: true,
    text: (d) =>
      `${named(d)}${s(d.column)}写为 ${s(d.stated)}，按 ${s(d.leftLabel)} ${s(d.left)} − ${s(d.rightLabel)} ${s(d.right)} ` +
      `应为 ${s(d.computed)}。`,
  },
  "digit-slip": {
    title: "数字疑似录错",
    why: "一个数的两位数字颠倒或错了一位，会同时造成上下级合计不符。",
    todo: "核对原始凭证，把该格改为建议值后重新检查。",
    amounts: ["stated", "likely"],
    exact: true,
    text: (d) =>
      `${s(d.name)}${col(d)}填为 ${s(d.stated)}，按上下级合计应为 ${s(d.likely)}` +
      `（${SLIP_KIND[s(d.kind)] ?? SLIP_KIND.digit}）；改正这一格，${slipMends(d)}就都对上了` +
      (d.changes ? `，本行写明的增减（${s(d.changes)}）也随之相符。` : "。"),
  },
  "amount-range": {
    why: "金额大到无法精确计算，多为误填。",
    todo: "检查是否多输了数字。",
    title: "金额超出范围",
    text: (d) => `表「${s(d.title)}」中的金额合计超出可精确计算的范围（约9万亿元），该表未参与核对，请检查是否有误填的数字。`,
  },
};

/** The title of a rule ("合计不等于明细之和"). */
export const RULE_TITLES = Object.fromEntries(Object.entries(FINDING_TEXT).map(([rule, e]) => [rule, e.title])) as Record<RuleId, string>;

/** Whether the clerk's unit at the chosen decimals holds an amount exactly. */
function fitsDisplay(fen: number, p: Presentation): boolean {
  const exp = Math.log10(FEN_PER[p.displayUnit]);
  return p.decimals >= exp || fen % 10 ** (exp - p.decimals) === 0;
}

/** Decimals an amount needs in a unit to be shown exactly (at least `min`). */
function decimalsNeeded(fen: number, unit: Unit, min: number): number {
  const exp = Math.log10(FEN_PER[unit]);
  let d = min;
  while (d < exp && fen % 10 ** (exp - d) !== 0) d++;
  return d;
}

/**
 * How the amounts of an exact finding are shown, one way for the whole sentence: in the clerk's unit at their chosen
 * decimals when those hold every amount; else with the decimals needed when the table itself is kept in the clerk's unit
 * ("89.974万元" in a 万元 table kept to three); else all in 元 ("相差1元", not "0.0001万元": a table kept in 元 is best read
 * in 元).
 */
function exactAmounts(fens: (number | null)[], p: Presentation, tableUnit: Unit | undefined): (fen: number) => string {
  const shown = fens.filter((x): x is number => x !== null);
  if (shown.every((fen) => fitsDisplay(fen, p))) return (fen) => `${formatFen(fen, p.displayUnit, p.decimals)}${p.displayUnit}`;
  if (tableUnit === p.displayUnit && tableUnit !== "元") {
    const d = Math.max(...shown.map((fen) => decimalsNeeded(fen, tableUnit, p.decimals)));
    return (fen) => `${formatFen(fen, tableUnit, d)}${tableUnit}`;
  }
  return (fen) => `${formatFen(fen, "元", fen % 100 === 0 ? 0 : 2)}元`;
}

/** Why a finding matters and what to do, one line each. */
export function findingAdvice(f: Finding): { why: string; todo: string } {
  const e = FINDING_TEXT[f.rule];
  return { why: e.why, todo: e.todo };
}

/** The sentence for a finding, amounts in the clerk's unit. */
export function findingMessage(f: Finding, p: Presentation = DEFAULT_PRESENTATION): string {
  const entry = FINDING_TEXT[f.rule];
  if (!entry.amounts) return entry.text(f.data);
  const data: FindingData = { ...f.data };
  const fens = entry.amounts.map((key) => (typeof data[key] === "string" ? fenOfYuanString(data[key] as string) : null));
  const exact = entry.exact ? exactAmounts(fens, p, f.unit) : null;
  entry.amounts.forEach((key, i) => {
    const fen = fens[i];
    if (fen !== null) data[key] = exact ? exact(fen) : amountText(fen, p);
  });
  return entry.text(data);
}
