/**
 * Reading a paragraph into claims, item by item. A claim is what the text says about one item: its subject, its amounts
 * (this year's, last year's, the budget, the 决算), its changes against last year or the budget (direction, amount,
 * rate), its completion rate, its shares of a whole, and words like 大于/小于/持平. Lists ("其中…", numbered items,
 * "（…）" after an amount) make claims children of the claim before them. Every figure is bound to the claim it
 * belongs to only when the text leaves no doubt; a figure that cannot be placed is counted as skipped.
 */
import { matchesNotAfter } from "../base/scan";
import { tokenize } from "./numbers";
import type { Figure } from "./numbers";
import { groupsOf, namesOf } from "./respectively";
import type { Group } from "./respectively";
import { clausesOf, sentencesOf } from "./segment";
import type { Clause, Sentence } from "./segment";
import * as V from "./vocabulary";
import type { ItemKey } from "./vocabulary";

export type Against = "prev" | "budget";

export interface Comparison {
  against: Against;
  /** A named year ("较2021年"): the base period when it is not last year. */
  year: number | null;
  /** "比上年预算数", "较上年决算数": which of last year's amounts. */
  hint: "budget" | "actual" | null;
  /** "较2020年的3178万元", "比去年3.01万元": the base as stated. */
  base: Figure | null;
  phrase: string;
  /**
   * "完成13040万元，减少201万元，下降1.52%": no comparison is named. Read as against an earlier period, which is enough
   * for the rate against the implied base (the same whatever the period), never for a stated base or a direction.
   */
  assumed?: boolean;
}

export interface Change {
  /** Where it is said (offset in the paragraph): a rate pairs with the change said right before it. */
  at: number;
  dir: 1 | -1 | 0;
  fig: Figure | null;
  cmp: Comparison;
  /** "增减%" columns and "增幅为-4.5%": the sign carries the direction. */
  signed: boolean;
}

/** A rate of change: always with its figure. */
export interface Rate extends Change {
  fig: Figure;
  /** The words before the figure as written, from the direction word on ("增幅为", "下降"), for quotes. */
  word?: string;
}

export type Period = "cur" | "prev" | number;
export interface Slot {
  period: Period;
  kind: "budget" | "actual" | null;
}

export interface Amount {
  fig: Figure;
  slot: Slot;
  /** Which budget a 预算 amount is: 年初预算 or 全年/调整预算 ("年初预算为…，全年预算为…" gives both). */
  stage?: BudgetStage;
}

export type BudgetStage = "initial" | "final";

/** "年初预算为" → initial, "全年预算数", "调整预算" → final; anything else says neither. */
export function budgetStageOf(words: string): BudgetStage | undefined {
  if (/年初/.test(words)) return "initial";
  if (/(全年|调整|变动后)(后)?(预算|计划)/.test(words)) return "final";
  return undefined;
}

export interface Claim {
  id: number;
  paragraph: number;
  /** The year its paragraph speaks of (the year of "本年"), when the paragraph names one: periods are relative to it. */
  year: number | null;
  /** Offset in the paragraph where the claim is first named. */
  start: number;
  /** The sentence the claim starts in (offsets in the paragraph). */
  sentence: Sentence;
  lastSentence: Sentence;
  subject: string;
  raw: string;
  key: ItemKey | null;
  amounts: Amount[];
  changes: Change[];
  rates: Rate[];
  /** "完成年初预算的X%", "执行率X%": with its stated base, and the words before it. */
  completions: { fig: Figure; base: Figure | null; word?: string }[];
  shares: { fig: Figure; whole: string | null }[];
  compares: { dir: 1 | -1 | 0; against: Against; text: string }[];
  parent: Claim | null;
  list: List | null;
  /** Which split of its list the claim is in ("按功能分类…按经济分类…" split one total twice). */
  split: number;
  perUnit: boolean;
  excluded: boolean;
  /** "本年未发生支出": the 决算 is said in words to be nil, so a 预算 amount is never read as the current figure. */
  actualNone?: boolean;
  /** Set when the reading of the claim met something it could not place: checks that need certainty skip it. */
  doubt: string | null;
  /** "占年初预算数109466万元的…": the stated base of the completion rate that follows. */
  completionBase?: Figure;
}

export interface List {
  id: number;
  parent: Claim;
  partial: boolean;
  /** Groups of the list that split the same total in different ways ("按功能分类…按经济分类…"). */
  split: number;
  items: Claim[];
  paragraph: number;
  /** The marker style of its items ("1、", "（一）"…), when they are numbered: numbered items continue across sentences. */
  style: string | null;
  /** The amount the list breaks down: the parent's amount said last before the list. */
  total: Amount | null;
  /** Inside "（…）": ends with the parenthesis. */
  paren: boolean;
  /** Parenthesis depth of its items. */
  depth: number;
  /** "其中：" opening a paragraph: its parent is in the paragraph before, and it lasts to the paragraph's end. */
  sticky: boolean;
}

/** "收入决算数129748万元，加上级补助收入428905万元，…，收入总计968113万元": total = base + each added amount. */
export interface Chain {
  paragraph: number;
  start: number;
  end: number;
  base: Figure;
  added: Figure[];
  total: Figure | null;
  /** An added item named without its amount ("加上上级补助、调入资金…"): the sum cannot be checked. */
  broken: boolean;
  /** Parenthesis depth of the clause that opens it: a deeper clause breaks an addend down, it adds nothing. */
  depth: number;
}

export interface ParagraphRead {
  index: number;
  /** The paragraph as read (folded to simplified characters), and as written, for quotes: the same positions. */
  text: string;
  shown: string;
  figures: Figure[];
  sentences: Sentence[];
  claims: Claim[];
  lists: List[];
  chains: Chain[];
  skipped: number;
  currentYear: number | null;
  /** A list opened by the paragraph's last words ("…下降0.2%。其中："): its items may follow on the next lines. */
  trailing: List | null;
}

const MONEY_OR_RATE = new Set(["money", "percent"]);
const endsWithAny = (s: string, words: readonly string[]) => words.find((w) => s.endsWith(w)) ?? null;
const sortLong = (w: readonly string[]) => [...w].sort((a, b) => b.length - a.length);
const UP = sortLong(V.UP_WORDS);
const DOWN = sortLong(V.DOWN_WORDS);

/** A direction word with 为/至/到 after it: what follows is the level reached ("下降为8万元", "增至1200万元"). */
const LEVEL_REACHED = /((下降|减少|降低|增加|增长|上升|提高|回落|压减|缩减)(为|至|到)|[降减增升]至)$/;

