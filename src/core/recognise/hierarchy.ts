import type { Table, TableRow } from "./table";

/**
 * Parent → children of a table, so every sum is checked once and nothing is counted twice:
 * 类 ← 款 ← 项 by code prefix (301 ← 30101), otherwise by level; "其中" rows are a breakdown, not addends.
 * Totals, in the order the forms print them:
 * - 合计 / 小计 sums the top-level lines since the previous total (本年收入合计 = 一 … 八);
 * - a 合计 printed first (收入决算表, 支出决算表) sums the top-level lines after it;
 * - a 合计 right after 小计s sums those 小计s;
 * - 总计 is the 合计 before it plus the lines between them (本年收入合计 + 使用非财政拨款结余 + 年初结转和结余).
 */
export interface SumGroup {
  parent: TableRow;
  children: TableRow[];
}

/** Rows of a region at its own top level (the smallest level among them). */
function topLevel(rows: TableRow[]): TableRow[] {
  const addends = rows.filter((r) => !r.isTotal && !r.isPart && !r.isCount);
  let min = Infinity;
  for (const r of addends) if (r.level < min) min = r.level;
  return addends.filter((r) => r.level === min);
}

export function sumGroups(table: Table): SumGroup[] {
  const cached = GROUPS.get(table);
  if (cached) return cached;
  // Counts (团组数, 保有量) are never added to money.
  const rows = table.rows.filter((r) => !r.isCount);
  const groups: SumGroup[] = [];
  // The lengths the codes come in (3, 5, 7): a prefix of any other length cannot be a code, and is never cut out. Only
  // codes shorter than the longest can stand between a parent and a child: the set holds those (the 类 and 款 of a
  // 100,000-line table, not its every 项).
  const lengths = new Set<number>();
  let longest = 0;
  for (const r of rows) if (r.code && !r.isPart && r.code.length > longest) longest = r.code.length;
  const codes = new Set<string>();
  for (const r of rows) {
    if (!r.code || r.isPart) continue;
    lengths.add(r.code.length);
    if (r.code.length < longest) codes.add(r.code);
  }

  // Code prefix (类/款/项, 301/30101) or level nesting for rows without codes. Linear in the rows below each parent.
  for (let i = 0; i < rows.length; i++) {
    const parent = rows[i];
    if (parent.isTotal || parent.isPart) continue;
    const children: TableRow[] = [];
    let shallowest = Infinity;
    if (!parent.code) {
      for (let j = i + 1; j < rows.length && !rows[j].isTotal && rows[j].level > parent.level; j++) {
        if (!rows[j].isPart) shallowest = Math.min(shallowest, rows[j].level);
      }
    }
    for (let j = i + 1; j < rows.length; j++) {
      const row = rows[j];
      if (row.isTotal) break;
      if (row.isPart) continue;
      if (parent.code && row.code) {
        if (!row.code.startsWith(parent.code)) break;
        if (isDirectChildCode(parent.code, row.code, codes, lengths)) children.push(row);
      } else {
        if (row.level <= parent.level) break;
        // Indentation can skip a step (level 1 → 3): the shallowest rows under a parent are its children.
        if (row.level === shallowest) children.push(row);
      }
    }
    if (children.length > 0) groups.push({ parent, children });
  }

  let previous = -1; // index of the previous total row
  let lastTotal: TableRow | null = null; // the previous 合计 (not 小计, not 总计)
  let subtotals: TableRow[] = [];
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    if (!row.isTotal) continue;
    const between = rows.slice(previous + 1, i);
    let children: TableRow[];
    if (row.totalKind === "grand") {
      children = [...(lastTotal ? [lastTotal] : []), ...topLevel(between)];
    } else if (between.some((r) => !r.isTotal && !r.isPart)) {
      children = topLevel(between);
    } else if (previous < 0) {
      // A 合计 printed before the lines it totals. Not when a 总计 closes them: they are what 总计 adds to the 合计 (公开01
      // cut to its lower block: 本年收入合计 | 使用非财政拨款结余 | 年初结转和结余 | 总计).
      const next = rows.findIndex((r, j) => j > i && r.isTotal);
      children = next >= 0 && rows[next].totalKind === "grand" ? [] : topLevel(rows.slice(i + 1, next < 0 ? rows.length : next));
    } else {
      children = row.totalKind === "total" ? subtotals : [];
    }
    if (children.length > 0) groups.push({ parent: row, children });
    if (row.totalKind === "subtotal") subtotals.push(row);
    if (row.totalKind === "total") {
      lastTotal = row;
      subtotals = [];
    }
    previous = i;
  }
  GROUPS.set(table, groups);
  return groups;
}

/** Tables are immutable once recognised: their groups are computed once (checks and leaves both need them). */
const GROUPS = new WeakMap<Table, SumGroup[]>();

function isDirectChildCode(parent: string, child: string, codes: Set<string>, lengths: Set<number>): boolean {
  if (child.length <= parent.length) return false;
  // A 项 under a 类 counts only when the table has no 款 between them.
  for (let len = parent.length + 1; len < child.length; len++) if (lengths.has(len) && codes.has(child.slice(0, len))) return false;
  return true;
}

/**
 * Rows with no children: where the detail (and the explanation) lives. A test rather than a set of the leaves: the
 * parents are few, and a set of a 100,000-line table's leaves would hash every row.
 */
export function leafTest(table: Table): (row: TableRow) => boolean {
  const parents = new Set(sumGroups(table).map((g) => g.parent));
  return (row) => !row.isTotal && !parents.has(row);
}
