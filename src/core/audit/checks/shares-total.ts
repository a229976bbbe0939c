/**
 * The shares of one whole add up to 100 % (text-sum): the shares of the parts of a list, when the list is whole (its
 * parts add up to its total), must add to 100 within their rounding; shares of siblings adding to more than 100 % are
 * wrong whatever the list — siblings of one sentence, or the numbered paragraphs of one section ("1. 基本支出…占一般公共
 * 预算支出的84.06%" … "2. 项目支出…占一般公共预算支出的19.62%"). Tolerance: half a unit of each share's last decimal.
 */
import { amountIn, decText, halfUlp, micro, percentText, TEN } from "../numbers";
import { COMPOSITIONS, NEW_SPLIT } from "../vocabulary";
import type { Figure } from "../numbers";
import { around, exact, meets, mid, plus, ratePercent } from "../relations";
import type { Interval } from "../relations";
import { markerStyle } from "../claims";
import type { Claim } from "../claims";
import { MARKER } from "../segment";
import type { Check, CheckContext } from "./context";
import { matchingAmount } from "./lookup";
import { currentOf } from "./context";

/**
 * Shares adding to far more than 100 % (97.2% + 97% + 95.9% + 94.3% of four districts' own 财政总收入) are each of its own
 * whole, not a slip in the parts of one: over 150 % (`lo` is twice the sum, at `d` decimals) is never reported.
 */
const beyondOneWhole = (lo: bigint, d: number): boolean => lo > 300n * TEN(d);

/** A whole that is each item's own ("同类产品", "同类项目"): shares of it are not shares of one whole. */
export const RELATIVE_WHOLE = /同类/;

/** Shares of one named whole said by items that are not in a list ("（一）…占支出总预算82.27%"…): over 100% is wrong. */
function namedWholes(ctx: CheckContext): void {
  const groups = new Map<string, { claim: Claim; fig: Figure }[]>();
  for (const c of ctx.doc.claims) {
    if (c.parent !== null || c.shares.length !== 1) continue;
    // "从征收部门来看…从收入分类来看…": each way of splitting the whole adds up on its own. Shares of no named whole are
    // those of the siblings of one sentence ("…决算中，因公出国（境）费…占0%；公务接待费…占29.76%；…").
    const text = ctx.doc.paragraphs[c.paragraph - 1]?.text.slice(0, c.start) ?? "";
    const split = (text.match(new RegExp(NEW_SPLIT.source, "g")) ?? []).length;
    // "占同类产品采购规模的": each item's own kind is its whole, not one whole of them all.
    if (RELATIVE_WHOLE.test(c.shares[0].whole ?? "")) continue;
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
    if (beyondOneWhole(lo, d)) continue;
    ctx.report("text-sum", "error", g[0].claim, {
      check: "shares-total",
      stated: figs.map((f) => f.text).join("+"),
      expected: "100%",
      computed: `${decText({ n: (lo + hi) / 4n, d })}%`,
      confidence: comp ? "high" : "medium",
    });
  }
}

/**
 * The numbered paragraphs of one section that each give one item's share of the same named whole: over 100 % is wrong.
 * When the items' amounts, added up, give every share but one, that one is the wrong figure (梧州 2024: 2476260.58 元 is
 * 84.06% of 2476260.58 + 469500 元, so 469500 元 is 15.94% of it, not 19.62%); otherwise the sum is reported.
 */
