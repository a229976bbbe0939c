/**
 * The reading grammar of report text, as data: units, counting words, direction words, comparison phrases, the labels
 * of 本年/上年/预算/决算, rates (of change, of completion, a share), list introducers and the words that make a list
 * partial, and the known compositions of 决算 items (三公经费 = 出国 + 车 + 接待 …). The reader (claims.ts) only looks
 * words up here; adding a phrasing is adding a word.
 */

export const MONEY_UNITS = ["万亿元", "亿元", "万元", "千元", "元"] as const;
export type MoneyUnit = (typeof MONEY_UNITS)[number];
/** Power of ten of one unit in 元. */
export const MONEY_EXP: Readonly<Record<MoneyUnit, number>> = { 元: 0, 千元: 3, 万元: 4, 亿元: 8, 万亿元: 12 };

/** Counting words: never money. Longer words first where one contains another (人次 before 人). */
export const COUNT_WORDS = [
  ...["人次", "批次", "户次", "架次", "车次", "平方公里", "平方米", "公里", "公顷", "万人"],
  ...["人", "辆", "台", "批", "次", "个", "项", "户", "所", "名", "条", "家", "场", "篇", "亩", "米", "吨", "套", "件"],
  ...["间", "处", "座", "册", "份", "张", "岁", "天", "周", "小时", "倍", "床", "株", "只", "头"],
];
/** Counts that add up (heads, households, items): a list of them is checked against its total. */
export const SUMMABLE_COUNTS = new Set([
  "人",
  "人次",
  "户",
  "户次",
  "个",
  "项",
  "名",
  "辆",
  "台",
  "条",
  "家",
  "所",
  "批次",
  "次",
  "篇",
  "场",
  "件",
  "套",
  "处",
]);

/** "8.45万" after 人口, or "5万人": 万 of people or things, not money. The word it counts, or null for money. */
export function unitOfBareWan(before: string, after: string): string | null {
  const m = /^(人次|人|户|名|余人|多人|亩|平方|吨|个|册|套|件|辆|株|头|只|床)/.exec(after);
  if (m) return m[1];
  if (/(人口|人数|户数|常住|居民|户籍|游客|客流|人次|产量|面积|学生|在校生|职工数)[^，。；]*$/.test(before)) return "人";
  return null;
}

// ——— Directions ———

/** Change words and their direction. Longer first: the reader takes the longest word that ends the lead. */
export const UP_WORDS = [
  ...["增加了", "增长了", "上升了", "提高了", "增加", "增长", "上升", "提高", "增收", "增支", "多支出", "超支", "上涨", "新增"],
  ...["增幅", "增"],
];
export const DOWN_WORDS = [
  ...["减少了", "下降了", "降低了", "减少", "下降", "降低", "减收", "减支", "少支出", "节约", "节省", "压减", "压缩", "缩减"],
  ...["回落", "下滑", "降幅", "减"],
];
/** "多/少" only right after a comparison base ("比去年3.01万元少0.07万元"). */
export const SHORT_UP = ["多"];
export const SHORT_DOWN = ["少"];
/** Words saying there was no change. "基本持平" and the like are approximate and claim nothing. */
export const FLAT = /(持平|无增减变化|无增减|无变化|没有变化|零增长|保持不变|未发生变化)/;
export const ROUGHLY_FLAT = /(基本持平|大致持平|略有|基本一致|基本相当|相当)$/;
/** Rate words after a change word: "增长率为", "减少率", "增幅为", "幅度为". */
export const RATE_TAIL = /(率|幅度|比例|幅|百分比)?(为|是|达|达到|约|了)?$/;
export const AMOUNT_TAIL = /(额|金额|数额)?(为|是|达|达到|约|了|共计|合计)?$/;

// ——— Comparisons ———

/** "比上年", "较上年度", "同比", "与上年相比", "比去年同期": against last year. */
export const VS_PREVIOUS = /(上年|去年|上一年|上年度|同比|同期|上期|前一年)/;
/** "比年初预算", "较预算数", "与调整预算相比", "决算数较预算数": against this year's budget. */
export const VS_BUDGET = /(年初预算|调整预算|调整后预算|全年预算|预算数|预算|年初数|年初安排|计划数|计划|任务数|任务)/;

// ——— Labels of amounts ———

/** Fund types whose names contain 预算: not a label of kind. */
export const FUND_TYPES =
  /(一般公共预算|政府性基金预算|国有资本经营预算|社会保险基金预算|预算内|预算外|预算单位|部门预算|预算法|预算稳定调节基金|预算绩效|预决算|预算管理)/g;
/** A label right before an amount: what it is. Tested on the lead with fund types removed. */
export const LABEL_PREVIOUS = /(上年(?!结转|结余|末)|去年|上一年|上年度|上年同期)[^，；。]*$/;
export const LABEL_BUDGET =
  /(年初预算|全年预算|调整预算|调整后预算|预算数|预算安排|预算|年初数|年初安排|计划|任务数|任务)(数|额|总额|总计|合计|共计|安排|资金)?(为|是|共|达)?$/;
export const LABEL_ACTUAL =
  /(决算|决算数|决算总额|执行数|实际支出|实际完成|支出数|本年数|本年支出|实际|完成|执行|拨付|支付)(数|额|总额|金额|资金)?(为|是|共|达)?$/;

// ——— Rates ———

