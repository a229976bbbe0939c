import { rememberByText, squash } from "../base/text";
import type { Unit } from "../base/money";

/**
 * What a column means. Besides the comparison roles (预算/决算/上年) the national forms name their figures by fund source
 * (财政拨款收入, 事业收入 …), by kind of spending (基本支出, 项目支出 …) and by flow (年初结转和结余, 本年收入 …); each
 * has its own role, so "预算" inside 一般公共预算财政拨款 never makes a budget column and "上年" inside 上年结转 never makes
 * a previous-year column.
 */
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
  // A row's own total where the table's basis (决算 or 预算) decides whether it is the actual or the budget.
  "rowTotal",
  // Fund sources.
  "srcFiscal",
  "srcGeneral",
  "srcFund",
  "srcCapital",
  "srcUpper",
  "srcBusiness",
  "srcOperating",
  "srcSubsidiary",
  "srcOther",
  "srcSpecial",
  "srcCarryover",
  // Kinds of spending.
  "expBasic",
  "expProject",
  "expUpper",
  "expOperating",
  "expSubsidiary",
  "expPersonnel",
  "expPublic",
  // Flows of a fund (公开08): 年初结转和结余 + 本年收入 − 本年支出 = 年末结转和结余.
  "carryIn",
  "income",
  "carryOut",
  // Indicator texts of a 绩效自评表: targets and results are words or figures with units, never money.
  "target",
  "result",
] as const;
export type ColumnRole = (typeof COLUMN_ROLES)[number];

/** Roles whose figures are money (normalised to 元, summed, compared). */
export const AMOUNT_ROLES: ReadonlySet<ColumnRole> = new Set<ColumnRole>([
  "budgetInitial",
  "budgetFinal",
  "budget",
  "budgetAdjust",
  "actual",
  "previous",
  "previousBudget",
  "statedDiff",
  "rowTotal",
  "srcFiscal",
  "srcGeneral",
  "srcFund",
  "srcCapital",
  "srcUpper",
  "srcBusiness",
  "srcOperating",
  "srcSubsidiary",
  "srcOther",
  "srcSpecial",
  "srcCarryover",
  "expBasic",
  "expProject",
  "expUpper",
  "expOperating",
  "expSubsidiary",
  "expPersonnel",
  "expPublic",
  "carryIn",
  "income",
  "carryOut",
]);

/**
 * Parts of a row's total, by dimension: a row's total equals the sum of the parts of one dimension present in the table
 * (收入决算表: 本年收入合计 = 财政拨款收入 + 上级补助收入 + …; 支出决算表: 本年支出合计 = 基本 + 项目 + …).
 * 财政拨款收入 is itself 一般公共预算 + 政府性基金 + 国有资本经营: when both appear, the total counts only the former.
 */
/**
 * The ways a row total splits across columns. `within`: the parts add up to that column, not to the row total; when the
 * table has no such column, the parts stand beside `orWith` under the row total (合计 | 人员经费 | 公用经费 | 项目支出).
 */
export const PART_DIMENSIONS: readonly {
  name: string;
  parts: readonly ColumnRole[];
  within?: ColumnRole;
  orWith?: readonly ColumnRole[];
}[] = [
  {
    name: "source",
    parts: ["srcFiscal", "srcUpper", "srcBusiness", "srcOperating", "srcSubsidiary", "srcOther", "srcSpecial", "srcCarryover"],
  },
  { name: "fiscal", parts: ["srcGeneral", "srcFund", "srcCapital"], within: "srcFiscal" },
  { name: "spending", parts: ["expBasic", "expProject", "expUpper", "expOperating", "expSubsidiary"] },
  {
    name: "basic",
    parts: ["expPersonnel", "expPublic"],
    within: "expBasic",
    orWith: ["expProject", "expUpper", "expOperating", "expSubsidiary"],
  },
];

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
  rowTotal: "合计",
  srcFiscal: "财政拨款收入",
  srcGeneral: "一般公共预算财政拨款",
  srcFund: "政府性基金预算财政拨款",
  srcCapital: "国有资本经营预算财政拨款",
  srcUpper: "上级补助收入",
  srcBusiness: "事业收入",
  srcOperating: "经营收入",
  srcSubsidiary: "附属单位上缴收入",
  srcOther: "其他收入",
  srcSpecial: "财政专户管理资金",
  srcCarryover: "上年结转",
  expBasic: "基本支出",
  expProject: "项目支出",
  expUpper: "上缴上级支出",
  expOperating: "经营支出",
  expSubsidiary: "对附属单位补助支出",
  expPersonnel: "人员经费",
  expPublic: "公用经费",
  carryIn: "年初结转和结余",
  income: "本年收入",
  carryOut: "年末结转和结余",
  target: "指标值",
  result: "实际完成值",
};

