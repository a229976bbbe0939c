import { cellAddress } from "../base/cell-grid";
import type { CellGrid } from "../base/cell-grid";
import { squash } from "../base/text";
import { unitInTitleLine } from "./column-roles";
import { formOfTitle } from "./form-catalogue";

/** Lines above a table that are not its title: 表号, 编制单位/部门, dates, units. */
const NOT_TITLE = [
  /^(公开|附)?表?\d{1,2}(-\d+)?表$/,
  /^公开\d{1,2}表?$/,
  /^表\d{1,2}(-\d+)?$/,
  /^附(件|表)\d*[:：]?$/,
  /^(编制单位|填报单位|部门|单位|单位名称|预算单位|部门名称)[:：]/,
  /^\d{4}年\d{1,2}月(\d{1,2}日)?$/,
  /^(日期|填报日期)[:：]/,
  /^报表编号/,
];
const TITLE_WORDS = /表|决算|预算|情况|明细|统计|汇总|一览/;
const UNIT_SUFFIX = /[(（]?(金额)?单位[:：]\s*(亿元|万元|千元|元)[)）]?/;

/**
 * A table's title: the line above its header that names a national form ("收入支出决算总表" under the package's
 * "第二部分 XX局2024年度部门决算表"); else the topmost line that reads like one (a 表/决算/预算 word), skipping 表号,
 * 编制单位, dates and unit lines; else the topmost other text of four characters or more.
 */
export function pickTitle(grid: CellGrid, from: number, to: number, left: number, right: number): { text: string; cell: string } | null {
  let fallback: { text: string; cell: string } | null = null;
  let first: { text: string; cell: string } | null = null;
  for (let r = Math.max(0, from); r <= to; r++) {
    const row = grid.values[r] ?? [];
    // A loop rather than map and filter over the row: rows come in several elements kinds (all figures, some text), and
    // inlined builtins would throw the optimised code away on each new one.
    const texts: { v: string; c: number }[] = [];
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      if (typeof v === "string" && v.trim() !== "") texts.push({ v, c });
    }
    // A lone text on its row is a title wherever it sits (merged over the table); otherwise it must be above the table.
    const candidates = texts.length === 1 ? texts : texts.filter((x) => x.c >= left - 1 && x.c <= right + 1);
    for (const { v, c } of candidates) {
      if (unitInTitleLine(v) && squash(v).replace(UNIT_SUFFIX, "").length < 6) continue;
      const t = squash(v);
      if (NOT_TITLE.some((re) => re.test(t))) continue;
      const text = v.trim().replace(UNIT_SUFFIX, "").trim();
      const found = { text, cell: cellAddress(grid, r, c) };
      if (formOfTitle(text)) return found;
      if (TITLE_WORDS.test(t)) first ??= found;
      else if (!fallback && text.length >= 4) fallback = found;
    }
  }
  return first ?? fallback;
}
