import { columnLetter, HIGHLIGHT_FILL } from "../core";
import type { CellStyle, ChartSpec, HighlightStyle, PlanCell, PrintSetup, SheetPlan } from "../core";
import { maxOf } from "../core";
import { batchBySize, BYTES_PER_CELL, jsonBytes, rowBlocks } from "./batching";
import { hostStep } from "./host-error";

export interface RenderStats {
  syncs: number;
  largestRequestBytes: number;
}

const fill = (style: HighlightStyle) => `#${HIGHLIGHT_FILL[style]}`;
const HEADER_FILL = "#D9E1F2";

export interface RenderOptions {
  /** Sheets that exist now, with whether this tool wrote them (A1 carries the mark). */
  existing: Map<string, boolean>;
  /** Feature detection (ExcelApi above 1.7 is never assumed). */
  canChart: boolean;
  /** ExcelApi 1.9: page layout (orientation, fit to width, print titles, footer). */
  canPageLayout?: boolean;
}

/** The sheet name a plan gets: ours are replaced; a user's own sheet with that name is kept and ours is suffixed. */
export function targetName(plan: SheetPlan, existing: Map<string, boolean>): string {
  return existing.get(plan.name) === false ? `${plan.name}_决算助手` : plan.name;
}

function formulaOf(c: PlanCell | undefined): string | number | boolean | null {
  if (!c) return "";
  if (c.f !== undefined) return `=${c.f}`;
  if (c.v === null || c.v === undefined) return "";
  // A text that looks like a formula or number must stay text (科目编码 "301" stays "301").
  if (typeof c.v === "string" && /^[=+\-@]|^\d+$/.test(c.v)) return `'${c.v}`;
  return c.v;
}

function styleCell(range: Excel.Range, style: CellStyle): void {
  const f = range.format;
  if (style === "title") {
    f.font.bold = true;
    f.font.size = 14;
  } else if (style === "subtitle" || style === "total") f.font.bold = true;
  else if (style === "header") {
    f.font.bold = true;
    f.fill.color = HEADER_FILL;
    f.horizontalAlignment = "Center";
    f.wrapText = true;
  } else if (style === "note") {
    f.font.italic = true;
    f.font.color = "#595959";
  } else if (style === "link") {
    f.font.color = "#0563C1";
    f.font.underline = "Single";
  }
}

function addChart(ws: Excel.Worksheet, spec: ChartSpec): void {
  const type = spec.type === "barClustered" ? "BarClustered" : "ColumnClustered";
  const chart = ws.charts.add(type, ws.getRange(spec.series[0].values), "Columns");
  chart.title.text = spec.title;
  const first = chart.series.getItemAt(0);
  first.name = spec.series[0].name;
  first.setXAxisValues(ws.getRange(spec.categories));
  for (const s of spec.series.slice(1)) {
    const series = chart.series.add(s.name);
    series.setValues(ws.getRange(s.values));
    series.setXAxisValues(ws.getRange(spec.categories));
  }
  const anchor = ws.getRange(spec.anchor);
  chart.setPosition(anchor, anchor.getOffsetRange(18, 8));
}

/**
 * Writes the plans: earlier output deleted, sheets added, values and formulas as 2-D arrays in row blocks,
 * then formats, highlights, conditional formats and charts, with calculation suspended until the sync.
 * Ordinary output goes out in one sync; only output larger than the payload budget takes more.
 */
export async function renderPlans(
  context: Excel.RequestContext,
  plans: SheetPlan[],
  options: RenderOptions,
): Promise<{ names: string[]; stats: RenderStats }> {
  const stats: RenderStats = { syncs: 0, largestRequestBytes: 0 };
  const sheets = context.workbook.worksheets;
  const names = plans.map((p) => targetName(p, options.existing));
  context.application.suspendApiCalculationUntilNextSync();
  for (const name of names) if (options.existing.get(name)) sheets.getItem(name).delete();

  type Job = { plan: number; start: number; rows: number; width: number };
  const jobs: Job[] = plans.flatMap((p, i) => {
    const width = maxOf(
      p.rows.map((r) => r.length),
      p.colWidths.length,
    );
    return rowBlocks(p.rows.length, width, BYTES_PER_CELL * 2).map((b) => ({ plan: i, start: b.start, rows: b.rows, width }));
  });
  const batches = batchBySize(jobs, (j) => j.rows * j.width * BYTES_PER_CELL * 2);
  const added = plans.map((p, i) => sheets.add(names[i]));
  let first = true;
  for (const batch of batches) {
    if (!first) context.application.suspendApiCalculationUntilNextSync();
    let bytes = 0;
    for (const job of batch) {
      const plan = plans[job.plan];
      const ws = added[job.plan];
      const rows = plan.rows.slice(job.start, job.start + job.rows);
      const formulas = rows.map((r) => Array.from({ length: job.width }, (_, c) => formulaOf(r[c])));
      const formats = rows.map((r) => Array.from({ length: job.width }, (_, c) => r[c]?.fmt ?? "General"));
      const range = ws.getRangeByIndexes(job.start, 0, job.rows, job.width);
      range.numberFormat = formats;
      range.formulas = formulas as unknown as string[][];
      bytes += jsonBytes(formulas) + jsonBytes(formats);
      rows.forEach((r, i) =>
        r.forEach((c, col) => {
          if (!c) return;
          const cell = ws.getCell(job.start + i, col);
          if (c.style) styleCell(cell, c.style);
          if (c.wrap) cell.format.wrapText = true;
          if (c.link && typeof c.v === "string") cell.hyperlink = { documentReference: c.link, textToDisplay: c.v };
        }),
      );
    }
    if (first) {
      plans.forEach((plan, i) => decorate(added[i], plan, options.canChart));
      added[0].activate();
      added[0].getRange("A1").select();
      first = false;
    }
    stats.largestRequestBytes = Math.max(stats.largestRequestBytes, bytes);
    stats.syncs++;
    // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per 4 MB batch: a single batch for ordinary workbooks
    await hostStep("写入结果表", () => context.sync());
  }
  if (options.canPageLayout && plans.some((p) => p.print)) {
    // Page setup in a sync of its own: a host that refuses part of it leaves the sheets written, only less ready to print.
    plans.forEach((plan, i) => plan.print && pageSetup(added[i], plan.print));
    stats.syncs++;
    await context.sync().catch(() => undefined);
  }
  return { names, stats };
}

