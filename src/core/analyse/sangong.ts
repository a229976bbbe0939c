import { finding } from "../base/findings";
import type { Finding } from "../base/findings";
import { Decimal, formatAmount, percentRate, sumMoney, unitFactor } from "../base/money";
import type { Settings } from "../run/settings";
import type { AmountCell, Table, TableRow } from "../recognise/table";
import { budgetRoleOf, tableDecimals } from "./variance";

export type SangongKey = "total" | "abroad" | "car" | "carPurchase" | "carRun" | "reception";
export type RelatedKey = "meeting" | "training" | "office" | "operation";

export interface SangongItem {
  key: SangongKey | RelatedKey;
  item: string; // the name as written
  sheet: string;
  cell: string | null; // null when the total is computed because the table has no total row
  cells: { actual?: string; previous?: string; budget?: string };
  actual: Decimal | null;
  previous: Decimal | null;
  budget: Decimal | null;
  yoyDiff: Decimal | null;
  yoyRate: Decimal | null;
  budgetDiff: Decimal | null;
  completionRate: Decimal | null;
  share: Decimal | null;
  flags: string[];
  /** Source amounts, for output sheets (absent for a computed total). */
  sources: { actual?: AmountCell; previous?: AmountCell; budget?: AmountCell };
}

export interface SangongResult {
  tableId: string;
  unit: string;
  total: SangongItem;
  items: SangongItem[];
  related: SangongItem[];
}

export const SANGONG_LABELS: Record<SangongKey | RelatedKey, string> = {
  total: "“三公”经费合计",
  abroad: "因公出国（境）费",
  car: "公务用车购置及运行（维护）费",
  carPurchase: "公务用车购置费",
  carRun: "公务用车运行（维护）费",
  reception: "公务接待费",
  meeting: "会议费",
  training: "培训费",
  office: "办公经费",
  operation: "机关运行经费",
};

