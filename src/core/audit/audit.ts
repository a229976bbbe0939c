import type { Analysis } from "../analyse/analysis";
import type { Finding } from "../base/findings";
import { CHECKS } from "./checks";
import { makeFinding } from "./checks/context";
import type { CheckContext } from "./checks/context";
import { readDocument } from "./document";
import type { Figure } from "./numbers";
import type { MoneyUnit } from "./vocabulary";
import { workbookLines } from "./workbook";
import type { WorkbookLine } from "./workbook";

/**
 * Checks the numbers of a report against themselves and, given the workbook's analysis, against the tables. The text
 * is read item by item into claims (claims.ts); each relation (checks/) runs only on figures bound to their item with
 * certainty, and a relation it cannot complete is counted as skipped, never guessed. Each finding quotes its
 * sentence, says what was expected and why, and how sure it is.
 */
export interface AuditResult {
  findings: Finding[];
  sentences: number;
  numbers: number;
  checked: number;
  skipped: number;
}

/**
 * `against`: the workbook the report is about — a check's result (its lines and 三公 items are read by workbookLines),
 * or the figures as a flat list (WorkbookLine[]), which is how a unit model across tables and workbooks can feed it.
 */
export function auditText(text: string, against: Analysis | WorkbookLine[] | null = null): AuditResult {
  const doc = readDocument(text);
  const findings: Finding[] = [];
  let checked = 0;
  let skipped = doc.skipped;
  const units = new Map<Figure, MoneyUnit>();
  const ctx: CheckContext = {
    doc,
    lines: against === null ? [] : Array.isArray(against) ? against : workbookLines(against),
    report: (rule, severity, at, data) => findings.push(makeFinding(doc, rule, severity, at, data)),
    checked: () => checked++,
    skip: () => skipped++,
    flagged: new Set(),
    unit: (f) => units.get(f) ?? (f.kind === "money" && f.unit ? (f.unit as MoneyUnit) : null),
    units,
    covered: new Set(),
  };
  for (const check of CHECKS) check.run(ctx);
  const order = (f: Finding) => Number(f.cell.slice(1));
  findings.sort((a, b) => order(a) - order(b));
  return { findings, sentences: doc.sentences, numbers: doc.numbers, checked, skipped };
}
