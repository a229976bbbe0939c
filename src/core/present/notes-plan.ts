import { qualifiedAddress } from "../base/cell-grid";
import { findingKey, findingSubject } from "../base/findings";
import type { Finding } from "../base/findings";
import type { Presentation } from "../base/presentation";
import { findingAdvice, findingMessage, RULE_TITLES } from "../catalogue/findings";
import { SEVERITY_SHORT } from "../catalogue/review";
import { FINDINGS_SHEET, NOTES_HEADERS, NOTES_SHEET, SHEET_TEXT } from "../catalogue/sheets";
import { PLAN_MARK, PlanBuilder, ref } from "./sheet-plan";
import type { PlanCell, SheetPlan } from "./sheet-plan";

export { FINDINGS_SHEET, NOTES_SHEET };

/** The findings that need a written 说明 before the report is submitted: the 提示 (warnings). */
export function findingsNeedingNotes(findings: Finding[]): Finding[] {
  return findings.filter((f) => f.severity === "warning");
}

const H = NOTES_HEADERS;

function findingCells(f: Finding, i: number, p: Presentation): PlanCell[] {
  return [
    { v: i + 1 },
    { v: SEVERITY_SHORT[f.severity] },
    { v: findingSubject(f) || `${f.sheet}!${f.cell}`, link: qualifiedAddress(f.sheet, f.cell), style: "link", wrap: true },
    { v: `${f.sheet}!${f.cell}` },
    { v: RULE_TITLES[f.rule] },
    { v: findingMessage(f, p), wrap: true },
  ];
}

/**
 * 「审核说明」: one row per 提示 with a 说明 cell for the clerk (blue until filled), kept across checks: the 说明 are read
 * back from this sheet and stored in the workbook's settings before it is rebuilt.
 */
export function buildNotesPlan(findings: Finding[], notes: Record<string, string>, p: Presentation): SheetPlan {
  const list = findingsNeedingNotes(findings);
  const b = new PlanBuilder();
  b.add([{ v: `${NOTES_SHEET}${PLAN_MARK}`, style: "title" }]);
  b.note(SHEET_TEXT.notesNote);
  b.legend(["warning", "input"], 2);
  const headerRow = b.add(
    [H.index, H.severity, H.subject, H.where, H.rule, H.message, H.note].map((v) => ({ v, style: "header" as const })),
  );
  const first = b.nextRow;
  list.forEach((f, i) => {
    const note = notes[findingKey(f)] ?? "";
    const row = b.add([...findingCells(f, i, p), { v: note, wrap: true }]);
    b.highlight(row, "warning", 1);
    if (!note) b.highlight(row, "input", 6);
  });
  const last = b.nextRow - 1;
  b.blank();
  if (list.length > 0) {
    const range = `${ref(6, first)}:${ref(6, last)}`;
    b.add([{ f: `"已填写说明 "&COUNTA(${range})&" 项，共 ${list.length} 项"`, style: "total" }]);
  } else b.add([{ v: SHEET_TEXT.noFindings, style: "note" }]);
  return b.build(NOTES_SHEET, [5, 6, 18, 16, 14, 52, 40], headerRow);
}

/** 「问题清单」: every finding with why it matters and what to do, for the clerk to print or hand on. */
export function buildFindingsPlan(findings: Finding[], notes: Record<string, string>, p: Presentation): SheetPlan {
  const b = new PlanBuilder();
  b.add([{ v: `${FINDINGS_SHEET}${PLAN_MARK}`, style: "title" }]);
  b.note(SHEET_TEXT.findingsNote);
  b.legend(["error", "warning"], 2);
  const headerRow = b.add(
    [H.index, H.severity, H.subject, H.where, H.rule, H.message, H.advice, H.note].map((v) => ({ v, style: "header" as const })),
  );
  findings.forEach((f, i) => {
    const advice = findingAdvice(f);
    const row = b.add([
      ...findingCells(f, i, p),
      { v: `${advice.why}${advice.todo}`, wrap: true },
      { v: notes[findingKey(f)] ?? "", wrap: true },
    ]);
    if (f.severity !== "info") b.highlight(row, f.severity === "error" ? "error" : "warning", 1);
  });
  if (findings.length === 0) b.add([{ v: SHEET_TEXT.noFindings, style: "note" }]);
  return b.build(FINDINGS_SHEET, [5, 6, 18, 16, 14, 44, 36, 28], headerRow);
}
