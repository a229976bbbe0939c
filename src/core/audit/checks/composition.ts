/**
 * Known compositions of 决算 items across a section (text-sum): “三公”经费 = 因公出国（境）费 + 公务用车购置及运行维护费
 * + 公务接待费; 公务用车购置及运行维护费 = 购置费 + 运行维护费; 基本支出 = 人员经费 + 公用经费. The total and its items
 * may be in separate sentences or paragraphs ("“三公”经费支出决算为11.11万元。" … "因公出国（境）费…；公务接待费…").
 * Checked for each kind (预算/决算/上年) when the section states every item once (one value per item and kind), and
 * not again where a list already checked the same total.
 */
import { amountIn, micro, yuanText } from "../numbers";
import { around, exact, mid, plus, sumsMeet } from "../relations";
import type { Interval } from "../relations";
import type { Amount, Claim, Slot } from "../claims";
import { COMPOSITIONS } from "../vocabulary";
import type { ItemKey } from "../vocabulary";
import type { Check, CheckContext } from "./context";
import { sectionOf } from "./lookup";

const slotKey = (s: Slot) => `${s.period}|${s.kind ?? ""}`;

/** The calendar year an amount is of, when its paragraph names one ("本年" of a 2023 paragraph is 2023, "上年" 2022). */
function yearOf(c: Claim, slot: Slot): number | null {
  if (typeof slot.period === "number") return slot.period;
  if (c.year === null) return null;
  return slot.period === "prev" ? c.year - 1 : c.year;
}

/**
 * The one amount a section states for an item in a slot (a plain amount counts as this year's 决算 or 预算 alike), of the
 * same year as the total's; a part of no stated kind answers a total of a stated kind only in the total's own paragraph
 * ("2023年…其中…" then "2023年预算合计…" are not one breakdown).
 */
function amountFor(
  ctx: CheckContext,
  claims: Claim[],
  key: ItemKey,
  slot: Slot & { strict?: boolean },
  whole: Claim,
): { claim: Claim; amount: Amount } | null | "none" {
  const found: { claim: Claim; amount: Amount }[] = [];
  const year = yearOf(whole, slot);
  for (const c of claims.filter((x) => x.key === key && !x.doubt && !x.perUnit)) {
    for (const a of c.amounts) {
      // The same calendar year when both paragraphs name theirs, else the same period as read.
      const partYear = yearOf(c, a.slot);
      if (year !== null && partYear !== null ? partYear !== year : a.slot.period !== slot.period) continue;
      // A part of no stated kind answers a total of any kind; a part that states its kind, only a total of that kind.
      const kindless = !slot.strict && a.slot.kind === null && (slot.kind === null || c.paragraph === whole.paragraph);
      if (a.slot.kind === slot.kind || kindless) found.push({ claim: c, amount: a });
    }
  }
  if (found.length === 0) return "none";
  const values = new Set(found.map((f) => (ctx.unit(f.amount.fig) ? mid(around(f.amount.fig, ctx.unit(f.amount.fig)!)) : -1n)));
  return values.size === 1 && !values.has(-1n) ? found[0] : null;
}

export const composition: Check = {
  id: "composition",
  run(ctx) {
    const sections = new Map<number, Claim[]>();
    for (const c of ctx.doc.claims) sections.set(sectionOf(ctx.doc, c), [...(sections.get(sectionOf(ctx.doc, c)) ?? []), c]);
    for (const claims of sections.values()) {
      for (const comp of COMPOSITIONS) {
        for (const w of claims.filter((c) => c.key === comp.whole && !c.doubt)) {
          for (const total of w.amounts) {
            if (ctx.covered.has(`${w.id}|${total.slot.kind}`) || ctx.flagged.has(total.fig)) continue;
            const unit = ctx.unit(total.fig);
            if (!unit) continue;
            // With both a 预算 and a 决算 of the period, a part of no stated kind could be either: only labelled parts count.
            const twoKinds = w.amounts.some((a) => a !== total && a.slot.period === total.slot.period && a.slot.kind !== total.slot.kind);
            const slot = twoKinds ? { ...total.slot, strict: true } : total.slot;
            // A part not stated itself but through its own parts (车 = 购置 + 运行) counts as their sum.
            const found: { claim: Claim; amount: Amount }[] = [];
            let complete = true;
            for (const k of comp.parts) {
              const direct = amountFor(ctx, claims, k, slot, w);
              if (direct !== "none") {
                if (direct === null) complete = false;
                else found.push(direct);
                continue;
              }
              const sub = COMPOSITIONS.find((x) => x.whole === k);
              const subParts = sub ? sub.parts.map((kk) => amountFor(ctx, claims, kk, slot, w)) : [];
              if (!sub || subParts.some((x) => x === null || x === "none")) complete = false;
              else found.push(...(subParts as { claim: Claim; amount: Amount }[]));
            }
            if (!complete) continue;
            if (found.some((p) => ctx.flagged.has(p.amount.fig) || p.claim === w)) continue;
            ctx.covered.add(`${w.id}|${total.slot.kind}`);
            let sum: Interval = exact(0n);
            for (const p of found) sum = plus(sum, around(p.amount.fig, ctx.unit(p.amount.fig)!));
            ctx.checked();
            if (sumsMeet(sum, around(total.fig, unit))) continue;
            const decimals = Math.max(total.fig.value.d, ...found.map((p) => p.amount.fig.value.d));
            ctx.report("text-sum", "error", w, {
              check: "composition",
              stated: total.fig.text,
              expected: amountIn(mid(sum), unit, decimals),
              statedYuan: yuanText(micro(total.fig, unit)),
              expectedYuan: yuanText(mid(sum)),
              parts: found.map((p) => `${p.claim.subject}${p.amount.fig.text}`).join("+"),
              slot: slotKey(total.slot),
              confidence: "high",
            });
            ctx.flagged.add(total.fig);
          }
        }
      }
    }
  },
};
