import type { ReportFacts } from "../analyse/report-facts";
import { auditText } from "../audit/audit";
import { DRAFT_ERRORS } from "../catalogue/errors";
import { findingMessage } from "../catalogue/findings";
import { reportFacts } from "../report/facts";
import { reportText } from "../report/model";
import type { ReportModel } from "../report/model";
import { checkNumbers } from "../report/self-check";
import { buildFromFacts } from "../report/templates";
import type { TemplateId } from "../report/templates";
import type { CheckResult } from "../score/check-result";
import type { Settings } from "./settings";

/** A draft failed its own check: a bug in the report code, never the clerk's error. */
export class DraftCheckError extends Error {
  constructor(readonly problems: string[]) {
    super(DRAFT_ERRORS.selfCheck(problems.join("；")));
    this.name = "DraftCheckError";
  }
}

export interface Draft {
  model: ReportModel;
  /** The facts the draft was written from (the same the unit's own Word template is filled from). */
  facts: ReportFacts;
  /** Numbers checked, placeholders left for the clerk (facts the workbook does not hold), figures marked for checking. */
  numbers: number;
  placeholders: number;
  checks: number;
}

/**
 * A report draft, checked before anyone sees it: every number against its value and its base, then the whole text read
 * by the report audit as a reviewer would (sums, changes, rates, directions, units, the workbook).
 */
export function draftReport(template: TemplateId, result: CheckResult, settings: Settings): Draft {
  return draftFromFacts(template, reportFacts(result), settings, result);
}

/** The same from facts built elsewhere (the national forms' builder, a test's hand-built facts). */
export function draftFromFacts(template: TemplateId, facts: ReportFacts, settings: Settings, result: CheckResult | null = null): Draft {
  const model = buildFromFacts(template, facts, settings);
  const check = checkNumbers(model, { unit: settings.displayUnit, decimals: settings.decimals });
  const problems = [...check.problems];
  for (const f of auditText(reportText(model), result).findings) {
    if (f.severity === "error") problems.push(DRAFT_ERRORS.auditFinding(findingMessage(f, settings)));
  }
  if (problems.length > 0) throw new DraftCheckError(problems);
  return { model, facts, numbers: check.numbers, placeholders: check.placeholders, checks: check.checks };
}
