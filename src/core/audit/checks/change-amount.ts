/**
 * A stated change against the two figures it is the difference of (text-diff): "本年数为3.07万元，上年数为8.65万元，
 * 较上年减少5.58万元", "较2020年的3178万元减少42万元", "年初数为29万元，决算数为22.37万元，较预算数减少6.63万元".
 * Tolerance: the half units of the three written figures.
 */
import { amountIn, yuanText } from "../numbers";
import { around, meets, minus, magnitude, mid } from "../relations";
import { baseOf, currentOf } from "./context";
import type { Check } from "./context";

export const changeAmount: Check = {
  id: "change-amount",
  run(ctx) {
    for (const c of ctx.doc.claims) {
      if (c.doubt) continue;
      for (const ch of c.changes) {
        if (!ch.fig || ctx.flagged.has(ch.fig)) continue;
        const cur = currentOf(c, ch.cmp.against);
        const base = baseOf(c, ch.cmp);
        if (!cur || !base) continue;
        const unit = ctx.unit(ch.fig);
        const curUnit = ctx.unit(cur.fig) ?? unit;
        const baseUnit = ctx.unit(base) ?? unit;
        if (!unit || !curUnit || !baseUnit || ctx.flagged.has(cur.fig) || ctx.flagged.has(base)) continue;
        ctx.checked();
        const diff = magnitude(minus(around(cur.fig, curUnit), around(base, baseUnit)));
        if (meets(magnitude(around(ch.fig, unit)), diff)) continue;
        const decimals = Math.max(ch.fig.value.d, cur.fig.value.d, base.value.d);
        ctx.report("text-diff", "error", c, {
          check: "change-amount",
          stated: ch.fig.text,
          expected: amountIn(mid(diff), unit, decimals),
          expectedYuan: yuanText(mid(diff)),
          current: cur.fig.text,
          base: base.kind === "money" && base.unit ? base.text : `${base.text}${unit}`,
          against: ch.cmp.against === "budget" ? "预算" : ch.cmp.year ? `${ch.cmp.year}年` : "上年",
          confidence: "high",
        });
        ctx.flagged.add(ch.fig);
      }
    }
  },
};
