import { checkWorkbook, isOutputGrid, resultSheets } from "../../core";
import type { CellGrid, CheckResult, SheetPlan } from "../../core";
import type { Settings } from "../../core";

export type CheckStep = "read" | "analyze" | "write" | "done";

export interface HostCheckRun {
  analysis: CheckResult;
  grids: CellGrid[];
  sheets: string[];
}

/**
 * The one-click check over any workbook host: read every sheet, analyse in core, write the result sheets (replacing
 * this tool's earlier ones). The checking is all in core; this only moves grids and plans.
 */
export async function runHostCheck(
  host: { readGrids(): Promise<CellGrid[]>; writeSheets(plans: SheetPlan[], existing: Map<string, boolean>): Promise<string[]> },
  settings: Settings,
  progress: (step: CheckStep) => void = () => undefined,
): Promise<HostCheckRun> {
  progress("read");
  const grids = await host.readGrids();
  progress("analyze");
  const analysis = checkWorkbook(grids, settings);
  progress("write");
  const plans = resultSheets(analysis, settings);
  const existing = new Map(grids.map((g) => [g.sheet, isOutputGrid(g)]));
  const sheets = plans.length > 0 ? await host.writeSheets(plans, existing) : [];
  progress("done");
  return { analysis, grids, sheets };
}
