import { cellAddress, cellAt, gridColumnLetter, gridWidth, mergedValueGetter, rangeAddress } from "../base/cell-grid";
import type { CellGrid, CellValue } from "../base/cell-grid";
import { AMOUNT_ROLES, ROLE_LABELS, roleOf, unitInHeader, unitInTitleLine, yearInHeader } from "./column-roles";
import type { ColumnRole } from "./column-roles";
import { finding } from "../base/findings";
import { TABLE_NOTES } from "../catalogue/review";
import type { Finding } from "../base/findings";
import { readRows } from "./read-rows";
import { findWideSangong } from "./wide-sangong";
import type { Table, TableColumn, TableKind, TableRow } from "./table";
import { cellText, squash } from "../base/text";
import { maxOf } from "../base/money";
import type { Unit } from "../base/money";

export interface Recognition {
  tables: Table[];
  findings: Finding[];
}

/** What the clerk confirmed, keyed by table ("支出!A3": sheet and header top-left). */
export interface RecognitionOverrides {
  columnOverrides?: Record<string, Partial<Record<ColumnRole, string>>>;
  unitOverrides?: Record<string, Unit>;
}

export function tableKey(sheet: string, headerRange: string): string {
  return `${sheet}!${headerRange.split(":")[0]}`;
}

/** Roles that make a row look like a header when two or more appear together. */
const KEY_ROLES: ReadonlySet<ColumnRole> = new Set<ColumnRole>([
  ...AMOUNT_ROLES,
  "count",
  "maxScore",
  "score",
]);
const LABEL_ROLES: ReadonlySet<ColumnRole> = new Set<ColumnRole>(["code", "codeClass", "name", "level1", "level2", "level3"]);
const MAX_HEADER_ROWS = 4;
const NOTE_ROW = /^(注|说明|备注|填表人|制表人?|审核人?|单位负责人|财务负责人|填报人|联系电话)[:：]/;
const UNIT_LINE = /单位[:：]/;

interface RowScan {
  numbers: number; // cells holding a number (or numeric text)
  texts: number; // non-empty text cells
  roles: (ColumnRole | null)[];
  distinctTexts: number;
}

function isNumericCell(v: CellValue): boolean {
  if (typeof v === "number") return true;
  if (typeof v !== "string") return false;
  const t = squash(v);
  return t !== "" && /^[-(]?[\d,]+(\.\d+)?\)?(万元|元|%)?$/.test(t);
}

function scanRow(grid: CellGrid, get: (r: number, c: number) => CellValue, r: number, width: number): RowScan {
  const row = grid.values[r] ?? [];
  let numbers = 0;
  for (const v of row) if (isNumericCell(v)) numbers++;
  const roles: (ColumnRole | null)[] = new Array(width).fill(null);
  const seen = new Set<string>();
  let texts = 0;
  // Data rows hold numbers; only rows without any are worth matching against header synonyms.
  if (numbers === 0) {
    for (let c = 0; c < width; c++) {
      const v = get(r, c);
      if (typeof v !== "string") continue;
      const t = squash(v);
      if (t === "") continue;
      texts++;
      seen.add(t);
      if (t.length <= 24) roles[c] = roleOf(t);
    }
  }
  return { numbers, texts, roles, distinctTexts: seen.size };
}

function isAnchor(scan: RowScan): boolean {
  if (scan.numbers > 0) return false;
  const found = new Set(scan.roles.filter((x): x is ColumnRole => x !== null && x !== "lineNo"));
  const keys = [...found].filter((x) => KEY_ROLES.has(x)).length;
  const labels = [...found].filter((x) => LABEL_ROLES.has(x)).length;
  return (keys >= 1 && labels >= 1) || keys >= 2;
}

/** A header row above the anchor: several distinct texts, no numbers, not a title or unit line. */
function isUpperHeader(scan: RowScan, grid: CellGrid, r: number): boolean {
  if (scan.numbers > 0 || scan.distinctTexts < 2) return false;
  const row = grid.values[r] ?? [];
  return !row.some((v) => typeof v === "string" && (UNIT_LINE.test(v) || /编制单位|填报单位/.test(v)));
}

