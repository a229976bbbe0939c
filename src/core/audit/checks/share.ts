/**
 * A share against part ÷ whole (text-rate): "本年支出合计519.07万元，其中基本支出401.91万元，占77.43%", "公务接待费支出
 * 2.05万元，占“三公”经费的100%", "分别为2666.3亿元和30400.7亿元，占全国政府采购规模的8.1%和91.9%" (the whole named in
 * an earlier sentence). When the whole is named but not stated, the shares of one whole must still agree on it: each
 * share implies the whole (part ÷ share), and two parts that imply different wholes cannot both be right.
 */
import { amountIn, percentText, TEN } from "../numbers";
import { around, exact, mid, plus, ratePercent } from "../relations";
import type { Interval } from "../relations";
import type { Claim } from "../claims";
import type { Figure } from "../numbers";
import { COMPOSITIONS, NEW_SPLIT } from "../vocabulary";
import { currentOf } from "./context";
import type { Check, CheckContext } from "./context";
import { matchingAmount, wholeOf } from "./lookup";
import { RELATIVE_WHOLE } from "./shares-total";

export const share: Check = {
  id: "share",
  run(ctx) {
    const unresolved = new Map<string, { c: Claim; fig: Figure; part: Figure }[]>();
    for (const c of ctx.doc.claims) {
      if (c.doubt || c.perUnit) continue;
      for (const s of c.shares) {
        if (ctx.flagged.has(s.fig)) continue;
        const part = currentOf(c, "prev");
        if (!part || !ctx.unit(part.fig) || ctx.flagged.has(part.fig)) {
          ctx.skip("share without its part");
          continue;
        }
        const whole = wholeOf(ctx.doc, c, s.whole);
        const wholeAmount = whole ? matchingAmount(whole, part) : null;
        if (!whole || !wholeAmount || !ctx.unit(wholeAmount.fig)) {
          if (!s.whole && !c.parent) {
            // "…决算中，因公出国（境）费…占0%；公务接待费…占29.76%；…": siblings of one sentence share one whole.
            const key = `${c.paragraph}|sentence ${c.sentence.start}`;
            unresolved.set(key, [...(unresolved.get(key) ?? []), { c, fig: s.fig, part: part.fig }]);
          } else if (s.whole && !RELATIVE_WHOLE.test(s.whole)) {
            const before = ctx.doc.paragraphs[c.paragraph - 1]?.text.slice(0, c.start) ?? "";
            const key = `${c.paragraph}|${(before.match(new RegExp(NEW_SPLIT.source, "g")) ?? []).length}|${s.whole}`;
            unresolved.set(key, [...(unresolved.get(key) ?? []), { c, fig: s.fig, part: part.fig }]);
          }
          ctx.skip("share without its whole");
          continue;
        }
        if (ctx.flagged.has(wholeAmount.fig) || wholeAmount.fig.value.n === 0n) continue;
        const p = around(part.fig, ctx.unit(part.fig)!);
        const w = around(wholeAmount.fig, ctx.unit(wholeAmount.fig)!);
        // A part larger than the whole found for it (34,482.64万元 "占" 5.02万元): that is not its whole, whatever the
        // sentence's order suggested — a share is never checked against it.
        if (p.lo > w.hi && s.fig.value.n <= 100n * 10n ** BigInt(s.fig.value.d)) {
          ctx.skip("a part larger than the whole read for it");
          continue;
        }
        ctx.checked();
        const agreement = ratePercent(s.fig.value, p, w);
        if (agreement === "agrees") continue;
        ctx.report("text-rate", agreement === "last-digit" ? "warning" : "error", c, {
          check: "share",
          stated: s.fig.text,
          expected: percentText(mid(p), mid(w), Math.max(2, s.fig.value.d)),
          numerator: part.fig.text,
          denominator: wholeAmount.fig.text,
          whole: whole.subject,
          confidence: agreement === "last-digit" ? "medium" : "high",
        });
        ctx.flagged.add(s.fig);
      }
    }
    for (const group of unresolved.values()) impliedWholes(ctx, group);
  },
};

type Sibling = { c: Claim; fig: Figure; part: Figure };

