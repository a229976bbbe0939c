import { squash } from "../base/text";
import type { AmountCell, Table, TableRow } from "../recognise/table";

/**
 * 预算 and 决算 held in different tables — two sheets of a workbook, or two workbooks — joined line by line: the 决算 of a
 * 科目 is compared with its 年初预算 from the budget tables, by 科目编码 (or by the line's name where the forms give none,
 * as the totals). Which budget table a 决算 form compares with is data; a unit's own tables pair when they share codes.
 */
const PAIRS: Record<string, string> = {
  "final-05": "budget-05",
  "final-03": "budget-03",
  "final-06": "budget-06",
  "final-08": "budget-08",
  "final-01": "budget-01",
  "final-04": "budget-04",
};

/** The budget of a 决算 line from its budget table; `cell` null when the budget table has no such line (a 科目 with no 年初预算). */
export interface JoinedBudget {
  cell: AmountCell | null;
  sheet: string;
  tableId: string;
}

const lineKey = (name: string) => squash(name).replace(/^[一二三四五六七八九十]+[、.．]/, "");

function partnerOf(final: Table, budgets: Table[]): Table[] {
  const form = final.form ? PAIRS[final.form] : undefined;
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
  const joined = new Map<TableRow, JoinedBudget>();
  const budgets = tables.filter((t) => t.basis === "budget" && t.roles.budget);
  for (const final of tables) {
    if (final.basis !== "final" || !final.roles.actual || final.roles.budget || final.roles.budgetInitial || final.roles.budgetFinal)
      continue;
    const partners = partnerOf(final, budgets);
    if (partners.length === 0) continue;
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
      if (match && cell && !cell.bad) joined.set(row, { cell, sheet: match.table.sheet, tableId: match.table.id });
      // A budget table lists only what was budgeted: a coded 科目 it does not list had no 年初预算.
      else if (!match && row.code) joined.set(row, { cell: null, sheet: partners[0].sheet, tableId: partners[0].id });
    }
  }
  return joined;
}
