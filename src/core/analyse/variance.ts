import { AMOUNT_ROLES, ROLE_LABELS } from "../recognise/column-roles";
import type { ColumnRole } from "../recognise/column-roles";
import { finding } from "../base/findings";
import type { Finding } from "../base/findings";
import { leafTest, sumGroups } from "../recognise/hierarchy";
import type { SumGroup } from "../recognise/hierarchy";
import {
  addFen,
  excelNumberText,
  fenOfDecimal,
  fenToNumber,
  hundredths,
  percentString,
  rateBp,
  withinRounding,
  yuanString,
} from "../base/money";
import type { Bp, Fen } from "../base/money";
import type { AmountCell, Table, TableRow } from "../recognise/table";
import type { JoinedBudget } from "./budget-join";

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
  /** When the budget comes from another table (预算 and 决算 in different sheets or workbooks): where it is. */
  budgetFrom: { sheet: string; cell: string | null; tableId: string } | null;
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

export function varianceLines(
  table: Table,
  options: AnalysisOptions,
  findings: Finding[],
  joined: ReadonlyMap<TableRow, JoinedBudget> = new Map(),
): VarianceLine[] {
  const own = budgetRoleOf(table);
  // A 决算 table without budget columns compares with the 年初预算 of its budget table, when one was joined.
  const external = own === null && table.rows.some((r) => joined.has(r));
  const budgetRole: ColumnRole | null = own ?? (external ? "budgetInitial" : null);
  // A 决算 form holds only the actual, a 预算 table only the budget: both give lines (the unit model joins them).
  if (!table.roles.actual && !budgetRole) return [];
  const isLeaf = leafTest(table);
  const floor = floorFen(options.floorWanYuan);
  const threshold = hundredths(options.thresholdPercent);
  const lines: VarianceLine[] = [];
  for (const row of table.rows) {
    if (row.isCount) continue;
    const a = row.amounts;
    const actual = table.roles.actual ? orZero(a.actual) : null;
    const from = external ? (joined.get(row) ?? null) : null;
    const budget = external ? (from ? (from.cell ? orZero(from.cell) : 0) : null) : budgetRole ? orZero(a[budgetRole]) : null;
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
      isLeaf: isLeaf(row),
      budgetInitial: table.roles.budgetInitial ? orZero(a.budgetInitial) : external ? budget : null,
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
      cells: from?.cell ? { ...cells, budgetInitial: from.cell.cell } : cells,
      budgetFrom: from ? { sheet: from.sheet, cell: from.cell?.cell ?? null, tableId: from.tableId } : null,
      flags: [],
      row,
    };
    flagLine(table, row, line, threshold, floor, options, findings, from);
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
  joined: JoinedBudget | null,
): void {
  const { actual, budget, diff } = line;
  if (actual === null || budget === null || diff === null || !line.budgetRole) return;
  const actualCell = row.amounts.actual?.cell ?? row.cell;
  const budgetCell = line.budgetFrom ? actualCell : (row.amounts[line.budgetRole]?.cell ?? row.cell);
  // Findings only where the detail lives (leaf lines); parents carry the flag, not another finding. A line compared
  // with another table's budget reports only where that comparison is the one to explain (budget-join.ts).
  const report = line.isLeaf && (joined === null || joined.report);
  if (budget === 0) {
    if (actual !== 0) {
      line.flags.push("no-budget");
      if (report) {
        const blank = line.budgetFrom ? false : row.amounts[line.budgetRole]?.value === null;
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
  const cached = DECIMALS.get(table);
  if (cached !== undefined) return cached;
  let max = 0;
  for (const row of table.rows) {
    for (const role in row.amounts) {
      const a = row.amounts[role as ColumnRole];
      if (a && a.value !== null && a.decimals > max) max = a.decimals;
    }
  }
  const decimals = Math.min(max, 6);
  DECIMALS.set(table, decimals);
  return decimals;
}

/** Asked by every check of a table (sums, row parts, digit slips, identities); a table's figures never change once read. */
const DECIMALS = new WeakMap<Table, number>();

/** A group's children in one column: their sum, how many hold a figure, whether any is unreadable. */
export interface ChildSum {
  computed: Fen;
  filled: number;
  bad: boolean;
}

/** One pass over a group's children, for the sum checks and the digit-slip search alike. */
export function childSum(children: TableRow[], role: ColumnRole): ChildSum {
  let computed = 0;
  let filled = 0;
  let bad = false;
  for (let i = 0; i < children.length; i++) {
    const a = children[i].amounts[role];
    if (a === undefined) continue;
    if (a.bad) bad = true;
    else if (a.value !== null) {
      filled++;
      computed = addFen(computed, a.value);
    }
  }
  return { computed, filled, bad };
}

/**
 * An amount typed in 元 on a 万元 sheet (91200 among figures like 12.50): the one child that, read as 元, makes its
 * parent's sum agree, and that stands far above its siblings. Only then: a large figure is not suspect by size alone.
 */
/** The finding of a figure typed in 元 on a 万元 sheet (yuanOnWanSheet), said at its cell with the total it upsets. */
export function unitSuspect(table: Table, role: ColumnRole, suspect: { row: TableRow; cell: string }, totalCell: string): Finding {
  const likely = (suspect.row.amounts[role]?.value as number) / 10000;
  const raw = suspect.row.amounts[role]?.raw || String(fenToNumber(likely * 10000, table.unit));
  return finding("unit-suspect", "warning", table.sheet, suspect.cell, {
    name: suspect.row.name,
    column: ROLE_LABELS[role],
    text: raw,
    unit: table.unit,
    value: yuanString(likely * 10000),
    likely: yuanString(likely),
    total: totalCell,
  });
}

export function yuanOnWanSheet(
  table: Table,
  role: ColumnRole,
  children: TableRow[],
  stated: Fen,
  computed: Fen,
  decimals: number,
): { row: TableRow; cell: string } | null {
  // A parent of 0 says nothing of a child's unit (the parent is the likelier fault), and a figure that read as 元 would be
  // below the table's last decimal (32.65 → 0.003265万元) is no figure typed in 元.
  if (table.unit !== "万元" || stated === 0) return null;
  const hits = children.filter((c) => {
    const v = valueOf(c.amounts[role]);
    if (v === null || v % 10000 !== 0 || Math.abs(v) < 1_000_000 || Math.abs(v / 10000) < 10 ** (6 - decimals)) return false;
    const fixed = computed - v + v / 10000;
    const others = children.filter((o) => o !== c).map((o) => Math.abs(valueOf(o.amounts[role]) ?? 0));
    const largestOther = others.reduce((m, x) => Math.max(m, x), 0);
    return (
      withinRounding(stated - fixed, roundedAddends(children, role), table.unit, decimals) && Math.abs(v) > 100 * Math.max(largestOther, 1)
    );
  });
  if (hits.length !== 1) return null;
  const cell = hits[0].amounts[role]?.cell;
  return cell ? { row: hits[0], cell } : null;
}

/**
 * How many rounded figures a parent's sum rests on: the children that hold a figure, and the parent itself. A blank
 * cell is an exact zero; counting it would let a whole 万元 pass as rounding on a 23-line 公开01.
 */
export function roundedAddends(children: TableRow[], role: ColumnRole): number {
  return children.filter((c) => (c.amounts[role]?.value ?? null) !== null).length + 1;
}

/** The money columns a table's sums are checked on. */
export function summedRoles(table: Table): ColumnRole[] {
  return table.columns.filter((c) => c.role && AMOUNT_ROLES.has(c.role) && c.role !== "statedDiff").map((c) => c.role as ColumnRole);
}

/**
 * Every parent against the sum of its children, per amount column. A difference within the rounding
 * of the table's precision (half a unit of the last decimal per addend) is `rounding`, not an error.
 */
export function checkSums(table: Table, findings: Finding[]): Set<TableRow> {
  return checkGroupSums(table, sumGroups(table), summedRoles(table), findings);
}

/** The sum check of `checkSums` over given groups and columns (the 三公 identities, on a 三公 table's other columns). */
export function checkGroupSums(table: Table, groups: SumGroup[], roles: ColumnRole[], findings: Finding[]): Set<TableRow> {
  const mismatched = new Set<TableRow>();
  const decimals = tableDecimals(table);
  const found: Mismatch<TableRow>[] = [];
  for (const { parent, children } of groups) {
    for (const role of roles) {
      const stated = parent.amounts[role];
      if (!stated || stated.bad || stated.value === null) continue; // a blank parent is a heading
      const { computed, filled, bad } = childSum(children, role);
      if (bad) continue; // an unreadable addend: already a finding
      // No child filled in at all: the breakdown was not given, not given wrong.
      if (filled === 0) continue;
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
      if (withinRounding(difference, filled + 1, table.unit, decimals)) {
        findings.push(finding("rounding", "info", table.sheet, stated.cell, data));
        continue;
      }
      mismatched.add(parent);
      const suspect = yuanOnWanSheet(table, role, children, stated.value, computed, decimals);
      if (suspect) findings.push(unitSuspect(table, role, suspect, stated.cell));
      const withSuspect = suspect ? { ...data, suspect: suspect.cell } : data;
      const f = finding("sum-mismatch", "error", table.sheet, stated.cell, withSuspect, Math.abs(difference));
      findings.push(f);
      found.push({ parent, children, column: role, difference, finding: f });
    }
  }
  for (const total of foldOneCellFixes(found, findings, (row) => row.name)) mismatched.delete(total);
  return mismatched;
}

/** A parent that disagrees with the sum of its children, in one column, with the finding said of it. */
export interface Mismatch<P> {
  parent: P;
  children: P[];
  column: string;
  /** Stated − sum of the children. */
  difference: Fen;
  finding: Finding;
}

/**
 * A subtotal that disagrees with its own lines by exactly what its total disagrees with its lines (公务用车费 0 over its
 * 其中 运行维护费 32.65, under a 合计 of 34.35 = 1.70 + 32.65): the total and the lines agree with each other, the subtotal
 * with neither. It is the one figure to correct: its finding says the total comes right with it, and the total's finding
 * goes (its mismatch follows from the subtotal's). Returns the totals so cleared.
 */
export function foldOneCellFixes<P>(found: Mismatch<P>[], findings: Finding[], nameOf: (p: P) => string): Set<P> {
  const cleared = new Set<P>();
  const used = new Set<Mismatch<P>>();
  for (const wrong of found) {
    if (used.has(wrong)) continue;
    const total = found.find(
      (t) =>
        t !== wrong && !used.has(t) && t.column === wrong.column && t.children.includes(wrong.parent) && t.difference === -wrong.difference,
    );
    if (!total || !findings.includes(total.finding)) continue;
    used.add(total).add(wrong);
    wrong.finding.data.also = `${nameOf(total.parent)}（${total.finding.cell}）`;
    findings.splice(findings.indexOf(total.finding), 1);
    cleared.add(total.parent);
  }
  return cleared;
}