/**
 * Siblings that are the whole themselves: the three items of “三公”经费 all named, or shares that add up to 100 % (within
 * their rounding). Their amounts added up are then the whole, and each share is checked against it — "公务接待费0.53万元，
 * 占69%；公务用车…1.18万元，占31%" (寿县 2023: the two shares swapped) gives both wrong shares with what they should be.
 * True when the group was settled here (every share checked), false when its whole is not known this way.
 */
function siblingsAsWhole(ctx: CheckContext, group: Sibling[]): boolean {
  if (group.length < 2) return false;
  const comp = COMPOSITIONS.find(
    (x) => x.whole === "sangong" && x.parts.length === group.length && x.parts.every((k) => group.some((g) => g.c.key === k)),
  );
  const d = Math.max(...group.map((g) => g.fig.value.d));
  // Twice the sum of the shares at d decimals, ± each one's half unit.
  const twice = group.reduce((acc, g) => acc + 2n * g.fig.value.n * TEN(d - g.fig.value.d), 0n);
  const slack = group.reduce((acc, g) => acc + TEN(d - g.fig.value.d), 0n);
  const hundred = twice - slack <= 200n * TEN(d) && twice + slack >= 200n * TEN(d);
  if (!comp && !hundred) return false;
  const parts = group.map((g) => around(g.part, ctx.unit(g.part)!));
  const whole = parts.reduce(plus, exact(0n));
  if (whole.lo <= 0n) return false;
  ctx.checked();
  const unit = ctx.unit(group[0].part)!;
  const decimals = Math.max(...group.map((g) => g.part.value.d));
  group.forEach((g, i) => {
    if (ratePercent(g.fig.value, parts[i], whole) !== "differs") return;
    ctx.report("text-rate", "error", g.c, {
      check: "share-of-siblings",
      subject: g.c.subject,
      stated: g.fig.text,
      expected: percentText(mid(parts[i]), mid(whole), Math.max(2, g.fig.value.d)),
      numerator: g.part.text,
      denominator: amountIn(mid(whole), unit, decimals),
      whole: comp ? "sangong" : "listed",
      confidence: "high",
    });
    ctx.flagged.add(g.fig);
  });
  return true;
}

/** Each share implies the whole: part ÷ share. Two that cannot meet mean one share (or part) is wrong. */
function impliedWholes(ctx: CheckContext, group: Sibling[]): void {
  if (siblingsAsWhole(ctx, group)) return;
  const usable = group.filter((g) => g.fig.value.n > 0n && g.part.value.n > 0n);
  if (usable.length < 2) return;
  const implied = usable.map((g) => {
    const p = around(g.part, ctx.unit(g.part)!);
    // The share in units of a tenth of its last decimal, ± half a unit of that decimal.
    const scale = 10n ** BigInt(g.fig.value.d + 1);
    const rLo = g.fig.value.n * 10n - 5n;
    const rHi = g.fig.value.n * 10n + 5n;
    // whole = part / (r / 100): [p.lo·100·scale/rHi, p.hi·100·scale/rLo]
    const iv: Interval = { lo: (p.lo * 100n * scale) / rHi, hi: (p.hi * 100n * scale) / rLo + 1n };
    return { ...g, iv };
  });
  ctx.checked();
  // The shares agree when their implied wholes have a common point. If they do not, and leaving out exactly one share
  // makes the rest agree, that one is wrong; with two shares, the pair is reported once (on the later one).
  const common = (xs: typeof implied) => {
    let lo = xs[0].iv.lo;
    let hi = xs[0].iv.hi;
    for (const x of xs) {
      if (x.iv.lo > lo) lo = x.iv.lo;
      if (x.iv.hi < hi) hi = x.iv.hi;
    }
    return lo <= hi;
  };
  if (common(implied)) return;
  const odd = implied.length > 2 ? implied.filter((x) => common(implied.filter((y) => y !== x))) : [implied[implied.length - 1]];
  if (odd.length !== 1) return;
  const o = odd[0];
  const others = implied.filter((x) => x !== o);
  const unit = ctx.unit(o.part)!;
  ctx.report("text-rate", "error", o.c, {
    check: "share-implied-whole",
    stated: o.fig.text,
    expected: others.map((x) => `${x.part.text}占${x.fig.text}`).join("、"),
    implied: amountIn(mid(o.iv), unit, 1),
    confidence: "medium",
  });
  ctx.flagged.add(o.fig);
}
