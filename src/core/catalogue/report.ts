/**
 * The words of the report drafts, in one place: titles, headings, sentence templates, placeholders, the 名词解释.
 * Templates are functions of their slots: a slot is whatever the report stage puts there (a figure with its unit, a
 * rate with its %, a reason, a placeholder), so the numbers stay numbers the self-check can read back. Sentences follow
 * the patterns of published 部门决算 说明 and 绩效 reports (财预〔2016〕143号 and the provincial templates) in our own words.
 * Nothing here names a check, a rule or a threshold: those never appear in a document.
 */
export type Piece<T> = string | T;
type P<T> = Piece<T>[];

/** 一、二、… 十一、二十三 (any positive integer below 100). */
export function chineseNumber(n: number): string {
  const d = "零一二三四五六七八九";
  if (n < 10) return d[n];
  if (n < 20) return `十${n % 10 ? d[n % 10] : ""}`;
  if (n < 100) return `${d[Math.floor(n / 10)]}十${n % 10 ? d[n % 10] : ""}`;
  return String(n);
}

/** "A、B和C": a list in running text. */
function listed(names: string[]): string {
  return names.length < 2 ? names.join("") : `${names.slice(0, -1).join("、")}和${names[names.length - 1]}`;
}

/** Circled numbers for the fifth depth: ① … ⑳. */
export function circled(n: number): string {
  return n >= 1 && n <= 20 ? String.fromCharCode(0x2460 + n - 1) : `（${n}）`;
}

/** 公文 numbering by depth: 一、 （一） 1． （1） ①. */
export const NUMBERING = {
  part: (n: number) => `第${chineseNumber(n)}部分`,
  /** "第一部分" + U+3000 + "部门概况": a full-width space between the number and the title, as printed. */
  partTitle: (n: number, title: string) => `第${chineseNumber(n)}部分\u3000${title}`,
  h1: (n: number) => `${chineseNumber(n)}、`,
  h2: (n: number) => `（${chineseNumber(n)}）`,
  h3: (n: number) => `${n}．`,
  h4: (n: number) => `（${n}）`,
  h5: (n: number) => circled(n),
};

/** "2023年度" before a sentence's subject; nothing when the workbook does not say the year (the sentence reads as this year's). */
export const yearOf = (year: string | null) => (year ? `${year}年度` : "");

/** Names joined the way clerks list them: "A、B和C". */
export function listNames(names: string[], last = "和"): string {
  if (names.length <= 1) return names.join("");
  return `${names.slice(0, -1).join("、")}${last}${names[names.length - 1]}`;
}

/** Why a draft could be written only as a frame: what the workbook lacks for it, and where to write it instead. */
export const DRAFT_GAPS = {
  noTables: "工作簿中没有识别到预算或决算表，报告中的数字都留作【请填写】。",
  /** `budgets`: how many of the tables are 预算 tables; all of them when it equals `tables`. */
  noFinal: (tables: number, budgets: number) => {
    const subject = `工作簿中识别到的${tables === 1 ? "表" : ` ${tables} 张表`}`;
    const what = budgets === tables ? `${tables === 1 ? "是" : "都是"}预算表，没有决算数` : "里没有决算数";
    return `${subject}${what}，报告中的决算数字都留作【请填写】；请在决算表（部门决算公开01—09表）所在的工作簿上生成。`;
  },
};

export const REPORT_TITLES = {
  finalAccounts: { id: "部门决算说明", main: (year: string) => `${year}年度部门决算说明` },
  performance: { id: "部门整体支出绩效评价报告", main: (year: string) => `${year}年部门整体支出绩效评价报告` },
  selfEvaluation: { id: "绩效自评报告", main: (year: string) => `${year}年度绩效自评报告` },
} as const;

/** Word segments a unit's name breaks after, so a long title wraps between words (GB/T 9704 回行). */
export const NAME_BREAKS = [
  "省",
  "自治区",
  "市",
  "自治州",
  "州",
  "地区",
  "盟",
  "县",
  "自治县",
  "旗",
  "区",
  "乡",
  "镇",
  "街道",
  "人民政府",
  "委员会",
  "办公室",
  "管理局",
  "局",
  "中心",
  "学校",
  "医院",
];

