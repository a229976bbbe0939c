/**
 * Direction words against the figures (text-direction): "增加" where the figures fell, "持平" where they differ,
 * "增加…下降…%" in one comparison, "比年初预算增加" with a completion under 100 %, "决算数大于预算数" where the 决算 is
 * smaller. Only when the figures say so beyond their rounding; a zero change ("增加0万元") claims no direction.
 */
import { around, meets } from "../relations";
import type { Interval } from "../relations";
import { abs, TEN } from "../numbers";
import type { Figure } from "../numbers";
import type { Change, Claim, Rate } from "../claims";
import { baseOf, changeBefore, currentOf, sameCmp } from "./context";
import type { Check, CheckContext } from "./context";

const WORD: Record<string, string> = { "1": "增加", "-1": "减少", "0": "持平" };
const against = (c: Change) => (c.cmp.against === "budget" ? "预算" : c.cmp.year ? `${c.cmp.year}年` : "上年");

/** -1, 0 or 1 when the figures say so beyond rounding; null when they cannot tell. */
function sign(cur: Interval, base: Interval): -1 | 0 | 1 | null {
  if (cur.lo > base.hi) return 1;
  if (cur.hi < base.lo) return -1;
  // The same figure written twice ("预算为6.35万元，支出决算为6.35万元"): equal.
  return cur.lo === base.lo && cur.hi === base.hi ? 0 : null;
}

/** A completion rate clearly above or below 100 %. */
function completionSign(f: Figure): -1 | 1 | null {
  const hundred = 100n * TEN(f.value.d);
  const half = f.value.d === 0 ? 1n : 5n * TEN(f.value.d - 1);
  if (abs(f.value.n) + half < hundred) return -1;
  if (abs(f.value.n) - half > hundred) return 1;
  return null;
}

function interval(ctx: CheckContext, f: Figure, like: Figure | null): Interval | null {
  const unit = ctx.unit(f) ?? (like ? ctx.unit(like) : null);
  return unit ? around(f, unit) : null;
}

export const direction: Check = {
  id: "direction",
  run(ctx) {
    for (const c of ctx.doc.claims) {
      if (c.doubt) continue;
      for (const ch of c.changes) checkChange(ctx, c, ch);
      for (const r of c.rates) checkRateAlone(ctx, c, r);
      checkCompares(ctx, c);
    }
  },
};

function checkChange(ctx: CheckContext, c: Claim, ch: Change): void {
  const cur = currentOf(c, ch.cmp.against);
  const base = baseOf(c, ch.cmp);
  const stated = ch.fig ? `${WORD[String(ch.dir)]}${ch.fig.text}` : WORD[String(ch.dir)];
  if (ch.fig && ch.fig.value.n === 0n && ch.dir !== 0) return;
  // Against the figures.
  if (cur && base) {
    const a = interval(ctx, cur.fig, ch.fig);
    const b = interval(ctx, base, ch.fig ?? cur.fig);
    if (a && b) {
      ctx.checked();
      const s = sign(a, b);
      if (s !== null && s !== ch.dir && !(ch.dir === 0 && meets(a, b))) {
        ctx.report("text-direction", "error", c, {
          check: "direction",
          stated,
          expected: WORD[String(s)],
          current: cur.fig.text,
          base: base.text,
          against: against(ch),
          confidence: "high",
        });
        if (ch.fig) ctx.flagged.add(ch.fig);
        return;
      }
    }
  }
  // Against a rate in the same comparison ("增加36235.88元，下降7.52%", "与2019年预算持平，下降10.67%").
  const rate = c.rates.find((r) => changeBefore(c, r) === ch && !r.signed && r.fig.value.n !== 0n && !ctx.flagged.has(r.fig));
  if (rate && rate.dir !== ch.dir && !(ch.fig && ch.fig.value.n === 0n)) {
    ctx.checked();
    // The word as written: a figure's own minus ("下降-81.75%") turned its direction, not its word.
    const word = rate.word ?? ((rate.signed || rate.fig.value.n >= 0n ? rate.dir : -rate.dir) > 0 ? "增长" : "下降");
    ctx.report("text-direction", "error", c, {
      check: "direction-rate",
      stated: `${stated}……${word}${rate.fig.text}`,
      expected: "增减方向一致",
      against: against(ch),
      confidence: "high",
    });
    if (ch.fig) ctx.flagged.add(ch.fig);
    ctx.flagged.add(rate.fig);
    return;
  }
  // Against the completion rate: "完成年初预算71.21%，比年初预算增加…".
  if (ch.cmp.against === "budget") {
    const completion = c.completions.find((x) => !x.base);
    const s = completion ? completionSign(completion.fig) : null;
    if (completion && s !== null && s !== ch.dir) {
      ctx.checked();
      ctx.report("text-direction", "error", c, {
        check: "direction-completion",
        stated,
        expected: s > 0 ? "增加（超过预算）" : "减少（低于预算）",
        completion: completion.fig.text,
        against: "预算",
        confidence: "high",
      });
      if (ch.fig) ctx.flagged.add(ch.fig);
    }
  }
}

/** "比上年的2394.60亿元增长10.04%": a rate's direction against its stated base. */
function checkRateAlone(ctx: CheckContext, c: Claim, r: Rate): void {
  if (r.signed || r.fig.value.n === 0n || c.changes.some((ch) => sameCmp(ch.cmp, r.cmp))) return;
  const cur = currentOf(c, r.cmp.against);
  const base = baseOf(c, r.cmp);
  if (!cur || !base) return;
  const a = interval(ctx, cur.fig, null);
  const b = interval(ctx, base, cur.fig);
  if (!a || !b) return;
  const s = sign(a, b);
  if (s !== null && s !== 0 && s !== r.dir) {
    ctx.checked();
    ctx.report("text-direction", "error", c, {
      check: "direction",
      stated: `${r.dir > 0 ? "增长" : "下降"}${r.fig.text}`,
      expected: s > 0 ? "增长" : "下降",
      current: cur.fig.text,
      base: base.text,
      against: r.cmp.against === "budget" ? "预算" : "上年",
      confidence: "high",
    });
    ctx.flagged.add(r.fig);
  }
}

/** "决算数大于/小于/未超过/与…持平 预算数" against the completion rate or the two amounts. */
function checkCompares(ctx: CheckContext, c: Claim): void {
  for (const w of c.compares) {
    let s: -1 | 0 | 1 | null = null;
    let basis = "";
    if (w.against === "budget") {
      const cur = currentOf(c, "budget");
      const base = baseOf(c, { against: "budget", year: null, hint: "budget", base: null, phrase: "" });
      const a = cur ? interval(ctx, cur.fig, null) : null;
      const b = base && cur ? interval(ctx, base, cur.fig) : null;
      if (cur && base && a && b) {
        s = sign(a, b);
        basis = `决算${cur.fig.text}，预算${base.text}`;
      } else {
        const completion = c.completions.find((x) => !x.base) ?? c.completions[0];
        if (completion) {
          s = completionSign(completion.fig);
          basis = `完成预算的${completion.fig.text}`;
          if (s === null && w.dir === 0) continue;
        }
      }
    }
    if (s === null) {
      ctx.skip("compare-words");
      continue;
    }
    ctx.checked();
    if (s !== w.dir) {
      ctx.report("text-direction", "error", c, {
        check: "compare-words",
        stated: w.text,
        expected: s > 0 ? "决算数大于预算数" : s < 0 ? "决算数小于预算数" : "决算数与预算数持平",
        basis,
        against: "预算",
        confidence: "high",
      });
    }
  }
}
