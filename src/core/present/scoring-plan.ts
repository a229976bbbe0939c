import { qualifiedAddress } from "../base/cell-grid";
import type { Finding } from "../base/findings";
import { formatFen, hundredthsText } from "../base/money";
import type { Presentation } from "../base/presentation";
import { SCORING_HEADERS, SHEET_TEXT } from "../catalogue/sheets";
import { addFindingsList, PLAN_MARK, PlanBuilder, ref } from "./sheet-plan";
import type { PlanCell, SheetPlan } from "./sheet-plan";
import type { ScoredItem, ScoringResult } from "../score/score";
import { ruleFormula } from "../score/rules";

export const SCORING_SHEET = "绩效评分表";

/** "优≥90，良≥80，中≥60，差＜60". */
function gradeBands(grades: { grade: string; min: number }[]): string {
  return grades.map((g, i) => (i === grades.length - 1 ? `${g.grade}＜${grades[i - 1].min}` : `${g.grade}≥${g.min}`)).join("，");
}

/** An input of a measured rate as the sheet shows it: amounts in the clerk's unit, counts and rates as numbers. */
function inputText(kind: "amount" | "count" | "rate", value: number, p: Presentation): string {
  if (kind === "amount") return `${formatFen(value, p.displayUnit, p.decimals)}${p.displayUnit}`;
  return kind === "rate" ? `${hundredthsText(value)}%` : hundredthsText(value);
}

// Columns of 「绩效评分表」.
const S = { level1: 0, level2: 1, name: 2, weight: 3, criterion: 4, formula: 5, value: 6, score: 7, source: 8 };

/** Excel's grade formula for the framework's bands (highest first), waiting while any score is blank. */
export function gradeFormula(totalCell: string, scoreRanges: string[], grades: { grade: string; min: number }[]): string {
  let f = `"${grades[grades.length - 1].grade}"`;
  for (let i = grades.length - 2; i >= 0; i--) f = `IF(${totalCell}>=${grades[i].min},"${grades[i].grade}",${f})`;
  // COUNTBLANK takes one range, so one per group.
  return `IF(${scoreRanges.map((r) => `COUNTBLANK(${r})`).join("+")}>0,"待评分",${f})`;
}

/**
 * An automatic rate as a formula of its inputs' cells, when every one is live (a number in this workbook) and the amounts
 * share one unit: (Σ num) ÷ (Σ den), blank when the base is 0, as core leaves the rate out then. Null otherwise: the
 * rate is written as the value core computed, its cells named beside it.
 */
function rateFormula(item: ScoredItem): string | null {
  const { ratio, inputs } = item;
  if (item.status !== "auto" || !ratio || inputs.length === 0 || !inputs.every((x) => x.live && x.sheet && x.cell)) return null;
  if (new Set(inputs.map((x) => x.unit)).size > 1) return null;
  const sum = (terms: { input: number; sign: 1 | -1 }[]) =>
    terms
      .map((t, i) => `${t.sign < 0 ? "-" : i > 0 ? "+" : ""}${qualifiedAddress(inputs[t.input].sheet!, inputs[t.input].cell!)}`)
      .join("");
  const wrap = (terms: { input: number; sign: 1 | -1 }[]) => (terms.length > 1 || terms[0].sign < 0 ? `(${sum(terms)})` : sum(terms));
  const den = wrap(ratio.den);
  return `IF(${den}=0,"",${wrap(ratio.num)}/${den})`;
}

/**
 * The framework scored. A quantitative indicator's 实际值 is a formula of its source cells (or the value core computed,
 * when a source cannot be referenced), and its 得分 a formula of the 实际值 by the indicator's rule: the clerk types a
 * missing rate and the score follows, a corrected source changes both. Qualitative ones wait blank for the clerk; group
 * totals, the total, the bonus and the grade are formulas too.
 */