/** What the clerk writes where the workbook holds nothing: always a whole fact, never a part of a date or a number. */
export const FILL = {
  unitName: "单位名称",
  year: "年度",
  date: "报告日期",
  duties: "部门主要职责（可按“三定”方案逐条列出）",
  organization: "内设机构和所属单位设置情况",
  composition: "纳入本部门决算编制范围的单位（本级及所属单位）",
  staff: "编制数、年末实有人数（在职、离休、退休）",
  keyWork: "年度重点工作及完成情况",
  tables: "随附的部门决算公开表（收入支出决算总表等公开01—09表）",
  totals: "收入总计、支出总计及其构成（工作簿中没有收入支出决算总表）",
  totalsGrand: "收入总计、支出总计（工作簿中的收入支出决算总表没有总计行）",
  totalsVsPrevious: "收、支总计与上年相比的增减额、增减率及主要原因（工作簿中没有上年数）",
  reasonTotals: "收、支总计较上年变动的主要原因",
  income: "本年收入合计及各项收入的金额和占比（工作簿中没有收入决算表）",
  expenditure: "本年支出合计及基本支出、项目支出等的金额和占比（工作簿中没有支出决算表）",
  fiscal: "财政拨款收入、支出总计及其构成（工作簿中没有财政拨款收入支出决算总表）",
  fiscalVsPrevious: "财政拨款收、支总计与上年相比的增减额、增减率及主要原因（工作簿中没有上年数）",
  reasonFiscal: "财政拨款收、支总计较上年变动的主要原因",
  general: "一般公共预算财政拨款支出决算情况（工作簿中没有一般公共预算财政拨款支出决算表）",
  generalVsPrevious: "一般公共预算财政拨款支出与上年相比的增减额、增减率及主要原因（工作簿中没有上年数）",
  generalBudget: "一般公共预算财政拨款支出的年初预算及各项目决算数与年初预算数的差异原因（工作簿中没有年初预算数）",
  basic: "一般公共预算财政拨款基本支出中人员经费、公用经费的金额及主要构成（工作簿中没有基本支出决算表）",
  sangong: "“三公”经费支出预算、决算及与上年对比情况（工作簿中没有“三公”经费表）",
  sangongVsPrevious: "“三公”经费支出与上年相比的增减情况（工作簿中没有上年数）",
  sangongActual: "“三公”经费支出决算数及与预算、上年的对比（工作簿中的“三公”经费表只有预算数）",
  govFund: "政府性基金预算财政拨款收入支出情况（工作簿中没有该表）",
  capital: "国有资本经营预算财政拨款支出情况（工作簿中没有该表）",
  operating: "机关运行经费支出金额、较上年增减及主要原因",
  meetingCounts: "会议次数、参会人数和主要内容",
  trainingCounts: "培训期数、参训人次和主要内容",
  generalSpending: "会议费、培训费支出金额及会议、培训的次数和人数",
  procurement: "政府采购支出总额（货物、工程、服务），授予中小企业合同金额及占比",
  assets: "截至年末的车辆数，单价50万元以上通用设备、单价100万元以上专用设备数量",
  performanceManagement: "项目支出绩效自评覆盖的项目个数、资金及自评结果",
  overall: "部门整体支出的预算和决算情况",
  basicPerf: "基本支出决算及与年初预算的差异",
  projects: "项目支出决算金额及主要用途",
  evaluationWork: "绩效评价工作的组织、方法和过程",
  achievements: "主要绩效（产出和效果）",
  problems: "存在的主要问题",
  measures: "改进措施和有关建议",
  selfWork: "开展自评的组织领导和工作措施",
  selfProblems: "存在的问题",
  selfDirections: "努力方向",
  groupDone: (group: string) => `${group}各项工作完成情况`,
  total: "总分（尚有指标待评分）",
  totalNone: "部门整体支出绩效自评总分",
  grade: "等级",
  reasonOver: (what: string, against: string) => `${what}决算数大于${against}数的原因`,
  reasonUnder: (what: string, against: string) => `${what}决算数小于${against}数的原因`,
  reasonUp: (what: string) => `${what}较上年增加的原因`,
  reasonDown: (what: string) => `${what}较上年减少的原因`,
} as const;

/** Why a figure is marked 【请核对：{cell}{text}】, by the check that objected. No amounts here (the audit reads them). */
export const DOUBT_TEXT: Record<string, string> = {
  "sum-mismatch": "与所属各项之和不符",
  "parts-mismatch": "与本行各栏之和不符",
  "form-mismatch": "与其他公开表中的同一数字不符",
  "balance-mismatch": "与收支总表另一方的总计不符",
  "unit-suspect": "的金额单位可能有误",
  "bad-value": "无法识别",
  "blank-total": "合计为空，而所属各项有数",
  "role-uncertain": "所在列是否为预算数不能确定",
  "score-over-max": "得分超过分值",
  "bonus-mismatch": "写明的加减分合计与各项之和不符",
  "total-over-max": "有自评分超过分值，总分和所在组的自评分需核对",
  "selfeval-total": "写明的总分既不是各项指标得分之和，也不是其与预算执行得分之和",
  default: "经核对有误",
};

