/**
 * A rate of change against its figures (text-rate), and a rate stated on a zero base (text-base-zero).
 *   rate = change ÷ previous, with the previous as stated ("上年数为8.65万元", "较2020年的3178万元"), or implied by the
 *   amount and its change: "X，增加Y，增长Z%" ⇒ previous = X − Y ("X，减少Y" ⇒ X + Y). The change is the stated one
 *   (what the writer divided) or, without one, the difference of the two amounts.
 * A previous of 0 has no rate: "增长100%" (or "增长0%" on 0 → 0) is base-zero. Tolerance: the stated rate's half unit
 * of its last decimal against the interval the written figures allow; one unit more is a warning (a truncated rate).
 */
import { digitSlip } from "../../analyse/digit-slip";
import type { SlipKind } from "../../analyse/digit-slip";
import { amountIn, decText, percentText, yuanText } from "../numbers";
import type { Figure } from "../numbers";
import { around, magnitude, mid, minus, plus, ratePercent } from "../relations";
import type { Interval } from "../relations";
import { BARE_COMPARISON } from "../claims";
import type { Amount, Claim, Rate } from "../claims";
import { baseOf, changeBefore, currentOf, sameCmp } from "./context";
import type { Check, CheckContext } from "./context";
import { sectionOf } from "./lookup";
import type { MoneyUnit } from "../vocabulary";

const againstWord = (r: Rate) => (r.cmp.against === "budget" ? "预算" : r.cmp.year ? `${r.cmp.year}年` : "上年");

/** The signed sum of a list's parts' changes against the same base, when every part states one. */
function derivedChange(ctx: CheckContext, c: Claim, r: Rate): { dir: 1 | -1; size: Interval } | null {
  const list = (ctx.doc.listsOf.get(c) ?? []).find((l) => l.items.length >= 2);
  if (!list) return null;
  let sum: Interval = { lo: 0n, hi: 0n };
  for (const item of list.items) {
    const cs = item.changes.filter((x) => sameCmp(x.cmp, r.cmp) || (x.cmp.against === r.cmp.against && !x.cmp.assumed));
    if (cs.length !== 1 || (cs[0].fig === null && cs[0].dir !== 0) || (cs[0].fig && !ctx.unit(cs[0].fig))) return null;
    const f = cs[0].fig;
    if (!f || cs[0].dir === 0) continue;
    const m = magnitude(around(f, ctx.unit(f)!));
    sum = cs[0].dir > 0 ? plus(sum, m) : minus(sum, m);
  }
  if (sum.lo <= 0n && sum.hi >= 0n) return null;
  return sum.lo > 0n ? { dir: 1, size: sum } : { dir: -1, size: magnitude(sum) };
}

export const changeRate: Check = {
  id: "change-rate",
  run(ctx) {
    for (const c of ctx.doc.claims) {
      if (c.doubt) continue;
      for (const r of c.rates) {
        if (!ctx.flagged.has(r.fig)) checkRate(ctx, c, r);
        if (!ctx.flagged.has(r.fig)) fallOverHundred(ctx, c, r);
      }
    }
  },
};

/**
 * This year's amount of a change said in a sentence of its own, when an earlier sentence of the section states it:
 * "2018年“三公”经费预算总额为2.7万元，…" then "2018年“三公”经费预算数比2017年预算数减少0.06万元，减幅0.02%". The same
 * item (by its key, else its name), the same year, one amount of the kind the change compares (预算 with 预算), and no
 * other statement of the item in between; null otherwise.
 */
function currentSaidBefore(ctx: CheckContext, c: Claim, r: Rate): Amount | null {
  if (c.amounts.length > 0 || c.parent !== null || c.year === null || r.cmp.against !== "prev") return null;
  const same = (x: Claim) => (c.key !== null ? x.key === c.key : x.subject === c.subject);
  const earlier = (ctx.doc.bySection.get(sectionOf(ctx.doc, c)) ?? []).filter((x) => x.id < c.id && x.parent === null && same(x));
  const before = earlier[earlier.length - 1];
  if (!before || before.year !== c.year || before.doubt || before.changes.length > 0 || before.rates.length > 0) return null;
  const kind = r.cmp.hint;
  const cur = before.amounts.filter((a) => a.slot.period === "cur" && (kind === null ? a.slot.kind !== "budget" : a.slot.kind === kind));
  return cur.length === 1 && before.amounts.every((a) => a.slot.period === "cur") ? cur[0] : null;
}

