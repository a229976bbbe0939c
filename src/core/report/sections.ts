import type { CheckResult } from "../score/check-result";
import { hundredths, minOf, rateBp, sumFen } from "../base/money";
import type { Fen } from "../base/money";
import type { SangongItem } from "../analyse/sangong";
import type { ReportOptions } from "./options";
import type { Table } from "../recognise/table";
import type { VarianceLine } from "../analyse/variance";
import type { TextKey } from "../recognise/workbook-texts";
import { placeholder, text } from "./model";
import type { Block, Run } from "./model";
import { amount, count, magnitude, percent, points } from "./number-runs";
import type { NumberStyle } from "./number-runs";
import { budgetAndActual, budgetComparison, reasonRuns, shareOf, yearOnYear } from "./sentences";

/** Everything a template needs, computed once. */
export interface ReportContext {
  a: CheckResult;
  s: ReportOptions;
  style: NumberStyle;
  unitName: string;
  yearText: string;
  unitRuns: Run[];
  yearRuns: Run[];
}

export function reportContext(a: CheckResult, s: ReportOptions): ReportContext {
  const unitName = a.meta.unitName ?? "";
  return {
    a,
    s,
    style: { unit: s.displayUnit, decimals: s.decimals },
    unitName,
    yearText: a.meta.year ? String(a.meta.year) : "",
    unitRuns: unitName ? [text(unitName)] : [placeholder("单位名称")],
    yearRuns: a.meta.year ? [text(String(a.meta.year))] : [placeholder("年度")],
  };
}

export const heading = (level: 1 | 2 | 3, t: string): Block => ({ kind: "heading", level, runs: [text(t)] });
export const para = (...runs: Run[]): Block => ({ kind: "paragraph", runs, indent: true });

/** The clerk's text for a part, paragraph by paragraph, or one placeholder saying what to write. */
export function textOrPlaceholder(ctx: ReportContext, key: TextKey, what: string): Block[] {
  const t = ctx.a.texts.texts[key];
  if (!t) return [para(placeholder(what))];
  return t
    .split(/\n+/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => para(text(p)));
}

const lineLabel = (l: VarianceLine) => (l.code ? `${l.name}（${l.code}）` : l.name);
export const budgetWord = (l: { budgetRole: string | null }) =>
  l.budgetRole === "budgetInitial" ? "年初预算" : l.budgetRole === "budgetFinal" ? "全年预算" : "预算";

/** The table a section describes: the 经济分类 one for 基本支出, the largest otherwise. */
export function mainTable(a: CheckResult, prefer: "economic" | "function" | null = null): Table | null {
  const candidates = a.tables.filter((t) => t.kind === "budget-actual" && a.lines.some((l) => l.tableId === t.id));
  const byPreference = prefer ? candidates.find((t) => t.codeScheme === prefer) : undefined;
  if (byPreference) return byPreference;
  const size = (t: Table) => a.totals.find((x) => x.tableId === t.id)?.actual ?? 0;
  return candidates.sort((x, y) => size(y) - size(x))[0] ?? null;
}

/**
 * 预决算 by line: the overall sentence, then full sentences for the lines over the threshold (or without a
 * budget), largest difference first, each with its reason from the workbook or a placeholder; the rest in
 * one summary sentence. Returns the lines it wrote about, for the table.
 */
export function varianceParagraphs(ctx: ReportContext, table: Table, subject: string): { blocks: Block[]; significant: VarianceLine[] } {
  const { a, style: st } = ctx;
  const lines = a.lines.filter((l) => l.tableId === table.id);
  const totals = a.totals.find((t) => t.tableId === table.id);
  const blocks: Block[] = [];
  const first = lines.find((l) => l.budgetRole);
  if (totals && totals.budget !== null && totals.actual !== null && first) {
    const word = budgetWord(first);
    const overall = budgetAndActual(subject, word, totals.budget, totals.actual, st);
    const diff = totals.actual - totals.budget;
    const previous = table.roles.previous ? sumTop(lines, (l) => l.previous) : null;
    const yoy: Run[] = previous !== null ? [...yearOnYear(totals.actual - previous, previous, st), text("。")] : [];
    const compare: Run[] =
      diff === 0
        ? [text("决算数与预算数持平。")]
        : [text(`决算数${diff > 0 ? "大于" : "小于"}预算数`), magnitude(diff, st), text(`${st.unit}。`)];
    blocks.push(para(...overall, ...compare, ...yoy));
  }
  const leaves = lines.filter((l) => l.isLeaf && !l.isTotal && l.budget !== null && l.actual !== null);
  const significant = leaves
    .filter((l) => l.flags.includes("over-threshold") || l.flags.includes("no-budget"))
    .sort((x, y) => Math.abs(y.diff as Fen) - Math.abs(x.diff as Fen));
  significant.forEach((l, i) => {
    const runs: Run[] = [text(`${i + 1}．${lineLabel(l)}。`), ...budgetAndActual("", budgetWord(l), l.budget as Fen, l.actual as Fen, st)];
    runs.push(...budgetComparison(l.diff as Fen, l.reason, l.name));
    blocks.push(para(...runs));
  });
  const rest = leaves.length - significant.length;
  if (rest > 0) {
    blocks.push(
      para(
        text(significant.length > 0 ? "其余" : ""),
        count(rest * 100),
        text(`个科目决算数与预算数的差异率均在±${ctx.s.thresholdPercent}%以内（未达到${ctx.s.thresholdPercent}%的提示线）。`),
      ),
    );
  }
  return { blocks, significant };
}