export const HEADINGS = {
  profile: "部门概况",
  tables: (year: string) => `${year}年度部门决算表`,
  explanation: (year: string) => `${year}年度部门决算情况说明`,
  glossary: "名词解释",
  duties: "部门职责",
  organization: "机构设置",
  composition: "决算单位构成",
  staff: "人员情况",
  totals: "收入支出决算总体情况说明",
  income: "收入决算情况说明",
  expenditure: "支出决算情况说明",
  fiscal: "财政拨款收入支出决算总体情况说明",
  general: "一般公共预算财政拨款支出决算情况说明",
  generalOverall: "一般公共预算财政拨款支出决算总体情况",
  generalStructure: "一般公共预算财政拨款支出决算结构情况",
  generalDetail: "一般公共预算财政拨款支出决算具体情况",
  basic: "一般公共预算财政拨款基本支出决算情况说明",
  sangong: "财政拨款“三公”经费支出决算情况说明",
  sangongOverall: "“三公”经费财政拨款支出决算总体情况",
  sangongDetail: "“三公”经费财政拨款支出决算具体情况",
  govFund: "政府性基金预算财政拨款收入支出决算情况说明",
  capital: "国有资本经营预算财政拨款支出决算情况说明",
  operating: "机关运行经费支出情况说明",
  generalSpending: "一般性支出情况说明",
  procurement: "政府采购支出情况说明",
  assets: "国有资产占用情况说明",
  performance: "预算绩效情况说明",
  // 绩效评价报告
  perfProfile: "部门概况",
  perfDuties: "主要职能",
  perfOrganization: "机构设置和人员编制",
  perfKeyWork: "年度重点工作",
  perfSpending: "部门整体支出管理及使用情况",
  perfOverall: "部门整体支出情况",
  perfBasic: "基本支出",
  perfProject: "项目支出",
  perfSangong: "“三公”经费",
  perfGeneralSpending: "会议费、培训费和办公经费",
  perfWork: "绩效评价工作情况",
  perfResult: "部门整体支出绩效情况",
  perfProblems: "存在的主要问题",
  perfMeasures: "改进措施和有关建议",
  // 自评报告
  selfIndicators: "指标完成情况",
  selfFunds: "预算执行情况",
  selfGoals: "年度总体目标完成情况",
  selfNational: "绩效指标完成情况",
  selfAdjustments: "加分和扣分项目",
  selfWork: "工作措施",
  selfProblems: "存在的问题及努力方向",
} as const;

/** Chart captions (Sichuan 单位决算 style: 图N：…). */
export const CHARTS = {
  caption: (n: number, title: string) => `图${n}：${title}`,
  totals: "收、支决算总计变动情况",
  income: "收入决算结构",
  expenditure: "支出决算结构",
  generalClasses: "一般公共预算财政拨款支出决算结构",
  basicClasses: "基本支出决算结构（按经济分类）",
  sangong: "“三公”经费支出对比",
  previousYear: (year: string) => `${year}年`,
  thisYear: (year: string) => `${year}年`,
  budget: "预算数",
  actual: "决算数",
  previous: "上年决算",
} as const;

/**
 * Sentence templates. `T` is the slot: a figure with its unit (and its 请核对 mark when a check objected), a rate with
 * its %, a reason or a placeholder.
 */
