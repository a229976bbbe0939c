import { finding } from "../base/findings";
import type { Finding } from "../base/findings";
import { fenOfDecimal, lastDecimalFen, percentString, rateBp, withinRounding, yuanString } from "../base/money";
import type { Fen } from "../base/money";
import { parseNumberText } from "../read/number-parser";
import { ROLE_LABELS } from "../recognise/column-roles";
import type { ColumnRole } from "../recognise/column-roles";
import type { Table, TableColumn, TableRow } from "../recognise/table";
import { orZero, tableDecimals, valueOf } from "./variance";

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

/** A figure and what it is compared with on the same row: the pairs a stated 增减额 or 比率 may be worked out from. */
interface Pair {
  left: ColumnRole;
  right: ColumnRole;
}

/**
 * The pairs a table's stated changes can come from, the likelier first: 本年 − 上年 under an 增减/比上年 header,
 * 决算 − 预算 under a 差异/超支/节余 header; a 预算 table's 本年预算 − 上年预算.
 */
function pairsOf(table: Table, header: string): Pair[] {
  const r = table.roles;
  // Every budget the table has: a 差异 may be taken from the 年初 or the 调整后 budget.
  const budgets = (["budgetFinal", "budget", "budgetInitial"] as const).filter((role) => r[role]);
  const pairs: Pair[] = [];
  if (r.actual && r.previous) pairs.push({ left: "actual", right: "previous" });
  if (r.actual) for (const b of budgets) pairs.push({ left: "actual", right: b });
  if (!r.actual && r.previousBudget) for (const b of budgets) pairs.push({ left: b, right: "previousBudget" });
  if (pairs.length > 1 && /差异|超支|节余|预算/.test(header) && !/上年|增减/.test(header)) pairs.reverse();
  return pairs;
}

const RATE_HEADER = /增减|增长|变动|幅度|差异|完成|执行|超支|节余|同比|比上年/;
const SHARE_HEADER = /占|比重|构成/;
/** A rate of completion (执行数 ÷ 预算数) rather than of change. */
const COMPLETION_HEADER = /执行|完成/;
const CHANGE_HEADER = /增减|增长|变动|幅度|差异/;

const lastHeader = (c: TableColumn | undefined) => c?.header.split("/").pop() ?? "";

/**
 * The 增减额 (差异额) and 增减幅度 (差异率, 完成率) a table writes beside its figures (the 三公 统计表's 比上年增减, a unit's own
 * 预决算对比表), against those figures. Said only when no reading fits: either pair of columns, either sign convention
 * (节余 = 预算 − 决算), a rate as a percent or as a fraction (0.0703 in a %-formatted cell), within the rounding of every
 * figure it rests on.
 */
export function checkStatedChanges(table: Table, findings: Finding[]): void {
  const setup = statedSetup(table);
  if (!setup) return;
  for (const row of table.rows) for (const f of statedMismatches(table, setup, row)) findings.push(f);
}

/** What a table's stated-change columns are checked against, worked out once per table; null when it has none. */
interface StatedSetup {
  diffPairs: Pair[];
  ratePairs: Pair[];
  completionRate: boolean;
  decimals: number;
}

function statedSetup(table: Table): StatedSetup | null {
  const diffCol = table.roles.statedDiff;
  const rateCol = table.roles.statedRate;
  if (!diffCol && !rateCol) return null;
  // A rate column is checked only when its header says what it measures: a share (占比, 比重, 构成) or a bare 比率 is left alone.
  const rateHeader = rateCol?.header ?? "";
  return {
    diffPairs: diffCol ? pairsOf(table, lastHeader(diffCol)) : [],
    ratePairs: rateCol && RATE_HEADER.test(rateHeader) && !SHARE_HEADER.test(rateHeader) ? pairsOf(table, lastHeader(rateCol)) : [],
    completionRate: COMPLETION_HEADER.test(lastHeader(rateCol)) && !CHANGE_HEADER.test(lastHeader(rateCol)),
    decimals: tableDecimals(table),
  };
}

/** One figure of a row read as another value: a likely correction (a digit slip) tried against the row's stated change. */
export interface FigureOverride {
  role: ColumnRole;
  value: Fen;
}

/**
 * The cells of a row's stated 增减额 and 增减幅度 that disagree with its figures, each as its finding; with an override,
 * as they would be were that figure corrected.
 */