function isColumnNumberRow(grid: CellGrid, r: number, left: number, right: number): boolean {
  const row = grid.values[r] ?? [];
  let ints = 0;
  let others = 0;
  for (let c = left; c <= right; c++) {
    const v = row[c] ?? null;
    if (v === null || v === "") continue;
    const t = squash(cellText(v));
    if (/^(栏次|行次|—|-)$/.test(t) || /^\d{1,2}$/.test(t)) ints++;
    else others++;
  }
  return ints >= 2 && others <= 2 && row.some((v) => typeof v === "string" && /栏次/.test(squash(v))) ||
    (ints >= 3 && others === 0);
}

/** Split one anchor row into side-by-side tables where a label column repeats (公开06: 人员经费 ‖ 公用经费). */
function segments(roles: (ColumnRole | null)[], texts: boolean[]): [number, number][] {
  const segs: [number, number][] = [];
  let start = -1;
  let seen = new Set<ColumnRole>();
  for (let c = 0; c < roles.length; c++) {
    if (!texts[c]) continue;
    const role = roles[c];
    if (start < 0) start = c;
    if (role && (role === "code" || role === "name") && seen.has(role)) {
      let end = c - 1;
      while (end > start && !texts[end]) end--;
      segs.push([start, end]);
      start = c;
      seen = new Set();
    }
    if (role) seen.add(role);
  }
  if (start >= 0) {
    let end = roles.length - 1;
    while (end > start && !texts[end]) end--;
    segs.push([start, end]);
  }
  return segs;
}

interface HeaderBlock {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

function columnsOf(
  grid: CellGrid,
  get: (r: number, c: number) => CellValue,
  block: HeaderBlock,
  findings: Finding[],
  notes: string[],
): TableColumn[] {
  const cols: (TableColumn & { texts: string[]; year: number | null })[] = [];
  for (let c = block.left; c <= block.right; c++) {
    const texts: string[] = [];
    for (let r = block.top; r <= block.bottom; r++) {
      const t = squash(cellText(get(r, c)));
      if (t !== "" && texts[texts.length - 1] !== t) texts.push(t);
    }
    const header = texts.join("/");
    let role: ColumnRole | null = null;
    // Most specific first: the bottom header text; then the texts joined ("决算数" over "合计").
    for (let i = texts.length - 1; i >= 0 && role === null; i--) role = roleOf(texts[i]);
    if (texts.length > 1) {
      const joined = roleOf(texts.join(""));
      const bottom = roleOf(texts[texts.length - 1]);
      if (bottom === null && joined !== null) role = joined;
    }
    const unit = texts.map(unitInHeader).find((u): u is Unit => u !== null) ?? null;
    const year = texts.map(yearInHeader).find((y): y is number => y !== null) ?? null;
    cols.push({ col: c, letter: gridColumnLetter(grid, c), header, role, unit, texts, year });
  }

  // "2022年决算数 | 2023年预算数 | 2023年决算数": the earlier year is last year's.
  const years = cols.filter((x) => x.year !== null && x.role !== null && AMOUNT_ROLES.has(x.role)).map((x) => x.year as number);
  if (years.length > 0) {
    const current = maxOf(years);
    for (const x of cols) {
      if (x.year === null || x.year >= current) continue;
      if (x.role === "actual") x.role = "previous";
      else if (x.role === "budget" || x.role === "budgetInitial" || x.role === "budgetFinal") x.role = "previousBudget";
    }
  }

  // One column per role. Prefer the 合计/小计 column under a merged group; otherwise the first, and say so.
  const byRole = new Map<ColumnRole, typeof cols>();
  for (const x of cols) if (x.role) byRole.set(x.role, [...(byRole.get(x.role) ?? []), x]);
  for (const [role, list] of byRole) {
    if (list.length < 2 || role === "reason") continue;
    const total = list.find((x) => /(合计|小计|总计)$/.test(x.texts[x.texts.length - 1] ?? ""));
    const chosen = total ?? list[0];
    for (const x of list) if (x !== chosen) x.role = null;
    if (!total) {
      const cell = cellAddress(grid, block.bottom, chosen.col);
      findings.push(
        finding("header-ambiguous", "warning", grid.sheet, cell, {
          role: ROLE_LABELS[role],
          candidates: list.map((x) => x.letter).join("、"),
          chosen: chosen.letter,
        }),
      );
      notes.push(TABLE_NOTES.ambiguous(ROLE_LABELS[role], list.map((x) => x.letter).join("、"), chosen.letter));
    }
  }
  return cols.map(({ col, letter, header, role, unit }) => ({ col, letter, header, role, unit }));
}

function titleAndUnit(
  grid: CellGrid,
  from: number,
  to: number,
  left: number,
  right: number,
): { title: string | null; unit: Unit | null; unitCell: string | null } {
  let unit: Unit | null = null;
  let unitCell: string | null = null;
  let title: string | null = null;
  for (let r = to; r >= from; r--) {
    const row = grid.values[r] ?? [];
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      if (typeof v !== "string") continue;
      const u = unitInTitleLine(v);
      if (u && unit === null) {
        unit = u;
        unitCell = cellAddress(grid, r, c);
      }
      // "2023年项目支出预决算对比（单位：元）" is a title that also states the unit.
      const t = squash(v).replace(/[(（]?(金额)?单位[:：]?(亿元|万元|千元|元)[)）]?/, "");
      if (u && t.length < 6) continue;
      const inColumns = c >= left - 1 && c <= right + 1;
      if (title === null && inColumns && t.length >= 4 && !/编制单位|填报单位|^\d{4}年\d{1,2}月|^(单位|日期)[:：]/.test(t)) {
        title = v.trim().replace(/[(（]?(金额)?单位[:：]\s*(亿元|万元|千元|元)[)）]?/, "").trim();
      }
    }
  }
  return { title, unit, unitCell };
}