function sumTop(lines: VarianceLine[], pick: (l: VarianceLine) => Fen | null): Fen | null {
  const total = lines.find((l) => l.isTotal && pick(l) !== null);
  if (total) return pick(total);
  const top = minOf(lines.map((l) => l.level));
  const tops = lines.filter((l) => l.level === top);
  return tops.some((l) => pick(l) === null) ? null : sumFen(tops.map(pick));
}

/** The main variance lines as a table: 科目 | 预算 | 决算 | 差异额 | 差异率 | 原因. */
export function varianceTable(ctx: ReportContext, table: Table, lines: VarianceLine[], caption: string): Block | null {
  if (lines.length === 0) return null;
  const st = ctx.style;
  return {
    kind: "table",
    caption,
    unit: st.unit,
    header: ["科目", "预算数", "决算数", "差异额", "差异率", "原因说明"],
    numeric: [false, true, true, true, true, false],
    widths: [22, 13, 13, 13, 12, 27],
    rows: lines.map((l) => [
      [text(lineLabel(l))],
      [amount(l.budget as Fen, st)],
      [amount(l.actual as Fen, st)],
      [amount(l.diff as Fen, st)],
      l.budget === 0 ? [text("—")] : [percent(l.diff as Fen, l.budget as Fen), text("%")],
      l.reason ? [text(l.reason)] : [placeholder("原因")],
    ]),
  };
}

const sangongName = (i: SangongItem) =>
  i.item
    .replace(/^([(（]?[一二三四五六七八九十\d]+[)）]?[、.．]?)/, "")
    .replace(/^其中[:：]?/, "")
    .trim();

/** 三公经费 in the national template's words: total against budget and last year, items with shares, reasons. */
export function sangongParagraphs(ctx: ReportContext): Block[] {
  const sg = ctx.a.sangong;
  if (!sg) return [para(placeholder("“三公”经费支出情况（工作簿中未找到三公经费表）"))];
  const st = ctx.style;
  const g = sg.total;
  const blocks: Block[] = [];
  if (g.actual !== null) {
    const runs: Run[] = [...ctx.yearRuns, text("年度")];
    if (g.budget !== null) runs.push(...budgetAndActual("“三公”经费支出", "预算", g.budget, g.actual, st).slice(0, -1));
    else runs.push(text("“三公”经费支出决算为"), amount(g.actual, st), text(st.unit));
    if (g.previous !== null) runs.push(text("；"), ...yearOnYear(g.actual - g.previous, g.previous, st));
    runs.push(text("。"));
    if (g.budget !== null && g.budgetDiff !== null) runs.push(...budgetComparison(g.budgetDiff, null, "“三公”经费"));
    if (g.yoyDiff !== null && g.yoyDiff !== 0) {
      const reason = ctx.a.texts.texts.sangongReason ?? sangongTableReason(ctx);
      runs.push(
        text(`较上年${g.yoyDiff > 0 ? "增加" : "减少"}的主要原因是`),
        ...reasonRuns(reason, "“三公”经费较上年变动的原因"),
        text("。"),
      );
    }
    blocks.push(para(...runs));
  }
  const main = sg.items.filter((i) => i.key === "abroad" || i.key === "car" || i.key === "reception");
  if (g.actual !== null && main.length > 0) {
    const runs: Run[] = [text("其中：")];
    main.forEach((i, k) => {
      if (k > 0) runs.push(text("；"));
      runs.push(
        text(`${sangongName(i)}支出决算`),
        amount(i.actual ?? 0, st),
        text(st.unit),
        ...shareOf(i.actual ?? 0, g.actual as Fen, "“三公”经费"),
      );
      if (i.key === "car") {
        const buy = sg.items.find((x) => x.key === "carPurchase");
        const run = sg.items.find((x) => x.key === "carRun");
        if (buy?.actual != null && run?.actual != null)
          runs.push(
            text("（其中购置费"),
            amount(buy.actual, st),
            text(`${st.unit}，运行维护费`),
            amount(run.actual, st),
            text(`${st.unit}）`),
          );
      }
    });
    runs.push(text("。"));
    blocks.push(para(...runs));
  }
  for (const i of main) {
    if (i.actual === null) continue;
    const runs: Run[] = [];
    if (i.budget !== null) runs.push(...budgetAndActual(sangongName(i), "预算", i.budget, i.actual, st).slice(0, -1));
    else runs.push(text(`${sangongName(i)}支出决算为`), amount(i.actual, st), text(st.unit));
    if (i.previous !== null) runs.push(text("；"), ...yearOnYear(i.actual - i.previous, i.previous, st));
    runs.push(text("。"));
    const reason = i.sources.actual ? rowReason(ctx, i) : null;
    if (i.yoyDiff !== null && i.yoyDiff !== 0)
      runs.push(text(`${i.yoyDiff > 0 ? "增加" : "减少"}的主要原因是`), ...reasonRuns(reason, `${sangongName(i)}变动的原因`), text("。"));
    blocks.push(para(...runs));
  }
  return blocks;
}

