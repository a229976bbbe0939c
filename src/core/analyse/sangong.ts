import { finding } from "../base/findings";
import type { Finding } from "../base/findings";
import { percentString, rateBp, sumFen, withinRounding, yuanString } from "../base/money";
import type { Bp, Fen } from "../base/money";
import { SANGONG_LABELS, sangongKeyOf } from "../recognise/sangong-vocabulary";
import type { RelatedKey, SangongKey } from "../recognise/sangong-vocabulary";
import type { SumGroup } from "../recognise/hierarchy";
import type { AmountCell, Table, TableRow } from "../recognise/table";
import type { ColumnRole } from "../recognise/column-roles";
import { parseNumberText } from "../read/number-parser";
import { budgetRoleOf, checkGroupSums, foldOneCellFixes, summedRoles, tableDecimals, unitSuspect, yuanOnWanSheet } from "./variance";
import type { Mismatch } from "./variance";

export interface SangongItem {
  key: SangongKey | RelatedKey;
  item: string; // the name as written
  sheet: string;
  cell: string | null; // null when the total is computed because the table has no total row
  cells: { actual?: string; previous?: string; budget?: string };
  actual: Fen | null;
  previous: Fen | null;
  budget: Fen | null;
  yoyDiff: Fen | null;
  yoyRate: Bp | null;
  budgetDiff: Fen | null;
  completionRate: Bp | null;
  share: Bp | null;
  flags: string[];
  /** Source amounts, for output sheets (absent for a computed total). */
  sources: { actual?: AmountCell; previous?: AmountCell; budget?: AmountCell };
  /** The sheet of the 上年 figure when another 三公 table of the workbook gives it (see borrowPrevious). */
  previousSheet?: string;
}

export interface SangongResult {
  tableId: string;
  unit: string;
  total: SangongItem;
  items: SangongItem[];
  related: SangongItem[];
}

function value(a: AmountCell | undefined): Fen | null {
  if (!a || a.bad) return null;
  return a.value ?? 0;
}

function itemFrom(key: SangongKey | RelatedKey, row: TableRow, table: Table): SangongItem {
  const budgetRole = budgetRoleOf(table);
  const actualCell = row.amounts.actual;
  const previousCell = row.amounts.previous;
  const budgetCell = budgetRole ? row.amounts[budgetRole] : undefined;
  return compute({
    key,
    item: row.name,
    sheet: table.sheet,
    cell: row.cell,
    cells: { actual: actualCell?.cell, previous: previousCell?.cell, budget: budgetCell?.cell },
    sources: { actual: actualCell, previous: table.roles.previous ? previousCell : undefined, budget: budgetCell },
    actual: value(actualCell),
    previous: table.roles.previous ? value(previousCell) : null,
    budget: budgetRole ? value(budgetCell) : null,
  });
}

type ItemBase = Pick<SangongItem, "key" | "item" | "sheet" | "cell" | "cells" | "sources" | "actual" | "previous" | "budget">;

function compute(base: ItemBase): SangongItem {
  const { actual, previous, budget } = base;
  const yoyDiff = actual !== null && previous !== null ? actual - previous : null;
  const budgetDiff = actual !== null && budget !== null ? actual - budget : null;
  return {
    ...base,
    yoyDiff,
    yoyRate: rateBp(yoyDiff, previous),
    budgetDiff,
    completionRate: rateBp(actual, budget),
    share: null,
    flags: [],
  };
}

/**
 * The 三公 identities as sum groups of a 三公 table's rows (合计 ← 出国 + 车 + 接待, 车 ← 购置 + 运行), for the digit-slip
 * search. The table's nesting cannot give them: forms write "其中：1.公务用车购置费" over the first part only, which makes
 * it a breakdown and leaves 运行费 the car's one child. The rows each item is read from are those `analyzeSangong` reads.
 */
export function sangongGroups(table: Table): SumGroup[] {
  const byKey = rowsByKey(table);
  const groups: SumGroup[] = [];
  const identity = (parent: SangongKey, parts: SangongKey[]) => {
    const rows = parts.map((k) => byKey.get(k));
    const head = byKey.get(parent);
    if (head && rows.every((r) => r !== undefined)) groups.push({ parent: head, children: rows as TableRow[] });
  };
  identity("total", ["abroad", "car", "reception"]);
  identity("car", ["carPurchase", "carRun"]);
  return groups;
}

/** Picks the 三公 table (a table of kind sangong first) and compares each item with last year and budget. */
export function analyzeSangong(tables: Table[], findings: Finding[]): SangongResult | null {
  const candidates = [...tables.filter((t) => t.kind === "sangong"), ...tables.filter((t) => t.kind !== "sangong")];
  for (const table of candidates) {
    // A 决算 table, or a 三公 table of 预算 figures only (部门预算公开's 三公 table).
    if (!table.roles.actual && !(table.kind === "sangong" && budgetRoleOf(table))) continue;
    const byKey = new Map<SangongKey | RelatedKey, SangongItem>();
    for (const [key, row] of rowsByKey(table)) byKey.set(key, itemFrom(key, row, table));
    const main = (["abroad", "car", "reception"] as const).filter((k) => byKey.has(k));
    if (main.length < 2 && !byKey.has("total")) continue;
    unfilledColumns(byKey);
    if (!table.roles.previous) borrowPrevious(byKey, table, tables);
    if (!byKey.has("car") && byKey.has("carPurchase") && byKey.has("carRun")) {
      byKey.set("car", computedSum("car", [byKey.get("carPurchase")!, byKey.get("carRun")!], table.sheet));
    }
    return finish(table, byKey, findings);
  }
  return null;
}

