import { auditText } from "../audit/audit";
import type { Finding } from "../base/findings";
import { DRAFT_ERRORS } from "../catalogue/errors";
import { findingMessage } from "../catalogue/findings";
import { reportText } from "../report/model";
import type { ReportModel } from "../report/model";
import { checkNumbers } from "../report/self-check";
import { buildReport } from "../report/templates";
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
function mirrorsWorkbook(f: Finding, result: CheckResult): boolean {
  return (
    f.rule === "text-sum" &&
    result.findings.some((w) => w.rule === "sum-mismatch" && w.data.stated === f.data.statedYuan && w.data.computed === f.data.expectedYuan)
  );
}

export interface Draft {
  model: ReportModel;
  /** Numbers checked, and placeholders left for the clerk. */
  numbers: number;
  placeholders: number;
}

/**
 * A report draft, checked before anyone sees it: every number against its value and its base, then the whole text read
 * by the report audit as a reviewer would (sums, changes, rates, directions, units, the workbook).
 */
export function draftReport(template: TemplateId, result: CheckResult, settings: Settings): Draft {
  const model = buildReport(template, result, settings);
  const check = checkNumbers(model, { unit: settings.displayUnit, decimals: settings.decimals });
  const problems = [...check.problems];
  for (const f of auditText(reportText(model), result).findings) {
    if (f.severity === "error" && !mirrorsWorkbook(f, result)) problems.push(DRAFT_ERRORS.auditFinding(findingMessage(f, settings)));
  }
  if (problems.length > 0) throw new DraftCheckError(problems);
  return { model, numbers: check.numbers, placeholders: check.placeholders };
}
