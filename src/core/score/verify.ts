import { finding } from "../base/findings";
import type { Finding } from "../base/findings";
import { hundredths, hundredthsText } from "../base/money";
import { squash } from "../base/text";
import type { Table, TableRow } from "../recognise/table";
import { DEFAULT_GRADES, gradeOf } from "./framework";

/**
 * Checks every scoring sheet already in the workbook (绩效评分表, 自评表 indicators, 加分项 lists, in the same sheet or
 * apart): scores over their 分值, group subtotals and totals that are not the sum of their items (for 分值 and for 得分),
 * an 一级指标's stated weight ("产出指标(50分)") against its items, repeated items, a stated bonus its items do not give,
 * a 总分 that is not the sum, and a grade the score does not give.
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
const itemKey = (name: string) =>
  squash(name)
    .replace(/^\(?\d+[)、.]?/, "")
    .replace(/[“”"'《》「」]/g, "");

/** The column as the sheet names it ("权重", "指标得分"), so a sum of weights is not called a sum of scores. */
function columnName(t: Table, role: "maxScore" | "score"): string {
  const header = squash(t.roles[role]?.header ?? "").replace(/\((分|%)\)$/, "");
  return /^[\u4e00-\u9fff]{2,6}$/.test(header) && /分|权重/.test(header) ? header : role === "maxScore" ? "分值" : "得分";
}

function checkSum(
  t: Table,
  parent: TableRow,
  children: TableRow[],
  role: "maxScore" | "score",
  label: string,
  findings: Finding[],
  more: { fundsPoints?: string; withFunds?: string } = {},
): void {
  const stated = num(parent, role);
  if (stated === null || children.length === 0 || children.some((c) => c.amounts[role]?.bad)) return;
  const computed = sumPoints(children.map((c) => num(c, role)));
  if (computed === stated) return;
  const data = {
    name: label,
    column: columnName(t, role),
    stated: fmt(stated),
    computed: fmt(computed),
    items: children.length,
    ...more,
  };
  findings.push(finding("score-sum-mismatch", "error", t.sheet, parent.amounts[role]!.cell, data, Math.abs(stated - computed)));
}

function duplicates(t: Table, items: TableRow[], findings: Finding[]): void {
  const seen = new Map<string, TableRow>();
  for (const r of items) {
    if (!r.name.trim() || /^(无|—+|-+|\/|…+|\.+)$/.test(squash(r.name))) continue;
    const key = `${r.labels.level1 ?? ""}|${r.labels.level2 ?? ""}|${itemKey(r.name)}`;
    const first = seen.get(key);
    const data = { name: r.name, firstRow: first?.cell.replace(/^[A-Z]+/, "") ?? "", firstCell: first?.cell ?? "" };
    if (first) findings.push(finding("duplicate-item", "warning", t.sheet, r.cell, data));
    else seen.set(key, r);
  }
}

/** A bonus list: its items, checked for repeats and against its own 合计; returns the points it gives. */
function bonusListPoints(list: Table, findings: Finding[]): number | null {
  const items = list.rows.filter((r) => kindOf(r) === "item");
  duplicates(list, items, findings);
  const totalRow = list.rows.find((r) => r.isTotal || BONUS_ROW.test(squash(r.name)));
  if (totalRow) checkSum(list, totalRow, items, "score", "加分合计", findings);
  return totalRow ? num(totalRow, "score") : sumPoints(items.map((r) => num(r, "score")));
}

/** An 一级指标 label that states its weight: "产出指标(50分)" → 5000. */
function statedWeight(label: string | undefined): number | null {
  const m = label ? /[(（](\d+(\.\d+)?)分[)）]/.exec(label) : null;
  return m ? hundredths(Number(m[1])) : null;
}

export function verifyScoringTables(tables: Table[], findings: Finding[]): SheetScoring[] {
  const sheets = tables.filter((t) => t.kind === "scoring" && t.form !== "selfeval-funds");
  const bonuses = tables.filter((t) => t.kind === "bonus");
  const out: SheetScoring[] = [];
  const used = new Set<Table>();
  for (const t of sheets) {
    // Its bonus list: one below it on the same sheet, else (for the first sheet) a list on its own sheet.
    const own = bonuses.find((b) => b.sheet === t.sheet && !used.has(b));
    const apart = out.length === 0 ? bonuses.find((b) => !used.has(b) && !sheets.some((s) => s.sheet === b.sheet)) : undefined;
    const list = own ?? apart;
    if (list) used.add(list);
    const funds = tables.find((f) => f.form === "selfeval-funds" && f.sheet === t.sheet) ?? null;
    out.push(verifyOne(t, list ?? null, funds, findings));
  }
  for (const b of bonuses) if (!used.has(b)) bonusListPoints(b, findings);
  return out;
}

