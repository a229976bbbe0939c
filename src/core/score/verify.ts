import { finding } from "../base/findings";
import type { Finding } from "../base/findings";
import { hundredthsText } from "../base/money";
import type { Table, TableRow } from "../recognise/table";
import { squash } from "../base/text";
import { DEFAULT_GRADES, gradeOf } from "./framework";

/**
 * Checks a 绩效评分表 (and a separate 加分项 list) already in the workbook: scores over their 分值, group
 * subtotals and totals that are not the sum of their items (for 分值 and for 得分), the stated full score
 * against the weights, repeated items, a stated bonus its items do not give, and a grade the score does not give.
 */
export interface SheetScoring {
  sheet: string;
  range: string;
  /** Points in hundredths (250 = 2.5 分). */
  items: { name: string; level1: string | null; cell: string; max: number | null; score: number | null }[];
  baseTotal: number | null;
  bonusTotal: number | null;
  total: number | null;
  grade: string | null;
}

const BONUS_ROW = /^(加分|加分项|加分合计|创先争优加分|奖励加分)/;
const GRAND_ROW = /^(总分|总得分|最终得分|综合得分|合计\(含加分\))/;
const GRADE_ROW = /(等级|评价结果|评定结果)/;
const GRADE_TEXT = /(优|良|中|差)/;

