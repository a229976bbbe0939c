import type { Severity } from "../base/findings";
import { hundredthsText, percentString, scaledText } from "../base/money";
import { amountText, rateText } from "../base/presentation";
import type { Presentation } from "../base/presentation";
import { findingMessage, RULE_TITLES } from "../catalogue/findings";
import { REVIEW, SEVERITY_LABELS, TABLE_KIND_LABELS, UNIT_SOURCE_LABELS } from "../catalogue/review";
import { AMOUNT_ROLES, ROLE_LABELS } from "../recognise/column-roles";
import type { ColumnRole } from "../recognise/column-roles";
import type { CheckResult } from "../score/check-result";
import { changeText } from "./phrasing";

/** A short review a clerk can act on: what was read, the totals, then findings by importance. */
export function plainReview(fileName: string, a: CheckResult, p: Presentation): string {
  const out: string[] = [];
  const money = (fen: number | null) => amountText(fen, p);
  out.push(REVIEW.heading(fileName), "", REVIEW.tables(a.tables.length));
  a.tables.forEach((t, i) => {
    const hasMoney = t.columns.some((c) => c.role !== null && AMOUNT_ROLES.has(c.role));
    const unit = hasMoney ? `${t.unit}（${UNIT_SOURCE_LABELS[t.unitSource]}）` : null;
    out.push(REVIEW.table(i + 1, t.title, `${t.sheet}!${t.range}`, TABLE_KIND_LABELS[t.kind], t.rows.length, unit));
    out.push(
      REVIEW.columns(
        t.columns
          .filter((c) => c.role)
          .map((c) => `${c.letter}=${ROLE_LABELS[c.role as ColumnRole]}`)
          .join("  "),
      ),
    );
    for (const n of t.notes) out.push(REVIEW.note(n));
  });
  if (a.totals.length > 0) {
    out.push("", REVIEW.totalsHeading);
    for (const t of a.totals) {
      const table = a.tables.find((x) => x.id === t.tableId);
      const budget = t.budget === null ? null : money(t.budget);
      out.push(
        REVIEW.totals(
          table?.title ?? t.tableId,
          budget,
          money(t.actual),
          t.diff === null ? null : money(t.diff),
          rateText(t.diffRate),
          t.source === "top-level",
        ),
      );
    }
  }
  if (a.sangong && a.sangong.total.actual === null && a.sangong.total.budget !== null) {
    out.push("", REVIEW.sangongBudget(money(a.sangong.total.budget)));
    for (const i of a.sangong.items) out.push(REVIEW.sangongBudgetItem(i.item, money(i.budget)));
    for (const i of a.sangong.related) out.push(REVIEW.relatedBudget(i.item, money(i.budget)));
  } else if (a.sangong) {
    const g = a.sangong.total;
    const change = g.yoyDiff === null ? null : changeText(g.yoyDiff, g.yoyRate, g.previous, p);
    out.push("", REVIEW.sangong(money(g.actual), change, g.budget === null ? null : money(g.budget), rateText(g.completionRate)));
    for (const i of a.sangong.items) {
      const itemChange = i.yoyDiff === null ? null : changeText(i.yoyDiff, i.yoyRate, i.previous, p);
      out.push(REVIEW.sangongItem(i.item, money(i.actual), percentString(i.share), itemChange));
    }
    for (const i of a.sangong.related) out.push(REVIEW.related(i.item, money(i.actual), money(i.previous)));
  }
  if (a.scoringSheet) {
    const v = a.scoringSheet;
    const pts = (h: number | null) => (h === null ? REVIEW.none : hundredthsText(h));
    out.push("", REVIEW.scoringSheet(`${v.sheet}!${v.range}`, v.items.length, pts(v.baseTotal), pts(v.bonusTotal), pts(v.total), v.grade));
    // Lines with a 分值 and no 得分 (a page cut off, a score not yet filled in) are not in the total: said, not hidden.
    const unscored = v.items.filter((i) => i.max !== null && i.score === null);
    if (unscored.length > 0 && v.items.some((i) => i.score !== null)) out.push(REVIEW.scoringUnscored(unscored.map((i) => i.name)));
  }
  if (a.scoring && !a.scoring.items.some((i) => i.status === "auto" || i.status === "manual")) {
    out.push("", REVIEW.scoringNone(a.scoring.framework.name));
  } else if (a.scoring) {
    const r = a.scoring;
    const count = (status: string) => r.items.filter((i) => i.status === status).length;
    const bonus = r.bonusTotal === 0 ? null : scaledText(r.bonusTotal, 2);
    const state =
      r.pending === 0 ? REVIEW.scoringDone(scaledText(r.total, 2), r.grade) : REVIEW.scoringWaiting(count("pending"), count("missing"));
    out.push(
      "",
      REVIEW.scoringHeading(r.framework.name),
      REVIEW.scoringSummary(count("auto"), count("manual"), scaledText(r.baseTotal, 2), bonus) + state,
    );
    for (const i of r.items.filter((x) => x.status === "auto")) {
      out.push(REVIEW.scoredItem(i.indicator.name, percentString(i.rate), scaledText(i.score ?? 0, 2), hundredthsText(i.weight)));
    }
  }
  const counts = (sev: Severity) => a.findings.filter((f) => f.severity === sev).length;
  out.push("", REVIEW.findingsCount(a.findings.length, counts("error"), counts("warning"), counts("info")));
  for (const sev of ["error", "warning", "info"] as Severity[]) {
    const list = a.findings.filter((f) => f.severity === sev);
    if (list.length === 0) continue;
    out.push(REVIEW.severityHeading(SEVERITY_LABELS[sev]));
    list.forEach((f, i) => out.push(REVIEW.finding(i + 1, `${f.sheet}!${f.cell}`, RULE_TITLES[f.rule], findingMessage(f, p))));
  }
  return out.join("\n") + "\n";
}