function classify(roles: Partial<Record<ColumnRole, TableColumn>>, title: string, rows: TableRow[]): TableKind {
  if (roles.maxScore && (roles.score || roles.level1 || roles.level3)) return "scoring";
  if (roles.score && !roles.maxScore && /加分/.test(`${title}${roles.score.header}${roles.name?.header ?? ""}`)) return "bonus";
  const names = rows.map((r) => r.name);
  if (roles.count || names.filter((n) => /编制|在职|人数|实有/.test(n)).length >= 2) return "staff";
  // A 三公 table is titled so, or is a short list of its items without 科目编码 (an 经济分类 table also has 30217 公务接待费).
  const sangongNames = names.filter((n) => /因公出国|公务用车|公务接待|三公/.test(n)).length;
  const coded = rows.filter((r) => r.code).length;
  if (/三公/.test(title) || (sangongNames >= 2 && coded === 0 && rows.length <= 20)) return "sangong";
  const hasBudget = roles.budget || roles.budgetInitial || roles.budgetFinal;
  if (hasBudget && roles.actual) return "budget-actual";
  if (roles.actual && roles.previous) return "comparison";
  return "amounts";
}

/** Finds every table on one sheet: header block, columns, unit, extent, rows. */
export function recognizeGrid(grid: CellGrid, overrides: RecognitionOverrides = {}): Recognition {
  const tables: Table[] = [];
  const findings: Finding[] = [];
  const height = grid.values.length;
  const width = gridWidth(grid);
  if (height === 0 || width === 0) return { tables, findings };
  const get = mergedValueGetter(grid);
  const scans: RowScan[] = [];
  for (let r = 0; r < height; r++) scans.push(scanRow(grid, get, r, width));
  // 公开07-style 三公 tables (items as columns) first; their rows are theirs alone.
  const wide = findWideSangong(grid, get, width, findings);
  const claimed = (row: number) => wide.some((w) => row >= w.top && row <= w.bottom);

  let previousEnd = -1;
  let r = 0;
  while (r < height) {
    if (!isAnchor(scans[r]) || claimed(r)) {
      r++;
      continue;
    }
    // Header block: upper rows with group titles, the anchor, lower rows with sub-titles.
    let top = r;
    while (top - 1 > previousEnd && r - top + 1 < MAX_HEADER_ROWS && isUpperHeader(scans[top - 1], grid, top - 1)) top--;
    let bottom = r;
    while (
      bottom + 1 < height &&
      bottom - top + 1 < MAX_HEADER_ROWS &&
      scans[bottom + 1].numbers === 0 &&
      scans[bottom + 1].texts >= 2 &&
      (isAnchor(scans[bottom + 1]) || hasHeaderRoles(scans[bottom + 1]) || labelCellsContinue(grid, get, bottom + 1, scans[r]))
    ) {
      bottom++;
    }
    const anchorTexts = Array.from({ length: width }, (_, c) => {
      for (let rr = top; rr <= bottom; rr++) if (squash(cellText(get(rr, c))) !== "") return true;
      return false;
    });
    const anchorRoles = Array.from({ length: width }, (_, c) => {
      for (let rr = bottom; rr >= top; rr--) if (scans[rr].roles[c]) return scans[rr].roles[c];
      return null;
    });
    let dataStart = bottom + 1;
    const segs = segments(anchorRoles, anchorTexts);
    const segLeft = segs[0][0];
    const segRight = segs[segs.length - 1][1];
    while (dataStart < height && isColumnNumberRow(grid, dataStart, segLeft, segRight)) dataStart++;

    // Extent: until the next header, a note line, or three blank rows.
    let end = dataStart - 1;
    let blanks = 0;
    let rr = dataStart;
    for (; rr < height; rr++) {
      if (isAnchor(scans[rr])) break;
      const first = firstText(grid, rr, segLeft, segRight);
      if (first !== null && NOTE_ROW.test(squash(first))) break;
      if (rowIsBlank(grid, rr, segLeft, segRight)) {
        if (++blanks >= 3) break;
        continue;
      }
      blanks = 0;
      end = rr;
    }
    // A title or unit line of the next table is not data: trim trailing lone-text rows.
    while (end >= dataStart && scans[end].numbers === 0 && isTitleLike(grid, end, segLeft, segRight)) end--;

    for (const [left, right] of segs) {
      const table = buildTable(grid, get, { top, bottom, left, right }, dataStart, end, previousEnd, findings, overrides);
      if (table) tables.push(table);
    }
    previousEnd = Math.max(end, bottom);
    r = Math.max(rr, bottom + 1);
  }
  tables.push(...wide.map((w) => w.table));
  return { tables, findings };
}

