import { SEVERITY_SHORT, AUDIT_REVIEW } from "../catalogue/review";
import { RULE_TITLES } from "../catalogue/findings";
import type { AuditJson } from "./audit-json";
import type { AuditResult } from "./audit";

/** The audit as a clerk reads it in a terminal: what was read, then each finding with its paragraph and confidence. */
export function plainAudit(report: string, against: string | null, result: AuditResult, doc: AuditJson): string {
  const lines: string[] = [AUDIT_REVIEW.heading(report, against), ""];
  lines.push(AUDIT_REVIEW.counts(result.sentences, result.numbers, result.checked, result.skipped));
  lines.push(AUDIT_REVIEW.verdict(doc.findings.length, result.checked));
  doc.findings.forEach((f, i) => {
    const confidence = AUDIT_REVIEW.confidence[String(f.data.confidence)] ?? AUDIT_REVIEW.confidence.medium;
    lines.push(AUDIT_REVIEW.finding(i + 1, f.cell.slice(1), RULE_TITLES[f.rule], SEVERITY_SHORT[f.severity], confidence, f.message));
  });
  return lines.join("\n") + "\n";
}
