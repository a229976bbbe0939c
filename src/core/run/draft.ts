import type { ReportFacts } from "../analyse/report-facts";
import { auditText } from "../audit/audit";
import type { Finding } from "../base/findings";
import { DRAFT_ERRORS } from "../catalogue/errors";
import { DRAFT_GAPS } from "../catalogue/report";
import { findingMessage } from "../catalogue/findings";
import { reportFacts } from "../report/facts";
import { CHECK_MARK, reportText } from "../report/model";
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

/**
 * A total that does not add up in the draft because it does not add up in the workbook: the clerk's data, already a
 * sum-mismatch finding of the check, reported faithfully — not a fault of the draft.
 */
function mirrorsWorkbook(f: Finding, result: CheckResult | null): boolean {
  // A sentence whose figure the draft marks 【请核对：…】 states the workbook's error on purpose, in plain sight.
  if (typeof f.data.quote === "string" && f.data.quote.includes(CHECK_MARK)) return true;
  return (
    result !== null &&
    f.rule === "text-sum" &&
    result.findings.some((w) => w.rule === "sum-mismatch" && w.data.stated === f.data.statedYuan && w.data.computed === f.data.expectedYuan)
  );
}

export interface Draft {
  model: ReportModel;
  /** The facts the draft was written from (the same the unit's own Word template is filled from). */
  facts: ReportFacts;
  /** Numbers checked, placeholders left for the clerk (facts the workbook does not hold), figures marked for checking. */
  numbers: number;
  placeholders: number;
  checks: number;
  /** What the workbook lacks for this report, for the clerk (a 决算说明 from 预算 tables only); null when nothing is. */
  gap: string | null;
}

/**
 * A 决算说明 or 绩效评价报告 is written from 决算 figures: a workbook without any gives a frame of 【请填写】, and the clerk is
 * told why rather than left to wonder. (A 自评报告 is written from its 自评表 and says so in its own placeholders.)
 */
export function draftGap(template: TemplateId, result: CheckResult | null): string | null {
  if (result === null || template === "self-evaluation") return null;
  if (result.tables.some((t) => t.roles.actual)) return null;
  if (result.tables.length === 0) return DRAFT_GAPS.noTables;
  const budgets = result.tables.filter((t) => t.roles.budget || t.roles.budgetInitial || t.roles.budgetFinal).length;
  return DRAFT_GAPS.noFinal(result.tables.length, budgets);
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
    if (f.severity === "error" && !mirrorsWorkbook(f, result)) problems.push(DRAFT_ERRORS.auditFinding(findingMessage(f, settings)));
  }
  if (problems.length > 0) throw new DraftCheckError(problems);
  return { model, facts, numbers: check.numbers, placeholders: check.placeholders, checks: check.checks, gap: draftGap(template, result) };
}
