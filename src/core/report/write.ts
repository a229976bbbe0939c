import type { Compared, Count, Figure, Reason, ReportFacts } from "../analyse/report-facts";
import { hundredths, rateBp } from "../base/money";
import type { Bp, Fen } from "../base/money";
import { DOUBT_TEXT, SAY } from "../catalogue/report";
import type { Piece } from "../catalogue/report";
import { checkMark, placeholder, text } from "./model";
import type { Block, Run } from "./model";
import { amount, count, hasBase, magnitude, percent, shown, shownDiff } from "./number-runs";
import type { NumberStyle } from "./number-runs";

/** What every section writer needs: the facts, the clerk's unit and decimals, the threshold that picks lines to explain. */
export interface Ctx {
  f: ReportFacts;
  st: NumberStyle;
  /** |完成率 − 100%| at or above this (basis points) gets its own sentence; never printed. */
  threshold: Bp;
  /** And only when |决算 − 预算| is at least this (分). */
  floor: Fen;
  year: string | null;
  /** Figures for the chart numbering. */
  charts: number;
}

export type R = Run[];

/** Pieces of a catalogue template → runs (adjacent text merged). */
export function say(pieces: Piece<Run>[]): R {
  const out: R = [];
  for (const p of pieces) {
    if (p === "") continue;
    const run = typeof p === "string" ? text(p) : p;
    const last = out[out.length - 1];
    if (run.kind === "text" && last?.kind === "text") out[out.length - 1] = text(last.text + run.text);
    else out.push(run);
  }
  return out;
}

export const para = (...runs: Run[]): Block => ({ kind: "paragraph", runs, indent: true });
export const heading = (level: 0 | 1 | 2 | 3, t: string): Block => ({ kind: "heading", level, runs: [text(t)] });

/** A figure a sentence may derive rates and comparisons from: present and unobjected. */
export const sure = (x: Figure | null | undefined): x is Figure => !!x && x.doubt === null;

/** The 请核对 mark of a figure: its cell and what the check found. */
export function doubtRuns(x: Figure | Count | null | undefined): R {
  if (!x || !x.doubt) return [];
  return [checkMark(`${x.doubt.cell}`, x.doubt.text || DOUBT_TEXT[x.doubt.rule] || DOUBT_TEXT.default)];
}

/** "312.45万元" (and its 请核对 mark when a check objected to the figure). */
export function money(x: Figure | Fen, c: Ctx): R {
  if (typeof x === "number") return [amount(x, c.st), text(c.st.unit)];
  return [amount(x.fen, c.st), text(c.st.unit), ...doubtRuns(x)];
}

/** |a| with the unit, for sentences that carry the sign in words. */
export function moneyAbs(fen: Fen, c: Ctx): R {
  return [magnitude(fen, c.st), text(c.st.unit)];
}

/** "12.34%" of two amounts as printed; null when the base prints as zero. */
export function rate(n: Fen, base: Fen, c: Ctx, absolute = false): R | null {
  if (!hasBase(base, c.st)) return null;
  return [percent(n, base, c.st, absolute), text("%")];
}

/** A count in words' place: "56" (the caller adds 人/辆/批次). */
export function cnt(x: Count): R {
  return [count(x.hundredths), ...doubtRuns(x)];
}

/** The clerk's reason, or a placeholder naming what to write. */
export function reasonOr(reason: Reason | null | undefined, what: string): R {
  return reason ? [text(stripEnd(reason.text))] : [placeholder(what)];
}

export function stripEnd(s: string): string {
  return s.trim().replace(/[。；;，,.\s]+$/, "");
}

/** Whether a figure prints as zero (or is absent). */
export const isZero = (x: Figure | null | undefined, c: Ctx): boolean => !x || shown(x.fen, c.st) === 0;