/**
 * The header vocabulary, as data. Ordered: the first pattern that matches wins, so specific forms come before the general
 * ones they contain — fund-source and flow names before 预算/上年/年初, "上年决算数" before "决算数".
 */
export const ROLE_VOCABULARY: readonly [ColumnRole, RegExp][] = [
  ["lineNo", /^(行次|栏次|序号|行号)$/],
  ["codeClass", /^类$/],
  ["codeSection", /^款$/],
  ["codeItem", /^项$/],
  // Fund sources and flows (they contain 预算, 上年, 年初, 结转: decide them first).
  // "其中：一般公共预算安排数" (南通 2016), "其中：公共预算财政拨款" (桂林 2015) beside a 三公 table's 预算数.
  // "公共财政预算拨款": the name 一般公共预算 had before 2015 (岳阳县 2015–2017 三公 tables still print it).
  [
    "srcGeneral",
    /^(一般)?公共预算(财政)?(拨款|安排)(收入|数|资金)?$|^一般公共预算(资金)?$|^一般公共预算财政拨款支出$|^公共财政预算(拨款|安排)?(收入|数|资金)?$/,
  ],
  ["srcFund", /^政府性基金(预算)?(财政)?拨款(收入)?$|^政府性基金预算(资金)?$/],
  ["srcCapital", /^国有资本经营预算(财政)?拨款(收入)?$|^国有资本经营预算(资金)?$/],
  ["srcFiscal", /^财政拨款(收入)?$|^财政拨款资金$/],
  ["srcUpper", /^上级补助(收入)?$/],
  ["srcBusiness", /^事业收入$/],
  ["srcOperating", /^(事业单位)?经营收入$/],
  ["srcSubsidiary", /^附属单位上缴(收入)?$/],
  ["srcOther", /^其他收入$|^其他资金$/],
  ["srcSpecial", /^财政专户管理资金(收入)?$|^纳入专户管理的非税收入(拨款)?$/],
  ["srcCarryover", /^上年结转(结余)?(资金)?$|^使用非财政拨款结余$/],
  ["carryIn", /^年初结转和?结余$|^年初财政拨款结转和?结余$/],
  ["carryOut", /^年末结转和?结余$|^年末财政拨款结转和?结余$|^结转下年$/],
  ["income", /^本年收入$/],
  ["expBasic", /^基本支出$/],
  ["expProject", /^项目支出$/],
  ["expUpper", /^上缴上级支出$/],
  ["expOperating", /^(事业单位)?经营支出$/],
  ["expSubsidiary", /^对(附属|下级)单位补助(支出)?$/],
  ["expPersonnel", /^人员经费$/],
  ["expPublic", /^公用经费$/],
  // Indicator texts (never money).
  ["target", /^(年度)?指标值$|^年初目标值|^年初指标值|^目标值|^年度指标值/],
  ["result", /^实际完成值|^完成值|^全年实际值|^实际值$|^全年完成值/],
  ["level1", /^一级指标(名称)?$/],
  ["level2", /^二级指标(名称)?$/],
  ["level3", /^三级指标(名称)?$/],
  ["maxScore", /^(分值|权重|标准分|满分|指标分值|权重分|指标权重)(\(分\))?$/],
  ["score", /^(得分|自评得分|自评分|评分|评价得分|实际得分|加分|加分值|加分分值|指标得分)(\(分\))?$/],
  ["grade", /^(等级|评价等级|绩效等级|自评等级)$/],
  ["reason", /(原因|说明|备注|偏差分析|改进措施)/],
  ["statedRate", /(率|比例|占比|百分比|幅度|%)/],
  ["statedDiff", /(差异额?|差额|增减额?|增减变动|变动额|超支|节余额|(减少|增加)(情况|额|数))/],
  ["previousBudget", /上年(度)?预算/],
  ["previous", /(上年|上期|去年|上年度|上一年)/],
  ["budgetAdjust", /^(预算)?调整(数|额)$|^追加(预算)?(数|额)?$|^追加追减/],
  ["budgetInitial", /年初(批复)?预算|年初数|预算批复数|年初安排/],
  ["budgetFinal", /(全年|调整后?|变动后|最终)预算|预算调整后/],
  // A row's own total: its meaning (决算 or 预算) comes from the table's title.
  ["rowTotal", /^(合计|小计|总计|金额|本年收入合计|本年支出合计|收入合计|支出合计|本年合计)$/],
  // A year's spending is that year's 决算 ("2020年度支出 (万元)"; an earlier year's becomes 上年 by its year).
  ["actual", /(决算|执行数|实际支出|实际数|支出数|本年数|本年实际|实际完成|本年支出|全年执行|支出金额|执行金额)|^(19|20)\d{2}年度?支出$/],
  ["budget", /(预算|计划数|预算金额|年度预算)/],
  ["count", /^(人数|数量|实有人数|在职人数|编制数|人员数|个数)(\(人\))?$/],
  ["code", /(科目)?(编码|代码)$|^科目编号$|^编号$/],
  [
    "name",
    /(科目名称|项目名称|^项目$|^经费项目$|^名称$|^科目$|支出项目|^内容$|指标名称|^单位名称$|经济分类|功能分类|^摘要$|加分项目|加分事项|^事项$|获奖或推介事项)/,
  ],
];

