import type { CodedLine, Compared, Count, Figure, FundFacts } from "../analyse/report-facts";
import { CHARTS, FILL, GLOSSARY, HEADINGS, listNames, NUMBERING, SAY, yearOf } from "../catalogue/report";
import type { Piece } from "../catalogue/report";
import { placeholder, text } from "./model";
import type { Block, ChartBlock, Run } from "./model";
import { amount, count, points, shown } from "./number-runs";
import {
  budgetComparison,
  budgetSentence,
  cnt,
  direction,
  doubtRuns,
  heading,
  isZero,
  mainBudget,
  money,
  para,
  rate,
  reasonOr,
  say,
  shareRuns,
  significant,
  sure,
  yoy,
} from "./write";
import type { Ctx, R } from "./write";

/**
 * 决算说明 in the national shape (the 部门决算公开 说明 that accompanies 公开01–09; 财预〔2016〕143号 and the provincial
 * templates): 部门概况; the 决算表 list; 一 收入支出决算总体 … 十四 预算绩效; 名词解释. Every figure from its cell; every
 * reason from the workbook or a placeholder for a whole fact; a figure a check objected to is marked, never smoothed over.
 */
export function finalAccountsBlocks(c: Ctx): Block[] {
  const b: Block[] = [];
  const year = c.year ?? "本";
  b.push(heading(0, NUMBERING.partTitle(1, HEADINGS.profile)));
  b.push(...profile(c));
  b.push(heading(0, NUMBERING.partTitle(2, HEADINGS.tables(year))));
  b.push(para(...tablesList(c)));
  b.push(heading(0, NUMBERING.partTitle(3, HEADINGS.explanation(year))));
  const sections: [string, () => Block[]][] = [
    [HEADINGS.totals, () => totals(c)],
    [HEADINGS.income, () => income(c)],
    [HEADINGS.expenditure, () => expenditure(c)],
    [HEADINGS.fiscal, () => fiscal(c)],
    [HEADINGS.general, () => general(c)],
    [HEADINGS.basic, () => basic(c)],
    [HEADINGS.sangong, () => sangong(c)],
    [HEADINGS.govFund, () => fund(c, c.f.govFund, "政府性基金预算财政拨款", "政府性基金预算财政拨款收入支出决算表", FILL.govFund)],
    [HEADINGS.capital, () => fund(c, c.f.capital, "国有资本经营预算财政拨款", "国有资本经营预算财政拨款支出决算表", FILL.capital)],
    [HEADINGS.operating, () => operating(c)],
    [HEADINGS.generalSpending, () => generalSpending(c)],
    [HEADINGS.procurement, () => procurement(c)],
    [HEADINGS.assets, () => assets(c)],
    [HEADINGS.performance, () => performance(c)],
  ];
  sections.forEach(([title, write], i) => {
    b.push(heading(1, `${NUMBERING.h1(i + 1)}${title}`));
    b.push(...write());
  });
  b.push(heading(0, NUMBERING.partTitle(4, HEADINGS.glossary)));
  b.push(...glossary(c, b));
  return b;
}

const y = (c: Ctx) => c.year;

// ——— 第一部分 ———

function profile(c: Ctx): Block[] {
  const b: Block[] = [];
  const parts: [string, Block[]][] = [
    [HEADINGS.duties, textOr(c, "duties", FILL.duties)],
    [HEADINGS.organization, textOr(c, "organization", FILL.organization)],
    [HEADINGS.composition, textOr(c, "composition", FILL.composition)],
    [HEADINGS.staff, [para(...staffRuns(c))]],
  ];
  parts.forEach(([title, blocks], i) => b.push(heading(1, `${NUMBERING.h1(i + 1)}${title}`), ...blocks));
  return b;
}

/** The clerk's text for a part, paragraph by paragraph, or one placeholder saying what to write. */
export function textOr(c: Ctx, key: keyof Ctx["f"]["texts"], what: string): Block[] {
  const t = c.f.texts[key];
  if (!t) return [para(placeholder(what))];
  return t.text
    .split(/\n+/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => para(text(p)));
}

/** "本部门编制54人（其中行政编制29人、事业编制25人），年末实有在职人员56人（…）。" */
export function staffRuns(c: Ctx): R {
  const s = c.f.staff;
  if (!s || (!s.quota && !s.actual)) return [placeholder(FILL.staff)];
  const parts = (ps: { name: string; count: { hundredths: number } & Parameters<typeof cnt>[0] }[]) =>
    SAY.parts(ps.map((p) => ({ name: p.name.replace(/(人数|人员)$/, ""), count: cnt(p.count), unit: "人" })));
  const runs = say(
    SAY.staff(
      s.quota ? cnt(s.quota) : null,
      s.quota ? parts(s.quotaParts) : [],
      s.actual ? cnt(s.actual) : null,
      s.actual ? parts(s.actualParts.map((p) => ({ ...p, name: p.name.replace(/人员$/, "") }))) : [],
      s.retired ? cnt(s.retired) : null,
    ),
  );
  if (s.quota && s.actual && !s.quota.doubt && !s.actual.doubt && s.actual.hundredths > s.quota.hundredths)
    runs.push(...say(SAY.overStaffed([count(s.actual.hundredths - s.quota.hundredths)])));
  return runs;
}

// ——— 第二部分 ———

