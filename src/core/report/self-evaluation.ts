import { DOUBT_TEXT, FILL, HEADINGS, NUMBERING, SAY } from "../catalogue/report";
import type { Piece } from "../catalogue/report";
import { fenOfDecimal } from "../base/money";
import { checkMark, placeholder, text } from "./model";
import type { Block, Run } from "./model";
import type { SelfEvalFacts } from "../analyse/report-facts";
import { count, points } from "./number-runs";
import { textOr } from "./final-accounts";
import { budgetSentence, heading, para, say } from "./write";
import type { Ctx, R } from "./write";

/** A weight written after a group's name: "产出指标(60分)", "效益指标（30分）". */
const GROUP_WEIGHT = /[(（](\d{1,3}(?:\.\d{1,2})?)分[)）]$/;
/** Hundredths of a point of a written weight ("60", "12.5"), exactly. */
function weightOf(text: string): number | null {
  const r = fenOfDecimal(text, "元");
  return r === null || r === "too-large" ? null : r.fen;
}

/**
 * 绩效自评报告 (shaped like the seed 东山侗族乡 2019): the total (基础自评分 and the 加减分), the grade; each 一级指标 with its
 * 分值 and 自评分, the items that kept full marks listed once, the others each in a sentence; the national 自评表's goals and
 * indicators when the workbook has one; the bonus and deduction items as one list with its total; measures and problems.
 */
export function selfEvaluationBlocks(c: Ctx, unitRuns: R, yearRuns: R): Block[] {
  const b: Block[] = [];
  const p = c.f.performance;
  const national = c.f.selfEval;
  const project = national?.project ? [text(national.project.text)] : null;
  const intro: Piece<Run>[] = [...SAY.selfIntro(unitRuns, yearRuns, project)];
  if (national) {
    // The national 自评表: 预算执行率 score plus the indicators' scores, when every one is scored.
    const own = national.indicators.map((i) => i.score);
    const indicatorSum = own.length > 0 && own.every((x) => x !== null) ? own.reduce((s, x) => s + x!.hundredths, 0) : null;
    const funds = national.funds.score;
    const sum = indicatorSum !== null && funds ? indicatorSum + funds.hundredths : null;
    // The 总分 the sheet writes is the one said. It may count the 预算执行 score or not (both are published, as the check
    // accepts); one that is neither sum is marked, never replaced by ours.
    const written = national.total;
    if (written) {
      const agrees = indicatorSum === null || written.hundredths === indicatorSum || written.hundredths === sum;
      const mark = agrees ? [] : [checkMark(`${written.sheet}!${written.cell}`, DOUBT_TEXT["selfeval-total"])];
      intro.push(...SAY.selfTotalPending([points(written.hundredths)], mark));
    } else if (sum !== null) intro.push(...SAY.selfTotalPending([points(sum)]));
    else intro.push(...SAY.selfTotalPending([placeholder(FILL.total)]));
  } else if (p && p.base && p.total && p.pending === 0) {
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
  const se = c.f.selfEval;
  if (se) b.push(...nationalSelfEval(c, se, () => ++h1));
  else b.push(heading(1, `${NUMBERING.h1(++h1)}${HEADINGS.selfIndicators}`));
  let h2 = 0;
  if (se) {
    // The national 自评表 is the score sheet: its indicators were written above.
  } else if (p) {
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
        b.push(para(...say(SAY.groupFull(list, full.length))));
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
  if (p && p.adjustments.length > 0 && !se) {
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

/** A text of the sheet as a sentence of the report: its own full stop kept, one added when it has none. */
function sentence(t: string): Piece<Run>[] {
  const body = t.trim();
  return /[。！？!?]$/.test(body) ? [text(body)] : [text(body.replace(/[；;，,、.]+$/, "")), SAY.period];
}

/**
 * The national 部门整体支出绩效自评表: 预算执行情况 (年初/全年预算, 执行数, 执行率 from the printed figures, 分值, 得分),
 * 年度总体目标 and what was done, and the 绩效指标 by 一级指标 — full marks listed once, the others with their deviation.
 */
function nationalSelfEval(c: Ctx, se: SelfEvalFacts, next: () => number): Block[] {
  const b: Block[] = [];
  b.push(heading(1, `${NUMBERING.h1(next())}${HEADINGS.selfFunds}`));
  const f = se.funds;
  if (f.actual) {
    const runs: Piece<Run>[] = [...budgetSentence({ actual: f.actual, budgetInitial: f.initial, budgetFinal: f.final }, c, "年度资金")];
    if (f.max) {
      runs.push("，该项分值", points(f.max.hundredths), "分，自评得分");
      runs.push(...(f.score ? [points(f.score.hundredths)] : [placeholder("预算执行率自评得分")]), "分");
    }
    runs.push(SAY.period);
    b.push(para(...say(runs)));
  } else b.push(para(placeholder("年度资金总额的预算数和执行数")));
  b.push(heading(1, `${NUMBERING.h1(next())}${HEADINGS.selfGoals}`));
  b.push(para(...say([SAY.goalExpected, ...(se.goal ? sentence(se.goal.text) : [placeholder("年度总体目标（预期目标）")])])));
  b.push(para(...say([SAY.goalAchieved, ...(se.goalResult ? sentence(se.goalResult.text) : [placeholder("年度总体目标实际完成情况")])])));
  b.push(heading(1, `${NUMBERING.h1(next())}${HEADINGS.selfNational}`));
  const groups = [...new Set(se.indicators.map((i) => i.level1 || "绩效指标"))];
  groups.forEach((g, gi) => {
    const items = se.indicators.filter((i) => (i.level1 || "绩效指标") === g);
    // "产出指标(60分)": a 分值 written in the 一级指标 cell stands in for the items' when they have none.
    const labelled = GROUP_WEIGHT.exec(g);
    const max = items.every((i) => i.max) ? items.reduce((s, i) => s + i.max!.hundredths, 0) : labelled ? weightOf(labelled[1]) : null;
    const score = items.every((i) => i.score) ? items.reduce((s, i) => s + i.score!.hundredths, 0) : null;
    b.push({
      kind: "heading",
      level: 2,
      runs: say([
        NUMBERING.h2(gi + 1),
        ...SAY.groupHeading(
          labelled ? g.slice(0, labelled.index) : g,
          max === null ? [placeholder("分值")] : [points(max)],
          score === null ? [placeholder("自评分")] : [points(score)],
        ),
      ]),
    });
    const full = items.filter((i) => i.max && i.score && i.score.hundredths === i.max.hundredths && !i.target && !i.result);
    if (full.length > 0) {
      const list: Piece<Run>[] = [];
      full.forEach((i, k) => list.push(k > 0 ? "、" : "", ...SAY.itemPoints(i.name, [points(i.max!.hundredths)])));
      b.push(para(...say(SAY.groupFull(list, full.length))));
    }
    for (const i of items.filter((x) => !full.includes(x))) {
      const runs: Piece<Run>[] = [
        ...SAY.indicator(
          i.name,
          i.target,
          i.result ? [i.result] : [placeholder(`${i.name}实际完成值`)],
          i.score ? [points(i.score.hundredths)] : i.max ? [placeholder(`${i.name}自评分`)] : null,
          i.max ? [points(i.max.hundredths)] : null,
        ),
        SAY.period,
      ];
      if (i.max && i.score && i.score.hundredths < i.max.hundredths)
        runs.push(
          SAY.deviation,
          ...(i.deviation ? sentence(i.deviation.text) : [placeholder(`${i.name}的偏差原因和改进措施`), SAY.period]),
        );
      b.push(para(...say(runs)));
    }
  });
  return b;
}