/** The direction word that ends a lead, once "为/了/率/额…" are stripped: 1, -1, or null. */
export function directionAtEnd(lead: string, rate: boolean): { dir: 1 | -1; word: string; signed: boolean } | null {
  // "由上年的10万元下降为8万元", "减至8万元": the amount it came to, not the change.
  if (!rate && LEVEL_REACHED.test(lead)) return null;
  const core = lead.replace(rate ? V.RATE_TAIL : V.AMOUNT_TAIL, "");
  // "降幅达到38.7%": the tail strips "幅达到" from 降幅; the lead without its verb keeps the word whole.
  for (const s of [core, lead.replace(/(为|是|达|达到|约|了)$/, ""), lead]) {
    const up = endsWithAny(s, UP);
    const down = endsWithAny(s, DOWN);
    const word = [up, down].filter(Boolean).sort((a, b) => b!.length - a!.length)[0];
    // "增幅-3.2%" is a signed change; a 降幅 is a fall by its figure ("降幅38.7%").
    if (word) return { dir: word === up ? 1 : -1, word, signed: word === "增幅" };
  }
  // "增加（减少）", "增长（下降）", "增（减）": the template's two words left for the clerk to choose — the sign decides.
  if (/(增减|变动|变化|差异|差额|差值|[增升][加长]?（[减降][少低]?）)(率|幅度|额|情况)?(为|是)?$/.test(core))
    return { dir: 1, word: "增减", signed: true };
  return null;
}

/** "收、支总计各", "收支总计均", "(财政拨款)收入、支出总计分别": both totals of a 收支 table at once (not "税收、支出总计"). */
const BOTH_TOTALS = /(收[、和及与]?支(出)?|收入[、和及与]支出)总计(各|均|分别)?/;
function bothTotals(lead: string): RegExpExecArray | null {
  const m = BOTH_TOTALS.exec(lead);
  const before = m ? lead.slice(0, m.index) : "";
  // After a year, a comma, or 财政拨款 ("财政拨款收入、支出总计各增加…": the 财政拨款 totals).
  return m && (before === "" || !/[\u4e00-\u9fa5]$/.test(before) || /([年度]|财政拨款)$/.test(before)) ? m : null;
}