function checkRate(ctx: CheckContext, c: Claim, r: Rate): void {
  const paired = changeBefore(c, r);
  const cur = currentOf(c, r.cmp.against) ?? currentSaidBefore(ctx, c, r);
  const base = baseOf(c, r.cmp);
  // A change reported wrong is still what the writer divided by a stated base; it derives no base of its own.
  if (paired?.fig && ctx.flagged.has(paired.fig) && !base) return;
  const ch = paired && paired.fig ? paired : null;
  const unit = (ch?.fig && ctx.unit(ch.fig)) ?? (cur && ctx.unit(cur.fig)) ?? (base && ctx.unit(base)) ?? null;
  if (!unit) {
    ctx.skip("rate without figures");
    return;
  }
  if ((cur && ctx.flagged.has(cur.fig)) || (base && ctx.flagged.has(base))) return;
  const iv = (f: NonNullable<typeof base>) => magnitude(around(f, ctx.unit(f) ?? unit));
  let num: Interval | null = null;
  let den: Interval | null = null;
  let basis = "";
  if (base) {
    den = iv(base);
    if (ch?.fig) num = iv(ch.fig);
    else if (cur) num = magnitude(minus(iv(cur.fig), den));
    basis = "stated";
  } else if (cur && ch?.fig && ch.dir === 0 && cur.fig.value.n === 0n) {
    // "0万元，比上年增加0万元，增长0%": nothing this year and no change, so nothing last year either.
    den = { lo: 0n, hi: 0n };
    num = den;
    basis = "implied";
  } else if (cur && !ch && derivedChange(ctx, c, r) !== null) {
    // "与2023年预算相比增长16.75%，其中…增加0万元，…增加2.01万元，…减少0万元": the total's change is its parts'.
    const d = derivedChange(ctx, c, r)!;
    const x = iv(cur.fig);
    den = d.dir > 0 ? minus(x, d.size) : plus(x, d.size);
    num = d.size;
    basis = "implied";
  } else if (cur && ch?.fig && ch.dir !== 0) {
    const x = iv(cur.fig);
    const y = iv(ch.fig);
    den = ch.dir > 0 ? minus(x, y) : plus(x, y);
    num = y;
    basis = "implied";
  }
  if (!num || !den) {
    ctx.skip("rate without base");
    return;
  }
  // A zero base: no rate at all ("上年数为0", or "17000元，同比增加17000元").
  if (mid(den) === 0n && ((den.lo === 0n && den.hi === 0n) || (cur !== null && ch?.fig && cur.fig.value.n === ch.fig.value.n))) {
    ctx.checked();
    ctx.report("text-base-zero", r.fig.value.n === 0n ? "warning" : "error", c, {
      check: "base-zero",
      stated: r.fig.text,
      expected: "不计算增减率（可写“新增”或“上年无此项”）",
      against: againstWord(r),
      base: "0",
      // Both years 0 ("0.00万元，较上年增加0.00万元，增长0%"): the wording to suggest is 持平, not 新增.
      unchanged: cur !== null && cur.fig.value.n === 0n,
      confidence: "high",
    });
    ctx.flagged.add(r.fig);
    return;
  }
  if (den.lo <= 0n) {
    ctx.skip("base may be zero");
    return;
  }
  ctx.checked();
  let agreement = ratePercent(r.fig.value, magnitude(num), den);
  // A stated change already reported wrong: the rate may well be of the true difference of the two amounts.
  if (agreement !== "agrees" && base && cur && ch?.fig && ctx.flagged.has(ch.fig)) {
    const again = ratePercent(r.fig.value, magnitude(minus(iv(cur.fig), iv(base))), den);
    if (again === "agrees") agreement = again;
  }
  if (agreement === "agrees") return;
  // "总预算37337407.64元，其中：…项目支出预算36849227元，同比增加27125219.46元，增长265.6%": said after the last part, the
  // change and rate are the total's when they fit the total's amount — not a wrong rate of the part.
  const head = c.parent ? currentOf(c.parent, r.cmp.against) : null;
  if (head && ch?.fig && basis === "implied" && ctx.unit(head.fig)) {
    const x = magnitude(around(head.fig, ctx.unit(head.fig)!));
    const y = iv(ch.fig);
    const previous = ch.dir > 0 ? minus(x, y) : plus(x, y);
    if (previous.lo > 0n && ratePercent(r.fig.value, y, previous) === "agrees") {
      ctx.skip("the list total's change, said after its last part");
      return;
    }
  }
  // "“三公”经费支出10万元，其中：公务接待费3万元。比上年减少2万元，下降40%": a sentence that names nothing after a list's
  // last part may go on about that part (its "。" a comma) — read as the total's, it is not wrong if it fits the part.
  const part = ch?.fig && basis === "implied" ? partBefore(ctx, c, r) : null;
  const partNow = part ? currentOf(part, r.cmp.against) : null;
  if (partNow && ch?.fig && ctx.unit(partNow.fig)) {
    const x = magnitude(around(partNow.fig, ctx.unit(partNow.fig)!));
    const y = iv(ch.fig);
    const previous = ch.dir > 0 ? minus(x, y) : plus(x, y);
    if (previous.lo > 0n && ratePercent(r.fig.value, y, previous) === "agrees") {
      ctx.skip("the last part's change, said in the sentence after it");
      return;
    }
  }
  const decimals = Math.max(2, ...[base, cur?.fig, ch?.fig].filter((f) => f).map((f) => f!.value.d));
  // "X，增加Y，增长Z%" with Z wrong for Y: a Y one slip of the keyboard away that Z fits is likelier the mistake.
  const slip = basis === "implied" && agreement === "differs" && cur && ch?.fig && !base ? changeSlip(ctx, r, cur.fig, ch, unit) : null;
  ctx.report("text-rate", agreement === "last-digit" ? "warning" : "error", c, {
    check: "change-rate",
    stated: r.fig.text,
    expected: percentText(mid(magnitude(num)), mid(den), Math.max(2, r.fig.value.d)),
    numerator: amountIn(mid(magnitude(num)), unit, decimals),
    denominator: amountIn(mid(den), unit, decimals),
    denominatorYuan: yuanText(mid(den)),
    basis,
    against: againstWord(r),
    confidence: agreement === "last-digit" ? "medium" : "high",
    ...(slip ? { likelyChange: `${slip.text}${ch!.fig!.unit}`, slipKind: slip.kind } : {}),
  });
  ctx.flagged.add(r.fig);
}