export const SAY = {
  // Comparisons, the national template's patterns.
  budgetWord: { initial: "年初预算", final: "全年预算", plain: "预算" } as const,
  /** "年初预算为X，全年预算为Y，支出决算为Z" */
  budgetsAndActual: <T>(budgets: { word: string; amount: P<T> }[], actual: P<T>): P<T> => [
    ...budgets.flatMap((b, i) => [i > 0 ? "，" : "", `${b.word}为`, ...b.amount]),
    budgets.length > 0 ? "，支出决算为" : "支出决算为",
    ...actual,
  ],
  /** "，完成年初预算的A%、全年预算的B%" */
  completion: <T>(rates: { word: string; rate: P<T> }[]): P<T> =>
    rates.length === 0 ? [] : ["，完成", ...rates.flatMap((r, i) => [i > 0 ? "、" : "", `${r.word}的`, ...r.rate])],
  /** "年初未安排预算" (a zero budget: no completion rate). */
  noBudget: (word: string) => `${word === "预算" ? "" : word.slice(0, 2)}未安排预算`,
  over: (against: string) => `决算数大于${against}数`,
  under: (against: string) => `决算数小于${against}数`,
  same: (against: string) => `决算数与${against}数持平`,
  reasonIs: <T>(reason: P<T>): P<T> => ["的主要原因是", ...reason],
  /** "较上年增加A，增长B%" */
  up: <T>(diff: P<T>, rate: P<T> | null, against = "上年"): P<T> => [`较${against}增加`, ...diff, ...(rate ? ["，增长", ...rate] : [])],
  down: <T>(diff: P<T>, rate: P<T> | null, against = "上年"): P<T> => [`较${against}减少`, ...diff, ...(rate ? ["，下降", ...rate] : [])],
  flat: (against = "上年") => `与${against}持平`,
  /** Last year had nothing: no rate (never "增长100%"). */
  newItem: <T>(diff: P<T>, against = "上年"): P<T> => [`较${against}新增`, ...diff],
  /** "，决算数较年初预算数增加A万元" */
  diffFromBudget: <T>(word: string, up: boolean, diff: P<T>): P<T> => [`，决算数较${word}数${up ? "增加" : "减少"}`, ...diff],
  mainReason: "，主要原因是",
  pendingItems: <T>(items: P<T>): P<T> => ["尚待评分的指标：", ...items, "。"],
  restItems: <T>(n: P<T>): P<T> => ["其余", ...n, "个科目决算数与年初预算数差异较小，完成年初预算的比例分别为："],
  reasonUp: "较上年增加的主要原因是",
  reasonDown: "较上年减少的主要原因是",
  share: <T>(rate: P<T>, whole?: string): P<T> => [whole ? `占${whole}的` : "占", ...rate],
  /** Zero lines said once: "因公出国（境）费、公务用车购置费无支出". */
  noneSpent: (names: string[]) =>
    // Names that are spending already ("经营支出") read "无经营支出", never "经营支出无支出".
    names.length > 0 && names.every((n) => n.endsWith("支出")) ? `本年无${listed(names)}` : `${names.join("、")}无支出`,
  noneIncome: (names: string[]) => `本年无${listNames(names)}`,
  item: <T>(name: string, amount: P<T>): P<T> => [name, ...amount],
  period: "。",
  semicolon: "；",
  comma: "，",
  colon: "：",
  of: "其中：",
  // 决算说明, section by section.
  staff: <T>(quota: P<T> | null, quotaParts: P<T>, actual: P<T> | null, actualParts: P<T>, retired: P<T> | null): P<T> => [
    ...(quota ? ["本部门编制", ...quota, "人", ...quotaParts] : []),
    ...(actual ? [quota ? "，年末实有在职人员" : "本部门年末实有在职人员", ...actual, "人", ...actualParts] : []),
    ...(retired ? ["，退休人员", ...retired, "人"] : []),
    "。",
  ],
  parts: <T>(parts: { name: string; count: P<T>; unit: string }[]): P<T> =>
    parts.length === 0 ? [] : ["（其中", ...parts.flatMap((p, i) => [i > 0 ? "、" : "", p.name, ...p.count, p.unit]), "）"],
  overStaffed: <T>(n: P<T>): P<T> => ["实有在职人员超出编制", ...n, "人。"],
  tablesAttached: (names: string[]) => `本部门决算公开表附后，包括：${names.map((n) => `《${n}》`).join("、")}。`,
  totalsBoth: <T>(year: string | null, total: P<T>): P<T> => [`${yearOf(year)}收、支总计均为`, ...total],
  totalsEach: <T>(year: string | null, income: P<T>, spending: P<T>): P<T> => [
    `${yearOf(year)}收入总计`,
    ...income,
    "，支出总计",
    ...spending,
  ],
  totalsThisYear: <T>(year: string | null, income: P<T>, spending: P<T>): P<T> => [
    `${yearOf(year)}本年收入合计`,
    ...income,
    "，本年支出合计",
    ...spending,
  ],
  totalsIncomeParts: <T>(parts: P<T>): P<T> => ["。收入总计中，", ...parts],
  totalsSpendingParts: <T>(parts: P<T>): P<T> => ["；支出总计中，", ...parts],
  vsYear: (year: string | null) => `与${year}年度相比，`,
  totalsChange: "收、支总计",
  reasonMain: "主要原因是",
  incomeIntro: <T>(year: string | null, total: P<T>): P<T> => [`${yearOf(year)}本年收入合计`, ...total],
  spendingIntro: <T>(year: string | null, total: P<T>): P<T> => [`${yearOf(year)}本年支出合计`, ...total],
  ofParts: "，其中：",
  inParens: <T>(parts: P<T>): P<T> => ["（其中", ...parts, "）"],
  fiscalBoth: <T>(year: string | null, total: P<T>): P<T> => [`${yearOf(year)}财政拨款收、支总计均为`, ...total],
  fiscalEach: <T>(year: string | null, income: P<T>, spending: P<T>): P<T> => [
    `${yearOf(year)}财政拨款收入总计`,
    ...income,
    "，财政拨款支出总计",
    ...spending,
  ],
  fiscalChange: "财政拨款收、支总计",
  fiscalIncome: "本年财政拨款收入",
  fiscalSpending: "本年财政拨款支出",
  fiscalCarryIn: "年初财政拨款结转和结余",
  fiscalCarryOut: "年末财政拨款结转和结余",
  generalIntro: <T>(year: string | null, actual: P<T>): P<T> => [`${yearOf(year)}一般公共预算财政拨款支出`, ...actual],
  generalShare: <T>(rate: P<T>): P<T> => ["，占本年支出合计的", ...rate],
  generalChange: "一般公共预算财政拨款支出",
  generalUses: <T>(actual: P<T>): P<T> => ["一般公共预算财政拨款支出", ...actual, "，主要用于以下方面："],
  classLabel: (name: string) => `${name}（类）`,
  lineLabel: (classes: string[]) => classes.join(""),
  levelSuffix: { 1: "（类）", 2: "（款）", 3: "（项）" } as Record<1 | 2 | 3, string>,
  generalBudgetIntro: "一般公共预算财政拨款支出",
  restLines: <T>(n: P<T>, unitWord: string): P<T> => ["其余", ...n, `个${unitWord}决算数与年初预算数差异较小，完成年初预算的比例分别为：`],
  restLinesNoBudget: "各项目支出决算为：",
  basicIntro: <T>(year: string | null, total: P<T>): P<T> => [`${yearOf(year)}一般公共预算财政拨款基本支出`, ...total],
  basicIntroAll: <T>(year: string | null, total: P<T>): P<T> => [`${yearOf(year)}基本支出`, ...total],
  personnel: "人员经费",
  public: "公用经费",
  mainlyIncluding: (names: string[]) => `，主要包括${names.join("、")}`,
  sangongIntro: (year: string | null, scope: "general" | "fiscal" | null) =>
    `${yearOf(year)}${scope === "general" ? "一般公共预算财政拨款" : "财政拨款"}“三公”经费支出`,
  sangongNone: (year: string | null) => `本部门${yearOf(year) || "本年度"}没有财政拨款“三公”经费支出`,
  sangongBudgetNoSpending: <T>(word: string, budget: P<T>): P<T> => [`${word}为`, ...budget, "，本年未发生支出"],
  sangongBudgetOnly: <T>(word: string, budget: P<T>): P<T> => [`${word}为`, ...budget],
  sangongItemsIntro: "“三公”经费支出决算中，",
  sangongWhole: "“三公”经费",
  carParts: <T>(purchase: P<T> | null, run: P<T> | null): P<T> => [
    "其中：",
    ...(purchase ? ["公务用车购置费", ...purchase] : []),
    ...(purchase && run ? ["，"] : []),
    ...(run ? ["公务用车运行维护费", ...run] : []),
  ],
  abroadStats: <T>(groups: P<T> | null, people: P<T> | null): P<T> => [
    "全年安排因公出国（境）团组",
    ...(groups ? [...groups, "个"] : []),
    ...(people ? ["，累计", ...people, "人次"] : []),
  ],
  carsBought: <T>(n: P<T>): P<T> => ["购置公务用车", ...n, "辆"],
  carsHeld: <T>(year: string | null, n: P<T>): P<T> => [`截至${year}年12月31日，公务用车保有量为`, ...n, "辆"],
  receptions: <T>(batches: P<T> | null, people: P<T> | null): P<T> => [
    "国内公务接待",
    ...(batches ? [...batches, "批次"] : []),
    ...(batches && people ? ["、"] : []),
    ...(people ? [...people, "人次"] : []),
  ],
  foreignReceptions: <T>(batches: P<T> | null, people: P<T> | null): P<T> => [
    "（其中外事接待",
    ...(batches ? [...batches, "批次"] : []),
    ...(batches && people ? ["、"] : []),
    ...(people ? [...people, "人次"] : []),
    "）",
  ],
  fundEmpty: (year: string | null, what: string, table: string) =>
    `本部门${year}年度没有${what}收入，也没有使用${what}安排的支出，故《${table}》为空表。`,
  fundFlows: <T>(year: string | null, what: string, parts: P<T>): P<T> => [`${yearOf(year)}${what}`, ...parts],
  fundUses: "本年支出主要用于：",
  operating: <T>(year: string | null, actual: P<T>): P<T> => [`${yearOf(year)}本部门机关运行经费支出`, ...actual],
  operatingNotApplicable: "本单位为事业单位，按规定不使用机关运行经费。",
  meeting: <T>(year: string | null, actual: P<T>, scope: "general" | "all"): P<T> => [
    `${yearOf(year)}${scope === "general" ? "一般公共预算财政拨款基本支出中，" : ""}会议费支出`,
    ...actual,
  ],
  training: <T>(actual: P<T>): P<T> => ["培训费支出", ...actual],
  office: <T>(actual: P<T>): P<T> => ["办公经费支出", ...actual],
  meetingCounts: <T>(meetings: P<T> | null, people: P<T> | null): P<T> => [
    ...(meetings ? ["召开会议", ...meetings, "次"] : []),
    ...(meetings && people ? ["、"] : []),
    ...(people ? ["参会", ...people, "人次"] : []),
  ],
  trainingCounts: <T>(sessions: P<T> | null, people: P<T> | null): P<T> => [
    ...(sessions ? ["举办培训", ...sessions, "期"] : []),
    ...(sessions && people ? ["、"] : []),
    ...(people ? ["培训", ...people, "人次"] : []),
  ],
  festivals: <T>(amount: P<T>): P<T> => ["举办节庆、晚会、论坛、赛事活动开支", ...amount],
  procurement: <T>(year: string | null, total: P<T>): P<T> => [`${yearOf(year)}本部门政府采购支出总额`, ...total],
  procurementNone: (year: string | null) => `本部门${yearOf(year) || "本年度"}未发生政府采购支出。`,
  procurementKinds: <T>(parts: P<T>): P<T> => ["，其中：", ...parts],
  sme: <T>(amount: P<T>, rate: P<T> | null): P<T> => [
    "。授予中小企业合同金额",
    ...amount,
    ...(rate ? ["，占政府采购支出总额的", ...rate] : []),
  ],
  small: <T>(amount: P<T>, rate: P<T> | null): P<T> => [
    "，其中授予小微企业合同金额",
    ...amount,
    ...(rate ? ["，占政府采购支出总额的", ...rate] : []),
  ],
  assets: <T>(year: string | null, vehicles: P<T> | null): P<T> => [
    `截至${year}年12月31日，本部门`,
    ...(vehicles ? ["共有车辆", ...vehicles, "辆"] : []),
  ],
  vehicleKinds: <T>(parts: P<T>): P<T> => ["，其中：", ...parts],
  generalEquipment: <T>(n: P<T>): P<T> => ["单位价值50万元以上通用设备", ...n, "台（套）"],
  specialEquipment: <T>(n: P<T>): P<T> => ["单位价值100万元以上专用设备", ...n, "台（套）"],
  equipment100: <T>(n: P<T>): P<T> => ["单价100万元（含）以上设备（不含车辆）", ...n, "台（套）"],
  assetTotal: <T>(total: P<T>): P<T> => ["资产总额", ...total],
  selfEvaluated: <T>(year: string | null, framework: string | null, total: P<T>, grade: P<T>): P<T> => [
    `本部门对${year}年度部门整体支出开展了绩效自评`,
    ...(framework ? [`（按${framework}）`] : []),
    "，自评得分",
    ...total,
    "分，评价等级为“",
    ...grade,
    "”。",
  ],
  projectsEvaluated: <T>(n: P<T>, funds: P<T> | null): P<T> => [
    "对",
    ...n,
    "个项目开展了项目支出绩效自评",
    ...(funds ? ["，涉及资金", ...funds] : []),
    "。",
  ],
  // 绩效评价报告
  perfIntro: <T>(unit: P<T>, year: P<T>): P<T> => [
    "按照预算绩效管理的有关规定，",
    ...unit,
    "对",
    ...year,
    "年度部门整体支出开展了绩效自评。现将有关情况报告如下。",
  ],
  overallIntro: <T>(year: string | null, actual: P<T>): P<T> => [`${yearOf(year)}部门整体支出决算`, ...actual],
  overallGeneral: <T>(year: string | null, actual: P<T>): P<T> => [`${yearOf(year)}部门整体支出（一般公共预算财政拨款）决算`, ...actual],
  basicAndProject: <T>(basic: P<T>, basicShare: P<T> | null, project: P<T>, projectShare: P<T> | null): P<T> => [
    "其中基本支出",
    ...basic,
    ...(basicShare ? ["，占", ...basicShare] : []),
    "；项目支出",
    ...project,
    ...(projectShare ? ["，占", ...projectShare] : []),
  ],
  generalPart: <T>(actual: P<T>): P<T> => ["一般公共预算财政拨款支出", ...actual],
  incomePerf: <T>(total: P<T>): P<T> => ["本年收入合计", ...total],
  basicPerf: <T>(subject: string, actual: P<T>): P<T> => [`${subject}决算`, ...actual],
  /** 基本支出 as the table gives it: the 一般公共预算财政拨款 part (公开05/06), or all funds. */
  basicSubject: (scope: "general" | "all") => (scope === "general" ? "一般公共预算财政拨款基本支出" : "基本支出"),
  byEconomic: "按经济分类，",
  personnelPublic: <T>(personnel: P<T>, pub: P<T>): P<T> => ["其中人员经费", ...personnel, "；公用经费", ...pub, "。"],
  classDiff: <T>(name: string, word: string, diff: P<T>): P<T> => [`${name}决算数${word}年初预算数`, ...diff],
  projectPerf: <T>(actual: P<T>): P<T> => ["项目支出决算", ...actual],
  projectUses: "主要用于",
  scoreIs: <T>(framework: string, total: P<T>, grade: P<T>): P<T> => [
    `按照${framework}评分，自评得分`,
    ...total,
    "分，评价等级为“",
    ...grade,
    "”。",
  ],
  noBudgetLines: (names: string[]) => `部分科目年初未安排预算而有支出（${names.join("、")}），预算编制的完整性有待提高。`,
  /** The names shown (the largest differences first) and how many 科目 there are in all. */
  farLines: (names: string[], total: number) =>
    `部分科目决算数与年初预算数差异较大（${names.join("、")}${total > names.length ? `等${total}个科目` : ""}），预算编制的准确性有待提高。`,
  sangongUp: (names: string[]) => `${names.join("、")}较上年有所增加，需进一步落实“三公”经费只减不增的要求。`,
  // 自评报告
  /** With the project a 项目支出绩效自评表 names: "…对“暖通改造经费”项目认真开展了…". */
  selfIntro: <T>(unit: P<T>, year: P<T>, project: P<T> | null = null): P<T> => [
    "对照绩效考核评估指标，",
    ...unit,
    ...(project ? ["对“", ...project, "”项目"] : []),
    "认真开展了",
    ...year,
    "年度自查自评。",
  ],
  /** The 自评表's 年度总体目标 block, each as written. */
  goalExpected: "预期目标：",
  goalAchieved: "实际完成情况：",
  selfTotal: <T>(total: P<T>, base: P<T>, adjustments: P<T>): P<T> => [
    "经自查自评，总分为",
    ...total,
    "分，其中基础自评分",
    ...base,
    "分",
    ...adjustments,
    "。",
  ],
  selfBonus: <T>(bonus: P<T>): P<T> => ["，加分", ...bonus, "分"],
  selfDeduction: <T>(deduction: P<T>): P<T> => ["，扣分", ...deduction, "分"],
  selfGrade: <T>(grade: P<T>): P<T> => ["评价等级为“", ...grade, "”。"],
  selfTotalPending: <T>(total: P<T>, mark: P<T> = []): P<T> => ["自评总分为", ...total, "分", ...mark, "。"],
  selfReport: "现将自查自评情况报告如下。",
  groupHeading: <T>(name: string, max: P<T>, score: P<T>): P<T> => [`${name}（分值`, ...max, "分，自评分", ...score, "分）"],
  /** "以下指标均得满分：A（5分）、B（3分）。"; one indicator: "A（5分）得满分。" */
  groupFull: <T>(items: P<T>, count: number): P<T> => (count > 1 ? ["以下指标均得满分：", ...items, "。"] : [...items, "得满分。"]),
  itemPoints: <T>(name: string, max: P<T>): P<T> => [name, "（", ...max, "分）"],
  itemScored: <T>(name: string, max: P<T>, score: P<T>): P<T> => [name, "分值", ...max, "分，自评分", ...score, "分"],
  itemPending: <T>(name: string, max: P<T>): P<T> => [name, "分值", ...max, "分，尚待评分"],
  adjustmentsIntro: <T>(n: P<T>, total: P<T>): P<T> => ["共", ...n, "项加减分，合计", ...total, "分："],
  adjustmentItem: <T>(name: string, pts: P<T>, negative: boolean): P<T> => [name, negative ? "扣" : "加", ...pts, "分"],
  fundsSelf: <T>(initial: P<T> | null, final: P<T> | null, actual: P<T>): P<T> => [
    "年度资金",
    ...(initial ? ["年初预算", ...initial] : []),
    ...(initial && final ? ["，"] : []),
    ...(final ? ["全年预算", ...final] : []),
    "，全年执行",
    ...actual,
  ],
  /** "A：年度指标值为100%，实际完成值100%，分值10分，自评分10分" (a target written "=100%" reads 为100%). */
  indicator: <T>(name: string, target: string | null, result: P<T>, score: P<T> | null, max: P<T> | null): P<T> => [
    name,
    ...(target ? [`：年度指标值${target.replace(/^[=＝]\s*/, "为")}`] : []),
    target ? "，实际完成值" : "：实际完成值",
    ...result,
    ...(max && score ? ["，分值", ...max, "分，自评分", ...score, "分"] : []),
  ],
  deviation: "偏差原因：",
} as const;

