import { analyzeWorkbook } from "../analyse/analysis";
import type { CellGrid } from "../base/cell-grid";
import { UnusableInputError } from "../base/errors";
import { INPUT_ERRORS } from "../catalogue/errors";
import { buildOutputPlans } from "../present/output-plans";
import type { SheetPlan } from "../present/sheet-plan";
import { scoreAnalysis } from "../score/check-result";
import type { CheckResult } from "../score/check-result";
import type { Settings } from "./settings";

/** The one check every front runs: recognise the tables, analyse them, score, every finding sorted. */
export function checkWorkbook(grids: CellGrid[], settings: Settings): CheckResult {
  return scoreAnalysis(analyzeWorkbook(grids, settings), settings.scoring);
}

/** For fronts that need a table to work with (the command line): no table is unusable input, said plainly. */
export function requireTables(result: CheckResult, fileName: string): CheckResult {
  if (result.tables.length === 0) throw new UnusableInputError(INPUT_ERRORS.noTables.zh(fileName), INPUT_ERRORS.noTables.en(fileName));
  return result;
}

/** The result sheets of a check (none when no table was recognised). */
export function resultSheets(result: CheckResult, settings: Settings): SheetPlan[] {
  return result.tables.length > 0 ? buildOutputPlans(result, settings) : [];
}
