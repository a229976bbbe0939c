import { analyzeWorkbook } from "../analyse/analysis";
import { findDigitSlips } from "../analyse/digit-slip";
import type { CellGrid } from "../base/cell-grid";
import { UnusableInputError } from "../base/errors";
import { INPUT_ERRORS } from "../catalogue/errors";
import { buildFindingsPlan, buildNotesPlan } from "../present/notes-plan";
import { buildOutputPlans } from "../present/output-plans";
import type { SheetPlan } from "../present/sheet-plan";
import { readClerkInputs } from "../recognise/clerk-inputs";
import { inTable } from "../recognise/table";
import type { Table } from "../recognise/table";
import type { ClerkInputs } from "../recognise/clerk-inputs";
import { scoreAnalysis } from "../score/check-result";
import type { Indicator } from "../score/framework";
import { measure } from "../score/measures";
import type { CheckResult } from "../score/check-result";
import { mergeClerkInputs } from "./clerk-inputs";
import type { Settings } from "./settings";

/** A check and the settings it ran with: the clerk's stored choices with what they typed into our sheets merged in. */
export interface CheckedWorkbook<S extends Settings = Settings> extends CheckResult {
  settings: S;
  /** What was read back from our result sheets (scores, rates, 说明). */
  clerkInputs: ClerkInputs;
}

/**
 * The one check every front runs: the clerk's inputs read back from our result sheets and merged into the settings
 * (so rebuilding the sheets never loses them), then the tables recognised, analysed, a mistyped digit found, scored,
 * every finding sorted. `edit` applies a change the clerk just made in a pane on top of the merged settings, so a score
 * changed in the pane wins over the older one still in the sheet.
 */
export function checkWorkbook<S extends Settings>(grids: CellGrid[], settings: S, edit?: (merged: S) => S): CheckedWorkbook<S> {
  const clerkInputs = readClerkInputs(grids);
  // The merge touches only scores, rates and 说明: the analysis can run first, with the edit's thresholds and columns.
  const analysis = findDigitSlips(analyzeWorkbook(grids, edit ? edit(settings) : settings));
  // Each finding knows the unit of the table its cell is in (how an amount it names is best shown). By sheet: a county's
  // 200 tables and thousands of findings stay linear.
  const bySheet = new Map<string, Table[]>();
  for (const t of analysis.tables) bySheet.set(t.sheet, [...(bySheet.get(t.sheet) ?? []), t]);
  for (const f of analysis.findings) f.unit ??= bySheet.get(f.sheet)?.find((t) => inTable(t, f.sheet, f.cell))?.unit;
  const dataMissing = (i: Indicator) => !!i.measure && i.measure !== "entered" && measure(i.measure, analysis, undefined).rate === null;
  const merged = mergeClerkInputs(settings, clerkInputs, dataMissing);
  const effective = edit ? edit(merged) : merged;
  return { ...scoreAnalysis(analysis, effective.scoring), settings: effective, clerkInputs };
}

/** 「审核说明」 alone, rewritten when the clerk saves a 说明 in a pane (so sheet and settings agree). */
export function notesSheet(result: CheckResult, settings: Settings): SheetPlan {
  return buildNotesPlan(result.findings, settings.notes, settings);
}

/** For fronts that need a table to work with (the command line): no table is unusable input, said plainly. */
export function requireTables<R extends CheckResult>(result: R, fileName: string): R {
  if (result.tables.length === 0) throw new UnusableInputError(INPUT_ERRORS.noTables.zh(fileName), INPUT_ERRORS.noTables.en(fileName));
  return result;
}

/**
 * The result sheets of a check (none when no table was recognised). A result from checkWorkbook carries the settings it
 * ran with (the clerk's sheet inputs merged in); those are used, so every front writes the 说明 and scores back.
 */
export function resultSheets(
  result: CheckResult & Partial<Pick<CheckedWorkbook, "settings" | "clerkInputs">>,
  settings: Settings,
): SheetPlan[] {
  if (result.tables.length === 0) return [];
  return buildOutputPlans(result, result.settings ?? settings, (result.clerkInputs?.notes ?? null) !== null);
}

/** 「问题清单」: every finding with why and what to do (the pane's 导出问题清单). */
export function findingsSheet(result: CheckResult & Partial<Pick<CheckedWorkbook, "settings">>, settings: Settings): SheetPlan {
  const s = result.settings ?? settings;
  return buildFindingsPlan(result.findings, s.notes, s);
}
