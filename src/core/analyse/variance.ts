import { AMOUNT_ROLES, ROLE_LABELS } from "../recognise/column-roles";
import type { ColumnRole } from "../recognise/column-roles";
import { finding } from "../base/findings";
import type { Finding } from "../base/findings";
import { leafRows, sumGroups } from "../recognise/hierarchy";
import { hundredths, excelNumberText, fenOfDecimal, percentString, rateBp, sumFen, withinRounding, yuanString } from "../base/money";
import type { Bp, Fen } from "../base/money";
import type { AmountCell, Table, TableRow } from "../recognise/table";

/** The clerk's thresholds for flagging a variance. */
export interface AnalysisOptions {
  /** |差异率| at or above this (percent) is flagged. 10 % is common practice; no national number exists. */
  thresholdPercent: number;
  /** And only when |差异额| is at least this many 万元 (0 = no floor). */
  floorWanYuan: number;
}

export interface VarianceLine {
  tableId: string;
  sheet: string;
  cell: string;
  code: string | null;
  name: string;
  level: number;
  isTotal: boolean;
  isLeaf: boolean;
  budgetInitial: Fen | null;
  budgetFinal: Fen | null;
  /** The budget compared against: 全年/调整预算 when present, else 年初预算. */
  budget: Fen | null;
  budgetRole: ColumnRole | null;
  actual: Fen | null;
  previous: Fen | null;
  diff: Fen | null;
  diffRate: Bp | null;
  completionRate: Bp | null;
  yoyDiff: Fen | null;
  yoyRate: Bp | null;
  reason: string | null;
  reasonCell: string | null;
  cells: Partial<Record<ColumnRole, string>>;
  flags: string[];
  /** The row as read, for output sheets that reference its cells. */
  row: TableRow;
}

/** Which budget column a table compares against. */
export function budgetRoleOf(table: Table): ColumnRole | null {
  if (table.roles.budgetFinal) return "budgetFinal";
  if (table.roles.budget) return "budget";
  if (table.roles.budgetInitial) return "budgetInitial";
  return null;
}

/** A readable amount, or null (empty counts as nothing here). */
export const valueOf = (a: AmountCell | undefined): Fen | null => (a && !a.bad ? a.value : null);
/** An empty cell counts as 0 in a line's own arithmetic; an unreadable one does not count at all. */
export const orZero = (a: AmountCell | undefined): Fen | null => (a === undefined || a.bad ? null : (a.value ?? 0));

const minus = (a: Fen | null, b: Fen | null): Fen | null => (a === null || b === null ? null : a - b);

/** 万元 of the settings as 分, exactly. */
function floorFen(floorWanYuan: number): Fen {
  const r = fenOfDecimal(excelNumberText(floorWanYuan), "万元");
  return r === null || r === "too-large" ? 0 : r.fen;
}

export function varianceLines(table: Table, options: AnalysisOptions, findings: Finding[]): VarianceLine[] {
  const budgetRole = budgetRoleOf(table);
  if (!table.roles.actual) return [];
  const leaves = leafRows(table);
  const floor = floorFen(options.floorWanYuan);
  const threshold = hundredths(options.thresholdPercent);
  const lines: VarianceLine[] = [];
  for (const row of table.rows) {
    const a = row.amounts;
    const actual = orZero(a.actual);
    const budget = budgetRole ? orZero(a[budgetRole]) : null;
    const previous = table.roles.previous ? orZero(a.previous) : null;
    const diff = minus(actual, budget);
    const yoyDiff = minus(actual, previous);
    const cells: Partial<Record<ColumnRole, string>> = {};
    for (const role in a) cells[role as ColumnRole] = (a[role as ColumnRole] as AmountCell).cell;
    const line: VarianceLine = {
      tableId: table.id,
      sheet: table.sheet,
      cell: row.cell,
      code: row.code,
      name: row.name,
      level: row.level,
      isTotal: row.isTotal,
      isLeaf: leaves.has(row),
      budgetInitial: table.roles.budgetInitial ? orZero(a.budgetInitial) : null,
      budgetFinal: table.roles.budgetFinal ? orZero(a.budgetFinal) : null,
      budget,
      budgetRole,
      actual,
      previous,
      diff,
      diffRate: rateBp(diff, budget),
      completionRate: rateBp(actual, budget),
      yoyDiff,
      yoyRate: rateBp(yoyDiff, previous),
      reason: row.reason,
      reasonCell: row.reasonCell,
      cells,
      flags: [],
      row,
    };
    flagLine(table, row, line, threshold, floor, options, findings);
    lines.push(line);
  }
  return lines;
}

