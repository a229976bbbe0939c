import { cellAddress, cellAt, gridColumnLetter, gridWidth, mergedValueGetter, rangeAddress } from "../base/cell-grid";
import type { CellGrid, CellValue } from "../base/cell-grid";
import { finding } from "../base/findings";
import type { Finding } from "../base/findings";
import { fenOfDecimal } from "../base/money";
import type { Unit } from "../base/money";
import { cellText, squash } from "../base/text";
import { readAmountCell } from "../read/number-parser";
import { unitInHeader, unitInTitleLine } from "./column-roles";
import type { ColumnRole } from "./column-roles";
import { formOfTitle } from "./form-catalogue";
import type { Table, TableColumn, TableRow } from "./table";
import { pickTitle } from "./titles";
import { noteUnreadFigures } from "./unread";

/**
 * The national 绩效自评表 (财预〔2020〕10号 and the provincial variants: 项目支出 and 部门整体), read as the blocks it is
 * made of rather than as one table: the 项目/部门 lines; the funds block (年初预算数 | 全年预算数 | 全年执行数 | 分值 |
 * 执行率 | 得分, with 年度资金总额 and its 其中 lines); 年度总体目标 (预期目标 | 实际完成情况); the indicators (一级 | 二级 |
 * 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因); the 总分. 指标值 and 实际完成值 are words or figures with units
 * ("≥50个", "93%", "明显改善"): kept as text, never read as money.
 */
export interface SelfEvaluation {
  sheet: string;
  form: "selfeval-project" | "selfeval-dept";
  title: string;
  /** 项目名称 or 部门/单位名称, and the cell it is written in. */
  subject: { text: string; cell: string } | null;
  goals: { expected: string | null; achieved: string | null; cell: string | null };
  funds: Table | null;
  indicators: Table | null;
}

const SUBJECT = /^(项目名称|部门(名称)?|单位名称|预算部门、?单位名称|部门\(单位\)名称)$/;
const INDICATOR_HEADER = /^(一级指标|二级指标|三级指标)$/;
const FUNDS_HEADER: [ColumnRole, RegExp][] = [
  ["budgetInitial", /^年初预算(数)?$/],
  ["budgetFinal", /^(全年预算数|调整后预算数|全年\(调整\)预算数|预算数\(A\)|全年预算数\(A\))$/],
  ["actual", /^(全年执行数|预算执行数|执行数|执行数\(B\)|全年执行数\(B\))$/],
  ["maxScore", /^(分值|权重|执行率权重)$/],
  ["statedRate", /^(执行率|预算执行率|执行率\(B\/A\)|执行率\(%\))$/],
  ["score", /^(得分|自评得分|执行率得分(\(分\))?)/],
  ["reason", /^(原因|偏差原因)/],
];
const INDICATOR_COLUMNS: [ColumnRole, RegExp][] = [
  ["level1", /^一级指标$/],
  ["level2", /^二级指标$/],
  ["level3", /^三级指标$|^指标名称$/],
  ["target", /^(年度)?指标值$|^年初(目标|指标)值|^目标值/],
  ["result", /^实际完成值|^完成值|^全年实际值|^全年完成值|^实际值$/],
  ["maxScore", /^(分值|权重|指标权重)(\(分\))?$/],
  ["score", /^(得分|指标得分|自评得分)(\(分\))?$/],
  ["reason", /原因|改进措施|偏差/],
];
const FUNDS_AMOUNTS: ReadonlySet<ColumnRole> = new Set<ColumnRole>(["budgetInitial", "budgetFinal", "actual"]);
const STOP = /^(总分|合计|评价结论|存在问题|改进措施|项目负责人|财务负责人|自评等级|备注)/;
/** The national template's unfilled lines ("指标2", "……"): nothing to score unless a figure is written on them. */
const PLACEHOLDER = /^(指标[\d一二三四五六七八九十]*|…+|\.{2,}|。{2,}|—+|-+|\/)$/;
/** A 偏差原因 cell that says there is nothing to explain. */
const NO_REASON = /^(0|无|无偏差|\/|—+|-+)$/;
/** What ends the funds block: the next block's first words. */
const BLOCK_START = /^(年度总体目标|项目基本情况|绩效指标|年度目标|项目年度目标|一级指标|预期目标|年度绩效指标)/;

