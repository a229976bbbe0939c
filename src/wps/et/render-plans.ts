import { columnLetter, maxOf } from "../../core";
import type { CellStyle, ChartSpec, PlanCell, SheetPlan } from "../../core";
import { bgr, XL } from "../api";
import type { EtApplication, EtRange, EtWorkbook, EtWorksheet } from "../api";

const FILL = { warning: "#FFF2CC", error: "#F8CBAD" } as const;
const HEADER_FILL = "#D9E1F2";
/** A Range("…") argument longer than this is refused by spreadsheet hosts (VBA's limit): unions are cut to fit. */
export const ADDRESS_LIMIT = 255;

/** The sheet name a plan gets: ours are replaced; a clerk's own sheet with that name is kept and ours is suffixed. */
export function targetName(plan: SheetPlan, existing: Map<string, boolean>): string {
  return existing.get(plan.name) === false ? `${plan.name}_决算助手` : plan.name;
}

/** A plan cell as it goes into `Range.Formula`: formulas with "=", text that looks like a number or formula kept as text. */
export function formulaOf(c: PlanCell | undefined): string | number {
  if (!c) return "";
  if (c.f !== undefined) return `=${c.f}`;
  if (c.v === null || c.v === undefined) return "";
  if (typeof c.v === "string" && /^[=+\-@]|^\d+$/.test(c.v)) return `'${c.v}`;
  return c.v;
}

/** Cell addresses grouped into union addresses ("A1:A9,C3") of at most ADDRESS_LIMIT characters each. */
export function unions(areas: string[]): string[] {
  const out: string[] = [];
  let current = "";
  for (const a of areas) {
    if (current && current.length + 1 + a.length > ADDRESS_LIMIT) {
      out.push(current);
      current = a;
    } else current = current ? `${current},${a}` : a;
  }
  if (current) out.push(current);
  return out;
}

/**
 * Links are hyperlink objects (Hyperlinks.Add, two bridge calls each) up to this many per write; beyond it, as in a
 * 20,000-line sheet, they are HYPERLINK formulas that go out with the values, so writing stays bounded.
 */
export const MAX_LINK_OBJECTS = 500;

/** A link as a formula: =HYPERLINK("#'经济分类'!D7","办公费"). */
export function hyperlinkFormula(target: string, text: string): string {
  const q = (t: string) => `"${t.replace(/"/g, '""')}"`;
  return `=HYPERLINK(${q(`#${target}`)},${q(text)})`;
}

/** Cells that share a key, as areas: each column's runs of consecutive rows become one "C5:C40". */
export function runsByKey(rows: PlanCell[][], key: (c: PlanCell) => string | undefined): Map<string, string[]> {
  const cols = new Map<string, Map<number, number[]>>();
  rows.forEach((row, r) =>
    row.forEach((cell, c) => {
      const k = cell ? key(cell) : undefined;
      if (k === undefined) return;
      let byCol = cols.get(k);
      if (!byCol) cols.set(k, (byCol = new Map()));
      const list = byCol.get(c);
      if (list) list.push(r);
      else byCol.set(c, [r]);
    }),
  );
  const out = new Map<string, string[]>();
  for (const [k, byCol] of cols) {
    const areas: string[] = [];
    for (const [c, list] of byCol) {
      let start = list[0];
      for (let i = 1; i <= list.length; i++) {
        if (i < list.length && list[i] === list[i - 1] + 1) continue;
        const end = list[i - 1];
        const col = columnLetter(c);
        areas.push(start === end ? `${col}${start + 1}` : `${col}${start + 1}:${col}${end + 1}`);
        if (i < list.length) start = list[i];
      }
    }
    out.set(k, areas);
  }
  return out;
}

function applyStyle(range: EtRange, style: CellStyle): void {
  if (style === "title") {
    range.Font.Bold = true;
    range.Font.Size = 14;
  } else if (style === "subtitle" || style === "total") range.Font.Bold = true;
  else if (style === "header") {
    range.Font.Bold = true;
    range.Interior.Color = bgr(HEADER_FILL);
    range.HorizontalAlignment = XL.center;
    range.WrapText = true;
  } else if (style === "note") {
    range.Font.Italic = true;
    range.Font.Color = bgr("#595959");
  } else if (style === "link") {
    range.Font.Color = bgr("#0563C1");
    range.Font.Underline = XL.underlineSingle;
  }
}

function addChart(ws: EtWorksheet, spec: ChartSpec): void {
  const anchor = ws.Range(spec.anchor);
  const type = spec.type === "barClustered" ? XL.barClustered : XL.columnClustered;
  const chart = ws.Shapes.AddChart2(-1, type, Number(anchor.Left), Number(anchor.Top), 480, 288).Chart;
  // A new chart may pick up the selection as data: start from no series.
  const series = chart.SeriesCollection();
  for (let i = series.Count; i >= 1; i--) series.Item(i).Delete();
  for (const s of spec.series) {
    const added = series.NewSeries();
    added.Name = s.name;
    added.Values = ws.Range(s.values);
    added.XValues = ws.Range(spec.categories);
  }
  chart.HasTitle = true;
  chart.ChartTitle.Text = spec.title;
}