const kindOf = (r: TableRow): "item" | "subtotal" | "total" | "bonus" | "grand" | "grade" => {
  const n = squash(r.name);
  if (GRADE_ROW.test(n)) return "grade";
  if (GRAND_ROW.test(n)) return "grand";
  if (BONUS_ROW.test(n)) return "bonus";
  if (r.isTotal) return r.totalKind === "subtotal" ? "subtotal" : "total";
  return "item";
};
const num = (r: TableRow, role: "maxScore" | "score") => (r.amounts[role]?.bad ? null : (r.amounts[role]?.value ?? null));
const fmt = hundredthsText;
const sumPoints = (values: (number | null)[]) => values.reduce<number>((a, b) => a + (b ?? 0), 0);
/** Names compare without spaces, quotes and numbering, so "《先进…》" listed twice is seen as twice. */
const itemKey = (name: string) => squash(name).replace(/^\(?\d+[)、.]?/, "").replace(/[“”"'《》「」]/g, "");

function checkSum(t: Table, parent: TableRow, children: TableRow[], role: "maxScore" | "score", label: string, findings: Finding[]): void {
  const stated = num(parent, role);
  if (stated === null || children.length === 0 || children.some((c) => c.amounts[role]?.bad)) return;
  const computed = sumPoints(children.map((c) => num(c, role)));
  if (computed === stated) return;
  findings.push(
    finding(
      "score-sum-mismatch",
      "error",
      t.sheet,
      parent.amounts[role]!.cell,
      { name: label, column: role === "maxScore" ? "分值" : "得分", stated: fmt(stated), computed: fmt(computed), items: children.length },
      Math.abs(stated - computed),
    ),
  );
}

function duplicates(t: Table, items: TableRow[], findings: Finding[]): void {
  const seen = new Map<string, TableRow>();
  for (const r of items) {
    const key = `${r.labels.level1 ?? ""}|${itemKey(r.name)}`;
    const first = seen.get(key);
    if (first) findings.push(finding("duplicate-item", "warning", t.sheet, r.cell, { name: r.name, firstRow: first.cell.replace(/^[A-Z]+/, ""), firstCell: first.cell }));
    else seen.set(key, r);
  }
}

export function verifyScoringTables(tables: Table[], findings: Finding[]): SheetScoring | null {
  const sheetTable = tables.find((t) => t.kind === "scoring");
  const bonusTable = tables.find((t) => t.kind === "bonus");
  let listedBonus: number | null = null;
  if (bonusTable) {
    const items = bonusTable.rows.filter((r) => kindOf(r) === "item");
    duplicates(bonusTable, items, findings);
    const totalRow = bonusTable.rows.find((r) => r.isTotal || BONUS_ROW.test(squash(r.name)));
    if (totalRow) checkSum(bonusTable, totalRow, items, "score", "加分合计", findings);
    listedBonus = totalRow ? num(totalRow, "score") : sumPoints(items.map((r) => num(r, "score")));
  }
  if (!sheetTable) return null;

  const t = sheetTable;
  const rows = t.rows;
  const items = rows.filter((r) => kindOf(r) === "item");
  for (const r of items) {
    const max = num(r, "maxScore");
    const score = num(r, "score");
    if (max !== null && score !== null && score > max) {
      const data = { name: r.name, score: fmt(score), max: fmt(max) };
      findings.push(finding("score-over-max", "error", t.sheet, r.amounts.score!.cell, data, score - max));
    }
  }
  duplicates(t, items, findings);

  // A group subtotal sums the items of its 一级指标 (merged cells give each row its group).
  const subtotals = rows.filter((r) => kindOf(r) === "subtotal");
  for (const sub of subtotals) {
    const group = sub.labels.level1;
    const children = items.filter((r) => r.labels.level1 === group && r.r < sub.r);
    for (const role of ["maxScore", "score"] as const) checkSum(t, sub, children, role, `${group ?? ""}小计`, findings);
  }
  // The total sums the subtotals when there are any (each already checked against its items), else the items.
  const total = rows.find((r) => kindOf(r) === "total");
  if (total) for (const role of ["maxScore", "score"] as const) checkSum(t, total, subtotals.length > 0 ? subtotals : items, role, "合计", findings);

  const baseTotal = total ? num(total, "score") : sumPoints(items.map((r) => num(r, "score")));
  const bonusRow = rows.find((r) => kindOf(r) === "bonus");
  const statedBonus = bonusRow ? num(bonusRow, "score") : null;
  if (bonusRow && statedBonus !== null && listedBonus !== null && statedBonus !== listedBonus) {
    findings.push(finding("score-sum-mismatch", "error", t.sheet, bonusRow.amounts.score!.cell, { name: "加分", column: "得分", stated: fmt(statedBonus), computed: fmt(listedBonus), items: 0 }));
  }
  const bonusTotal = statedBonus ?? listedBonus;
  const grand = rows.find((r) => kindOf(r) === "grand");
  const grandValue = grand ? num(grand, "score") : null;
  if (grand && grandValue !== null && baseTotal !== null) {
    const computed = baseTotal + (bonusTotal ?? 0);
    if (computed !== grandValue) {
      findings.push(finding("score-sum-mismatch", "error", t.sheet, grand.amounts.score!.cell, { name: "总分", column: "得分", stated: fmt(grandValue), computed: fmt(computed), items: 2 }));
    }
  }
  const finalScore = grandValue ?? (baseTotal === null ? null : baseTotal + (bonusTotal ?? 0));

  // A stated grade: in a grade column, or a row "评价等级 … 优".
  const gradeRow = rows.find((r) => kindOf(r) === "grade");
  const statedGrade = (gradeRow && gradeText(gradeRow)) || (total?.labels.grade && GRADE_TEXT.exec(total.labels.grade)?.[1]) || null;
  if (statedGrade && finalScore !== null) {
    const expected = gradeOf(finalScore, DEFAULT_GRADES);
    const cell = gradeRow ? gradeCell(t, gradeRow) : total!.cell;
    if (expected !== statedGrade) findings.push(finding("grade-mismatch", "error", t.sheet, cell, { total: fmt(finalScore), expected, stated: statedGrade }));
  }

  return {
    sheet: t.sheet,
    range: t.range,
    items: items.map((r) => ({ name: r.name, level1: r.labels.level1 ?? null, cell: r.cell, max: num(r, "maxScore"), score: num(r, "score") })),
    baseTotal,
    bonusTotal,
    total: finalScore,
    grade: statedGrade,
  };
}

function gradeText(row: TableRow): string | null {
  const texts = [row.labels.grade, row.amounts.score?.raw, row.amounts.maxScore?.raw, row.labels.level2, row.labels.level3];
  for (const t of texts) {
    const m = t ? GRADE_TEXT.exec(squash(t).replace(/^.*(等级|结果)[:：]?/, "")) : null;
    if (m) return m[1];
  }
  return null;
}

function gradeCell(t: Table, row: TableRow): string {
  return row.amounts.score?.cell ?? row.cell;
}