function tablesList(c: Ctx): R {
  if (c.f.forms.length === 0) return [placeholder(FILL.tables)];
  return [text(SAY.tablesAttached(c.f.forms))];
}

// ——— 一、收入支出决算总体 ———

function totals(c: Ctx): Block[] {
  const t = c.f.totals;
  if (!t) return [para(placeholder(FILL.totals))];
  if (!t.incomeTotal && !t.expenditureTotal) {
    // The form without its 总计 lines (a copy that stops at 本年收入合计/本年支出合计): what it has, and what it lacks.
    const inc = t.incomeThisYear;
    const exp = t.expenditureThisYear;
    if (!inc && !exp) return [para(placeholder(FILL.totalsGrand))];
    const said = SAY.totalsThisYear(
      y(c),
      inc ? money(inc, c) : [placeholder("本年收入合计")],
      exp ? money(exp, c) : [placeholder("本年支出合计")],
    );
    return [para(...say([...said, SAY.semicolon, placeholder(FILL.totalsGrand), SAY.period]))];
  }
  const blocks: Block[] = [];
  const inc = t.incomeTotal;
  const exp = t.expenditureTotal;
  const runs: Piece<Run>[] = [];
  const equal = inc && exp && sure(inc) && sure(exp) && shown(inc.fen, c.st) === shown(exp.fen, c.st);
  if (equal) runs.push(...SAY.totalsBoth(y(c), money(inc, c)));
  else runs.push(...SAY.totalsEach(y(c), inc ? money(inc, c) : [placeholder("收入总计")], exp ? money(exp, c) : [placeholder("支出总计")]));
  const incomeParts = listParts(c, [
    ["本年收入合计", t.incomeThisYear],
    ["使用非财政拨款结余", t.nonFiscalBalanceUsed],
    ["年初结转和结余", t.carryIn],
  ]);
  const spendingParts = listParts(c, [
    ["本年支出合计", t.expenditureThisYear],
    ["结余分配", t.surplusDistribution],
    ["年末结转和结余", t.carryOut],
  ]);
  if (incomeParts.length > 0) runs.push(...SAY.totalsIncomeParts(incomeParts));
  if (spendingParts.length > 0) runs.push(...SAY.totalsSpendingParts(spendingParts));
  runs.push(SAY.period);
  blocks.push(para(...say(runs)));
  blocks.push(
    ...changeParagraph(
      c,
      inc,
      t.previousIncomeTotal,
      exp,
      t.previousExpenditureTotal,
      SAY.totalsChange,
      t.reason,
      FILL.totalsVsPrevious,
      FILL.reasonTotals,
    ),
  );
  const prevInc = t.previousIncomeTotal;
  const prevExp = t.previousExpenditureTotal;
  if (inc && exp && prevInc && prevExp && [inc, exp, prevInc, prevExp].every(sure) && c.year) {
    blocks.push(
      chart(
        c,
        "bar",
        CHARTS.totals,
        ["收入总计", "支出总计"],
        [
          { name: CHARTS.previousYear(String(Number(c.year) - 1)), values: [prevInc.fen, prevExp.fen] },
          { name: CHARTS.thisYear(c.year), values: [inc.fen, exp.fen] },
        ],
      ),
    );
  }
  return blocks;
}

/** "本年收入合计X万元、年初结转和结余Y万元" — the non-zero parts, in order. */
function listParts(c: Ctx, parts: [string, Figure | null][]): Piece<Run>[] {
  const present = parts.filter(([, f]) => f && (!isZero(f, c) || f.doubt));
  return present.flatMap(([name, f], i) => [i > 0 ? "、" : "", name, ...money(f!, c)]);
}

/**
 * "与2022年度相比，收、支总计各增加A万元，增长B%。主要原因是……" — from last year's figures; or one placeholder for the
 * whole comparison when the workbook has no last year.
 */
function changeParagraph(
  c: Ctx,
  inc: Figure | null,
  prevInc: Figure | null | undefined,
  exp: Figure | null,
  prevExp: Figure | null | undefined,
  subject: string,
  reason: Compared["reason"],
  fillWhole: string,
  fillReason: string,
): Block[] {
  if (!prevInc && !prevExp) return [para(placeholder(fillWhole))];
  const lastYear = c.year ? String(Number(c.year) - 1) : "上";
  const runs: Piece<Run>[] = [SAY.vsYear(c.year ? lastYear : null)];
  const sameTotals =
    inc &&
    exp &&
    prevInc &&
    prevExp &&
    sure(inc) &&
    sure(exp) &&
    shown(inc.fen, c.st) === shown(exp.fen, c.st) &&
    shown(prevInc.fen, c.st) === shown(prevExp.fen, c.st);
  if (sameTotals) runs.push(subject, ...yoy(inc, prevInc, c, "").slice());
  else {
    runs.push("收入总计", ...yoy(inc, prevInc, c, ""), "，支出总计", ...yoy(exp, prevExp, c, ""));
  }
  runs.push(SAY.period);
  const d = direction(inc, prevInc, c);
  if (d) runs.push(SAY.reasonMain, ...reasonOr(reason, fillReason), SAY.period);
  return [para(...fixYoy(say(runs)))];
}

/** yoy(…, "") writes "较增加" / "与持平": fold those into the subject's own words ("增加", "持平"). */
function fixYoy(runs: R): R {
  return runs.map((r) => (r.kind === "text" ? { ...r, text: r.text.replace(/较(增加|减少|新增)/g, "$1").replace(/与持平/g, "持平") } : r));
}

