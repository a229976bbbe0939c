/**
 * Tables written into a report's text: rows of cells separated by tabs (a table copied from Word or Excel, and our own
 * drafts: one row per line), by "|" (a table flattened into one paragraph), or by spaces ("收入总计 58596771.09
 * 117154424.7 58557653.59 99.93%"). A row is a label followed by its figures; a header before the first row names the
 * columns (上年/本年/预算/决算/增减/增减率/完成/占比, years, "其中" before parts). Cells are kept by position, empty
 * ones included, so a row's figures line up with the header.
 */
import { decOf } from "./numbers";
import type { Dec } from "./numbers";

export interface Cell {
  text: string;
  value: Dec | null;
  percent: boolean;
}

export interface Row {
  label: string;
  cells: Cell[];
  /** Paragraph (1-based) and the row's text, for quoting. */
  paragraph: number;
  text: string;
}

export type Role =
  | { role: "prev"; year: number | null; kind: "budget" | "actual" | null; final?: boolean }
  | { role: "cur"; year: number | null; kind: "budget" | "actual" | null; final?: boolean }
  | { role: "diff" }
  | { role: "rate" }
  | { role: "completion" }
  | { role: "share" }
  | { role: "total" }
  | { role: "part" }
  | { role: "other" };

export interface Table {
  rows: Row[];
  /** Roles of the numeric columns, when the header names as many as the rows have; else null. */
  roles: Role[] | null;
  unit: string | null;
}

const NUMBER_CELL = /^[-−]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?\s*%?$/;

function cellOf(text: string): Cell {
  const t = text.trim().replace(/−/g, "-");
  if (!NUMBER_CELL.test(t)) return { text: t, value: null, percent: false };
  const percent = t.endsWith("%");
  return { text: t, value: decOf(t.replace(/%$/, "").trim()), percent };
}

const isNumeric = (c: Cell) => c.value !== null;
const isEmpty = (c: Cell) => c.value === null && /^[—\-–/\s]*$/.test(c.text);
const isLabel = (c: Cell) => c.value === null && !isEmpty(c) && /[\u4e00-\u9fff]/.test(c.text);

/** Rows from a sequence of cells: a label, then its figures (empty cells keep their place), up to the next text. */
function rowsOf(cells: Cell[], paragraph: number): { rows: Row[]; header: string[] } {
  const rows: Row[] = [];
  const header: string[] = [];
  let i = 0;
  while (i < cells.length) {
    if (!isLabel(cells[i])) {
      i++;
      continue;
    }
    let j = i + 1;
    const values: Cell[] = [];
    while (j < cells.length && (isNumeric(cells[j]) || isEmpty(cells[j]))) values.push(cells[j++]);
    while (values.length > 0 && isEmpty(values[values.length - 1])) values.pop();
    if (values.filter(isNumeric).length >= 2) {
      rows.push({ label: cells[i].text, cells: values, paragraph, text: [cells[i].text, ...values.map((v) => v.text)].join(" | ") });
    } else if (rows.length === 0) header.push(cells[i].text);
    i = j;
  }
  return { rows, header };
}

