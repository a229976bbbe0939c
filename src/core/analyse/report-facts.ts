import type { Unit } from "../base/money";

/**
 * What the report drafts know about a unit: every fact the 决算说明 (the 部门决算公开 说明 that accompanies 公开01–09) and the
 * 绩效 reports state, each figure with the cell it came from. TYPES ONLY: builders fill it (from a unit's own tables, from the
 * national forms), the report stage reads it. A part is absent when the workbook does not hold it; the draft then leaves a
 * visible placeholder for the clerk, or (for the statutory empty forms 公开08/09) says the form is empty.
 *
 * Conventions:
 * - money is exact integer 分 (`Figure.fen`), with the sheet, cell, unit and decimals of the source;
 * - counts (人, 辆, 批次, 人次, 个, 项) and points are hundredths (56 people = 5600), with their cell;
 * - `doubt` is set when a check found an error in the figure (its sum, its unit) or when the figure's role is not certain
 *   (a column that may or may not be the budget): the draft then prints the figure with a highlighted 【请核对：…】 naming
 *   the cell, and never derives a rate, a difference or a comparison word from it;
 * - a reason is text the workbook holds (a 原因/说明 column, a text sheet), with its cell, or null (then a placeholder).
 */

/** A check's objection to a figure, in words for the clerk (no rule names, no thresholds). */
export interface Doubt {
  /** Stable id of why: "sum-mismatch", "blank-total", "role-uncertain", "unit-suspect", "identity", … (never printed). */
  rule: string;
  /** The cell to look at ("公开05!E7"); may differ from the figure's own cell (a header, a partner form). */
  cell: string;
  /** What is wrong, as a clause for 【请核对：{cell}{text}】 (e.g. "与所属各项之和不符"). Must not contain amounts with units. */
  text: string;
}

/** An amount read from one cell. */
export interface Figure {
  /** Exact 分. */
  fen: number;
  sheet: string;
  cell: string;
  /** The unit the sheet states the figure in, and the decimals it was written with (for rounding judgements). */
  unit: Unit;
  decimals: number;
  doubt: Doubt | null;
}

/** A head count, a number of vehicles, batches, person-times, projects … in hundredths (56 人 = 5600). */
export interface Count {
  hundredths: number;
  sheet: string;
  cell: string;
  doubt: Doubt | null;
}

/** Points in hundredths (90.5 分 = 9050). */
export interface Points {
  hundredths: number;
  sheet: string | null;
  cell: string | null;
}

/** Text the clerk keeps in the workbook (a reason column, a 报告文字 sheet), quoted as written. */
export interface Reason {
  text: string;
  sheet: string;
  cell: string;
}

/** A figure this year and, when the workbook has them, last year's and the budgets. */
export interface Compared {
  actual: Figure | null;
  previous?: Figure | null;
  /** 年初预算 (the budget as first approved): what the public wording compares with. */
  budgetInitial?: Figure | null;
  /** 全年预算 / 调整预算 (after 追加/追减): compared with as well where given, and said so. */
  budgetFinal?: Figure | null;
  /** A budget column that does not say which (“预算数”). */
  budget?: Figure | null;
  /** Why 决算 differs from the budget / from last year. */
  reason?: Reason | null;
  reasonVsPrevious?: Reason | null;
}

/** A 功能分类 (类 3 digits, 款 5, 项 7) or 经济分类 (类 3, 款 5) line. */
export interface CodedLine extends Compared {
  code: string;
  name: string;
  /** 1 = 类, 2 = 款, 3 = 项. */
  level: 1 | 2 | 3;
  /** 公开05/08/09: the 决算's split into 基本支出 and 项目支出. */
  basic?: Figure | null;
  project?: Figure | null;
}