/** Page setup through ExcelApi 1.9's pageLayout: A4, one page wide, the header row repeated, page numbers. */
function pageSetup(ws: Excel.Worksheet, print: PrintSetup): void {
  const layout = ws.pageLayout;
  layout.paperSize = "A4";
  layout.orientation = print.orientation === "landscape" ? "Landscape" : "Portrait";
  layout.centerHorizontally = true;
  if (print.fitToWidth) layout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
  if (print.titleRows) layout.setPrintTitleRows(`$${print.titleRows.first}:$${print.titleRows.last}`);
  if (print.footer) layout.headersFooters.defaultForAllPages.centerFooter = print.footer;
}

function decorate(ws: Excel.Worksheet, plan: SheetPlan, canChart: boolean): void {
  plan.colWidths.forEach((w, i) => (ws.getRange(`${columnLetter(i)}:${columnLetter(i)}`).format.columnWidth = w * 6));
  const last = columnLetter(Math.max(plan.colWidths.length - 1, 0));
  // Rows of wrapped text are taller than one line: every cell sits at the top, so a row reads across.
  if (plan.heights && plan.heights.length > 0) ws.getRange(`A1:${last}${plan.rows.length}`).format.verticalAlignment = "Top";
  for (const h of plan.highlights) {
    const range = h.col === undefined ? `A${h.row + 1}:${last}${h.row + 1}` : `${columnLetter(h.col)}${h.row + 1}`;
    ws.getRange(range).format.fill.color = fill(h.style);
  }
  for (const rule of plan.conditional) {
    const cf = ws.getRange(rule.range).conditionalFormats.add("Custom");
    cf.custom.rule.formula = `=${rule.formula}`;
    cf.custom.format.fill.color = fill(rule.style);
    cf.custom.format.font.bold = true;
  }
  for (const m of plan.merges ?? []) {
    const range = ws.getRange(`${columnLetter(m.from)}${m.row + 1}:${columnLetter(m.to)}${m.row + 1}`);
    range.merge(false);
    range.format.wrapText = true;
    range.format.verticalAlignment = "Top";
  }
  for (const h of plan.heights ?? []) ws.getRange(`A${h.row + 1}`).format.rowHeight = h.points;
  if (plan.freezeRows > 0) ws.freezePanes.freezeRows(plan.freezeRows);
  if (canChart) for (const spec of plan.charts) addChart(ws, spec);
}

/**
 * Deletes sheets this tool wrote, by name, in one sync; a name whose A1 lacks our mark is never deleted (the caller
 * passes names read with the mark, and the check is repeated here against a stale list).
 */
export async function removeSheets(context: Excel.RequestContext, names: string[], mark: string): Promise<string[]> {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name");
  await hostStep("读取工作表列表", () => context.sync());
  const present = sheets.items.filter((ws) => names.includes(ws.name));
  const a1s = present.map((ws) => {
    const a1 = ws.getRange("A1");
    a1.load("values");
    return { ws, a1 };
  });
  await hostStep("读取结果表", () => context.sync());
  const ours = a1s.filter((x) => String(x.a1.values[0]?.[0] ?? "").includes(mark));
  // Excel refuses to delete the last sheet: a workbook of nothing but our sheets keeps one.
  const doomed = sheets.items.length - ours.length < 1 ? ours.slice(1) : ours;
  for (const x of doomed) x.ws.delete();
  await hostStep("删除结果表", () => context.sync());
  return doomed.map((x) => x.ws.name);
}
