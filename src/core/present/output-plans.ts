import { columnLetter, qualifiedAddress } from "../base/cell-grid";
import type { ColumnRole } from "../recognise/column-roles";
import type { CheckResult } from "../score/check-result";
import { budgetRoleOf } from "../analyse/variance";
import type { VarianceLine } from "../analyse/variance";
import { fenToNumber } from "../base/money";
import type { Unit } from "../base/money";
import type { SangongItem } from "../analyse/sangong";
import { addFindingsList, PLAN_MARK, PlanBuilder, ref } from "./sheet-plan";
import type { PlanCell, SheetPlan } from "./sheet-plan";
import type { Presentation } from "../base/presentation";
import { SHEET_TEXT } from "../catalogue/sheets";

/** What the result sheets need of the settings. */
export interface PlanOptions extends Presentation {
  thresholdPercent: number;
  /** The clerk's 说明 per finding key, for 「审核说明」. */
  notes?: Record<string, string>;
}
import { inTable } from "../recognise/table";
import type { AmountCell, Table } from "../recognise/table";
import { buildScoringPlan } from "./scoring-plan";
import { buildNotesPlan, findingsNeedingNotes } from "./notes-plan";

export const VARIANCE_SHEET = "差异分析";
export const SANGONG_SHEET = "三公经费对比";

const moneyFormat = (decimals: number) => (decimals > 0 ? `#,##0.${"0".repeat(decimals)}` : "#,##0");
const RATE_FORMAT = "0.00%";

/**
 * A source amount as a plan cell: a live reference when the source holds a number or is blank
 * (blank counts as 0, as in core), the value core read when the source is text ("3,120,000.00"),
 * and nothing when it is unreadable (core leaves it out of every sum; so does the sheet).
 */
function sourceCell(sheet: string, a: AmountCell | undefined, unit: Unit, fmt: string, external = false): PlanCell {
  if (!a) return {};
  if (a.bad) return { v: null, fmt };
  // Text read as a number (or a "—", which counts as 0) is written as the value core used; so is a figure of another
  // workbook (a formula would link the files).
  if (a.text || external) return { v: a.value === null ? 0 : fenToNumber(a.value, unit), fmt };
  return { f: qualifiedAddress(sheet, a.cell), fmt };
}

/**
 * The budget of a line joined from another table (预算 in its own sheet or workbook): a live reference when it sits in
 * this workbook in the same unit, else the value in this table's unit.
 */
function joinedBudgetCell(a: CheckResult, t: Table, line: VarianceLine, fmt: string): PlanCell {
  const from = line.budgetFrom;
  if (!from || line.budgetInitial === null) return {};
  const source = a.tables.find((x) => x.id === from.tableId);
  if (from.cell && source && !source.book && !t.book && source.unit === t.unit) return { f: qualifiedAddress(from.sheet, from.cell), fmt };
  return { v: fenToNumber(line.budgetInitial, t.unit), fmt };
}

/** "" when either side is missing; rates also "" when the base is 0 — never 0%, never #DIV/0!. */
const diffFormula = (a: string, b: string) => `IF(OR(${a}="",${b}=""),"",${a}-${b})`;
const rateFormula = (num: string, base: string) => `IF(OR(${num}="",${base}="",${base}=0),"",${num}/${base})`;
const ratioFormula = (a: string, base: string) => `IF(OR(${a}="",${base}="",${base}=0),"",${a}/${base})`;

// Columns of 「差异分析」.
const V = {
  code: 0,
  name: 1,
  initial: 2,
  final: 3,
  actual: 4,
  diff: 5,
  rate: 6,
  completion: 7,
  previous: 8,
  yoy: 9,
  yoyRate: 10,
  reason: 11,
  flags: 12,
};
const FLAG_TEXT: Record<string, string> = {
  "over-threshold": "差异超提示线",
  "no-budget": "无预算支出",
  "over-budget": "超预算",
  "sum-mismatch": "合计不符",
  "digit-slip": "数字疑误",
};
const VARIANCE_HEADERS = [
  "科目编码",
  "科目名称",
  "年初预算",
  "全年预算",
  "决算",
  "差异额",
  "差异率",
  "完成率",
  "上年",
  "较上年增减额",
  "增减率",
  "原因说明",
  "标记",
];