/** A name as the checks compare it: no years, periods, quotes, markers, connectors or trailing labels. */
export function subjectOf(lead: string): string {
  // "收、支总计各增加103.46万元" (the national template's words): the change of each total; read as 收入总计's, which the
  // sentence says it is (the two totals of the 收支 table are equal).
  const both = bothTotals(lead);
  if (both) return subjectOf(lead.slice(0, both.index) + "收入总计" + lead.slice(both.index + both[0].length));
  // "出国（境）经费、车辆购置及运行费、公务接待费（简称“三公”经费）": the short name.
  const short = /简称([^）)]+?)[）)]/.exec(lead);
  if (short) return subjectOf(short[1]);
  // "本年收入合计", "支出总计": the totals of the 收支 table are items of their own, not a bare label.
  const total = /(本年)?(收入|支出)(合计|总计)$/.exec(lead.replace(/[“”"'‘’\s]/g, "").replace(/(为|是|达|共计)$/, ""));
  if (total && !/[\u4e00-\u9fa5]/.test(lead.slice(0, lead.indexOf(total[0])).replace(/^[\d年度，、]+|(19|20)\d\d年度?/g, "")))
    return total[0];
  let s = lead
    .replace(/[“”"'‘’]/g, "")
    .replace(/^([一二三四五六七八九十]+、|（[一二三四五六七八九十\d]+）|\d{1,2}[、．]|[①-⑳])/, "")
    .replace(/^(其中|包括|主要包括|具体包括|以及|及|和|与|另|此外|加上|加|即|分别为|其余|全年|今年)+[：，]?/, "")
    .replace(/(19|20)\d\d年(度)?(\d{1,2}月(份)?)?(底|末|初)?/g, "")
    .replace(/\d{1,2}[-—至到]\d{1,2}月(份)?/g, "")
    .replace(/(截至|截止)[^，；。]*?(底|末)/g, "")
    .replace(/^(本年度|本年|当年|上年度|上年|去年|本期|全年|年初|年末|累计|共|全区|全县|全市|全省|全镇|全乡|本级)+(?!结转|结余)/, "")
    .replace(/(按)?同口径|同比口径/g, "");
  for (let i = 0; i < 6; i++) {
    const before = s;
    s = s
      .replace(/(为|是|达|达到|约|共计|合计|总计|总额|累计|金额|资金|的)$/, "")
      .replace(/(决算数|决算|年初预算数|年初预算|全年预算|调整预算|预算数|预算|执行数|实际支出|实际|完成|本年数|上年数|数)$/, "")
      .replace(/^(.{2,}?)(安排|拨入|开支|列支)$/, "$1")
      .replace(/^(本年度|本年|当年|上年度|上年|去年|全年|实际|年初)+(?!结转|结余)/, "");
    if (s === before) break;
  }
  // "减少率", "增长了": a change word alone names nothing; "因公出国（境）费增加" names 因公出国（境）费.
  const d = directionAtEnd(s, true);
  const named = s;
  if (d && s.replace(V.RATE_TAIL, "").endsWith(d.word)) s = s.replace(V.RATE_TAIL, "").slice(0, -d.word.length);
  else if (d && s.endsWith(d.word)) s = s.slice(0, -d.word.length); // "降幅": the tail would take its 幅
  if (s === "") return "";
  // "财政拨款收入总计增加": the name before the change word, read as it would be alone ("财政拨款收入总计" → 财政拨款收入).
  if (s !== named) return subjectOf(s);
  // "支出决算为", "决算数为", "上年数为", "已完成拨付": labels alone name nothing.
  if (/^(支出|收入|决算|预算|数|年初|全年|调整|本年|上年|实际|执行|完成|金额|总额|发生|已|累计|拨付|支付|使用|到位)*$/.test(s)) return "";
  return s.trim();
}

function yearsIn(text: string): number[] {
  return matchesNotAfter(/((?:19|20)\d\d)年/g, text, /[\d〔[【]/).map((m) => Number(m[1]));
}

/** "由上年的10万元减少为8万元", "从2022年的…降至…": from a year's amount (written next) to this one's. */
const FROM_YEAR = /(由|从)(?=(上年|去年|上一年|(19|20)\d\d年度?)的?(\d|$))/;

/** The comparison a change word in `text` refers to, or null when `text` names none. */
export function comparisonIn(text: string, currentYear: number | null): Comparison | null {
  const t = text.replace(V.FUND_TYPES, "");
  // "由上年的10万元减少为8万元", "从2022年的…降至…": from a year's amount to this one's.
  const m = /(较|比|与|同比|对比|相比|相较)/.exec(t) ?? FROM_YEAR.exec(t);
  if (!m) return null;
  const phrase = t.slice(m.index);
  const years = yearsIn(phrase);
  const hint: Comparison["hint"] = /决算|实际|执行/.test(phrase) ? "actual" : /预算/.test(phrase) ? "budget" : null;
  if (V.VS_PREVIOUS.test(phrase)) return { against: "prev", year: null, hint, base: null, phrase };
  if (years.length > 0) {
    const y = years[years.length - 1];
    // "与2021年度预算相比" in a paragraph that names no year of its own: a 决算 is set against its own year's budget.
    if ((currentYear !== null && y === currentYear) || (currentYear === null && /预算/.test(phrase))) {
      return V.VS_BUDGET.test(phrase) ? { against: "budget", year: null, hint: "budget", base: null, phrase } : null;
    }
    return { against: "prev", year: currentYear !== null && y === currentYear - 1 ? null : y, hint, base: null, phrase };
  }
  if (V.VS_BUDGET.test(phrase)) return { against: "budget", year: null, hint: "budget", base: null, phrase };
  // "同比增长", "对比减少4.35万元" (after this year's and last year's figures): against last year.
  if (/^(同比|对比|相比)/.test(phrase)) return { against: "prev", year: null, hint: null, base: null, phrase };
  return null;
}

interface State {
  chains: Chain[];
  chain: Chain | null;
  /** A whole sentence without figures (other than a reason) since the last amount: a list word here has no total. */
  blocked: boolean;
  /** The year of the sentence being read (its amounts without a year of their own are that year's). */
  sentenceYear: number | null;
  /** The sentence opens with 去年 as the year it speaks of (see FRAME_LAST_YEAR). */
  framedLastYear: boolean;
  /** Figures of "分别/各" runs, and the parallel items of each run (by the id of the run that named them). */
  groups: Map<Figure, { group: Group; index: number }>;
  parallel: Map<number, Claim[]>;
  claims: Claim[];
  lists: List[];
  current: Claim | null;
  cmp: Comparison | null;
  openLists: List[];
  skipped: number;
  /** The sentence a position of the paragraph is in. */
  sentenceAt: (pos: number) => Sentence;
}

/** A list seen from one side: "分项目看", "从收入结构看", "按功能分类看". */
const PERSPECTIVE = /^(分[^，；。]{1,8}?看|(从|按)[^，；。]{1,10}?(来看|看))/;

/**
 * 去年 as the time a sentence speaks of: "去年全年全盟一般公共预算收入累计完成310682万元，同比增加23188万元" — an amount of 去年
 * compared at once with its own year before (never "上年决算数…", a label of the base).
 */
const FRAME_LAST_YEAR =
  /(^|[，,])[\s]*(全县|全市|全区|全盟|全省|全州|全镇|全乡|全旗)?去年(全年)?[^，；。]*?\d[\d.,]*\s*(亿元|万元|元)[，,]\s*(同比|比上年|较上年|与上年相比)/;
const LAST_YEAR_WORD = /去年(全年)?/;

let nextId = 1;

/**
 * `shown`: the paragraph as written (the text read is folded to simplified characters). `continuing`: the list of a
 * paragraph before, whose items go on here ("其中：" closing that paragraph, one item a line).
 */
export function readParagraph(
  text: string,
  index: number,
  previous: Claim | null = null,
  more: { shown?: string; continuing?: List | null } = {},
): ParagraphRead {
  const figures = tokenize(text).filter((f) => !f.range || (f.kind !== "year" && f.kind !== "date"));
  const sentences = sentencesOf(text);
  const clauses = clausesOf(text);
  // The year of each sentence: said before its first amount ("2011年…预算中，因公出国（境）费617万元"); this year is the
  // latest of them ("2017年…合计13.78万元…原因是2018年…" is about 2017), else the latest year named at all.
  const noComparisons = (t: string) => t.replace(/(较|比|与|同比|对比)(19|20)\d\d年/g, "");
  const sentenceYears = sentences.map((x) => {
    const firstMoney = figures.find((f) => f.kind === "money" && f.start >= x.start && f.start < x.end);
    const years = firstMoney ? yearsIn(noComparisons(text.slice(x.start, firstMoney.start))) : [];
    return years.length > 0 ? years[years.length - 1] : null;
  });
  // "去年全盟…完成310682万元，同比增加23188万元，增长8.1%" (a report of January): 去年 opening a sentence that compares with
  // its own year before is the year spoken of, not the base — its amounts are that sentence's current figures.
  const framedLastYear = sentences.map((x) => {
    const said = text.slice(x.start, x.end);
    // Opening a clause, with no year named and no amount before it ("2023年…1000万元，去年支出900万元，同比…": 去年 is the base).
    const m = FRAME_LAST_YEAR.exec(said);
    return m !== null && !/(本年|今年|当年|(19|20)\d\d年)/.test(said) && !/\d\s*(亿元|万元|元)/.test(said.slice(0, m.index));
  });
  const leadYears = sentenceYears.filter((y): y is number => y !== null);
  const allYears = yearsIn(noComparisons(text));
  const currentYear = leadYears.length > 0 ? Math.max(...leadYears) : allYears.length > 0 ? Math.max(...allYears) : null;
  const st: State = {
    chains: [],
    chain: null,
    blocked: false,
    sentenceYear: null,
    framedLastYear: false,
    groups: new Map(),
    parallel: new Map(),
    claims: [],
    lists: [],
    current: null,
    cmp: null,
    openLists: more.continuing ? [more.continuing] : [],
    skipped: 0,
    sentenceAt: (pos: number) => sentences.find((s) => pos >= s.start && pos < s.end) ?? { start: 0, end: text.length },
  };
  let opened: { list: List; clause: Clause } | null = null;
  const sentenceOf = st.sentenceAt;
  const usable = figures.filter((f) => MONEY_OR_RATE.has(f.kind) || f.kind === "bare");
  st.skipped += figures.filter((f) => f.range && MONEY_OR_RATE.has(f.kind)).length;
  for (const g of groupsOf(text, usable, sentences)) g.figs.forEach((f, index) => st.groups.set(f, { group: g, index }));

  const newClaim = (clause: Clause, raw: string): Claim => {
    // "…；其中：公务用车购置…；公务用车运行维护费…；公务接待费…": a known item that is not a part of the inner list's
    // total but is one of an outer list's belongs to the outer list.
    const key = V.itemKeyOf(subjectOf(raw));
    if (key) {
      const partOf = (l: List) => V.COMPOSITIONS.some((x) => x.whole === l.parent.key && x.parts.includes(key));
      const inner = st.openLists[st.openLists.length - 1];
      const outer = [...st.openLists].reverse().find(partOf);
      if (inner && !inner.paren && inner.parent.key && !partOf(inner) && outer)
        st.openLists = st.openLists.slice(0, st.openLists.indexOf(outer) + 1);
    }
    const c: Claim = {
      id: nextId++,
      paragraph: index,
      year: currentYear,
      start: clause.start,
      sentence: sentenceOf(clause.start),
      lastSentence: sentenceOf(clause.start),
      subject: subjectOf(raw),
      raw,
      key: V.itemKeyOf(subjectOf(raw)),
      amounts: [],
      changes: [],
      rates: [],
      completions: [],
      shares: [],
      compares: [],
      parent: null,
      list: null,
      split: 0,
      perUnit: false,
      excluded: false,
      doubt: null,
    };
    const list = st.openLists[st.openLists.length - 1];
    if (list && list.parent !== c) {
      c.parent = list.parent;
      c.list = list;
      c.split = list.split;
      list.items.push(c);
    }
    st.claims.push(c);
    st.current = c;
    st.cmp = null;
    return c;
  };

  const innermost = () => st.openLists[st.openLists.length - 1] ?? null;
  /** A named item: the claim already read for it in this paragraph (said again later), or a new one. */
  const enter = (clause: Clause, raw: string): Claim => {
    const name = subjectOf(raw);
    const prior = name ? [...st.claims].reverse().find((c) => sameItem(name, c)) : undefined;
    const inOpenList = (c: Claim) => st.openLists.some((l) => l.items.includes(c) || l.parent === c);
    const open = innermost();
    // An item said again in a second list under the same total ("具体情况如下：（一）…") is the same item.
    const again = (c: Claim) => open !== null && c.list !== null && c.list.parent === open.parent;
    // An item named again at the start of a later sentence ("。公务接待费减少0万元") is the same item too.
    const restated = clause.sep === "。" && st.openLists.length === 0;
    if (
      prior &&
      (prior.parent === null || inOpenList(prior) || again(prior) || restated) &&
      !st.openLists.some((l) => l.parent === prior && l.items.length === 0)
    ) {
      if (prior.parent === null) st.openLists = st.openLists.filter((l) => l.sticky || l.parent === prior);
      st.current = prior;
      st.cmp = null;
      return prior;
    }
    return newClaim(clause, raw);
  };
  let prevClause: Clause | null = null;
  for (const clause of clauses) {
    const style = clause.marker ? markerStyle(clause.marker) : null;
    // A parenthesised list ends with its parenthesis; the item it hangs from is current again.
    if (prevClause && clause.depth < prevClause.depth) {
      const closing = st.openLists.filter((l) => l.paren && l.depth > clause.depth);
      st.openLists = st.openLists.filter((l) => !(l.paren && l.depth > clause.depth));
      if (closing.length > 0) {
        st.current = closing[0].parent;
        st.cmp = null;
      }
    }
    // Other lists end with their sentence, unless numbered items of the same style continue them.
    if (prevClause && clause.sentence !== prevClause.sentence && clause.depth === 0) {
      const closing = st.openLists.filter((l) => !(l.paren || l.sticky || (l.style !== null && l.style === style)));
      st.openLists = st.openLists.filter((l) => !closing.includes(l));
      // The sentence after a list is about its total again, unless it names another item; on an item's own line it is
      // about that item still.
      if (
        closing.length > 0 &&
        st.current &&
        closing.some((l) => l.items.includes(st.current!)) &&
        closing[0] !== more.continuing &&
        !goesOnAboutItem(clause.text, st.current, closing[0].parent)
      )
        st.current = closing[0].parent;
    }
    // A numbered item of another style is not an item of the inner list.
    while (
      style &&
      innermost() &&
      !innermost()!.paren &&
      innermost()!.style !== style &&
      (innermost()!.style !== null || innermost()!.items.length > 0)
    ) {
      st.openLists.pop();
    }
    // "；完成政府性基金支出…" after a list of 收入 items: a statement beside the total, not a part of it.
    const open = innermost();
    if (open && !open.paren && clause.depth === 0 && (clause.sep === "；" || clause.sep === "。") && closesList(clause.text, open.parent)) {
      st.openLists = st.openLists.filter((l) => l !== open);
    }
    if (clause.sep === "。" || clause.sep === "start" || clause.sep === "cell") st.cmp = null;
    const si = sentences.findIndex((x) => clause.start >= x.start && clause.start < x.end);
    st.sentenceYear = sentenceYears[si] ?? null;
    st.framedLastYear = framedLastYear[si] ?? false;
    if (prevClause && clause.sentence !== prevClause.sentence) {
      const prior = sentences[prevClause.sentence];
      const said = prior ? text.slice(prior.start, prior.end) : "";
      const figured = usable.some((f) => prior && f.start >= prior.start && f.start < prior.end);
      if (figured) st.blocked = false;
      else if (!/(原因|主要是|由于|因为|用于|请填写)/.test(said)) st.blocked = true;
    }
    const from = clause.start + (clause.marker?.length ?? 0);
    const figs = usable.filter((f) => f.start >= from && f.start < clause.end);
    // "收入方面，…": the clauses after it are about the 收入 item read before.
    const topic = V.TOPIC.exec(clause.text);
    if (topic) {
      const item = [...st.claims].reverse().find((c) => c.parent === null && c.subject.endsWith(topic[1]));
      if (item) {
        st.openLists = st.openLists.filter((l) => l.sticky);
        st.current = item;
        st.cmp = null;
      }
    }
    // "比2022年预算增加：一、…二、…": numbered items after a colon are the parts of the amount before it.
    const numberedParts = clause.marker !== null && clause.sep === "：" && st.openLists.length === 0 && st.current !== null;
    const intro = clause.intro ?? (numberedParts ? "" : null);
    // Open a list: "其中…", "包括…", "具体情况如下", or a structural "（" right after an amount.
    // "主要包括燃料费、维修保养费…": a description, not a list of figures.
    const descriptive = intro !== null && /包括/.test(intro) && figs.length === 0 && clause.text.replace(V.LIST_INTRO, "").length > 0;
    // "（较2010年压缩2%）", "（零增长）": a parenthesis about the item itself, not a list of parts.
    const aside = clause.sep === "（" && !intro && (figs.length === 0 || !isPlainAmountLead(clauseHead(clause, figs), figs[0]));
    // "分项目看，…" / "从收入结构看，…": the main lines seen one way, seldom all of them.
    const perspective = intro !== null && PERSPECTIVE.test(intro);
    const manyWholesBefore = (c: Claim) =>
      st.claims.filter((x) => x.parent === null && x.amounts.length > 0 && x.sentence.start === c.sentence.start).length > 1;
    if ((intro !== null && !descriptive) || (clause.sep === "（" && !aside)) {
      let parent: Claim | null;
      const sibling = innermost();
      if (clause.sep === "（") parent = st.current;
      else if (
        sibling &&
        !sibling.paren &&
        clause.depth === 0 &&
        (clause.sep === "；" || clause.sep === "。") &&
        /^(收入|支出|从|按|分)/.test(intro ?? "")
      ) {
        // "收入包括：…；支出包括：…": a second list under the same total.
        parent = sibling.parent;
        st.openLists = st.openLists.filter((l) => l !== sibling);
      } else if (perspective && clause.sep === "。" && st.current && manyWholesBefore(st.current)) {
        // "盟本级收入33648万元；旗级收入277034万元。从收入结构看，税收收入…；非税收入…": seen from another side, the
        // sentence before splits a whole it never states; its last item is not that whole.
        parent = null;
      } else if (numberedParts) parent = st.current!.parent === null && st.current!.amounts.length > 0 ? st.current : null;
      else if (/具体|分项/.test(intro ?? ""))
        parent = [...st.claims].reverse().find((c) => c.parent === null && c.amounts.length > 0) ?? null;
      else if (st.blocked) parent = null;
      else if (st.current && st.current.amounts.length > 0) parent = st.current;
      else parent = st.current ?? (clauses.indexOf(clause) === 0 ? previous : null);
      if (parent) {
        const list: List = {
          id: nextId++,
          parent,
          // "预算为…，本年未发生支出，其中：…": the parts are of the nil 决算, not of the 预算 said before.
          total: parent.amounts.length > 0 && !parent.actualNone ? parent.amounts[parent.amounts.length - 1] : null,
          // "具体是：重点用于…": the words right after the list's intro say it, as the intro itself may.
          partial:
            V.PARTIAL.test(intro ?? "") ||
            V.PARTIAL.test(
              clause.text
                .replace(/^[，、；：:\s]+/, "")
                .replace(intro ?? "", "")
                .replace(/^[：:\s]+/, "")
                .slice(0, 6),
            ) ||
            (perspective && clause.sep === "。"),
          split: 0,
          items: [],
          paragraph: index,
          style: null,
          paren: clause.sep === "（",
          depth: clause.depth,
          sticky: clauses.indexOf(clause) === 0 && parent.paragraph !== index,
        };
        st.lists.push(list);
        st.openLists.push(list);
        st.current = null;
        opened = { list, clause };
      }
    }
    const list = innermost();
    if (list && style && list.style === null && list.items.length === 0) list.style = style;
    // "按经济分类科目，…": a second way of splitting the same total starts here (before or after this clause's figure).
    const newSplit = list && list.items.length > 0 ? V.NEW_SPLIT.exec(clause.text) : null;
    const splitAfter = newSplit !== null && figs.length > 0 && clause.start + newSplit.index > figs[0].start;
    if (newSplit && !splitAfter) list!.split++;
    readChain(clause, figs, st, prevClause);
    readClause(clause, figs, text, st, currentYear, enter, list);
    if (figs.some((f) => f.kind === "money")) st.blocked = false;
    if (newSplit && splitAfter) list!.split++;
    if (st.current) st.current.lastSentence = sentenceOf(clause.start);
    prevClause = clause;
  }
  // "其中：" with nothing after it, the last words of the paragraph: its items are on the lines that follow.
  const trailing =
    opened !== null &&
    opened.clause === clauses[clauses.length - 1] &&
    opened.list.items.length === 0 &&
    !opened.list.paren &&
    st.openLists.includes(opened.list) &&
    opened.clause.text.replace(V.LIST_INTRO, "").replace(/^[：:，]/, "") === ""
      ? opened.list
      : null;
  return {
    index,
    text,
    shown: more.shown ?? text,
    trailing,
    figures,
    sentences,
    claims: st.claims,
    lists: st.lists,
    chains: st.chains,
    skipped: st.skipped,
    currentYear,
  };
}

export function markerStyle(marker: string): string {
  if (/^[（(][一二三四五六七八九十]/.test(marker)) return "（一）";
  if (/^[（(]\d/.test(marker)) return "（1）";
  if (/^[一二三四五六七八九十]+、/.test(marker)) return "一、";
  if (/^[一二三四五六七八九十]是/.test(marker)) return "一是";
  if (/^[①-⑳]/.test(marker)) return "①";
  return "1、";
}

/** A clause that stands beside the list's total rather than under it: "完成…" like the total, or 支出 after 收入. */
function closesList(clause: string, parent: Claim): boolean {
  const head = clause.replace(/^[\d\-—至月份，]+/, "").replace(/^(全县|全市|全区|全省|全镇|全乡|累计|全年)/, "");
  // "一般公共预算收入…其中…；政府性基金预算收入1616万元": another budget, beside the total.
  const fund = V.FUND.exec(parent.raw)?.[1];
  const other = V.FUND.exec(head)?.[1];
  if (fund && other && fund !== other) return true;
  if (/^(完成|实现)/.test(head) && /(完成|实现)/.test(parent.raw)) return true;
  const swap =
    parent.subject.replace(/收入$/, "支出") !== parent.subject
      ? parent.subject.replace(/收入$/, "支出")
      : parent.subject.replace(/支出$/, "收入");
  return swap !== parent.subject && head.includes(swap);
}

/** A clause about the amount before it (its change, its rate), not an amount to add. */
const CHANGE_OF_ADDEND = /^(比|较|同比|与[^，。；]{0,12}相比|增加|减少|增长|下降|降低|上升|持平)/;

/** Follows a "加…" chain clause by clause: each clause adds one amount, until one that names the total. */
function readChain(clause: Clause, figs: Figure[], st: State, prev: Clause | null): void {
  const money = figs.filter((f) => f.kind === "money");
  const ch = st.chain;
  if (ch && prev && clause.sentence !== prev.sentence) st.chain = null;
  const head = clause.text.replace(/^[，、]/, "");
  if (/^加(上)?/.test(head) && !/^加(强|快|大|紧|分)/.test(head)) {
    const base = st.current?.amounts.filter((a) => a.slot.period === "cur").slice(-1)[0]?.fig;
    if (!base) return;
    // "加上：上年结转…、上级补助收入…": a 加 with no figure of its own lists its addends after the colon.
    const opensList = money.length === 0 && /^加(上)?[：:]?$/.test(head.trim());
    st.chain = {
      paragraph: 0,
      start: clause.start,
      end: clause.end,
      base,
      added: [],
      total: null,
      broken: money.length !== 1 && !opensList,
      depth: clause.depth,
    };
    if (money.length === 1) st.chain.added.push(money[0]);
    st.chains.push(st.chain);
    return;
  }
  if (!st.chain) return;
  // "上年结转和结余200万元（基本支出结转100万元）": a breakdown of the addend in brackets; "，比上年增加20万元": its change.
  if (clause.depth > st.chain.depth || CHANGE_OF_ADDEND.test(head)) return;
  st.chain.end = clause.end;
  if (V.TOTAL.test(head) && money.length === 1) {
    st.chain.total = money[0];
    st.chain = null;
  } else if (money.length === 1) st.chain.added.push(money[0]);
  else st.chain.broken = true;
}

/** Text of the clause before its first figure, without its list marker and list word. */
function clauseHead(clause: Clause, figs: Figure[]): string {
  const upTo = figs.length > 0 ? figs[0].start - clause.start : clause.text.length;
  let head = clause.text.slice(0, upTo);
  if (clause.marker && head.startsWith(clause.marker)) head = head.slice(clause.marker.length);
  return head.replace(V.LIST_INTRO, "");
}

/** "公务接待费较上年减少": the name before a comparison phrase, and the phrase. */
const CMP_START = new RegExp(
  /(对比|相比)(?=增加|减少|增长|下降|持平)|(相比|较|比|与|同比|对比)(?=[^，；。]{0,16}?(上年|去年|同期|上一年|预算|年初|计划|任务|(19|20)\d\d年|的|相比))|同比/
    .source + `|${/(由|从)(?=(上年|去年|上一年|(19|20)\d\d年度?)的?(\d|$))/.source}`,
);
export function splitAtComparison(head: string): { name: string; phrase: string } | null {
  const m = CMP_START.exec(head);
  return m ? { name: head.slice(0, m.index), phrase: head.slice(m.index) } : null;
}

/** "本年度“三公经费”决算数未超过2019年预算数", "决算数大于预算数的主要原因是": 大于/小于/持平 of 决算 and 预算 (or 上年). */
const COMPARE_WORDS =
  /(决算数?|支出数?|实际支出|执行数)[^，；。]{0,8}?(大于|小于|高于|低于|超过|未超过|没有超过|超出|等于|持平|少于|多于)[^，；。]{0,10}?(预算|上年)/;

/** Words of a reason or a purpose: the clause tells why, it names no item. */
const REASON = /(原因|导致|由于|因为|主要是|用于|为了|是因)/;

function readClause(
  clause: Clause,
  figs: Figure[],
  text: string,
  st: State,
  currentYear: number | null,
  enter: (clause: Clause, raw: string) => Claim,
  list: List | null,
): void {
  const head = clauseHead(clause, figs);
  const segmentStart = clause.sep === "。" || clause.sep === "；" || clause.sep === "start" || clause.sep === "cell";
  const startsItem = clause.marker !== null || clause.intro !== null || clause.sep === "（";
  const compare = COMPARE_WORDS.exec(head.replace(V.FUND_TYPES, ""));
  const split = compare ? null : splitAtComparison(head);
  const name = subjectOf(compare ? head.slice(0, Math.max(0, head.indexOf(compare[1]))) : split ? split.name : head);
  const same = st.current !== null && (name === "" || sameItem(name, st.current) || sameItemOtherKind(head, name, st.current.subject));
  const none = /^[，；、]?(本年|当年|本年度|全年)?(均)?(未发生|没有发生|无)(任何)?(支出|开支)|^[，；、]?(本年|当年)?支出为零/;
  if (figs.length === 0 && st.current && (same || none.test(clause.text.trim())) && none.test(clause.text.trim()))
    st.current.actualNone = true;
  if (figs.length === 0) {
    // A clause without figures: a comparison word, 持平, or 大于/小于 about the current item or a named one.
    if (compare) {
      const named = name && !same ? [...st.claims].reverse().find((c) => sameItem(name, c)) : st.current;
      if (named) readWords(clause, figs, st, named, currentYear);
      else st.skipped++;
      return;
    }
    // "与上年相比，增加…": the comparison alone, for the clauses after it.
    if (split && !name) {
      const cmp = comparisonIn(split.phrase, currentYear);
      if (cmp && !V.FLAT.test(clause.text) && !directionAtEnd(head, false)) {
        st.cmp = cmp;
        return;
      }
    }
    if (REASON.test(head)) return;
    if (!compare && name && !same && split && (V.FLAT.test(clause.text) || directionAtEnd(head, false))) {
      enter(clause, split.name);
    } else if (!compare && head && clause.marker && !split && (!st.current || !sameItem(head, st.current))) {
      // "2、支出：799.12万元": a numbered heading whose figure follows.
      enter(clause, head);
      return;
    }
    if (st.current) readWords(clause, figs, st, st.current, currentYear);
    return;
  }
  const first = figs[0];
  if (st.groups.has(first)) {
    // A "分别/各" run: its figures go to their parallel items, not to an item named by this clause.
    if (split) st.cmp = comparisonIn(split.phrase, currentYear) ?? st.cmp;
    for (const f of figs) readGrouped(f, st, currentYear, enter);
    return;
  }
  const firstIsAmount = isPlainAmountLead(head, first);
  const openItem = list !== null && st.current !== null && st.current.list === list;
  // "，公务用车运行维护费增加2.01万元": a name right before a change word is an item of its own.
  const namedChange = name !== "" && directionAtEnd(head, first.kind === "percent") !== null;
  if (!name && clause.sep === "。" && firstIsAmount && !list && st.current && st.current.amounts.length > 0) {
    // "。2017年预算数3786.71万元…": a new sentence of labels alone is about no item read so far.
    enter(clause, "");
  } else if (name && !same && (segmentStart || startsItem || firstIsAmount || split !== null || namedChange)) {
    enter(clause, split ? split.name : head);
  } else if (!name && openItem && firstIsAmount && (segmentStart || clause.sep === "、") && st.current!.amounts.length > 0) {
    // "其中：30万元用于…；20万元用于…": items that give their figure first.
    enter(clause, head);
  } else if (!st.current || (list && list.parent === st.current)) {
    enter(clause, head);
  }
  const c = st.current!;
  if (split) {
    const cmp = comparisonIn(split.phrase, currentYear);
    if (cmp) st.cmp = cmp;
  }
  readWords(clause, figs, st, c, currentYear);
  let prev: Figure | null = null;
  for (const f of figs) {
    if (st.groups.has(f)) {
      readGrouped(f, st, currentYear, enter);
      continue;
    }
    const lead = text.slice(prev ? prev.end : clause.start, f.start).replace(/^[：，、]/, "");
    readFigure(f, lead, prev, c, st, currentYear);
    prev = f;
  }
  if (V.PER_UNIT.test(head)) c.perUnit = true;
  if (V.EXCLUDED.test(clause.text) && c.list) c.excluded = true;
}

/** One figure of a "分别/各" run, read with the run's lead into its own parallel item. */
function readGrouped(f: Figure, st: State, currentYear: number | null, enter: (clause: Clause, raw: string) => Claim): void {
  const { group, index } = st.groups.get(f)!;
  const root = group.continues ?? group.id;
  let items = st.parallel.get(root);
  if (!items) {
    const keep = { current: st.current, cmp: st.cmp };
    const names = namesOf(group.names, group.figs.length);
    const at = {
      start: group.figs[0].start,
      end: group.figs[0].end,
      text: "",
      sep: "，",
      depth: 0,
      marker: null,
      intro: null,
      sentence: 0,
    };
    items = names.map((n) => enter(at as Clause, n));
    st.parallel.set(root, items);
    st.current = keep.current;
    st.cmp = keep.cmp;
  }
  const keep = st.current;
  const item = items[index];
  readFigure(f, group.lead.replace(/^[：，、]/, ""), null, item, st, currentYear);
  // "收、支总计各是A、B万元。…各下降X%、Y%。": the item goes on into the sentence of its later figure, which its findings quote.
  const at = st.sentenceAt(f.start);
  if (at.start > item.lastSentence.start) item.lastSentence = at;
  st.current = keep;
}

/** A sentence that opens with a comparison and names nothing ("比2015年减少48.45万元，下降0.8%"). */
export const BARE_COMPARISON = /^(比|较|同比|与[^，。；]{0,12}相比|和[^，。；]{0,12}相比)/;

/**
 * "三公经费2.29亿元，比上年减少0.88亿元。其中，因公出国（境）费0.61亿元。比2015年减少48.45万元": the total's change is
 * said already and the item's is not, so a bare comparison after the item's sentence is the item's (the "。" a comma).
 */
function goesOnAboutItem(text: string, item: Claim, parent: Claim): boolean {
  if (!BARE_COMPARISON.test(text) || item.amounts.length === 0) return false;
  return item.changes.length === 0 && item.rates.length === 0 && (parent.changes.length > 0 || parent.rates.length > 0);
}

/** "实际采购金额为…" after "全省政府采购预算…": a kind label with (part of) the same name is the same item. */
function sameItemOtherKind(head: string, name: string, current: string): boolean {
  if (!/(实际|决算|执行|完成|预算|年初|上年|去年)/.test(head)) return false;
  const core = name.replace(/(金额|数额|规模)$/, "");
  return core.length >= 2 && (current.endsWith(core) || current.startsWith(core));
}

/** The same item: the same name, or the same known item (“三公”经费, 公务接待费 …) however it is written. */
export function sameItem(name: string, c: Claim): boolean {
  if (!name || !c.subject) return false;
  const key = V.itemKeyOf(name);
  return sameSubject(name, c.subject) || (key !== null && key === c.key);
}

/** Two names of one item: equal once "支出/经费/费" endings are dropped; 收入 and 支出 are never the same item. */
function sameSubject(a: string, b: string): boolean {
  const strip = (s: string) => s.replace(/(支出|收入|经费|费用|费|资金)$/, "");
  if (a === b) return /[\u4e00-\u9fff]{2}/.test(strip(a));
  const end = (s: string) => /(收入|支出)$/.exec(s)?.[1] ?? null;
  if (end(a) && end(b) && end(a) !== end(b)) return false;
  return strip(a) === strip(b) && /[\u4e00-\u9fff]{2}/.test(strip(a));
}

/** "首次突破2万亿元", "不到3%", "近5000万元": a bound, not an amount of the item. */
const THRESHOLD = /(突破|逾|不到|不足|将近|接近|超过|多达|高达|近|仅|约)$/;

function isPlainAmountLead(head: string, f: Figure): boolean {
  return f.kind === "money" && !directionAtEnd(head, false) && !/占|比重/.test(head) && !THRESHOLD.test(head);
}

function readWords(clause: Clause, figs: Figure[], st: State, c: Claim, currentYear: number | null): void {
  const t = clause.text.replace(V.FUND_TYPES, "");
  // "决算数大于预算数", "本年度决算数未超过2019年预算数", "决算数与预算数持平".
  const cmpWord = COMPARE_WORDS.exec(t);
  // "决算数大小于预算数", "大于（小于）", "小于预算数（或与预算数持平）": template words left unchosen claim nothing.
  if (cmpWord && /大小于|小大于|(大于|高于|超过).{0,6}(小于|低于)|(小于|低于).{0,6}(大于|高于|持平)/.test(t)) return;
  if (cmpWord) {
    const w = cmpWord[2];
    const dir = V.COMPARE_DOWN.test(w) ? -1 : V.COMPARE_UP.test(w) ? 1 : 0;
    const against: Against = /上年/.test(cmpWord[3]) ? "prev" : "budget";
    const tail = clause.text.slice(clause.text.indexOf(cmpWord[0]) + cmpWord[0].length);
    // "决算数大于预算数55.93万元": a change against the budget with its amount (read as a figure below).
    if (!/^数?\d/.test(tail)) c.compares.push({ dir, against, text: cmpWord[0] });
    else st.cmp = { against, year: null, hint: null, base: null, phrase: cmpWord[0] };
    return;
  }
  if (figs.length > 0) {
    // "与去年1.05万元持平": a base and 持平 in one clause.
    if (V.FLAT.test(t) && !V.ROUGHLY_FLAT.test(t.replace(/[，。；]$/, "")) && figs.length === 1) {
      const cmp = comparisonIn(t, currentYear);
      if (cmp && t.indexOf(figs[0].text) < t.search(V.FLAT)) {
        c.changes.push({ at: clause.start, dir: 0, fig: null, cmp: { ...cmp, base: figs[0] }, signed: false });
        figs.splice(0, 1);
      }
    }
    return;
  }
  if (/基本持平|大致持平|略有/.test(t)) return;
  if (V.FLAT.test(t)) {
    const cmp = comparisonIn(t, currentYear) ?? (/(与|较|比)?(上年|去年|同期)/.test(t) ? prevCmp(t) : st.cmp);
    if (cmp) {
      c.changes.push({ at: clause.start, dir: 0, fig: null, cmp, signed: false });
      st.cmp = cmp;
    }
    return;
  }
  // "比上年减少 万元" (blank in the published form) or "比2022年预算增加：" with no amount.
  const d = directionAtEnd(t.replace(/[：:]$/, "").replace(/\s+$/, ""), false);
  const cmp = comparisonIn(t, currentYear);
  if (d && cmp) {
    st.cmp = cmp;
    c.changes.push({ at: clause.start, dir: d.dir, fig: null, cmp, signed: false });
  }
}

const prevCmp = (phrase: string): Comparison => ({ against: "prev", year: null, hint: null, base: null, phrase });

function readFigure(f: Figure, lead: string, prev: Figure | null, c: Claim, st: State, currentYear: number | null): void {
  const cleaned = lead.replace(V.FUND_TYPES, "");
  if (f.kind === "bare") {
    // "较上年2.08减少0.03万元": a base written without its unit takes the unit of the change after it.
    const cmp = comparisonIn(cleaned, currentYear);
    if (cmp && /(较|比|同比)[^，；。]{0,10}$/.test(cleaned)) {
      st.cmp = { ...cmp, base: f };
      f.kind = "money";
    }
    return;
  }
  if (f.kind === "money") {
    const d = directionAtEnd(cleaned, false) ?? shortDirection(cleaned, prev, st) ?? compareDirection(cleaned);
    if (d) {
      const cmp = comparisonIn(cleaned, currentYear) ?? st.cmp ?? inheritedCmp(c) ?? differenceCmp(cleaned, c) ?? assumedCmp(c);
      if (!cmp) {
        st.skipped++;
        return;
      }
      st.cmp = cmp;
      const dir = f.value.n === 0n ? 0 : d.signed ? (f.value.n < 0n ? -1 : 1) : d.dir;
      c.changes.push({ at: f.start, dir, fig: f, cmp, signed: d.signed });
      return;
    }
    // A base: "较2024年的2190万元", "比去年3.01万元", "同比去年1.05万元", "比上年的2394.60亿元".
    const baseCmp = /(较|比|与|同比|相比)[^，；。]{0,14}?(的)?$/.test(cleaned) ? comparisonIn(cleaned, currentYear) : null;
    if (baseCmp) {
      st.cmp = { ...baseCmp, base: f };
      return;
    }
    // "占年初预算数109466万元的56.3%", "完成年初预算数60999万元的40.4%": the base of a completion rate.
    // "占年计划100500万元的112.92%", "为年度计划…的": a plan is a budget's base as well.
    if (/(占|完成|为)(年初|全年|调整|调整后|年|年度)?(预算|计划|任务)(数)?$/.test(cleaned)) {
      c.completionBase = f;
      return;
    }
    if (THRESHOLD.test(cleaned)) {
      st.skipped++;
      return;
    }
    const slot = slotOf(st.framedLastYear ? cleaned.replace(LAST_YEAR_WORD, "") : cleaned, currentYear, st.sentenceYear);
    // "预算11324.44万元，其中：因公出国（境）费9605.80万元": an unlabelled part is of the kind of its list's total.
    const total = c.list?.total;
    if (slot.kind === null && slot.period === "cur" && total && total.slot.period === "cur" && total.slot.kind !== null)
      slot.kind = total.slot.kind;
    const stage = slot.kind === "budget" ? budgetStageOf(cleaned) : undefined;
    c.amounts.push({ fig: f, slot, ...(stage ? { stage } : {}) });
    return;
  }
  if (f.kind === "percent") {
    const d = directionAtEnd(cleaned, true);
    if (d) {
      const cmp = comparisonIn(cleaned, currentYear) ?? st.cmp ?? inheritedCmp(c) ?? assumedCmp(c);
      if (!cmp) {
        st.skipped++;
        return;
      }
      st.cmp = cmp;
      // "下降-81.75%": a fall written with a minus of its own says the opposite of its word; the direction check asks.
      const own = f.value.n < 0n ? -1 : 1;
      const at = cleaned.lastIndexOf(d.word);
      const word = at >= 0 ? cleaned.slice(at) : undefined;
      c.rates.push({ at: f.start, dir: d.signed ? own : ((d.dir * own) as 1 | -1), fig: f, cmp, signed: d.signed, word });
      return;
    }
    // "减少18.50万元（65.37%）": the rate of the change right before.
    if (/^（$/.test(lead) && prev && c.changes.length > 0 && c.changes[c.changes.length - 1].fig === prev) {
      const ch = c.changes[c.changes.length - 1];
      c.rates.push({ at: f.start, dir: ch.dir, fig: f, cmp: ch.cmp, signed: false });
      return;
    }
    if (c.completionBase && /^的?$/.test(cleaned)) {
      c.completions.push({ fig: f, base: c.completionBase });
      delete c.completionBase;
      return;
    }
    if (V.COMPLETION.test(cleaned)) {
      c.completions.push({ fig: f, base: null, word: cleaned });
      return;
    }
    // "完成年初预算的102.59%、全年预算的100%": the second rate of the same completion, of the other budget.
    const second = /^[、和及]?((年初|全年|调整|调整后)预算(数)?)的?$/.exec(cleaned);
    const lastRate = c.completions[c.completions.length - 1]?.fig;
    if (second && lastRate && c.amounts.every((a) => a.fig.start < lastRate.start) && f.start - lastRate.end <= 12) {
      c.completions.push({ fig: f, base: null, word: `完成${second[1]}的` });
      return;
    }
    const share = V.SHARE.exec(cleaned);
    if (share) {
      const wholeName = share[1].replace(/^(了|到)/, "");
      if (V.COMPLETION_OF.test(wholeName)) c.completions.push({ fig: f, base: null });
      else c.shares.push({ fig: f, whole: wholeName || null });
      return;
    }
    if (V.SHARE_ALONE.test(cleaned)) {
      c.shares.push({ fig: f, whole: null });
      return;
    }
    st.skipped++;
  }
}

/** "决算数大于预算数55.93万元", "超预算20万元": a difference against the budget stated with 大于/小于. */
function compareDirection(lead: string): { dir: 1 | -1; word: string; signed: boolean } | null {
  const m = /(大于|多于|超过|超出|高于|小于|少于|低于)[^，；。\d]{0,8}$/.exec(lead);
  if (!m) return null;
  return { dir: V.COMPARE_DOWN.test(m[1]) ? -1 : 1, word: m[1], signed: false };
}

/** An item of a list that says "减少30万元" with no comparison: the one comparison its total and siblings use. */
function inheritedCmp(c: Claim): Comparison | null {
  if (!c.list) return null;
  const around = [c.list.parent, ...c.list.items.filter((i) => i.id < c.id)];
  const cmps = around.flatMap((x) => [...x.changes, ...x.rates].map((ch) => ch.cmp));
  const kinds = new Set(cmps.map((x) => `${x.against}|${x.year ?? ""}|${x.hint ?? ""}`));
  return kinds.size === 1 ? { ...cmps[0], base: null } : null;
}

/** "支出2.05万元，年初预算为2.95万元，差值为0.9万元": a 差值/差额/差异 beside a budget is the 决算 against it. */
function differenceCmp(lead: string, c: Claim): Comparison | null {
  if (!/(差值|差额|差异)(为|是)?$/.test(lead) || !c.amounts.some((a) => a.slot.kind === "budget")) return null;
  return { against: "budget", year: null, hint: "budget", base: null, phrase: "差值" };
}

/** A change said right after an item's only amount, with no comparison named and no budget in sight. */
function assumedCmp(c: Claim): Comparison | null {
  const cur = c.amounts.filter((a) => a.slot.period === "cur");
  if (cur.length !== 1 || cur[0].slot.kind === "budget" || c.amounts.length !== 1) return null;
  return { against: "prev", year: null, hint: null, base: null, phrase: "", assumed: true };
}

/** "比去年3.01万元少0.07万元": 多/少 right after a stated base. */
function shortDirection(lead: string, prev: Figure | null, st: State): { dir: 1 | -1; word: string; signed: boolean } | null {
  if (!prev || !st.cmp || st.cmp.base !== prev) return null;
  const core = lead.replace(V.AMOUNT_TAIL, "");
  if (V.SHORT_UP.includes(core)) return { dir: 1, word: core, signed: false };
  if (V.SHORT_DOWN.includes(core)) return { dir: -1, word: core, signed: false };
  return null;
}

function slotOf(lead: string, currentYear: number | null, sentenceYear: number | null): Slot {
  const own = yearsIn(lead);
  const years = own.length > 0 ? own : sentenceYear !== null ? [sentenceYear] : [];
  const t = lead.replace(/[“”"]/g, "");
  const kind: Slot["kind"] =
    V.LABEL_BUDGET.test(t) || /预算/.test(t) ? "budget" : V.LABEL_ACTUAL.test(t) || /决算/.test(t) ? "actual" : null;
  if (V.LABEL_PREVIOUS.test(t)) return { period: "prev", kind };
  if (years.length > 0) {
    const y = years[years.length - 1];
    if (currentYear !== null && y < currentYear) return { period: currentYear - y === 1 ? "prev" : y, kind };
  }
  return { period: "cur", kind };
}
