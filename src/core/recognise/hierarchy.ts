import { minOf } from "../base/money";
import type { Table, TableRow } from "./table";

/**
 * Parent → children of a table, so every sum is checked once and nothing is counted twice:
 * 合计 ← top-level rows (or its 小计s), 类 ← 款 ← 项 by code prefix, otherwise by level.
 * "其中" rows are a breakdown, not addends, and are left out.
 */
export interface SumGroup {
  parent: TableRow;
  children: TableRow[];
}

export function sumGroups(table: Table): SumGroup[] {
  const cached = GROUPS.get(table);
  if (cached) return cached;
  const rows = table.rows;
  const groups: SumGroup[] = [];
  const addends = rows.filter((r) => !r.isTotal && !r.isPart);
  const codes = new Set(rows.filter((r) => r.code && !r.isPart).map((r) => r.code as string));

  // Code prefix (类/款/项, 301/30101) or level nesting for rows without codes. Linear in the rows below each parent.
  for (let i = 0; i < rows.length; i++) {
    const parent = rows[i];
    if (parent.isTotal || parent.isPart) continue;
    const children: TableRow[] = [];
    let shallowest = Infinity;
    if (!parent.code) {
      for (let j = i + 1; j < rows.length && !rows[j].isTotal && rows[j].level > parent.level; j++)
        if (!rows[j].isPart) shallowest = Math.min(shallowest, rows[j].level);
    }
    for (let j = i + 1; j < rows.length; j++) {
      const row = rows[j];
      if (row.isTotal) break;
      if (row.isPart) continue;
      if (parent.code && row.code) {
        if (!row.code.startsWith(parent.code)) break;
        if (isDirectChildCode(parent.code, row.code, codes)) children.push(row);
      } else {
        if (row.level <= parent.level) break;
        // Indentation can skip a step (level 1 → 3): the shallowest rows under a parent are its children.
        if (row.level === shallowest) children.push(row);
      }
    }
    if (children.length > 0) groups.push({ parent, children });
  }

  // Totals: 小计 rows sum the top-level rows since the previous 小计; 合计 sums the 小计s, or the top level.
  const minLevel = minOf(addends.map((r) => r.level));
  const subtotals = rows.filter((r) => r.totalKind === "subtotal");
  let since = 0;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    if (row.totalKind !== "subtotal") continue;
    const children = rows.slice(since, i).filter((r) => !r.isTotal && !r.isPart && r.level === minLevel);
    if (children.length > 0) groups.push({ parent: row, children });
    since = i + 1;
  }
  for (const row of rows) {
    if (row.totalKind !== "total") continue;
    const children = subtotals.length > 0 ? subtotals : addends.filter((r) => r.level === minLevel);
    if (children.length > 0) groups.push({ parent: row, children });
  }
  GROUPS.set(table, groups);
  return groups;
}

/** Tables are immutable once recognised: their groups are computed once (checks and leaves both need them). */
const GROUPS = new WeakMap<Table, SumGroup[]>();

function isDirectChildCode(parent: string, child: string, codes: Set<string>): boolean {
  if (child.length <= parent.length) return false;
  // A 项 under a 类 counts only when the table has no 款 between them.
  for (let len = parent.length + 1; len < child.length; len++) if (codes.has(child.slice(0, len))) return false;
  return true;
}

/** Rows with no children: where the detail (and the explanation) lives. */
export function leafRows(table: Table): Set<TableRow> {
  const parents = new Set(sumGroups(table).map((g) => g.parent));
  return new Set(table.rows.filter((r) => !parents.has(r) && !r.isTotal));
}