export function buildVariancePlan(a: CheckResult, s: PlanOptions): SheetPlan {
  const b = new PlanBuilder();
  const fmt = moneyFormat(s.decimals);
  b.add([{ v: `预决算差异分析${PLAN_MARK}`, style: "title" }]);
  b.note(
    `差异额 = 决算 − 预算；差异率 = 差异额 ÷ 预算；完成率 = 决算 ÷ 预算（比较口径：有全年/调整预算时用全年预算，否则用年初预算）。预算或上年为 0 时不计算比率。差异率达到 ±${s.thresholdPercent}% 的行标色。`,
  );
  b.legend(["error", "warning"]);
  const headerRow = b.add(VARIANCE_HEADERS.map((v) => ({ v, style: "header" as const })));
  // Tables with something to compare: 预算 and 决算 (own columns or joined), or this year and last year.
  const compared = (l: VarianceLine) => l.actual !== null && (l.budget !== null || l.previous !== null);
  const sectionTables = a.tables.filter((t) => a.lines.some((l) => l.tableId === t.id && compared(l)));
  const threshold = s.thresholdPercent / 100;
  // The chart compares a table's top-level lines (类, or the lines the 合计 adds up), never the 合计 beside them or a 类
  // beside its own 款: the first budget-and-actual table's, read through a block of references below the tables.
  let chartSource: { t: Table; rows: number[]; budgetCol: number } | null = null;
  if (sectionTables.length === 0) b.note(SHEET_TEXT.nothingToCompare(a.tables.map((t) => `「${t.title}」（${t.sheet}）`).join("、")));
  for (const t of sectionTables) {
    const section: PlanCell[] = [
      { v: `「${t.title}」 ${t.sheet}!${t.range}`, style: "subtitle", link: qualifiedAddress(t.sheet, t.range.split(":")[0]) },
    ];
    section[V.reason] = { v: `金额单位：${t.unit}` };
    b.add(section);
    const first = b.nextRow;
    const own = a.lines.filter((l) => l.tableId === t.id);
    const charted = chartSource === null && t.roles.actual && budgetRoleOf(t) !== null ? chartLines(own) : new Set<VarianceLine>();
    const chartRows: number[] = [];
    for (const line of own) {
      const r = b.nextRow;
      if (charted.has(line)) chartRows.push(r);
      const am = line.row.amounts;
      const budgetCol = line.budgetRole === "budgetInitial" ? V.initial : V.final;
      const cells: PlanCell[] = [];
      cells[V.code] = { v: line.code ?? "" };
      cells[V.name] = {
        v: `${"  ".repeat(Math.max(line.level - 1, 0))}${line.name}`,
        link: qualifiedAddress(t.sheet, line.cell),
        style: line.isTotal ? "total" : undefined,
      };
      cells[V.initial] = t.roles.budgetInitial
        ? sourceCell(t.sheet, am.budgetInitial, t.unit, fmt, t.book !== null)
        : joinedBudgetCell(a, t, line, fmt);
      const finalRole: ColumnRole | null = t.roles.budgetFinal ? "budgetFinal" : t.roles.budget ? "budget" : null;
      cells[V.final] = finalRole ? sourceCell(t.sheet, am[finalRole], t.unit, fmt, t.book !== null) : {};
      cells[V.actual] = sourceCell(t.sheet, am.actual, t.unit, fmt, t.book !== null);
      const bud = ref(budgetCol, r);
      const act = ref(V.actual, r);
      const hasBudget = line.budgetRole !== null;
      cells[V.diff] = hasBudget ? { f: diffFormula(act, bud), fmt } : {};
      cells[V.rate] = hasBudget ? { f: rateFormula(ref(V.diff, r), bud), fmt: RATE_FORMAT } : {};
      cells[V.completion] = hasBudget ? { f: ratioFormula(act, bud), fmt: RATE_FORMAT } : {};
      cells[V.previous] = t.roles.previous ? sourceCell(t.sheet, am.previous, t.unit, fmt, t.book !== null) : {};
      cells[V.yoy] = t.roles.previous ? { f: diffFormula(act, ref(V.previous, r)), fmt } : {};
      cells[V.yoyRate] = t.roles.previous ? { f: rateFormula(ref(V.yoy, r), ref(V.previous, r)), fmt: RATE_FORMAT } : {};
      cells[V.reason] = { v: line.reason ?? "" };
      cells[V.flags] = { v: line.flags.map((f) => FLAG_TEXT[f] ?? f).join("、") };
      if (line.isTotal) for (const c of cells) if (c && !c.style) c.style = "total";
      b.add(cells);
      if (line.flags.includes("sum-mismatch") || line.flags.includes("digit-slip")) b.highlight(r, "error");
      else if (line.flags.length > 0) b.highlight(r, "warning");
    }
    const last = b.nextRow - 1;
    if (last >= first) {
      // Live: a corrected source number re-colours the rate as Excel recalculates.
      const rates = `${ref(V.rate, first)}:${ref(V.rate, last)}`;
      b.conditional.push({
        range: rates,
        formula: `AND(ISNUMBER(${ref(V.rate, first)}),ABS(${ref(V.rate, first)})>=${threshold})`,
        style: "warning",
      });
      if (chartRows.length >= 2)
        chartSource = { t, rows: chartRows, budgetCol: t.roles.budgetFinal || t.roles.budget ? V.final : V.initial };
    }
  }
  if (chartSource) addChart(b, chartSource.t, chartSource.rows, chartSource.budgetCol, fmt);
  const sangongTable = a.sangong ? a.tables.find((t) => t.id === a.sangong?.tableId) : undefined;
  addFindingsList(
    b,
    a.findings.filter((f) => (!sangongTable || !inTable(sangongTable, f.sheet, f.cell)) && !SCORING_RULES.has(f.rule)),
    "检查发现",
    s,
  );
  return b.build(VARIANCE_SHEET, [10, 30, 12, 12, 12, 12, 11, 11, 12, 12, 11, 30, 14], headerRow);
}

