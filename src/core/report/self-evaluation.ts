import { DOUBT_TEXT, FILL, HEADINGS, NUMBERING, SAY } from "../catalogue/report";
import type { Piece } from "../catalogue/report";
import { checkMark, placeholder, text } from "./model";
import type { Block, Run } from "./model";
import { count, points } from "./number-runs";
import { textOr } from "./final-accounts";
import { heading, para, say } from "./write";
import type { Ctx, R } from "./write";

/**
 * 绩效自评报告 (shaped like the seed 东山侗族乡 2019): the total (基础自评分 and the 加减分), the grade; each 一级指标 with its
 * 分值 and 自评分, the items that kept full marks listed once, the others each in a sentence; the national 自评表's goals and
 * indicators when the workbook has one; the bonus and deduction items as one list with its total; measures and problems.
 */
export function selfEvaluationBlocks(c: Ctx, unitRuns: R, yearRuns: R): Block[] {
  const b: Block[] = [];
  const p = c.f.performance;
  const intro: Piece<Run>[] = [...SAY.selfIntro(unitRuns, yearRuns)];
  if (p && p.base && p.total && p.pending === 0) {
    const adj = p.adjustmentTotal?.hundredths ?? 0;
    const adjustments = adj > 0 ? SAY.selfBonus([points(adj)]) : adj < 0 ? SAY.selfDeduction([points(-adj)]) : [];
    intro.push(...SAY.selfTotal([points(p.total.hundredths)], [points(p.base.hundredths)], adjustments));
    // An item scored above its 分值: the total the sheet gives is not a fact to state plainly.
    const over = p.groups.flatMap((g) => g.items).find((i) => i.max && i.score && i.score.hundredths > i.max.hundredths);
    if (over) intro.push(checkMark(over.score?.cell ? `${over.score.sheet}!${over.score.cell}` : over.name, DOUBT_TEXT["total-over-max"]));
    if (p.grade) intro.push(...SAY.selfGrade([text(p.grade)]));
  } else intro.push(...SAY.selfTotalPending([placeholder(FILL.total)]));
  b.push(para(...say(intro)), para(text(SAY.selfReport)));

  let h1 = 0;
  b.push(heading(1, `${NUMBERING.h1(++h1)}${HEADINGS.selfIndicators}`));
  let h2 = 0;
  if (p) {
    for (const g of p.groups) {
      b.push({
        kind: "heading",
        level: 2,
        runs: say([
          NUMBERING.h2(++h2),
          ...SAY.groupHeading(
            g.name || "评价指标",
            g.max ? [points(g.max.hundredths)] : [placeholder("分值")],
            g.score ? [points(g.score.hundredths)] : [placeholder("自评分")],
          ),
        ]),
      });
      const full = g.items.filter((i) => i.max && i.score && i.score.hundredths === i.max.hundredths);
      const pending = g.items.filter((i) => i.max && !i.score);
      const others = g.items.filter((i) => !full.includes(i) && !pending.includes(i));
      if (full.length > 0) {
        const list: Piece<Run>[] = [];
        full.forEach((i, k) => list.push(k > 0 ? "、" : "", ...SAY.itemPoints(i.name, [points(i.max!.hundredths)])));
        b.push(para(...say(SAY.groupFull(list))));
      }
      others.forEach((i) => {
        const runs: Piece<Run>[] = [];
        if (i.score && i.max) runs.push(...SAY.itemScored(i.name, [points(i.max.hundredths)], [points(i.score.hundredths)]));
        else if (i.max) runs.push(...SAY.itemPending(i.name, [points(i.max.hundredths)]));
        else runs.push(i.name);
        runs.push(SAY.period);
        if (i.score && i.max && i.score.hundredths > i.max.hundredths)
          runs.push(checkMark(i.score.cell ? `${i.score.sheet}!${i.score.cell}` : i.name, "自评分超过分值"));
        b.push(para(...say(runs)));
      });
      if (pending.length > 0) {
        const list: Piece<Run>[] = [];
        pending.forEach((i, k) => list.push(k > 0 ? "、" : "", ...SAY.itemPoints(i.name, [points(i.max!.hundredths)])));
        b.push(para(...say(SAY.pendingItems(list))));
      }
      b.push(para(placeholder(FILL.groupDone(g.name || "各项指标"))));
    }
  } else b.push(para(placeholder("各项指标的分值、自评分和完成情况")));
  if (p && p.adjustments.length > 0) {
    const total = p.adjustmentTotal?.hundredths ?? 0;
    b.push({ kind: "heading", level: 2, runs: say([NUMBERING.h2(++h2), HEADINGS.selfAdjustments, "（", points(total), "分）"]) });
    const runs: Piece<Run>[] = [...SAY.adjustmentsIntro([count(p.adjustments.length * 100)], [points(total)])];
    p.adjustments.forEach((x, i) =>
      runs.push(
        i > 0 ? SAY.semicolon : "",
        ...SAY.adjustmentItem(x.name, [points(Math.abs(x.points.hundredths))], x.points.hundredths < 0),
      ),
    );
    runs.push(SAY.period);
    b.push(para(...say(runs)));
    if (p.statedAdjustmentTotal) b.push(para(checkMark(p.statedAdjustmentTotal.sheet ?? "评分表", DOUBT_TEXT["bonus-mismatch"])));
  }
  b.push(heading(1, `${NUMBERING.h1(++h1)}${HEADINGS.selfWork}`), ...textOr(c, "evaluationWork", FILL.selfWork));
  b.push(
    heading(1, `${NUMBERING.h1(++h1)}${HEADINGS.selfProblems}`),
    ...textOr(c, "problems", FILL.selfProblems),
    ...textOr(c, "measures", FILL.selfDirections),
  );
  return b;
}
