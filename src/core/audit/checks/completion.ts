/**
 * A completion rate against the 决算 and the budget (text-rate), and a completion rate on a zero budget (text-base-zero):
 * "预算为6.35万元，支出决算为6.35万元，完成预算的100%", "占年初预算数109466万元的56.3%", and with the budget implied by
 * a stated difference: "完成年初预算71.21%，比年初预算减少3887.49万元" ⇒ budget = 决算 + 3887.49;
 * "决算数大于预算数55.93万元" ⇒ budget = 决算 − 55.93.
 */
import { percentText } from "../numbers";
import { around, magnitude, mid, minus, plus, ratePercent } from "../relations";
import type { Interval } from "../relations";
import { budgetStageOf } from "../claims";
import type { Claim } from "../claims";
import type { Figure } from "../numbers";
import { baseOf, currentOf } from "./context";
import type { Check, CheckContext } from "./context";
import type { MoneyUnit } from "../vocabulary";

const BUDGET = { against: "budget" as const, year: null, hint: "budget" as const, base: null, phrase: "" };

/**
 * "项目资金共2179万元，…已完成拨付2113.63万元，执行率97%": an 执行率/支付率 without a 预算 amount is of the item's
 * other amount, when it has exactly one.
 */
function fundsOf(c: Claim, actual: Figure, rate: Figure): Figure | null {
  const line = c.completions.find((x) => x.fig === rate);
  if (!line || !/执行率|支付率|完成率|使用率/.test(c.raw + (line.word ?? ""))) return null;
  const others = c.amounts.filter((a) => a.slot.period === "cur" && a.fig !== actual && a.slot.kind !== "actual");
  return others.length === 1 ? others[0].fig : null;
}

/** "年初预算为…，全年预算为…，…完成年初预算的X%": the budget the rate names, when the claim states it once. */
function ofStage(c: Claim, word: string | undefined): Figure | null {
  const stage = word ? budgetStageOf(word) : undefined;
  if (!stage) return null;
  const named = c.amounts.filter((a) => a.slot.period === "cur" && a.slot.kind === "budget" && a.stage === stage);
  return named.length > 0 && named.every((a) => a.fig.text === named[0].fig.text) ? named[0].fig : null;
}

export const completion: Check = {
  id: "completion",
  run(ctx) {
    for (const c of ctx.doc.claims) {
      if (c.doubt) continue;
      for (const x of c.completions) {
        if (ctx.flagged.has(x.fig)) continue;
        const split = unspentSplit(ctx, c, x.word);
        if (split) {
          paidOverAll(ctx, c, x.fig, split);
          continue;
        }
        // "预算资金300万元，实际到位资金280万元，资金到位率93.33%": the funds received over the budget.
        const cur = /到位率/.test(x.word ?? "")
          ? receivedBefore(ctx, c, x.fig)
          : (currentOf(c, "budget") ?? (x.base ? currentOf(c, "prev") : null));
        if (!cur || ctx.flagged.has(cur.fig)) {
          ctx.skip("completion without 决算");
          continue;
        }
        const unit = ctx.unit(cur.fig);
        if (!unit) continue;
        const stated = x.base ?? ofStage(c, x.word) ?? baseOf(c, BUDGET) ?? fundsOf(c, cur.fig, x.fig);
        let den: Interval | null = null;
        let zero = false;
        if (stated) {
          den = around(stated, ctx.unit(stated) ?? unit);
          zero = stated.value.n === 0n;
        } else {
          const diff = c.changes.find((ch) => ch.cmp.against === "budget" && ch.fig && ch.dir !== 0 && !ctx.flagged.has(ch.fig));
          if (diff?.fig) {
            const x0 = around(cur.fig, unit);
            const d = magnitude(around(diff.fig, ctx.unit(diff.fig) ?? unit));
            den = diff.dir > 0 ? minus(x0, d) : plus(x0, d);
            zero = diff.dir > 0 && cur.fig.value.n === diff.fig.value.n && cur.fig.unit === diff.fig.unit;
          }
        }
        if (!den) {
          ctx.skip("completion without budget");
          continue;
        }
        ctx.checked();
        if (zero) {
          // "完成全年预算0万元的0%": nothing budgeted and nothing spent, the template's words for an empty line — said, not an error.
          ctx.report("text-base-zero", x.fig.value.n === 0n ? "warning" : "error", c, {
            check: "completion-zero",
            stated: x.fig.text,
            expected: "预算为0，不计算完成率",
            confidence: "high",
          });
          ctx.flagged.add(x.fig);
          continue;
        }
        if (den.lo <= 0n) continue;
        const agreement = ratePercent(x.fig.value, magnitude(around(cur.fig, unit)), den);
        if (agreement === "agrees") continue;
        // "预算300万元，实际到位280万元，…实际支出266万元，预算执行率95%": the rate of the funds that arrived (266 ÷ 280), as
        // 绩效 reports often reckon it — not wrong for the budget it does not fit.
        if (fitsFundsReceived(ctx, c, x.fig, cur.fig, unit)) {
          ctx.skip("a rate of the funds received");
          continue;
        }
        ctx.report("text-rate", agreement === "last-digit" ? "warning" : "error", c, {
          check: "completion",
          stated: x.fig.text,
          expected: percentText(mid(around(cur.fig, unit)), mid(den), Math.max(2, x.fig.value.d)),
          numerator: cur.fig.text,
          denominator: stated ? stated.text : "",
          basis: stated ? "stated" : "implied",
          ...(/到位率/.test(x.word ?? "") ? { rateName: "到位率" } : {}),
          confidence: agreement === "last-digit" ? "medium" : "high",
        });
        ctx.flagged.add(x.fig);
      }
    }
  },
};