// ——— 二、收入 ———

function income(c: Ctx): Block[] {
  const f = c.f.income;
  if (!f || !f.total) return [para(placeholder(FILL.income))];
  const total = f.total;
  const main = f.sources.filter((s) => s.key !== "general" && s.key !== "fund" && s.key !== "capital");
  const split = f.sources.filter((s) => s.key === "general" || s.key === "fund" || s.key === "capital");
  const hasFiscal = main.some((s) => s.key === "fiscal");
  const list = hasFiscal ? main : [...split, ...main];
  const nonZero = list.filter((s) => s.amount && (!isZero(s.amount, c) || s.amount.doubt));
  const zero = list.filter((s) => s.amount && isZero(s.amount, c) && !s.amount.doubt);
  const runs: Piece<Run>[] = [...SAY.incomeIntro(y(c), money(total, c))];
  nonZero.forEach((s, i) => {
    runs.push(i === 0 ? SAY.ofParts : SAY.semicolon, s.name, ...money(s.amount!, c), ...shareRuns(s.amount!, total, c));
    if (s.key === "fiscal" && hasFiscal) {
      const parts = split.filter((p) => p.amount && (!isZero(p.amount, c) || p.amount.doubt));
      if (parts.length > 1)
        runs.push(...SAY.inParens(parts.flatMap((p, k) => [k > 0 ? "、" : "", p.name.replace(/收入$/, ""), ...money(p.amount!, c)])));
    }
  });
  runs.push(SAY.period);
  if (zero.length > 0) runs.push(SAY.noneIncome(zero.map((z) => z.name)), SAY.period);
  const blocks = [para(...say(runs))];
  if (sure(total) && nonZero.length >= 2 && nonZero.every((s) => sure(s.amount)))
    blocks.push(
      chart(
        c,
        "pie",
        CHARTS.income,
        nonZero.map((s) => s.name),
        [{ name: "本年收入", values: nonZero.map((s) => s.amount!.fen) }],
      ),
    );
  return blocks;
}

// ——— 三、支出 ———

function expenditure(c: Ctx): Block[] {
  const f = c.f.expenditure;
  if (!f || !f.total) return [para(placeholder(FILL.expenditure))];
  const total = f.total;
  const nonZero = f.kinds.filter((s) => s.amount && (!isZero(s.amount, c) || s.amount.doubt));
  const zero = f.kinds.filter((s) => s.amount && isZero(s.amount, c) && !s.amount.doubt);
  const runs: Piece<Run>[] = [...SAY.spendingIntro(y(c), money(total, c))];
  nonZero.forEach((s, i) =>
    runs.push(i === 0 ? SAY.ofParts : SAY.semicolon, s.name, ...money(s.amount!, c), ...shareRuns(s.amount!, total, c)),
  );
  runs.push(SAY.period);
  if (zero.length > 0) runs.push(SAY.noneSpent(zero.map((z) => z.name)), SAY.period);
  const blocks = [para(...say(runs))];
  if (sure(total) && nonZero.length >= 2 && nonZero.every((s) => sure(s.amount)))
    blocks.push(
      chart(
        c,
        "pie",
        CHARTS.expenditure,
        nonZero.map((s) => s.name),
        [{ name: "本年支出", values: nonZero.map((s) => s.amount!.fen) }],
      ),
    );
  return blocks;
}

// ——— 四、财政拨款收入支出总体 ———

function fiscal(c: Ctx): Block[] {
  const f = c.f.fiscal;
  if (!f || (!f.incomeTotal && !f.expenditureTotal)) return [para(placeholder(FILL.fiscal))];
  const inc = f.incomeTotal;
  const exp = f.expenditureTotal;
  const runs: Piece<Run>[] = [];
  const equal = inc && exp && sure(inc) && sure(exp) && shown(inc.fen, c.st) === shown(exp.fen, c.st);
  if (equal) runs.push(...SAY.fiscalBoth(y(c), money(inc, c)));
  else
    runs.push(
      ...SAY.fiscalEach(
        y(c),
        inc ? money(inc, c) : [placeholder("财政拨款收入总计")],
        exp ? money(exp, c) : [placeholder("财政拨款支出总计")],
      ),
    );
  const parts: Piece<Run>[] = [];
  if (f.incomeThisYear) {
    parts.push(SAY.fiscalIncome, ...money(f.incomeThisYear, c));
    const funds = f.byFund.filter((x) => x.income && (!isZero(x.income, c) || x.income.doubt));
    if (funds.length > 1) parts.push(...SAY.inParens(funds.flatMap((x, k) => [k > 0 ? "、" : "", x.name, ...money(x.income!, c)])));
    else if (funds.length === 1) parts.push(`，均为${funds[0].name}`);
  }
  if (f.carryIn && (!isZero(f.carryIn, c) || f.carryIn.doubt))
    parts.push(parts.length > 0 ? "，" : "", SAY.fiscalCarryIn, ...money(f.carryIn, c));
  if (f.expenditureThisYear) parts.push(parts.length > 0 ? "；" : "", SAY.fiscalSpending, ...money(f.expenditureThisYear, c));
  if (f.carryOut && (!isZero(f.carryOut, c) || f.carryOut.doubt)) parts.push("，", SAY.fiscalCarryOut, ...money(f.carryOut, c));
  runs.push(SAY.period);
  if (parts.length > 0) runs.push(...parts, SAY.period);
  return [
    para(...say(runs)),
    ...changeParagraph(
      c,
      inc,
      f.previousIncomeTotal,
      exp,
      f.previousExpenditureTotal,
      SAY.fiscalChange,
      f.reason,
      FILL.fiscalVsPrevious,
      FILL.reasonFiscal,
    ),
  ];
}

