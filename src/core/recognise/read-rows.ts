import { cellAt, gridColumnLetter, sheetRow } from "../base/cell-grid";
import type { CellGrid, CellValue } from "../base/cell-grid";
import { AMOUNT_ROLES, ROLE_LABELS } from "./column-roles";
import type { ColumnRole } from "./column-roles";
import { finding } from "../base/findings";
import type { Finding } from "../base/findings";
import { excelNumberText } from "../base/money";
import type { Unit } from "../base/money";
import { readAmountCell } from "../read/number-parser";
import type { AmountCell, CodeScheme, TableColumn, TableRow } from "./table";
import { cellText, indentWidth, squash } from "../base/text";
import { classCodeOfName } from "./class-names";

/** Roles read as numbers: money roles in 元; counts and scores as plain decimals. */
const NUMBER_ROLES: ReadonlySet<ColumnRole> = new Set<ColumnRole>([...AMOUNT_ROLES, "count", "maxScore", "score"]);

const TOTAL_NAME = /^(合计|总计|共计|小计|本年支出合计|支出合计|收入合计|本年收入合计|支出总计|收入总计)$|^.{0,12}(合计|总计)$/;
const SUBTOTAL_NAME = /小计$/;
/** 总计 is the 合计 plus the lines after it (使用非财政拨款结余, 年初结转和结余 …), not a sum of the lines before it. */
const GRAND_NAME = /总计$/;
/** Lines that count things (个, 人, 辆, 批, 人次 …) beside money, as the 三公 table's 相关统计数 do. */
const COUNT_NAME = /[(（](个|人|辆|批|人次|次|台|套|户|所|名|批次|辆次)[)）]$|团组数|出国人数|接待人数|购置数|保有量|接待批次|接待人次/;
const GRADE_ROW = /(等级|评价结果|评定结果)/;
const GRADE_TEXT = /^(优|良|中|差|优秀|良好|合格|不合格)$/;
const CODE_IN_NAME = /^(\d{3}(?:\d{2}){0,2})(?!\d)[\s\u3000]*[、.．]?[\s\u3000]*(\S.*)$/;
const LABEL_ROLES = ["level1", "level2", "level3", "grade"] as const;
/** A line that asks for words, not figures: …原因等说明, 情况说明, 备注. */
const EXPLANATION_NAME = /(说明|原因|备注)$|^(说明|备注|注)[:：]?/;
/** A sentence (two Chinese characters at least) in some figure cell, and no figure in any. */
const PROSE = /[\u4e00-\u9fff].*[\u4e00-\u9fff]/;
function isExplanation(amounts: Partial<Record<ColumnRole, AmountCell>>): boolean {
  let prose = false;
  for (const role in amounts) {
    const a = amounts[role as ColumnRole] as AmountCell;
    if (a.value !== null) return false;
    if (a.bad === "text" && PROSE.test(a.raw)) prose = true;
  }
  return prose;
}
/** The labels of a row in a table without 指标/等级 columns: none, shared (never written: see readRows). */
const NO_LABELS: TableRow["labels"] = Object.freeze({});

export function codeScheme(code: string): CodeScheme {
  const n = code.length;
  if (n < 3 || n > 7 || !allDigits(code)) return "other";
  const first = code.charCodeAt(0);
  if (first === 50 && n % 2 === 1) return "function"; // 201 / 20103 / 2010301
  if ((first === 51 || first === 53) && (n === 3 || n === 5)) return "economic"; // 301 / 30101, 501 / 50101
  return "other";
}

