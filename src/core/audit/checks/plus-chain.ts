/**
 * A total built by adding (text-sum): "一般公共预算收入完成147.1亿元…。加上转移性收入49.2亿元，收入合计196.3亿元",
 * "收入决算数129748万元，加上级补助收入428905万元，…，收入总计968113万元". Only when every added item has its amount;
 * "加上上级补助、调入资金…，收入总量为159.98亿元" names items without amounts and is not checked.
 */
import { amountIn, micro, yuanText } from "../numbers";
import { around, exact, mid, plus, sumsMeet } from "../relations";
import type { Interval } from "../relations";
import type { Check } from "./context";

export const plusChain: Check = {
  id: "plus-chain",
  run(ctx) {
    for (const p of ctx.doc.paragraphs) {
      for (const ch of p.chains) {
        const figs = [ch.base, ...ch.added];
        const unit = ch.total ? ctx.unit(ch.total) : null;
        if (ch.broken || !ch.total || !unit || ch.added.length === 0 || figs.some((f) => !ctx.unit(f) || ctx.flagged.has(f))) {
          if (ch.total) ctx.skip("a sum with items named without amounts");
          continue;
        }
        let sum: Interval = exact(0n);
        for (const f of figs) sum = plus(sum, around(f, ctx.unit(f)!));
        ctx.checked();
        if (sumsMeet(sum, around(ch.total, unit))) continue;
        const decimals = Math.max(...[...figs, ch.total].map((f) => f.value.d));
        ctx.report(
          "text-sum",
          "error",
          { paragraph: p.index, start: Math.max(0, p.text.lastIndexOf("。", ch.base.start) + 1), end: ch.total.end },
          {
            check: "plus-chain",
            stated: ch.total.text,
            expected: amountIn(mid(sum), unit, decimals),
            statedYuan: yuanText(micro(ch.total, unit)),
            expectedYuan: yuanText(mid(sum)),
            parts: figs.map((f) => f.text).join("+"),
            confidence: "high",
          },
        );
        ctx.flagged.add(ch.total);
      }
    }
  },
};
