import type { Analysis } from "../analyse/analysis";
import { sortFindings } from "../base/findings";
import type { Finding } from "../base/findings";
import { frameworkFor, scoreFramework } from "./score";
import type { ScoringResult } from "./score";
import type { ScoringSettings } from "./scoring-settings";
import { verifyScoringTables } from "./verify";
import type { SheetScoring } from "./verify";

/** The whole check of a workbook: the analysis, the framework scored from it, a scoring sheet found in it, every finding. */
export interface CheckResult extends Analysis {
  /** The framework scored from the data and the clerk's scores (null when the workbook has no budget data at all). */
  scoring: ScoringResult | null;
  /** The first 绩效评分表 found in the workbook, as verified (all of them: scoringSheets). */
  scoringSheet: SheetScoring | null;
  scoringSheets: SheetScoring[];
  /** All findings, errors first (see sortFindings). */
  findings: Finding[];
}

export function scoreAnalysis(analysis: Analysis, settings: ScoringSettings): CheckResult {
  const findings = [...analysis.findings];
  const scoringSheets = verifyScoringTables(analysis.tables, findings);
  // A 绩效自评表 that carries its own scores is verified as it is (scoringSheets): the department framework is not scored
  // from its funds block.
  const scored = new Set(scoringSheets.filter((s) => s.items.some((i) => i.score !== null)).map((s) => s.sheet));
  const ownScored = new Set(analysis.tables.filter((t) => t.form === "selfeval-funds" && scored.has(t.sheet)).map((t) => t.id));
  const hasBudgetData =
    analysis.totals.some((t) => !ownScored.has(t.tableId)) || analysis.sangong !== null || analysis.tables.some((t) => t.kind === "staff");
  const scoring = hasBudgetData ? scoreFramework(frameworkFor(settings), analysis, settings) : null;
  return { ...analysis, scoring, scoringSheet: scoringSheets[0] ?? null, scoringSheets, findings: sortFindings(findings) };
}
