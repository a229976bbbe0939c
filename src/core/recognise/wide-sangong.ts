import { cellAddress, cellAt, gridColumnLetter, rangeAddress } from "../base/cell-grid";
import type { CellGrid, CellValue } from "../base/cell-grid";
import { roleOf, unitInTitleLine } from "./column-roles";
import type { ColumnRole } from "./column-roles";
import { finding } from "../base/findings";
import { TABLE_NOTES } from "../catalogue/review";
import type { Finding } from "../base/findings";
import type { Unit } from "../base/money";
import { readAmountCell } from "../read/number-parser";
import { SANGONG_LABELS, sangongKeyOf } from "./sangong-vocabulary";
import type { RelatedKey, SangongKey } from "./sangong-vocabulary";
import type { Table, TableColumn, TableRow } from "./table";
import { cellText, squash } from "../base/text";

/**
 * The national 公开07 layout: 三公 items as columns (合计 | 因公出国（境）费 | 公务用车购置及运行费: 小计, 购置费, 运行费 |
 * 公务接待费) under blocks 预算数 | 决算数 (sometimes 上年), the figures in one row below. It is turned into the
 * row-oriented Table (one row per item; each amount keeps its own cell), so the 三公 analysis, sheets and
 * report need nothing special.
 */
const BLOCK_ROLES: ReadonlySet<ColumnRole> = new Set<ColumnRole>(["budget", "budgetInitial", "budgetFinal", "actual", "previous"]);

export interface WideSangong {
  table: Table;
  /** Grid rows (0-based) the table occupies, so the ordinary recognizer leaves them alone. */
  top: number;
  bottom: number;
}

