/**
 * The workbook as the report audit sees it: a flat list of figures, each with the line's name and 科目 code, its period
 * (本年/上年) and kind (预算/决算), the exact amount in 分, and the cell and table unit it came from. Built here from a
 * check's result; the unit model across tables and workbooks (national 决算 forms) can feed the same list later.
 */
import type { Analysis } from "../analyse/analysis";
import type { Unit } from "../base/money";
import { decimalsIn } from "../base/money";

export interface WorkbookLine {
  name: string;
  code: string | null;
  period: "cur" | "prev";
  kind: "budget" | "actual";
  fen: number;
  sheet: string;
  cell: string;
  /** Decimals the table shows in its own unit (the rounding its figure carries). */
  decimals: number;
  unit: Unit;
  /** A table of one part of the spending only (its title says 基本支出 or 项目支出): its lines are that part's. */
  scope: SpendingScope | null;
}

export type SpendingScope = "basic" | "project";

/** The part of the spending a title or a report's words are limited to: 基本支出 or 项目支出, not both, else null. */
export function spendingScope(text: string): SpendingScope | null {
  const basic = text.includes("基本支出");
  const project = text.includes("项目支出");
  return basic === project ? null : basic ? "basic" : "project";
}

/** A name as reports and tables both write it: no numbering, "其中：", quotes, brackets or spaces. */
export function lineName(name: string): string {
  return (
    name
      // "一、", "（二）", "3." — a numeral alone is a word ("三公经费"), not numbering.
      .replace(/^([(（][一二三四五六七八九十\d]+[)）][、.．]?|[一二三四五六七八九十\d]+[、.．])/, "")
      .replace(/^其中[:：]?/, "")
      .replace(/[“”"'‘’\s]/g, "")
      .replace(/[（(][^）)]*[）)]$/, (m) => (/\d/.test(m) ? "" : m))
      .trim()
  );
}

export function workbookLines(a: Analysis): WorkbookLine[] {
  const out: WorkbookLine[] = [];
  const unitOfTable = (id: string): Unit => a.tables.find((t) => t.id === id)?.unit ?? "元";
  const scopeOfTable = (id: string | null) => spendingScope(a.tables.find((t) => t.id === id)?.title ?? "");
  const push =
    (name: string, code: string | null, period: WorkbookLine["period"], kind: WorkbookLine["kind"], fen: number | null) =>
    (sheet: string, cell: string | null | undefined, unit: Unit, tableId: string | null = null) => {
      if (fen === null || !cell) return;
      const decimals = Math.max(2, decimalsIn(fen, unit));
      out.push({ name: lineName(name), code, period, kind, fen, sheet, cell, decimals, unit, scope: scopeOfTable(tableId) });
    };
  if (a.sangong) {
    const unit = unitOfTable(a.sangong.tableId);
    for (const i of [a.sangong.total, ...a.sangong.items, ...a.sangong.related]) {
      // The table's 合计 row is the 三公 total, whatever its label says ("合 计", "总计").
      const name = i === a.sangong.total ? "三公经费合计" : i.item;
      push(name, null, "cur", "actual", i.actual)(i.sheet, i.cells.actual, unit);
      push(name, null, "prev", "actual", i.previous)(i.previousSheet ?? i.sheet, i.cells.previous, unit);
      push(name, null, "cur", "budget", i.budget)(i.sheet, i.cells.budget, unit);
    }
  }
  for (const l of a.lines) {
    if (l.isTotal) continue;
    const unit = unitOfTable(l.tableId);
    push(l.name, l.code, "cur", "actual", l.actual)(l.sheet, l.cells.actual, unit, l.tableId);
    push(l.name, l.code, "prev", "actual", l.previous)(l.sheet, l.cells.previous, unit, l.tableId);
    push(l.name, l.code, "cur", "budget", l.budget)(l.sheet, l.budgetRole ? l.cells[l.budgetRole] : undefined, unit, l.tableId);
  }
  return out;
}
