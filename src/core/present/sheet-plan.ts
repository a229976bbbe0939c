import { columnLetter, qualifiedAddress } from "../base/cell-grid";
import { findingSubject } from "../base/findings";
import type { Finding } from "../base/findings";
import type { Presentation } from "../base/presentation";
import { findingAdvice, findingMessage, RULE_TITLES } from "../catalogue/findings";
import { SEVERITY_SHORT } from "../catalogue/review";
import { FINDINGS_LIST_HEADERS, LEGEND, SHEET_TEXT } from "../catalogue/sheets";
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
  /** Long text wrapped within the column (the row is made tall enough: see SheetPlan.heights). */
  wrap?: boolean;
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

/**
 * One meaning per colour on every result sheet (the legend says which): error = 需更正, warning = 需说明或核实,
 * input = 待填写 (a cell for the clerk).
 */
export type HighlightStyle = "warning" | "error" | "input";

/** Fill colours (RGB hex) of the highlight styles, for every renderer. */
export const HIGHLIGHT_FILL: Readonly<Record<HighlightStyle, string>> = { error: "F8CBAD", warning: "FFF2CC", input: "DDEBF7" };

export interface Highlight {
  /** 0-based plan row. */
  row: number;
  style: HighlightStyle;
  /** 0-based column: only this cell; absent: the row across the sheet's columns. */
  col?: number;
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
  highlights: Highlight[];
  conditional: ConditionalRule[];
  /** Rows frozen at the top: down to the column header row. */
  freezeRows: number;
  charts: ChartSpec[];
  print?: PrintSetup;
  /**
   * Cells merged across a row (0-based plan row and columns, inclusive), their text wrapped at the top: notes and long
   * messages that must stay inside the printed width. Excel does not fit a merged row's height, so `heights` says it.
   */
  merges?: { row: number; from: number; to: number }[];
  /** Row heights in points (0-based plan rows), for rows whose merged text wraps. */
  heights?: { row: number; points: number }[];
}

/** Width of a text in Excel's column-width units: a Chinese or full-width character is about two. */
export function textWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += ch.charCodeAt(0) <= 0x24f ? 1 : 1.8;
  return w;
}

export { PLAN_MARK };

/** Builds rows while tracking sheet row numbers, so formulas can point at cells of the plan itself. */
export class PlanBuilder {
  readonly rows: PlanCell[][] = [];
  readonly highlights: SheetPlan["highlights"] = [];
  readonly conditional: ConditionalRule[] = [];
  /** Charts of the sheet; build() places each below the last row (see there). */
  readonly charts: Omit<ChartSpec, "anchor">[] = [];
  private readonly wideRows: { row: number; from: number }[] = [];

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

  /** `row` is the 1-based sheet row; `col` (0-based) limits the fill to one cell. */
  highlight(row: number, style: HighlightStyle, col?: number): void {
    this.highlights.push(col === undefined ? { row: row - 1, style } : { row: row - 1, style, col });
  }

  /** A note across the sheet's width, wrapped (the explanation under a title). */
  note(text: string): number {
    const row = this.add([{ v: text, style: "note" }]);
    this.wide(row, 0);
    return row;
  }

  /** The text at (`row`, `from`) spans to the sheet's last column and wraps there (notes, messages in lists). */
  wide(row: number, from: number): void {
    this.wideRows.push({ row: row - 1, from });
  }

  /** A legend row: "图例：" then one filled cell per colour used on the sheet, with its one meaning. */
  legend(styles: HighlightStyle[], firstCol = 0): number {
    const cells: PlanCell[] = [];
    cells[firstCol] = { v: SHEET_TEXT.legendLabel, style: "note" };
    styles.forEach((st, i) => (cells[firstCol + 1 + i] = { v: LEGEND[st] }));
    const row = this.add(cells);
    styles.forEach((st, i) => this.highlight(row, st, firstCol + 1 + i));
    return row;
  }

  /**
   * The plan, frozen below its column header row, printing on A4 one page wide with that row repeated on every page
   * and page numbers in the footer.
   */
  build(name: string, colWidths: number[], headerRow: number, orientation: PrintSetup["orientation"] = "landscape"): SheetPlan {
    const last = colWidths.length - 1;
    const wide = this.wideRows.filter((w) => w.from < last);
    // Neither Excel (merged cells) nor LibreOffice (on opening a file) fits wrapped rows: their height is written.
    const linesOf = (text: unknown, width: number) => Math.max(1, Math.ceil(textWidth(String(text ?? "")) / Math.max(width - 1, 1)));
    const lines = new Map<number, number>();
    const need = (row: number, n: number) => lines.set(row, Math.max(lines.get(row) ?? 1, n));
    for (const w of wide)
      need(
        w.row,
        linesOf(
          this.rows[w.row]?.[w.from]?.v,
          colWidths.slice(w.from).reduce((a, b) => a + b, 0),
        ),
      );
    this.rows.forEach((cells, r) => cells.forEach((c, col) => c?.wrap && need(r, linesOf(c.v, colWidths[col] ?? 8))));
    const heights = [...lines].filter(([, n]) => n > 1).map(([row, n]) => ({ row, points: 3 + 15 * n }));
    return {
      merges: wide.map((w) => ({ row: w.row, from: w.from, to: last })),
      heights,
      name,
      rows: this.rows,
      colWidths,
      highlights: this.highlights,
      conditional: this.conditional,
      freezeRows: headerRow,
      // Below everything: beside the table a chart fell inside the one-page-wide print area and shrank the table to ~60 %.
      charts: this.charts.map((c, i) => ({ ...c, anchor: ref(0, this.nextRow + 1 + i * 20) })),
      print: {
        orientation,
        fitToWidth: true,
        titleRows: headerRow > 0 ? { first: headerRow, last: headerRow } : undefined,
        footer: SHEET_TEXT.footer,
      },
    };
  }
}

export const ref = (col: number, row: number): string => `${columnLetter(col)}${row}`;

/** "扶贫（功能分类!D4）": the item first, then where it is. */
export function findingPlace(f: Finding): string {
  const subject = findingSubject(f);
  return subject ? `${subject}（${f.sheet}!${f.cell}）` : `${f.sheet}!${f.cell}`;
}

/**
 * The findings list at the foot of an output sheet: one row per finding, the item a link to its cell, the sentence in
 * the clerk's unit with what to do.
 */
export function addFindingsList(b: PlanBuilder, findings: Finding[], heading: string, p: Presentation): void {
  b.blank();
  b.add([{ v: SHEET_TEXT.findingsHeading(heading, findings.length), style: "subtitle" }]);
  b.add(FINDINGS_LIST_HEADERS.map((v) => ({ v, style: "header" as const })));
  if (findings.length === 0) {
    b.add([{ v: SHEET_TEXT.noFindings, style: "note" }]);
    return;
  }
  for (const f of findings) {
    const row = b.add([
      { v: SEVERITY_SHORT[f.severity] },
      { v: findingPlace(f), link: qualifiedAddress(f.sheet, f.cell), style: "link", wrap: true },
      { v: RULE_TITLES[f.rule] },
      { v: `${findingMessage(f, p)}${findingAdvice(f).todo}` },
    ]);
    b.wide(row, 3);
    if (f.severity !== "info") b.highlight(row, f.severity === "error" ? "error" : "warning", 0);
  }
}