/** Formats, styles, highlights, links, conditional formats, widths, print setup and charts of one written sheet. */
type LinkCell = { row: number; col: number; cell: PlanCell };

function decorate(ws: EtWorksheet, plan: SheetPlan, width: number, linkObjects: LinkCell[]): void {
  for (const [fmt, areas] of runsByKey(plan.rows, (c) => c.fmt)) for (const u of unions(areas)) ws.Range(u).NumberFormat = fmt;
  for (const [style, areas] of runsByKey(plan.rows, (c) => c.style))
    for (const u of unions(areas)) applyStyle(ws.Range(u), style as CellStyle);
  for (const { row, col, cell } of linkObjects)
    ws.Hyperlinks.Add(ws.Range(`${columnLetter(col)}${row + 1}`), "", cell.link, cell.link, cell.v as string);
  const last = columnLetter(Math.max(width - 1, 0));
  for (const style of ["warning", "error"] as const) {
    const rows = plan.highlights.filter((h) => h.style === style).map((h) => `A${h.row + 1}:${last}${h.row + 1}`);
    for (const u of unions(rows)) ws.Range(u).Interior.Color = bgr(FILL[style]);
  }
  for (const rule of plan.conditional) {
    const fc = ws.Range(rule.range).FormatConditions.Add(XL.expression, undefined, `=${rule.formula}`);
    fc.Interior.Color = bgr(FILL[rule.style]);
    fc.Font.Bold = true;
  }
  plan.colWidths.forEach((w, i) => (ws.Range(`${columnLetter(i)}:${columnLetter(i)}`).ColumnWidth = w));
  if (plan.print) {
    const p = ws.PageSetup;
    p.Orientation = plan.print.orientation === "landscape" ? XL.landscape : XL.portrait;
    p.PaperSize = XL.paperA4;
    if (plan.print.fitToWidth) {
      p.Zoom = false;
      p.FitToPagesWide = 1;
      p.FitToPagesTall = false;
    }
    if (plan.print.titleRows) p.PrintTitleRows = `$${plan.print.titleRows.first}:$${plan.print.titleRows.last}`;
    if (plan.print.footer) p.CenterFooter = plan.print.footer;
  }
  for (const spec of plan.charts) addChart(ws, spec);
}

/**
 * Writes the result sheets: this tool's earlier ones deleted, new sheets added after the last one, each plan's values
 * and formulas as one 2-D `Formula` array, then formats by union ranges (one call per format, not per cell), links,
 * highlights, conditional formats, widths, frozen header rows and charts; the first sheet is left active at A1.
 */
export function renderEtPlans(app: EtApplication, workbook: EtWorkbook, plans: SheetPlan[], existing: Map<string, boolean>): string[] {
  const sheets = workbook.Worksheets;
  const names = plans.map((p) => targetName(p, existing));
  const screen = app.ScreenUpdating;
  const alerts = app.DisplayAlerts;
  app.ScreenUpdating = false;
  app.DisplayAlerts = false; // deleting a sheet would otherwise ask the clerk
  try {
    for (const name of names) if (existing.get(name)) sheets.Item(name).Delete();
    const added: EtWorksheet[] = [];
    let linkBudget = MAX_LINK_OBJECTS;
    for (let i = 0; i < plans.length; i++) {
      const ws = sheets.Add(undefined, sheets.Item(sheets.Count));
      ws.Name = names[i];
      added.push(ws);
      const plan = plans[i];
      const width = maxOf(
        plan.rows.map((r) => r.length),
        plan.colWidths.length,
      );
      const links: LinkCell[] = [];
      plan.rows.forEach((row, r) =>
        row.forEach((cell, col) => cell?.link && typeof cell.v === "string" && links.push({ row: r, col, cell })),
      );
      const objects = links.slice(0, Math.max(0, linkBudget));
      linkBudget -= objects.length;
      const asFormula = new Set(links.slice(objects.length).map((l) => l.cell));
      if (plan.rows.length > 0 && width > 0) {
        const formulas = plan.rows.map((r) =>
          Array.from({ length: width }, (_, c) => {
            const cell = r[c];
            return cell && asFormula.has(cell) ? hyperlinkFormula(cell.link as string, cell.v as string) : formulaOf(cell);
          }),
        );
        ws.Range("A1").Resize(plan.rows.length, width).Formula = formulas;
      }
      decorate(ws, plan, width, objects);
      if (plan.freezeRows > 0) {
        ws.Activate();
        const win = app.ActiveWindow;
        win.FreezePanes = false;
        win.SplitColumn = 0;
        win.SplitRow = plan.freezeRows;
        win.FreezePanes = true;
      }
    }
    if (added.length > 0) {
      added[0].Activate();
      added[0].Range("A1").Select();
    }
    return names;
  } finally {
    app.DisplayAlerts = alerts;
    app.ScreenUpdating = screen;
  }
}
