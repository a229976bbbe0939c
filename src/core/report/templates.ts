import type { CheckResult } from "../score/check-result";
import { hundredthsText, sumFen } from "../base/money";
import type { Fen } from "../base/money";
import type { ReportOptions } from "./options";
import { placeholder, text } from "./model";
import type { Block, ReportModel, Run } from "./model";
import { amount, count, percent, points } from "./number-runs";
import {
  heading,
  mainTable,
  para,
  relatedParagraphs,
  reportContext,
  sangongParagraphs,
  sangongTable,
  scoringTable,
  staffRuns,
  textOrPlaceholder,
  varianceParagraphs,
  varianceTable,
} from "./sections";
import type { ReportContext } from "./sections";

export const TEMPLATES = {
  performance: "部门整体支出绩效评价报告",
  "final-accounts": "部门决算说明（预决算差异、三公经费）",
  "self-evaluation": "绩效自评报告",
} as const;
export type TemplateId = keyof typeof TEMPLATES;

function signature(ctx: ReportContext): Run[][] {
  const date = ctx.a.texts.texts.date;
  return [
    ctx.unitRuns,
    date
      ? [text(date)]
      : ctx.a.meta.year
        ? [text(`${ctx.a.meta.year + 1}年`), placeholder("月"), text("月"), placeholder("日"), text("日")]
        : [placeholder("日期")],
  ];
}

/** (a) 《部门整体支出绩效评价报告》 in the six parts clerks write. */
function performance(ctx: ReportContext): ReportModel {
  const { a } = ctx;
  const b: Block[] = [];
  b.push(
    para(
      text("按照预算绩效管理的有关规定，"),
      ...ctx.unitRuns,
      text("对"),
      ...ctx.yearRuns,
      text("年度部门整体支出开展了绩效自评。现将有关情况报告如下。"),
    ),
  );
  b.push(heading(1, "一、部门概况"));
  b.push(heading(2, "（一）主要职能"), ...textOrPlaceholder(ctx, "duties", "单位主要职能职责"));
  b.push(
    heading(2, "（二）机构设置和人员编制"),
    ...textOrPlaceholder(ctx, "organization", "内设机构和下属单位情况"),
    para(...staffRuns(ctx)),
  );
  b.push(heading(2, "（三）年度重点工作"), ...textOrPlaceholder(ctx, "keyWork", "年度重点工作及完成情况"));

  b.push(heading(1, "二、部门整体支出管理及使用情况"));
  const whole = mainTable(a, "function") ?? mainTable(a);
  b.push(heading(2, "（一）总体情况"));
  if (whole) b.push(...varianceParagraphs(ctx, whole, "部门整体支出").blocks.slice(0, 1));
  else b.push(para(placeholder("部门整体支出预算和决算情况")));
  b.push(heading(2, "（二）基本支出"));
  const basic = mainTable(a, "economic");
  if (basic && basic !== whole) {
    const v = varianceParagraphs(ctx, basic, "基本支出");
    b.push(...structureParagraph(ctx, basic.id), ...v.blocks);
    const t = varianceTable(ctx, basic, v.significant, "基本支出预决算差异较大的科目");
    if (t) b.push(t);
  } else b.push(para(placeholder("基本支出决算及与年初预算的差异")));
  b.push(heading(2, "（三）项目支出"), ...textOrPlaceholder(ctx, "projects", "项目支出决算金额及主要用途"));
  b.push(heading(2, "（四）“三公”经费"), ...sangongParagraphs(ctx));
  const sg = sangongTable(ctx);
  if (sg) b.push(sg);

  b.push(heading(1, "三、绩效评价工作情况"), ...textOrPlaceholder(ctx, "evaluationWork", "绩效评价工作的组织、方法和过程"));

  b.push(heading(1, "四、部门整体支出绩效情况"));
  const r = a.scoring;
  if (r) {
    const scoreRuns: Run[] = [text(`按照${r.framework.name}评分，`)];
    if (r.pending === 0) scoreRuns.push(text("自评得分"), points(r.total), text(`分，评价等级为“${r.grade}”。`));
    else
      scoreRuns.push(
        text("自评得分"),
        placeholder(`总分（尚有${r.pending}项指标待评分）`),
        text("分，评价等级为"),
        placeholder("等级"),
        text("。"),
      );
    b.push(para(...scoreRuns));
    const table = scoringTable(ctx);
    if (table) b.push(table);
  }
  b.push(...textOrPlaceholder(ctx, "achievements", "主要绩效（产出和效果）"));

  b.push(heading(1, "五、存在的主要问题"));
  b.push(...problemFacts(ctx), ...textOrPlaceholder(ctx, "problems", "存在的主要问题"));
  b.push(heading(1, "六、改进措施和有关建议"), ...textOrPlaceholder(ctx, "measures", "改进措施和有关建议"));
  return {
    template: "performance",
    title: `${ctx.unitName}${ctx.yearText}${ctx.yearText ? "年" : ""}部门整体支出绩效评价报告`,
    blocks: b,
    signature: signature(ctx),
  };
}

