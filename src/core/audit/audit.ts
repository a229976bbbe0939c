import type { Analysis } from "../analyse/analysis";
import { finding } from "../base/findings";
import type { Finding } from "../base/findings";
import Decimal from "decimal.js";
import type { Unit } from "../base/money";
import { factorOf, halfUlpYuan, isMoney, tokenize } from "./tokens";
import type { NumberToken } from "./tokens";

/**
 * Checks the numbers of a report against themselves and, given the workbook's analysis, against the
 * tables. Each finding quotes its sentence, says what was expected, and how sure it is. A claim that
 * cannot be read completely is skipped and counted, never guessed.
 */
export interface AuditResult {
  findings: Finding[];
  sentences: number;
  numbers: number;
  checked: number;
  skipped: number;
}

type Role = "current" | "previous" | "budget";
type Money = NumberToken & { unit: Unit };
interface Sentence {
  text: string;
  paragraph: number;
}

const UP = /(增加|增长|上升|超支|提高|多支出|多)(了)?$/;
const DOWN = /(减少|下降|降低|节约|节省|少支出|减支|少)(了)?$/;
const VS_PREVIOUS = /(较上年|比上年|同比|与上年|较去年|比去年|上年数|上年同期|较上年度)/;
const VS_BUDGET = /(较预算|比预算|与预算|较年初预算|比年初预算|预算数)/;
const EXCLUDED = /(取消|不含|不包括|未计入|另|除外|以外)/;

/**
 * `text.split(/(?<=[…])/)` without a lookbehind (ES2018 regex syntax, which the older embedded browsers of WPS 加载项
 * cannot parse): pieces end after each character of `ends`, the last piece takes the rest.
 */
export function splitAfter(text: string, ends: string): string[] {
  const out: string[] = [];
  let start = 0;
  for (let i = 0; i + 1 < text.length; i++)
    if (ends.includes(text[i])) {
      out.push(text.slice(start, i + 1));
      start = i + 1;
    }
  out.push(text.slice(start));
  return out;
}

/** A comma stays a thousands separator only between a digit and exactly three digits; every other one is "，". */
export function foldCommas(text: string): string {
  return text.replace(/,/g, (m: string, at: number, s: string) =>
    /\d/.test(s[at - 1] ?? "") && /^\d{3}(?!\d)/.test(s.slice(at + 1, at + 5)) ? m : "，",
  );
}

export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  text.split(/\r?\n/).forEach((para, p) => {
    for (const s of splitAfter(para, "。！？!?")) {
      const t = s.trim();
      if (t) out.push({ text: t, paragraph: p + 1 });
    }
  });
  return out;
}

const yuan = (t: Money, unit: Unit = t.unit) => t.value.times(factorOf(unit));
const fmt = (d: Decimal, unit: Unit) => `${d.dividedBy(factorOf(unit)).toDecimalPlaces(4).toString()}${unit}`;
const pct = (d: Decimal) => `${d.toDecimalPlaces(2).toString()}%`;

/** The text between the previous number (or the sentence start) and this one: where its label is. */
function windowOf(s: string, tokens: NumberToken[], i: number): string {
  const from = i === 0 ? 0 : tokens[i - 1].end;
  return s.slice(from, tokens[i].start);
}

interface Read {
  money: { token: Money; role: Role | null; change: "up" | "down" | null; base: "previous" | "budget" | null; unit: Unit; lead: string }[];
  rates: { token: NumberToken; kind: "change" | "completion" | "share" | "other"; change: "up" | "down" | null; lead: string }[];
}

