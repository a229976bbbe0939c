import type { CellGrid } from "../base/cell-grid";
import { finding } from "../base/findings";
import type { Finding } from "../base/findings";
import { AmountRangeError, minOf, rateBp, sumFen } from "../base/money";
import type { Bp, Fen } from "../base/money";
import { recognizeWorkbook } from "../recognise/recognize";
import type { RecognitionOverrides } from "../recognise/recognize";
import { isOutputGrid } from "../recognise/own-sheets";
import type { Table } from "../recognise/table";
import { readWorkbookTexts, workbookMeta } from "../recognise/workbook-texts";
import type { WorkbookTexts } from "../recognise/workbook-texts";
import { analyzeSangong } from "./sangong";
import type { SangongResult } from "./sangong";
import { checkSums, varianceLines } from "./variance";
import { joinBudgets } from "./budget-join";
import { checkFormIdentities } from "./form-identities";
import { checkRowParts } from "./row-parts";
import { checkStatedChanges, checkStatedRates } from "./stated-rates";
import type { SelfEvaluation } from "../recognise/selfeval";
import type { AnalysisOptions, VarianceLine } from "./variance";

export interface TableTotals {
  tableId: string;
  budget: Fen | null;
  actual: Fen | null;
  diff: Fen | null;
  diffRate: Bp | null;
  /** Where the totals come from: the table's own 合计 row, or the sum of its top-level rows. */
  source: "total-row" | "top-level";
}

/** What the tables say: variance lines, totals, 三公, and the findings of every check on them. */
export interface Analysis {
  tables: Table[];
  lines: VarianceLine[];
  totals: TableTotals[];
  sangong: SangongResult | null;
  /** The clerk's own sentences (text sheet), and the unit's name and year, for the report. */
  texts: WorkbookTexts;
  meta: { unitName: string | null; year: number | null };
  /** 绩效自评表 read block by block (目标, 资金, 指标): for verifying scores and for the 自评报告. */
  selfEvaluations: SelfEvaluation[];
  findings: Finding[];
}

/** Totals from the level the table itself totals: its 合计 row, else its top-level rows (never 类 + 款 + 项). */
function totalsOf(table: Table, lines: VarianceLine[]): TableTotals | null {
  if (lines.length === 0) return null;
  const totalRow = lines.find((l) => l.isTotal && !/小计/.test(l.name));
  let budget: Fen | null;
  let actual: Fen | null;
  if (totalRow) {
    budget = totalRow.budget;
    actual = totalRow.actual;
  } else {
    const top = minOf(lines.filter((l) => !l.isTotal).map((l) => l.level));
    const tops = lines.filter((l) => !l.isTotal && l.level === top);
    const sum = (pick: (l: VarianceLine) => Fen | null) => (tops.some((l) => pick(l) === null) ? null : sumFen(tops.map(pick)));
    budget = table.roles.budget || table.roles.budgetFinal || table.roles.budgetInitial ? sum((l) => l.budget) : null;
    actual = sum((l) => l.actual);
  }
  const diff = budget !== null && actual !== null ? actual - budget : null;
  return { tableId: table.id, budget, actual, diff, diffRate: rateBp(diff, budget), source: totalRow ? "total-row" : "top-level" };
}

export function analyzeTables(
  tables: Table[],
  recognitionFindings: Finding[],
  options: AnalysisOptions,
  texts: WorkbookTexts = { texts: {}, source: null },
  meta: Analysis["meta"] = { unitName: null, year: null },
  selfEvaluations: SelfEvaluation[] = [],
): Analysis {
  const findings: Finding[] = [...recognitionFindings];
  const lines: VarianceLine[] = [];
  const totals: TableTotals[] = [];
  const usable: Table[] = [];
  const joined = joinBudgets(tables);
  for (const table of tables) {
    try {
      if (table.kind === "budget-actual" || table.kind === "comparison" || table.kind === "amounts") {
        const own = varianceLines(table, options, findings, joined);
        const mismatched = checkSums(table, findings);
        for (const row of checkRowParts(table, findings)) mismatched.add(row);
        for (const line of own) if (mismatched.has(line.row)) line.flags.push("sum-mismatch");
        const t = totalsOf(table, own);
        lines.push(...own);
        if (t) totals.push(t);
      } else if (table.kind === "sangong") {
        // 合计 | 一般公共预算拨款 | 政府性基金 | 国有资本经营 beside the items: each item's total against its sources, where the
        // sources are filled in for it (they often are only on the 合计 line).
        checkRowParts(table, findings, true);
      }
      usable.push(table);
    } catch (e) {
      // Sums beyond the exact range: the table is left out and said so, at its header.
      if (!(e instanceof AmountRangeError)) throw e;
      findings.push(finding("amount-range", "error", table.sheet, table.headerRange.split(":")[0], { title: table.title }));
    }
  }
  let sangong: SangongResult | null = null;
  try {
    sangong = analyzeSangong(usable, findings);
    checkFormIdentities(usable, sangong, findings);
  } catch (e) {
    if (!(e instanceof AmountRangeError)) throw e;
  }
  for (const t of usable) {
    if (t.form === "selfeval-funds") checkStatedRates(t, findings);
    else checkStatedChanges(t, findings);
  }
  // A 三公 table the 三公 analysis could not use (no 决算 or 预算 column found for its items) is said so.
  const sangongTable = usable.find((t) => t.kind === "sangong");
  if (!sangongTable || sangong) return { tables: usable, lines, totals, sangong, texts, meta, selfEvaluations, findings };
  const unread = findings.some((f) => f.rule === "table-empty" && f.sheet === sangongTable.sheet);
  const data = { title: sangongTable.title, what: "三公经费各项的预算数或决算数" };
  if (!unread) findings.push(finding("table-empty", "info", sangongTable.sheet, sangongTable.headerRange.split(":")[0], data));
  return { tables: usable, lines, totals, sangong, texts, meta, selfEvaluations, findings };
}

/** Every table of the workbook's own sheets (never the result sheets this tool wrote), analysed. */
export function analyzeWorkbook(grids: CellGrid[], options: AnalysisOptions & RecognitionOverrides): Analysis {
  const own = grids.filter((g) => !isOutputGrid(g));
  const recognition = recognizeWorkbook(own, options);
  const texts = readWorkbookTexts(own);
  const found = workbookMeta(own);
  const year = texts.texts.year ? Number(/\d{4}/.exec(texts.texts.year)?.[0] ?? found.year) : found.year;
  const meta = { unitName: texts.texts.unitName ?? found.unitName, year };
  return analyzeTables(recognition.tables, recognition.findings, options, texts, meta, recognition.selfEvaluations);
}