/** Header words → roles, in order; "比上年增、减情况" and other group titles name no column. */
export function rolesOf(header: string[]): Role[] {
  const words = header.flatMap((h) => h.split(/\s+/)).filter(Boolean);
  // "年初 预算数", "全年 执行数": words split by the flattening go back together.
  const merged: string[] = [];
  for (const w of words) {
    if (merged.length > 0 && /^(年初|全年|调整后?|本年|上年)$/.test(merged[merged.length - 1]) && /^(预算|执行|决算)/.test(w)) {
      merged[merged.length - 1] += w;
    } else merged.push(w);
  }
  const years = merged
    .map((w) => /^((?:19|20)\d\d)年/.exec(w)?.[1])
    .filter(Boolean)
    .map(Number);
  const latest = years.length > 0 ? Math.max(...years) : null;
  const out: Role[] = [];
  for (const w of merged) {
    if (/情况|^(项目|科目|名称|单位|金额单位)|编号|^其中[:：]?$|行次|栏次/.test(w) && !/(增减|增、减)(金额|额|值|率|幅度|%)/.test(w)) {
      if (/^其中/.test(w) && out.length > 0) out[out.length - 1] = { role: "total" };
      continue;
    }
    // "（一）", "一、", "（万元）": markers and units name no column.
    if (/^([（(][一二三四五六七八九十\d]+[）)]|[一二三四五六七八九十]+、|\d+[.．、]|[（(](万元|元|亿元|千元)[）)])$/.test(w)) continue;
    // "预算执行数" is what was spent: 执行/决算/实际 win over 预算.
    const kind = /决算|执行数|实际/.test(w) ? "actual" : /预算/.test(w) ? "budget" : null;
    const y = /^((?:19|20)\d\d)年/.exec(w)?.[1];
    if (/(增减|增、减|变动|较上年)(率|幅度|%)|增长率|增幅|变动率/.test(w)) out.push({ role: "rate" });
    else if (/(增减|增、减|差额|差异|较上年|比上年)/.test(w) && !/^(19|20)\d\d年(度)?$/.test(w)) out.push({ role: "diff" });
    else if (/完成(预算|率)|执行率|预算完成/.test(w)) out.push({ role: "completion" });
    else if (/占比|比重/.test(w)) out.push({ role: "share" });
    else if (y) out.push({ role: Number(y) === latest ? "cur" : "prev", year: Number(y), kind });
    else if (/上年/.test(w)) out.push({ role: "prev", year: null, kind });
    else if (/本年|决算|预算|执行数/.test(w)) out.push({ role: "cur", year: null, kind, final: /全年|调整/.test(w) });
    else if (/合计|总计|总收入|总支出/.test(w)) out.push({ role: "total" });
    else if (out.some((r) => r.role === "total")) out.push({ role: "part" });
    else out.push({ role: "other" });
  }
  // "2017比2016增减 | 增减值 | 增减%": a group title over its columns.
  return out.filter((r, i) => !(r.role === "diff" && out[i + 1]?.role === "diff"));
}

function unitIn(text: string): string | null {
  return /(?:单位|金额单位)[:：]?\s*(万元|元|亿元|千元)|[（(](万元|元|亿元|千元)[）)]/.exec(text)?.slice(1).find(Boolean) ?? null;
}

function tableOf(rows: Row[], header: string[], context: string): Table | null {
  if (rows.length === 0) return null;
  const width = Math.max(...rows.map((r) => r.cells.length));
  const roles = rolesOf(header);
  // A row alone is checked only against a header that names its columns.
  if (roles.length !== width && rows.length < 2) return null;
  return { rows, roles: roles.length === width ? roles : null, unit: unitIn(context) };
}

/** The tables of a report: tab-separated lines in a row, "|" paragraphs, space-separated runs of figures. */
export function tablesOf(lines: string[]): Table[] {
  const out: Table[] = [];
  let i = 0;
  while (i < lines.length) {
    if (lines[i].includes("\t")) {
      let j = i;
      const cells: Cell[] = [];
      const rowsAll: Row[] = [];
      let header: string[] = [];
      while (j < lines.length && lines[j].includes("\t")) {
        const line = lines[j].split("\t").map(cellOf);
        if (line.filter(isNumeric).length === 0 && rowsAll.length === 0) header = line.map((c) => c.text);
        else {
          const { rows } = rowsOf(line, j + 1);
          rowsAll.push(...rows);
        }
        cells.push(...line);
        j++;
      }
      const t = tableOf(rowsAll, header, lines.slice(Math.max(0, i - 1), i + 1).join(" "));
      if (t) out.push(t);
      i = j;
      continue;
    }
    const line = lines[i];
    if ((line.match(/\|/g) ?? []).length >= 4) {
      const { rows, header } = rowsOf(line.split("|").map(cellOf), i + 1);
      const t = tableOf(rows, header, line);
      if (t) out.push(t);
    } else if (/(\s[-−]?\d[\d,.]*%?){3,}/.test(line)) {
      const { rows, header } = rowsOf(spaceCells(line), i + 1);
      const t = tableOf(rows, header, line);
      if (t) out.push(t);
    }
    i++;
  }
  return out;
}

/** "（一） 收入总计 58596771.09 117154424.7": every word a cell; a row's label is the word right before its figures. */
function spaceCells(line: string): Cell[] {
  return line.split(/\s+/).filter(Boolean).map(cellOf);
}
