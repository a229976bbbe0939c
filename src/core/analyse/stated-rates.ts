import { finding } from "../base/findings";
import type { Finding } from "../base/findings";
import { fenOfDecimal, percentString, rateBp, yuanString } from "../base/money";
import { parseNumberText } from "../read/number-parser";
import type { Table } from "../recognise/table";
import { orZero, valueOf } from "./variance";

/**
 * A rate a table states beside its figures (自评表: 执行率 = 全年执行数 ÷ 全年预算数) against the rate of those figures, within
 * the rounding of the written rate. Only rates written with a % sign are read: a bare 1.03 could be 103 % or 1.03 %.
 */
export function checkStatedRates(table: Table, findings: Finding[]): void {
  const budgetRole = table.roles.budgetFinal ? "budgetFinal" : table.roles.budget ? "budget" : null;
  if (!table.roles.statedRate || !table.roles.actual || !budgetRole) return;
  for (const row of table.rows) {
    const stated = row.amounts.statedRate;
    // A blank 执行数 is not a zero one: the form left it out, and the rate cannot be checked.
    const actual = valueOf(row.amounts.actual);
    const budget = orZero(row.amounts[budgetRole]);
    if (!stated?.raw || actual === null || budget === null) continue;
    const parsed = parseNumberText(stated.raw);
    if (parsed.kind !== "number" || !parsed.percent) continue;
    const written = fenOfDecimal(parsed.decimal, "元"); // hundredths of a percent
    const computed = rateBp(actual, budget);
    if (written === null || written === "too-large") continue;
    if (computed === null) {
      if (written.fen !== 0)
        findings.push(finding("rate-mismatch", "error", table.sheet, stated.cell, data(row.name, stated.raw, null, actual, budget)));
      continue;
    }
    // Written with d decimals: the computed rate rounded to d decimals must give it.
    const unit = 10 ** Math.max(2 - parsed.decimals, 0);
    const rounded = Math.round(computed / unit) * unit;
    if (Math.abs(rounded - written.fen) <= unit / 2) continue;
    findings.push(finding("rate-mismatch", "error", table.sheet, stated.cell, data(row.name, stated.raw, computed, actual, budget)));
  }
}

function data(name: string, stated: string, computed: number | null, actual: number, budget: number) {
  return { name, stated, computed: percentString(computed), actual: yuanString(actual), budget: yuanString(budget) };
}
