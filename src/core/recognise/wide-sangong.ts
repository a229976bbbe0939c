import { cellAddress, cellAt, gridColumnLetter, rangeAddress } from "../base/cell-grid";
import type { CellGrid, CellValue } from "../base/cell-grid";
import { roleOf, unitInHeader, unitInTitleLine } from "./column-roles";
import type { ColumnRole } from "./column-roles";
import { finding } from "../base/findings";
import { TABLE_NOTES } from "../catalogue/review";
import type { Finding } from "../base/findings";
import type { Unit } from "../base/money";
import { readAmountCell } from "../read/number-parser";
import { SANGONG_LABELS, sangongKeyOf } from "./sangong-vocabulary";
import type { RelatedKey, SangongKey } from "./sangong-vocabulary";
import type { Table, TableColumn, TableRow } from "./table";
import { basisOfTitle, formOfTitle } from "./form-catalogue";
import { pickTitle } from "./titles";
import { cellText, squash } from "../base/text";

/**
 * The national 公开07 layout: 三公 items as columns (合计 | 因公出国（境）费 | 公务用车购置及运行费: 小计, 购置费, 运行费 |
 * 公务接待费) under blocks 预算数 | 决算数 (sometimes 上年), the figures in one row below. It is turned into the
 * row-oriented Table (one row per item; each amount keeps its own cell), so the 三公 analysis, sheets and
 * report need nothing special.
 */
const BLOCK_ROLES: ReadonlySet<ColumnRole> = new Set<ColumnRole>(["budget", "budgetInitial", "budgetFinal", "actual", "previous"]);

/** A character every name of 因公出国（境）费, 公务接待费 and 公务用车… holds. */
const MAIN_ITEM_CHARS = /[出接车]/;

export interface WideSangong {
  table: Table;
  /** Grid rows (0-based) the table occupies, so the ordinary recognizer leaves them alone. */
  top: number;
  bottom: number;
}