// ——— 五、一般公共预算财政拨款支出 ———

function general(c: Ctx): Block[] {
  const g = c.f.general;
  if (!g || !g.total.actual) return [para(placeholder(FILL.general))];
  const blocks: Block[] = [];
  const total = g.total;
  const actual = total.actual!;
  blocks.push(heading(2, `${NUMBERING.h2(1)}${HEADINGS.generalOverall}`));
  const overall: Piece<Run>[] = [...SAY.generalIntro(y(c), money(actual, c))];
  if (g.allSpending) {
    const share = rateOf(actual, g.allSpending, c);
    if (share) overall.push(...SAY.generalShare(share));
  }
  if (total.basic && total.project) {
    overall.push(SAY.comma, ...SAY.basicAndProject(money(total.basic, c), null, money(total.project, c), null));
  }
  overall.push(SAY.period);
  if (total.previous) {
    overall.push(
      SAY.vsYear(c.year ? String(Number(c.year) - 1) : null),
      SAY.generalChange,
      ...yoyWords(c, actual, total.previous),
      SAY.period,
    );
    const d = direction(actual, total.previous, c);
    if (d)
      overall.push(
        SAY.reasonMain,
        ...reasonOr(total.reasonVsPrevious, d === "up" ? FILL.reasonUp(SAY.generalChange) : FILL.reasonDown(SAY.generalChange)),
        SAY.period,
      );
    blocks.push(para(...say(overall)));
  } else {
    blocks.push(para(...say(overall)));
    blocks.push(para(placeholder(FILL.generalVsPrevious)));
  }

  // （二）结构: by 类.
  blocks.push(heading(2, `${NUMBERING.h2(2)}${HEADINGS.generalStructure}`));
  const classes = g.lines.filter((l) => l.level === 1 && l.actual && (!isZero(l.actual, c) || l.actual.doubt));
  const structure: Piece<Run>[] = [...SAY.generalUses(money(actual, c))];
  classes.forEach((l, i) => {
    structure.push(
      i > 0 ? SAY.semicolon : "",
      SAY.classLabel(cleanName(l.name)),
      ...money(l.actual!, c),
      ...shareRuns(l.actual!, actual, c),
    );
  });
  structure.push(SAY.period);
  blocks.push(para(...say(structure)));
  if (classes.length >= 2 && sure(actual) && classes.every((l) => sure(l.actual)))
    blocks.push(
      chart(
        c,
        "pie",
        CHARTS.generalClasses,
        classes.map((l) => cleanName(l.name)),
        [{ name: "决算数", values: classes.map((l) => l.actual!.fen) }],
      ),
    );

  // （三）具体: 年初预算 and each 项.
  blocks.push(heading(2, `${NUMBERING.h2(3)}${HEADINGS.generalDetail}`));
  const hasBudgets = !!mainBudget(total);
  if (hasBudgets) {
    blocks.push(
      para(...budgetSentence(total, c, SAY.generalBudgetIntro), text(SAY.period), ...budgetComparison(total, c, SAY.generalBudgetIntro)),
    );
  } else blocks.push(para(placeholder(FILL.generalBudget)));
  blocks.push(...lineParagraphs(c, g.lines, hasBudgets));
  return blocks;
}

function cleanName(n: string): string {
  return n.replace(/^[一二三四五六七八九十]+[、.．]/, "").trim();
}

/** "一般公共服务支出（类）政府办公厅（室）及相关机构事务（款）行政运行（项）" for a 项 line. */
export function lineLabel(lines: CodedLine[], l: CodedLine): string {
  if (!l.code) return cleanName(l.name);
  const parent = (code: string) => lines.find((x) => x.code === code);
  const chain = [l.code.slice(0, 3), l.code.slice(0, 5), l.code].filter(
    (code, i, all) => code.length <= l.code.length && all.indexOf(code) === i,
  );
  return chain
    .map((code) => {
      const x = code === l.code ? l : parent(code);
      return x ? `${cleanName(x.name)}${SAY.levelSuffix[levelOf(code)]}` : "";
    })
    .join("");
}

const levelOf = (code: string): 1 | 2 | 3 => (code.length <= 3 ? 1 : code.length <= 5 ? 2 : 3);

/** A line in a list, by its name — and its code where the list has another line of the same name (two 行政运行). */
export function shortLabel(l: CodedLine, list: CodedLine[] = []): string {
  const name = cleanName(l.name);
  const twin = list.some((x) => x !== l && cleanName(x.name) === name);
  return l.code && twin ? `${name}（${l.code}）` : name;
}

/**
 * The 项 lines: those whose 决算 differs from the budget notably (or that had no budget, or that a check objected to)
 * each in a sentence with its reason; the rest summarised once with their completion rates.
 */