/** Whether a text is ASCII digits only ("" included): a code cell's common case, answered without squash or a pattern. */
function allDigits(t: string): boolean {
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

export function codeLevel(code: string): number | null {
  if (code.length === 3) return 1;
  if (code.length === 5) return 2;
  if (code.length === 7) return 3;
  return null;
}

function numberingLevel(name: string): number | null {
  if (/^[一二三四五六七八九十]+[、.．]/.test(name)) return 1;
  if (/^[(（][一二三四五六七八九十]+[)）]/.test(name)) return 2;
  if (/^\d+[、.．](?!\d)/.test(name)) return 2;
  if (/^[(（]\d+[)）]/.test(name) || /^[①-⑳]/.test(name)) return 3;
  return null;
}

/** A stated rate's cell: no value of its own (never summed, never a decimal of the table), its text for the check. */
function rateCell(cell: string, raw: string, text: boolean): AmountCell {
  return { cell, value: null, raw, bad: null, dash: false, text, decimals: 0, exact: true };
}

/** A code cell's digits ("201-03" → "20103"), or "" when it holds anything but digits and separators. */
function codeText(v: CellValue): string {
  // A number's text ("30101", "3.5", "1e+21") holds nothing squash changes.
  if (typeof v === "number") return codeOfText(String(v));
  // Digits only: squash would give the same string.
  if (typeof v === "string" && allDigits(v)) return v;
  return v === null ? "" : codeOfText(squash(cellText(v)));
}

function codeOfText(t: string): string {
  if (allDigits(t)) return t;
  const stripped = t.replace(/[-.·]/g, "");
  return /^\d+$/.test(stripped) ? stripped : "";
}

/**
 * A row's code from the code columns: one 科目编码 cell; 类 | 款 | 项 with the parents repeated (201 | 03 | 01), or only the
 * row's own part (the parents then come from the rows above), or a full code in any of them; or a code merged over the three.
 */
function composeCode(
  grid: CellGrid,
  r: number,
  roles: Partial<Record<ColumnRole, TableColumn>>,
  context: { cls: string; sec: string },
): string {
  if (roles.code) return codeText(cellAt(grid, r, roles.code.col));
  if (!roles.codeClass) return "";
  const cls = codeText(cellAt(grid, r, roles.codeClass.col));
  const sec = roles.codeSection ? codeText(cellAt(grid, r, roles.codeSection.col)) : "";
  const item = roles.codeItem ? codeText(cellAt(grid, r, roles.codeItem.col)) : "";
  // A full code written in one of the cells (merged over the three, or 201 | 20103 | 2010301).
  for (const full of [item, sec, cls]) if (full.length >= 5) return full;
  let code = "";
  if (cls) code = cls + (sec ? sec.padStart(2, "0") : "") + (sec && item ? item.padStart(2, "0") : "");
  else if (sec && context.cls) code = context.cls + sec.padStart(2, "0") + (item ? item.padStart(2, "0") : "");
  else if (item && context.sec) code = context.sec + item.padStart(2, "0");
  return code.length === 3 || code.length === 5 || code.length === 7 ? code : "";
}

export function readRows(
  grid: CellGrid,
  get: (r: number, c: number) => CellValue,
  columns: TableColumn[],
  roles: Partial<Record<ColumnRole, TableColumn>>,
  unit: Unit,
  first: number,
  last: number,
  left: number,
  right: number,
  findings: Finding[],
  /** Rows to pass over: a header repeated at a page break. */
  skip: ReadonlySet<number> = new Set(),
): TableRow[] {
  const rows: TableRow[] = [];
  const inexact: AmountCell[] = [];
  // Without a 项目/科目名称 header the leftmost column with no role of its own holds the names (经费控制情况 | 2022年决算数 …).
  const firstFigure = Math.min(...columns.filter((c) => c.role && AMOUNT_ROLES.has(c.role)).map((c) => c.col));
  const unnamed = columns.find((c) => c.role === null && c.col < firstFigure);
  const nameCol = roles.name ?? roles.level3 ?? roles.level2 ?? roles.level1 ?? (roles.code || roles.codeClass ? undefined : unnamed);
  const labelCol = nameCol ?? roles.code ?? roles.codeClass ?? columns[0];
  const indents: number[] = [];
  // Each row's indentation (null for coded rows and totals), beside `rows`.
  const rowIndents: (number | null)[] = [];
  const context = { cls: "", sec: "" };
  const carried: { level1?: string; level2?: string } = {};
  // A sheet that merges its 一级/二级 cells down their groups says where each group ends: a blank below a merge is no group's.
  // One that merges none writes a label once over its group (PDF copies): a blank goes on with the label above.
  const carries = (key: "level1" | "level2") => {
    const c = roles[key]?.col;
    return (
      c !== undefined && !grid.merges.some((m) => m.left <= c && c <= m.right && m.bottom > m.top && m.top <= last && m.bottom >= first)
    );
  };
  const carry = { level1: carries("level1"), level2: carries("level2") };
  const labelLetter = gridColumnLetter(grid, labelCol.col);
  const reasonLetter = roles.reason ? gridColumnLetter(grid, roles.reason.col) : "";
  const labelColumns = LABEL_ROLES.flatMap((key) => (roles[key] ? [[key, roles[key]] as const] : []));
  const labelled = labelColumns.length > 0;
  const rateCol = roles.statedRate;
  // Per figure column, once: its role, whether it is money, its unit, and its letter (addresses are built per cell).
  // Pushed into an array literal rather than made by filter and map: the array then has one elements kind whether or not
  // the optimiser inlines those builtins, and the optimised row loop is not thrown away on the next table.
  const figures: { col: TableColumn; role: ColumnRole; money: boolean; letter: string; unit: Unit }[] = [];
  for (const c of columns) {
    if (!c.role || !NUMBER_ROLES.has(c.role)) continue;
    const money = AMOUNT_ROLES.has(c.role);
    figures.push({ col: c, role: c.role, money, letter: c.letter, unit: money ? (c.unit ?? unit) : "元" });
  }
  const labelAt = (r: number, c: number) => {
    // A label merged in from the left (人员经费合计 over two columns) reads as the label of this cell.
    const raw = cellText(cellAt(grid, r, c));
    return raw.trim() ? raw : cellText(get(r, c));
  };

  for (let r = first; r <= last; r++) {
    if (skip.has(r)) continue;
    const raw = grid.values[r] ?? [];
    let blank = true;
    for (let c = left; c <= right; c++) {
      const v = raw[c];
      if (v !== null && v !== undefined && !(typeof v === "string" && v.trim() === "")) {
        blank = false;
        break;
      }
    }
    if (blank) continue;

    let nameRaw = nameCol ? labelAt(r, nameCol.col) : "";
    let code = composeCode(grid, r, roles, context);
    if (code.length === 3) context.cls = code;
    if (code.length === 5) {
      context.cls = code.slice(0, 3);
      context.sec = code;
    }
    // Trimmed once: most rows have their name, and the fallbacks below are for those that do not.
    let name = nameRaw.trim();
    if (!name) {
      // "合计" often sits in the code (or 一级指标) column when the label cells are merged.
      for (const col of [roles.code, roles.level1, roles.level2, roles.codeClass]) {
        const t = col ? labelAt(r, col.col) : "";
        if (t.trim() && !/^\d+$/.test(squash(t))) {
          nameRaw = t;
          break;
        }
      }
      name = nameRaw.trim();
    }
    if (!name && nameCol) {
      // A 合计 in a column of its own left of the names (a bonus list's 类别 column): the row's total, nothing else.
      for (const col of columns) {
        if (col.col >= nameCol.col || col.role !== null) continue;
        const t = squash(labelAt(r, col.col));
        if (TOTAL_NAME.test(t)) {
          nameRaw = t;
          break;
        }
      }
      name = nameRaw.trim();
    }
    // Names are shown as the clerk wrote them; matching uses the squashed form.
    if (name.includes("\u3000")) name = name.replace(/[\u3000]+/g, "");
    if (!code) {
      const m = CODE_IN_NAME.exec(name);
      if (m) {
        code = m[1];
        name = m[2].trim();
      }
    }
    let key = squash(name);
    // "其中" / "其中：" rows: a prefix test, not a pattern run on every row.
    const isPart = key.startsWith("其中");
    if (isPart) {
      name = name.replace(/^其中[:：]?\s*/, "");
      key = squash(name);
    }
    const isTotal = !code && (TOTAL_NAME.test(key) || SUBTOTAL_NAME.test(key));
    const totalKind = !isTotal ? null : SUBTOTAL_NAME.test(key) ? "subtotal" : GRAND_NAME.test(key) ? "grand" : "total";
    // A 类 line named without its code (公开01, 收支总表) gets the code its name stands for, so tables join by code.
    if (!code && !isTotal && !roles.code && !roles.codeClass && /^[一二三四五六七八九十]+[、.．]/.test(key))
      code = classCodeOfName(key) ?? "";

    const amounts: Partial<Record<ColumnRole, AmountCell>> = {};
    const rowNumber = sheetRow(grid, r) + 1;
    if (rateCol) {
      // A stated rate is kept as written ("-7.03%", 0.0703 in a %-formatted cell): its scale is the check's to settle.
      const v = cellAt(grid, r, rateCol.col);
      const text = typeof v === "number" ? excelNumberText(v) : cellText(v).trim();
      if (text) amounts.statedRate = rateCell(rateCol.letter + rowNumber, text, typeof v !== "number");
    }
    // Made only for a row that has some (most have none).
    let unreadable: Finding[] | null = null;
    // Whether some figure cell holds a value or an unreadable text (a stated rate never counts).
    let filled = false;
    const rowText = String(rowNumber);
    for (let k = 0; k < figures.length; k++) {
      const { col, role, money, letter } = figures[k];
      const a = readAmountCell(cellAt(grid, r, col.col), letter + rowText, figures[k].unit, money);
      if (a.bad && (role === "score" || role === "maxScore") && GRADE_ROW.test(key) && GRADE_TEXT.test(squash(a.raw))) {
        // "评价等级 | 优": a grade where a score would be, not an unreadable number.
        amounts[role] = { ...a, bad: null };
        continue;
      }
      amounts[role] = a;
      if (a.value !== null || a.bad) filled = true;
      if (a.bad) {
        (unreadable ??= []).push(
          finding("bad-value", "error", grid.sheet, a.cell, {
            text: a.raw,
            reason: a.bad,
            column: ROLE_LABELS[role],
            columnLetter: col.letter,
            name: name || null,
          }),
        );
      } else if (!a.exact) {
        // A number cell keeps no text of its own: the finding's example is the number as Excel shows it.
        const v = cellAt(grid, r, col.col);
        inexact.push(a.raw || typeof v !== "number" ? a : { ...a, raw: excelNumberText(v) });
      }
    }

    // A line that asks for an explanation (三、“三公”经费增减变化原因等说明) answered in prose across the figure columns is
    // the form's own text, not an unreadable amount: no line, and nothing to correct.
    if (unreadable !== null) {
      if (!code && EXPLANATION_NAME.test(key) && isExplanation(amounts)) continue;
      for (const f of unreadable) findings.push(f);
    }

    // Rows that carry nothing: a 行次 with no line beside it, or a 合计 heading with no figures (an empty form's 合计).
    if (!filled && (isTotal || (!name && !code))) continue;

    let reason: string | null = null;
    let reasonCell: string | null = null;
    if (roles.reason) {
      const t = cellText(cellAt(grid, r, roles.reason.col)).trim();
      if (t && !/^[-—/]+$/.test(t)) {
        reason = t;
        reasonCell = reasonLetter + rowText;
      }
    }

    const level = isTotal ? 0 : code ? (codeLevel(code) ?? 1) : (numberingLevel(key) ?? -1);
    // Indentation is ranked over every uncoded row, numbered ones included, so "  人员经费" under "一、基本支出" is level 2.
    const indent = !isTotal && !code ? indentWidth(nameRaw) : null;
    if (indent !== null) indents.push(indent);
    const row: TableRow = {
      r,
      cell: labelLetter + rowText,
      code: code || null,
      codeScheme: code ? codeScheme(code) : null,
      name: name || (code ? code : ""),
      level,
      isTotal,
      totalKind,
      isPart,
      amounts,
      reason,
      reasonCell,
      labels: labelled ? {} : NO_LABELS,
    };
    if (COUNT_NAME.test(key)) row.isCount = true;
    for (const [key, col] of labelColumns) {
      const t = cellText(get(r, col.col)).trim();
      if (t) row.labels[key] = t;
      if ((key !== "level1" && key !== "level2") || !carry[key]) continue;
      // An 一级/二级指标 written once and left blank below goes on down its group, as a merge would; a 合计 is no group's, and
      // a new 一级 starts its 二级 afresh.
      if (totalKind !== null && totalKind !== "subtotal") {
        carried.level1 = carried.level2 = undefined;
      } else if (t) {
        if (key === "level1" && t !== carried.level1) carried.level2 = undefined;
        carried[key] = t;
      } else if (carried[key]) row.labels[key] = carried[key];
    }
    rows.push(row);
    rowIndents.push(indent);
  }

  // Rows without code or numbering: level from indentation, ranked (0 spaces → 1, next width → 2 …).
  const widths = [...new Set(indents)].sort((a, b) => a - b);
  if (widths.length > 0) {
    const rank = new Map(widths.map((w, i) => [w, i + 1]));
    rows.forEach((row, i) => {
      const indent = rowIndents[i];
      if (indent !== null && row.level === -1) row.level = rank.get(indent) as number;
    });
  }
  // After a 合计, a line such as 年初财政拨款结转和结余 followed by numbered lines (一、一般公共预算财政拨款 …) is broken
  // down by them: they hang under it, so that 总计 counts it once.
  // (Only below a 合计 that closes lines above it: a 合计 printed first heads the whole table.)
  const firstTotal = rows.findIndex((x) => x.isTotal);
  for (let i = firstTotal <= 0 ? rows.length : firstTotal + 1; i < rows.length; i++) {
    const head = rows[i];
    if (head.isTotal || head.code || numberingLevel(squash(head.name)) !== null) continue;
    for (let j = i + 1; j < rows.length && !rows[j].isTotal && !rows[j].code && numberingLevel(squash(rows[j].name)) !== null; j++) {
      rows[j].level = head.level + 1;
    }
  }
  // Figures finer than 分 were rounded to 分: said once per table, with the first such cell.
  if (inexact.length > 0) {
    findings.push(finding("precision", "info", grid.sheet, inexact[0].cell, { count: inexact.length, text: inexact[0].raw }));
  }
  // "其中" rows hang under the row above them.
  for (let i = 0; i < rows.length; i++) {
    if (rows[i].isPart && !rows[i].code && i > 0) rows[i].level = Math.max(rows[i].level, rows[i - 1].level + 1);
  }
  return rows;
}