/** A sub-header row names columns itself ("科目编码 | 科目名称"): needed when merged areas are unknown (ExcelApi < 1.13). */
function hasHeaderRoles(scan: RowScan): boolean {
  return scan.numbers === 0 && scan.roles.filter((x) => x !== null && x !== "lineNo").length >= 2;
}

function labelCellsContinue(grid: CellGrid, get: (r: number, c: number) => CellValue, r: number, anchor: RowScan): boolean {
  // A sub-header row leaves the label columns empty (or merged from above): data rows never do.
  for (let c = 0; c < anchor.roles.length; c++) {
    const role = anchor.roles[c];
    if (role !== "name" && role !== "code") continue;
    const raw = cellAt(grid, r, c);
    const merged = get(r, c);
    if (raw !== null && raw !== "" && merged === raw) return false;
  }
  return true;
}

function firstText(grid: CellGrid, r: number, left: number, right: number): string | null {
  const row = grid.values[r] ?? [];
  for (let c = left; c <= right; c++) {
    const v = row[c];
    if (typeof v === "string" && v.trim() !== "") return v;
    if (v !== null && v !== undefined && v !== "") return null;
  }
  return null;
}

function rowIsBlank(grid: CellGrid, r: number, left: number, right: number): boolean {
  const row = grid.values[r] ?? [];
  for (let c = left; c <= right; c++) {
    const v = row[c];
    if (v !== null && v !== undefined && !(typeof v === "string" && v.trim() === "")) return false;
  }
  return true;
}

function isTitleLike(grid: CellGrid, r: number, left: number, right: number): boolean {
  const row = grid.values[r] ?? [];
  let filled = 0;
  for (let c = 0; c < row.length; c++) {
    const v = row[c];
    if (v === null || v === undefined || (typeof v === "string" && v.trim() === "")) continue;
    if (typeof v === "string" && UNIT_LINE.test(v)) return true;
    if (c >= left && c <= right) filled++;
  }
  const t = firstText(grid, r, left, right);
  return filled <= 1 && !(t !== null && /(合计|总计|小计)/.test(squash(t)));
}