export function lineParagraphs(c: Ctx, lines: CodedLine[], hasBudgets: boolean, what = "项目"): Block[] {
  const leaves = leafLines(lines).filter(
    (l) => l.actual && (!isZero(l.actual, c) || l.actual.doubt || (mainBudget(l) && !isZero(mainBudget(l)!.fig, c))),
  );
  if (!hasBudgets) {
    if (leaves.length === 0) return [];
    const runs: Piece<Run>[] = [SAY.restLinesNoBudget];
    leaves.forEach((l, i) => runs.push(i > 0 ? "、" : "", shortLabel(l, leaves), ...money(l.actual!, c)));
    runs.push(SAY.period);
    return [para(...say(runs))];
  }
  const big = leaves.filter((l) => significant(l, c));
  const rest = leaves.filter((l) => !big.includes(l));
  const blocks: Block[] = [];
  big.forEach((l, i) => {
    const label = lineLabel(lines, l);
    const runs: R = [
      text(`${NUMBERING.h3(i + 1)}${label}。`),
      ...budgetSentence(l, c, ""),
      text(SAY.period),
      ...budgetComparison(l, c, cleanName(l.name)),
    ];
    blocks.push(para(...runs));
  });
  const withRates = rest
    .map((l) => {
      const b = mainBudget(l);
      return { l, r: b && sure(l.actual) && sure(b.fig) ? rate(l.actual.fen, b.fig.fen, c) : null };
    })
    .filter((x): x is { l: CodedLine; r: R } => x.r !== null);
  if (withRates.length > 0) {
    const runs: Piece<Run>[] =
      big.length > 0
        ? SAY.restLines([count(withRates.length * 100)], what)
        : [`各${what}决算数与年初预算数差异较小，完成年初预算的比例分别为：`];
    withRates.forEach((x, i) =>
      runs.push(
        i > 0 ? "、" : "",
        shortLabel(
          x.l,
          withRates.map((w) => w.l),
        ),
        ...x.r,
      ),
    );
    runs.push(SAY.period);
    blocks.push(para(...say(runs)));
  }
  return blocks;
}

/** Lines with no line below them (项, or 款/类 that have none). */
export function leafLines(lines: CodedLine[]): CodedLine[] {
  return lines.filter((l) => l.code && !lines.some((x) => x !== l && x.code && x.code.length > l.code.length && x.code.startsWith(l.code)));
}

function rateOf(part: Figure, whole: Figure, c: Ctx): R | null {
  if (!sure(part) || !sure(whole)) return null;
  return rate(part.fen, whole.fen, c);
}

/** "增加A万元，增长B%" without "较上年" (the sentence already says 与上年相比). */
function yoyWords(c: Ctx, a: Figure, p: Figure): R {
  return fixYoy(yoy(a, p, c, ""));
}

// ——— 六、基本支出 ———

function basic(c: Ctx): Block[] {
  const f = c.f.basic;
  if (!f || !f.total.actual) return [para(placeholder(FILL.basic))];
  const total = f.total.actual;
  const runs: Piece<Run>[] = [
    ...(f.scope === "general" ? SAY.basicIntro(y(c), money(total, c)) : SAY.basicIntroAll(y(c), money(total, c))),
  ];
  const parts: [string, Figure | null, CodedLine[]][] = [
    [SAY.personnel, f.personnel.total, f.personnel.items],
    [SAY.public, f.public.total, f.public.items],
  ];
  let first = true;
  for (const [name, fig, items] of parts) {
    if (!fig) continue;
    runs.push(first ? SAY.ofParts : SAY.semicolon, name, ...money(fig, c), ...shareRuns(fig, total, c));
    const names = items.filter((i) => i.actual && !isZero(i.actual, c)).map((i) => cleanName(i.name));
    if (names.length > 0) runs.push(SAY.mainlyIncluding(names));
    first = false;
  }
  runs.push(SAY.period);
  return [para(...say(runs))];
}

// ——— 七、三公 ———

