/** A data problem, always tied to the cell to look at. Wording lives in messages.ts, keyed by rule. */
export type Severity = "error" | "warning" | "info";
export type FindingData = Record<string, string | number | boolean | null>;

export interface Finding {
  rule: RuleId;
  severity: Severity;
  sheet: string;
  cell: string;
  data: FindingData;
  /** Size of the problem in 元 (or points), for ordering by importance; not shown. */
  magnitude?: number;
}

/** Stable ids: tests, scripts and users rely on them. Add, never rename. */
export const RULE_IDS = [
  "bad-value",
  "sum-mismatch",
  "rounding",
  "over-threshold",
  "no-budget",
  "over-budget",
  "sangong-increase",
  "score-over-max",
  "score-sum-mismatch",
  "duplicate-item",
  "grade-mismatch",
  "text-sum",
  "text-diff",
  "text-rate",
  "text-direction",
  "text-unit",
  "text-base-zero",
  "text-vs-table",
  "text-score",
  "unit-assumed",
  "unit-conflict",
  "header-ambiguous",
  "precision",
  "amount-range",
  "parts-mismatch",
  "form-mismatch",
  "unit-suspect",
  "rate-mismatch",
] as const;
export type RuleId = (typeof RULE_IDS)[number];

export const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export function finding(
  rule: RuleId,
  severity: Severity,
  sheet: string,
  cell: string,
  data: FindingData = {},
  magnitude?: number,
): Finding {
  return magnitude === undefined ? { rule, severity, sheet, cell, data } : { rule, severity, sheet, cell, data, magnitude };
}

/** Within a severity, the kinds a clerk must act on first. */
const RULE_ORDER: Partial<Record<RuleId, number>> = {
  "bad-value": 0,
  "sum-mismatch": 1,
  "parts-mismatch": 1,
  "form-mismatch": 1,
  "unit-suspect": 1,
  "score-sum-mismatch": 1,
  "grade-mismatch": 2,
  "over-budget": 3,
  "no-budget": 4,
  "sangong-increase": 5,
  "over-threshold": 6,
};

/** Errors first, then warnings, then info; then by kind; then the larger amount first; then reading order. */
export function sortFindings(findings: Finding[]): Finding[] {
  return findings
    .map((f, i) => ({ f, i }))
    .sort(
      (a, b) =>
        SEVERITY_ORDER[a.f.severity] - SEVERITY_ORDER[b.f.severity] ||
        (RULE_ORDER[a.f.rule] ?? 9) - (RULE_ORDER[b.f.rule] ?? 9) ||
        (b.f.magnitude ?? 0) - (a.f.magnitude ?? 0) ||
        a.i - b.i,
    )
    .map((x) => x.f);
}
