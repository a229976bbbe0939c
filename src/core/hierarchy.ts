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
  const rows = table.rows;
  const groups: SumGroup[] = [];
  const addends = rows.filter((r) => !r.isTotal && !r.isPart);

  // Code prefix (类/款/项, 301/30101) or level nesting for rows without codes.
  for (let i = 0; i < rows.length; i++) {
    const parent = rows[i];
    if (parent.isTotal || parent.isPart) continue;
    const children: TableRow[] = [];
    for (let j = i + 1; j < rows.length; j++) {
      const row = rows[j];
      if (row.isTotal) break;
      if (row.isPart) continue;
      if (parent.code && row.code) {
        if (!row.code.startsWith(parent.code)) break;
        if (isDirectChildCode(parent.code, row.code, rows)) children.push(row);
      } else {
        if (row.level <= parent.level) break;
        if (row.level === parent.level + 1 || isShallowestBelow(rows, i, j)) children.push(row);
      }
    }
    if (children.length > 0) groups.push({ parent, children });
  }

  // Totals: 小计 rows sum the top-level rows since the previous 小计; 合计 sums the 小计s, or the top level.
  const minLevel = Math.min(...addends.map((r) => r.level), Infinity);
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
  return groups;
}

function isDirectChildCode(parent: string, child: string, rows: TableRow[]): boolean {
  if (child.length <= parent.length) return false;
  // A 项 under a 类 counts only when the table has no 款 between them.
  for (const r of rows) {
    if (r.code && r.code.length > parent.length && r.code.length < child.length && child.startsWith(r.code) && !r.isPart) return false;
  }
  return true;
}

function isShallowestBelow(rows: TableRow[], parentIndex: number, j: number): boolean {
  // Indentation can skip a step (level 1 → 3); the shallowest rows under a parent are its children.
  let min = Infinity;
  for (let k = parentIndex + 1; k < rows.length; k++) {
    const r = rows[k];
    if (r.isTotal || r.level <= rows[parentIndex].level) break;
    if (!r.isPart) min = Math.min(min, r.level);
  }
  return rows[j].level === min;
}

/** Rows with no children: where the detail (and the explanation) lives. */
export function leafRows(table: Table): Set<TableRow> {
  const parents = new Set(sumGroups(table).map((g) => g.parent));
  return new Set(table.rows.filter((r) => !parents.has(r) && !r.isTotal));
}
