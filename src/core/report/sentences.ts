import type { Fen } from "../base/money";
import { placeholder, text } from "./model";
import type { Run } from "./model";
import { amount, magnitude, percent } from "./number-runs";
import type { NumberStyle } from "./number-runs";

/**
 * The phrasing rules of the national 决算 template, in one place:
 * "年初预算为X万元，支出决算为Y万元，完成年初预算的Z%" (no completion rate when the budget is 0),
 * "决算数大于/小于预算数" / "决算数与预算数持平", "较上年增加/减少A万元，增长/下降B%", "与上年持平",
 * "较上年新增A万元" from a zero base (never "增长100%"), "占…的C%". Reasons come from the workbook or
 * stay a placeholder for the clerk.
 */
export function budgetAndActual(label: string, budgetWord: string, budget: Fen, actual: Fen, s: NumberStyle): Run[] {
  const runs: Run[] = [text(`${label}${budgetWord}为`), amount(budget, s), text(`${s.unit}，支出决算为`), amount(actual, s), text(s.unit)];
  if (budget !== 0) runs.push(text(`，完成${budgetWord}的`), percent(actual, budget), text("%"));
  runs.push(text("。"));
  return runs;
}

/** "决算数大于预算数的主要原因是……。" — or "决算数与预算数持平。" with no reason needed. */
export function budgetComparison(diff: Fen, reason: string | null, what: string): Run[] {
  if (diff === 0) return [text("决算数与预算数持平。")];
  const word = diff > 0 ? "大于" : "小于";
  return [
    text(`决算数${word}预算数的主要原因是`),
    reason ? text(stripEnd(reason)) : placeholder(`${what}决算数${word}预算数的原因`),
    text("。"),
  ];
}

/** "较上年增加A万元，增长B%" and its variants; the base is last year's amount. */
export function yearOnYear(diff: Fen, previous: Fen, s: NumberStyle, against = "上年"): Run[] {
  if (diff === 0) return [text(`与${against}持平`)];
  if (previous === 0) return [text(`较${against}新增`), magnitude(diff, s), text(s.unit)];
  const up = diff > 0;
  return [
    text(`较${against}${up ? "增加" : "减少"}`),
    magnitude(diff, s),
    text(`${s.unit}，${up ? "增长" : "下降"}`),
    percent(diff, previous, true),
    text("%"),
  ];
}

/** "占三公经费的C%"; nothing when the whole is 0. */
export function shareOf(part: Fen, whole: Fen, ofWhat: string): Run[] {
  if (whole === 0) return [];
  return [text(`，占${ofWhat}的`), percent(part, whole), text("%")];
}

export function reasonRuns(reason: string | null, what: string): Run[] {
  return reason ? [text(stripEnd(reason))] : [placeholder(what)];
}

function stripEnd(s: string): string {
  return s.trim().replace(/[。；;，,.]+$/, "");
}
