import type { CodedLine, Compared, Figure, ReportFacts } from "../analyse/report-facts";
import { formatFen, hundredthsText, rateBp, scaledText } from "../base/money";
import { DOUBT_TEXT, FILL } from "../catalogue/report";
import { leafLines, lineLabel } from "./final-accounts";
import type { ReportModel } from "./model";
import { plainText } from "./model";
import { shown } from "./number-runs";
import type { NumberStyle } from "./number-runs";
import { mainBudget } from "./write";

/**
 * The fields a unit's own Word template is filled with ({收入总计}, {三公合计}, loops {#类}{名称}{决算}{/类} …): the same
 * facts as the drafts, amounts in the clerk's unit as printed (no unit word: the template has it), rates from the printed
 * figures ("104.15", "—" on a zero base). A figure a check objected to carries its 【请核对：…】; a fact the workbook does
 * not hold is a 【请填写：…】. The draft's own paragraphs are fields too ({段落_收入决算情况说明} …), so a template can take
 * the written sentences of any section.
 */
export type TemplateValue = string | TemplateRow[];
export type TemplateRow = Record<string, string>;
export type TemplateFields = Record<string, TemplateValue>;

export function templateFields(f: ReportFacts, st: NumberStyle, draft: ReportModel | null = null): TemplateFields {
  const amt = (x: Figure | null | undefined, what = "金额"): string => {
    if (!x) return `【请填写：${what}】`;
    const v = formatFen(shown(x.fen, st), st.unit, st.decimals);
    return x.doubt ? `${v}【请核对：${x.doubt.cell}${x.doubt.text || DOUBT_TEXT.default}】` : v;
  };
  const pct = (n: Figure | null | undefined, b: Figure | null | undefined): string => {
    if (!n || !b || n.doubt || b.doubt) return "—";
    const r = rateBp(shown(n.fen, st), shown(b.fen, st));
    return r === null ? "—" : scaledText(r, 2);
  };
  const cnt = (x: { hundredths: number } | null | undefined, what: string) => (x ? hundredthsText(x.hundredths) : `【请填写：${what}】`);
  const out: TemplateFields = {
    单位名称: f.unit.name ?? `【请填写：${FILL.unitName}】`,
    年度: f.unit.year ? String(f.unit.year) : `【请填写：${FILL.year}】`,
    上年度: f.unit.year ? String(f.unit.year - 1) : `【请填写：${FILL.year}】`,
    金额单位: st.unit,
    报告日期: f.texts.date?.text ?? `【请填写：${FILL.date}】`,
    部门职责: f.texts.duties?.text ?? `【请填写：${FILL.duties}】`,
    机构设置: f.texts.organization?.text ?? `【请填写：${FILL.organization}】`,
    编制数: cnt(f.staff?.quota, "编制数"),
    实有人数: cnt(f.staff?.actual, "实有人数"),
  };
  const t = f.totals;
  Object.assign(out, {
    收入总计: amt(t?.incomeTotal, "收入总计"),
    支出总计: amt(t?.expenditureTotal, "支出总计"),
    本年收入合计: amt(t?.incomeThisYear ?? f.income?.total, "本年收入合计"),
    本年支出合计: amt(t?.expenditureThisYear ?? f.expenditure?.total, "本年支出合计"),
    年初结转和结余: amt(t?.carryIn, "年初结转和结余"),
    年末结转和结余: amt(t?.carryOut, "年末结转和结余"),
    上年收入总计: amt(t?.previousIncomeTotal, "上年收入总计"),
    上年支出总计: amt(t?.previousExpenditureTotal, "上年支出总计"),
  });
  const incomeTotal = f.income?.total ?? null;
  out.收入来源 = (f.income?.sources ?? [])
    .filter((s) => s.amount && s.amount.fen !== 0)
    .map((s) => ({ 名称: s.name, 金额: amt(s.amount), 占比: pct(s.amount, incomeTotal) }));
  for (const s of f.income?.sources ?? []) out[s.name] = amt(s.amount);
  const spend = f.expenditure?.total ?? null;
  out.支出类别 = (f.expenditure?.kinds ?? [])
    .filter((k) => k.amount && k.amount.fen !== 0)
    .map((k) => ({ 名称: k.name, 金额: amt(k.amount), 占比: pct(k.amount, spend) }));
  for (const k of f.expenditure?.kinds ?? []) out[k.name] = amt(k.amount);
  if (!out.基本支出) out.基本支出 = amt(f.basic?.total.actual ?? f.general?.total.basic, "基本支出");
  if (!out.项目支出) out.项目支出 = amt(f.general?.total.project, "项目支出");
  out.财政拨款收入总计 = amt(f.fiscal?.incomeTotal, "财政拨款收入总计");
  out.财政拨款支出总计 = amt(f.fiscal?.expenditureTotal, "财政拨款支出总计");
  const g = f.general;
  const gb = g ? mainBudget(g.total) : null;
  out.一般公共预算财政拨款支出 = amt(g?.total.actual, "一般公共预算财政拨款支出");
  out.年初预算 = amt(g?.total.budgetInitial ?? null, "一般公共预算财政拨款支出年初预算");
  out.全年预算 = amt(g?.total.budgetFinal ?? null, "全年预算");
  out.完成年初预算 = g?.total.budgetInitial ? pct(g.total.actual, g.total.budgetInitial) : "—";
  out.完成全年预算 = g?.total.budgetFinal ? pct(g.total.actual, g.total.budgetFinal) : "—";
  out.预算口径 = gb?.word ?? "年初预算";
  out.类 = (g?.lines ?? [])
    .filter((l) => l.level === 1)
    .map((l) => ({ 编码: l.code, 名称: l.name.trim(), 决算: amt(l.actual), 占比: pct(l.actual ?? null, g!.total.actual ?? null) }));
  out.项 = g ? leafLines(g.lines).map((l) => lineRow(l, g.lines)) : [];
  const b = f.basic;
  out.人员经费 = amt(b?.personnel.total, "人员经费");
  out.公用经费 = amt(b?.public.total, "公用经费");
  out.人员经费科目 = (b?.personnel.items ?? [])
    .filter((l) => l.actual && l.actual.fen !== 0)
    .map((l) => ({ 编码: l.code, 名称: l.name.trim(), 决算: amt(l.actual) }));
  out.公用经费科目 = (b?.public.items ?? [])
    .filter((l) => l.actual && l.actual.fen !== 0)
    .map((l) => ({ 编码: l.code, 名称: l.name.trim(), 决算: amt(l.actual) }));
  const s = f.sangong;
  const sb = s ? mainBudget(s.total) : null;
  out.三公合计 = amt(s?.total.actual, "“三公”经费支出决算");
  out.三公预算 = amt(sb?.fig, "“三公”经费预算");
  out.三公上年 = amt(s?.total.previous, "“三公”经费上年决算");
  out.三公完成率 = pct(s?.total.actual, sb?.fig);
  const item = (key: string) => s?.items.find((i) => i.key === key);
  out.因公出国费 = amt(item("abroad")?.actual, "因公出国（境）费");
  out.公务用车购置及运行费 = amt(item("car")?.actual, "公务用车购置及运行维护费");
  out.公务用车购置费 = amt(item("carPurchase")?.actual, "公务用车购置费");
  out.公务用车运行费 = amt(item("carRun")?.actual, "公务用车运行维护费");
  out.公务接待费 = amt(item("reception")?.actual, "公务接待费");
  out.三公明细 = (s?.items ?? [])
    .filter((i) => i.key === "abroad" || i.key === "car" || i.key === "reception")
    .map((i) => ({
      名称: i.name,
      预算: amt(mainBudget(i)?.fig ?? null, "预算"),
      决算: amt(i.actual),
      上年: amt(i.previous, "上年决算"),
      占比: pct(i.actual, s!.total.actual),
    }));
  out.公务用车保有量 = cnt(s?.stats.carsHeld, "公务用车保有量");
  out.公务接待批次 = cnt(s?.stats.receptionBatches, "公务接待批次");
  out.公务接待人次 = cnt(s?.stats.receptionPeople, "公务接待人次");
  const gs = f.generalSpending;
  out.会议费 = amt(gs?.meeting?.actual, "会议费");
  out.培训费 = amt(gs?.training?.actual, "培训费");
  out.机关运行经费 = amt(f.operating?.actual, "机关运行经费");
  const p = f.performance;
  out.得分 = p?.total && p.pending === 0 ? hundredthsText(p.total.hundredths) : `【请填写：${FILL.total}】`;
  out.等级 = p?.grade && p.pending === 0 ? p.grade : `【请填写：${FILL.grade}】`;
  out.政府性基金 = f.govFund ? (f.govFund.empty ? "无" : amt(f.govFund.expenditure)) : `【请填写：${FILL.govFund}】`;
  out.国有资本经营 = f.capital ? (f.capital.empty ? "无" : amt(f.capital.expenditure)) : `【请填写：${FILL.capital}】`;
  if (draft) Object.assign(out, sectionTexts(draft));
  return out;

  function lineRow(l: CodedLine, lines: CodedLine[]): TemplateRow {
    const b0 = mainBudget(l as Compared);
    return {
      编码: l.code,
      名称: l.name.trim(),
      科目: lineLabel(lines, l),
      年初预算: amt(l.budgetInitial ?? null, "年初预算"),
      预算: amt(b0?.fig ?? null, "预算"),
      决算: amt(l.actual),
      完成率: b0 ? pct(l.actual, b0.fig) : "—",
      原因: l.reason?.text ?? "",
    };
  }
}

/** The draft's paragraphs under each 一、 heading, as {段落_收入决算情况说明} …: one paragraph per line. */
export function sectionTexts(m: ReportModel): TemplateFields {
  const out: TemplateFields = {};
  let key: string | null = null;
  let lines: string[] = [];
  const flush = () => {
    if (key) out[`段落_${key}`] = lines.join("\n");
  };
  for (const b of m.blocks) {
    if (b.kind === "heading" && b.level <= 1) {
      flush();
      key = b.level === 1 ? plainText(b.runs).replace(/^[一二三四五六七八九十]+、/, "") : null;
      lines = [];
    } else if (key && b.kind === "paragraph") lines.push(plainText(b.runs));
    else if (key && b.kind === "heading") lines.push(plainText(b.runs));
  }
  flush();
  return out;
}
