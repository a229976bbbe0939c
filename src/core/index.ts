/**
 * The one door into the core. Everything outside src/core (adapters, command line, task pane) imports from here;
 * inside, stages import each other directly, only downward:
 *   base → catalogue → read → recognise → analyse → score → present → report → audit → run
 */
export * from "./base/cell-grid";
export * from "./base/money";
export * from "./base/errors";
export * from "./base/findings";
export * from "./base/presentation";
export * from "./base/text";
export { FINDING_TEXT, RULE_TITLES, findingMessage } from "./catalogue/findings";
export * from "./catalogue/review";
export * from "./catalogue/errors";
export * from "./catalogue/scoring";
export { WPS_TEXT } from "./catalogue/wps";
export { AMOUNT_ROLES, COLUMN_ROLES, ROLE_LABELS } from "./recognise/column-roles";
export type { ColumnRole } from "./recognise/column-roles";
export type { Table, TableColumn, TableRow, TableKind, AmountCell } from "./recognise/table";
export { PLAN_MARK, isOutputGrid } from "./recognise/own-sheets";
export { tableKey } from "./recognise/recognize";
export type { Analysis, TableTotals } from "./analyse/analysis";
export type { VarianceLine } from "./analyse/variance";
export type { SangongItem, SangongResult } from "./analyse/sangong";
export type { CheckResult } from "./score/check-result";
export type { ScoringResult, ScoredItem } from "./score/score";
export { frameworkFor } from "./score/score";
export { FRAMEWORKS } from "./score/frameworks";
export type { Framework, Indicator, Rule } from "./score/framework";
export type { SheetScoring } from "./score/verify";
export * from "./present/sheet-plan";
export { changeText } from "./present/phrasing";
export { checkJson, CheckJsonSchema } from "./present/check-json";
export type { CheckJson } from "./present/check-json";
export { plainReview } from "./present/plain-review";
export { VARIANCE_SHEET, SANGONG_SHEET } from "./present/output-plans";
export { SCORING_SHEET } from "./present/scoring-plan";
export type { ReportModel, Run, Block, NumberRun } from "./report/model";
export { reportText, plainText } from "./report/model";
export { TEMPLATES, buildReport } from "./report/templates";
export type { TemplateId } from "./report/templates";
export { auditText } from "./audit/audit";
export type { AuditResult } from "./audit/audit";
export { auditJson, AuditJsonSchema } from "./audit/audit-json";
export type { AuditJson } from "./audit/audit-json";
export { plainAudit } from "./audit/plain-audit";
export * from "./run/settings";
export * from "./run/check";
export * from "./run/draft";