/** What cannot be less than nothing: spending, income, funds, a budget. */
const NOT_NEGATIVE = /(费|经费|支出|收入|资金|拨款|预算|规模|金额)$/;
/** …unless it is a balance or a net figure, which can turn negative. */
const CAN_BE_NEGATIVE = /(结余|结转|净|差额|赤字|利润|盈余|亏损|收支|平衡)/;

/**
 * "公务用车购置费0.14亿元…下降133.1%": a fall of more than 100% leaves less than nothing, which spending or income cannot
 * be — wrong on its face, whatever the figures it was worked out from (said when they give no rate of their own).
 */
function fallOverHundred(ctx: CheckContext, c: Claim, r: Rate): void {
  if (r.dir !== -1 || r.signed || r.fig.range || r.fig.value.n <= 100n * 10n ** BigInt(r.fig.value.d)) return;
  const subject = c.subject.replace(/[“”"]/g, "");
  if (!NOT_NEGATIVE.test(subject) || CAN_BE_NEGATIVE.test(subject)) return;
  ctx.checked();
  ctx.report("text-rate", "error", c, { check: "fall-over-100", stated: r.fig.text, expected: "100", confidence: "high" });
  ctx.flagged.add(r.fig);
}

/** The last part of one of c's lists, when r's sentence opens with a bare comparison right after that part's sentence. */
function partBefore(ctx: CheckContext, c: Claim, r: Rate): Claim | null {
  const paragraph = ctx.doc.paragraphs[c.paragraph - 1];
  if (!paragraph) return null;
  const at = paragraph.sentences.find((x) => r.fig.start >= x.start && r.fig.start < x.end);
  if (!at || !BARE_COMPARISON.test(paragraph.text.slice(at.start).trimStart())) return null;
  for (const list of ctx.doc.listsOf.get(c) ?? []) {
    const last = list.items[list.items.length - 1];
    if (
      last &&
      last.paragraph === c.paragraph &&
      last.lastSentence.end <= at.start &&
      !/\S/.test(paragraph.text.slice(last.lastSentence.end, at.start))
    )
      return last;
  }
  return null;
}

interface Slip {
  text: string;
  kind: SlipKind;
}

/**
 * The one change a digit slip away from the stated one (two neighbouring digits swapped, or one digit changed) with
 * which the stated rate agrees, or null when none or more than one does.
 */
function changeSlip(ctx: CheckContext, r: Rate, cur: Figure, ch: Claim["changes"][number], unit: MoneyUnit): Slip | null {
  const fig = ch.fig as Figure;
  const digits = (fig.value.n < 0n ? -fig.value.n : fig.value.n).toString();
  const x = magnitude(around(cur, ctx.unit(cur) ?? unit));
  const chUnit = ctx.unit(fig) ?? unit;
  const fits: Slip[] = [];
  for (const variant of slipsOf(digits)) {
    const kind = digitSlip(Number(digits), Number(variant));
    if (!kind) continue;
    const v: Figure = { ...fig, value: { n: BigInt(variant), d: fig.value.d } };
    const y = magnitude(around(v, chUnit));
    const den = ch.dir > 0 ? minus(x, y) : plus(x, y);
    if (den.lo > 0n && ratePercent(r.fig.value, y, den) === "agrees") fits.push({ text: decText(v.value), kind });
  }
  return fits.length === 1 ? fits[0] : null;
}

/** Every digit string one swap of neighbours or one changed digit away, without a leading zero. */
function slipsOf(digits: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < digits.length; i++) {
    if (i + 1 < digits.length && digits[i] !== digits[i + 1])
      out.push(digits.slice(0, i) + digits[i + 1] + digits[i] + digits.slice(i + 2));
    for (let d = 0; d <= 9; d++) if (String(d) !== digits[i]) out.push(digits.slice(0, i) + d + digits.slice(i + 1));
  }
  // A change of nothing is no likelier reading ("若为0.00万元"): only non-zero variants.
  return out.filter((v) => (v.length === 1 || v[0] !== "0") && /[1-9]/.test(v));
}