/** Name variants seen in 决算 tables, after numbering ("1.", "（一）", "其中：") and quotes are removed. */
export function sangongKeyOf(name: string): SangongKey | RelatedKey | null {
  const n = name
    .replace(/^([(（]?[一二三四五六七八九十\d]+[)）]?[、.．]?)/, "")
    .replace(/^其中[:：]?/, "")
    .replace(/[“”"'‘’「」]/g, "");
  if (/因公出国|出国\(境\)|出国（境）|出国经费/.test(n)) return "abroad";
  if (/公务接待/.test(n)) return "reception";
  if (/机关运行经费|行政经费/.test(n)) return "operation";
  if (/会议费/.test(n)) return "meeting";
  if (/培训费/.test(n)) return "training";
  if (/^办公(经)?费$|^办公经费/.test(n)) return "office";
  const car = /公务用车|公车|车辆/.test(n);
  if (car || /^(购置费|运行(维护)?费|运行维护费|维护费)$/.test(n)) {
    const purchase = /购置/.test(n);
    const run = /运行|维护|维修/.test(n);
    if (purchase && run) return "car";
    if (purchase) return "carPurchase";
    if (run) return "carRun";
    if (car) return "car";
  }
  if (/三公/.test(n) || /^(合计|总计)$/.test(n)) return "total";
  return null;
}

function value(a: AmountCell | undefined): Decimal | null {
  if (!a || a.bad) return null;
  return a.value ?? new Decimal(0);
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

function compute(base: Pick<SangongItem, "key" | "item" | "sheet" | "cell" | "cells" | "sources" | "actual" | "previous" | "budget">): SangongItem {
  const { actual, previous, budget } = base;
  const yoyDiff = actual !== null && previous !== null ? actual.minus(previous) : null;
  const budgetDiff = actual !== null && budget !== null ? actual.minus(budget) : null;
  return {
    ...base,
    yoyDiff,
    yoyRate: percentRate(yoyDiff, previous),
    budgetDiff,
    completionRate: percentRate(actual, budget),
    share: null,
    flags: [],
  };
}

/** Picks the 三公 table (a table of kind sangong first) and compares each item with last year and budget. */
export function analyzeSangong(tables: Table[], settings: Settings, findings: Finding[]): SangongResult | null {
  const candidates = [...tables.filter((t) => t.kind === "sangong"), ...tables.filter((t) => t.kind !== "sangong")];
  for (const table of candidates) {
    if (!table.roles.actual) continue;
    const byKey = new Map<SangongKey | RelatedKey, SangongItem>();
    for (const row of table.rows) {
      let key = sangongKeyOf(row.name);
      if (key === null && row.isTotal && table.kind === "sangong") key = "total";
      if (key === null || byKey.has(key)) continue;
      // A bare "合计" only means the 三公 total inside a 三公 table.
      if (key === "total" && table.kind !== "sangong" && !/三公/.test(row.name)) continue;
      byKey.set(key, itemFrom(key, row, table));
    }
    const main = (["abroad", "car", "reception"] as const).filter((k) => byKey.has(k));
    if (main.length < 2 && !byKey.has("total")) continue;
    if (!byKey.has("car") && byKey.has("carPurchase") && byKey.has("carRun")) {
      byKey.set("car", computedSum("car", [byKey.get("carPurchase")!, byKey.get("carRun")!], table.sheet));
    }
    return finish(table, byKey, settings, findings);
  }
  return null;
}

function computedSum(key: SangongKey, parts: SangongItem[], sheet: string): SangongItem {
  const sum = (pick: (i: SangongItem) => Decimal | null) => (parts.some((p) => pick(p) === null) ? null : sumMoney(parts.map(pick)));
  return compute({ key, item: SANGONG_LABELS[key], sheet, cell: null, cells: {}, sources: {}, actual: sum((i) => i.actual), previous: sum((i) => i.previous), budget: sum((i) => i.budget) });
}

function finish(table: Table, byKey: Map<SangongKey | RelatedKey, SangongItem>, settings: Settings, findings: Finding[]): SangongResult {
  const parts = (["abroad", "car", "reception"] as const).map((k) => byKey.get(k)).filter((x): x is SangongItem => !!x);
  const total = byKey.get("total") ?? computedSum("total", parts, table.sheet);
  const fmt = (d: Decimal) => `${formatAmount(d, settings.displayUnit, settings.decimals)}${settings.displayUnit}`;
  const unitHalf = new Decimal(0.5).times(new Decimal(10).pow(-tableDecimals(table))).times(unitFactor(table.unit));

  // 三公 = 出国 + 车 + 接待; 车 = 购置 + 运行. Checked on every column that has figures.
  const identities: [SangongItem | undefined, SangongItem[]][] = [
    [byKey.has("total") ? total : undefined, parts.length === 3 ? parts : []],
    [byKey.get("car")?.cell ? byKey.get("car") : undefined, ["carPurchase", "carRun"].map((k) => byKey.get(k as SangongKey)).filter((x): x is SangongItem => !!x)],
  ];
  for (const [parent, children] of identities) {
    if (!parent || children.length < 2) continue;
    for (const field of ["actual", "previous", "budget"] as const) {
      const stated = parent[field];
      const cell = parent.cells[field];
      if (stated === null || !cell || children.some((c) => c[field] === null)) continue;
      const computed = sumMoney(children.map((c) => c[field]));
      const difference = stated.minus(computed);
      if (difference.isZero()) continue;
      const within = difference.abs().lte(unitHalf.times(children.length));
      findings.push(
        finding(within ? "rounding" : "sum-mismatch", within ? "info" : "error", table.sheet, cell, {
          name: parent.item,
          column: field === "actual" ? "决算" : field === "previous" ? "上年" : "预算",
          stated: fmt(stated),
          computed: fmt(computed),
          difference: fmt(difference),
          children: children.length,
        }),
      );
    }
  }

  const items = (["abroad", "car", "carPurchase", "carRun", "reception"] as const).map((k) => byKey.get(k)).filter((x): x is SangongItem => !!x);
  for (const item of [total, ...items]) {
    if (total.actual !== null && item.actual !== null) item.share = percentRate(item.actual, total.actual);
    if (item.yoyDiff !== null && item.yoyDiff.gt(0)) {
      item.flags.push("sangong-increase");
      findings.push(
        finding("sangong-increase", "warning", table.sheet, item.cells.actual ?? item.cell ?? table.range.split(":")[0], {
          name: item.item,
          actual: fmt(item.actual as Decimal),
          previous: fmt(item.previous as Decimal),
          yoyDiff: fmt(item.yoyDiff),
          yoyRate: item.yoyRate === null ? null : item.yoyRate.toFixed(2),
        }),
      );
    }
  }
  const related = (["meeting", "training", "office", "operation"] as const).map((k) => byKey.get(k)).filter((x): x is SangongItem => !!x);
  return { tableId: table.id, unit: table.unit, total, items, related };
}