/** Whether a grid is a 绩效自评表: titled so, or holding both an indicator header and a goals or funds block. */
export function isSelfEvaluation(grid: CellGrid): boolean {
  const title = pickTitle(grid, 0, Math.min(6, grid.values.length - 1), 0, gridWidth(grid))?.text ?? "";
  const form = formOfTitle(title) ?? formOfTitle(grid.sheet);
  if (form?.basis === "selfeval") return true;
  let indicators = false;
  let goals = false;
  let funds = false;
  // The blocks sit at the top of the form: a long sheet is not read to its end for this.
  // Only text cells can hold these words, and every one of them holds 标 (…指标, …目标) or 预算/执行 (the funds block's
  // 年初预算 | 全年预算数 | 全年执行数): other cells cost a test or two.
  const rows = Math.min(grid.values.length, 300);
  for (let r = 0; r < rows; r++) {
    let headers = 0;
    let fundsHeaders = 0;
    for (const v of grid.values[r]) {
      if (typeof v !== "string") continue;
      if (v.includes("预算") || v.includes("执行")) {
        const t = squash(v).replace(/\((万元|元)\)$/, "");
        if (FUNDS_HEADER.some(([role, re]) => FUNDS_AMOUNTS.has(role) && re.test(t))) fundsHeaders++;
      }
      if (!v.includes("标")) continue;
      const t = squash(v);
      if (INDICATOR_HEADER.test(t)) headers++;
      if (/^(年度总体目标|项目年度目标|年度目标\d*)/.test(t)) goals = true;
    }
    if (headers >= 3) indicators = true;
    // Two of 年初预算, 全年预算数, 全年执行数 on one row (as readSelfEvaluation needs to read the block).
    if (fundsHeaders >= 2) funds = true;
  }
  return indicators && (goals || funds);
}

export function readSelfEvaluation(grid: CellGrid, findings: Finding[]): SelfEvaluation {
  const get = mergedValueGetter(grid);
  const width = gridWidth(grid);
  const height = grid.values.length;
  const text = (r: number, c: number) => squash(cellText(get(r, c)));
  const titleFound = pickTitle(grid, 0, Math.min(6, height - 1), 0, width);
  const title = titleFound?.text ?? grid.sheet;
  const form = formOfTitle(title)?.id === "selfeval-dept" || /整体/.test(title) ? "selfeval-dept" : "selfeval-project";
  const unit = sheetUnit(grid) ?? "万元";

  let subject: SelfEvaluation["subject"] = null;
  const goals: SelfEvaluation["goals"] = { expected: null, achieved: null, cell: null };
  let funds: Table | null = null;
  let indicators: Table | null = null;
  for (let r = 0; r < height; r++) {
    for (let c = 0; c < width; c++) {
      const t = text(r, c);
      if (!subject && SUBJECT.test(t)) subject = nextText(grid, get, r, c);
      if (/^(年度总体目标|项目年度目标|年度目标\d*)/.test(t) && goals.cell === null) readGoals(grid, get, r, width, goals);
    }
    const roles = matchHeader(grid, get, r, width, FUNDS_HEADER);
    if (!funds && [...roles.values()].filter((x) => FUNDS_AMOUNTS.has(x)).length >= 2) {
      funds = readFunds(grid, get, r, roles, title, unit, findings);
    }
    const indicatorRoles = matchHeader(grid, get, r, width, INDICATOR_COLUMNS);
    if (!indicators && [...indicatorRoles.values()].filter((x) => x === "level1" || x === "level2" || x === "level3").length >= 3) {
      // A two-row header (云南: 绩效指标 | 年度指标值 over 指标性质 | 指标值 | 度量单位, 实际完成值 | 分值 | 得分 merged down
      // both rows): the columns the 一级/二级/三级 row leaves unnamed take their names from the merges and the row above.
      const upper = r > 0 && isHeaderText(grid, r - 1, width) ? [r - 1] : [];
      const roles = matchHeader(grid, get, r, width, INDICATOR_COLUMNS, upper);
      indicators = readIndicators(grid, get, r, roles, title, form, findings);
    }
  }
  if (funds && indicators) borrowReasons(funds, indicators);
  return { sheet: grid.sheet, form, title, subject, goals, funds, indicators };
}

/** A row of short header words only (no figures, no sentences): the upper row of a two-row header. */
function isHeaderText(grid: CellGrid, r: number, width: number): boolean {
  let texts = 0;
  for (let c = 0; c < width; c++) {
    const v = cellAt(grid, r, c);
    if (v === null || v === "") continue;
    if (typeof v !== "string" || /^[\d.,%]+$/.test(squash(v)) || squash(v).length > 20) return false;
    texts++;
  }
  return texts >= 2;
}

/**
 * The funds block of the national template has no 原因 column: a clerk explains a gap in 执行 on the indicator that
 * measures the funds (数量指标 "工程资金金额 | 43.2 | 37.24 | … | 偏差原因"). A funds line without a reason of its own takes
 * the reason of the indicator whose 指标值 and 实际完成值 are its 预算数 and 执行数.
 */