function statedMismatches(table: Table, setup: StatedSetup, row: TableRow, override?: FigureOverride): Finding[] {
  if (row.isCount) return [];
  const { diffPairs, ratePairs, completionRate, decimals } = setup;
  const out: Finding[] = [];
  const values = (p: Pair) => figuresOf(row, p, override);
  const diffCol = table.roles.statedDiff;
  const stated = diffCol ? row.amounts.statedDiff : undefined;
  if (stated && stated.value !== null && !stated.bad && diffPairs.length > 0) {
    const fits = diffPairs.some((p) => {
      const v = values(p);
      if (v === null) return true; // an unreadable figure: already a finding, nothing to compare
      const computed = v.left - v.right;
      const slack = (d: number) => withinRounding(d, 3, table.unit, decimals);
      return slack((stated.value as number) - computed) || slack((stated.value as number) + computed);
    });
    if (!fits) {
      const v = values(diffPairs[0]) as { left: Fen; right: Fen };
      out.push(
        finding("change-mismatch", "error", table.sheet, stated.cell, {
          name: rowName(row),
          column: lastHeader(diffCol) || ROLE_LABELS.statedDiff,
          stated: yuanString(stated.value),
          computed: yuanString(v.left - v.right),
          leftLabel: ROLE_LABELS[diffPairs[0].left],
          left: yuanString(v.left),
          rightLabel: ROLE_LABELS[diffPairs[0].right],
          right: yuanString(v.right),
        }),
      );
    }
  }
  const rate = table.roles.statedRate ? row.amounts.statedRate : undefined;
  if (!rate?.raw || ratePairs.length === 0) return out;
  const written = writtenRates(rate.raw, rate.text);
  if (written.length === 0) return out;
  const fits = ratePairs.some((p) => {
    const v = values(p);
    if (v === null || v.right === 0) return true; // no base: nothing to compare (a rate over 0 is said elsewhere)
    // A change rate (增减幅度, 差异率) or a completion rate (完成率, 执行率): either may stand under a 比率 header.
    return [v.left - v.right, v.left].some((numerator) => written.some((w) => rateFits(w, numerator, v.right, table.unit, decimals)));
  });
  if (fits) return out;
  // The rate said to be right is the one the header names (执行率, 完成率: 执行数 ÷ 预算数; the rest a change), on the likelier pair.
  const v = values(ratePairs[0]) as { left: Fen; right: Fen }; // nothing fits: every pair has both figures and a base
  const numerator = completionRate ? v.left : v.left - v.right;
  out.push(
    finding("rate-mismatch", "error", table.sheet, rate.cell, data(rowName(row), rate.raw, rateBp(numerator, v.right), numerator, v.right)),
  );
  return out;
}

/**
 * A correction of one figure tried against the row's stated changes: the cells whose mismatch it mends, or null when it
 * would break one that agrees now (then it is no correction).
 */
export function statedChangesMended(table: Table, row: TableRow, override: FigureOverride): string[] | null {
  // A 自评表's funds block states its 执行率 by checkStatedRates' rules, not these.
  const setup = table.form === "selfeval-funds" ? null : statedSetup(table);
  if (!setup) return [];
  const before = new Set(statedMismatches(table, setup, row).map((f) => f.cell));
  const after = new Set(statedMismatches(table, setup, row, override).map((f) => f.cell));
  for (const cell of after) if (!before.has(cell)) return null;
  return [...before].filter((cell) => !after.has(cell));
}

/** What a finding calls a row: its name, else its code or the indicator it measures; empty when the row has none of them. */
function rowName(row: TableRow): string {
  return row.name.trim() || row.code || row.labels.level3 || row.labels.level2 || row.labels.level1 || "";
}

/** Both figures of a pair (an empty cell is 0 in a row's own arithmetic), or null when one is unreadable or missing. */
function figuresOf(row: TableRow, p: Pair, override?: FigureOverride): { left: Fen; right: Fen } | null {
  const left = override?.role === p.left ? override.value : orZero(row.amounts[p.left]);
  const right = override?.role === p.right ? override.value : orZero(row.amounts[p.right]);
  return left === null || right === null ? null : { left, right };
}

/** A written rate as hundredths of a percent with its decimals: "-7.03%" once; a bare number both as percent and as fraction. */
function writtenRates(raw: string, text: boolean): { bp: number; decimals: number }[] {
  const parsed = parseNumberText(raw);
  if (parsed.kind !== "number" || parsed.unit !== null) return [];
  const asPercent = fenOfDecimal(parsed.decimal, "元"); // hundredths of the written number
  if (asPercent === null || asPercent === "too-large") return [];
  const out = [{ bp: asPercent.fen, decimals: parsed.decimals }];
  if (parsed.percent) return out;
  // 0.0703 in a cell formatted as a percentage shows as 7.03%: the same figure × 100.
  const asFraction = fenOfDecimal(`${parsed.decimal}e2`, "元"); // × 100, in hundredths
  if (asFraction !== null && asFraction !== "too-large") out.push({ bp: asFraction.fen, decimals: Math.max(parsed.decimals - 2, 0) });
  // A number typed as text without % ("-7.03") is read as a percent only; a cell's plain number either way.
  return text ? out.slice(0, 1) : out;
}

/**
 * Whether a written rate can be numerator ÷ base: the figures each within half a unit of their last decimal (the numerator
 * rests on two of them), the written rate within half a unit of its own last decimal.
 */
function rateFits(w: { bp: number; decimals: number }, numerator: Fen, base: Fen, unit: Table["unit"], decimals: number): boolean {
  const half = lastDecimalFen(unit, decimals) / 2;
  const lowBase = Math.abs(base) - half;
  if (lowBase <= 0) return true; // a base within rounding of zero: any rate may be right
  // Bounds of a tolerance, not money: the amounts themselves stay exact integers; only these limits are divided.
  const n = Math.abs(numerator);
  const hi = ((n + 2 * half) / lowBase) * 10000;
  const lo = (Math.max(n - 2 * half, 0) / (Math.abs(base) + half)) * 10000;
  const writtenHalf = 10 ** Math.max(2 - w.decimals, 0) / 2;
  // Magnitudes only: −7.03% under 比上年增减 and 7.03% under 下降 both fit (tables write the sign either way).
  const written = Math.abs(w.bp);
  return written + writtenHalf >= lo - 1e-9 && written - writtenHalf <= hi + 1e-9;
}
