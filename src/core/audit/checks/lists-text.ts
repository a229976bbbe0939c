/**
 * Lists read from the words alone, clause by clause ("；" ends one): the same item listed twice (duplicate-item:
 * "固定资产投资1.79亿…固定资产投资17168万元"), and lists of head counts or points against their total (text-sum:
 * "编制人数69人，其中行政编制29人，事业编制25人", "加分5.3分，其中…加0.5分、…"). Money lists are the claims'
 * business (parts-sum); here only counts of one word (人 with 人, 户 with 户) and points, which are stated exactly.
 * Levels of one hierarchy ("一级指标3个，二级指标9个，三级指标12个") are not parts; per-unit and excluded parts are left out.
 */
import { splitAfter } from "../../base/scan";
import type { Figure } from "../numbers";
import { MICRO, TEN, tokenize } from "../numbers";
import { EXCLUDED, LEVELS, MONEY_EXP, PER_UNIT, RANGE, SUMMABLE_COUNTS } from "../vocabulary";
import type { MoneyUnit } from "../vocabulary";
import type { Check, CheckContext } from "./context";

type Family = "money" | "分" | "count";
const RETIRED = /退休|离休/;
const familyOf = (t: Figure): Family | null =>
  t.kind === "money" && t.unit ? "money" : t.kind === "points" ? "分" : t.kind === "count" && SUMMABLE_COUNTS.has(t.unit) ? "count" : null;

/** Value in a common scale: µ元 for money, millionths for points and counts. */
function valueOf(t: Figure): bigint {
  const exp = (t.kind === "money" ? MONEY_EXP[t.unit as MoneyUnit] : 0) + 6 - t.value.d;
  return exp >= 0 ? t.value.n * TEN(exp) : t.value.n / TEN(-exp);
}

/** Labels of the items in a list: the text from the previous separator to the number. */
function labelOf(s: string, t: Figure): string {
  const before = s.slice(0, t.start);
  const cut = Math.max(...["、", "，", "；", "：", "（"].map((c) => before.lastIndexOf(c)));
  return before
    .slice(cut + 1)
    .replace(/^(其中|以及|和|及)[:：]?/, "")
    .replace(/(加|为|是|达|达到|约|共计|共|合计)$/, "")
    .replace(/\s+/g, "")
    .trim();
}