/** "基本支出X万元，其中工资福利支出A万元，占B%；…" from the 类-level (301/302/303/310) lines. */
function structureParagraph(ctx: ReportContext, tableId: string): Block[] {
  const classes = ctx.a.lines.filter((l) => l.tableId === tableId && l.level === 1 && l.code && l.actual !== null);
  const total = sumFen(classes.map((l) => l.actual));
  if (classes.length < 2 || total === 0) return [];
  const runs: Run[] = [text("基本支出决算"), amount(total, ctx.style), text(`${ctx.style.unit}，其中：`)];
  classes.forEach((l, i) => {
    runs.push(
      text(`${i > 0 ? "；" : ""}${l.name}`),
      amount(l.actual as Fen, ctx.style),
      text(`${ctx.style.unit}，占`),
      percent(l.actual as Fen, total),
      text("%"),
    );
  });
  runs.push(text("。"));
  return [para(...runs)];
}

/** Facts from the checks that belong under 存在的问题 (the clerk adds the why). */
function problemFacts(ctx: ReportContext): Block[] {
  const over = ctx.a.lines.filter((l) => l.isLeaf && l.flags.includes("over-threshold"));
  const noBudget = ctx.a.lines.filter((l) => l.isLeaf && l.flags.includes("no-budget"));
  if (over.length + noBudget.length === 0) return [];
  const runs: Run[] = [text("从预决算对比看，")];
  if (over.length > 0) runs.push(count(over.length * 100), text(`个科目决算数与预算数差异率超过${ctx.s.thresholdPercent}%`));
  if (noBudget.length > 0)
    runs.push(
      text(over.length > 0 ? "，" : ""),
      count(noBudget.length * 100),
      text(`个科目年初未安排预算而有支出（${noBudget.map((l) => l.name).join("、")}）`),
    );
  runs.push(text("，预算编制的准确性有待提高。"));
  return [para(...runs)];
}

/** (b) 决算说明: 一般公共预算财政拨款支出 by line, 三公经费, 一般性支出. */
function finalAccounts(ctx: ReportContext): ReportModel {
  const { a } = ctx;
  const b: Block[] = [];
  b.push(heading(1, "一、一般公共预算财政拨款支出决算情况说明"));
  const tables = a.tables.filter((t) => t.kind === "budget-actual" && a.lines.some((l) => l.tableId === t.id));
  const ordered = [...tables.filter((t) => t.codeScheme === "function"), ...tables.filter((t) => t.codeScheme !== "function")];
  if (ordered.length === 0) b.push(para(placeholder("预算与决算对比情况（工作簿中未找到预决算对比表）")));
  ordered.forEach((t, i) => {
    if (ordered.length > 1) b.push(heading(2, `（${"一二三四五六七八九十"[i] ?? i + 1}）${t.title}`));
    const v = varianceParagraphs(ctx, t, t.codeScheme === "economic" ? "基本支出" : "一般公共预算财政拨款支出");
    b.push(...v.blocks);
    const table = varianceTable(ctx, t, v.significant, "决算数与预算数差异较大的科目");
    if (table) b.push(table);
  });
  b.push(heading(1, "二、财政拨款“三公”经费支出决算情况说明"), ...sangongParagraphs(ctx));
  const sg = sangongTable(ctx);
  if (sg) b.push(sg);
  const related = relatedParagraphs(ctx);
  if (related.length > 0) b.push(heading(1, "三、一般性支出情况说明"), ...related);
  return {
    template: "final-accounts",
    title: `${ctx.unitName}${ctx.yearText}${ctx.yearText ? "年度" : ""}部门决算说明`,
    blocks: b,
    signature: signature(ctx),
  };
}

const CN = "一二三四五六七八九十";