function read(s: string, tokens: NumberToken[]): Read {
  const r: Read = { money: [], rates: [] };
  tokens.forEach((t, i) => {
    if (t.range) return;
    const w = windowOf(s, tokens, i);
    const tail = w.replace(/\s+$/, "");
    const change = UP.test(tail) ? "up" : DOWN.test(tail) ? "down" : null;
    if (t.unit === "%") {
      const kind = change
        ? "change"
        : /完成[^，。；]*的?$|完成率[为是]?$|执行率[为是]?$/.test(tail)
          ? "completion"
          : /占[^，。；]*的?$/.test(tail)
            ? "share"
            : "other";
      r.rates.push({ token: t, kind, change, lead: w });
      return;
    }
    if (!isMoney(t)) return;
    // A change is measured against last year or against the budget, whichever the clause names.
    const clause = s.slice(Math.max(0, s.lastIndexOf("，", t.start - 1) + 1), t.start);
    const base = change ? (VS_PREVIOUS.test(clause) ? "previous" : VS_BUDGET.test(clause) ? "budget" : null) : null;
    let role: Role | null = null;
    if (!change) {
      if (/(上年|去年|上期|上一年)/.test(w)) role = "previous";
      else if (/(预算|年初数|年初|计划|任务)/.test(w) && !/决算数?为?$/.test(tail)) role = "budget";
      else if (/(本年|今年|本期|决算|实际|支出数?为?$)/.test(w)) role = "current";
    }
    r.money.push({ token: t, role, change, base, unit: t.unit, lead: w });
  });
  // "收入总计1516.64万元，上年数为…": the unlabelled subject figure is this year's.
  const labelled = r.money.filter((m) => m.role === "previous" || m.role === "budget");
  if (!r.money.some((m) => m.role === "current") && labelled.length > 0) {
    const subject = r.money.find((m) => !m.role && !m.change && m.token.start < labelled[0].token.start);
    if (subject) subject.role = "current";
  }
  return r;
}

/** "3.07元" beside "8.65万元": an amount whose unit does not fit its neighbours. */
function unitChecks(s: Sentence, r: Read, push: (f: Finding) => void): void {
  const plain = r.money.filter((m) => !m.change);
  for (const m of plain) {
    const others = plain.filter((o) => o !== m && o.unit !== m.unit);
    if (others.length === 0) continue;
    const similar = (o: (typeof plain)[number]) => {
      const ratio = m.token.value.dividedBy(o.token.value.isZero() ? 1 : o.token.value);
      return ratio.gte(0.01) && ratio.lte(100);
    };
    // Only figures of one item compare: 本年/上年/预算/决算 of the same thing, or a stated change beside them.
    const comparable = (o: (typeof plain)[number]) =>
      similar(o) && ((m.role !== null && o.role !== null && o.role !== m.role) || r.money.some((x) => x.change));
    if (
      m.unit === "元" &&
      m.token.value.lt(10000) &&
      others.some((o) => o.unit === "万元" && comparable(o)) &&
      plain.filter((o) => o.unit === "万元").length >= plain.filter((o) => o.unit === "元").length
    ) {
      push(
        finding("text-unit", "error", "报告", `P${s.paragraph}`, {
          quote: s.text,
          stated: m.token.text,
          expected: "万元",
          confidence: "high",
          paragraph: s.paragraph,
        }),
      );
      m.unit = "万元";
    } else if (m.unit === "万元" && m.token.value.gte(100000) && others.some((o) => o.unit === "元" && comparable(o))) {
      push(
        finding("text-unit", "error", "报告", `P${s.paragraph}`, {
          quote: s.text,
          stated: m.token.text,
          expected: "元",
          confidence: "medium",
          paragraph: s.paragraph,
        }),
      );
      m.unit = "元";
    }
  }
  for (const m of r.money.filter((x) => x.change)) {
    // A change in 元 among 万元 figures (or the reverse) is read in their unit when its size says so.
    const base = plain.find((o) => o.unit !== m.unit);
    if (base && m.unit === "元" && m.token.value.lt(10000) && plain.every((o) => o.unit === "万元")) m.unit = "万元";
  }
}