function checkPart(ctx: CheckContext, paragraph: number, offset: number, part: string): void {
  const at = part.search(/其中[:：]?|包括[:：]?/);
  if (at < 0) return;
  const tokens = tokenize(part).filter((t) => !t.range && familyOf(t) !== null);
  const open = part.lastIndexOf("（", at);
  const shut = part.lastIndexOf("）", at);
  const inParens = open > shut;
  const closing = inParens ? part.indexOf("）", at) : -1;
  const end = closing > 0 ? closing : part.length;
  const isChange = (t: Figure) => /(增加|减少|增长|下降|增收|减收|增支|减支|较上年|比上年)[^，；]{0,3}$/.test(part.slice(0, t.start));
  const listed = tokens.filter((t) => t.start > at && t.start < end && !isChange(t));
  const loc = (s: number, e: number) => ({ paragraph, start: offset + s, end: offset + e });

  const seen = new Map<string, Figure>();
  for (const t of listed) {
    const label = labelOf(part, t);
    if (label.replace(/[^\u4e00-\u9fff]/g, "").replace(/(支出|收入|费用|资金|金额|完成|共计|合计)/g, "").length < 2) continue;
    // "完成全年预算0万元的0%…完成全年预算5.3万元的": the base of each item's own comparison, not an item.
    if (/^(完成|比|较|同比|占|相当于)/.test(label)) continue;
    const prior = seen.get(label);
    if (prior) {
      const same = valueOf(prior) === valueOf(t) && prior.unit === t.unit;
      ctx.checked();
      ctx.report("duplicate-item", same ? "warning" : "error", loc(0, part.length), {
        check: "duplicate",
        name: label,
        stated: `${prior.text}；${t.text}`,
        expected: same ? "同一项目只应列一次" : "同一指标出现两个不同的数值",
        confidence: "high",
      });
    } else seen.set(label, t);
  }

  const before = tokens.filter((t) => t.end <= (inParens ? open + 1 : at) && !isChange(t));
  const total = before[before.length - 1];
  if (!total) return;
  const fam = familyOf(total);
  if (fam === "money") return;
  const after = listed.filter((t) => familyOf(t) === fam && (fam !== "count" || t.unit === total.unit));
  const clauseOf = (t: Figure) => {
    const next = listed.find((x) => x.start > t.start);
    return part.slice(Math.max(part.lastIndexOf("，", t.start), part.lastIndexOf("、", t.start), at) + 1, next ? next.start : part.length);
  };
  if (after.some((t) => PER_UNIT.test(clauseOf(t)))) return;
  if (after.some((t) => LEVELS.test(labelOf(part, t)))) return;
  if ([total, ...after].some((t) => RANGE.test(labelOf(part, t)))) return;
  // Retired staff named beside a count of staff in post ("正式教职工62人，其中…中级工1人，退休职工28人") are not its parts.
  const retired = (t: Figure) => RETIRED.test(labelOf(part, t)) && !RETIRED.test(labelOf(part, total));
  let parts = after.filter((t) => !EXCLUDED.test(clauseOf(t)) && !retired(t));
  const excluded = after.length - parts.length;
  // A part that is the sum of the parts right after it is a subtotal: keep it, drop its breakdown.
  for (let i = 0; i < parts.length - 2; i++) {
    let acc = 0n;
    for (let j = i + 1; j < parts.length; j++) {
      acc += valueOf(parts[j]);
      if (j >= i + 2 && acc === valueOf(parts[i])) {
        parts = [...parts.slice(0, i + 1), ...parts.slice(j + 1)];
        break;
      }
    }
  }
  if (parts.length < 2) return;
  ctx.checked();
  const sum = parts.reduce((acc, t) => acc + valueOf(t), 0n);
  const stated = valueOf(total);
  if (sum === stated) return;
  const word = fam === "分" ? "分" : total.unit;
  const show = (v: bigint) => `${Number(v) / Number(MICRO)}${word}`;
  const labels = parts.map((t) => `${labelOf(part, t)}|${valueOf(t)}`);
  const dedup = parts.filter((t, i) => labels.indexOf(labels[i]) === i);
  const dedupSum = dedup.reduce((acc, t) => acc + valueOf(t), 0n);
  // As for money lists: one "part" whose removal leaves the exact total is a statement beside the list, not a wrong figure
  // (a part listed twice is the duplicate's business, and the sum is still said).
  const repeated = (t: Figure) => parts.some((x) => x !== t && valueOf(x) === valueOf(t) && labelOf(part, x) === labelOf(part, t));
  if (sum > stated && parts.length > 2 && !parts.some(repeated) && parts.some((t) => sum - valueOf(t) === stated)) {
    ctx.skip("a list that may be misread");
    return;
  }
  if (sum > stated) {
    ctx.report("text-sum", "error", loc(0, part.length), {
      check: "parts-sum",
      stated: total.text,
      expected: show(sum),
      computed: show(sum),
      note: dedup.length < parts.length ? `去掉重复项为${show(dedupSum)}` : "",
      confidence: "high",
    });
  } else if (excluded === 0) {
    ctx.report("text-sum", "warning", loc(0, part.length), {
      check: "parts-sum",
      stated: total.text,
      expected: show(sum),
      computed: show(sum),
      note: `比总数少${show(stated - sum)}，请核对是否漏列或有误`,
      confidence: "medium",
    });
  }
}

export const listsText: Check = {
  id: "lists-text",
  run(ctx) {
    for (const p of ctx.doc.paragraphs) {
      for (const s of p.sentences) {
        const sentence = p.text.slice(s.start, s.end);
        let offset = s.start;
        for (const part of splitAfter(sentence, "；")) {
          checkPart(ctx, p.index, offset, part);
          offset += part.length;
        }
      }
    }
  },
};
