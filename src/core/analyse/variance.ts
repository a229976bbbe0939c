import { AMOUNT_ROLES, ROLE_LABELS } from "../recognise/column-roles";
import type { ColumnRole } from "../recognise/column-roles";
import { finding } from "../base/findings";
import type { Finding } from "../base/findings";
import { leafRows, sumGroups } from "../recognise/hierarchy";
import { Decimal, formatAmount, percentRate, sumMoney, unitFactor, ZERO } from "../base/money";
import type { Settings } from "../run/settings";
import type { AmountCell, Table, TableRow } from "../recognise/table";

export interface VarianceLine {
  tableId: string;
  sheet: string;
  cell: string;
  code: string | null;
  name: string;
  level: number;
  isTotal: boolean;
  isLeaf: boolean;
  budgetInitial: Decimal | null;
  budgetFinal: Decimal | null;
  /** The budget compared against: 全年/调整预算 when present, else 年初预算. */
  budget: Decimal | null;
  budgetRole: ColumnRole | null;
  actual: Decimal | null;
  previous: Decimal | null;
  diff: Decimal | null;
  diffRate: Decimal | null;
  completionRate: Decimal | null;
  yoyDiff: Decimal | null;
  yoyRate: Decimal | null;
  reason: string | null;
  reasonCell: string | null;
  cells: Partial<Record<ColumnRole, string>>;
  flags: string[];
  /** The row as read, for output sheets that reference its cells. */
  row: TableRow;
}

/**
 * A variance line. Rates are read by the presenters (JSON, sheets, report), not by the checks: computed on
 * first read and kept — prototype getters, so a 100,000-line table allocates no closures for them.
 */
class Line implements VarianceLine {
  readonly tableId: string;
  readonly sheet: string;
  readonly cell: string;
  readonly code: string | null;
  readonly name: string;
  readonly level: number;
  readonly isTotal: boolean;
  readonly budgetInitial: Decimal | null;
  readonly budgetFinal: Decimal | null;
  readonly reason: string | null;
  readonly reasonCell: string | null;
  readonly flags: string[] = [];
  private rates: (Decimal | null | undefined)[] = [undefined, undefined, undefined];

  constructor(
    table: Table,
    readonly row: TableRow,
    readonly isLeaf: boolean,
    readonly budgetRole: ColumnRole | null,
    readonly budget: Decimal | null,
    readonly actual: Decimal | null,
    readonly previous: Decimal | null,
    readonly diff: Decimal | null,
    readonly yoyDiff: Decimal | null,
    readonly cells: Partial<Record<ColumnRole, string>>,
  ) {
    this.tableId = table.id;
    this.sheet = table.sheet;
    this.cell = row.cell;
    this.code = row.code;
    this.name = row.name;
    this.level = row.level;
    this.isTotal = row.isTotal;
    this.budgetInitial = table.roles.budgetInitial ? orZero(row.amounts.budgetInitial) : null;
    this.budgetFinal = table.roles.budgetFinal ? orZero(row.amounts.budgetFinal) : null;
    this.reason = row.reason;
    this.reasonCell = row.reasonCell;
  }

  private rate(i: number, num: Decimal | null, base: Decimal | null): Decimal | null {
    const cached = this.rates[i];
    return cached !== undefined ? cached : (this.rates[i] = percentRate(num, base));
  }
  get diffRate(): Decimal | null {
    return this.rate(0, this.diff, this.budget);
  }
  get completionRate(): Decimal | null {
    return this.rate(1, this.actual, this.budget);
  }
  get yoyRate(): Decimal | null {
    return this.rate(2, this.yoyDiff, this.previous);
  }
}

/** Which budget column a table compares against. */
export function budgetRoleOf(table: Table): ColumnRole | null {
  if (table.roles.budgetFinal) return "budgetFinal";
  if (table.roles.budget) return "budget";
  if (table.roles.budgetInitial) return "budgetInitial";
  return null;
}

const val = (a: AmountCell | undefined): Decimal | null => (a && !a.bad ? a.value : null);
/** An empty cell counts as 0 in a line's own arithmetic; an unreadable one does not count at all. */
const orZero = (a: AmountCell | undefined): Decimal | null => (a === undefined ? null : a.bad ? null : (a.value ?? ZERO));

export function varianceLines(table: Table, settings: Settings, findings: Finding[]): VarianceLine[] {
  const budgetRole = budgetRoleOf(table);
  if (!table.roles.actual) return [];
  const leaves = leafRows(table);
  const floor = new Decimal(settings.floorWanYuan).times(unitFactor("万元"));
  const threshold = new Decimal(settings.thresholdPercent);
  const lines: VarianceLine[] = [];
  for (const row of table.rows) {
    const a = row.amounts;
    const actual = orZero(a.actual);
    const budget = budgetRole ? orZero(a[budgetRole]) : null;
    const previous = table.roles.previous ? orZero(a.previous) : null;
    const diff = actual !== null && budget !== null ? actual.minus(budget) : null;
    const yoyDiff = actual !== null && previous !== null ? actual.minus(previous) : null;
    const cells: Partial<Record<ColumnRole, string>> = {};
    for (const role in a) cells[role as ColumnRole] = (a[role as ColumnRole] as AmountCell).cell;
    const line = new Line(table, row, leaves.has(row), budgetRole, budget, actual, previous, diff, yoyDiff, cells);
    flagLine(table, row, line, settings, threshold, floor, findings);
    lines.push(line);
  }
  return lines;
}

