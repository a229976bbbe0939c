import { columnLetter } from "../core";
import type { CellStyle, ChartSpec, PlanCell, SheetPlan } from "../core";
import { maxOf } from "../core";
import { batchBySize, BYTES_PER_CELL, jsonBytes, rowBlocks } from "./batching";
import { hostStep } from "./host-error";

export interface RenderStats {
  syncs: number;
  largestRequestBytes: number;
}

const FILL = { warning: "#FFF2CC", error: "#F8CBAD" } as const;
const HEADER_FILL = "#D9E1F2";

export interface RenderOptions {
  /** Sheets that exist now, with whether this tool wrote them (A1 carries the mark). */
  existing: Map<string, boolean>;
  /** Feature detection (ExcelApi above 1.7 is never assumed). */
  canChart: boolean;
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
  return { names, stats };
}

function decorate(ws: Excel.Worksheet, plan: SheetPlan, canChart: boolean): void {
  plan.colWidths.forEach((w, i) => (ws.getRange(`${columnLetter(i)}:${columnLetter(i)}`).format.columnWidth = w * 6));
  const last = columnLetter(Math.max(plan.colWidths.length - 1, 0));
  for (const h of plan.highlights) ws.getRange(`A${h.row + 1}:${last}${h.row + 1}`).format.fill.color = FILL[h.style];
  for (const rule of plan.conditional) {
    const cf = ws.getRange(rule.range).conditionalFormats.add("Custom");
    cf.custom.rule.formula = `=${rule.formula}`;
    cf.custom.format.fill.color = FILL[rule.style];
    cf.custom.format.font.bold = true;
  }
  if (plan.freezeRows > 0) ws.freezePanes.freezeRows(plan.freezeRows);
  if (canChart) for (const spec of plan.charts) addChart(ws, spec);
}
