import { finding } from "../base/findings";
import type { Finding } from "../base/findings";
import { withinRounding, yuanString } from "../base/money";
import type { Fen } from "../base/money";
import { AMOUNT_ROLES, ROLE_LABELS } from "../recognise/column-roles";
import type { ColumnRole } from "../recognise/column-roles";
import { sumGroups } from "../recognise/hierarchy";
import type { SumGroup } from "../recognise/hierarchy";
import type { Table, TableRow } from "../recognise/table";
import type { Analysis } from "./analysis";
import { partsChecks } from "./row-parts";
import type { PartsCheck } from "./row-parts";
import { sangongGroups } from "./sangong";
import { statedChangesMended } from "./stated-rates";
import { childSum, tableDecimals } from "./variance";

/**
 * One mistyped cell often shows as two sum mismatches: 扶贫 typed 1313.82 for 1313.28 disagrees with its 项 below and with
 * its 类 above. This pass, run after the sum checks, looks for the one cell whose correction by a digit transposition or
 * one changed digit makes every sum it takes part in agree, and reports that cell with the likely value instead of the
 * mismatches it explains. When two cells could explain the same mismatch, it says nothing: the clerk gets the mismatches.
 */
export type SlipKind = "transposed" | "digit" | "zero";

/** How `to` differs from `from` in written digits (both ≥ 0, in 分: the unit's trailing zeros are the same on both), or null. */
export function digitSlip(from: number, to: number): SlipKind | null {
  const a = String(from);
  const b = String(to);
  // A 0 typed once too often or left out (180,000.00 as 1,800,000.00): exactly ten times, the one added or dropped digit
  // that is not matched by chance.
  // A figure of one significant digit (1万元, 20万元) is ten times another too easily by chance: not said of those.
  if (from > 0 && to > 0 && (from === to * 10 || to === from * 10))
    return String(Math.min(from, to)).replace(/0+$/, "").length >= 2 ? "zero" : null;
  // Otherwise the same number of digits: another dropped or added digit is too easy to match by chance.
  if (from === to || from < 0 || to < 0 || a.length !== b.length) return null;
  const differ: number[] = [];
  for (let i = 0; i < a.length && differ.length <= 2; i++) if (a[i] !== b[i]) differ.push(i);
  if (differ.length === 1) return "digit";
  if (differ.length === 2 && differ[1] === differ[0] + 1 && a[differ[0]] === b[differ[1]] && a[differ[1]] === b[differ[0]])
    return "transposed";
  return null;
}

interface GroupState {
  group: SumGroup;
  stated: Fen;
  computed: Fen;
  /** A real mismatch (not within rounding). */
  mismatch: boolean;
}

interface Candidate {
  row: TableRow;
  role: ColumnRole;
  value: Fen;
  likely: Fen;
  kind: SlipKind;
  resolves: GroupState[];
  /** Row totals of this row (合计 = 基本 + 项目) the correction also brings to agree: their parts-mismatch cells. */
  rowCells: string[];
  /** The row's stated 增减额 / 增减率 (三公 统计表) the correction also brings to agree. */
  changeCells: string[];
}

const summed = (t: Table): ColumnRole[] =>
  t.columns.filter((c) => c.role && AMOUNT_ROLES.has(c.role) && c.role !== "statedDiff").map((c) => c.role as ColumnRole);

function statesOf(table: Table, role: ColumnRole, decimals: number): GroupState[] {
  const states: GroupState[] = [];
  // A 三公 table adds up by its identities, not by its nesting (see sangongGroups).
  for (const group of table.kind === "sangong" ? sangongGroups(table) : sumGroups(table)) {
    const stated = group.parent.amounts[role];
    if (!stated || stated.bad || stated.value === null) continue;
    const { computed, filled, bad } = childSum(group.children, role);
    if (bad) continue;
    const difference = stated.value - computed;
    const mismatch = difference !== 0 && !withinRounding(difference, filled + 1, table.unit, decimals);
    states.push({ group, stated: stated.value, computed, mismatch });
  }
  return states;
}

