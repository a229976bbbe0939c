import type { CodedLine, Compared, Figure } from "../analyse/report-facts";
import { CHARTS, FILL, HEADINGS, NUMBERING, SAY, yearOf } from "../catalogue/report";
import type { Piece } from "../catalogue/report";
import { placeholder, text } from "./model";
import type { Block, Run } from "./model";
import { count, points, shownDiff } from "./number-runs";
import { chart, leafLines, sangongBlocks, shortLabel, staffRuns, textOr } from "./final-accounts";
import {
  budgetComparison,
  budgetDifference,
  budgetSentence,
  heading,
  isZero,
  mainBudget,
  money,
  para,
  rate,
  say,
  shareRuns,
  significant,
  sure,
  yoy,
} from "./write";
import type { Ctx, R } from "./write";

/**
 * 《部门整体支出绩效评价报告》 in the parts clerks write (the Hunan county form): 部门概况; 部门整体支出管理及使用情况
 * (部门整体 = all spending of the 支出决算表, or the 功能分类 table's total; 基本支出 with its 类, the differences from the
 * 年初预算 and the workbook's reasons; 项目支出; 三公 with its statistics; 会议费、培训费、办公经费); 绩效评价工作; the score
 * and grade; problems the figures show; measures.
 */
export function performanceBlocks(c: Ctx, unitRuns: R, yearRuns: R): Block[] {
  const b: Block[] = [];
  b.push(para(...say(SAY.perfIntro(unitRuns, yearRuns))));
  b.push(heading(1, `${NUMBERING.h1(1)}${HEADINGS.perfProfile}`));
  b.push(heading(2, `${NUMBERING.h2(1)}${HEADINGS.perfDuties}`), ...textOr(c, "duties", FILL.duties));
  b.push(heading(2, `${NUMBERING.h2(2)}${HEADINGS.perfOrganization}`));
  if (c.f.texts.organization) b.push(...textOr(c, "organization", FILL.organization));
  b.push(para(...staffRuns(c)));
  b.push(heading(2, `${NUMBERING.h2(3)}${HEADINGS.perfKeyWork}`), ...textOr(c, "keyWork", FILL.keyWork));

  b.push(heading(1, `${NUMBERING.h1(2)}${HEADINGS.perfSpending}`));
  const parts: [string, () => Block[]][] = [
    [HEADINGS.perfOverall, () => overall(c)],
    [HEADINGS.perfBasic, () => basic(c)],
    [HEADINGS.perfProject, () => project(c)],
    [HEADINGS.perfSangong, () => sangong(c)],
  ];
  if (c.f.generalSpending) parts.push([HEADINGS.perfGeneralSpending, () => generalSpending(c)]);
  parts.forEach(([title, write], i) => b.push(heading(2, `${NUMBERING.h2(i + 1)}${title}`), ...write()));

  b.push(heading(1, `${NUMBERING.h1(3)}${HEADINGS.perfWork}`), ...textOr(c, "evaluationWork", FILL.evaluationWork));
  b.push(heading(1, `${NUMBERING.h1(4)}${HEADINGS.perfResult}`), ...result(c), ...textOr(c, "achievements", FILL.achievements));
  b.push(heading(1, `${NUMBERING.h1(5)}${HEADINGS.perfProblems}`), ...problemFacts(c), ...textOr(c, "problems", FILL.problems));
  b.push(heading(1, `${NUMBERING.h1(6)}${HEADINGS.perfMeasures}`), ...textOr(c, "measures", FILL.measures));
  return b;
}

const y = (c: Ctx) => c.year;