/** At most this many bars a side: more would not be read. */
const CHART_LINES = 12;

/**
 * The lines a chart of a table shows: the top level of its hierarchy (类 by code, or the least indented lines; never totals,
 * 其中 parts or counts), the largest ones by budget and actual when there are more than a chart can show, in table order.
 */
function chartLines(lines: VarianceLine[]): Set<VarianceLine> {
  const details = lines.filter((l) => !l.isTotal && !l.row.isPart && l.actual !== null && l.budget !== null);
  const top = Math.min(...details.map((l) => l.level));
  const tops = details.filter((l) => l.level === top);
  const size = (l: VarianceLine) => Math.abs(l.actual ?? 0) + Math.abs(l.budget ?? 0);
  return new Set([...tops].sort((x, y) => size(y) - size(x)).slice(0, CHART_LINES));
}

/** The chart's own block of references to the charted lines (a chart reads one contiguous range), and the chart over it. */
function addChart(b: PlanBuilder, t: Table, rows: number[], budgetCol: number, fmt: string): void {
  b.add([]);
  const heading: PlanCell[] = [];
  heading[V.code] = { v: SHEET_TEXT.chartData(t.title), style: "subtitle" };
  b.add(heading);
  const first = b.nextRow;
  for (const r of rows) {
    const cells: PlanCell[] = [];
    cells[V.name] = { f: `TRIM(${ref(V.name, r)})` };
    cells[budgetCol] = { f: ref(budgetCol, r), fmt };
    cells[V.actual] = { f: ref(V.actual, r), fmt };
    b.add(cells);
  }
  const last = b.nextRow - 1;
  b.charts.push({
    type: "barClustered",
    title: `${t.title}：预算与决算`,
    categories: `${ref(V.name, first)}:${ref(V.name, last)}`,
    series: [
      { name: "预算", values: `${ref(budgetCol, first)}:${ref(budgetCol, last)}` },
      { name: "决算", values: `${ref(V.actual, first)}:${ref(V.actual, last)}` },
    ],
  });
}