export function sangongBlocks(c: Ctx, subheadings: boolean): Block[] {
  const s = c.f.sangong;
  if (!s) return [para(placeholder(FILL.sangong))];
  const blocks: Block[] = [];
  const t = s.total;
  const a = t.actual;
  const intro = SAY.sangongIntro(y(c), s.scope);
  if (subheadings) blocks.push(heading(2, `${NUMBERING.h2(1)}${HEADINGS.sangongOverall}`));
  const runs: Piece<Run>[] = [];
  const b = mainBudget(t);
  // A 三公 table with its 预算 column only (a 汇总情况表 of the budget): the budget said, the 决算 left for the clerk.
  if (!a && b) runs.push(intro, ...SAY.sangongBudgetOnly(b.word, money(b.fig, c)), SAY.comma, placeholder(FILL.sangongActual), SAY.period);
  else if (!a) runs.push(placeholder(FILL.sangong));
  else if (isZero(a, c) && !a.doubt && (!b || isZero(b.fig, c))) {
    runs.push(SAY.sangongNone(y(c)));
    const prev = yoy(a, t.previous, c);
    if (prev.length > 0) runs.push(SAY.comma, ...prev);
    runs.push(SAY.period);
  } else if (isZero(a, c) && !a.doubt && b) {
    runs.push(intro, ...SAY.sangongBudgetNoSpending(b.word, money(b.fig, c)));
    const prev = yoy(a, t.previous, c);
    if (prev.length > 0) runs.push(SAY.semicolon, ...prev);
    runs.push(SAY.period, ...budgetComparison(t, c, SAY.sangongWhole));
  } else {
    runs.push(...budgetSentence(t, c, intro));
    const prev = yoy(a, t.previous, c);
    if (prev.length > 0) runs.push(SAY.semicolon, ...prev);
    runs.push(SAY.period, ...budgetComparison(t, c, SAY.sangongWhole));
    const d = direction(a, t.previous, c);
    if (d)
      runs.push(
        d === "up" ? `决算数${SAY.reasonUp}` : `决算数${SAY.reasonDown}`,
        ...reasonOr(t.reasonVsPrevious, d === "up" ? FILL.reasonUp(SAY.sangongWhole) : FILL.reasonDown(SAY.sangongWhole)),
        SAY.period,
      );
  }
  blocks.push(para(...say(runs)));
  if (a && !t.previous && !isZero(a, c)) blocks.push(para(placeholder(FILL.sangongVsPrevious)));

  const detailAt = blocks.length;
  if (subheadings) blocks.push(heading(2, `${NUMBERING.h2(2)}${HEADINGS.sangongDetail}`));
  const main = s.items.filter((i) => i.key === "abroad" || i.key === "car" || i.key === "reception");
  const spent = main.filter((i) => i.actual && (!isZero(i.actual, c) || i.actual.doubt));
  const none = main.filter((i) => i.actual && isZero(i.actual, c) && !i.actual.doubt);
  const share: Piece<Run>[] = [];
  if (a && !isZero(a, c) && spent.length > 0) {
    share.push(SAY.sangongItemsIntro);
    spent.forEach((i, k) => share.push(k > 0 ? SAY.semicolon : "", i.name, ...money(i.actual!, c), ...shareRuns(i.actual!, a, c)));
    share.push(SAY.period);
  }
  if (none.length > 0 && a && !(isZero(a, c) && !a.doubt && none.length === main.length && (!b || isZero(b.fig, c))))
    share.push(SAY.noneSpent(none.map((i) => i.name)), SAY.period);
  if (share.length > 0) blocks.push(para(...say(share)));
  for (const i of main) {
    if (!i.actual) continue;
    const runs2: Piece<Run>[] = [];
    const ib = mainBudget(i);
    const zero = isZero(i.actual, c) && !i.actual.doubt;
    if (zero && (!ib || isZero(ib.fig, c))) {
      // Said once above ("…无支出"); only its statistics, when the workbook has them, follow.
    } else if (zero && ib) {
      runs2.push(i.name, ...SAY.sangongBudgetNoSpending(ib.word, money(ib.fig, c)), SAY.period);
    } else {
      runs2.push(...budgetSentence(i, c, i.name));
      const prev = yoy(i.actual, i.previous, c);
      if (prev.length > 0) runs2.push(SAY.semicolon, ...prev);
      runs2.push(SAY.period);
      if (i.key === "car") {
        const buy = s.items.find((x) => x.key === "carPurchase")?.actual ?? null;
        const run = s.items.find((x) => x.key === "carRun")?.actual ?? null;
        const spentOn = (x: Figure | null) => x && (!isZero(x, c) || x.doubt);
        if (spentOn(buy) || spentOn(run)) {
          runs2.push(...SAY.carParts(spentOn(buy) ? money(buy!, c) : null, spentOn(run) ? money(run!, c) : null));
          if (buy && !spentOn(buy)) runs2.push(SAY.comma, SAY.noneSpent(["公务用车购置费"]));
          runs2.push(SAY.period);
        }
      }
      runs2.push(...budgetComparison(i, c, i.name, false));
      const d = direction(i.actual, i.previous, c);
      if (d && i.reasonVsPrevious) runs2.push(d === "up" ? SAY.reasonUp : SAY.reasonDown, ...reasonOr(i.reasonVsPrevious, ""), SAY.period);
    }
    runs2.push(...statsFor(c, i.key));
    if (runs2.length > 0) blocks.push(para(...say(runs2)));
  }
  // Nothing to say item by item (no 三公 at all): no empty sub-heading.
  if (subheadings && blocks.length === detailAt + 1) blocks.pop();
  return blocks;
}

function statsFor(c: Ctx, key: string): Piece<Run>[] {
  const st = c.f.sangong?.stats;
  if (!st) return [];
  const out: Piece<Run>[] = [];
  if (key === "abroad" && (st.abroadGroups || st.abroadPeople))
    out.push(...SAY.abroadStats(st.abroadGroups ? cnt(st.abroadGroups) : null, st.abroadPeople ? cnt(st.abroadPeople) : null), SAY.period);
  if (key === "car") {
    if (st.carsBought) out.push(...SAY.carsBought(cnt(st.carsBought)), SAY.period);
    if (st.carsHeld) out.push(...SAY.carsHeld(y(c), cnt(st.carsHeld)), SAY.period);
  }
  if (key === "reception" && (st.receptionBatches || st.receptionPeople)) {
    out.push(...SAY.receptions(st.receptionBatches ? cnt(st.receptionBatches) : null, st.receptionPeople ? cnt(st.receptionPeople) : null));
    if (st.foreignBatches || st.foreignPeople)
      out.push(
        ...SAY.foreignReceptions(st.foreignBatches ? cnt(st.foreignBatches) : null, st.foreignPeople ? cnt(st.foreignPeople) : null),
      );
    out.push(SAY.period);
  }
  return out;
}