function verifyOne(t: Table, list: Table | null, funds: Table | null, findings: Finding[]): SheetScoring {
  const listedBonus = list ? bonusListPoints(list, findings) : null;
  const rows = t.rows;
  const items = rows.filter((r) => kindOf(r) === "item");
  for (const r of items) {
    const max = num(r, "maxScore");
    const score = num(r, "score");
    if (max !== null && score !== null && score > max) {
      findings.push(
        finding("score-over-max", "error", t.sheet, r.amounts.score!.cell, { name: r.name, score: fmt(score), max: fmt(max) }, score - max),
      );
    }
  }
  duplicates(t, items, findings);

  // An 一级指标 that states its weight ("产出指标(50分)"): its items' 分值 must add up to it.
  const level1s = [...new Set(items.map((r) => r.labels.level1).filter((x): x is string => !!x))];
  for (const level1 of level1s) {
    const weight = statedWeight(level1);
    const own = items.filter((r) => r.labels.level1 === level1);
    // A line without its 分值 means the group is not complete (or not filled in): its sum says nothing.
    if (weight === null || own.length === 0 || own.some((r) => num(r, "maxScore") === null)) continue;
    const computed = sumPoints(own.map((r) => num(r, "maxScore")));
    if (computed === weight) continue;
    const cell = own[0].amounts.maxScore!.cell;
    const data = { name: level1, column: columnName(t, "maxScore"), stated: fmt(weight), computed: fmt(computed), items: own.length };
    findings.push(finding("score-sum-mismatch", "error", t.sheet, cell, data, Math.abs(weight - computed)));
  }

  // A group subtotal sums the items of its 一级指标 (merged cells give each row its group).
  const subtotals = rows.filter((r) => kindOf(r) === "subtotal");
  for (const sub of subtotals) {
    const group = sub.labels.level1;
    const children = items.filter((r) => r.labels.level1 === group && r.r < sub.r);
    for (const role of ["maxScore", "score"] as const) checkSum(t, sub, children, role, `${group ?? ""}小计`, findings);
  }
  // The total sums the subtotals when there are any (each already checked against its items), else the items; in a 自评表
  // the 资金 block's 分值 and 得分 may or may not be counted in it (both are published): either way is accepted.
  const total = rows.find((r) => kindOf(r) === "total" || (kindOf(r) === "grand" && t.form?.startsWith("selfeval")));
  // A 自评表 whose funds block is not here (a cut-off page): its weight in the 总分 is unknown, so the 总分 is not checked.
  const totalCheckable = !t.form?.startsWith("selfeval") || funds !== null;
  if (total && totalCheckable) {
    const parts = subtotals.length > 0 ? subtotals : items;
    const fundsRow = funds?.rows[0];
    for (const role of ["maxScore", "score"] as const) {
      const stated = num(total, role);
      if (stated === null || (role === "score" && parts.some((r) => num(r, "score") === null))) continue;
      const base = sumPoints(parts.map((r) => num(r, role)));
      const withFunds = fundsRow ? base + (num(fundsRow, role) ?? 0) : base;
      if (stated === base || stated === withFunds) continue;
      // A 自评表's 总分 may or may not count the 预算执行 block: the message gives both sums.
      const funds = fundsRow ? num(fundsRow, role) : null;
      checkSum(t, total, parts, role, total.name || "合计", findings, funds ? { fundsPoints: fmt(funds), withFunds: fmt(withFunds) } : {});
    }
  }

  const selfEval = t.form?.startsWith("selfeval") ?? false;
  // Without a 总分 row, a 自评表's total is the 预算执行 score plus the indicators' (财预〔2020〕10号: 10 + 90 = 100), unless
  // its indicators alone weigh 100.
  const fundsScore = selfEval && funds?.rows[0] ? num(funds.rows[0], "score") : null;
  const fundsCounted = fundsScore !== null && sumPoints(items.map((r) => num(r, "maxScore"))) !== hundredths(100);
  const baseTotal = total ? num(total, "score") : sumPoints(items.map((r) => num(r, "score"))) + (fundsCounted ? (fundsScore ?? 0) : 0);
  const bonusRow = rows.find((r) => kindOf(r) === "bonus");
  const statedBonus = bonusRow ? num(bonusRow, "score") : null;
  if (bonusRow && statedBonus !== null && listedBonus !== null && statedBonus !== listedBonus) {
    const data = { name: "加分", column: "得分", stated: fmt(statedBonus), computed: fmt(listedBonus), items: 0 };
    findings.push(finding("score-sum-mismatch", "error", t.sheet, bonusRow.amounts.score!.cell, data));
  }
  const bonusTotal = statedBonus ?? listedBonus;
  const grand = selfEval ? null : rows.find((r) => kindOf(r) === "grand");
  const grandValue = grand ? num(grand, "score") : null;
  if (grand && grandValue !== null && baseTotal !== null) {
    const computed = baseTotal + (bonusTotal ?? 0);
    if (computed !== grandValue) {
      const data = { name: "总分", column: "得分", stated: fmt(grandValue), computed: fmt(computed), items: 2 };
      findings.push(finding("score-sum-mismatch", "error", t.sheet, grand.amounts.score!.cell, data));
    }
  }
  const finalScore = grandValue ?? (baseTotal === null ? null : baseTotal + (bonusTotal ?? 0));

  // A stated grade: in a grade column, or a row "评价等级 … 优".
  const gradeRow = rows.find((r) => kindOf(r) === "grade");
  const statedGrade = (gradeRow && gradeText(gradeRow)) || (total?.labels.grade && GRADE_TEXT.exec(total.labels.grade)?.[1]) || null;
  if (statedGrade && finalScore !== null) {
    const expected = gradeOf(finalScore, DEFAULT_GRADES);
    const cell = gradeRow ? (gradeRow.amounts.score?.cell ?? gradeRow.cell) : total!.cell;
    if (expected !== statedGrade)
      findings.push(finding("grade-mismatch", "error", t.sheet, cell, { total: fmt(finalScore), expected, stated: statedGrade }));
  }

  return {
    sheet: t.sheet,
    range: t.range,
    items: items.map((r) => ({
      name: r.name,
      level1: r.labels.level1 ?? null,
      cell: r.cell,
      max: num(r, "maxScore"),
      score: num(r, "score"),
    })),
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