/** The row each 三公 item is read from: the first of its name; a bare 合计 only inside a 三公 table. */
function rowsByKey(table: Table): Map<SangongKey | RelatedKey, TableRow> {
  const out = new Map<SangongKey | RelatedKey, TableRow>();
  for (const row of table.rows) {
    let key = sangongKeyOf(row.name);
    if (key === null && row.isTotal && table.kind === "sangong") key = "total";
    if (key === null || out.has(key)) continue;
    if (key === "total" && table.kind !== "sangong" && !/三公/.test(row.name)) continue;
    out.set(key, row);
  }
  return out;
}

/**
 * A column left blank for every item (a 公开09 whose 预算数 half was not filled in) states no figure: each item's is unknown,
 * not 0 — never "预算 0.00万元" and a 决算 over budget by all of itself. A dash, or one filled cell, is a figure.
 */
function unfilledColumns(byKey: Map<SangongKey | RelatedKey, SangongItem>): void {
  for (const field of ["actual", "previous", "budget"] as const) {
    const cells = [...byKey.values()].map((i) => i.sources[field]).filter((a): a is AmountCell => a !== undefined);
    if (cells.length === 0 || cells.some((a) => a.value !== null || a.dash || a.bad)) continue;
    for (const [key, item] of byKey) byKey.set(key, compute({ ...item, [field]: null }));
  }
}

/**
 * A 三公 table without 上年 figures (公开09: 预算 | 决算) beside another 三公 table of the workbook that has them (本年 | 上年):
 * when the other's 本年 figures are this table's 决算, item for item (two at least, every one equal, the same unit), its
 * 上年 figures are this table's last year, read from their cells there.
 */
function borrowPrevious(byKey: Map<SangongKey | RelatedKey, SangongItem>, table: Table, tables: Table[]): void {
  for (const other of tables) {
    if (other === table || other.kind !== "sangong" || !other.roles.previous || !other.roles.actual || other.unit !== table.unit) continue;
    const rows = rowsByKey(other);
    let compared = 0;
    let agree = true;
    for (const [key, item] of byKey) {
      const row = rows.get(key);
      const theirs = row ? value(row.amounts.actual) : null;
      if (item.actual === null || theirs === null) continue;
      compared++;
      if (theirs !== item.actual) agree = false;
    }
    if (!agree || compared < 2) continue;
    for (const [key, item] of byKey) {
      const source = rows.get(key)?.amounts.previous;
      const previous = value(source);
      if (!source || previous === null) continue;
      byKey.set(key, {
        ...compute({ ...item, cells: { ...item.cells, previous: source.cell }, sources: { ...item.sources, previous: source }, previous }),
        previousSheet: other.sheet,
      });
    }
    return;
  }
}

function computedSum(key: SangongKey, parts: SangongItem[], sheet: string): SangongItem {
  const sum = (pick: (i: SangongItem) => Fen | null) => (parts.some((p) => pick(p) === null) ? null : sumFen(parts.map(pick)));
  const base: ItemBase = {
    key,
    item: SANGONG_LABELS[key],
    sheet,
    cell: null,
    cells: {},
    sources: {},
    actual: null,
    previous: null,
    budget: null,
  };
  return compute({ ...base, actual: sum((i) => i.actual), previous: sum((i) => i.previous), budget: sum((i) => i.budget) });
}

const FIELD_LABEL = { actual: "决算", previous: "上年", budget: "预算" } as const;

