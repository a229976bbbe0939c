/**
 * The parts of a list against its total (text-sum): "本年支出合计4143.91万元，其中：基本支出1140.27万元…；项目支出…",
 * nested lists ("公务用车购置及运行维护费11167万元（其中，购置费255万元，…）"), lists of numbered items after
 * "具体情况如下", a "其中：" paragraph under the total of the paragraph before. Each kind (预算/决算) is summed on its
 * own; a part that is itself the sum of the parts after it is a subtotal. Parts adding to more than the total is an
 * error; to less, a warning (a part may be missing), and only for a list that claims to be whole (no 主要/等, every part
 * with its figure, no per-unit or excluded parts). Tolerance: the half units of every written figure.
 */
import { amountIn, micro, yuanText } from "../numbers";
import type { Figure } from "../numbers";
import { around, exact, mid, plus, sumsMeet } from "../relations";
import type { Interval } from "../relations";
import type { Amount, Claim, List } from "../claims";
import { COMPOSITIONS, RANGE } from "../vocabulary";
import { sentenceKey } from "../document";
import type { Check, CheckContext } from "./context";
import { matchingAmount } from "./lookup";

/**
 * "一批…3374.3万元，二批…2069.51万元，三批…787.59万元，合计批复总投资6222.4万元": a 合计 said after the items of its
 * own sentence is their sum.
 */
function totalAfterItems(ctx: CheckContext): void {
  for (const t of ctx.doc.claims) {
    if (t.parent !== null || !/^(合计|共计|总计)/.test(t.raw.replace(/^[，、]/, "")) || t.amounts.length !== 1) continue;
    const items = (ctx.doc.bySentence.get(sentenceKey(t)) ?? []).filter((c) => c !== t && c.parent === null && c.start < t.start);
    const amounts = items.map((c) => (c.amounts.length === 1 && !c.perUnit ? c.amounts[0] : null));
    if (items.length < 2 || amounts.some((a) => a === null || !ctx.unit(a.fig))) continue;
    const total = t.amounts[0];
    const unit = ctx.unit(total.fig);
    if (!unit) continue;
    const ivs = amounts.map((a) => around(a!.fig, ctx.unit(a!.fig)!));
    const sum = ivs.reduce(plus, exact(0n));
    ctx.checked();
    if (sumsMeet(sum, around(total.fig, unit))) continue;
    const decimals = Math.max(total.fig.value.d, ...amounts.map((a) => a!.fig.value.d));
    ctx.report("text-sum", "error", t, {
      check: "parts-sum",
      stated: total.fig.text,
      expected: amountIn(mid(sum), unit, decimals),
      statedYuan: yuanText(micro(total.fig, unit)),
      expectedYuan: yuanText(mid(sum)),
      parts: amounts.map((a) => a!.fig.text).join("+"),
      confidence: "high",
    });
    ctx.flagged.add(total.fig);
  }
}

export const partsSum: Check = {
  id: "parts-sum",
  run(ctx) {
    totalAfterItems(ctx);
    for (const list of ctx.doc.lists) {
      const parent = list.parent;
      if (parent.doubt || parent.perUnit) continue;
      const splits = [...new Set(list.items.map((i) => i.split))];
      for (const split of splits) {
        const items = list.items.filter((i) => i.split === split && !i.excluded);
        const perUnit = items.some((i) => i.perUnit);
        if (items.length < 2 || perUnit) {
          if (items.length >= 2) ctx.skip("per-unit parts");
          continue;
        }
        // The amount said right before the list; another of the parent's amounts where every part labels one alike.
        const labelledAlike = (a: Amount) =>
          (a.slot.kind !== null || a.slot.period !== "cur") &&
          items.every((i) => i.amounts.some((x) => x.slot.period === a.slot.period && x.slot.kind === a.slot.kind));
        const totals = parent.amounts.filter((a) => a === list.total || labelledAlike(a));
        for (const total of totals) checkSum(ctx, list, items, total);
      }
    }
  },
};

/** Drop the parts that sit under a subtotal in the same list: a known item with its parts listed, or an exact sum. */
function withoutSubtotalParts(ctx: CheckContext, parts: { claim: Claim; amount: Amount }[]) {
  let out = parts;
  for (const comp of COMPOSITIONS) {
    const whole = out.find((p) => p.claim.key === comp.whole);
    if (whole && out.some((p) => p.claim.key !== null && comp.parts.includes(p.claim.key))) {
      out = out.filter((p) => p.claim.key === null || !comp.parts.includes(p.claim.key));
    }
  }
  for (let i = 0; i < out.length - 2; i++) {
    const unit = ctx.unit(out[i].amount.fig);
    if (!unit) continue;
    let acc = 0n;
    for (let j = i + 1; j < out.length; j++) {
      const u = ctx.unit(out[j].amount.fig);
      if (!u) break;
      acc += mid(around(out[j].amount.fig, u));
      if (j >= i + 2 && acc === mid(around(out[i].amount.fig, unit))) {
        out = [...out.slice(0, i + 1), ...out.slice(j + 1)];
        break;
      }
    }
  }
  return out;
}

