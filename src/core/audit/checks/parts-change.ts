/**
 * The parts' changes add up to the total's change (text-sum), and agree with its direction (text-direction):
 * "“三公”经费较上年减少2.97万元…其中：公务用车…减少1.33万元…；公务接待费…减少1.64万元". Only when every part states
 * its change against the same base (a 持平 counts as 0); a part without one leaves the relation unknown.
 */
import { amountIn } from "../numbers";
import { around, exact, magnitude, meets, mid, plus } from "../relations";
import type { Interval } from "../relations";
import type { Amount, Change, Claim } from "../claims";
import type { Check, CheckContext } from "./context";
import { sameCmp } from "./context";
import { sharesShortOfWhole } from "./parts-sum";

const signed = (iv: Interval, dir: number): Interval => (dir < 0 ? { lo: -iv.hi, hi: -iv.lo } : iv);

/** A list whose item is larger than its total is misread (the total is of something else): nothing to add up. */
export function plausible(ctx: CheckContext, total: Amount | null, items: Claim[]): boolean {
  const unit = total ? ctx.unit(total.fig) : null;
  if (!total || !unit) return true;
  const t = around(total.fig, unit);
  return items.every((i) =>
    i.amounts.every((a) => !ctx.unit(a.fig) || a.slot.period !== "cur" || around(a.fig, ctx.unit(a.fig)!).lo <= t.hi),
  );
}

export const partsChange: Check = {
  id: "parts-change",
  run(ctx) {
    for (const list of ctx.doc.lists) {
      const parent = list.parent;
      // A list that names only some parts (主要…, or fewer than another list of the same total) has no change to add up.
      if (list.partial || sharesShortOfWhole(list.items)) continue;
      // Two changes of the total against the same base ("2月…减收1816万元…1-2月…增收2113万元"): which one the parts break
      // down is not known.
      const ambiguous = (pc: Change) => parent.changes.filter((x) => sameCmp(x.cmp, pc.cmp)).length > 1;
      const splits = [...new Set(list.items.map((i) => i.split))];
      for (const pc of parent.changes) {
        if ((pc.fig && ctx.flagged.has(pc.fig)) || pc.cmp.assumed || ambiguous(pc)) continue;
        for (const split of splits) {
          const items = list.items.filter((i) => i.split === split && !i.excluded);
          if (items.length < 2 || !plausible(ctx, list.total, items)) continue;
          const changes = items.map((i) => {
            const cs = i.changes.filter((c) => sameCmp(c.cmp, pc.cmp));
            return cs.length === 1 ? cs[0] : null;
          });
          if (changes.some((c) => c === null || (c.fig === null && c.dir !== 0))) continue;
          const unit = (pc.fig && ctx.unit(pc.fig)) ?? changes.map((c) => c!.fig && ctx.unit(c!.fig)).find((u) => u) ?? null;
          if (!unit || changes.some((c) => c!.fig && (!ctx.unit(c!.fig) || ctx.flagged.has(c!.fig)))) continue;
          let sum: Interval = exact(0n);
          for (const c of changes as Change[]) if (c.fig) sum = plus(sum, signed(magnitude(around(c.fig, ctx.unit(c.fig)!)), c.dir));
          ctx.checked();
          const stated = pc.fig ? signed(magnitude(around(pc.fig, unit)), pc.dir) : null;
          const word = pc.dir > 0 ? "增加" : pc.dir < 0 ? "减少" : "持平";
          if (stated ? meets(sum, stated) : pc.dir === 0 ? meets(sum, exact(0n)) : pc.dir > 0 ? sum.hi > 0n : sum.lo < 0n) continue;
          // Leaving one part out gives the total's change: a part of another scope, not a wrong figure.
          const ivs = (changes as Change[]).map((c) => (c.fig ? signed(magnitude(around(c.fig, ctx.unit(c.fig)!)), c.dir) : exact(0n)));
          const oneOff =
            stated !== null && ivs.length > 2 && ivs.some((_, i) => meets(ivs.filter((__, j) => j !== i).reduce(plus, exact(0n)), stated));
          if (oneOff) {
            ctx.skip("parts of another scope");
            continue;
          }
          const total = mid(sum);
          const expectedWord = total > 0n ? "增加" : total < 0n ? "减少" : "持平";
          const flipped = stated !== null && meets(magnitude(sum), magnitude(stated)) && expectedWord !== word;
          const direction = flipped || (stated === null && expectedWord !== word);
          ctx.report(direction ? "text-direction" : "text-sum", "error", parent, {
            check: "parts-change",
            stated: `${word}${pc.fig ? pc.fig.text : ""}`,
            expected: `${expectedWord}${total !== 0n ? amountIn(total < 0n ? -total : total, unit, 2) : ""}`,
            parts: changes.map((c) => `${c!.dir > 0 ? "+" : c!.dir < 0 ? "−" : ""}${c!.fig ? c!.fig.text : "0"}`).join(""),
            confidence: "high",
          });
          if (pc.fig) ctx.flagged.add(pc.fig);
        }
      }
    }
  },
};
