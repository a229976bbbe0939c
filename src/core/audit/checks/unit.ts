/**
 * A unit slip (text-unit): one figure in 元 among figures of the same item or list in 万元 (or 亿元), whose size fits
 * only if it is read in their unit — "本年数为3.07元，上年数为8.65万元", "其中…公务接待费9.21元" — or the reverse, a
 * 万元 figure in a list of 元. Zero, per-unit figures ("生均", "平均每辆") and figures of other items never count.
 * The slip is reported once, and the later checks read the figure in the corrected unit.
 */
import { abs } from "../numbers";
import type { Figure } from "../numbers";
import { MONEY_EXP } from "../vocabulary";
import type { MoneyUnit } from "../vocabulary";
import type { Claim } from "../claims";
import { around, exact, plus, sumsMeet } from "../relations";
import type { Check, CheckContext } from "./context";

/** log10 of a figure's size in 元, roughly (integer digits + unit exponent). */
function magnitudeOf(f: Figure, unit: MoneyUnit): number {
  const digits = abs(f.value.n).toString().length - f.value.d;
  return digits + MONEY_EXP[unit];
}

function groupsOf(ctx: CheckContext): { claim: Claim; figs: Figure[] }[] {
  const out: { claim: Claim; figs: Figure[] }[] = [];
  for (const c of ctx.doc.claims) {
    if (c.perUnit) continue;
    const figs = [
      ...c.amounts.map((a) => a.fig),
      ...c.changes.flatMap((ch) => (ch.fig ? [ch.fig] : [])),
      ...[...c.changes, ...c.rates].flatMap((ch) => (ch.cmp.base ? [ch.cmp.base] : [])),
    ];
    out.push({ claim: c, figs });
  }
  for (const l of ctx.doc.lists) {
    if (l.parent.perUnit) continue;
    const figs = [...l.parent.amounts.map((a) => a.fig), ...l.items.filter((i) => !i.perUnit).flatMap((i) => i.amounts.map((a) => a.fig))];
    out.push({ claim: l.parent, figs });
  }
  // Items of one sentence side by side ("…决算中，因公出国（境）费12.02万元…；公务接待费…").
  const bySentence = new Map<string, Claim[]>();
  for (const c of ctx.doc.claims.filter((x) => x.parent === null && !x.perUnit && x.amounts.length > 0)) {
    const key = `${c.paragraph}|${c.sentence.start}`;
    bySentence.set(key, [...(bySentence.get(key) ?? []), c]);
  }
  for (const cs of bySentence.values())
    if (cs.length >= 3) out.push({ claim: cs[0], figs: cs.flatMap((c) => c.amounts.map((a) => a.fig)) });
  return out;
}

/** The parts of a list add up to its total only when the odd figure is read in the unit of the others. */
function repairs(ctx: CheckContext, c: Claim, f: Figure, major: MoneyUnit): boolean {
  const list = c.list;
  if (!list?.total || !ctx.unit(list.total.fig)) return false;
  const parts = list.items.flatMap((i) => i.amounts.filter((a) => a.slot.period === "cur").map((a) => a.fig));
  const sum = (read: MoneyUnit) => parts.reduce((acc, p) => plus(acc, around(p, p === f ? read : (ctx.unit(p) ?? major))), exact(0n));
  const t = around(list.total.fig, ctx.unit(list.total.fig)!);
  return sumsMeet(sum(major), t) && !sumsMeet(sum(f.unit as MoneyUnit), t);
}

/** How many figures of the paragraph are written in each unit. */
function unitCounts(ctx: CheckContext, paragraph: number): Map<string, number> {
  const out = new Map<string, number>();
  for (const f of ctx.doc.paragraphs[paragraph - 1]?.figures ?? [])
    if (f.kind === "money" && f.unit) out.set(f.unit, (out.get(f.unit) ?? 0) + 1);
  return out;
}

export const unit: Check = {
  id: "unit",
  run(ctx) {
    const done = new Set<Figure>();
    for (const g of groupsOf(ctx)) {
      const money = [...new Set(g.figs)].filter((f) => f.kind === "money" && f.unit && f.value.n !== 0n);
      const byUnit = new Map<string, Figure[]>();
      for (const f of money) byUnit.set(f.unit, [...(byUnit.get(f.unit) ?? []), f]);
      if (byUnit.size !== 2) continue;
      // The odd unit is the rarer one in the group, or (one against one) the rarer one in the paragraph.
      const counts = unitCounts(ctx, g.claim.paragraph);
      const [[u1, f1], [u2, f2]] = [...byUnit.entries()].sort(
        (a, b) => b[1].length - a[1].length || (counts.get(b[0]) ?? 0) - (counts.get(a[0]) ?? 0),
      );
      if (f2.length > f1.length || (f2.length === f1.length && (f1.length > 1 || (counts.get(u1) ?? 0) <= (counts.get(u2) ?? 0) + 1)))
        continue;
      const major = u1 as MoneyUnit;
      const sizes = f1.map((f) => magnitudeOf(f, major)).sort((a, b) => a - b);
      if (f1.length === 1 && f2.length === 1 && Math.abs(magnitudeOf(f2[0], major) - sizes[0]) > 1) continue;
      const median = sizes[Math.floor(sizes.length / 2)];
      for (const f of f2) {
        if (done.has(f)) continue;
        const own = magnitudeOf(f, u2 as MoneyUnit);
        const asMajor = magnitudeOf(f, major);
        // Written in its own unit it is 1000 times off its neighbours and in theirs it fits, or only in theirs do the
        // parts of its list add up.
        const fits = Math.abs(own - median) >= 4 && Math.abs(asMajor - median) <= 2;
        const owner = ctx.doc.claims.find((c) => c.amounts.some((a) => a.fig === f));
        if (!fits && !(owner && owner.list && repairs(ctx, owner, f, major))) continue;
        done.add(f);
        ctx.checked();
        ctx.report("text-unit", "error", g.claim, {
          check: "unit",
          stated: f.text,
          expected: major,
          neighbours: f1.map((x) => x.text).join("、"),
          confidence: Math.abs(asMajor - median) <= 1 ? "high" : "medium",
        });
        ctx.units.set(f, major);
      }
    }
  },
};
