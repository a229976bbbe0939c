import { checkWorkbook, isOutputGrid, resultSheets } from "../core";
import type { CheckResult } from "../core";
import type { Settings } from "../core";
import type { CellGrid } from "../core";
import type { Capabilities } from "./capabilities";
import { readGrids } from "./read-grids";
import type { ReadStats } from "./read-grids";
import { renderPlans } from "./render-plans";
import type { RenderStats } from "./render-plans";

/** Where the ribbon command leaves its failure for the pane to show (a function command has no UI of its own). */
export const LAST_ERROR_KEY = "juesuan.lastCommandError";

export type CheckStep = "read" | "analyze" | "write" | "done";
export const STEP_LABELS: Record<CheckStep, string> = {
  read: "正在读取工作表…",
  analyze: "正在识别表格并核对…",
  write: "正在写入结果表…",
  done: "完成",
};

export interface CheckRun {
  analysis: CheckResult;
  grids: CellGrid[];
  sheets: string[];
  read: ReadStats;
  render: RenderStats;
}

/** The one-click check: read every sheet, analyse in core, write 差异分析/三公经费对比, select the summary. */
export async function runCheck(
  run: <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>,
  settings: Settings,
  caps: Capabilities,
  progress: (step: CheckStep) => void = () => undefined,
): Promise<CheckRun> {
  return run(async (context) => {
    progress("read");
    const { grids, stats: read } = await readGrids(context, caps.mergedAreas);
    progress("analyze");
    const analysis = checkWorkbook(grids, settings);
    progress("write");
    const existing = new Map(grids.map((g) => [g.sheet, isOutputGrid(g)]));
    const plans = resultSheets(analysis, settings);
    const { names, stats: render } =
      plans.length > 0
        ? await renderPlans(context, plans, { existing, canChart: caps.charts })
        : { names: [], stats: { syncs: 0, largestRequestBytes: 0 } };
    progress("done");
    return { analysis, grids, sheets: names, read, render };
  });
}