export function findWideSangong(grid: CellGrid, get: (r: number, c: number) => CellValue, width: number, findings: Finding[]): WideSangong[] {
  const out: WideSangong[] = [];
  const height = grid.values.length;
  for (let r = 1; r < height; r++) {
    const keys = Array.from({ length: width }, (_, c) => {
      const t = squash(cellText(get(r, c)));
      return t ? sangongKeyOf(t) : null;
    });
    const main = new Set(keys.filter((k) => k === "abroad" || k === "car" || k === "reception"));
    if (main.size < 2) continue;
    // The block row above names 预算数/决算数/上年; the item row repeats under each block.
    let blockRow = -1;
    for (let up = r - 1; up >= Math.max(0, r - 2) && blockRow < 0; up--) {
      const roles = Array.from({ length: width }, (_, c) => roleOf(cellText(get(up, c))));
      if (roles.filter((x) => x && BLOCK_ROLES.has(x)).length >= 1) blockRow = up;
    }
    if (blockRow < 0) continue;
    // An optional sub-header row below (小计 | 购置费 | 运行费), then the figures.
    let sub = -1;
    let data = r + 1;
    const isLabelRow = (row: number) => (grid.values[row] ?? []).some((v) => typeof v === "string" && /小计|购置|运行|维护/.test(v)) && !(grid.values[row] ?? []).some((v) => typeof v === "number");
    if (data < height && isLabelRow(data)) {
      sub = data;
      data++;
    }
    while (data < height && (grid.values[data] ?? []).every((v) => v === null || (typeof v === "string" && /^(栏次|\d{1,2})?$/.test(squash(v))) || (typeof v === "number" && Number.isInteger(v) && v < 40 && isColumnNumbering(grid.values[data] ?? [])))) data++;
    if (data >= height) continue;

    const unit = unitAbove(grid, blockRow);
    // A merged label covers the cells to its right; without merge information (ExcelApi < 1.13) carry it along.
    const carried = (row: number) => {
      let last = "";
      return Array.from({ length: width }, (_, c) => {
        const t = squash(cellText(get(row, c)));
        if (t) last = t;
        return last;
      });
    };
    const blockTexts = carried(blockRow);
    const itemTexts = carried(r);
    const columns: { col: number; role: ColumnRole; key: SangongKey | RelatedKey }[] = [];
    for (let c = 0; c < width; c++) {
      const role = roleOf(blockTexts[c]);
      if (!role || !BLOCK_ROLES.has(role)) continue;
      const own = squash(cellText(get(r, c)));
      const detail = sub >= 0 ? squash(cellText(get(sub, c))) : "";
      // An empty item cell continues the item to its left only when a sub-header names a part of it.
      const item = own || (detail ? itemTexts[c] : "");
      const key = itemKey(item, detail);
      if (key) columns.push({ col: c, role: role === "budgetInitial" || role === "budgetFinal" ? "budget" : role, key });
    }
    const roles = new Set(columns.map((x) => x.role));
    if (!roles.has("actual") || columns.length < 4) continue;

    const rowFindings: Finding[] = [];
    const byKey = new Map<string, TableRow>();
    for (const { col, role, key } of columns) {
      const v = cellAt(grid, data, col);
      const cell = cellAddress(grid, data, col);
      const amount = readAmountCell(v, cell, unit.unit, true);
      if (amount.bad) {
        const data = { text: amount.raw, reason: amount.bad, column: role, columnLetter: gridColumnLetter(grid, col), name: SANGONG_LABELS[key] };
        rowFindings.push(finding("bad-value", "error", grid.sheet, cell, data));
      }
      const row =
        byKey.get(key) ??
        ({ r: data, cell: cellAddress(grid, r, col), code: null, codeScheme: null, name: SANGONG_LABELS[key], level: key === "total" ? 0 : key === "carPurchase" || key === "carRun" ? 2 : 1, isTotal: key === "total", totalKind: key === "total" ? "total" : null, isPart: key === "carPurchase" || key === "carRun", amounts: {}, reason: null, reasonCell: null, labels: {} } as TableRow);
      if (!row.amounts[role]) row.amounts[role] = amount;
      byKey.set(key, row);
    }
    findings.push(...rowFindings);
    const order: string[] = ["total", "abroad", "car", "carPurchase", "carRun", "reception", "meeting", "training", "office", "operation"];
    const rows = [...byKey.entries()].sort((a, b) => order.indexOf(a[0]) - order.indexOf(b[0])).map(([, row]) => row);
    const right = Math.max(...columns.map((x) => x.col));
    const left = Math.min(...columns.map((x) => x.col));
    const tableColumns: TableColumn[] = [...roles].map((role) => {
      const first = columns.find((x) => x.role === role)!;
      return { col: first.col, letter: gridColumnLetter(grid, first.col), header: cellText(get(blockRow, first.col)), role, unit: null };
    });
    const title = titleAbove(grid, blockRow) ?? grid.sheet;
    out.push({
      top: blockRow,
      bottom: data,
      table: {
        id: `${grid.sheet}!${rangeAddress(grid, blockRow, left, data, right)}`,
        sheet: grid.sheet,
        title,
        range: rangeAddress(grid, blockRow, left, data, right),
        headerRange: rangeAddress(grid, blockRow, left, sub >= 0 ? sub : r, right),
        kind: "sangong",
        unit: unit.unit,
        unitSource: unit.source,
        columns: tableColumns,
        roles: Object.fromEntries(tableColumns.map((c) => [c.role, c])),
        rows,
        codeScheme: null,
        notes: unit.source === "assumed" ? [TABLE_NOTES.unitAssumed] : [],
      },
    });
    r = data;
  }
  return out;
}

function itemKey(item: string, detail: string): SangongKey | RelatedKey | null {
  const key = sangongKeyOf(item) ?? (/^(合计|总计)$/.test(item) ? "total" : null);
  if (key !== "car" || !detail) return key;
  // Under 公务用车购置及运行费: 小计 is the car item itself; 购置费 and 运行费 are its parts.
  if (/小计|合计/.test(detail)) return "car";
  if (/购置/.test(detail)) return "carPurchase";
  if (/运行|维护/.test(detail)) return "carRun";
  return key;
}

function isColumnNumbering(row: CellValue[]): boolean {
  const ints = row.filter((v) => typeof v === "number");
  return ints.length >= 3 && ints.every((v, i) => i === 0 || (v as number) === (ints[i - 1] as number) + 1);
}

function unitAbove(grid: CellGrid, top: number): { unit: Unit; source: Table["unitSource"] } {
  for (let r = top; r >= Math.max(0, top - 4); r--) {
    for (const v of grid.values[r] ?? []) {
      const u = typeof v === "string" ? unitInTitleLine(v) : null;
      if (u) return { unit: u, source: "title" };
    }
  }
  return { unit: "元", source: "assumed" };
}

function titleAbove(grid: CellGrid, top: number): string | null {
  for (let r = top - 1; r >= Math.max(0, top - 4); r--) {
    for (const v of grid.values[r] ?? []) if (typeof v === "string" && squash(v).length >= 6 && !unitInTitleLine(v)) return v.trim();
  }
  return null;
}