/** 部门整体支出: the 支出决算表's 本年支出合计 (all funds) when present, else the 功能分类 table's total. */
function overall(c: Ctx): Block[] {
  const e = c.f.expenditure;
  const g = c.f.general;
  const blocks: Block[] = [];
  if (e?.total) {
    const x: Compared = { actual: e.total, budgetInitial: e.budgetInitial ?? null };
    const runs: Piece<Run>[] = mainBudget(x)
      ? [...budgetSentence(x, c, `${yearOf(y(c))}部门整体支出`), SAY.period, ...budgetComparison(x, c, "部门整体支出")]
      : [...SAY.overallIntro(y(c), money(e.total, c)), SAY.period];
    const basic = e.kinds.find((k) => k.key === "basic")?.amount;
    const proj = e.kinds.find((k) => k.key === "project")?.amount;
    if (basic && proj) runs.push(...splitRuns(c, basic, proj, e.total));
    blocks.push(para(...say(runs)));
  } else if (g?.total.actual) {
    const t = g.total;
    const subject = g.scope === "general" ? `${yearOf(y(c))}部门整体支出（一般公共预算财政拨款）` : `${yearOf(y(c))}部门整体支出`;
    const runs: Piece<Run>[] = mainBudget(t)
      ? [...budgetSentence(t, c, subject), SAY.period, ...budgetComparison(t, c, "部门整体支出")]
      : [subject, "决算", ...money(t.actual!, c), SAY.period];
    if (t.basic && t.project) runs.push(...splitRuns(c, t.basic, t.project, t.actual!));
    blocks.push(para(...say(runs)));
  } else blocks.push(para(placeholder(FILL.overall)));
  // The 一般公共预算财政拨款 part of it, when the whole is all funds.
  if (e?.total && g?.total.actual) {
    const runs: Piece<Run>[] = [
      ...SAY.generalPart(money(g.total.actual, c)),
      ...shareRuns(g.total.actual, e.total, c, "本年支出合计"),
      SAY.period,
    ];
    blocks.push(para(...say(runs)));
  }
  const inc = c.f.income;
  if (inc?.total) {
    const runs: Piece<Run>[] = [...SAY.incomePerf(money(inc.total, c))];
    const fiscal = inc.sources.find((s) => s.key === "fiscal") ?? inc.sources.find((s) => s.key === "general");
    if (fiscal?.amount && !isZero(fiscal.amount, c))
      runs.push(SAY.comma, SAY.of, fiscal.name, ...money(fiscal.amount, c), ...shareRuns(fiscal.amount, inc.total, c));
    runs.push(SAY.period);
    blocks.push(para(...say(runs)));
  }
  return blocks;
}

function splitRuns(c: Ctx, basic: Figure, proj: Figure, total: Figure): Piece<Run>[] {
  const share = (x: Figure) => {
    const r = shareRuns(x, total, c);
    return r.length > 0 ? r.slice(1).flatMap((run) => (run.kind === "text" ? [text(run.text.replace(/^占/, ""))] : [run])) : null;
  };
  return [...SAY.basicAndProject(money(basic, c), share(basic), money(proj, c), share(proj)), SAY.period];
}

