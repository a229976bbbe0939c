/**
 * A completion rate of a quantity indicator (text-rate), as 绩效 reports write them: "计划硬化道路10公里，实际完成9.5公里，
 * 完成率95%", "年度目标培训200人次，实际培训210人次，完成率105%". The rate is the actual over the target, both counted in
 * the same unit in the rate's own sentence. A rate written as 100% when more was done is the indicator's cap, not an
 * error; a ceiling target ("不超过5次", "控制在…以内") is reckoned the other way and is left alone.
 */
import { percentText, TEN } from "../numbers";
import type { Figure } from "../numbers";
import { ratePercent } from "../relations";
import type { Check } from "./context";

/** The words right before a quantity's completion rate. */
const RATE_WORDS = /完成(率|比例|进度)(为|是|达|达到)?$/;
/** The target's words, in its clause before the count. */
const TARGET = /(计划|目标|预期|预计|任务|指标值|年度指标)/;
/** The actual's words, in its clause before the count. */
const ACTUAL = /(实际|已完成|累计完成|完成了|实现)/;
/** A target that is a ceiling: lower is better, and its completion is not actual ÷ target. */
const CEILING = /(不超过|不高于|不多于|以内|以下|≤|<|控制在|低于)/;

/** The clause a figure is in, up to the figure: from the last "，；：。" before it. */
function clauseBefore(text: string, at: number): string {
  let k = at;
  while (k > 0 && !"，；：。".includes(text[k - 1])) k--;
  return text.slice(k, at);
}

/** The clause after a figure, to the next "，；。": "10公里以内". */
function clauseAfter(text: string, at: number): string {
  let k = at;
  while (k < text.length && !"，；。".includes(text[k])) k++;
  return text.slice(at, k);
}

export const countCompletion: Check = {
  id: "count-completion",
  run(ctx) {
    ctx.doc.paragraphs.forEach((p, i) => {
      for (const s of p.sentences) {
        const figures = p.figures.filter((f) => f.start >= s.start && f.end <= s.end);
        for (const rate of figures) {
          if (rate.kind !== "percent" || ctx.flagged.has(rate) || !RATE_WORDS.test(p.text.slice(s.start, rate.start))) continue;
          const before = figures.filter((f) => f.end <= rate.start);
          // Money in the sentence: the rate may be of the funds (预算执行率 in other words), not of the counts.
          if (before.some((f) => f.kind === "money" || f.kind === "percent")) continue;
          const counts = before.filter((f) => f.kind === "count" && !f.range);
          if (counts.length !== 2 || counts[0].unit !== counts[1].unit) continue;
          const [target, actual] = counts;
          const targetClause = clauseBefore(p.text, target.start);
          const actualClause = p.text.slice(target.end, actual.start);
          if (!TARGET.test(targetClause) || !ACTUAL.test(clauseBefore(p.text, actual.start) + actualClause)) continue;
          if (CEILING.test(targetClause + clauseAfter(p.text, target.end)) || target.value.n <= 0n) continue;
          ctx.checked();
          const d = Math.max(target.value.d, actual.value.d);
          const scaled = (f: Figure) => f.value.n * TEN(d - f.value.d);
          const num = { lo: scaled(actual), hi: scaled(actual) };
          const den = { lo: scaled(target), hi: scaled(target) };
          const agreement = ratePercent(rate.value, num, den);
          if (agreement === "agrees") continue;
          // More done than planned, written as 100%: the indicator's cap.
          if (num.lo > den.lo && rate.value.n === 100n * TEN(rate.value.d)) continue;
          ctx.report(
            "text-rate",
            agreement === "last-digit" ? "warning" : "error",
            { paragraph: i + 1, start: s.start, end: s.end },
            {
              check: "completion-count",
              stated: rate.text,
              expected: percentText(num.lo, den.lo, Math.max(2, rate.value.d)),
              numerator: actual.text,
              denominator: target.text,
              confidence: "medium",
            },
          );
          ctx.flagged.add(rate);
        }
      }
    });
  },
};
