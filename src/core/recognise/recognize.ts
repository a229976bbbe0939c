import { cellAddress, cellAt, gridColumnLetter, gridWidth, mergedValueGetter, rangeAddress } from "../base/cell-grid";
import type { CellGrid, CellValue } from "../base/cell-grid";
import { finding } from "../base/findings";
import type { Finding } from "../base/findings";
import { maxOf } from "../base/money";
import type { Unit } from "../base/money";
import { cellText, squash } from "../base/text";
import { TABLE_NOTES } from "../catalogue/review";
import { AMOUNT_ROLES, ROLE_LABELS, roleOf, stripHeaderUnit, unitInHeader, unitInTitleLine, yearInHeader } from "./column-roles";
import type { ColumnRole } from "./column-roles";
import { basisOfTitle, compatible, formOfColumns, formOfTitle } from "./form-catalogue";
import { readRows } from "./read-rows";
import { sangongKeyOf } from "./sangong-vocabulary";
import { parseNumberText } from "../read/number-parser";
import type { Basis, CodeScheme, Table, TableColumn, TableKind, TableRow } from "./table";
import { findWideSangong } from "./wide-sangong";
import { noteUnreadFigures } from "./unread";
import { pickTitle } from "./titles";
import { isSelfEvaluation, readSelfEvaluation } from "./selfeval";
import type { SelfEvaluation } from "./selfeval";

export interface Recognition {
  tables: Table[];
  findings: Finding[];
  /** 绩效自评表 read as their blocks (their funds and indicator tables are among `tables` too). */
  selfEvaluations: SelfEvaluation[];
}

/** What the clerk confirmed, keyed by table ("支出!A3": sheet and header top-left). */
export interface RecognitionOverrides {
  columnOverrides?: Record<string, Partial<Record<ColumnRole, string>>>;
  unitOverrides?: Record<string, Unit>;
}

export function tableKey(sheet: string, headerRange: string): string {
  return `${sheet}!${headerRange.split(":")[0]}`;
}

/** Roles that make a row look like a header when they appear with a label role, or two of them together. */
const KEY_ROLES: ReadonlySet<ColumnRole> = new Set<ColumnRole>([...AMOUNT_ROLES, "count", "maxScore", "score", "target", "result"]);
const LABEL_ROLES: ReadonlySet<ColumnRole> = new Set<ColumnRole>(["code", "codeClass", "name", "level1", "level2", "level3"]);
const COMPARISON_ROLES: ReadonlySet<ColumnRole> = new Set<ColumnRole>([
  "actual",
  "budget",
  "budgetInitial",
  "budgetFinal",
  "previous",
  "previousBudget",
]);
const MAX_HEADER_ROWS = 5;
/** The grand total of a form, which may sit below its ruled blank rows. */
const GRAND_TOTAL = /^(收入|支出)?(总计|合计)$/;
const NOTE_ROW = /^(注|说明|备注|填表人|制表人?|审核人?|单位负责人|财务负责人|填报人|联系电话)\d*[:：.、]/;
const UNIT_LINE = /单位[:：]/;

interface RowScan {
  numbers: number; // cells holding a number (or numeric text)
  texts: number; // non-empty text cells
  roles: (ColumnRole | null)[];
  distinctTexts: number;
  /** 类 | 款 | 项 cells: a header row, even when it also holds 栏次 and column numbers (or, fused, the 合计 figures). */
  lkx: boolean;
  /** "栏次 | 1 | 2 | 3": column numbers, never data. */
  columnNumbers: boolean;
  /** A header row: a figure word with a label word, or two figure words (see anchorRoles). */
  anchor: boolean;
}

const NUMERIC_TEXT = /^[-(]?[\d,]+(\.\d+)?\)?(万元|元|%)?$/;

function isNumericCell(v: CellValue): boolean {
  if (typeof v === "number") return true;
  if (typeof v !== "string") return false;
  const t = squash(v);
  return t !== "" && NUMERIC_TEXT.test(t);
}

/**
 * One row, read once for the whole recognition. A data row (figures, no 类/款 or 栏次) costs one pass over its own cells
 * and allocates nothing: its roles are the grid's shared row of nulls. Only rows that may be headers are matched
 * against the header words.
 */