/** 公开01 收入支出决算总表 (and the same lines of last year's set). */
export interface TotalsFacts {
  /** 收入总计 = 本年收入合计 + 使用非财政拨款结余 + 年初结转和结余. */
  incomeTotal: Figure | null;
  /** 支出总计 = 本年支出合计 + 结余分配 + 年末结转和结余. */
  expenditureTotal: Figure | null;
  incomeThisYear: Figure | null;
  expenditureThisYear: Figure | null;
  nonFiscalBalanceUsed: Figure | null;
  carryIn: Figure | null;
  surplusDistribution: Figure | null;
  carryOut: Figure | null;
  /** Last year's 收入总计 / 支出总计 (prior-year 公开01, or a 上年 column). */
  previousIncomeTotal: Figure | null;
  previousExpenditureTotal: Figure | null;
  reason: Reason | null;
}

export type IncomeSource =
  | "fiscal" // 财政拨款收入 (when not split)
  | "general" // 一般公共预算财政拨款收入
  | "fund" // 政府性基金预算财政拨款收入
  | "capital" // 国有资本经营预算财政拨款收入
  | "upper" // 上级补助收入
  | "business" // 事业收入
  | "operating" // 经营收入
  | "subsidiary" // 附属单位上缴收入
  | "other"; // 其他收入

export type SpendingKind = "basic" | "project" | "upper" | "operating" | "subsidiary";

/** 公开02 收入决算表 合计 row (or 公开01's income lines). Every source listed, zero ones included (the draft groups them). */
export interface IncomeFacts {
  total: Figure | null;
  sources: { key: IncomeSource; name: string; amount: Figure | null }[];
  previousTotal?: Figure | null;
  reason?: Reason | null;
}

/** 公开03 支出决算表 合计 row. */
export interface ExpenditureFacts {
  total: Figure | null;
  kinds: { key: SpendingKind; name: string; amount: Figure | null }[];
  /** 年初预算 of 本年支出合计 (部门预算 部门支出总表), joined by the builder when the set has it. */
  budgetInitial?: Figure | null;
  previousTotal?: Figure | null;
  reason?: Reason | null;
}

/** 公开04 财政拨款收入支出决算总表. */
export interface FiscalFacts {
  /** 财政拨款收入总计 / 支出总计 (总计 rows). */
  incomeTotal: Figure | null;
  expenditureTotal: Figure | null;
  incomeThisYear: Figure | null;
  expenditureThisYear: Figure | null;
  carryIn: Figure | null;
  carryOut: Figure | null;
  /** 本年收入 by fund: 一般公共预算 / 政府性基金 / 国有资本经营. */
  byFund: { key: "general" | "fund" | "capital"; name: string; income: Figure | null; expenditure: Figure | null }[];
  previousIncomeTotal: Figure | null;
  previousExpenditureTotal: Figure | null;
  /** 财政拨款支出 年初预算 (some templates compare with it). */
  budgetInitial: Figure | null;
  reason: Reason | null;
}

/** 公开05 一般公共预算财政拨款支出决算表, joined with the 年初预算 (部门预算 一般公共预算支出表) by code. */
export interface GeneralFacts {
  /** 合计 row: actual = 决算 合计; basic/project; budgetInitial = 年初预算 合计; previous = last year's 合计. */
  total: CodedLine;
  /** 类, 款 and 项 lines, in the form's order. */
  lines: CodedLine[];
  /** 本年支出合计 of 公开03 (for "占本年支出合计的X%"). */
  allSpending: Figure | null;
  /** general: the table is 一般公共预算财政拨款 (公开05, or a unit's table titled so); unknown: a unit's 功能分类 table. */
  scope: "general" | "unknown";
  sheet: string;
}