function checkChanges(s: Sentence, r: Read, push: (f: Finding) => void, count: () => void, skip: () => void): void {
  const first = (role: Role) => r.money.find((m) => m.role === role);
  const cur = first("current");
  for (const base of ["previous", "budget"] as const) {
    const baseValue = first(base);
    const changes = r.money.filter((m) => m.change && (m.base === base || (m.base === null && base === "previous" && !first("budget"))));
    const rates = r.rates.filter(
      (x) => x.kind === "change" && (base === "previous" ? VS_PREVIOUS.test(s.text) : VS_BUDGET.test(s.text) && !VS_PREVIOUS.test(s.text)),
    );
    if (changes.length === 0 && rates.length === 0) continue;
    if (!cur || !baseValue) {
      // Without both figures, a stated amount and rate can still be checked against each other.
      if (cur && changes[0] && rates[0]) checkImplied(s, cur, changes[0], rates[0], push, count);
      else skip();
      continue;
    }
    const curY = yuan(cur.token, cur.unit);
    const baseY = yuan(baseValue.token, baseValue.unit);
    const diff = curY.minus(baseY);
    const tolInputs = halfUlpYuan({ ...cur.token, unit: cur.unit }).plus(halfUlpYuan({ ...baseValue.token, unit: baseValue.unit }));
    const against = base === "previous" ? "上年" : "预算";
    for (const c of changes) {
      count();
      const stated = yuan(c.token, c.unit);
      const expectedWord = diff.gt(0) ? (base === "previous" ? "增加" : "增加（超支）") : diff.lt(0) ? "减少" : "持平";
      if ((c.change === "up" && diff.lt(0)) || (c.change === "down" && diff.gt(0))) {
        push(
          finding("text-direction", "error", "报告", `P${s.paragraph}`, {
            quote: s.text,
            stated: `${c.change === "up" ? "增加" : "减少"}${c.token.text}`,
            expected: `${expectedWord}${fmt(diff.abs(), c.unit)}（${fmt(curY, cur.unit)}较${against}${fmt(baseY, baseValue.unit)}）`,
            confidence: "high",
            paragraph: s.paragraph,
          }),
        );
        continue;
      }
      if (
        stated
          .minus(diff.abs())
          .abs()
          .gt(tolInputs.plus(halfUlpYuan({ ...c.token, unit: c.unit })))
      ) {
        push(
          finding("text-diff", "error", "报告", `P${s.paragraph}`, {
            quote: s.text,
            stated: c.token.text,
            computed: fmt(diff.abs(), c.unit),
            expected: fmt(diff.abs(), c.unit),
            confidence: "high",
            paragraph: s.paragraph,
          }),
        );
      }
    }
    for (const x of rates) {
      count();
      if (baseY.isZero()) {
        push(
          finding("text-base-zero", "error", "报告", `P${s.paragraph}`, {
            quote: s.text,
            stated: x.token.text,
            expected: `${against}为0，不应计算增减率（可写“新增”）`,
            confidence: "high",
            paragraph: s.paragraph,
          }),
        );
        continue;
      }
      const computed = diff.abs().dividedBy(baseY.abs()).times(100);
      if (x.change && ((x.change === "up" && diff.lt(0)) || (x.change === "down" && diff.gt(0)))) {
        push(
          finding("text-direction", "error", "报告", `P${s.paragraph}`, {
            quote: s.text,
            stated: x.token.text,
            expected: `${diff.gt(0) ? "增长" : "下降"}${pct(computed)}`,
            confidence: "high",
            paragraph: s.paragraph,
          }),
        );
        continue;
      }
      checkRate(s, x.token, computed, tolInputs.dividedBy(baseY.abs()).times(100), push);
    }
  }
  // "完成预算的X%": the actual over the budget.
  const budget = first("budget");
  for (const x of r.rates.filter((y) => y.kind === "completion")) {
    if (!cur || !budget) {
      skip();
      continue;
    }
    count();
    const b = yuan(budget.token, budget.unit);
    if (b.isZero()) {
      push(
        finding("text-base-zero", "error", "报告", `P${s.paragraph}`, {
          quote: s.text,
          stated: x.token.text,
          expected: "预算为0，不应计算完成率",
          confidence: "high",
          paragraph: s.paragraph,
        }),
      );
      continue;
    }
    const tol = halfUlpYuan({ ...cur.token, unit: cur.unit })
      .plus(halfUlpYuan({ ...budget.token, unit: budget.unit }))
      .dividedBy(b)
      .times(100);
    checkRate(s, x.token, yuan(cur.token, cur.unit).dividedBy(b).times(100), tol, push);
  }
}