function scanRow(grid: CellGrid, get: (r: number, c: number) => CellValue, r: number, width: number, noRoles: null[]): RowScan {
  const row = grid.values[r] ?? [];
  let numbers = 0;
  let label = false;
  let strings = 0; // text cells that are not numbers, blank ones included
  let cls = false;
  let sec = false;
  // Whether the numbers are small integers in increasing steps of one (1 | 2 | 3 …): the column numbers of a 栏次 row.
  let sequence = true;
  let last = 0;
  for (const v of row) {
    let n: number;
    if (typeof v === "number") n = v;
    else if (typeof v === "string") {
      const t = squash(v);
      if (t === "" || !NUMERIC_TEXT.test(t)) {
        strings++;
        if (t === "类") cls = true;
        else if (t === "款") sec = true;
        else if (t === "栏次" || t === "行次") label = true;
        continue;
      }
      n = Number(t);
    } else continue;
    numbers++;
    if (sequence) sequence = Number.isInteger(n) && n >= 1 && n <= 60 && (numbers === 1 || n === last + 1);
    last = n;
  }
  const isSequence = numbers >= 2 && sequence;
  const lkx = cls && sec;
  // "栏次 | 1" under a one-column side (收入方 | 行次 | 金额) numbers its single column too.
  const columnNumbers = (label && (numbers === 0 || sequence)) || (numbers >= 3 && isSequence && strings === 0);
  // Data rows hold numbers; only rows without any (or header rows that carry column numbers) are matched against headers.
  if (!(numbers === 0 || lkx || columnNumbers)) {
    return { numbers, texts: 0, roles: noRoles, distinctTexts: 0, lkx, columnNumbers, anchor: false };
  }
  const roles: (ColumnRole | null)[] = new Array(width).fill(null);
  const seen = new Set<string>();
  let texts = 0;
  for (let c = 0; c < width; c++) {
    const v = get(r, c);
    if (typeof v !== "string") continue;
    const t = squash(v);
    if (t === "") continue;
    texts++;
    seen.add(t);
    if (t.length <= 30) roles[c] = roleOf(t) ?? (isYearOnly(t) ? "actual" : null);
  }
  const scan = { numbers, texts, roles, distinctTexts: seen.size, lkx, columnNumbers, anchor: false };
  scan.anchor = anchorRoles(scan);
  return scan;
}

function isAnchor(scan: RowScan): boolean {
  return scan.anchor;
}

function anchorRoles(scan: RowScan): boolean {
  if (scan.numbers > 0 && !scan.lkx) return false;
  const found = new Set(scan.roles.filter((x): x is ColumnRole => x !== null && x !== "lineNo"));
  const keys = [...found].filter((x) => KEY_ROLES.has(x)).length;
  const labels = [...found].filter((x) => LABEL_ROLES.has(x)).length;
  return (keys >= 1 && labels >= 1) || keys >= 2;
}

/** A header row above the anchor: several distinct texts, no numbers, not a title or unit line. */
function isUpperHeader(scan: RowScan, grid: CellGrid, r: number): boolean {
  if (scan.numbers > 0 || scan.distinctTexts < 2) return false;
  const row = grid.values[r] ?? [];
  return !row.some((v) => typeof v === "string" && (UNIT_LINE.test(v) || /编制单位|填报单位|^部门[:：]/.test(squash(v))));
}