/** The one correction of `row` that makes every group it is in add up exactly, if a digit slip gives it. */
function candidateFor(row: TableRow, role: ColumnRole, states: GroupState[], table: Table, checks: PartsCheck[]): Candidate | null {
  const value = row.amounts[role]?.value;
  if (value === null || value === undefined || row.amounts[role]?.bad) return null;
  let likely: Fen | null = null;
  const resolves: GroupState[] = [];
  // `states`: the groups this row is in (as parent or child), in table order.
  for (const st of states) {
    const asParent = st.group.parent === row;
    const needed = asParent ? st.computed : value + (st.stated - st.computed);
    if (likely !== null && needed !== likely) return null;
    likely = needed;
    if (st.mismatch) resolves.push(st);
  }
  if (likely === null || likely === value || resolves.length === 0) return null;
  if (Math.sign(likely) * Math.sign(value) < 0) return null;
  const rowCells = rowTotalsResolved(row, role, likely, table, checks);
  if (rowCells === null) return null;
  const kind = digitSlip(Math.abs(value), Math.abs(likely));
  if (!kind) return null;
  // A correction that would break the row's stated 增减额 or 增减率 is no correction; one that mends them is likelier still.
  const changeCells = statedChangesMended(table, row, { role, value: likely });
  return changeCells ? { row, role, value, likely, kind, resolves, rowCells, changeCells } : null;
}

/**
 * The row's own totals across its columns must agree with the correction too: a slip in 基本支出 that its column's sums
 * point to, but that would break 合计 = 基本 + 项目 on its row, is no slip (null). Returns the row totals it mends.
 */
function rowTotalsResolved(row: TableRow, role: ColumnRole, likely: Fen, table: Table, checks: PartsCheck[]): string[] | null {
  const mended: string[] = [];
  const decimals = tableDecimals(table);
  for (const { total, parts } of checks) {
    const totalRole = total.role as ColumnRole;
    const partRoles = parts.map((p) => p.role as ColumnRole);
    if (totalRole !== role && !partRoles.includes(role)) continue;
    const cells = [row.amounts[totalRole], ...partRoles.map((r) => row.amounts[r])];
    if (cells.some((a) => a?.bad)) continue;
    const stated = row.amounts[totalRole]?.value ?? 0;
    const computed = partRoles.reduce((a, r) => a + (row.amounts[r]?.value ?? 0), 0);
    const after = totalRole === role ? likely - computed : stated - (computed - (row.amounts[role]?.value ?? 0) + likely);
    const addends = parts.length + 1;
    if (!withinRounding(after, addends, table.unit, decimals)) return null;
    const cell = row.amounts[totalRole]?.cell;
    if (cell && !withinRounding(stated - computed, addends, table.unit, decimals)) mended.push(cell);
  }
  return mended;
}

function slipsIn(table: Table): Candidate[] {
  const decimals = tableDecimals(table);
  const checks = partsChecks(table);
  const found: Candidate[] = [];
  for (const role of summed(table)) {
    const states = statesOf(table, role, decimals);
    const mismatched = states.filter((s) => s.mismatch);
    if (mismatched.length === 0) continue;
    const rows = new Set<TableRow>();
    for (const s of mismatched) for (const r of [s.group.parent, ...s.group.children]) rows.add(r);
    // Each row's groups, found once: a row is never searched for among the children of every group (rows × groups).
    const statesOfRow = new Map<TableRow, GroupState[]>();
    const add = (r: TableRow, st: GroupState) => {
      if (!rows.has(r)) return;
      const list = statesOfRow.get(r);
      if (list) list.push(st);
      else statesOfRow.set(r, [st]);
    };
    for (const st of states) {
      add(st.group.parent, st);
      for (const c of st.group.children) add(c, st);
    }
    const candidates = [...rows]
      .map((r) => candidateFor(r, role, statesOfRow.get(r) ?? [], table, checks))
      .filter((c): c is Candidate => c !== null);
    // Never guess: a mismatch two cells could explain is left as it is, unless one of them explains every mismatch the
    // other does and more (a 小计 slip breaks its parts' sum and the 合计 above; its part alone would mend only the first).
    const explainers = new Map<GroupState, Candidate[]>();
    for (const c of candidates) for (const s of new Set(c.resolves)) explainers.set(s, [...(explainers.get(s) ?? []), c]);
    for (const c of candidates) {
      const rivals = new Set(c.resolves.flatMap((s) => explainers.get(s) as Candidate[]));
      rivals.delete(c);
      if ([...rivals].every((d) => explainsMore(c, d))) found.push(c);
    }
  }
  return found;
}