function sangong(c: Ctx): Block[] {
  return sangongBlocks(c, true);
}

// ——— 八、九、政府性基金 / 国有资本经营 ———

function fund(c: Ctx, f: FundFacts | null, what: string, table: string, fill: string): Block[] {
  if (!f) return [para(placeholder(fill))];
  if (f.empty) return [para(text(SAY.fundEmpty(y(c), what, table)))];
  const parts: Piece<Run>[] = [];
  const add = (name: string, x: Figure | null) => {
    if (x && (!isZero(x, c) || x.doubt)) parts.push(parts.length > 0 ? "，" : "", name, ...money(x, c));
  };
  add("年初结转和结余", f.carryIn);
  add("本年收入", f.income);
  add("本年支出", f.expenditure);
  if (f.basic && f.project && !isZero(f.basic, c) && !isZero(f.project, c))
    parts.push(...SAY.inParens(["基本支出", ...money(f.basic, c), "、项目支出", ...money(f.project, c)]));
  add("年末结转和结余", f.carryOut);
  const runs: Piece<Run>[] = [...SAY.fundFlows(y(c), what, parts), SAY.period];
  const leaves = leafLines(f.lines).filter((l) => l.actual && !isZero(l.actual, c));
  if (leaves.length > 0) {
    runs.push(SAY.fundUses);
    leaves.forEach((l, i) => runs.push(i > 0 ? "、" : "", shortLabel(l, leaves), ...money(l.actual!, c)));
    runs.push(SAY.period);
  }
  return [para(...say(runs))];
}

// ——— 十、机关运行经费 ———

function operating(c: Ctx): Block[] {
  if (c.f.unit.kind === "institution") return [para(text(SAY.operatingNotApplicable))];
  const o = c.f.operating;
  if (!o || !o.actual) return [para(placeholder(FILL.operating))];
  const runs: Piece<Run>[] = [...SAY.operating(y(c), money(o.actual, c))];
  const prev = yoy(o.actual, o.previous, c);
  if (prev.length > 0) runs.push(SAY.comma, ...prev);
  runs.push(SAY.period);
  const d = direction(o.actual, o.previous, c);
  if (d)
    runs.push(
      SAY.reasonMain,
      ...reasonOr(o.reasonVsPrevious, d === "up" ? FILL.reasonUp("机关运行经费") : FILL.reasonDown("机关运行经费")),
      SAY.period,
    );
  return [para(...say(runs))];
}

// ——— 十一、一般性支出 ———

function generalSpending(c: Ctx): Block[] {
  const g = c.f.generalSpending;
  if (!g || (!g.meeting && !g.training)) return [para(placeholder(FILL.generalSpending))];
  const runs: Piece<Run>[] = [];
  const scope = (x: unknown) => ((x as { scope?: "general" | "all" }).scope ?? "all") as "general" | "all";
  const first = g.meeting ?? g.training;
  if (first && scope(first) === "general") runs.push(`${yearOf(y(c))}一般公共预算财政拨款基本支出中，`);
  else runs.push(yearOf(y(c)));
  const none: string[] = [];
  const item = (
    name: string,
    x: (Compared & { people: Count | null }) | null,
    counts: (x: Compared & { people: Count | null }) => Piece<Run>[],
    fill: string,
  ) => {
    if (!x?.actual) return;
    if (isZero(x.actual, c) && !x.actual.doubt) {
      none.push(name);
      return;
    }
    // One sentence per item: two items' figures in one sentence read as one claim.
    if (runs.length > 1) runs.push(SAY.period);
    runs.push(`${name}支出`, ...money(x.actual, c));
    const prev = yoy(x.actual, x.previous, c);
    if (prev.length > 0) runs.push(SAY.comma, ...prev);
    const cs = counts(x);
    if (cs.length > 0) runs.push(SAY.comma, ...cs);
    else runs.push(SAY.comma, placeholder(fill));
  };
  item(
    "会议费",
    g.meeting,
    (x) => {
      const m = x as NonNullable<typeof g.meeting>;
      return m.meetings || m.people ? SAY.meetingCounts(m.meetings ? cnt(m.meetings) : null, m.people ? cnt(m.people) : null) : [];
    },
    FILL.meetingCounts,
  );
  item(
    "培训费",
    g.training,
    (x) => {
      const t = x as NonNullable<typeof g.training>;
      return t.sessions || t.people ? SAY.trainingCounts(t.sessions ? cnt(t.sessions) : null, t.people ? cnt(t.people) : null) : [];
    },
    FILL.trainingCounts,
  );
  if (runs.length > 1) runs.push(SAY.period);
  if (none.length > 0) runs.push(SAY.noneSpent(none), SAY.period);
  if (g.festivals) runs.push(...SAY.festivals(money(g.festivals, c)), SAY.period);
  return [para(...say(runs))];
}

// ——— 十二、政府采购 ———