export function findWideSangong(
  grid: CellGrid,
  get: (r: number, c: number) => CellValue,
  width: number,
  findings: Finding[],
): WideSangong[] {
  const out: WideSangong[] = [];
  const height = grid.values.length;
  for (let r = 1; r < height; r++) {
    // Items as columns: two of 出国 / 公务接待 / 公务用车 among the row's texts. Only text cells can name one, and each of
    // the three names holds 出, 接 or 车 (no full-width or compatibility form folds into them), so the row's other cells,
    // every figure row among them, cost one character test.
    let main = 0; // abroad 1 | car 2 | reception 4
    for (let c = 0; c < width; c++) {
      const v = get(r, c);
      if (typeof v !== "string" || !MAIN_ITEM_CHARS.test(v)) continue;
      const t = squash(v);
      const k = t ? sangongKeyOf(t) : null;
      main |= k === "abroad" ? 1 : k === "car" ? 2 : k === "reception" ? 4 : 0;
    }
    if (main !== 3 && main !== 5 && main !== 6 && main !== 7) continue;
    // An optional sub-header row below (小计 | 购置费 | 运行费).
    let sub = -1;
    let data = r + 1;
    const isLabelRow = (row: number) =>
      (grid.values[row] ?? []).some((v) => typeof v === "string" && /小计|购置|运行|维护/.test(v)) &&
      !(grid.values[row] ?? []).some((v) => typeof v === "number");
    if (data < height && isLabelRow(data)) {
      sub = data;
      data++;
    }
    // The table's title above it ("…“三公”经费支出预算表") names a basis too, but it is no 预算数 | 决算数 block: a lone
    // text on its row that reads as a title, or a unit line.
    const isTitleRow = (row: number) => {
      const texts = (grid.values[row] ?? []).filter((v): v is string => typeof v === "string" && v.trim() !== "");
      return texts.length === 1 && (/表/.test(texts[0]) || squash(texts[0]).length > 12 || unitInTitleLine(texts[0]) !== null);
    };
    const skipEmpty = () => {
      while (data < height && isEmptyOrNumbering(grid.values[data] ?? [])) data++;
    };
    skipEmpty();
    const blockRoles = (row: number) =>
      Array.from({ length: width }, (_, c) => roleOf(cellText(get(row, c)))).filter((x) => x && BLOCK_ROLES.has(x));
    // The 预算数/决算数 (or 上年) blocks: named in a row above the items (each item repeated under each block), or, as in
    // some provinces, under each item (预算数 | 决算数 for every item).
    let blockRow = -1;
    if (data < height && blockRoles(data).length >= 2) {
      blockRow = data;
      data++;
      skipEmpty();
    }
    for (let up = r - 1; up >= Math.max(0, r - 2) && blockRow < 0; up--) if (!isTitleRow(up) && blockRoles(up).length >= 1) blockRow = up;
    // Without 预算数/决算数 blocks (部门预算公开's 三公 table: one row of budget figures), the title says whose figures they are.
    let single: ColumnRole | null = null;
    if (blockRow < 0) {
      const title = pickTitle(grid, Math.max(0, r - 5), r - 1, 0, width - 1)?.text ?? "";
      const basis = /三公/.test(title) ? (formOfTitle(title)?.basis ?? basisOfTitle(title)) : null;
      if (basis !== "final" && basis !== "budget") continue;
      single = basis === "budget" ? "budget" : "actual";
      blockRow = r;
    }
    // An empty form: the figures row left blank, a note under it ("…本年度没有财政拨款“三公”经费支出，故本表无数据").
    const firstText = (grid.values[data] ?? []).find((v) => typeof v === "string" && v.trim() !== "");
    if (typeof firstText === "string" && /^(注|说明)/.test(squash(firstText)) && data - 1 > Math.max(blockRow, r, sub)) data--;
    if (data >= height) continue;

    const headerTop = Math.min(blockRow, r);
    const unit = unitAbove(
      grid,
      headerTop,
      [r, blockRow, sub].filter((x) => x >= 0),
      width,
      get,
    );
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
      const role = single ?? roleOf(blockTexts[c]);
      if (!role || !BLOCK_ROLES.has(role)) continue;
      const own = squash(cellText(get(r, c)));
      const detail = sub >= 0 ? squash(cellText(get(sub, c))) : "";
      // An empty item cell continues the item to its left only when a sub-header names a part of it.
      // So does an empty item cell over the second of a 预算数 | 决算数 pair named below the items.
      // An item named in the block row itself (机关运行经费预算数 over its own column, merged down when merges are known).
      const ownBlock = blockRow < r ? squash(cellText(cellAt(grid, blockRow, c))) : "";
      const related = ownBlock && /^(meeting|training|office|operation)$/.test(sangongKeyOf(ownBlock) ?? "") ? ownBlock : "";
      const item = own || (detail || blockRow > r ? itemTexts[c] : "") || related;
      const key = itemKey(item, detail);
      if (key) columns.push({ col: c, role: role === "budgetInitial" || role === "budgetFinal" ? "budget" : role, key });
    }
    const roles = new Set(columns.map((x) => x.role));
    // 决算 blocks (公开07), or 预算 only: a 部门预算's table (上海: “三公”经费预算数 over the items, 机关运行经费预算数 beside).
    if (!(roles.has("actual") || roles.has("budget")) || columns.length < 4) continue;

    const rowFindings: Finding[] = [];
    const byKey = new Map<string, TableRow>();
    for (const { col, role, key } of columns) {
      const v = cellAt(grid, data, col);
      const cell = cellAddress(grid, data, col);
      const amount = readAmountCell(v, cell, unit.unit, true);
      if (amount.bad) {
        const data = {
          text: amount.raw,
          reason: amount.bad,
          column: role,
          columnLetter: gridColumnLetter(grid, col),
          name: SANGONG_LABELS[key],
        };
        rowFindings.push(finding("bad-value", "error", grid.sheet, cell, data));
      }
      const row =
        byKey.get(key) ??
        ({
          r: data,
          cell: cellAddress(grid, r, col),
          code: null,
          codeScheme: null,
          name: SANGONG_LABELS[key],
          level: key === "total" ? 0 : key === "carPurchase" || key === "carRun" ? 2 : 1,
          isTotal: key === "total",
          totalKind: key === "total" ? "total" : null,
          isPart: key === "carPurchase" || key === "carRun",
          amounts: {},
          reason: null,
          reasonCell: null,
          labels: {},
        } as TableRow);
      if (!row.amounts[role]) row.amounts[role] = amount;
      byKey.set(key, row);
    }
    findings.push(...rowFindings);
    const titleFound = pickTitle(grid, Math.max(0, headerTop - 5), headerTop - 1, 0, width - 1);
    const title = titleFound?.text ?? grid.sheet;
    // As for every other table: an assumed unit is a finding the clerk sees, not only a note (79 万元 read as 79 元 is silent).
    if (unit.source === "assumed") {
      const headerCell = cellAddress(grid, headerTop, Math.min(...columns.map((x) => x.col)));
      findings.push(finding("unit-assumed", "info", grid.sheet, headerCell, { title }));
    }
    const order: string[] = ["total", "abroad", "car", "carPurchase", "carRun", "reception", "meeting", "training", "office", "operation"];
    const rows = [...byKey.entries()].sort((a, b) => order.indexOf(a[0]) - order.indexOf(b[0])).map(([, row]) => row);
    const right = Math.max(...columns.map((x) => x.col));
    const left = Math.min(...columns.map((x) => x.col));
    const tableColumns: TableColumn[] = [...roles].map((role) => {
      const first = columns.find((x) => x.role === role)!;
      return { col: first.col, letter: gridColumnLetter(grid, first.col), header: cellText(get(blockRow, first.col)), role, unit: null };
    });
    const form = formOfTitle(title) ?? formOfTitle(grid.sheet);
    out.push({
      top: headerTop,
      bottom: data,
      table: {
        id: `${grid.sheet}!${rangeAddress(grid, headerTop, left, data, right)}`,
        sheet: grid.sheet,
        book: grid.book ?? null,
        title,
        titleCell: titleFound?.cell ?? null,
        range: rangeAddress(grid, headerTop, left, data, right),
        headerRange: rangeAddress(grid, headerTop, left, Math.max(blockRow, sub >= 0 ? sub : r), right),
        kind: "sangong",
        form: form?.id ?? null,
        basis: roles.has("actual") ? "final" : "budget",
        side: null,
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

/** A blank row, or the 栏次 row of column numbers (栏次 | 1 | 2 | … 12): never the figures. */
function isEmptyOrNumbering(row: CellValue[]): boolean {
  return row.every(
    (v) =>
      v === null ||
      (typeof v === "string" && /^(栏次|\d{1,2})?$/.test(squash(v))) ||
      (typeof v === "number" && Number.isInteger(v) && v < 40 && isColumnNumbering(row)),
  );
}

function isColumnNumbering(row: CellValue[]): boolean {
  const ints = row.filter((v) => typeof v === "number");
  return ints.length >= 3 && ints.every((v, i) => i === 0 || (v as number) === (ints[i - 1] as number) + 1);
}

/** The unit on a line above the header ("单位:万元"), else in a header cell ("“三公”经费合计（万元）"), else 元 assumed. */
function unitAbove(
  grid: CellGrid,
  top: number,
  headerRows: number[],
  width: number,
  get: (r: number, c: number) => CellValue,
): { unit: Unit; source: Table["unitSource"] } {
  for (let r = top; r >= Math.max(0, top - 4); r--) {
    for (const v of grid.values[r] ?? []) {
      const u = typeof v === "string" ? unitInTitleLine(v) : null;
      if (u) return { unit: u, source: "title" };
    }
  }
  for (const r of headerRows) {
    for (let c = 0; c < width; c++) {
      const v = get(r, c);
      const u = typeof v === "string" ? unitInHeader(v) : null;
      if (u) return { unit: u, source: "header" };
    }
  }
  return { unit: "元", source: "assumed" };
}