function checkImplied(
  s: Sentence,
  cur: Read["money"][number],
  change: Read["money"][number],
  rate: Read["rates"][number],
  push: (f: Finding) => void,
  count: () => void,
): void {
  count();
  const c = yuan(change.token, change.unit);
  const previous = change.change === "up" ? yuan(cur.token, cur.unit).minus(c) : yuan(cur.token, cur.unit).plus(c);
  if (previous.lte(0)) {
    push(
      finding("text-base-zero", "error", "报告", `P${s.paragraph}`, {
        quote: s.text,
        stated: rate.token.text,
        expected: "上年为0（或无上年数），不应计算增减率",
        confidence: "medium",
        paragraph: s.paragraph,
      }),
    );
    return;
  }
  const tol = halfUlpYuan({ ...cur.token, unit: cur.unit })
    .plus(halfUlpYuan({ ...change.token, unit: change.unit }))
    .times(2)
    .dividedBy(previous)
    .times(100);
  checkRate(s, rate.token, c.dividedBy(previous).times(100), tol, push);
}

function checkRate(s: Sentence, stated: NumberToken, computed: Decimal, propagated: Decimal, push: (f: Finding) => void): void {
  const tolerance = new Decimal(0.5).times(new Decimal(10).pow(-stated.decimals)).plus(propagated).plus(0.005);
  if (stated.value.minus(computed).abs().gt(tolerance)) {
    push(
      finding("text-rate", "error", "报告", `P${s.paragraph}`, {
        quote: s.text,
        stated: stated.value.toString(),
        computed: computed.toDecimalPlaces(2).toString(),
        confidence: "high",
        paragraph: s.paragraph,
      }),
    );
  }
}

/** Labels of the items in a list: the text from the previous separator to the number. */
function labelOf(s: string, t: NumberToken): string {
  const before = s.slice(0, t.start);
  const cut = Math.max(...["、", "，", "；", "：", ",", ";", ":"].map((c) => before.lastIndexOf(c)));
  return before
    .slice(cut + 1)
    .replace(/^(其中|以及|和|及)[:：]?/, "")
    .replace(/(加|为|是|达|达到|约|共计|共|合计)$/, "")
    .replace(/\s+/g, "")
    .trim();
}

type Family = "money" | "分" | "count";
const familyOf = (t: NumberToken): Family | null => (isMoney(t) ? "money" : t.unit === "分" ? "分" : t.unit === "count" ? "count" : null);

