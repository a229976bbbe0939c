import type { Unit } from "./money";

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
  /**
   * The unit of the table the cell is in. An exact amount the clerk's decimals cannot hold is shown with the digits it
   * needs in that unit when it is the clerk's unit too (89.974万元 in a 万元 table kept to three decimals), else in 元.
   */
  unit?: Unit;
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
  "table-empty",
  "unit-conflict",
  "header-ambiguous",
  "precision",
  "amount-range",
  "parts-mismatch",
  "form-mismatch",
  "unit-suspect",
  "rate-mismatch",
  "digit-slip",
  "change-mismatch",
  "balance-mismatch",
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
  "digit-slip": 0,
  "sum-mismatch": 1,
  "parts-mismatch": 1,
  "form-mismatch": 1,
  "balance-mismatch": 1,
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

/** What a finding is about, as the clerk names it: the item, the table, the quoted sentence; "" when nothing names it. */
export function findingSubject(f: Finding): string {
  const d = f.data;
  for (const k of ["name", "item", "title"]) if (typeof d[k] === "string" && d[k]) return d[k] as string;
  return "";
}

/**
 * A finding's stable key (rule, sheet, cell, item): what a clerk's 说明 for it is stored under, so the note survives
 * re-checks as long as the finding does. The parts are joined with "|", which none of them may contain in practice.
 */
export function findingKey(f: Pick<Finding, "rule" | "sheet" | "cell" | "data">): string {
  return keyOf(f.rule, f.sheet, f.cell, findingSubject(f as Finding));
}

export function keyOf(rule: string, sheet: string, cell: string, subject: string): string {
  return [rule, sheet, cell, subject].join("|");
}