/** 基本支出: the total against its 年初预算, the 类 with their differences and reasons, the notable 款, the rest once. */
function basic(c: Ctx): Block[] {
  const f = c.f.basic;
  if (!f || !f.total.actual) return [para(placeholder(FILL.basicPerf))];
  const blocks: Block[] = [];
  const t = f.total;
  const runs: Piece<Run>[] = [];
  const subject = SAY.basicSubject(f.scope);
  if (mainBudget(t)) runs.push(...budgetSentence(t, c, subject), ...budgetDifference(t, c, subject, !!t.reason), SAY.period);
  else runs.push(...SAY.basicPerf(subject, money(t.actual!, c)), SAY.period);
  // 人员经费 (301 + 303) and 公用经费 (302 + 310).
  if (f.personnel.total && f.public.total && !isZero(t.actual!, c))
    runs.push(
      ...SAY.personnelPublic(
        [...money(f.personnel.total, c), ...shareRuns(f.personnel.total, t.actual!, c)],
        [...money(f.public.total, c), ...shareRuns(f.public.total, t.actual!, c)],
      ),
    );
  blocks.push(para(...say(runs)));
  // The 类: amount, share, and the difference from the 年初预算 with the workbook's reason.
  const classes = f.classes.filter((l) => l.actual && (!isZero(l.actual, c) || l.actual.doubt));
  if (classes.length > 0) {
    const r2: Piece<Run>[] = [SAY.byEconomic];
    classes.forEach((l, i) => {
      r2.push(i > 0 ? SAY.semicolon : "", l.name.trim(), ...money(l.actual!, c), ...shareRuns(l.actual!, t.actual!, c));
    });
    r2.push(SAY.period);
    blocks.push(para(...say(r2)));
    for (const l of classes) {
      const b = mainBudget(l);
      if (!b || !sure(l.actual) || !sure(b.fig) || shownDiff(l.actual.fen, b.fig.fen, c.st) === 0) continue;
      blocks.push(para(...budgetSentence(l, c, l.name.trim()), ...budgetDifference(l, c, l.name.trim()), text(SAY.period)));
    }
    if (classes.length >= 2 && sure(t.actual) && classes.every((l) => sure(l.actual)))
      blocks.push(
        chart(
          c,
          "pie",
          CHARTS.basicClasses,
          classes.map((l) => l.name.trim()),
          [{ name: "决算数", values: classes.map((l) => l.actual!.fen) }],
        ),
      );
  }
  // The 款: notable ones written out with reasons (largest difference first), the rest once with their completion rates.
  const items = leafLines([...f.personnel.items, ...f.public.items].sort((x, z) => (x.code < z.code ? -1 : 1))).filter(
    (l) => l.actual && (!isZero(l.actual, c) || (mainBudget(l) && !isZero(mainBudget(l)!.fig, c))),
  );
  const big = items.filter((l) => significant(l, c));
  big.sort((x, z) => Math.abs(diffOf(z, c)) - Math.abs(diffOf(x, c)));
  big.forEach((l, i) => {
    const label = `${NUMBERING.h3(i + 1)}${l.name.trim()}（${l.code}）。`;
    blocks.push(para(text(label), ...budgetSentence(l, c, ""), ...budgetDifference(l, c, l.name.trim()), text(SAY.period)));
  });
  const rest = items
    .filter((l) => !big.includes(l))
    .map((l) => {
      const b = mainBudget(l);
      return { l, r: b && sure(l.actual) && sure(b.fig) ? rate(l.actual.fen, b.fig.fen, c) : null };
    })
    .filter((x): x is { l: CodedLine; r: R } => x.r !== null);
  if (rest.length > 0 && big.length > 0) {
    const r3: Piece<Run>[] = [...SAY.restItems([count(rest.length * 100)])];
    rest.forEach((x, i) => r3.push(i > 0 ? "、" : "", `${x.l.name.trim()}`, ...x.r));
    r3.push(SAY.period);
    blocks.push(para(...say(r3)));
  }
  return blocks;
}

function diffOf(l: CodedLine, c: Ctx): number {
  const b = mainBudget(l);
  return b && l.actual ? shownDiff(l.actual.fen, b.fig.fen, c.st) : 0;
}

/** 项目支出: its amount (and budget), the 科目 it went to. */
function project(c: Ctx): Block[] {
  const e = c.f.expenditure;
  const g = c.f.general;
  const total = e?.kinds.find((k) => k.key === "project")?.amount ?? g?.total.project ?? null;
  const blocks: Block[] = [];
  if (total) {
    const runs: Piece<Run>[] = [...SAY.projectPerf(money(total, c))];
    const lines = g ? leafLines(g.lines).filter((l) => l.project && !isZero(l.project, c)) : [];
    if (lines.length > 0) {
      runs.push(SAY.comma, SAY.projectUses);
      lines.forEach((l, i) => runs.push(i > 0 ? "、" : "", shortLabel(l, lines), ...money(l.project!, c)));
    }
    runs.push(SAY.period);
    blocks.push(para(...say(runs)));
  }
  if (c.f.texts.projects) blocks.push(...textOr(c, "projects", FILL.projects));
  else if (!total) blocks.push(para(placeholder(FILL.projects)));
  return blocks;
}

function sangong(c: Ctx): Block[] {
  const blocks = sangongBlocks(c, false);
  const s = c.f.sangong;
  if (s && c.year) {
    const items = s.items.filter((i) => (i.key === "abroad" || i.key === "car" || i.key === "reception") && i.actual && sure(i.actual));
    const withPrev = items.filter((i) => sure(i.previous));
    if (withPrev.length === items.length && items.some((i) => !isZero(i.actual, c) || !isZero(i.previous, c))) {
      blocks.push(
        chart(
          c,
          "bar",
          CHARTS.sangong,
          items.map((i) => i.name),
          [
            { name: CHARTS.previousYear(String(Number(c.year) - 1)), values: items.map((i) => i.previous!.fen) },
            { name: CHARTS.thisYear(c.year), values: items.map((i) => i.actual!.fen) },
          ],
        ),
      );
    }
  }
  return blocks;
}