function procurement(c: Ctx): Block[] {
  const p = c.f.procurement;
  if (!p || !p.total) return [para(placeholder(FILL.procurement))];
  if (isZero(p.total, c) && !p.total.doubt) return [para(text(SAY.procurementNone(y(c))))];
  const runs: Piece<Run>[] = [...SAY.procurement(y(c), money(p.total, c))];
  const kinds: Piece<Run>[] = [];
  for (const [name, x] of [
    ["政府采购货物支出", p.goods],
    ["政府采购工程支出", p.works],
    ["政府采购服务支出", p.services],
  ] as [string, Figure | null][])
    if (x && (!isZero(x, c) || x.doubt)) kinds.push(kinds.length > 0 ? "、" : "", name, ...money(x, c));
  if (kinds.length > 0) runs.push(...SAY.procurementKinds(kinds));
  if (p.sme) runs.push(...SAY.sme(money(p.sme, c), rateOf(p.sme, p.total, c)));
  if (p.small) runs.push(...SAY.small(money(p.small, c), rateOf(p.small, p.total, c)));
  runs.push(SAY.period);
  return [para(...say(runs))];
}

// ——— 十三、国有资产 ———

function assets(c: Ctx): Block[] {
  const a = c.f.assets;
  if (!a) return [para(placeholder(FILL.assets))];
  const runs: Piece<Run>[] = [...SAY.assets(y(c), a.vehicles ? cnt(a.vehicles) : null)];
  if (a.vehicleKinds.length > 0)
    runs.push(...SAY.vehicleKinds(a.vehicleKinds.flatMap((k, i) => [i > 0 ? "、" : "", k.name, ...cnt(k.count), "辆"])));
  const equipment: Piece<Run>[] = [];
  if (a.generalEquipment) equipment.push(...SAY.generalEquipment(cnt(a.generalEquipment)));
  if (a.specialEquipment) equipment.push(equipment.length > 0 ? "，" : "", ...SAY.specialEquipment(cnt(a.specialEquipment)));
  if (a.equipment100) equipment.push(equipment.length > 0 ? "，" : "", ...SAY.equipment100(cnt(a.equipment100)));
  if (equipment.length > 0) runs.push(a.vehicles ? "；" : "", ...equipment);
  if (a.total) runs.push("；", ...SAY.assetTotal(money(a.total, c)));
  runs.push(SAY.period);
  return [para(...say(runs))];
}

// ——— 十四、预算绩效 ———

function performance(c: Ctx): Block[] {
  const p = c.f.performance;
  const blocks: Block[] = [];
  const management = c.f.texts.performanceManagement;
  if (management) blocks.push(...textOr(c, "performanceManagement", ""));
  if (p && p.evaluated && p.total && p.grade && p.pending === 0) {
    blocks.push(para(...say(SAY.selfEvaluated(y(c), p.framework, [pointsRun(p.total.hundredths)], [text(p.grade)]))));
  } else if (p && p.evaluated && p.groups.length > 0) {
    blocks.push(para(...say(SAY.selfEvaluated(y(c), p.framework, [placeholder(FILL.total)], [placeholder(FILL.grade)]))));
  }
  if (p?.projects) blocks.push(para(...say(SAY.projectsEvaluated(cnt(p.projects), p.projectFunds ? money(p.projectFunds, c) : null))));
  else if (!management) blocks.push(para(placeholder(FILL.performanceManagement)));
  return blocks;
}

function pointsRun(h: number): Run {
  return points(h);
}

// ——— 第四部分 名词解释 ———

function glossary(c: Ctx, written: Block[]): Block[] {
  const body = written
    .flatMap((b) => (b.kind === "paragraph" ? b.runs : []))
    .filter((r) => r.kind !== "placeholder")
    .map((r) => r.text)
    .join("");
  // A term is explained when the draft uses it for a figure the unit has (no 经营收入 for a unit without any).
  const f = c.f;
  const nonZero = (x: Figure | null | undefined) => !!x && !isZero(x, c);
  const has: Record<string, boolean> = {
    fiscal: (f.income?.sources ?? []).some((s) => (s.key === "fiscal" || s.key === "general") && nonZero(s.amount)) || !!f.fiscal,
    nonFiscalBalanceUsed: nonZero(f.totals?.nonFiscalBalanceUsed),
    carryIn: nonZero(f.totals?.carryIn),
    surplusDistribution: nonZero(f.totals?.surplusDistribution),
    carryOut: nonZero(f.totals?.carryOut),
    basic: true,
    project: true,
    sangong: !!f.sangong,
    orgOperating: !!f.operating?.actual,
  };
  for (const s of f.income?.sources ?? []) if (nonZero(s.amount)) has[s.key] = true;
  for (const k of f.expenditure?.kinds ?? [])
    if (nonZero(k.amount))
      has[{ upper: "upperSpending", operating: "operatingSpending", subsidiary: "subsidiarySpending" }[k.key as string] ?? k.key] = true;
  const used = GLOSSARY.filter((g) => has[g.when] && (body.includes(g.term) || body.includes(g.term.replace(/[“”]/g, ""))));
  if (used.length === 0) return [para(placeholder("名词解释"))];
  return used.map((g, i) => para(text(`${i + 1}．${g.term}：${g.text}`)));
}

// ——— Charts ———

/** A chart of figures the text states (printed values); numbered in the order they appear. */
export function chart(
  c: Ctx,
  kind: "bar" | "pie",
  title: string,
  categories: string[],
  series: { name: string; values: number[] }[],
): ChartBlock {
  c.charts += 1;
  return {
    kind: "chart",
    chart: kind,
    caption: CHARTS.caption(c.charts, title),
    unit: c.st.unit,
    categories,
    series: series.map((s) => ({ name: s.name, values: s.values.map((v) => amount(v, c.st)) })),
  };
}

export { doubtRuns, listNames };