function flagLine(
  table: Table,
  row: TableRow,
  line: VarianceLine,
  settings: Settings,
  threshold: Decimal,
  floor: Decimal,
  findings: Finding[],
): void {
  const { actual, budget, diff } = line;
  if (actual === null || budget === null || diff === null || !line.budgetRole) return;
  const fmt = (d: Decimal) => `${formatAmount(d, settings.displayUnit, settings.decimals)}${settings.displayUnit}`;
  const actualCell = row.amounts.actual?.cell ?? row.cell;
  const budgetCell = row.amounts[line.budgetRole]?.cell ?? row.cell;
  // Findings only where the detail lives (leaf lines); parents carry the flag, not another finding.
  const report = line.isLeaf;
  if (budget.isZero()) {
    if (!actual.isZero()) {
      line.flags.push("no-budget");
      if (report) {
        findings.push(
          finding("no-budget", "warning", table.sheet, budgetCell, {
            name: row.name,
            actual: fmt(actual),
            budgetBlank: row.amounts[line.budgetRole]?.value === null,
            hasReason: row.reason !== null,
          }, actual.abs().toNumber()),
        );
      }
    }
    return;
  }
  // |差异| × 100 ≥ threshold × |预算|: the same test as |差异率| ≥ threshold, without a division per line.
  if (diff.abs().times(100).gte(threshold.times(budget.abs())) && diff.abs().gte(floor)) {
    const diffRate = line.diffRate as Decimal;
    line.flags.push("over-threshold");
    if (report) {
      findings.push(
        finding("over-threshold", "warning", table.sheet, actualCell, {
          name: row.name,
          actual: fmt(actual),
          budget: fmt(budget),
          diff: fmt(diff),
          diffRate: diffRate.toFixed(2),
          threshold: settings.thresholdPercent,
          hasReason: row.reason !== null,
        }, diff.abs().toNumber()),
      );
    }
  }
  if (actual.gt(budget) && budget.gt(0)) {
    line.flags.push("over-budget");
    // Above 年初预算 is usual (追加 during the year); above the adjusted budget is a real overspend.
    if (report && line.budgetRole !== "budgetInitial") {
      findings.push(finding("over-budget", "warning", table.sheet, actualCell, { name: row.name, actual: fmt(actual), budget: fmt(budget), diff: fmt(diff) }, diff.abs().toNumber()));
    }
  }
}

/** Decimals the clerk typed in this table (in its own unit): the precision rounding is judged against. */
export function tableDecimals(table: Table): number {
  let max = 0;
  for (const row of table.rows) for (const a of Object.values(row.amounts)) if (a && a.value !== null && a.decimals > max) max = a.decimals;
  return Math.min(max, 6);
}

/**
 * Every parent against the sum of its children, per amount column. A difference within the rounding
 * of the table's precision (half a unit of the last decimal per addend) is `rounding`, not an error.
 */
export function checkSums(table: Table, findings: Finding[]): Set<TableRow> {
  const mismatched = new Set<TableRow>();
  const decimals = tableDecimals(table);
  const halfUlp = new Decimal(0.5).times(new Decimal(10).pow(-decimals)).times(unitFactor(table.unit));
  const roles = table.columns.filter((c) => c.role && AMOUNT_ROLES.has(c.role) && c.role !== "statedDiff").map((c) => c.role as ColumnRole);
  const fmt = (d: Decimal) => `${formatAmount(d, table.unit, Math.max(decimals, 2))}${table.unit}`;
  for (const { parent, children } of sumGroups(table)) {
    for (const role of roles) {
      const stated = parent.amounts[role];
      if (!stated || stated.bad || stated.value === null) continue; // a blank parent is a heading
      if (children.some((c) => c.amounts[role]?.bad)) continue; // an unreadable addend: already a finding
      const computed = sumMoney(children.map((c) => val(c.amounts[role])));
      const difference = stated.value.minus(computed);
      if (difference.isZero()) continue;
      const tolerance = halfUlp.times(children.length);
      const data = {
        name: parent.name,
        column: ROLE_LABELS[role],
        stated: fmt(stated.value),
        computed: fmt(computed),
        difference: fmt(difference),
        children: children.length,
        firstChild: children[0].cell,
        lastChild: children[children.length - 1].cell,
      };
      if (difference.abs().lte(tolerance)) {
        findings.push(finding("rounding", "info", table.sheet, stated.cell, data));
      } else {
        mismatched.add(parent);
        findings.push(finding("sum-mismatch", "error", table.sheet, stated.cell, data, difference.abs().toNumber()));
      }
    }
  }
  return mismatched;
}