/** "X万元，其中A、B、C": parts against the stated total; the same item listed twice. */
function checkLists(s: Sentence, tokens: NumberToken[], r: Read, push: (f: Finding) => void, count: () => void): void {
  const moneyUnit = (t: NumberToken): Money => ({ ...t, unit: (r.money.find((m) => m.token === t)?.unit ?? t.unit) as Unit });
  const at = s.text.search(/其中[:：]?|包括[:：]?/);
  if (at < 0) return;
  const changeTokens = new Set<NumberToken>(r.money.filter((m) => m.change).map((m) => m.token));
  const unitOfMoney = new Map<NumberToken, Unit>(r.money.map((m) => [m.token, m.unit]));
  const value = (t: NumberToken) => (isMoney(t) ? t.value.times(factorOf(unitOfMoney.get(t) ?? t.unit)) : t.value);
  // "(其中…)" closes with its parenthesis; text is NFKC-folded, so both forms are looked for.
  const open = Math.max(s.text.lastIndexOf("（", at), s.text.lastIndexOf("(", at));
  const shut = Math.max(s.text.lastIndexOf("）", at), s.text.lastIndexOf(")", at));
  const inParens = open > shut;
  const closing = inParens ? ([s.text.indexOf(")", at), s.text.indexOf("）", at)].filter((x) => x > 0).sort((a, b) => a - b)[0] ?? -1) : -1;
  const end = closing > 0 ? closing : s.text.length;
  const usable = (t: NumberToken) => !t.range && !changeTokens.has(t) && familyOf(t) !== null;
  const listed = tokens.filter((t) => t.start > at && t.start < end && usable(t));

  // The same item twice in the list: a repeat, or one item with two different figures.
  const seen = new Map<string, NumberToken>();
  for (const t of listed) {
    const label = labelOf(s.text, t);
    if (label.length < 2) continue;
    const prior = seen.get(label);
    if (prior) {
      const same = value(prior).eq(value(t)) && prior.unit === t.unit;
      push(
        finding("duplicate-item", same ? "warning" : "error", "报告", `P${s.paragraph}`, {
          quote: s.text,
          name: label,
          stated: `${prior.text}；${t.text}`,
          expected: same ? "同一项目只应列一次" : "同一指标出现两个不同的数值",
          confidence: "high",
          paragraph: s.paragraph,
        }),
      );
    } else seen.set(label, t);
  }

  const before = tokens.filter((t) => t.end <= (inParens ? open + 1 : at) && usable(t));
  const total = before[before.length - 1];
  if (!total) return;
  const fam = familyOf(total);
  const word = (t: NumberToken) => t.text.replace(/^[\d.,\s]+/, ""); // 户 and 人 are different counts
  const after = listed.filter((t) => familyOf(t) === fam && (fam !== "count" || word(t) === word(total)));
  // A part's context runs from its clause start to the next listed figure: "14.4万元，因…被取消" excludes it.
  const clauseOf = (t: NumberToken) => {
    const next = listed.find((x) => x.start > t.start);
    return s.text.slice(
      Math.max(s.text.lastIndexOf("，", t.start), s.text.lastIndexOf("、", t.start), at) + 1,
      next ? next.start : s.text.length,
    );
  };
  // Per-unit figures ("每村15万元") cannot be added up from the text: the claim is unreadable, not wrong.
  if (after.some((t) => /(每|人均|平均|户均)/.test(clauseOf(t)))) return;
  // Parts said to be outside the total ("…因…取消", "另…") are left out of the sum.
  let parts = after.filter((t) => !EXCLUDED.test(clauseOf(t)));
  const excluded = after.length - parts.length;
  // A part that is the sum of the parts right after it is a subtotal: keep it, drop its breakdown.
  for (let i = 0; i < parts.length - 2; i++) {
    let acc = new Decimal(0);
    for (let j = i + 1; j < parts.length; j++) {
      acc = acc.plus(value(parts[j]));
      if (j >= i + 2 && acc.eq(value(parts[i]))) {
        parts = [...parts.slice(0, i + 1), ...parts.slice(j + 1)];
        break;
      }
    }
  }
  if (parts.length < 2) return;
  count();
  const sum = parts.reduce((acc, t) => acc.plus(value(t)), new Decimal(0));
  const tol =
    // Points and head counts are stated exactly, not rounded.
    fam === "money" ? parts.reduce((acc, t) => acc.plus(halfUlpYuan(moneyUnit(t))), halfUlpYuan(moneyUnit(total))) : new Decimal(0);
  const stated = value(total);
  const show = (d: Decimal) =>
    fam === "money" ? fmt(d, (unitOfMoney.get(total) ?? total.unit) as Unit) : `${d.toString()}${fam === "分" ? "分" : word(total)}`;
  const dedup = [...new Map(parts.map((t) => [`${labelOf(s.text, t)}|${value(t)}`, t])).values()];
  const dedupSum = dedup.reduce((acc, t) => acc.plus(value(t)), new Decimal(0));
  if (sum.minus(stated).abs().lte(tol)) return;
  if (sum.gt(stated)) {
    push(
      finding("text-sum", "error", "报告", `P${s.paragraph}`, {
        quote: s.text,
        stated: show(stated),
        computed: show(sum),
        expected: dedup.length < parts.length ? `各项合计${show(sum)}（去掉重复项为${show(dedupSum)}）` : `各项合计${show(sum)}`,
        confidence: "high",
        paragraph: s.paragraph,
      }),
    );
  } else if (excluded === 0) {
    push(
      finding("text-sum", "warning", "报告", `P${s.paragraph}`, {
        quote: s.text,
        stated: show(stated),
        computed: show(sum),
        expected: `列出的各项合计${show(sum)}，比总数少${show(stated.minus(sum))}，请核对是否漏列或有误`,
        confidence: "medium",
        paragraph: s.paragraph,
      }),
    );
  }
}

