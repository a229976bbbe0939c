import { columnLetter, qualifiedAddress } from "../base/cell-grid";
import type { Finding, Severity } from "../base/findings";
import type { Presentation } from "../base/presentation";
import { findingMessage, RULE_TITLES } from "../catalogue/findings";
import { PLAN_MARK } from "../recognise/own-sheets";

/** A declarative output sheet: every host renders the same plan (Office.js in Excel, exceljs in Node). */
export type CellStyle = "title" | "subtitle" | "header" | "total" | "note" | "link";

export interface PlanCell {
  v?: string | number | null;
  /** A formula without the leading "=". */
  f?: string;
  /** Excel number format. */
  fmt?: string;
  style?: CellStyle;
  /** Qualified address this cell links to ("'经济分类'!D7"): a click selects the source cell. */
  link?: string;
}

export interface ChartSpec {
  type: "columnClustered" | "barClustered";
  title: string;
  /** Ranges on the plan's own sheet, A1 style without sheet name. */
  categories: string;
  series: { name: string; values: string }[];
  /** Top-left cell where the chart is placed. */
  anchor: string;
}

export interface ConditionalRule {
  range: string;
  /** Formula relative to the range's top-left cell, without "=". */
  formula: string;
  style: "warning" | "error";
}

/** How a result sheet prints: A4, one page wide, the header rows on every page, page numbers in the footer. */
export interface PrintSetup {
  orientation: "portrait" | "landscape";
  /** All columns on one page width (height free). */
  fitToWidth: boolean;
  /** Sheet rows (1-based, inclusive) repeated at the top of every printed page. */
  titleRows?: { first: number; last: number };
  /** Footer, centred, with Excel's fields: "第 &P 页，共 &N 页". */
  footer?: string;
}

export interface SheetPlan {
  name: string;
  /** rows[0] is sheet row 1. */
  rows: PlanCell[][];
  colWidths: number[];
  highlights: { row: number; style: "warning" | "error" }[];
  conditional: ConditionalRule[];
  freezeRows: number;
  charts: ChartSpec[];
  print?: PrintSetup;
}

export { PLAN_MARK };

/** Builds rows while tracking sheet row numbers, so formulas can point at cells of the plan itself. */
export class PlanBuilder {
  readonly rows: PlanCell[][] = [];
  readonly highlights: SheetPlan["highlights"] = [];
  readonly conditional: ConditionalRule[] = [];
  readonly charts: ChartSpec[] = [];

  /** 1-based sheet row the next `add` will write. */
  get nextRow(): number {
    return this.rows.length + 1;
  }

  add(cells: PlanCell[]): number {
    this.rows.push(cells);
    return this.rows.length;
  }

  blank(): void {
    this.rows.push([]);
  }

  highlight(row: number, style: "warning" | "error"): void {
    this.highlights.push({ row: row - 1, style });
  }

  build(name: string, colWidths: number[], freezeRows = 0): SheetPlan {
    return {
      name,
      rows: this.rows,
      colWidths,
      highlights: this.highlights,
      conditional: this.conditional,
      freezeRows,
      charts: this.charts,
    };
  }
}

export const ref = (col: number, row: number): string => `${columnLetter(col)}${row}`;

const SEVERITY_TEXT: Record<Severity, string> = { error: "错误", warning: "提示", info: "参考" };

/** The findings list at the foot of an output sheet: one row per finding, the address a link to its cell. */
export function addFindingsList(b: PlanBuilder, findings: Finding[], heading: string, p: Presentation): void {
  b.blank();
  b.add([{ v: `${heading}（共 ${findings.length} 项）`, style: "subtitle" }]);
  b.add([
    { v: "级别", style: "header" },
    { v: "位置", style: "header" },
    { v: "类型", style: "header" },
    { v: "说明", style: "header" },
  ]);
  if (findings.length === 0) {
    b.add([{ v: "未发现问题。", style: "note" }]);
    return;
  }
  for (const f of findings) {
    const row = b.add([
      { v: SEVERITY_TEXT[f.severity] },
      { v: `${f.sheet}!${f.cell}`, link: qualifiedAddress(f.sheet, f.cell), style: "link" },
      { v: RULE_TITLES[f.rule] },
      { v: findingMessage(f, p) },
    ]);
    if (f.severity !== "info") b.highlight(row, f.severity === "error" ? "error" : "warning");
  }
}
