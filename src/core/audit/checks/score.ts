/**
 * "2.政协工作（2分）……该项分值3分": an item's 分值 stated twice, differently (text-score). One numbered item with its
 * 分值 in brackets and one "该项分值X分" in the same paragraph; anything else is not read.
 */
import { decOf } from "../numbers";
import type { Check } from "./context";

export const score: Check = {
  id: "score",
  run(ctx) {
    for (const p of ctx.doc.paragraphs) {
      const items = [...p.text.matchAll(/(?:^|[。\s])[（]?\d+[）．、]\s*([^（。，]{2,20})[（](\d+(?:\.\d+)?)分[）]/g)];
      const stated = [...p.text.matchAll(/该项分值(?:为)?(\d+(?:\.\d+)?)分/g)];
      if (items.length !== 1 || stated.length !== 1) continue;
      ctx.checked();
      const header = decOf(items[0][2]);
      const later = decOf(stated[0][1]);
      const same = header.n * 10n ** BigInt(later.d) === later.n * 10n ** BigInt(header.d);
      if (same) continue;
      const a = items[0].index!;
      const b = stated[0].index!;
      ctx.report(
        "text-score",
        "error",
        { paragraph: p.index, start: a, end: b + stated[0][0].length },
        {
          check: "score",
          quote: `${p.shown.slice(a, a + items[0][0].length + 6)}……${p.shown.slice(b, b + stated[0][0].length + 8)}`.trim(),
          name: items[0][1].trim(),
          stated: `${items[0][2]}分；${stated[0][1]}分`,
          expected: "同一指标的分值应一致",
          confidence: "high",
        },
      );
    }
  },
};