/** (c) 绩效自评报告 shaped like the second seed: groups with 分值/自评分, bonus items, total. */
function selfEvaluation(ctx: ReportContext): ReportModel {
  const { a } = ctx;
  const b: Block[] = [];
  const sheet = a.scoringSheet;
  const r = a.scoring;
  // The workbook's own scoring sheet when there is one (its sums recomputed, never copied), else the framework.
  const groups: { name: string; items: { name: string; max: number | null; score: number | null }[] }[] = [];
  if (sheet) {
    for (const item of sheet.items) {
      const g =
        groups.find((x) => x.name === (item.level1 ?? "")) ??
        (groups.push({ name: item.level1 ?? "", items: [] }), groups[groups.length - 1]);
      g.items.push({ name: item.name, max: item.max, score: item.score });
    }
  } else if (r) {
    for (const i of r.items) {
      const g =
        groups.find((x) => x.name === i.indicator.level1) ??
        (groups.push({ name: i.indicator.level1, items: [] }), groups[groups.length - 1]);
      g.items.push({ name: i.indicator.name, max: i.weight, score: i.score });
    }
  }
  const sum = (xs: (number | null)[]) => (xs.some((x) => x === null) ? null : sumFen(xs));
  const base = sum(groups.flatMap((g) => g.items.map((i) => i.score)));
  const bonusItems = bonusList(ctx);
  const bonus = sumFen(bonusItems.map((x) => x.points));
  const intro: Run[] = [text("对照绩效考核评估指标，"), ...ctx.unitRuns, text("认真开展了"), ...ctx.yearRuns, text("年度自查自评。")];
  if (base !== null) {
    intro.push(text("经自查自评，总分为"), points(base + bonus), text("分，其中基础自评分"), points(base), text("分"));
    if (bonus !== 0) intro.push(text("，加分"), points(bonus), text("分"));
    intro.push(text("。"));
  } else intro.push(text("自评总分为"), placeholder("总分（尚有指标待评分）"), text("分。"));
  b.push(para(...intro), para(text("现将自查自评情况报告如下。")));
  b.push(heading(1, "一、指标完成情况"));
  groups.forEach((g, gi) => {
    const gMax = sum(g.items.map((i) => i.max));
    const gScore = sum(g.items.map((i) => i.score));
    const h: Run[] = [
      text(`（${CN[gi] ?? gi + 1}）${g.name}（分值`),
      gMax === null ? placeholder("分值") : points(gMax),
      text("分，自评分"),
      gScore === null ? placeholder("自评分") : points(gScore),
      text("分）"),
    ];
    b.push({ kind: "heading", level: 2, runs: h });
    g.items.forEach((item, ii) => {
      const runs: Run[] = [
        text(`${ii + 1}．${item.name}。`),
        placeholder(`${item.name}完成情况`),
        text("。该项分值"),
        item.max === null ? placeholder("分值") : points(item.max),
        text("分，自评分"),
        item.score === null ? placeholder("自评分") : points(item.score),
        text("分。"),
      ];
      if (item.max !== null && item.score !== null && item.score > item.max) runs.push(placeholder(`请核对：自评分超过分值`));
      b.push({ kind: "paragraph", runs, indent: true });
    });
  });
  if (bonusItems.length > 0) {
    b.push({
      kind: "heading",
      level: 2,
      runs: [text(`（${CN[groups.length] ?? groups.length + 1}）加分项目（`), points(bonus), text("分）")],
    });
    const runs: Run[] = [text("共"), count(bonusItems.length * 100), text("项工作获得加分，合计"), points(bonus), text("分：")];
    bonusItems.forEach((x, i) => runs.push(text(`${i > 0 ? "；" : ""}${x.name}加`), points(x.points), text("分")));
    runs.push(text("。"));
    b.push(para(...runs));
    if (sheet?.bonusTotal && sheet.bonusTotal !== bonus)
      b.push(para(placeholder(`请核对：评分表写明加分${hundredthsText(sheet.bonusTotal)}分，各加分项合计${hundredthsText(bonus)}分`)));
  }
  b.push(heading(1, "二、工作措施"), ...textOrPlaceholder(ctx, "evaluationWork", "开展自评的组织领导和工作措施"));
  b.push(
    heading(1, "三、存在的问题及努力方向"),
    ...textOrPlaceholder(ctx, "problems", "存在的问题"),
    ...textOrPlaceholder(ctx, "measures", "努力方向"),
  );
  return {
    template: "self-evaluation",
    title: `${ctx.unitName}${ctx.yearText}${ctx.yearText ? "年度" : ""}绩效自评报告`,
    blocks: b,
    signature: signature(ctx),
  };
}

/** Bonus items: from the workbook's 加分项 list (a repeated item counted once), else from settings. */
function bonusList(ctx: ReportContext): { name: string; points: number }[] {
  const t = ctx.a.tables.find((x) => x.kind === "bonus");
  if (t) {
    const seen = new Set<string>();
    return t.rows
      .filter((row) => !row.isTotal && row.amounts.score?.value)
      .filter((row) => {
        const key = row.name.replace(/\s/g, "");
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      })
      .map((row) => ({ name: row.name, points: row.amounts.score!.value as number }));
  }
  return ctx.a.scoring?.bonus ?? [];
}

export function buildReport(template: TemplateId, a: CheckResult, s: ReportOptions): ReportModel {
  const ctx = reportContext(a, s);
  if (template === "final-accounts") return finalAccounts(ctx);
  if (template === "self-evaluation") return selfEvaluation(ctx);
  return performance(ctx);
}