/** 名词解释: our own one-line glosses of the terms a 决算说明 uses; only the terms the draft uses are printed. */
export const GLOSSARY: { term: string; text: string; when: string }[] = [
  {
    term: "财政拨款收入",
    when: "fiscal",
    text: "指本级财政当年拨付的资金，包括一般公共预算财政拨款、政府性基金预算财政拨款和国有资本经营预算财政拨款。",
  },
  { term: "上级补助收入", when: "upper", text: "指从主管部门和上级单位取得的非财政补助收入。" },
  { term: "事业收入", when: "business", text: "指事业单位开展专业业务活动及辅助活动取得的收入。" },
  { term: "经营收入", when: "operating", text: "指事业单位在专业业务活动及辅助活动之外开展非独立核算经营活动取得的收入。" },
  { term: "附属单位上缴收入", when: "subsidiary", text: "指附属的独立核算单位按规定标准或比例缴纳的各项收入。" },
  { term: "其他收入", when: "other", text: "指除上述各项收入以外的各项收入。" },
  { term: "使用非财政拨款结余", when: "nonFiscalBalanceUsed", text: "指使用以前年度积累的非财政拨款结余弥补当年收支差额的金额。" },
  { term: "年初结转和结余", when: "carryIn", text: "指以前年度尚未完成、结转到本年按有关规定继续使用的资金。" },
  { term: "结余分配", when: "surplusDistribution", text: "指事业单位按规定提取的职工福利基金、事业基金和缴纳的所得税等。" },
  {
    term: "年末结转和结余",
    when: "carryOut",
    text: "指本年度或以前年度预算安排、因客观条件变化未执行完毕、结转到以后年度按有关规定继续使用的资金。",
  },
  { term: "基本支出", when: "basic", text: "指为保障机构正常运转、完成日常工作任务而发生的人员经费和公用经费。" },
  { term: "项目支出", when: "project", text: "指在基本支出之外为完成特定行政任务和事业发展目标所发生的支出。" },
  { term: "上缴上级支出", when: "upperSpending", text: "指事业单位按照财政部门和主管部门的规定上缴上级单位的支出。" },
  { term: "经营支出", when: "operatingSpending", text: "指事业单位在专业业务活动及辅助活动之外开展非独立核算经营活动发生的支出。" },
  { term: "对附属单位补助支出", when: "subsidiarySpending", text: "指事业单位用财政拨款收入之外的收入对附属单位补助发生的支出。" },
  {
    term: "“三公”经费",
    when: "sangong",
    text:
      "指用财政拨款安排的因公出国（境）费、公务用车购置及运行维护费和公务接待费。其中，因公出国（境）费反映公务出国（境）的国际旅费、" +
      "国外城市间交通费、住宿费、伙食费、培训费、公杂费等支出；公务用车购置及运行维护费反映公务用车购置支出（含车辆购置税）及燃料费、" +
      "维修费、过路过桥费、保险费等支出；公务接待费反映按规定开支的各类公务接待（含外宾接待）支出。",
  },
  {
    term: "机关运行经费",
    when: "orgOperating",
    text: "指为保障行政单位（含参照公务员法管理的事业单位）运行用于购买货物和服务的各项资金，包括办公及印刷费、邮电费、差旅费、会议费、福利费、日常维修费、专用材料及一般设备购置费、办公用房水电费、办公用房取暖费、办公用房物业管理费、公务用车运行维护费以及其他费用。",
  },
];