/** Role for a header text, or null. Also strips a unit in brackets: "决算数（万元）". */
export function roleOf(headerText: string): ColumnRole | null {
  return knownRole(headerText);
}

/** The same header words come back on every sheet (and on every header row of one): read once each. */
const knownRole = rememberByText(readRole);

function readRole(headerText: string): ColumnRole | null {
  // "增、减金额", "增/减幅度": one word written with a mark between its halves.
  const squashed = squash(headerText);
  // "其中：一般公共预算安排数": a column that is part of the one before it is named by what it is.
  const t = stripHeaderUnit(squashed)
    .replace(/增[、,，/]减/g, "增减")
    .replace(/^其中[:：]?/, "");
  if (t === "") return null;
  const role = ROLE_VOCABULARY.find(([, re]) => re.test(t))?.[0] ?? null;
  // "比上年增减(%)", "完成预算(%)": figures in percent are a rate, never an amount (168.7 is 168.7 %, not 168.7 万元).
  return role !== null && PERCENT_HEADER.test(squashed) && AMOUNT_ROLES.has(role) ? "statedRate" : role;
}

const PERCENT_HEADER = /[(（]%[)）]$|%$/;

const UNIT_IN_HEADER = /\((亿元|万元|千元|元)\)|\[(亿元|万元|千元|元)\]|单位[:：]?(亿元|万元|千元|元)/;

export function stripHeaderUnit(t: string): string {
  return t.replace(UNIT_IN_HEADER, "").replace(/\((分|人|%)\)$/, "");
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
  const m = /(19|20)\d{2}(?=年|-|－)/.exec(squash(headerText));
  return m ? Number(m[0]) : null;
}