/** 会议费, 培训费, 办公经费: against the budget and last year. */
function generalSpending(c: Ctx): Block[] {
  const g = c.f.generalSpending!;
  const blocks: Block[] = [];
  for (const [name, x] of [
    ["会议费", g.meeting],
    ["培训费", g.training],
    ["办公经费", g.office],
  ] as [string, Compared | null][]) {
    if (!x?.actual) continue;
    const runs: Piece<Run>[] = mainBudget(x) ? [...budgetSentence(x, c, name)] : [`${name}支出决算`, ...money(x.actual, c)];
    const prev = yoy(x.actual, x.previous, c);
    if (prev.length > 0) runs.push(SAY.semicolon, ...prev);
    runs.push(SAY.period);
    blocks.push(para(...say(runs)));
  }
  return blocks;
}

function result(c: Ctx): Block[] {
  const p = c.f.performance;
  if (!p) return [];
  const blocks: Block[] = [];
  const framework = p.framework ?? "绩效评价指标";
  if (p.total && p.grade && p.pending === 0)
    blocks.push(para(...say(SAY.scoreIs(framework, [points(p.total.hundredths)], [text(p.grade)]))));
  else {
    const what = p.groups.length === 0 ? FILL.totalNone : FILL.total;
    blocks.push(para(...say(SAY.scoreIs(framework, [placeholder(what)], [placeholder(FILL.grade)]))));
  }
  if (p.groups.length > 0) {
    blocks.push({
      kind: "table",
      caption: `绩效评分汇总（${framework}）`,
      unit: "分",
      header: ["一级指标", "分值", "得分"],
      numeric: [false, true, true],
      widths: [50, 25, 25],
      rows: p.groups.map((g) => [
        [text(g.name)],
        g.max ? [points(g.max.hundredths)] : [text("—")],
        g.score ? [points(g.score.hundredths)] : [placeholder("待评分")],
      ]),
    });
  }
  return blocks;
}

/** What the figures say belongs under 存在的问题: 科目 spent without a budget, 科目 far from it, 三公 items that rose. */
function problemFacts(c: Ctx): Block[] {
  const lines = [
    ...(c.f.basic ? [...c.f.basic.personnel.items, ...c.f.basic.public.items] : []),
    ...(c.f.general ? leafLines(c.f.general.lines) : []),
  ];
  const noBudget = lines.filter((l) => {
    const b = mainBudget(l);
    return b && sure(b.fig) && isZero(b.fig, c) && l.actual && sure(l.actual) && !isZero(l.actual, c);
  });
  const far = lines.filter(
    (l) => !noBudget.includes(l) && significant(l, c) && sure(l.actual) && mainBudget(l) && sure(mainBudget(l)!.fig),
  );
  const blocks: Block[] = [];
  const names = (ls: CodedLine[]) => [...new Set(ls.map((l) => l.name.trim()))];
  if (noBudget.length > 0) blocks.push(para(text(SAY.noBudgetLines(names(noBudget)))));
  // The largest differences are named first; past eight, the count says the rest ("…等11个科目").
  const gap = (l: CodedLine) => Math.abs((l.actual?.fen ?? 0) - (mainBudget(l)?.fig.fen ?? 0));
  const farNames = names([...far].sort((x, y) => gap(y) - gap(x)));
  if (far.length > 0) blocks.push(para(text(SAY.farLines(farNames.slice(0, 8), farNames.length))));
  const s = c.f.sangong;
  if (s) {
    const up = s.items.filter(
      (i) =>
        (i.key === "abroad" || i.key === "car" || i.key === "reception") &&
        sure(i.actual) &&
        sure(i.previous) &&
        shownDiff(i.actual.fen, i.previous.fen, c.st) > 0,
    );
    if (up.length > 0) blocks.push(para(text(SAY.sangongUp(up.map((i) => i.name)))));
  }
  return blocks;
}

export type { R };