/** A part that is subtracted, not added: 调减…, 核减…, 冲减…, 扣除…, 减去…. */
const DECREASE_PART = /^([(（]?[一二三四五六七八九十\d]+[)）、.．]?)?(调减|核减|冲减|扣除|减去|收回)/;

/** A subject that ends in a threshold word ("收入过" before 10亿元): the amount is the threshold of a range (RANGE). */
const THRESHOLD = new RegExp(`${RANGE.source}$`);

function checkSum(ctx: CheckContext, list: List, items: Claim[], total: Amount): void {
  const unit = ctx.unit(total.fig);
  if (!unit || ctx.flagged.has(total.fig)) return;
  if (THRESHOLD.test(list.parent.subject) || items.some((i) => THRESHOLD.test(i.subject))) {
    ctx.skip("ranges by a threshold, not parts");
    return;
  }
  if (sharesShortOfWhole(items)) {
    ctx.skip("a list whose shares say it is partial");
    return;
  }
  // "…；公务接待费支出0万元，占0%。具体情况如下：1.因公出国… 2.公务用车…": the head read is one of the items, or their sibling
  // (出国, 车 and 接待 are parts of one 三公), not their whole.
  const head = list.parent;
  const sibling = (k: Claim["key"]) =>
    k !== null && COMPOSITIONS.some((c) => c.parts.includes(k) && head.key !== null && c.parts.includes(head.key));
  if (items.some((i) => (head.key !== null && i.key === head.key) || i.subject === head.subject || sibling(i.key))) {
    ctx.skip("a list headed by one of its items");
    return;
  }
  // "增加支出5.16亿元，其中：债券支出3.9亿元，…，调减年初预算安排的项目支出2.44亿元": a part taken away. Its list adds up
  // with it subtracted, or not, as the sentence means: a mixed list is left alone rather than guessed at.
  if (items.some((i) => DECREASE_PART.test(i.raw.replace(/^[，、；：\s]+/, "")))) {
    ctx.skip("a list with a part taken away");
    return;
  }
  const found = items.map((claim) => ({ claim, amount: matchingAmount(claim, total) }));
  const complete = found.every((f) => f.amount !== null && ctx.unit(f.amount.fig) !== null);
  const parts = withoutSubtotalParts(
    ctx,
    found.filter((f): f is { claim: Claim; amount: Amount } => f.amount !== null && ctx.unit(f.amount.fig) !== null),
  );
  if (parts.length < 2) return;
  ctx.covered.add(`${list.parent.id}|${total.slot.kind}`);
  let sum: Interval = exact(0n);
  for (const p of parts) sum = plus(sum, around(p.amount.fig, ctx.unit(p.amount.fig)!));
  const t = around(total.fig, unit);
  ctx.checked();
  if (sumsMeet(sum, t)) return;
  const over = sum.lo >= t.hi;
  const under = !over;
  // A misread list, not a wrong figure: a "part" larger than the total, or one whose removal leaves an exact sum (a
  // statement beside the list or a level of its own). A repeated item is the duplicate check's business.
  const ivs = parts.map((p) => around(p.amount.fig, ctx.unit(p.amount.fig)!));
  const tooLarge = ivs.some((iv) => iv.lo >= t.hi && t.hi > 0n);
  const oneOff = parts.some((p, i) => {
    const rest = ivs.filter((_, j) => j !== i).reduce(plus, exact(0n));
    const repeated = parts.some((q, j) => j !== i && q.amount.fig.text === p.amount.fig.text && q.claim.subject === p.claim.subject);
    return parts.length > 2 && !repeated && sumsMeet(rest, t);
  });
  // …or a list that ran on past its last part: its first parts alone give the total.
  const ranOn = ivs.some((_, k) => k >= 1 && k < ivs.length - 1 && sumsMeet(ivs.slice(0, k + 1).reduce(plus, exact(0n)), t));
  // "债务余额586320万元，控制在…限额612000万元以内。其中：一般债务236320万元，专项债务350000万元": the parts add up to
  // another amount of the total's sentence — they break that one down, not the last amount said.
  if (breaksDownAnother(ctx, total, sum, new Set(items.flatMap((i) => i.amounts.map((a) => a.fig))))) {
    ctx.skip("a list of another amount of the sentence");
    return;
  }
  if (over && (tooLarge || oneOff || ranOn)) {
    ctx.skip("a list that may be misread");
    return;
  }
  if (under && (!complete || list.partial || saidToGoOn(ctx, items) || endsWithEtc(ctx, items) || someOfComposition(list.parent, items))) {
    ctx.skip("a list that may be partial");
    return;
  }
  const decimals = Math.max(total.fig.value.d, ...parts.map((p) => p.amount.fig.value.d));
  // A list known to be whole (the items of a known composition, or shares adding to 100%) misses nothing: an error.
  const whole = complete && (isComposition(list.parent, items) || sharesMakeHundred(items));
  // "支出286450万元。其中：教育支出62380万元，…，农林水支出52340万元": parts far short of their total (under nine tenths) are
  // the main ones named, not a list with one missing — unless the list is known to be whole.
  if (under && !whole && 10n * sum.hi < 9n * t.lo) {
    ctx.skip("a list of the main parts only");
    return;
  }
  ctx.report("text-sum", over || whole ? "error" : "warning", list.parent, {
    check: "parts-sum",
    stated: total.fig.text,
    expected: amountIn(mid(sum), unit, decimals),
    statedYuan: yuanText(micro(total.fig, unit)),
    expectedYuan: yuanText(mid(sum)),
    parts: parts.map((p) => p.amount.fig.text).join("+"),
    confidence: over || whole ? "high" : "medium",
  });
  ctx.flagged.add(total.fig);
}