/** 公开06 一般公共预算财政拨款基本支出决算(明细)表; or a unit's own 经济分类 table (with budgets and reasons). */
export interface BasicFacts {
  /** 基本支出 = 人员经费 + 公用经费. */
  total: Compared;
  /** 人员经费 (301 + 303) and 公用经费 (302 + 310): totals and their 款 (non-zero ones are listed by name). */
  personnel: { total: Figure | null; items: CodedLine[] };
  public: { total: Figure | null; items: CodedLine[] };
  /** The 类 (301 工资福利支出, 302 商品和服务支出, 303 对个人和家庭的补助, 310 资本性支出) with budgets and reasons. */
  classes: CodedLine[];
  /** Whether the figures are 一般公共预算财政拨款 only (公开06) or all funds of the unit's own table. */
  scope: "general" | "all";
}

export type SangongKey = "abroad" | "car" | "carPurchase" | "carRun" | "reception";

export interface SangongLine extends Compared {
  key: SangongKey;
  name: string;
}

/** 公开07 (or 公开09) 财政拨款“三公”经费支出决算表, with the statistics of the 三公 附表 when the workbook has them. */
export interface SangongFacts {
  total: Compared;
  items: SangongLine[];
  /** Which budget the form's 预算数 is: 全年预算 in 2021+ forms, 年初预算 in older ones, or not said. */
  budgetKind: "initial" | "final" | null;
  /** 一般公共预算 only, or 一般公共预算 + 政府性基金 (2021+ 财政拨款). */
  scope: "general" | "fiscal" | null;
  stats: {
    abroadGroups: Count | null; // 因公出国（境）团组数
    abroadPeople: Count | null; // 人次
    carsBought: Count | null; // 公务用车购置数（辆）
    carsHeld: Count | null; // 公务用车保有量（辆）
    receptionBatches: Count | null; // 国内公务接待批次
    receptionPeople: Count | null; // 人次
    foreignBatches: Count | null; // 其中外事接待批次
    foreignPeople: Count | null;
  };
}

/** 公开08 政府性基金 / 公开09 国有资本经营: the 合计 row, or `empty` when the form is published empty (or absent). */
export interface FundFacts {
  /** true: the form has no figure (the draft writes 本单位无…，本表为空表). */
  empty: boolean;
  /** Where the form is, for the empty sentence's cell; null when the set does not include it. */
  sheet: string | null;
  carryIn: Figure | null;
  income: Figure | null;
  expenditure: Figure | null;
  basic: Figure | null;
  project: Figure | null;
  carryOut: Figure | null;
  previousExpenditure: Figure | null;
  lines: CodedLine[];
}

/** 会议费, 培训费 (30215, 30216 or the 三公 table's related rows), with the counts an input sheet may hold. */
export interface GeneralSpendingFacts {
  meeting: (Compared & { meetings: Count | null; people: Count | null }) | null;
  training: (Compared & { sessions: Count | null; people: Count | null }) | null;
  /** 办公经费 (reported beside 三公 in 绩效 reports). */
  office: Compared | null;
  /** 举办节庆、晚会、论坛、赛事活动. */
  festivals: Figure | null;
}

/** 政府采购: from a small input sheet or the 决算 附表; absent → a slot for the clerk. */
export interface ProcurementFacts {
  total: Figure | null;
  goods: Figure | null;
  works: Figure | null;
  services: Figure | null;
  /** 授予中小企业合同金额, 其中授予小微企业合同金额. */
  sme: Figure | null;
  small: Figure | null;
}

/** 国有资产占用 at 12月31日: vehicles (by kind) and equipment above the thresholds. */
export interface AssetFacts {
  vehicles: Count | null;
  vehicleKinds: { name: string; count: Count }[];
  /** 单位价值50万元以上通用设备 / 单位价值100万元以上专用设备（台、套）. */
  generalEquipment: Count | null;
  specialEquipment: Count | null;
  /** 单价100万元（含）以上设备（不含车辆）, the newer wording of some provinces. */
  equipment100?: Count | null;
  /** 资产总额 when the sheet gives it. */
  total: Figure | null;
}

/** A score sheet's line, for the 自评报告: points in hundredths. */
export interface ScoreLine {
  group: string;
  name: string;
  max: Points | null;
  score: Points | null;
  /** Text the sheet holds for the item (评分依据, 完成情况, 扣分原因). */
  note: Reason | null;
}

