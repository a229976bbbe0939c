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
  return out;
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
        // Written in its own unit it is 1000 times off its neighbours; in theirs it fits.
        if (Math.abs(own - median) < 4 || Math.abs(asMajor - median) > 2) continue;
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
