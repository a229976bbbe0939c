import type { CellGrid } from "../base/cell-grid";
import { sortFindings } from "../base/findings";
import type { Finding } from "../base/findings";
import { Decimal, minOf, percentRate } from "../base/money";
import { recognizeWorkbook } from "../recognise/recognize";
import { analyzeSangong } from "./sangong";
import type { SangongResult } from "./sangong";
import type { Settings } from "../run/settings";
import type { Table } from "../recognise/table";
import { checkSums, varianceLines } from "./variance";
import { PLAN_MARK } from "../present/sheet-plan";
import { frameworkFor, scoreFramework } from "../score/score";
import type { ScoringResult } from "../score/score";
import { verifyScoringTables } from "../score/verify";
import { readWorkbookTexts, workbookMeta } from "../recognise/workbook-texts";
import type { WorkbookTexts } from "../recognise/workbook-texts";
import type { SheetScoring } from "../score/verify";
import type { VarianceLine } from "./variance";

export interface TableTotals {
  tableId: string;
  budget: Decimal | null;
  actual: Decimal | null;
  diff: Decimal | null;
  diffRate: Decimal | null;
  /** Where the totals come from: the table's own 合计 row, or the sum of its top-level rows. */
  source: "total-row" | "top-level";
}

export interface Analysis {
  tables: Table[];
  lines: VarianceLine[];
  totals: TableTotals[];
  sangong: SangongResult | null;
  /** The framework scored from the data and the clerk's scores. */
  scoring: ScoringResult | null;
  /** A 绩效评分表 found in the workbook, as verified. */
  scoringSheet: SheetScoring | null;
  /** The clerk's own sentences (text sheet), and the unit's name and year, for the report. */
  texts: WorkbookTexts;
  meta: { unitName: string | null; year: number | null };
  findings: Finding[];
}

/** Totals from the level the table itself totals: its 合计 row, else its top-level rows (never 类 + 款 + 项). */
function totalsOf(table: Table, lines: VarianceLine[]): TableTotals | null {
  const own = lines.filter((l) => l.tableId === table.id);
  if (own.length === 0) return null;
  const totalRow = own.find((l) => l.isTotal && !/小计/.test(l.name));
  let budget: Decimal | null;
  let actual: Decimal | null;
  if (totalRow) {
    budget = totalRow.budget;
    actual = totalRow.actual;
  } else {
    const top = minOf(own.filter((l) => !l.isTotal).map((l) => l.level));
    const tops = own.filter((l) => !l.isTotal && l.level === top);
    const sum = (pick: (l: VarianceLine) => Decimal | null) =>
      tops.some((l) => pick(l) === null) ? null : tops.reduce((acc, l) => acc.plus(pick(l) as Decimal), new Decimal(0));
    budget = table.roles.budget || table.roles.budgetFinal || table.roles.budgetInitial ? sum((l) => l.budget) : null;
    actual = sum((l) => l.actual);
  }
  const diff = budget !== null && actual !== null ? actual.minus(budget) : null;
  return { tableId: table.id, budget, actual, diff, diffRate: percentRate(diff, budget), source: totalRow ? "total-row" : "top-level" };
}

export function analyzeTables(
  tables: Table[],
  recognitionFindings: Finding[],
  settings: Settings,
  texts: WorkbookTexts = { texts: {}, source: null },
  meta: Analysis["meta"] = { unitName: null, year: null },
): Analysis {
  const findings: Finding[] = [...recognitionFindings];
  const lines: VarianceLine[] = [];
  const totals: TableTotals[] = [];
  for (const table of tables) {
    if (table.kind === "budget-actual" || table.kind === "comparison" || table.kind === "amounts") {
      const own = varianceLines(table, settings, findings);
      const mismatched = checkSums(table, findings);
      for (const line of own) if (mismatched.has(line.row)) line.flags.push("sum-mismatch");
      lines.push(...own);
      const t = totalsOf(table, own);
      if (t) totals.push(t);
    }
  }
  const sangong = analyzeSangong(tables, settings, findings);
  const scoringSheet = verifyScoringTables(tables, findings);
  const partial = { tables, lines, totals, sangong, scoring: null, scoringSheet, texts, meta, findings };
  const hasBudgetData = totals.length > 0 || sangong !== null || tables.some((t) => t.kind === "staff");
  const scoring = hasBudgetData ? scoreFramework(frameworkFor(settings.scoring), partial, settings.scoring) : null;
  return { ...partial, scoring, findings: sortFindings(findings) };
}

/** Sheets this tool wrote (marked in A1) are results, not data: re-running never analyses them. */
export function isOutputGrid(grid: CellGrid): boolean {
  const a1 = grid.origin.row === 0 && grid.origin.col === 0 ? grid.values[0]?.[0] : null;
  return typeof a1 === "string" && a1.includes(PLAN_MARK);
}

export function analyzeWorkbook(grids: CellGrid[], settings: Settings): Analysis {
  const own = grids.filter((g) => !isOutputGrid(g));
  const recognition = recognizeWorkbook(own, settings);
  const texts = readWorkbookTexts(own);
  const found = workbookMeta(own);
  const meta = { unitName: texts.texts.unitName ?? found.unitName, year: texts.texts.year ? Number(/\d{4}/.exec(texts.texts.year)?.[0] ?? found.year) : found.year };
  return analyzeTables(recognition.tables, recognition.findings, settings, texts, meta);
}