/**
 * "未支703万元", "尚未拨付资金": what was left unpaid of the funds, said as an item of its own after what was paid. Not 结余:
 * a 年末结余 holds last year's carry-over and this year's other income too, so 支出 + 结余 is not the budget.
 */
const UNSPENT = /^.{0,4}未(支付?|拨付|使用|执行)(资金|金额|部分)?$/;
/** The paid amount's own words, when its amount is not read as an 决算 by its slot. */
const PAID = /(支付|支出|拨付|使用)(资金|金额)?$/;

/**
 * "资金支付18501.096万元，未支703万元，支付率95%": a payment rate said after the amount paid and the amount left, and no
 * budget, is paid ÷ (paid + left). The paid amount is the claim just before, in the same sentence.
 */
function unspentSplit(ctx: CheckContext, c: Claim, word: string | undefined): { paid: Figure; left: Figure } | null {
  if (!UNSPENT.test(c.subject) || !/(支付|执行|使用|拨付)(率|进度)/.test(word ?? "")) return null;
  const left = currentOf(c, "budget");
  const before = ctx.doc.claims.filter((p) => p.paragraph === c.paragraph && p.start < c.start && p.sentence === c.sentence);
  const paidClaim = before[before.length - 1];
  const paid = paidClaim && !paidClaim.doubt ? currentOf(paidClaim, "budget") : null;
  if (!left || !paid || ctx.flagged.has(left.fig) || ctx.flagged.has(paid.fig)) return null;
  if (paid.slot.kind !== "actual" && !(paid.slot.kind === null && PAID.test(paidClaim.subject))) return null;
  return ctx.unit(left.fig) && ctx.unit(paid.fig) ? { paid: paid.fig, left: left.fig } : null;
}

function paidOverAll(ctx: CheckContext, c: Claim, rate: Figure, split: { paid: Figure; left: Figure }): void {
  const paid = around(split.paid, ctx.unit(split.paid)!);
  const all = plus(paid, around(split.left, ctx.unit(split.left)!));
  if (all.lo <= 0n) return;
  ctx.checked();
  const agreement = ratePercent(rate.value, paid, all);
  if (agreement === "agrees") return;
  ctx.report("text-rate", agreement === "last-digit" ? "warning" : "error", c, {
    check: "completion-paid",
    stated: rate.text,
    expected: percentText(mid(paid), mid(all), Math.max(2, rate.value.d)),
    numerator: split.paid.text,
    denominator: split.left.text,
    confidence: agreement === "last-digit" ? "medium" : "high",
  });
  ctx.flagged.add(rate);
}

/** Funds said to have arrived or been released (到位, 下达, 拨付) in the claim's paragraph, before the rate. */
const RECEIVED = /(到位|下达|拨付|到账)(资金|金额)?(为|了|共|共计)?$/;

/** The claim's amount said as funds received (到位资金…) before the rate, as an amount of the claim, or null. */
function receivedBefore(ctx: CheckContext, c: Claim, rate: Figure): { fig: Figure } | null {
  const paragraph = ctx.doc.paragraphs[c.paragraph - 1];
  if (!paragraph) return null;
  const found = c.amounts.filter((a) => {
    const before = paragraph.text.slice(Math.max(0, a.fig.start - 12), a.fig.start);
    return a.fig.start < rate.start && RECEIVED.test(before);
  });
  return found.length === 1 ? found[0] : null;
}

function fitsFundsReceived(ctx: CheckContext, c: Claim, rate: Figure, cur: Figure, unit: MoneyUnit): boolean {
  const paragraph = ctx.doc.paragraphs[c.paragraph - 1];
  if (!paragraph) return false;
  return paragraph.figures.some((f) => {
    if (f === cur || f.kind !== "money" || f.start >= rate.start || f.value.n === 0n) return false;
    const before = paragraph.text.slice(Math.max(0, f.start - 12), f.start);
    const u = ctx.unit(f) ?? unit;
    return RECEIVED.test(before) && ratePercent(rate.value, magnitude(around(cur, unit)), around(f, u)) === "agrees";
  });
}