function rowReason(ctx: ReportContext, item: SangongItem): string | null {
  const table = ctx.a.tables.find((t) => t.id === ctx.a.sangong?.tableId);
  return table?.rows.find((r) => r.cell === item.cell)?.reason ?? null;
}

function sangongTableReason(ctx: ReportContext): string | null {
  return ctx.a.sangong ? rowReason(ctx, ctx.a.sangong.total) : null;
}

/** 三公 comparison table: 项目 | 上年决算 | 本年预算 | 本年决算 | 较上年增减 | 增减率 | 完成预算. */
export function sangongTable(ctx: ReportContext): Block | null {
  const sg = ctx.a.sangong;
  if (!sg) return null;
  const st = ctx.style;
  const cell = (d: Fen | null): Run[] => (d === null ? [text("—")] : [amount(d, st)]);
  const pct = (n: Fen | null, b: Fen | null): Run[] => (n === null || b === null || b === 0 ? [text("—")] : [percent(n, b), text("%")]);
  const items = [sg.total, ...sg.items, ...sg.related];
  return {
    kind: "table",
    caption: "“三公”经费及相关支出对比表",
    unit: st.unit,
    header: ["项目", "上年决算", "本年预算", "本年决算", "较上年增减", "增减率", "完成预算"],
    numeric: [false, true, true, true, true, true, true],
    widths: [28, 12, 12, 12, 12, 12, 12],
    rows: items.map((i) => [
      [text(i.key === "total" ? "“三公”经费合计" : sg.related.includes(i) ? `${sangongName(i)}（不计入三公）` : sangongName(i))],
      cell(i.previous),
      cell(i.budget),
      cell(i.actual),
      cell(i.yoyDiff),
      pct(i.yoyDiff, i.previous),
      pct(i.actual, i.budget),
    ]),
  };
}

/** Related items (会议费, 培训费 …), reported beside 三公, never in it. */
export function relatedParagraphs(ctx: ReportContext): Block[] {
  const sg = ctx.a.sangong;
  if (!sg || sg.related.length === 0) return [];
  const st = ctx.style;
  return sg.related
    .filter((i) => i.actual !== null)
    .map((i) => {
      const runs: Run[] = [text(`${sangongName(i)}支出决算`), amount(i.actual as Fen, st), text(st.unit)];
      if (i.previous !== null) runs.push(text("，"), ...yearOnYear((i.actual as Fen) - i.previous, i.previous, st));
      if (i.budget !== null && i.budget !== 0) runs.push(text("，完成预算的"), percent(i.actual as Fen, i.budget), text("%"));
      runs.push(text("。"));
      return para(...runs);
    });
}

/** The scoring table: 一级指标 | 分值 | 得分, then the total and grade. */
export function scoringTable(ctx: ReportContext): Block | null {
  const r = ctx.a.scoring;
  if (!r) return null;
  return {
    kind: "table",
    caption: `绩效评分汇总（${r.framework.name}）`,
    unit: "分",
    header: ["一级指标", "分值", "得分"],
    numeric: [false, true, true],
    widths: [50, 25, 25],
    rows: [
      ...r.groups.map((g) => [[text(g.level1)], [points(g.weight)], g.score === null ? [placeholder("待评分")] : [points(g.score)]]),
      [[text("合计")], [points(hundredths(r.framework.fullScore))], r.pending > 0 ? [placeholder("待评分")] : [points(r.baseTotal)]],
    ],
  };
}

/** Staff: "编制数X人，实有在职人员Y人". */
export function staffRuns(ctx: ReportContext): Run[] {
  const item = ctx.a.scoring?.items.find((i) => i.indicator.measure === "staffControlRate");
  const quota = item?.inputs.find((x) => x.label === "编制数");
  const duty = item?.inputs.find((x) => x.label === "实有在职人数");
  if (!quota || !duty) return [placeholder("编制数和实有在职人数")];
  const runs: Run[] = [text("编制数"), count(quota.value), text("人，实有在职人员"), count(duty.value), text("人")];
  const rate = rateBp(duty.value, quota.value);
  if (rate !== null && duty.value > quota.value) runs.push(text("，超出编制"), count(duty.value - quota.value), text("人"));
  runs.push(text("。"));
  return runs;
}