/** 绩效: our scoring of the workbook (or the workbook's own 评分表), and the 自评 coverage. */
export interface PerformanceFacts {
  /** Name of the indicator system (部门整体支出绩效评价指标体系 …). */
  framework: string | null;
  base: Points | null;
  /** Bonus and deduction items as one list (deductions negative), with their total. */
  adjustments: { name: string; points: Points }[];
  adjustmentTotal: Points | null;
  /** A total stated by the sheet that the items do not give (kept to show it, never used as a fact). */
  statedAdjustmentTotal: Points | null;
  total: Points | null;
  grade: string | null;
  /** Items still to be scored by the clerk: the total and grade wait for them. */
  pending: number;
  groups: { name: string; max: Points | null; score: Points | null; items: ScoreLine[] }[];
  /**
   * Whether the workbook shows the unit evaluated itself: a 评分表 in it, or scores the clerk entered. Our own scoring of
   * its tables alone is no evidence that a 自评 took place.
   */
  evaluated: boolean;
  /** 项目支出绩效自评: number of projects, their funds (and the share of 项目支出 they cover). */
  projects: Count | null;
  projectFunds: Figure | null;
}

/** The national 部门整体支出绩效自评表 (财预〔2020〕10号): goals, indicators, actual values, deviations. */
export interface SelfEvalFacts {
  sheet: string;
  /** The project a 项目支出绩效自评表 is for (its 项目名称), with its cell; null for the 部门整体 form. */
  project: Reason | null;
  funds: {
    initial: Figure | null;
    final: Figure | null;
    actual: Figure | null;
    rate: Points | null;
    max: Points | null;
    score: Points | null;
  };
  goal: Reason | null;
  goalResult: Reason | null;
  /** The 总分 the sheet writes (its 总分/合计 line's 得分), null when it writes none. */
  total: Points | null;
  indicators: {
    level1: string;
    level2: string;
    name: string;
    target: string | null;
    result: string | null;
    max: Points | null;
    score: Points | null;
    deviation: Reason | null;
  }[];
}

export type ReportTextKey =
  | "duties"
  | "organization"
  | "composition"
  | "keyWork"
  | "projects"
  | "evaluationWork"
  | "achievements"
  | "problems"
  | "measures"
  | "sangongReason"
  | "totalsReason"
  | "fiscalReason"
  | "operatingReason"
  | "performanceManagement"
  | "date";

export interface ReportFacts {
  /** Names of the national 决算公开 forms the set holds (公开01–09, in the national order), for the list of attached tables. */
  forms: string[];
  unit: {
    name: string | null;
    year: number | null;
    /** 行政单位 / 参照公务员法管理的事业单位 / 事业单位: 机关运行经费 applies to the first two only. */
    kind: "admin" | "civil-service" | "institution" | null;
  };
  /** Quoted text the clerk keeps (报告文字 / 单位情况 sheet). */
  texts: Partial<Record<ReportTextKey, Reason>>;
  staff: {
    quota: Count | null; // 编制数
    quotaParts: { name: string; count: Count }[]; // 行政编制, 事业编制 …
    actual: Count | null; // 实有（在职）人数
    actualParts: { name: string; count: Count }[];
    retired: Count | null;
  } | null;
  totals: TotalsFacts | null;
  income: IncomeFacts | null;
  expenditure: ExpenditureFacts | null;
  fiscal: FiscalFacts | null;
  general: GeneralFacts | null;
  basic: BasicFacts | null;
  sangong: SangongFacts | null;
  govFund: FundFacts | null;
  capital: FundFacts | null;
  /** 机关运行经费. */
  operating: Compared | null;
  generalSpending: GeneralSpendingFacts | null;
  procurement: ProcurementFacts | null;
  assets: AssetFacts | null;
  performance: PerformanceFacts | null;
  selfEval: SelfEvalFacts | null;
}