export function buildScoringPlan(result: ScoringResult, findings: Finding[], p: Presentation): SheetPlan {
  const b = new PlanBuilder();
  const fw = result.framework;
  b.add([{ v: `绩效评分表${PLAN_MARK}`, style: "title" }]);
  b.note(SHEET_TEXT.scoringNote(fw.name, fw.source, gradeBands(fw.grades)));
  b.legend(["input", "error", "warning"]);
  const H = SCORING_HEADERS;
  const headerRow = b.add(
    [H.level1, H.level2, H.name, H.weight, H.criterion, H.formula, H.value, H.score, H.source].map((v) => ({
      v,
      style: "header" as const,
    })),
  );

  const subtotalRows: number[] = [];
  const scoreRanges: string[] = [];
  const level1s = [...new Set(result.items.map((i) => i.indicator.level1))];
  for (const level1 of level1s) {
    const first = b.nextRow;
    for (const item of result.items.filter((i) => i.indicator.level1 === level1)) {
      const ind = item.indicator;
      const sources = item.inputs.map((x) => `${x.label} ${inputText(x.kind, x.value, p)}${x.cell ? `（${x.sheet}!${x.cell}）` : ""}`);
      const cells: PlanCell[] = [];
      cells[S.level1] = { v: item === result.items.find((i) => i.indicator.level1 === level1) ? level1 : "" };
      cells[S.level2] = { v: ind.level2 };
      const firstLink = item.inputs.find((x) => x.cell && x.sheet);
      // The link goes on the indicator's name: a cell holding a link does not wrap when LibreOffice prints it, and the
      // 数据来源 text is long.
      cells[S.name] = { v: ind.name, link: firstLink ? qualifiedAddress(firstLink.sheet!, firstLink.cell!) : undefined };
      cells[S.weight] = { v: item.weight / 100, fmt: "0.00" };
      cells[S.criterion] = { v: item.criterion, wrap: true };
      cells[S.formula] = { v: ind.formula ?? "", wrap: true };
      const row = b.nextRow;
      const live = rateFormula(item);
      cells[S.value] = live ? { f: live, fmt: "0.00%" } : { v: item.rate === null ? "" : item.rate / 10000, fmt: "0.00%" };
      // A score the clerk gave stays as given; a rule's score is computed from the 实际值 beside it.
      const scored = item.status === "manual" ? null : ruleFormula(ind.rule, ind.weight, ref(S.value, row));
      cells[S.score] = scored ? { f: scored, fmt: "0.00" } : { v: item.score === null ? null : item.score / 100, fmt: "0.00" };
      cells[S.source] = {
        v: [...sources, item.note ?? ""].filter(Boolean).join("；") || (item.status === "pending" ? "待评分" : ""),
        wrap: true,
      };
      b.add(cells);
      // The clerk's cells: the rate where the workbook cannot give it (the inputs, not a final score), else the score
      // of a qualitative indicator.
      if (ind.measure && item.status === "missing") b.highlight(row, "input", S.value);
      else if (!ind.measure && item.status === "pending") b.highlight(row, "input", S.score);
    }
    const last = b.nextRow - 1;
    scoreRanges.push(`${ref(S.score, first)}:${ref(S.score, last)}`);
    subtotalRows.push(
      b.add([
        {},
        { v: `${level1}小计`, style: "total" },
        {},
        { f: `SUM(${ref(S.weight, first)}:${ref(S.weight, last)})`, fmt: "0.00", style: "total" },
        {},
        {},
        {},
        { f: `SUM(${ref(S.score, first)}:${ref(S.score, last)})`, fmt: "0.00", style: "total" },
      ]),
    );
  }
  const sumOf = (col: number) => subtotalRows.map((r) => ref(col, r)).join("+");
  const totalRow = b.add([
    { v: "合计", style: "total" },
    {},
    {},
    { f: sumOf(S.weight), fmt: "0.00", style: "total" },
    {},
    {},
    {},
    { f: sumOf(S.score), fmt: "0.00", style: "total" },
  ]);

  const bonusFirst = b.nextRow;
  for (const bonus of result.bonus) b.add([{ v: "加分项" }, { v: bonus.name }, {}, {}, {}, {}, {}, { v: bonus.points / 100, fmt: "0.00" }]);
  const bonusSum = result.bonus.length > 0 ? `SUM(${ref(S.score, bonusFirst)}:${ref(S.score, b.nextRow - 1)})` : "0";
  const cap = result.framework.bonusCap;
  const bonusRow = b.add([
    { v: "加分合计", style: "total" },
    { v: cap > 0 ? `（上限 ${cap} 分）` : "" },
    {},
    {},
    {},
    {},
    {},
    { f: cap > 0 ? `MIN(${bonusSum},${cap})` : bonusSum, fmt: "0.00", style: "total" },
  ]);
  const grandRow = b.add([
    { v: "总分", style: "total" },
    {},
    {},
    {},
    {},
    {},
    {},
    { f: `${ref(S.score, totalRow)}+${ref(S.score, bonusRow)}`, fmt: "0.00", style: "total" },
  ]);
  b.add([
    { v: "评价等级", style: "total" },
    {},
    {},
    {},
    {},
    {},
    {},
    { f: gradeFormula(ref(S.score, grandRow), scoreRanges, fw.grades), style: "total" },
  ]);
  addFindingsList(b, findings, "评分表检查发现", p);
  return b.build(SCORING_SHEET, [9, 11, 18, 7, 36, 28, 9, 7, 36], headerRow);
}