function numberedSiblings(ctx: CheckContext): void {
  const groups = new Map<string, { claim: Claim; fig: Figure }[]>();
  for (const c of ctx.doc.claims) {
    if (c.parent !== null || c.doubt || c.shares.length !== 1 || !c.shares[0].whole) continue;
    const p = ctx.doc.paragraphs[c.paragraph - 1];
    const marker = p ? MARKER.exec(p.text)?.[0] : undefined;
    // The paragraph's numbered item itself, not a claim later in it.
    if (!p || !marker || p.claims.find((x) => x.parent === null) !== c || p.text.slice(marker.length, c.start).trim() !== "") continue;
    const key = `${ctx.doc.section[c.paragraph - 1] ?? 0}|${markerStyle(marker)}|${c.shares[0].whole.replace(/[“”"\s]|的$/g, "")}`;
    groups.set(key, [...(groups.get(key) ?? []), { claim: c, fig: c.shares[0].fig }]);
  }
  for (const g of groups.values()) {
    const paragraphs = g.map((x) => x.claim.paragraph);
    // One paragraph each, about the same year.
    const years = new Set(paragraphs.map((i) => ctx.doc.paragraphs[i - 1]?.currentYear ?? null));
    if (g.length < 2 || new Set(paragraphs).size !== g.length || years.size !== 1) continue;
    // "按经济分类…" between them: another way of splitting the whole, whose shares add up on their own.
    const between = ctx.doc.paragraphs.slice(Math.min(...paragraphs), Math.max(...paragraphs) - 1);
    if (between.some((p) => NEW_SPLIT.test(p.text)) || g.some((x) => ctx.flagged.has(x.fig))) continue;
    const figs = g.map((x) => x.fig);
    const d = Math.max(...figs.map((f) => f.value.d));
    const lo = figs.reduce((acc, f) => acc + 2n * f.value.n * TEN(d - f.value.d) - TEN(d - f.value.d), 0n);
    ctx.checked();
    if (lo <= 200n * TEN(d) || beyondOneWhole(lo, d)) continue;
    const computed = `${decText({ n: figs.reduce((acc, f) => acc + f.value.n * TEN(d - f.value.d), 0n), d })}%`;
    const wrong = oddShare(ctx, g);
    if (wrong) {
      ctx.report("text-rate", "error", wrong.claim, { check: "shares-siblings", computed, ...wrong.data, confidence: "medium" });
      ctx.flagged.add(wrong.claim.shares[0].fig);
    } else {
      ctx.report("text-sum", "error", g[0].claim, {
        check: "shares-total",
        stated: figs.map((f) => f.text).join("+"),
        expected: "100%",
        computed,
        confidence: "medium",
      });
    }
  }
}

/** The one share that the items' amounts, added up as the whole, do not give, when all the others agree with it. */
function oddShare(ctx: CheckContext, g: { claim: Claim; fig: Figure }[]) {
  const amounts = g.map((x) => currentOf(x.claim, "prev"));
  const units = amounts.map((a) => (a ? ctx.unit(a.fig) : null));
  if (amounts.some((a, i) => !a || !units[i] || ctx.flagged.has(a.fig))) return null;
  const parts = amounts.map((a, i) => around(a!.fig, units[i]!));
  const whole = parts.reduce(plus, exact(0n));
  const verdicts = g.map((x, i) => ratePercent(x.fig.value, parts[i], whole));
  const odd = verdicts.flatMap((v, i) => (v === "differs" ? [i] : []));
  if (odd.length !== 1 || verdicts.some((v, i) => i !== odd[0] && v !== "agrees")) return null;
  const i = odd[0];
  const unit = units[i]!;
  const decimals = Math.max(...amounts.map((a) => a!.fig.value.d));
  return {
    claim: g[i].claim,
    data: {
      stated: g[i].fig.text,
      expected: percentText(mid(parts[i]), mid(whole), Math.max(2, g[i].fig.value.d)),
      numerator: amounts[i]!.fig.text,
      denominator: amountIn(mid(whole), unit, decimals),
      whole: g.map((x) => x.claim.subject).join("、"),
      others: g
        .filter((_, j) => j !== i)
        .map((x) => x.fig.text)
        .join("、"),
    },
  };
}

export const sharesTotal: Check = {
  id: "shares-total",
  run(ctx) {
    namedWholes(ctx);
    numberedSiblings(ctx);
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
        const over = lo > hundred && !beyondOneWhole(lo, d);
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