/** The budgets a line is compared with, in the public wording's order: 年初预算, then 全年预算 (or a plain 预算). */
export function budgetsOf(x: Compared): { word: string; fig: Figure }[] {
  const out: { word: string; fig: Figure }[] = [];
  if (x.budgetInitial) out.push({ word: SAY.budgetWord.initial, fig: x.budgetInitial });
  if (x.budgetFinal) out.push({ word: SAY.budgetWord.final, fig: x.budgetFinal });
  if (!x.budgetInitial && !x.budgetFinal && x.budget) out.push({ word: SAY.budgetWord.plain, fig: x.budget });
  return out;
}

/**
 * "年初预算为X，全年预算为Y，支出决算为Z，完成年初预算的A%、全年预算的B%" — rates only over budgets that print as more than
 * zero and only from figures no check objected to; a zero budget is said in words.
 */
export function budgetSentence(x: Compared, c: Ctx, subject: string): R {
  const a = x.actual;
  if (!a) return [];
  const budgets = budgetsOf(x);
  const shownBudgets = budgets.filter((b) => !isZero(b.fig, c) || b.fig.doubt);
  // "“三公”经费支出" + "支出决算为" would say 支出 twice.
  const pieces: Piece<Run>[] = [shownBudgets.length === 0 && !isZero(a, c) ? subject.replace(/支出$/, "") : subject];
  // Nothing spent: no completion rate of 0 % — the budget, and that nothing was spent (or that there was nothing at all).
  if (isZero(a, c) && !a.doubt) {
    if (shownBudgets.length === 0) return say([subject, SAY.noneSpent([])]);
    pieces.push(...SAY.sangongBudgetNoSpending(shownBudgets[0].word, money(shownBudgets[0].fig, c)));
    return say(pieces);
  }
  if (budgets.length > 0 && shownBudgets.length === 0) {
    pieces.push(SAY.noBudget(budgets[0].word), "，支出决算为", ...money(a, c));
    return say(pieces);
  }
  // "年初未安排预算，全年预算为…": a zero 年初预算 beside a 全年预算 is said in words.
  if (budgets.length > shownBudgets.length && budgets[0] !== shownBudgets[0]) pieces.push(SAY.noBudget(budgets[0].word), "，");
  pieces.push(
    ...SAY.budgetsAndActual(
      shownBudgets.map((b) => ({ word: b.word, amount: money(b.fig, c) })),
      money(a, c),
    ),
  );
  if (sure(a)) {
    const rates = shownBudgets
      .filter((b) => sure(b.fig))
      .map((b) => ({ word: b.word, rate: rate(a.fen, b.fig.fen, c) }))
      .filter((r): r is { word: string; rate: R } => r.rate !== null);
    pieces.push(...SAY.completion(rates));
  }
  return say(pieces);
}

/** The budget a 决算 is judged against in words: 年初预算 where given (the public wording), else 全年预算 or 预算. */
export function mainBudget(x: Compared): { word: string; fig: Figure } | null {
  const all = budgetsOf(x);
  // No 年初预算 at all (a unit set up during the year, a 项 added mid-year): judged against the 全年预算, and said so.
  if (all.length > 1 && all[0].fig.fen === 0 && !all[0].fig.doubt && all[1].fig.fen !== 0) return all[1];
  return all[0] ?? null;
}

/**
 * "，决算数较年初预算数减少42.41万元，主要原因是……" — the difference from the main budget in the same sentence as both
 * figures, so a reader (and the audit) sees what it is measured from; nothing when equal or doubtful, or the budget is 0.
 */
export function budgetDifference(x: Compared, c: Ctx, what: string, withReason = true): R {
  const b = mainBudget(x);
  if (!b || !sure(x.actual) || !sure(b.fig)) return [];
  const diff = shownDiff(x.actual.fen, b.fig.fen, c.st);
  if (diff === 0) return [];
  const reason = withReason ? [SAY.mainReason, ...reasonOr(x.reason, diff > 0 ? fillOver(what, b.word) : fillUnder(what, b.word))] : [];
  // A zero budget: the sentence already says 未安排预算; only the reason follows.
  if (isZero(b.fig, c)) return say(reason);
  return say([...SAY.diffFromBudget(b.word, diff > 0, moneyAbs(diff, c)), ...reason]);
}