/** "完成年初预算的", "为调整预算数的", "执行率", "完成率", "支付率": actual over budget; "到位率": funds received over budget. */
export const COMPLETION =
  /(完成[^，；。、]{0,12}?(预算|计划|任务)(数)?(的)?|为[^，；。、]{0,6}?预算(数)?的|(预算)?执行(率|比例)|完成率|支付率|执行进度|预算完成率|(资金)?到位率)(为|是|达|达到)?$/;
/** "占调整预算105.47%", "占年初预算数109466万元的56.3%", "占任务数的56.4%": completion phrased with 占. */
export const COMPLETION_OF = /^(年初预算|全年预算|调整预算|调整后预算|预算|年初|计划|任务)(数)?$/;
/** "占…的X%", "占比X%", "比重为X%". */
export const SHARE = /占([^，；。%]*?)(的)?(比重|比例|比)?(为|是|达|达到|约)?$/;
export const SHARE_ALONE = /(占比|比重|所占比例)(为|是|达|达到|约)?$/;

// ——— Lists ———

/** Words that introduce the parts of the amount before them. */
export const LIST_INTRO =
  /^(其中|包括|主要包括|具体包括|具体情况如下|具体如下|具体为|具体是|分项情况是|分项情况如下|主要用于以下方面|(?:收入|支出)(?:包括|构成)|分[^，；。]{1,8}?看|(?:从|按)[^，；。]{1,10}?(?:来看|看))[:：，]?/;
/** The four budgets: an item of one is never a part of a total of another ("一般公共预算收入…；政府性基金预算收入…"). */
export const FUND = /(一般公共预算|政府性基金|国有资本经营|社会保险基金)/;

/** "收入方面，…": the item the clauses after it are about. */
export const TOPIC = /^(收入|支出)方面$/;
/**
 * Items named by a threshold ("收入过10亿元的124个，其中过30亿元的52个，过50亿元的27个", "60岁以上的15人"): ranges that nest
 * or overlap, never parts that add up to their total.
 */
export const RANGE = /(过|超过|超|达到|不足|低于|高于|以上|以下)/;

/** A list that names only some parts: its parts may add up to less than the total. */
export const PARTIAL = /(主要|重点|部分|等|列举|例如|比如|分主要|以下几个|包括但不限于|较大的)/;
/** A new way of splitting the same total inside one list ("按经济分类科目", "从收入分类来看"). */
export const NEW_SPLIT = /(按[^，；。]{1,10}?(分类|划分|分)(科目)?|从[^，；。]{1,16}?(来看|看)|分[^，；。]{1,8}?看)/;
/** Per-unit figures are not parts: "每村15万元", "人均", "平均每辆1.76万元", "生均". */
export const PER_UNIT = /(每|人均|平均|户均|生均|院均|次均|单价|标准)/;
/** A part said to be outside the total. */
export const EXCLUDED = /(取消|不含|不包括|未计入|未纳入|另|此外|以外|除外|之外)/;
/** Levels of one hierarchy ("一级指标3个，二级指标9个"): not parts of each other's total. */
export const LEVELS = /^[一二三四五六七八九1-9]级/;
/** Totals. */
// 共 alone (共安排…) but not in a name: 共同财政事权转移支付, 公共预算, 共享收入.
export const TOTAL = /(合计|总计|共计|总额|总数|累计|总量|小计|总规模|规模|总投入|(^|[^公])共(?!同|享|建|性|担|治|有))/;

// ——— Known compositions of 决算 items ———

export type ItemKey = "sangong" | "abroad" | "car" | "carPurchase" | "carRun" | "reception" | "basic" | "personnel" | "public";

/** Names of the items whose sums are known, as the reports write them (quotes and brackets removed first). */
export function itemKeyOf(name: string): ItemKey | null {
  const n = name.replace(/[“”"'‘’「」()（）]/g, "");
  if (/三公/.test(n) && !/(出国|接待|用车|车辆)/.test(n)) return "sangong";
  // "因公出国（境）费、公务用车购置及运行费和公务接待费": the three named together are the 三公 total.
  if (/出国/.test(n) && /接待/.test(n) && /(用车|车辆|公车)/.test(n)) return "sangong";
  if (/因公出国|出国境|出国经费|出国费/.test(n)) return "abroad";
  if (/公务接待/.test(n)) return "reception";
  const car = /(公务用车|公车|车辆|用车)/.test(n);
  if (car) {
    const purchase = /购置/.test(n);
    const run = /运行|维护|运维|维修/.test(n);
    if (purchase && run) return "car";
    if (purchase) return "carPurchase";
    if (run) return "carRun";
    return /费/.test(n) ? "car" : null;
  }
  // "基本支出", "一般公共预算财政拨款基本支出", "基本支出预算": 基本支出 = 人员经费 + 公用经费.
  if (/^基本支出|基本支出(预算|决算)?$/.test(n)) return "basic";
  if (/^人员经费(支出)?$/.test(n)) return "personnel";
  if (/^公用经费(支出)?$/.test(n)) return "public";
  return null;
}

export const COMPOSITIONS: readonly { whole: ItemKey; parts: readonly ItemKey[] }[] = [
  { whole: "sangong", parts: ["abroad", "car", "reception"] },
  { whole: "car", parts: ["carPurchase", "carRun"] },
  { whole: "basic", parts: ["personnel", "public"] },
];

// ——— Compare words: 大于/小于/超过/持平 ———

export const COMPARE_UP = /(大于|高于|超过|超出|多于)/;
export const COMPARE_DOWN = /(小于|低于|少于|未超过|不超过|没有超过|未超出)/;
