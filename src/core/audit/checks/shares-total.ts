/**
 * The shares of one whole add up to 100 % (text-sum): the shares of the parts of a list, when the list is whole (its
 * parts add up to its total), must add to 100 within their rounding; shares of siblings adding to more than 100 % are
 * wrong whatever the list. Tolerance: half a unit of each share's last decimal.
 */
import { decText, TEN } from "../numbers";
import type { Figure } from "../numbers";
import { around, exact, meets, plus } from "../relations";
import type { Interval } from "../relations";
import type { Check } from "./context";
import { matchingAmount } from "./lookup";

export const sharesTotal: Check = {
  id: "shares-total",
  run(ctx) {
    for (const list of ctx.doc.lists) {
      const splits = [...new Set(list.items.map((i) => i.split))];
      for (const split of splits) {
        const items = list.items.filter((i) => i.split === split && !i.excluded);
        // One share per part, of the list's whole (unnamed) or of a whole named the same for all.
        const shares = items.map((i) => (i.shares.length === 1 ? i.shares[0] : null));
        if (items.length < 2 || shares.some((s) => s === null)) continue;
        const wholes = new Set(shares.map((s) => s!.whole ?? ""));
        if (wholes.size !== 1) continue;
        const figs = shares.map((s) => s!.fig);
        // Sum in units of the finest decimal written, with each share's half unit as tolerance.
        const d = Math.max(...figs.map((f) => f.value.d));
        const scaled = (f: Figure) => f.value.n * TEN(d - f.value.d) * 2n;
        const half = (f: Figure) => TEN(d - f.value.d);
        let lo = 0n;
        let hi = 0n;
        for (const f of figs) {
          lo += scaled(f) - half(f);
          hi += scaled(f) + half(f);
        }
        const hundred = 200n * TEN(d);
        // Is the list whole? Its parts add up to its total.
        const total = list.parent.amounts.find((a) => a.slot.period === "cur");
        let whole = false;
        const unit = total ? ctx.unit(total.fig) : null;
        if (total && unit) {
          const amounts = items.map((i) => matchingAmount(i, total));
          if (amounts.every((a) => a && ctx.unit(a.fig))) {
            let sum: Interval = exact(0n);
            for (const a of amounts) sum = plus(sum, around(a!.fig, ctx.unit(a!.fig)!));
            whole = meets(sum, around(total.fig, unit));
          }
        }
        const over = lo > hundred;
        const under = hi < hundred;
        if (!over && !(under && whole)) {
          if (over || under || whole) ctx.checked();
          continue;
        }
        ctx.checked();
        const sum = decText({ n: (lo + hi) / 4n, d });
        ctx.report("text-sum", "error", list.parent, {
          check: "shares-total",
          stated: figs.map((f) => f.text).join("+"),
          expected: "100%",
          computed: `${sum}%`,
          confidence: whole ? "high" : "medium",
        });
      }
    }
  },
};
