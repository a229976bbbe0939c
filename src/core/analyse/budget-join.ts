import { squash } from "../base/text";
import type { AmountCell, Table, TableRow } from "../recognise/table";

/**
 * 预算 and 决算 held in different tables — two sheets of a workbook, or two workbooks — joined line by line: the 决算 of a
 * 科目 is compared with its 年初预算 from the budget tables, by 科目编码 (or by the line's name where the forms give none,
 * as the totals). Which budget table a 决算 form compares with is data; a unit's own tables pair when they share codes.
 */
const PAIRS: Record<string, { budget: string; rank: number }> = {
  // rank: where a variance is reported when several forms hold the same 科目. 0: 公开05/08 by 项 within one fund (what
  // the 决算说明 explains), 公开06 by 经济分类; 1: 公开03, all funds; 2: the 类 lines of the summary forms 公开01/04.
  "final-05": { budget: "budget-05", rank: 0 },
  "final-08": { budget: "budget-08", rank: 0 },
  "final-06": { budget: "budget-06", rank: 0 },
  "final-03": { budget: "budget-03", rank: 1 },
  "final-01": { budget: "budget-01", rank: 2 },
  "final-04": { budget: "budget-04", rank: 2 },
};

/** The budget of a 决算 line from its budget table; `cell` null when the budget table has no such line (a 科目 with no 年初预算). */
export interface JoinedBudget {
  cell: AmountCell | null;
  sheet: string;
  tableId: string;
  /**
   * Whether a variance of this line is a finding. The same 科目 compared in three forms is one thing for the clerk to
   * explain: it is reported once, in the most specific form that holds it; an income line is never a spending finding.
   */
  report: boolean;
}

const lineKey = (name: string) => squash(name).replace(/^[一二三四五六七八九十]+[、.．]/, "");

function partnerOf(final: Table, budgets: Table[]): Table[] {
  const form = final.form ? PAIRS[final.form]?.budget : undefined;
  if (form) {
    return budgets.filter((b) => b.form === form && (final.side === null || (b.side ?? "").slice(0, 2) === final.side.slice(0, 2)));
  }
  // A unit's own tables: a budget table with the same kind of codes, sharing at least half of this table's codes.
  const codes = new Set(final.rows.map((r) => r.code).filter((c): c is string => c !== null));
  if (codes.size === 0) return [];
  return budgets.filter((b) => {
    if (b.codeScheme !== final.codeScheme || b.form) return false;
    const shared = b.rows.filter((r) => r.code && codes.has(r.code)).length;
    return shared * 2 >= codes.size;
  });
}

export function joinBudgets(tables: Table[]): Map<TableRow, JoinedBudget> {
  const joined = new Map<TableRow, JoinedBudget & { rank: number }>();
  const budgets = tables.filter((t) => t.basis === "budget" && t.roles.budget);
  for (const final of tables) {
    if (final.basis !== "final" || !final.roles.actual || final.roles.budget || final.roles.budgetInitial || final.roles.budgetFinal)
      continue;
    const partners = partnerOf(final, budgets);
    if (partners.length === 0) continue;
    const rank = final.form ? (PAIRS[final.form]?.rank ?? 0) : 0;
    const income = (final.side ?? "").startsWith("收入");
    const byCode = new Map<string, { row: TableRow; table: Table }>();
    const byName = new Map<string, { row: TableRow; table: Table }>();
    for (const table of partners) {
      for (const row of table.rows) {
        if (row.code && !byCode.has(row.code)) byCode.set(row.code, { row, table });
        if (!row.code && !byName.has(lineKey(row.name))) byName.set(lineKey(row.name), { row, table });
      }
    }
    for (const row of final.rows) {
      const match = row.code ? byCode.get(row.code) : byName.get(lineKey(row.name));
      const cell = match?.row.amounts.budget;
      const report = !income;
      if (match && cell && !cell.bad) joined.set(row, { cell, sheet: match.table.sheet, tableId: match.table.id, report, rank });
      // A budget table lists only what was budgeted: a coded 科目 it does not list had no 年初预算.
      else if (!match && row.code) joined.set(row, { cell: null, sheet: partners[0].sheet, tableId: partners[0].id, report, rank });
    }
  }
  // Once per 科目: a code compared in a more specific form is reported there; the 类 lines of 公开01/04 only when no
  // coded form was joined at all.
  const ranksOf = new Map<string, number>();
  let coded = false;
  for (const [row, j] of joined) {
    if (!row.code) continue;
    coded = true;
    ranksOf.set(row.code, Math.min(ranksOf.get(row.code) ?? Infinity, j.rank));
  }
  const out = new Map<TableRow, JoinedBudget>();
  for (const [row, { rank, ...j }] of joined) {
    const better = row.code ? (ranksOf.get(row.code) ?? rank) < rank : rank >= 2 && coded;
    out.set(row, { ...j, report: j.report && !better });
  }
  return out;
}