/** "2.政协工作（2分）……该项分值3分": an item's 分值 stated twice, differently. */
function checkScores(text: string, push: (f: Finding) => void, count: () => void): void {
  const paragraphs = text.split(/\r?\n/);
  paragraphs.forEach((p, i) => {
    const items = [...p.matchAll(/(?:^|[。\s])[（(]?\d+[）).．、]\s*([^（(。，]{2,20})[（(](\d+(?:\.\d+)?)分[）)]/g)];
    const stated = [...p.matchAll(/该项分值(?:为)?(\d+(?:\.\d+)?)分/g)];
    if (items.length !== 1 || stated.length !== 1) return;
    count();
    const header = new Decimal(items[0][2]);
    const later = new Decimal(stated[0][1]);
    if (!header.eq(later)) {
      const quote =
        p.slice(Math.max(0, items[0].index!), items[0].index! + items[0][0].length + 6) +
        "……" +
        p.slice(stated[0].index!, stated[0].index! + stated[0][0].length + 8);
      push(
        finding("text-score", "error", "报告", `P${i + 1}`, {
          quote,
          name: items[0][1].trim(),
          stated: `${header}分；${later}分`,
          expected: "同一指标的分值应一致",
          confidence: "high",
          paragraph: i + 1,
        }),
      );
    }
  });
}

/** 分 of the workbook as 元 for the audit's decimal arithmetic. */
const dec = (fen: number | null): Decimal | null => (fen === null ? null : new Decimal(fen).dividedBy(100));

/** A figure the report states for an item of the workbook, against the workbook's figure. */
function checkAgainstTables(s: Sentence, r: Read, a: Analysis, push: (f: Finding) => void, count: () => void): void {
  const items: {
    name: string;
    values: Partial<Record<Role, Decimal | null>>;
    cells: Partial<Record<Role, string | undefined>>;
    sheet: string;
    unit?: Unit;
  }[] = [];
  const unitOfTable = (id: string) => a.tables.find((t) => t.id === id)?.unit;
  if (a.sangong) {
    for (const i of [a.sangong.total, ...a.sangong.items, ...a.sangong.related]) {
      const name = i.item
        .replace(/^([(（]?[一二三四五六七八九十\d]+[)）]?[、.．]?)/, "")
        .replace(/^其中[:：]?/, "")
        .replace(/[“”"]/g, "")
        .trim();
      items.push({
        name,
        values: { current: dec(i.actual), previous: dec(i.previous), budget: dec(i.budget) },
        cells: { current: i.cells.actual, previous: i.cells.previous, budget: i.cells.budget },
        sheet: i.sheet,
        unit: unitOfTable(a.sangong.tableId),
      });
    }
  }
  for (const l of a.lines)
    if (!l.isTotal && l.name.length >= 3)
      items.push({
        name: l.name,
        values: { current: dec(l.actual), previous: dec(l.previous), budget: dec(l.budget) },
        cells: { current: l.cells.actual, previous: l.cells.previous, budget: l.budgetRole ? l.cells[l.budgetRole] : undefined },
        sheet: l.sheet,
        unit: unitOfTable(l.tableId),
      });
  // Each figure belongs to the item named right before it (its window), not to the sentence's longest name.
  for (const m of r.money) {
    if (!m.role) continue;
    const clauseStart = Math.max(
      s.text.lastIndexOf("，", m.token.start),
      s.text.lastIndexOf("；", m.token.start),
      s.text.lastIndexOf("：", m.token.start),
      0,
    );
    const context = (m.lead.length > 1 ? m.lead : s.text.slice(clauseStart, m.token.start)).replace(/[“”"]/g, "");
    const named = items.filter((i) => context.includes(i.name)).sort((x, y) => y.name.length - x.name.length);
    const item = named[0];
    if (!item) continue;
    const v = item.values[m.role];
    if (v === null || v === undefined) continue;
    // The same item in two tables (三公 table and 30217 in the 经济分类 table) must agree, or the claim is ambiguous.
    const twins = named.filter((i) => i.name === item.name && i !== item).map((i) => i.values[m.role as Role]);
    if (twins.some((t) => t !== null && t !== undefined && !t.eq(v))) continue;
    count();
    const stated = yuan(m.token, m.unit);
    // The table's figure is itself rounded (two decimals in its unit): "3.396万元" agrees with a table's 3.40.
    const tableRounding = new Decimal(0.005).times(factorOf(item.unit ?? "元"));
    if (
      stated
        .minus(v)
        .abs()
        .gt(halfUlpYuan({ ...m.token, unit: m.unit }).plus(tableRounding))
    ) {
      push(
        finding("text-vs-table", "error", "报告", `P${s.paragraph}`, {
          quote: s.text,
          name: item.name,
          stated: m.token.text,
          expected: `${fmt(v, m.unit)}（${item.sheet}!${item.cells[m.role] ?? ""}）`,
          tableSheet: item.sheet,
          tableCell: item.cells[m.role] ?? null,
          confidence: "high",
          paragraph: s.paragraph,
        }),
      );
    }
  }
}

export function auditText(text: string, analysis: Analysis | null = null): AuditResult {
  // NFKC folds full-width digits, but also "，；：（）" to ASCII; fold the punctuation back (a comma between
  // digit groups stays a thousands separator) so clause rules see Chinese punctuation.
  const norm = foldCommas(
    text
      .replace(/\r\n?/g, "\n") // Word separates paragraphs with "\r"
      .normalize("NFKC")
      .replace(/\u00a0/g, " "),
  )
    .replace(/;/g, "；")
    .replace(/:/g, "：")
    .replace(/\(/g, "（")
    .replace(/\)/g, "）")
    .replace(/!/g, "！")
    .replace(/\?/g, "？");
  const sentences = splitSentences(norm);
  const findings: Finding[] = [];
  let numbers = 0;
  let checked = 0;
  let skipped = 0;
  const push = (f: Finding) => findings.push(f);
  const count = () => checked++;
  const skip = () => skipped++;
  for (const s of sentences) {
    const tokens = tokenize(s.text);
    numbers += tokens.length;
    skipped += tokens.filter((t) => t.range).length;
    const r = read(s.text, tokens);
    unitChecks(s, r, push);
    checkChanges(s, r, push, count, skip);
    // "其中" lists are read clause by clause ("；" ends one).
    let offset = 0;
    for (const part of splitAfter(s.text, "；;")) {
      const partTokens = tokens
        .filter((t) => t.start >= offset && t.end <= offset + part.length)
        .map((t) => ({ ...t, start: t.start - offset, end: t.end - offset }));
      const partRead = read(part, partTokens);
      for (const m of partRead.money) m.unit = r.money.find((x) => x.token.start === m.token.start + offset)?.unit ?? m.unit;
      checkLists({ text: part, paragraph: s.paragraph }, partTokens, partRead, push, count);
      offset += part.length;
    }
    if (analysis) checkAgainstTables(s, r, analysis, push, count);
  }
  checkScores(norm, push, count);
  return { findings, sentences: sentences.length, numbers, checked, skipped };
}