function buildTable(
  grid: CellGrid,
  get: (r: number, c: number) => CellValue,
  block: HeaderBlock,
  dataStart: number,
  dataEnd: number,
  previousEnd: number,
  findings: Finding[],
  overrides: RecognitionOverrides,
): Table | null {
  const notes: string[] = [];
  let localFindings: Finding[] = [];
  const columns = columnsOf(grid, get, block, localFindings, notes);
  const key = tableKey(grid.sheet, rangeAddress(grid, block.top, block.left, block.top, block.left));
  const confirmed = overrides.columnOverrides?.[key];
  if (confirmed) {
    // The clerk's confirmation replaces the guess: each confirmed role moves to its letter.
    for (const [role, letter] of Object.entries(confirmed)) {
      for (const c of columns) if (c.role === role) c.role = null;
      const target = columns.find((c) => c.letter === letter);
      if (target) target.role = role as ColumnRole;
    }
    localFindings = localFindings.filter((f) => f.rule !== "header-ambiguous");
    notes.length = 0;
  }
  const roles: Partial<Record<ColumnRole, TableColumn>> = {};
  for (const col of columns) if (col.role && !roles[col.role]) roles[col.role] = col;
  const hasAmounts = columns.some((c) => c.role !== null && (AMOUNT_ROLES.has(c.role) || c.role === "count" || c.role === "score" || c.role === "maxScore"));
  if (!hasAmounts) return null;

  const above = titleAndUnit(grid, previousEnd + 1, block.top - 1, block.left, block.right);
  const headerUnits = columns.filter((c) => c.role && AMOUNT_ROLES.has(c.role) && c.unit).map((c) => c.unit as Unit);
  let unit: Unit;
  let unitSource: Table["unitSource"];
  const headerCell = cellAddress(grid, block.top, block.left);
  const confirmedUnit = overrides.unitOverrides?.[key];
  if (confirmedUnit) {
    unit = confirmedUnit;
    unitSource = "confirmed";
  } else if (above.unit) {
    unit = above.unit;
    unitSource = "title";
    const conflicting = headerUnits.find((u) => u !== above.unit);
    if (conflicting) {
      localFindings.push(finding("unit-conflict", "warning", grid.sheet, headerCell, { header: conflicting, title: above.unit }));
    }
  } else if (headerUnits.length > 0) {
    unit = headerUnits[0];
    unitSource = "header";
  } else {
    unit = "元";
    unitSource = "assumed";
  }
  const title = above.title ?? grid.sheet;
  const hasMoney = columns.some((c) => c.role !== null && AMOUNT_ROLES.has(c.role));
  if (unitSource === "assumed" && hasMoney && !confirmedUnit) {
    localFindings.push(finding("unit-assumed", "info", grid.sheet, headerCell, { title }));
    notes.push(TABLE_NOTES.unitAssumed);
  }

  const rows = dataEnd >= dataStart ? readRows(grid, get, columns, roles, unit, dataStart, dataEnd, block.left, block.right, localFindings) : [];
  const kind = classify(roles, title, rows);
  const schemes = rows.map((x) => x.codeScheme).filter((x) => x !== null);
  const codeScheme = schemes.length === 0 ? null : schemes.every((x) => x === schemes[0]) ? schemes[0] : "other";
  const lastRow = Math.max(dataEnd, block.bottom);
  findings.push(...localFindings);
  return {
    id: `${grid.sheet}!${rangeAddress(grid, block.top, block.left, lastRow, block.right)}`,
    sheet: grid.sheet,
    title,
    range: rangeAddress(grid, block.top, block.left, lastRow, block.right),
    headerRange: rangeAddress(grid, block.top, block.left, block.bottom, block.right),
    kind,
    unit,
    unitSource,
    columns,
    roles,
    rows,
    codeScheme,
    notes,
  };
}

/** Every table in a workbook, in sheet order. */
export function recognizeWorkbook(grids: CellGrid[], overrides: RecognitionOverrides = {}): Recognition {
  const tables: Table[] = [];
  const findings: Finding[] = [];
  for (const g of grids) {
    const one = recognizeGrid(g, overrides);
    tables.push(...one.tables);
    findings.push(...one.findings);
  }
  return { tables, findings };
}
