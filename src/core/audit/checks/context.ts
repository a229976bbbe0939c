/**
 * What every check gets: the report as read, a way to report a finding (quoting its sentence, saying what was expected
 * and why, and how sure it is), to count a relation as checked or skipped, and the figures already found wrong (a
 * check never derives a base from a figure another check has reported, so one mistake gives one finding).
 */
import { finding } from "../../base/findings";
import type { Finding, FindingData, RuleId, Severity } from "../../base/findings";
import type { Amount, Claim, Comparison } from "../claims";
import type { DocumentRead } from "../document";
import type { Figure } from "../numbers";
import type { MoneyUnit } from "../vocabulary";
import type { WorkbookLine } from "../workbook";

export interface CheckContext {
  doc: DocumentRead;
  lines: WorkbookLine[];
  report(rule: RuleId, severity: Severity, at: Claim | { paragraph: number; start: number; end: number }, data: FindingData): void;
  checked(): void;
  skip(reason: string): void;
  /** Figures reported by an earlier check. */
  flagged: Set<Figure>;
  /** The unit a figure is read in (a unit slip found by the unit check is read as corrected). */
  unit(f: Figure): MoneyUnit | null;
  /** Corrections made by the unit check. */
  units: Map<Figure, MoneyUnit>;
  /** Relations already checked by a list, so that a known composition does not report the same sum twice. */
  covered: Set<string>;
}

export interface Check {
  /** The relation, for the catalogue and the tests ("change-rate", "parts-sum" …). */
  id: string;
  run(ctx: CheckContext): void;
}

/** The sentence(s) a claim is read from, as the finding quotes them. */
export function quoteOf(doc: DocumentRead, at: Claim | { paragraph: number; start: number; end: number }, figure?: string): string {
  const p = doc.paragraphs[at.paragraph - 1];
  if (!p) return "";
  const [start, end] = "sentence" in at ? [at.sentence.start, at.lastSentence.end] : [at.start, at.end];
  const q = p.shown.slice(start, end).trim();
  if (q.length <= 220) return q;
  // A long sentence is shown around the figure the finding is about, so the clause at fault is in sight: the figure's
  // first occurrence from the claim's own clause on (a sentence of several items may state "0%" for each).
  const own =
    "sentence" in at
      ? Math.max(0, at.start - start - (p.shown.slice(start, end).length - p.shown.slice(start, end).trimStart().length))
      : 0;
  const found = figure ? q.indexOf(figure, own) : -1;
  const pos = found >= 0 || !figure ? found : q.indexOf(figure);
  if (pos < 120) return `${q.slice(0, 200)}……`;
  const from = pos - 100;
  const to = Math.min(q.length, pos + figure!.length + 100);
  return `……${q.slice(from, to)}${to < q.length ? "……" : ""}`;
}

export function makeFinding(
  doc: DocumentRead,
  rule: RuleId,
  severity: Severity,
  at: Claim | { paragraph: number; start: number; end: number },
  data: FindingData,
): Finding {
  const written: FindingData = {};
  for (const k of WRITTEN) if (typeof data[k] === "string") written[k] = doc.asWritten(data[k]);
  const quote = quoteOf(doc, at, typeof data.stated === "string" ? data.stated : undefined);
  return finding(rule, severity, "报告", `P${at.paragraph}`, { quote, ...data, ...written, paragraph: at.paragraph });
}

/** Data taken from the text (names, stated words, a table row): in the characters the report writes them with. */
const WRITTEN = ["stated", "name", "whole", "parts", "row", "quote"] as const;

/** The amount a comparison is about: the 决算 (or the one plain amount; in a 预算 text, the budget). */
export function currentOf(c: Claim, against: Comparison["against"]): Amount | null {
  const cur = c.amounts.filter((a) => a.slot.period === "cur");
  const one = (xs: Amount[]) => (xs.length === 0 ? undefined : xs.every((x) => x.fig.text === xs[0].fig.text) ? xs[0] : null);
  const actual = one(cur.filter((a) => a.slot.kind === "actual"));
  if (actual !== undefined) return actual;
  const plain = one(cur.filter((a) => a.slot.kind === null));
  if (plain !== undefined) return plain;
  if (against === "budget" || c.actualNone) return null;
  return one(cur.filter((a) => a.slot.kind === "budget")) ?? null;
}

/** The base of a comparison as stated: inline ("较2020年的3178万元"), or the claim's 上年 / 预算 amount. */
export function baseOf(c: Claim, cmp: Comparison): Figure | null {
  if (cmp.base) return cmp.base;
  if (cmp.assumed) return null;
  const pick = (xs: Amount[]) => (xs.length > 0 && xs.every((x) => x.fig.text === xs[0].fig.text) ? xs[0].fig : null);
  if (cmp.against === "budget") {
    const budget = c.amounts.filter((a) => a.slot.period === "cur" && a.slot.kind === "budget");
    const actual = c.amounts.filter((a) => a.slot.period === "cur" && a.slot.kind !== "budget");
    return actual.length > 0 ? pick(budget) : null;
  }
  const period = cmp.year ?? "prev";
  const prev = c.amounts.filter((a) => a.slot.period === period && (cmp.hint === null || a.slot.kind === null || a.slot.kind === cmp.hint));
  return pick(prev);
}

export const sameCmp = (a: Comparison, b: Comparison) =>
  a.against === b.against && a.year === b.year && !a.assumed === !b.assumed && (a.hint === b.hint || a.hint === null || b.hint === null);

/**
 * The change a rate is the rate of: the last change of the same comparison said before it, or, when none was, the
 * first said after it before another rate ("同比增长15.35%，增收25457万元").
 */
export function changeBefore(c: Claim, rate: { at: number; cmp: Comparison }): Claim["changes"][number] | null {
  const same = c.changes.filter((ch) => sameCmp(ch.cmp, rate.cmp));
  const before = same.filter((ch) => ch.at < rate.at);
  if (before.length > 0) return before[before.length - 1];
  const nextRate = c.rates.filter((r) => sameCmp(r.cmp, rate.cmp) && r.at > rate.at).map((r) => r.at)[0] ?? Infinity;
  return same.find((ch) => ch.at > rate.at && ch.at < nextRate) ?? null;
}