/** "…其中教育支出30.9亿元，…。此外，还拨付…": the sentence after the list says there is more than it. */
function saidToGoOn(ctx: CheckContext, items: Claim[]): boolean {
  const last = items[items.length - 1];
  const text = ctx.doc.paragraphs[last.paragraph - 1]?.text ?? "";
  return /^[\s，。；]*(此外|另外|除此之外|另有|另)/.test(text.slice(last.lastSentence.end));
}

/** Whether the parts' sum is, within rounding, another money amount (not a part's) of the sentence the total is said in. */
function breaksDownAnother(ctx: CheckContext, total: Amount, sum: Interval, own: ReadonlySet<Figure>): boolean {
  const paragraph = ctx.doc.paragraphs.find((p) => p.figures.includes(total.fig));
  const sentence = paragraph?.sentences.find((x) => total.fig.start >= x.start && total.fig.start < x.end);
  if (!paragraph || !sentence) return false;
  return paragraph.figures.some((f) => {
    if (f === total.fig || own.has(f) || f.kind !== "money" || f.start < sentence.start || f.start >= sentence.end) return false;
    const unit = ctx.unit(f);
    return unit !== null && f.value.n !== 0n && sumsMeet(sum, around(f, unit));
  });
}

/** "…卫生项目500万元等。", "具体是：重点用于…": the list says it names some of the parts, not all. */
function endsWithEtc(ctx: CheckContext, items: Claim[]): boolean {
  const last = items[items.length - 1];
  const fig = last.amounts[last.amounts.length - 1]?.fig;
  const text = ctx.doc.paragraphs[last.paragraph - 1]?.text ?? "";
  if (fig !== undefined && /^[\s）)]*等/.test(text.slice(fig.end))) return true;
  // "具体是：重点用于教育项目300万元、…": the first part says the list names the main ones.
  return /^(重点|主要)/.test(items[0].raw.replace(/^[，、；：:\s]+/, "").replace(/^(具体|分项|其中|包括)[为是有]?[：:]?/, ""));
}

/** The items are exactly the parts of the parent's known composition (“三公”经费: 出国, 车, 接待). */
function isComposition(parent: Claim, items: Claim[]): boolean {
  const comp = COMPOSITIONS.find((c) => c.whole === parent.key);
  if (!comp) return false;
  const keys = new Set(items.map((i) => i.key));
  return comp.parts.every((k) => keys.has(k)) && items.every((i) => i.key !== null && comp.parts.includes(i.key));
}

/**
 * "“三公”经费2.29亿元。其中，因公出国（境）费0.61亿元，公务用车购置及运行费1.41亿元": parts of a known composition with one
 * of them (接待) not named — the list says only some parts, and the one left out may be said elsewhere.
 */
function someOfComposition(parent: Claim, items: Claim[]): boolean {
  const comp = COMPOSITIONS.find((c) => c.whole === parent.key);
  if (!comp || !items.every((i) => i.key !== null && comp.parts.includes(i.key))) return false;
  const keys = new Set(items.map((i) => i.key));
  return comp.parts.some((k) => !keys.has(k));
}

/** Every item has one share and they add up to 100% within their rounding. */
/**
 * Items that each state their share of the whole, the shares adding to well under 100 % (上划中央 45.24% + 上划省级 14.26% +
 * 上划市级 0.04%, the 地方 part not listed): the list names only some parts — nothing to add up, amounts or changes.
 */
export function sharesShortOfWhole(items: Claim[]): boolean {
  if (items.length === 0 || items.some((i) => i.shares.length !== 1)) return false;
  const figs = items.map((i) => i.shares[0].fig.value);
  const d = Math.max(...figs.map((v) => v.d));
  const sum = figs.reduce((acc, v) => acc + v.n * 10n ** BigInt(d - v.d), 0n);
  return sum < 99n * 10n ** BigInt(d);
}

function sharesMakeHundred(items: Claim[]): boolean {
  if (items.some((i) => i.shares.length !== 1)) return false;
  const figs = items.map((i) => i.shares[0].fig.value);
  const d = Math.max(...figs.map((v) => v.d));
  const sum = figs.reduce((acc, v) => acc + v.n * 10n ** BigInt(d - v.d), 0n);
  const tol = figs.reduce((acc, v) => acc + 5n * 10n ** BigInt(d - v.d), 0n); // half units, ×10
  return 10n * (sum > 100n * 10n ** BigInt(d) ? sum - 100n * 10n ** BigInt(d) : 100n * 10n ** BigInt(d) - sum) <= tol;
}