/** Whether `c` mends every mismatch `d` mends, and more. */
function explainsMore(c: Candidate, d: Candidate): boolean {
  const mine = new Set(c.resolves);
  return d.resolves.every((s) => mine.has(s)) && mine.size > new Set(d.resolves).size;
}

/**
 * Replaces the sum mismatches a single mistyped cell explains with one `digit-slip` finding at that cell, and flags its
 * line. Returns the analysis with the new findings (the tables and lines are the same objects).
 */
export function findDigitSlips<A extends Analysis>(analysis: A): A {
  const slips = analysis.tables.flatMap((t) => slipsIn(t).map((c) => ({ table: t, c })));
  if (slips.length === 0) return analysis;
  const explained = new Set<string>();
  const explainedRows = new Set<string>();
  const explainedChanges = new Set<string>();
  const added: Finding[] = [];
  const slipRows = new Set(slips.map((s) => s.c.row));
  const linesOf = new Map<TableRow, Analysis["lines"]>();
  for (const line of analysis.lines) {
    if (!slipRows.has(line.row)) continue;
    const list = linesOf.get(line.row);
    if (list) list.push(line);
    else linesOf.set(line.row, [line]);
  }
  for (const { table, c } of slips) {
    const cells = c.resolves.map((s) => s.group.parent.amounts[c.role]!.cell);
    const others = c.resolves.filter((x) => x.group.parent !== c.row);
    for (const cell of cells) explained.add(`${table.sheet}!${cell}`);
    for (const cell of c.rowCells) explainedRows.add(`${table.sheet}!${cell}`);
    for (const cell of c.changeCells) explainedChanges.add(`${table.sheet}!${cell}`);
    const data = {
      name: c.row.name,
      column: ROLE_LABELS[c.role],
      stated: yuanString(c.value),
      likely: yuanString(c.likely),
      kind: c.kind,
      mismatches: cells.length + c.rowCells.length + c.changeCells.length,
      // The cell itself as the total of its own lines, the totals above it (name and cell, in order), and its row's total.
      own: others.length < c.resolves.length,
      // One name per line: a name may hold "、" itself (3、公务用车费), never a line break (see slipMends).
      totals: others.map((x) => x.group.parent.name.replace(/\s*\n\s*/g, " ")).join("\n"),
      cells: others.map((x) => x.group.parent.amounts[c.role]!.cell).join("、"),
      row: c.rowCells.length > 0,
      ...(c.changeCells.length > 0 ? { changes: c.changeCells.join("、") } : {}),
    };
    added.push(finding("digit-slip", "error", table.sheet, c.row.amounts[c.role]!.cell, data, Math.abs(c.value - c.likely)));
    for (const line of linesOf.get(c.row) ?? []) {
      if (!line.flags.includes("digit-slip")) line.flags.push("digit-slip");
      // Over budget only by the slip: corrected, the line is within its budget.
      if (c.role === "actual" && line.budget !== null && c.likely <= line.budget)
        line.flags = line.flags.filter((x) => x !== "over-budget");
    }
  }
  const kept = analysis.findings.filter(
    (f) =>
      !(f.rule === "sum-mismatch" && explained.has(`${f.sheet}!${f.cell}`)) &&
      !(f.rule === "parts-mismatch" && explainedRows.has(`${f.sheet}!${f.cell}`)) &&
      !((f.rule === "change-mismatch" || f.rule === "rate-mismatch") && explainedChanges.has(`${f.sheet}!${f.cell}`)),
  );
  // A line marked 合计不符 for a mismatch the slip explains, with no other one left on its row, is no longer marked so.
  const mismatchCells = new Set(
    kept.filter((f) => f.rule === "sum-mismatch" || f.rule === "parts-mismatch").map((f) => `${f.sheet}!${f.cell}`),
  );
  for (const line of analysis.lines) {
    if (!line.flags.includes("sum-mismatch")) continue;
    const cells = Object.values(line.row.amounts).map((a) => `${line.sheet}!${a?.cell}`);
    if (!cells.some((cell) => mismatchCells.has(cell))) line.flags = line.flags.filter((x) => x !== "sum-mismatch");
  }
  return { ...analysis, findings: [...added, ...kept] };
}
