import type { Severity } from "../base/findings";

/** The words of the plain review (command line, batch table) and of the summaries the pane shows. */
export const TABLE_KIND_LABELS: Record<string, string> = {
  "budget-actual": "预决算对比表",
  comparison: "本年与上年对比表",
  sangong: "三公经费表",
  staff: "人员情况表",
  scoring: "绩效评分表",
  bonus: "加分项目表",
  amounts: "金额表",
};

export const SEVERITY_LABELS: Record<Severity, string> = { error: "错误（需更正）", warning: "提示（需说明或核实）", info: "参考" };
export const SEVERITY_SHORT: Record<Severity, string> = { error: "错误", warning: "提示", info: "参考" };
export const UNIT_SOURCE_LABELS: Record<string, string> = {
  title: "标题行",
  header: "表头",
  assumed: "未注明，按元处理",
  confirmed: "已确认",
};

/** Notes recognition keeps on a table, worded here. */
export const TABLE_NOTES = {
  unitAssumed: "未找到金额单位，按“元”处理",
  ambiguous: (role: string, candidates: string, chosen: string) => `${role}列有多个候选（${candidates}），取 ${chosen} 列`,
};

export const REVIEW = {
  heading: (file: string) => `决算助手 · 检查 ${file}`,
  tables: (n: number) => `识别到 ${n} 张表：`,
  table: (i: number, title: string, where: string, kind: string, rows: number, unit: string | null) =>
    `  ${i}. 「${title}」 ${where}  ${kind}，${rows} 行${unit ? `，单位：${unit}` : ""}`,
  columns: (cols: string) => `     列：${cols}`,
  note: (n: string) => `     注意：${n}`,
  totalsHeading: "预决算汇总：",
  /** `added`: the table has no 合计 row, the figures are its top-level lines added up (a table cut short shows less). */
  totals: (title: string, budget: string | null, actual: string, diff: string | null, rate: string | null, added = false) =>
    `  「${title}」${added ? "（表中没有合计行，按各行相加）" : ""}：${budget === null ? "" : `预算 ${budget}，`}决算 ${actual}` +
    (diff === null ? "" : `，差异 ${diff}（差异率 ${rate}）`),
  sangong: (actual: string, change: string | null, budget: string | null, completion: string | null) =>
    `三公经费：本年 ${actual}${change ? `，${change}` : ""}${budget === null ? "" : `，预算 ${budget}，完成预算 ${completion}`}`,
  sangongItem: (name: string, actual: string, share: string | null, change: string | null) =>
    `  ${name}：${actual}${share === null ? "" : `，占 ${share}%`}${change ? `，${change}` : ""}`,
  related: (name: string, actual: string, previous: string) => `  （另列）${name}：${actual}，上年 ${previous}`,
  /** A 三公 table of 预算 figures only (部门预算公开). */
  sangongBudget: (budget: string) => `三公经费：预算 ${budget}`,
  sangongBudgetItem: (name: string, budget: string) => `  ${name}：预算 ${budget}`,
  relatedBudget: (name: string, budget: string) => `  （另列）${name}：预算 ${budget}`,
  scoringUnscored: (names: string[]) =>
    `  其中 ${names.length} 项有分值而未填得分（${names.slice(0, 3).join("、")}${names.length > 3 ? "等" : ""}），未计入总分`,
  scoringSheet: (where: string, items: number, base: string, bonus: string, total: string, grade: string | null) =>
    `工作簿中的评分表 ${where}：${items} 项，基础分 ${base}，加分 ${bonus}，总分 ${total}，等级 ${grade ?? "未写明"}`,
  scoringHeading: (framework: string) => `绩效评分（${framework}）：`,
  /** Nothing scored automatically or by hand (a budget package, tables without 决算): one line, not a list of gaps. */
  scoringNone: (framework: string) => `绩效评分（${framework}）：工作簿中没有可据以自动评分的数据，未评分；可在窗格「评分」中逐项填写。`,
  scoringSummary: (auto: number, manual: number, base: string, bonus: string | null) =>
    `  自动评分 ${auto} 项、已填评分 ${manual} 项，合计 ${base} 分${bonus === null ? "" : `，加分 ${bonus} 分`}；`,
  scoringDone: (total: string, grade: string | null) => `总分 ${total} 分，等级“${grade}”`,
  scoringWaiting: (pending: number, missing: number) => `待评分 ${pending} 项、缺数据 ${missing} 项，等级待定`,
  scoredItem: (name: string, rate: string | null, score: string, weight: string) =>
    `  ${name}：${rate === null ? "" : `${rate}%，`}得 ${score} 分（满分 ${weight}）`,
  findingsCount: (n: number, e: number, w: number, i: number) => `发现 ${n} 项：错误 ${e}，提示 ${w}，参考 ${i}`,
  severityHeading: (label: string) => `【${label}】`,
  finding: (i: number, where: string, title: string, message: string) => `  ${i}. ${where}  ${title}：${message}`,
  none: "—",
} as const;

export const BATCH = {
  header: "文件\t表\t错误\t提示\t参考\t决算合计\t说明",
  /** With --budget: the 预算 workbook each file was compared with. */
  budgetHeader: "对照预算",
  noBudget: "未找到本单位预算工作簿",
  summary: (files: number, bad: number, errors: number) =>
    `共 ${files} 个文件：可检查 ${files - bad} 个，无法读取 ${bad} 个；错误合计 ${errors} 项。`,
};

export const AUDIT_REVIEW = {
  heading: (report: string, against: string | null) => `决算助手 · 核对报告 ${report}${against ? `（对照 ${against}）` : ""}`,
  counts: (sentences: number, numbers: number, checked: number, skipped: number) =>
    `读到 ${sentences} 句、${numbers} 个数字；核对 ${checked} 处，${skipped} 处无法判读已跳过。`,
  /** What the findings amount to: none found among relations checked is not the same as none checked at all. */
  verdict: (found: number, checked: number) =>
    found > 0 ? `发现 ${found} 项：` : checked === 0 ? "没有找到可以核对的数字关系（这不说明报告没有问题）。" : "未发现问题。",
  confidence: { high: "把握大", medium: "请核实" } as Record<string, string>,
  finding: (i: number, paragraph: string, title: string, severity: string, confidence: string, message: string) =>
    `  ${i}. 第${paragraph}段 ${title}（${severity}，${confidence}）：${message}`,
} as const;