function borrowReasons(funds: Table, indicators: Table): void {
  // The indicator's figure in the funds block's unit ("43.2" under 万元), as 分 like the block's amounts.
  const figure = (t: string | undefined) => {
    const reading = t ? fenOfDecimal(squash(t).replace(/,/g, "").replace(/万元$/, ""), funds.unit) : null;
    return reading && reading !== "too-large" ? reading.fen : null;
  };
  const fen = (a: TableRow["amounts"][ColumnRole]) => (a && !a.bad ? a.value : null);
  for (const line of funds.rows) {
    if (line.reason) continue;
    const actual = fen(line.amounts.actual);
    const budgets = [fen(line.amounts.budgetFinal), fen(line.amounts.budgetInitial)];
    if (actual === null || budgets.every((b) => b === null)) continue;
    const source = indicators.rows.find(
      (x) =>
        x.reason !== null &&
        !NO_REASON.test(squash(x.reason)) &&
        figure(x.texts?.result) === actual &&
        budgets.includes(figure(x.texts?.target)),
    );
    if (source) [line.reason, line.reasonCell] = [source.reason, source.reasonCell];
  }
}

function sheetUnit(grid: CellGrid): Unit | null {
  for (const row of grid.values) {
    for (const v of row) {
      if (typeof v !== "string") continue;
      const u = unitInTitleLine(v) ?? unitInHeader(v) ?? (/\(万元|（万元/.test(v) ? "万元" : null);
      if (u) return u;
    }
  }
  return null;
}

/** The first text to the right of a label cell (项目名称 | 委托业务项目), without a leading code ("219-…"). */
/** The text right of a label ("项目名称 | 暖通改造经费"), without a project code prefix ("5301-…"), and its cell. */
function nextText(grid: CellGrid, get: (r: number, c: number) => CellValue, r: number, c: number): SelfEvaluation["subject"] {
  const label = cellText(get(r, c));
  for (let cc = c + 1; cc < (grid.values[r]?.length ?? 0); cc++) {
    const t = cellText(get(r, cc)).trim();
    if (t && t !== label) return { text: t.replace(/^[\dA-Z]{3,}-/, ""), cell: cellAddress(grid, r, cc) };
  }
  return null;
}

function readGoals(
  grid: CellGrid,
  get: (r: number, c: number) => CellValue,
  r: number,
  width: number,
  goals: SelfEvaluation["goals"],
): void {
  // 预期目标 | 实际完成情况 on this row (or the next), the texts under them.
  for (let header = r; header <= r + 1; header++) {
    let expected = -1;
    let achieved = -1;
    for (let c = 0; c < width; c++) {
      const t = squash(cellText(get(header, c)));
      if (/^(预期目标|项目年度目标|年初设定目标|年初绩效目标)$/.test(t) && expected < 0) expected = c;
      if (/^(实际完成情况|年度目标完成情况|年度总体目标完成情况综述|全年目标实际完成情况)$/.test(t) && achieved < 0) achieved = c;
    }
    if (expected < 0 && achieved < 0) continue;
    const body = header + 1;
    const read = (c: number) => (c < 0 ? null : cellText(cellAt(grid, body, c)).trim() || null);
    goals.expected = read(expected);
    goals.achieved = read(achieved);
    goals.cell = cellAddress(grid, body, Math.max(expected, 0));
    return;
  }
}

/**
 * The roles a header row names, each once. With `upper` rows, columns the row leaves unnamed are named by a merge running
 * down into it, then by the rows above (a two-row header).
 */
function matchHeader(
  grid: CellGrid,
  get: (r: number, c: number) => CellValue,
  r: number,
  width: number,
  vocabulary: [ColumnRole, RegExp][],
  upper: number[] | null = null,
): Map<number, ColumnRole> {
  const roles = new Map<number, ColumnRole>();
  const taken = new Set<ColumnRole>();
  const pass = (row: number, merged: boolean) => {
    for (let c = 0; c < width; c++) {
      if (roles.has(c)) continue;
      const raw = merged ? get(row, c) : cellAt(grid, row, c);
      if (typeof raw !== "string") continue;
      const t = squash(raw).replace(/\((万元|元|分|%)\)$/, "");
      const hit = vocabulary.find(([role, re]) => re.test(t) && !taken.has(role));
      if (hit) {
        roles.set(c, hit[0]);
        taken.add(hit[0]);
      }
    }
  };
  pass(r, false);
  if (upper) for (const row of [r, ...upper]) pass(row, true);
  return roles;
}

function columnsOf(grid: CellGrid, r: number, roles: Map<number, ColumnRole>, label: number): TableColumn[] {
  const cols: TableColumn[] = [{ col: label, letter: gridColumnLetter(grid, label), header: "项目", role: "name", unit: null }];
  for (const [c, role] of roles) {
    cols.push({ col: c, letter: gridColumnLetter(grid, c), header: cellText(cellAt(grid, r, c)), role, unit: null });
  }
  return cols.sort((a, b) => a.col - b.col);
}

function table(
  grid: CellGrid,
  title: string,
  form: string,
  top: number,
  last: number,
  cols: TableColumn[],
  rows: TableRow[],
  unit: Unit,
): Table {
  const left = Math.min(...cols.map((c) => c.col));
  const right = Math.max(...cols.map((c) => c.col));
  const roles: Table["roles"] = {};
  for (const c of cols) if (c.role && !roles[c.role]) roles[c.role] = c;
  return {
    id: `${grid.sheet}!${rangeAddress(grid, top, left, Math.max(last, top), right)}`,
    sheet: grid.sheet,
    book: grid.book ?? null,
    title,
    titleCell: null,
    range: rangeAddress(grid, top, left, Math.max(last, top), right),
    headerRange: rangeAddress(grid, top, left, top, right),
    kind: roles.level1 ? "scoring" : "budget-actual",
    form,
    basis: "selfeval",
    side: null,
    unit,
    unitSource: "header",
    columns: cols,
    roles,
    rows,
    codeScheme: null,
    notes: [],
  };
}

function emptyRow(grid: CellGrid, r: number, c: number, name: string): TableRow {
  return {
    r,
    cell: cellAddress(grid, r, c),
    code: null,
    codeScheme: null,
    name,
    level: 1,
    isTotal: false,
    totalKind: null,
    isPart: false,
    amounts: {},
    reason: null,
    reasonCell: null,
    labels: {},
  };
}

/** 年度资金总额 and its 其中 lines: the total first, the sources under it. Cells of "label:value" text are not ours. */
function readFunds(
  grid: CellGrid,
  get: (r: number, c: number) => CellValue,
  header: number,
  roles: Map<number, ColumnRole>,
  title: string,
  unit: Unit,
  findings: Finding[],
): Table {
  const first = Math.min(...roles.keys());
  const rows: TableRow[] = [];
  let r = header + 1;
  for (; r < grid.values.length; r++) {
    let label = "";
    let labelCol = 0;
    for (let c = first - 1; c >= 0 && !label; c--) {
      const t = cellText(cellAt(grid, r, c)).trim();
      if (t) [label, labelCol] = [t, c];
    }
    const key = squash(label);
    const rowTexts = (grid.values[r] ?? []).map((v) => squash(cellText(v)));
    if (rowTexts.some((t) => BLOCK_START.test(t)) || (!label && rows.length > 0 && isBlankRow(grid, r))) break;
    if (!label || /[:：]\s*[\d,.]+$/.test(label)) continue;
    const row = emptyRow(grid, r, labelCol, label.replace(/^其中[:：]\s*/, "").replace(/[:：]$/, ""));
    const isTotal = rows.length === 0 || /总额|合计/.test(key);
    row.isTotal = isTotal;
    row.totalKind = isTotal ? "total" : null;
    row.level = isTotal ? 0 : 1;
    for (const [c, role] of roles) {
      if (role === "reason") {
        const t = cellText(cellAt(grid, r, c)).trim();
        if (t) [row.reason, row.reasonCell] = [t, cellAddress(grid, r, c)];
        continue;
      }
      const v = cellAt(grid, r, c);
      if (typeof v === "string" && /^[/—-]+$/.test(squash(v))) continue; // "/" or "—" in a sub-row's 分值/得分
      const money = role !== "maxScore" && role !== "score" && role !== "statedRate";
      const a = readAmountCell(v, cellAddress(grid, r, c), money ? unit : "元", money);
      if (role === "statedRate" && a.bad === "percent") {
        row.amounts[role] = { ...a, bad: null };
        continue;
      }
      row.amounts[role] = a;
      if (a.bad)
        findings.push(
          finding("bad-value", "error", grid.sheet, a.cell, {
            text: a.raw,
            reason: a.bad,
            column: cellText(cellAt(grid, header, c)),
            name: row.name,
          }),
        );
    }
    rows.push(row);
  }
  return table(grid, title, "selfeval-funds", header, r - 1, columnsOf(grid, header, roles, first - 1), rows, unit);
}

function isBlankRow(grid: CellGrid, r: number): boolean {
  return (grid.values[r] ?? []).every((v) => v === null || (typeof v === "string" && v.trim() === ""));
}

/**
 * The indicators: 一级 and 二级 labels carried down their merged cells (or blanks), 三级 as the line's name; 分值 and
 * 得分 read as points; 指标值 and 实际完成值 as text. An 一级 label may state its weight ("产出指标(50分)").
 */
function readIndicators(
  grid: CellGrid,
  get: (r: number, c: number) => CellValue,
  header: number,
  roles: Map<number, ColumnRole>,
  title: string,
  form: string,
  findings: Finding[],
): Table {
  const col = (role: ColumnRole) => [...roles.entries()].find(([, x]) => x === role)?.[0];
  const nameCol = col("level3") ?? col("level2") ?? 0;
  // 云南's 年度指标值 in three columns (指标性质 | 指标值 | 度量单位: "≥ | 95 | %"): the target reads as one text, "≥95%".
  const beside = (re: RegExp) => {
    for (let c = 0; c < gridWidth(grid); c++) if (!roles.has(c) && re.test(squash(cellText(get(header, c))))) return c;
    return undefined;
  };
  const nature = beside(/^指标性质$/);
  const measure = beside(/^(度量|计量)单位$/);
  const part = (r: number, c: number | undefined) => (c === undefined ? "" : cellText(cellAt(grid, r, c)).trim());
  const rows: TableRow[] = [];
  const carried: Partial<Record<"level1" | "level2", string>> = {};
  let r = header + 1;
  for (; r < grid.values.length; r++) {
    const first = squash(cellText(cellAt(grid, r, 0)));
    const stop = STOP.exec(first) ?? STOP.exec(squash(cellText(cellAt(grid, r, col("level1") ?? 0))));
    if (stop && !/^(总分|合计)/.test(stop[0])) break;
    const row = emptyRow(grid, r, nameCol, cellText(cellAt(grid, r, nameCol)).trim());
    for (const level of ["level1", "level2"] as const) {
      const c = col(level);
      const t = c === undefined ? "" : cellText(get(r, c)).trim();
      // A new 一级指标 starts its 二级 afresh: a blank 二级 under it is not the last group's.
      if (t && level === "level1" && t !== carried.level1) carried.level2 = undefined;
      if (t) carried[level] = t;
      if (carried[level]) row.labels[level] = carried[level];
    }
    if (stop) {
      row.isTotal = true;
      row.totalKind = "total";
      row.level = 0;
      row.name = stop[0];
    }
    for (const [c, role] of roles) {
      const raw = cellText(cellAt(grid, r, c)).trim();
      if (role === "target" || role === "result") {
        const text = role === "target" && raw ? `${part(r, nature)}${raw}${part(r, measure)}` : raw;
        if (text) row.texts = { ...row.texts, [role]: text };
      } else if (role === "reason") {
        if (raw) [row.reason, row.reasonCell] = [raw, cellAddress(grid, r, c)];
      } else if (role === "maxScore" || role === "score") {
        // "100分" is written for a 总分 now and then: points, never an unreadable amount.
        const v = cellAt(grid, r, c);
        const a = readAmountCell(typeof v === "string" ? v.replace(/分$/, "") : v, cellAddress(grid, r, c), "元", false);
        if (!a.bad) row.amounts[role] = a;
      }
    }
    // A line named only by its 二级指标 (三级 left blank, or cut off) still counts: its 分值 is missing, not zero.
    const ownLevel2 = col("level2") === undefined ? "" : cellText(cellAt(grid, r, col("level2")!)).trim();
    if (!row.name && ownLevel2) row.name = ownLevel2;
    const figures = Object.keys(row.amounts).some((k) => row.amounts[k as ColumnRole]?.value !== null) || row.texts !== undefined;
    const placeholder = !stop && PLACEHOLDER.test(squash(row.name));
    if (!(row.name && !placeholder) && !figures) continue;
    rows.push(row);
    if (stop) {
      r++;
      break;
    }
  }
  const cols = [...roles.entries()].map(([c, role]) => ({
    col: c,
    letter: gridColumnLetter(grid, c),
    header: cellText(get(header, c)) || cellText(cellAt(grid, header - 1, c)),
    role,
    unit: null,
  }));
  const out = table(
    grid,
    title,
    form,
    header,
    r - 1,
    cols.sort((a, b) => a.col - b.col),
    rows,
    "元",
  );
  const area = { top: header + 1, bottom: r - 1, left: 0, right: gridWidth(grid) - 1, headerCell: cellAddress(grid, header, 0) };
  noteUnreadFigures(grid, out.kind, title, rows, area, findings);
  return out;
}
