/**
 * The shares of one whole add up to 100 % (text-sum): the shares of the parts of a list, when the list is whole (its
 * parts add up to its total), must add to 100 within their rounding; shares of siblings adding to more than 100 % are
 * wrong whatever the list. Tolerance: half a unit of each share's last decimal.
 */
import { decText, halfUlp, micro, TEN } from "../numbers";
import { COMPOSITIONS, NEW_SPLIT } from "../vocabulary";
import type { Figure } from "../numbers";
import { around, exact, meets, plus } from "../relations";
import type { Interval } from "../relations";
import type { Claim } from "../claims";
import type { Check, CheckContext } from "./context";
import { matchingAmount } from "./lookup";
import { currentOf } from "./context";

/** Shares of one named whole said by items that are not in a list ("（一）…占支出总预算82.27%"…): over 100% is wrong. */
function namedWholes(ctx: CheckContext): void {
  const groups = new Map<string, { claim: Claim; fig: Figure }[]>();
  for (const c of ctx.doc.claims) {
    if (c.parent !== null || c.shares.length !== 1) continue;
    // "从征收部门来看…从收入分类来看…": each way of splitting the whole adds up on its own. Shares of no named whole are
    // those of the siblings of one sentence ("…决算中，因公出国（境）费…占0%；公务接待费…占29.76%；…").
    const text = ctx.doc.paragraphs[c.paragraph - 1]?.text.slice(0, c.start) ?? "";
    const split = (text.match(new RegExp(NEW_SPLIT.source, "g")) ?? []).length;
    const key = c.shares[0].whole ? `${c.paragraph}|${split}|${c.shares[0].whole}` : `${c.paragraph}|sentence ${c.sentence.start}`;
    groups.set(key, [...(groups.get(key) ?? []), { claim: c, fig: c.shares[0].fig }]);
  }
  for (const g of groups.values()) {
    if (g.length < 2) continue;
    const figs = g.map((x) => x.fig);
    const d = Math.max(...figs.map((f) => f.value.d));
    // Shares worked out from printed amounts (0.01万元 of 2.27万元 is "0.44%") carry the amounts' rounding too: each
    // share may be off by up to twice its amount's relative rounding (the amount's and the whole's, same precision).
    const slack = g.reduce((acc, x) => {
      const a = currentOf(x.claim, "prev");
      const unit = a ? ctx.unit(a.fig) : null;
      if (!a || !unit) return acc;
      const m = micro(a.fig, unit);
      return m > 0n ? acc + (4n * x.fig.value.n * TEN(d - x.fig.value.d) * halfUlp(a.fig, unit)) / m + 1n : acc;
    }, 0n);
    const lo = figs.reduce((acc, f) => acc + 2n * f.value.n * TEN(d - f.value.d) - TEN(d - f.value.d), 0n) - slack;
    const hi = figs.reduce((acc, f) => acc + 2n * f.value.n * TEN(d - f.value.d) + TEN(d - f.value.d), 0n) + slack;
    // The items of a known composition (出国, 车, 接待 of “三公”经费) are the whole: their shares make 100%.
    const comp = COMPOSITIONS.find((x) => x.parts.length === g.length && x.parts.every((k) => g.some((y) => y.claim.key === k)));
    ctx.checked();
    if (lo <= 200n * TEN(d) && (!comp || hi >= 200n * TEN(d))) continue;
    ctx.report("text-sum", "error", g[0].claim, {
      check: "shares-total",
      stated: figs.map((f) => f.text).join("+"),
      expected: "100%",
      computed: `${decText({ n: (lo + hi) / 4n, d })}%`,
      confidence: comp ? "high" : "medium",
    });
  }
}

export const sharesTotal: Check = {
  id: "shares-total",
  run(ctx) {
    namedWholes(ctx);
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
        const total = list.total?.slot.period === "cur" ? list.total : list.parent.amounts.find((a) => a.slot.period === "cur");
        let whole = false;
        const unit = total ? ctx.unit(total.fig) : null;
        if (total && unit) {
          const amounts = items.map((i) => matchingAmount(i, total));
          if (amounts.every((a) => a && ctx.unit(a.fig))) {
            let sum: Interval = exact(0n);
            for (const a of amounts) sum = plus(sum, around(a!.fig, ctx.unit(a!.fig)!));
            const t = around(total.fig, unit);
            whole = meets(sum, t);
            // Shares are often worked out from the printed amounts (75.41 / 78.79), each off by its rounding: the sum
            // of the shares may then miss 100 % by 100 × (Σ half units + the total's half unit) / total as well.
            if (t.lo > 0n) {
              const slack = (hundred * (sum.hi - sum.lo + t.hi - t.lo)) / (2n * t.lo) + 1n;
              lo -= slack;
              hi += slack;
            }
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