function finish(table: Table, byKey: Map<SangongKey | RelatedKey, SangongItem>, findings: Finding[]): SangongResult {
  const parts = (["abroad", "car", "reception"] as const).map((k) => byKey.get(k)).filter((x): x is SangongItem => !!x);
  const total = byKey.get("total") ?? computedSum("total", parts, table.sheet);
  const decimals = tableDecimals(table);

  // 三公 = 出国 + 车 + 接待; 车 = 购置 + 运行. Checked on every column that has figures.
  const carParts = (["carPurchase", "carRun"] as const).map((k) => byKey.get(k)).filter((x): x is SangongItem => !!x);
  const identities: [SangongItem | undefined, SangongItem[]][] = [
    [byKey.has("total") ? total : undefined, parts.length === 3 ? parts : []],
    [byKey.get("car")?.cell ? byKey.get("car") : undefined, carParts],
  ];
  const found: Mismatch<SangongItem>[] = [];
  const rows = rowsByKey(table);
  for (const [parent, children] of identities) {
    if (!parent || children.length < 2) continue;
    for (const field of ["actual", "previous", "budget"] as const) {
      const stated = parent[field];
      const cell = parent.cells[field];
      if (stated === null || !cell || children.some((c) => c[field] === null)) continue;
      const computed = sumFen(children.map((c) => c[field]));
      const difference = stated - computed;
      if (difference === 0) continue;
      const within = withinRounding(difference, children.length, table.unit, decimals);
      const data = {
        name: parent.item,
        column: FIELD_LABEL[field],
        stated: yuanString(stated),
        computed: yuanString(computed),
        difference: yuanString(difference),
        children: children.length,
      };
      const sheet = field === "previous" ? (parent.previousSheet ?? table.sheet) : table.sheet;
      // 1372万元 typed as 13720000 on a 万元 sheet: said at that cell, beside the total it upsets.
      const role = field === "budget" ? budgetRoleOf(table) : field;
      const lines = children.map((c) => rows.get(c.key));
      const suspect =
        !within && role && sheet === table.sheet && lines.every((l) => l !== undefined)
          ? yuanOnWanSheet(table, role, lines as TableRow[], stated, computed, decimals)
          : null;
      if (suspect && role) findings.push(unitSuspect(table, role, suspect, cell));
      const said = suspect ? { ...data, suspect: suspect.cell } : data;
      const f = finding(within ? "rounding" : "sum-mismatch", within ? "info" : "error", sheet, cell, said, Math.abs(difference));
      findings.push(f);
      if (!within) found.push({ parent, children, column: field, difference, finding: f });
    }
  }
  foldOneCellFixes(found, findings, (item) => item.item);
  // The table's other money columns (其中：一般公共预算安排数 beside the 预算数): the same identities, on their own figures.
  const read = new Set<ColumnRole | null>(["actual", "previous", budgetRoleOf(table)]);
  const others = summedRoles(table).filter((r) => !read.has(r));
  if (others.length > 0) checkGroupSums(table, sangongGroups(table), others, findings);

  const items = (["abroad", "car", "carPurchase", "carRun", "reception"] as const)
    .map((k) => byKey.get(k))
    .filter((x): x is SangongItem => !!x);
  for (const item of [total, ...items]) {
    if (total.actual !== null && item.actual !== null) item.share = rateBp(item.actual, total.actual);
    if (item.yoyDiff !== null && item.yoyDiff > 0) {
      item.flags.push("sangong-increase");
      const cell = item.cells.actual ?? item.cell ?? table.range.split(":")[0];
      const data = {
        name: item.item,
        actual: yuanString(item.actual),
        previous: yuanString(item.previous),
        yoyDiff: yuanString(item.yoyDiff),
        yoyRate: percentString(item.yoyRate),
      };
      findings.push(finding("sangong-increase", "warning", table.sheet, cell, data));
    }
  }
  statedIncreases(table, [total, ...items], findings);
  const related = (["meeting", "training", "office", "operation"] as const).map((k) => byKey.get(k)).filter((x): x is SangongItem => !!x);
  return { tableId: table.id, unit: table.unit, total, items, related };
}

/**
 * A 三公 table without 上年 figures that states each item's change in percent (龙泉 2018: 2018年决算数 | 比上年增减（%））: an
 * item it says grew is an increase all the same, said with the rate as written.
 */
function statedIncreases(table: Table, items: SangongItem[], findings: Finding[]): void {
  const rateCol = table.roles.statedRate;
  if (table.roles.previous || !rateCol || !/比上年|增减|增长|同比|变动/.test(rateCol.header) || /预算/.test(rateCol.header)) return;
  const rows = rowsByKey(table);
  for (const item of items) {
    const stated = rows.get(item.key)?.amounts.statedRate;
    const parsed = stated?.raw ? parseNumberText(stated.raw) : null;
    if (!stated || parsed?.kind !== "number" || parsed.unit !== null || !/^[1-9]|^0\.\d*[1-9]/.test(parsed.decimal)) continue;
    item.flags.push("sangong-increase");
    // A number typed as text is a percent as written ("79.1"); a number cell's scale is its format's (0.791 may show 79.1%).
    const rate = !stated.text ? "" : parsed.percent ? stated.raw.trim() : `${parsed.decimal}%`;
    // A 预算 table (部门预算公开) states this year's budget against last year's: both are named as what they are.
    const budgetOnly = item.actual === null && item.budget !== null;
    const previousBudget = budgetOnly ? rows.get(item.key)?.amounts.previousBudget : undefined;
    findings.push(
      finding("sangong-increase", "warning", table.sheet, stated.cell, {
        name: item.item,
        actual: yuanString(budgetOnly ? item.budget : item.actual),
        ...(budgetOnly ? { budgetOnly: true } : {}),
        ...(previousBudget && !previousBudget.bad && previousBudget.value !== null ? { previous: yuanString(previousBudget.value) } : {}),
        statedRate: rate,
      }),
    );
  }
}