/** Split one anchor row into side-by-side tables where a label column repeats (公开01: 收入 ‖ 支出; 公开06: three blocks). */
function segments(roles: (ColumnRole | null)[], texts: boolean[], own: boolean[]): [number, number][] {
  const segs: [number, number][] = [];
  let start = -1;
  let seen = new Set<ColumnRole>();
  for (let c = 0; c < roles.length; c++) {
    if (!texts[c]) continue;
    // A role read through a merge running in from the left (项目 over 类 | 款 | 项 | a blank column) repeats nothing.
    const role = own[c] ? roles[c] : null;
    if (start < 0) start = c;
    if (role && (role === "code" || role === "name" || role === "codeClass") && seen.has(role)) {
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

/** The texts a column's header holds, top to bottom: merged cells repeat, column numbers and 栏次 are left out. */
function headerTexts(get: (r: number, c: number) => CellValue, scans: RowScan[], block: HeaderBlock, c: number): string[] {
  const texts: string[] = [];
  for (let r = block.top; r <= block.bottom; r++) {
    const v = get(r, c);
    if (typeof v !== "string") continue;
    const t = squash(v);
    if (t === "" || texts[texts.length - 1] === t) continue;
    if (scans[r].columnNumbers && /^(栏次|行次|\d{1,2})$/.test(t)) continue;
    // A 类/款/项 row fused with the 合计 row names only the code columns; its other texts are data (合计).
    if (scans[r].lkx && scans[r].numbers > 0 && !scans[r].columnNumbers && !/^(类|款|项)$/.test(t)) continue;
    texts.push(t);
  }
  return texts;
}

/** Whether a column's header has text of its own (not only a merged cell running over it from the left). */
function ownHeaderText(grid: CellGrid, block: HeaderBlock, c: number): boolean {
  for (let r = block.top; r <= block.bottom; r++) if (squash(cellText(cellAt(grid, r, c))) !== "") return true;
  // The top-left cell of a merge that starts in this column and runs down or right is its own text too.
  return grid.merges.some(
    (m) => m.left === c && m.top >= block.top && m.top <= block.bottom && squash(cellText(cellAt(grid, m.top, c))) !== "",
  );
}

/** Whether a column holds nothing from a row down to the end of the sheet. */
function emptyBelow(grid: CellGrid, c: number, from: number): boolean {
  for (let r = from; r < grid.values.length; r++) if (squash(cellText(cellAt(grid, r, c))) !== "") return false;
  return true;
}

function columnsOf(
  grid: CellGrid,
  get: (r: number, c: number) => CellValue,
  scans: RowScan[],
  block: HeaderBlock,
  findings: Finding[],
  notes: string[],
): TableColumn[] {
  const cols: (TableColumn & { texts: string[]; year: number | null })[] = [];
  for (let c = block.left; c <= block.right; c++) {
    const texts = headerTexts(get, scans, block, c);
    const header = texts.join("/");
    let role: ColumnRole | null = null;
    // Most specific first: the bottom header text; then the texts joined ("决算数" over "合计").
    for (let i = texts.length - 1; i >= 0 && role === null; i--) role = roleOf(texts[i]);
    if (texts.length > 1) {
      const joined = roleOf(texts.join(""));
      const bottom = roleOf(texts[texts.length - 1]);
      if (bottom === null && joined !== null) role = joined;
    }
    // 合计 under 决算数 / 预算数 / 年初预算 is that figure; elsewhere the table's basis decides (see resolveBasis).
    if (role === "rowTotal") {
      for (let i = texts.length - 2; i >= 0; i--) {
        const upper = roleOf(texts[i]);
        if (upper && COMPARISON_ROLES.has(upper)) {
          role = upper;
          break;
        }
      }
    }
    // A label column names itself: a blank column inside a merged 科目编码 header (a spacer) holds no codes. Any other
    // column under a merge running in from the left, with nothing below it, is a spacer too (a blank column inserted).
    // "项目 | 2019年 | 2020年": a year alone heads that year's figure, 决算 or 预算 as the title says (see yearOnlyBasis).
    if (role === null && texts.length > 0 && isYearOnly(texts[texts.length - 1])) role = "actual";
    const own = ownHeaderText(grid, block, c);
    if (role && !own && (LABEL_ROLES.has(role) || emptyBelow(grid, c, block.bottom + 1))) role = null;
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
    if (list.length < 2 || role === "reason" || role === "lineNo") continue;
    const total = list.find((x) => /(合计|小计|总计)$/.test(x.texts[x.texts.length - 1] ?? ""));
    // "本年预算数 | 其中:公共预算财政拨款": a column headed 其中 is a part of the one before it, never the figure itself.
    const whole = list.filter((x) => !/^其中/.test(x.texts[x.texts.length - 1] ?? ""));
    const chosen = total ?? (whole.length === 1 ? whole[0] : list[0]);
    for (const x of list) if (x !== chosen) x.role = null;
    if (!total && whole.length !== 1) {
      const cell = cellAddress(grid, block.bottom, chosen.col);
      const candidates = list.map((x) => x.letter).join("、");
      findings.push(
        finding("header-ambiguous", "warning", grid.sheet, cell, { role: ROLE_LABELS[role], candidates, chosen: chosen.letter }),
      );
      notes.push(TABLE_NOTES.ambiguous(ROLE_LABELS[role], candidates, chosen.letter));
    }
  }
  return cols.map(({ col, letter, header, role, unit }) => ({ col, letter, header, role, unit }));
}

function unitAbove(grid: CellGrid, from: number, to: number): { unit: Unit; cell: string } | null {
  for (let r = to; r >= from; r--) {
    const row = grid.values[r] ?? [];
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      if (typeof v !== "string") continue;
      const u = unitInTitleLine(v);
      if (u) return { unit: u, cell: cellAddress(grid, r, c) };
    }
  }
  return null;
}

const STAFF_NAME = /编制|在职|实有/;
const SANGONG_NAME = /因公出国|公务用车|公务接待|三公/;

/** How many rows are named by a pattern, counted up to two (all `classify` asks), by a loop rather than map and filter. */
function namesMatching(rows: TableRow[], pattern: RegExp): number {
  let n = 0;
  for (let i = 0; i < rows.length && n < 2; i++) if (pattern.test(rows[i].name)) n++;
  return n;
}

function classify(roles: Partial<Record<ColumnRole, TableColumn>>, title: string, rows: TableRow[]): TableKind {
  if (roles.maxScore && (roles.score || roles.level1 || roles.level3)) return "scoring";
  if (roles.score && !roles.maxScore && /加分/.test(`${title}${roles.score.header}${roles.name?.header ?? ""}`)) return "bonus";
  if (roles.count || namesMatching(rows, STAFF_NAME) >= 2) return "staff";
  // A 三公 table is titled so, or is a short list of its items without 科目编码 (an 经济分类 table also has 30217 公务接待费).
  if (/三公/.test(title) || (rows.length <= 20 && namesMatching(rows, SANGONG_NAME) >= 2 && !rows.some((r) => r.code))) return "sangong";
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
  if (height === 0 || width === 0) return { tables, findings, selfEvaluations: [] };
  if (isSelfEvaluation(grid)) {
    const evaluation = readSelfEvaluation(grid, findings);
    const own = [evaluation.funds, evaluation.indicators].filter((t): t is Table => t !== null);
    return { tables: own, findings, selfEvaluations: [evaluation] };
  }
  const get = mergedValueGetter(grid);
  const scans: RowScan[] = [];
  const noRoles: null[] = new Array(width).fill(null);
  for (let r = 0; r < height; r++) scans.push(scanRow(grid, get, r, width, noRoles));
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
    // Header block: upper rows with group titles, the anchor, lower rows with sub-titles, 类/款/项, 栏次.
    let top = r;
    while (top - 1 > previousEnd && r - top + 1 < MAX_HEADER_ROWS && isUpperHeader(scans[top - 1], grid, top - 1)) top--;
    let bottom = r;
    let fused = false;
    while (bottom + 1 < height && bottom - top + 1 < MAX_HEADER_ROWS && !scans[bottom].lkx) {
      const next = scans[bottom + 1];
      if (next.lkx) {
        bottom++;
        // "类 | 款 | 项 | 合计 | 2,946.25 …": the header's last row is also the table's 合计 row.
        fused = next.numbers > 0 && !next.columnNumbers;
        break;
      }
      const subHeader =
        next.numbers === 0 &&
        next.texts >= 2 &&
        (isAnchor(next) || hasHeaderRoles(next) || labelCellsContinue(grid, get, bottom + 1, scans[r]) || next.columnNumbers);
      if (!subHeader) break;
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
    // A role is the column's own when its text is in the column: typed there, or merged down from a cell of the same
    // column (项目 over three header rows), not merged in from the left.
    const ownRoles = Array.from({ length: width }, (_, c) => {
      for (let rr = bottom; rr >= top; rr--) {
        if (!scans[rr].roles[c]) continue;
        if (squash(cellText(cellAt(grid, rr, c))) !== "") return true;
        return grid.merges.some((m) => m.left === c && m.top <= rr && m.bottom >= rr && m.top >= top);
      }
      return false;
    });
    let dataStart = fused ? bottom : bottom + 1;
    const segs = segments(anchorRoles, anchorTexts, ownRoles);
    const segLeft = segs[0][0];
    const segRight = segs[segs.length - 1][1];
    while (dataStart < height && !fused && scans[dataStart].columnNumbers) dataStart++;

    // Extent: until the next header, a note line, or three blank rows. A row of the table's own line names (上年结转 ‖
    // 结转下年, both of them header words too) is data: a new header puts text over this table's figure columns.
    // Pushed into an array literal, not made by map and filter: one elements kind whether or not the optimiser inlines
    // those builtins, so the optimised code is not thrown away on the next sheet.
    const figureColumns: number[] = [];
    for (let c = 0; c < anchorRoles.length; c++) {
      const role = anchorRoles[c];
      if (role !== null && KEY_ROLES.has(role)) figureColumns.push(c);
    }
    const headsFigures = (row: number) =>
      figureColumns.some((c) => typeof cellAt(grid, row, c) === "string" && squash(cellText(cellAt(grid, row, c))) !== "");
    // Words in a figure column: not a number, and not a value left out ("—", "单位不需填列", "无", "不适用").
    const wordsAt = (row: number, c: number) => {
      const v = cellAt(grid, row, c);
      return typeof v === "string" && !isNumericCell(v) && parseNumberText(v).kind !== "empty" && !/^(无|空)$/.test(squash(v));
    };
    const wordsOverFigures = (row: number) => figureColumns.filter((c) => wordsAt(row, c)).length;
    // Words over a figure column on a row without figures ("2020年度数量或人次").
    const headerOverFigures = (row: number) => row < height && scans[row].numbers === 0 && figureColumns.some((c) => wordsAt(row, c));
    let end = dataStart - 1;
    let blanks = 0;
    // The header printed again at a page break (a table copied from a PDF package): the same rows, skipped, and the
    // table goes on below them.
    const repeated = new Set<number>();
    const rowKey = (row: number) => {
      const out: string[] = [];
      for (let c = segLeft; c <= segRight; c++) out.push(squash(cellText(get(row, c))));
      return out.join("|");
    };
    const headerKeys = Array.from({ length: bottom - top + 1 }, (_, i) => rowKey(top + i));
    const repeatsHeader = (row: number) =>
      row + headerKeys.length <= height && headerKeys.every((k, i) => k.replace(/\|/g, "") !== "" && rowKey(row + i) === k);
    let rr = dataStart;
    for (; rr < height; rr++) {
      if (rr > dataStart && scans[rr].numbers === 0 && repeatsHeader(rr)) {
        let skip = headerKeys.length;
        while (rr + skip < height && scans[rr + skip].columnNumbers) skip++;
        for (let k = 0; k < skip; k++) repeated.add(rr + k);
        rr += skip - 1;
        blanks = 0;
        continue;
      }
      // A new header after a blank row (a 加分项 list under its scoring table) starts a table of its own too.
      const afterBlank = () => rr > dataStart && rowIsBlank(grid, rr - 1, segLeft, segRight);
      if (rr !== dataStart && isAnchor(scans[rr]) && !scans[rr].lkx && (headsFigures(rr) || afterBlank())) break;
      // So does, after a blank row, a header of words the vocabulary does not know, or a title with one under it (the
      // counts table under a 三公 table: 使用项目 | 2020年度数量或人次).
      if (afterBlank() && (headerOverFigures(rr) || (isTitleLike(grid, rr, segLeft, segRight) && headerOverFigures(rr + 1)))) break;
      // Words over two figure columns and no figure: the header of another block (楼堂馆所 | 批复规模 | 实际规模).
      if (rr !== dataStart && scans[rr].numbers === 0 && wordsOverFigures(rr) >= 2) break;
      const first = firstText(grid, rr, segLeft, segRight);
      if (first !== null && NOTE_ROW.test(squash(first))) break;
      if (rowIsBlank(grid, rr, segLeft, segRight)) {
        if (++blanks < 3) continue;
        // Ruled blank rows of a printed form end the table, unless its 总计 row follows them (收支总表 in budget packages).
        let next = rr + 1;
        while (next < height && next - rr <= 15 && rowIsBlank(grid, next, segLeft, segRight)) next++;
        const label = next < height ? firstText(grid, next, segLeft, segRight) : null;
        if (label === null || !GRAND_TOTAL.test(squash(label)) || scans[next].numbers === 0) break;
        rr = next - 1;
        blanks = 0;
        continue;
      }
      blanks = 0;
      end = rr;
    }
    // A title or unit line of the next table is not data: trim trailing lone-text rows. Not a line of the table left
    // blank (a 三公 item with no figure, "其中：公务用车运行费"): it belongs to the table above.
    const ownLine = (row: number) => {
      const t = squash(firstText(grid, row, segLeft, segRight) ?? "");
      // A short item name only: not "表二 三公经费" (the next table's title), "“三公”经费口径说明" or a note's sentence.
      const item = t.replace(/^[(（]?[一二三四五六七八九十\d]+[)）、.．]?/, "").replace(/^其中[:：]?/, "");
      return item.length <= 14 && !/表|单位|说明|口径|注/.test(item) && sangongKeyOf(item) !== null;
    };
    while (end >= dataStart && scans[end].numbers === 0 && isTitleLike(grid, end, segLeft, segRight) && !ownLine(end)) end--;

    for (const group of continuationGroups(grid, get, segs, top, bottom)) {
      const table = buildTable(grid, get, scans, group, top, bottom, dataStart, end, previousEnd, findings, overrides, repeated);
      if (table) tables.push(table);
    }
    previousEnd = Math.max(end, bottom);
    r = Math.max(rr, bottom + 1);
  }
  tables.push(...wide.map((w) => w.table));
  return { tables, findings, selfEvaluations: [] };
}

/**
 * Side-by-side segments that are one table continued in the next block (公开06: 公用经费 over two blocks of 科目编码 |
 * 科目名称 | 决算数): a segment joins the one before when no group title of its own starts above it.
 */
function continuationGroups(
  grid: CellGrid,
  get: (r: number, c: number) => CellValue,
  segs: [number, number][],
  top: number,
  bottom: number,
): [number, number][][] {
  const groups: [number, number][][] = [];
  for (const seg of segs) {
    const owns = (r: number) => {
      const raw = cellAt(grid, r, seg[0]);
      const merged = get(r, seg[0]);
      // A title starts here when the cell holds it itself (not a merge running in from the left).
      return (
        squash(cellText(raw)) !== "" ||
        (squash(cellText(merged)) !== "" && squash(cellText(get(r, seg[0] - 1))) !== squash(cellText(merged)))
      );
    };
    const upperRows = Array.from({ length: Math.max(0, bottom - top) }, (_, i) => top + i);
    const titled = upperRows.length === 0 || upperRows.some(owns);
    const previous = groups[groups.length - 1];
    if (previous && !titled && sameShape(get, previous[0], seg, bottom)) previous.push(seg);
    else groups.push([seg]);
  }
  return groups;
}

/** Two segments have the same column headers in the same order (科目编码 | 科目名称 | 决算数); blank spacer columns aside. */
function sameShape(get: (r: number, c: number) => CellValue, a: [number, number], b: [number, number], row: number): boolean {
  const texts = (s: [number, number]) => {
    const out: string[] = [];
    for (let c = s[0]; c <= s[1]; c++) {
      const t = squash(cellText(get(row, c)));
      if (t !== "") out.push(t);
    }
    return out.join("|");
  };
  return texts(a) === texts(b);
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

/** The side a segment stands for (收入 ‖ 支出), from the group title above it. */
function sideOf(get: (r: number, c: number) => CellValue, top: number, bottom: number, left: number): string | null {
  for (let r = top; r < bottom; r++) {
    const t = squash(cellText(get(r, left)));
    // "收入" | "支出" over the halves; budget packages write "本年收入" | "本年支出", "财政拨款收入" | "财政拨款支出".
    if (/^(本年|财政拨款)?(收入|支出|人员经费|公用经费)/.test(t)) return t.replace(/^(本年|财政拨款)/, "");
  }
  return null;
}

function buildTable(
  grid: CellGrid,
  get: (r: number, c: number) => CellValue,
  scans: RowScan[],
  segs: [number, number][],
  top: number,
  bottom: number,
  dataStart: number,
  dataEnd: number,
  previousEnd: number,
  findings: Finding[],
  overrides: RecognitionOverrides,
  /** Rows of a header printed again inside the table (page breaks): not data. */
  repeated: ReadonlySet<number> = new Set(),
): Table | null {
  const [left, right] = segs[0];
  const block: HeaderBlock = { top, bottom, left, right };
  const notes: string[] = [];
  let localFindings: Finding[] = [];
  const columns = columnsOf(grid, get, scans, block, localFindings, notes);
  const key = tableKey(grid.sheet, rangeAddress(grid, top, left, top, left));
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
  const numeric = (c: TableColumn) => c.role !== null && (KEY_ROLES.has(c.role) || c.role === "count");
  if (!columns.some(numeric)) return null;

  const titleZone = pickTitle(grid, previousEnd + 1, top - 1, left, right);
  const unitLine = unitAbove(grid, previousEnd + 1, top - 1);
  const title = titleZone?.text ?? grid.sheet;
  const present = new Set(columns.map((c) => c.role ?? ""));
  const form = compatible(formOfTitle(title) ?? formOfTitle(grid.sheet), present) ?? formOfColumns(present);
  const basis: Basis = form?.basis ?? basisOfTitle(title) ?? basisOfTitle(grid.sheet);
  if (!confirmed) resolveRowTotal(columns, basis);
  if (!confirmed && !resolveYearOnly(columns, basis, title)) return null;

  // The units the money columns' headers state: the first, and the first unlike the title line's. One loop, not an array
  // made by filter and map (empty, its elements kind differs, and the optimised code met with it is thrown away).
  let headerUnit: Unit | null = null;
  let conflicting: Unit | null = null;
  for (const c of columns) {
    if (!c.role || !AMOUNT_ROLES.has(c.role) || !c.unit) continue;
    headerUnit ??= c.unit;
    if (conflicting === null && unitLine && c.unit !== unitLine.unit) conflicting = c.unit;
  }
  let unit: Unit;
  let unitSource: Table["unitSource"];
  const headerCell = cellAddress(grid, top, left);
  const confirmedUnit = overrides.unitOverrides?.[key];
  if (confirmedUnit) {
    unit = confirmedUnit;
    unitSource = "confirmed";
  } else if (unitLine) {
    unit = unitLine.unit;
    unitSource = "title";
    if (conflicting)
      localFindings.push(finding("unit-conflict", "warning", grid.sheet, headerCell, { header: conflicting, title: unitLine.unit }));
  } else if (headerUnit !== null) {
    unit = headerUnit;
    unitSource = "header";
  } else {
    unit = "元";
    unitSource = "assumed";
  }
  const hasMoney = columns.some((c) => c.role !== null && AMOUNT_ROLES.has(c.role));
  if (unitSource === "assumed" && hasMoney && !confirmedUnit) {
    localFindings.push(finding("unit-assumed", "info", grid.sheet, headerCell, { title }));
    notes.push(TABLE_NOTES.unitAssumed);
  }

  const roles: Partial<Record<ColumnRole, TableColumn>> = {};
  for (const col of columns) if (col.role && !roles[col.role]) roles[col.role] = col;
  // Rows of every block of the table, block by block (a continued block's columns sit further right).
  const rows: TableRow[] = [];
  if (dataEnd >= dataStart) {
    // A continued block's columns are matched to the first block's in order of their headers (spacer columns aside).
    const headed = (l: number, r: number) => {
      const out: number[] = [];
      for (let c = l; c <= r; c++) if (squash(cellText(get(bottom, c))) !== "") out.push(c);
      return out;
    };
    const firstHeaded = headed(segs[0][0], segs[0][1]);
    for (const [segLeft, segRight] of segs) {
      const shift = segLeft - left;
      const theirs = headed(segLeft, segRight);
      const moved = (c: number) => {
        const k = firstHeaded.indexOf(c);
        return k >= 0 && k < theirs.length ? theirs[k] : c + shift;
      };
      const blockColumns =
        shift === 0 ? columns : columns.map((c) => ({ ...c, col: moved(c.col), letter: gridColumnLetter(grid, moved(c.col)) }));
      const blockRoles: Partial<Record<ColumnRole, TableColumn>> = {};
      for (const col of blockColumns) if (col.role && !blockRoles[col.role]) blockRoles[col.role] = col;
      const blockRows = readRows(grid, get, blockColumns, blockRoles, unit, dataStart, dataEnd, segLeft, segRight, localFindings, repeated);
      for (const row of blockRows) rows.push(row);
    }
  }
  const kind = classify(roles, title, rows);
  const area = { top: dataStart, bottom: dataEnd, left, right: segs[segs.length - 1][1], headerCell };
  noteUnreadFigures(grid, kind, title, rows, area, localFindings);
  // The rows' one code scheme, "other" when they mix, null when no row has a code (a loop: see figureColumns).
  let codeScheme: CodeScheme = null;
  for (const x of rows) {
    if (x.codeScheme === null || x.codeScheme === codeScheme) continue;
    if (codeScheme !== null) {
      codeScheme = "other";
      break;
    }
    codeScheme = x.codeScheme;
  }
  const lastRow = Math.max(dataEnd, bottom);
  const rightmost = segs[segs.length - 1][1];
  findings.push(...localFindings);
  return {
    id: `${grid.sheet}!${rangeAddress(grid, top, left, lastRow, rightmost)}`,
    sheet: grid.sheet,
    book: grid.book ?? null,
    title,
    titleCell: titleZone?.cell ?? null,
    range: rangeAddress(grid, top, left, lastRow, rightmost),
    headerRange: rangeAddress(grid, top, left, bottom, right),
    kind,
    form: form?.id ?? null,
    basis,
    side: sideOf(get, top, bottom, left),
    unit,
    unitSource,
    columns,
    roles,
    rows,
    codeScheme,
    notes,
  };
}

/** A row's own total (合计, 金额) is the 决算 in a 决算 form and the 预算 in a 预算 form; without a basis it stays a total. */
const YEAR_ONLY = /^(19|20)\d{2}年度?(数)?$/;
const isYearOnly = (text: string) => YEAR_ONLY.test(stripHeaderUnit(squash(text)));

/**
 * Columns headed by a year alone were read as that year's 决算 (an earlier year's as 上年). A 预算 title makes them 预算;
 * a title that says neither makes them 决算 only when it speaks of spending (“三公”经费支出情况表), else they are nothing.
 * False when the table has no figure column left.
 */
function resolveYearOnly(columns: TableColumn[], basis: Basis, title: string): boolean {
  const yearOnly = columns.filter((c) => (c.role === "actual" || c.role === "previous") && isYearOnly(c.header.split("/").pop() ?? ""));
  if (yearOnly.length === 0) return true;
  const effective = basis ?? (/支出|执行|完成/.test(squash(title)) ? "final" : null);
  for (const c of yearOnly) {
    if (effective === "budget") c.role = c.role === "actual" ? "budget" : "previousBudget";
    else if (effective !== "final") c.role = null;
  }
  return columns.some((c) => c.role !== null && (KEY_ROLES.has(c.role) || c.role === "count"));
}

function resolveRowTotal(columns: TableColumn[], basis: Basis): void {
  const total = columns.find((c) => c.role === "rowTotal");
  if (!total || basis === null || basis === "selfeval") return;
  const target: ColumnRole = basis === "final" ? "actual" : "budget";
  if (columns.some((c) => c.role === target)) return;
  total.role = target;
}

/**
 * Every table in a workbook, in sheet order. A table whose own title says neither 决算 nor 预算 (“三公”经费、机关运行经费
 * 情况表 in a 决算 package) takes the basis of the workbook's other tables when they agree.
 */
export function recognizeWorkbook(grids: CellGrid[], overrides: RecognitionOverrides = {}): Recognition {
  const tables: Table[] = [];
  const findings: Finding[] = [];
  const selfEvaluations: SelfEvaluation[] = [];
  for (const g of grids) {
    const one = recognizeGrid(g, overrides);
    tables.push(...one.tables);
    findings.push(...one.findings);
    selfEvaluations.push(...one.selfEvaluations);
  }
  const bases = new Set(tables.map((t) => t.basis).filter((b) => b === "final" || b === "budget"));
  if (bases.size === 1) {
    const basis = [...bases][0];
    for (const t of tables) if (t.basis === null) adoptBasis(t, basis);
  }
  return { tables, findings, selfEvaluations };
}

/** Gives a table the workbook's basis: its row total becomes the 决算 (or 预算) column, amounts moved with it. */
function adoptBasis(t: Table, basis: "final" | "budget"): void {
  t.basis = basis;
  const total = t.roles.rowTotal;
  const target: ColumnRole = basis === "final" ? "actual" : "budget";
  if (!total || t.roles[target]) return;
  total.role = target;
  delete t.roles.rowTotal;
  t.roles[target] = total;
  for (const row of t.rows) {
    const a = row.amounts.rowTotal;
    if (!a) continue;
    row.amounts[target] = a;
    delete row.amounts.rowTotal;
  }
  t.kind = classify(t.roles, t.title, t.rows);
}