/**
 * "决算数大于年初预算数的主要原因是……" / "决算数与年初预算数持平" — nothing when a figure is doubtful (the mark says it).
 * The comparison is of the printed figures.
 */
export function budgetComparison(x: Compared, c: Ctx, what: string, requireReason = true): R {
  const b = mainBudget(x);
  if (!b || !sure(x.actual) || !sure(b.fig)) return [];
  const diff = shownDiff(x.actual.fen, b.fig.fen, c.st);
  if (diff === 0) return say([SAY.same(b.word), SAY.period]);
  const over = diff > 0;
  const head = over ? SAY.over(b.word) : SAY.under(b.word);
  // Without a reason to give, "决算数小于预算数。" would only restate the completion rate said before it.
  if (!requireReason && !x.reason) return [];
  const reason = reasonOr(x.reason, over ? fillOver(what, b.word) : fillUnder(what, b.word));
  return say([head, ...SAY.reasonIs(reason), SAY.period]);
}

const fillOver = (what: string, word: string) => `${what}决算数大于${word}数的原因`;
const fillUnder = (what: string, word: string) => `${what}决算数小于${word}数的原因`;

/**
 * "较上年增加A万元，增长B%" / "较上年减少…，下降…" / "与上年持平" / "较上年新增A万元" (last year nothing) — from the printed
 * figures; no rate on a base that prints as zero; nothing when a figure is doubtful or last year is unknown.
 */
export function yoy(actual: Figure | null | undefined, previous: Figure | null | undefined, c: Ctx, against = "上年"): R {
  if (!sure(actual) || !sure(previous)) return [];
  const diff = shownDiff(actual.fen, previous.fen, c.st);
  if (diff === 0) return say([SAY.flat(against)]);
  if (!hasBase(previous.fen, c.st)) return say(SAY.newItem(moneyAbs(diff, c), against));
  const r = rate(diff, shown(previous.fen, c.st), c, true);
  return say(diff > 0 ? SAY.up(moneyAbs(diff, c), r, against) : SAY.down(moneyAbs(diff, c), r, against));
}

/** The direction of a change from last year, for the reason sentence (null: unknown or no change). */
export function direction(actual: Figure | null | undefined, previous: Figure | null | undefined, c: Ctx): "up" | "down" | null {
  if (!sure(actual) || !sure(previous)) return null;
  const d = shownDiff(actual.fen, previous.fen, c.st);
  return d > 0 ? "up" : d < 0 ? "down" : null;
}

/** "，占本年收入合计的12.34%" — nothing when either figure is doubtful or the whole prints as zero. */
export function shareRuns(part: Figure | Fen, whole: Figure | Fen | null | undefined, c: Ctx, wholeName?: string): R {
  const p = typeof part === "number" ? part : sure(part) ? part.fen : null;
  const w = whole === null || whole === undefined ? null : typeof whole === "number" ? whole : sure(whole) ? whole.fen : null;
  if (p === null || w === null) return [];
  const r = rate(p, w, c);
  return r ? say([SAY.comma, ...SAY.share(r, wholeName)]) : [];
}

/** Whether a line's difference from its budget is large enough to be explained in its own sentence. */
export function significant(x: Compared, c: Ctx): boolean {
  const b = mainBudget(x);
  if (!b || !x.actual) return false;
  // Spent without a 年初预算 (even when a 全年预算 covered it): always worth its own sentence.
  if (x.budgetInitial && sure(x.budgetInitial) && isZero(x.budgetInitial, c) && !isZero(x.actual, c)) return true;
  if (!sure(x.actual) || !sure(b.fig)) return true; // a doubtful line is always written out, with its mark
  const a = shown(x.actual.fen, c.st);
  const bud = shown(b.fig.fen, c.st);
  if (bud === 0) return a !== 0;
  const diff = a - bud;
  if (Math.abs(diff) < c.floor) return false;
  const r = rateBp(diff, bud);
  return r !== null && Math.abs(r) >= c.threshold;
}

export function thresholdBp(percentValue: number): Bp {
  return hundredths(percentValue);
}