// Columns of 「三公经费对比」.
const G = { name: 0, previous: 1, budget: 2, actual: 3, yoy: 4, yoyRate: 5, budgetDiff: 6, completion: 7, share: 8, flags: 9 };

export function buildSangongPlan(a: CheckResult, s: PlanOptions): SheetPlan | null {
  const sg = a.sangong;
  if (!sg) return null;
  const table = a.tables.find((t) => t.id === sg.tableId);
  if (!table) return null;
  const fmt = moneyFormat(s.decimals);
  const b = new PlanBuilder();
  b.add([{ v: `“三公”经费对比${PLAN_MARK}`, style: "title" }]);
  b.note(
    `来源：「${table.title}」 ${table.sheet}!${table.range}。“三公”经费 = 因公出国（境）费 + 公务用车购置及运行维护费 + 公务接待费；会议费、培训费等另列，不计入三公。上年或预算为 0 时不计算比率。`,
  );
  const legendRow = b.legend(["error", "warning"]);
  b.rows[legendRow - 1][G.flags] = { v: `金额单位：${table.unit}` };
  const headerRow = b.add(
    ["项目", "上年", "预算", "本年决算", "较上年增减额", "增减率", "较预算差额", "完成预算", "占三公比重", "标记"].map((v) => ({
      v,
      style: "header" as const,
    })),
  );

  const rowOf = new Map<string, number>();
  const order: SangongItem[] = [sg.total, ...sg.items];
  const totalRow = b.nextRow;
  const rows: { item: SangongItem; r: number }[] = order.map((item, i) => ({ item, r: totalRow + i }));
  for (const { item, r } of rows) rowOf.set(item.key, r);
  const partsOf: Record<string, string[]> = { total: ["abroad", "car", "reception"], car: ["carPurchase", "carRun"] };

  const amountCell = (item: SangongItem, field: "previous" | "budget" | "actual", col: number): PlanCell => {
    const sheet = field === "previous" ? (item.previousSheet ?? table.sheet) : table.sheet;
    // A column left blank for every item (no 预算数 filled in) is no figure, not a reference to an empty cell (0).
    if (item[field] === null && item.sources[field]?.value === null) return {};
    if (item.sources[field]) return sourceCell(sheet, item.sources[field], table.unit, fmt);
    if (item[field] === null) return {};
    // A total the table does not state: the sum of its parts on this sheet.
    const parts = (partsOf[item.key] ?? []).map((k) => rowOf.get(k)).filter((x): x is number => x !== undefined);
    return { f: parts.map((p) => ref(col, p)).join("+") || "0", fmt };
  };
  const writeItem = (item: SangongItem, r: number, indent: number) => {
    const cells: PlanCell[] = [];
    cells[G.name] = {
      v: `${"  ".repeat(indent)}${item.item}${item.cell ? "" : "（计算）"}`,
      link: item.cell ? qualifiedAddress(table.sheet, item.cell) : undefined,
      style: item.key === "total" ? "total" : undefined,
    };
    cells[G.previous] = amountCell(item, "previous", G.previous);
    cells[G.budget] = amountCell(item, "budget", G.budget);
    cells[G.actual] = amountCell(item, "actual", G.actual);
    const act = ref(G.actual, r);
    cells[G.yoy] = item.previous !== null ? { f: diffFormula(act, ref(G.previous, r)), fmt } : {};
    cells[G.yoyRate] = item.previous !== null ? { f: rateFormula(ref(G.yoy, r), ref(G.previous, r)), fmt: RATE_FORMAT } : {};
    // A 预算-only 三公 table (部门预算公开) has no 决算 to compare with its budget.
    const compared = item.budget !== null && sg.total.actual !== null;
    cells[G.budgetDiff] = compared ? { f: diffFormula(act, ref(G.budget, r)), fmt } : {};
    cells[G.completion] = compared ? { f: ratioFormula(act, ref(G.budget, r)), fmt: RATE_FORMAT } : {};
    cells[G.share] =
      item.actual !== null && sg.total.actual !== null && rowOf.has(item.key)
        ? { f: ratioFormula(act, `$${columnLetter(G.actual)}$${totalRow}`), fmt: RATE_FORMAT }
        : {};
    cells[G.flags] = { v: item.flags.includes("sangong-increase") ? "较上年增加" : "" };
    b.add(cells);
    if (item.flags.length > 0) b.highlight(r, "warning");
  };
  for (const { item, r } of rows)
    writeItem(item, r, item.key === "carPurchase" || item.key === "carRun" ? 2 : item.key === "total" ? 0 : 1);

  // The identity, live: 三公 − (出国 + 车 + 接待) should be 0.
  const partRows = partsOf.total.map((k) => rowOf.get(k)).filter((x): x is number => x !== undefined);
  // Only the columns that hold figures: a 预算-only table has no 上年 or 决算 to check or to chart.
  const has = { previous: sg.total.previous !== null, budget: sg.total.budget !== null, actual: sg.total.actual !== null };
  if (partRows.length === 3 && sg.total.cell) {
    const r = b.nextRow;
    const check = (field: keyof typeof has, col: number): PlanCell =>
      has[field] ? { f: `${ref(col, totalRow)}-(${partRows.map((p) => ref(col, p)).join("+")})`, fmt } : {};
    b.add([
      { v: "核对：合计 −（出国 + 车 + 接待）", style: "note" },
      check("previous", G.previous),
      check("budget", G.budget),
      check("actual", G.actual),
    ]);
    b.conditional.push({
      range: `${ref(G.previous, r)}:${ref(G.actual, r)}`,
      formula: `AND(ISNUMBER(${ref(G.previous, r)}),ABS(${ref(G.previous, r)})>0.005)`,
      style: "error",
    });
  }
  if (has.actual && has.previous) {
    b.charts.push({
      type: "columnClustered",
      title: "“三公”经费：上年与本年",
      categories: `${ref(G.name, totalRow)}:${ref(G.name, totalRow + rows.length - 1)}`,
      series: [
        { name: "上年", values: `${ref(G.previous, totalRow)}:${ref(G.previous, totalRow + rows.length - 1)}` },
        { name: "本年", values: `${ref(G.actual, totalRow)}:${ref(G.actual, totalRow + rows.length - 1)}` },
      ],
    });
  }

  if (sg.related.length > 0) {
    b.blank();
    b.add([{ v: "相关支出（另列，不计入“三公”经费）", style: "subtitle" }]);
    for (const item of sg.related) writeItem(item, b.nextRow, 1);
  }
  addFindingsList(
    b,
    a.findings.filter((f) => inTable(table, f.sheet, f.cell)),
    "三公经费检查发现",
    s,
  );
  return b.build(SANGONG_SHEET, [34, 13, 13, 13, 14, 10, 13, 10, 11, 14], headerRow);
}

/**
 * The result sheets: 差异分析 always, 三公经费对比 with a 三公 table, 绩效评分表 when scored, and 审核说明 when a 提示 needs a
 * written 说明 (or the sheet is there from an earlier check: it is rebuilt, never left stale).
 */
export function buildOutputPlans(a: CheckResult, s: PlanOptions, notesSheetExists = false): SheetPlan[] {
  const plans = [buildVariancePlan(a, s)];
  const sg = buildSangongPlan(a, s);
  if (sg) plans.push(sg);
  if (a.scoring) {
    const sheetFindings = a.findings.filter((f) => SCORING_RULES.has(f.rule));
    plans.push(buildScoringPlan(a.scoring, sheetFindings, s));
  }
  if (notesSheetExists || findingsNeedingNotes(a.findings).length > 0) plans.push(buildNotesPlan(a.findings, s.notes ?? {}, s));
  return plans;
}

const SCORING_RULES: ReadonlySet<string> = new Set(["score-over-max", "score-sum-mismatch", "duplicate-item", "grade-mismatch"]);