function flagLine(
  table: Table,
  row: TableRow,
  line: VarianceLine,
  threshold: Bp,
  floor: Fen,
  options: AnalysisOptions,
  findings: Finding[],
): void {
  const { actual, budget, diff } = line;
  if (actual === null || budget === null || diff === null || !line.budgetRole) return;
  const actualCell = row.amounts.actual?.cell ?? row.cell;
  const budgetCell = row.amounts[line.budgetRole]?.cell ?? row.cell;
  // Findings only where the detail lives (leaf lines); parents carry the flag, not another finding.
  const report = line.isLeaf;
  if (budget === 0) {
    if (actual !== 0) {
      line.flags.push("no-budget");
      if (report) {
        const blank = row.amounts[line.budgetRole]?.value === null;
        const data = { name: row.name, actual: yuanString(actual), budgetBlank: blank, hasReason: row.reason !== null };
        findings.push(finding("no-budget", "warning", table.sheet, budgetCell, data, Math.abs(actual)));
      }
    }
    return;
  }
  // The rate as the clerk sees it (two decimals) decides: 9.995 % shows as 10.00 % and is flagged at a 10 % line.
  const diffRate = line.diffRate as Bp;
  if (Math.abs(diffRate) >= threshold && Math.abs(diff) >= floor) {
    line.flags.push("over-threshold");
    if (report) {
      const data = {
        name: row.name,
        actual: yuanString(actual),
        budget: yuanString(budget),
        diff: yuanString(diff),
        diffRate: percentString(diffRate),
        threshold: options.thresholdPercent,
        hasReason: row.reason !== null,
      };
      findings.push(finding("over-threshold", "warning", table.sheet, actualCell, data, Math.abs(diff)));
    }
  }
  if (actual > budget && budget > 0) {
    line.flags.push("over-budget");
    // Above 年初预算 is usual (追加 during the year); above the adjusted budget is a real overspend.
    if (report && line.budgetRole !== "budgetInitial") {
      const data = { name: row.name, actual: yuanString(actual), budget: yuanString(budget), diff: yuanString(diff) };
      findings.push(finding("over-budget", "warning", table.sheet, actualCell, data, Math.abs(diff)));
    }
  }
}

/** Decimals the clerk typed in this table (in its own unit): the precision rounding is judged against. */
export function tableDecimals(table: Table): number {
  let max = 0;
  for (const row of table.rows) for (const a of Object.values(row.amounts)) if (a && a.value !== null && a.decimals > max) max = a.decimals;
  return Math.min(max, 6);
}

/** The money columns a table's sums are checked on. */
function summedRoles(table: Table): ColumnRole[] {
  return table.columns.filter((c) => c.role && AMOUNT_ROLES.has(c.role) && c.role !== "statedDiff").map((c) => c.role as ColumnRole);
}

/**
 * Every parent against the sum of its children, per amount column. A difference within the rounding
 * of the table's precision (half a unit of the last decimal per addend) is `rounding`, not an error.
 */
export function checkSums(table: Table, findings: Finding[]): Set<TableRow> {
  const mismatched = new Set<TableRow>();
  const decimals = tableDecimals(table);
  const roles = summedRoles(table);
  for (const { parent, children } of sumGroups(table)) {
    for (const role of roles) {
      const stated = parent.amounts[role];
      if (!stated || stated.bad || stated.value === null) continue; // a blank parent is a heading
      if (children.some((c) => c.amounts[role]?.bad)) continue; // an unreadable addend: already a finding
      const computed = sumFen(children.map((c) => valueOf(c.amounts[role])));
      const difference = stated.value - computed;
      if (difference === 0) continue;
      const data = {
        name: parent.name,
        column: ROLE_LABELS[role],
        stated: yuanString(stated.value),
        computed: yuanString(computed),
        difference: yuanString(difference),
        children: children.length,
        firstChild: children[0].cell,
        lastChild: children[children.length - 1].cell,
      };
      if (withinRounding(difference, children.length, table.unit, decimals)) {
        findings.push(finding("rounding", "info", table.sheet, stated.cell, data));
      } else {
        mismatched.add(parent);
        findings.push(finding("sum-mismatch", "error", table.sheet, stated.cell, data, Math.abs(difference)));
      }
    }
  }
  return mismatched;
}
