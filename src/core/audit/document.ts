/**
 * A report read paragraph by paragraph into claims. Paragraphs are grouped into sections at headings ("一、…",
 * "（三）“三公”经费", short lines without figures), so that a total and its items in separate paragraphs of one section
 * are read together, and names are looked up only inside their section. A report in traditional characters is read
 * folded to simplified ("增長" as 增长), one character for one, and quoted as written.
 */
import { foldTraditionalText } from "../base/traditional";
import { directionAtEnd, markerStyle, readParagraph, sameItem, subjectOf } from "./claims";
import type { Claim, List, ParagraphRead } from "./claims";
import { MARKER } from "./segment";
import { chineseNumeral, tokenize } from "./numbers";
import { normaliseCells, normaliseText } from "./normalise";
import { tablesOf } from "./tables";
import type { Table } from "./tables";
import type { Figure } from "./numbers";

export interface DocumentRead {
  /** The text as read (folded to simplified characters); paragraphs keep the text as written too, for quotes. */
  text: string;
  /** A name read from the text, in the characters the text writes it with ("财政拨款" → "財政撥款"). */
  asWritten: (s: string) => string;
  tables: Table[];
  paragraphs: ParagraphRead[];
  /** Section number of each paragraph (by position in `paragraphs`). */
  section: number[];
  claims: Claim[];
  lists: List[];
  sentences: number;
  numbers: number;
  skipped: number;
  /** Look-ups the checks share (built once): a claim's lists, a section's claims, a sentence's claims. */
  listsOf: Map<Claim, List[]>;
  bySection: Map<number, Claim[]>;
  bySentence: Map<string, Claim[]>;
}

export const sentenceKey = (c: Claim) => `${c.paragraph}|${c.sentence.start}`;

function groupBy<T, K>(xs: T[], key: (x: T) => K): Map<K, T[]> {
  const out = new Map<K, T[]>();
  for (const x of xs) {
    const k = key(x);
    const g = out.get(k);
    if (g) g.push(x);
    else out.set(k, [x]);
  }
  return out;
}

const HEADING = /^(第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)])/;

function isHeading(p: string): boolean {
  const t = p.trim();
  if (t.length === 0) return false;
  const hasFigure = /\d[\d.,]*\s*(万元|元|亿元|%)/.test(t);
  if (hasFigure) return false;
  return (HEADING.test(t) && t.length <= 40) || (t.length <= 30 && !/[。；，]/.test(t));
}

export function readDocument(raw: string): DocumentRead {
  const shown = normaliseText(raw);
  const text = foldTraditionalText(shown);
  const lines = text.split("\n");
  const shownLines = shown.split("\n");
  const paragraphs: ParagraphRead[] = [];
  const section: number[] = [];
  let s = 0;
  let last: Claim | null = null;
  // Lists whose items stand one a line after "其中：" ends the paragraph before, innermost last: "（二）…。其中：" opens a run
  // of "1、…" lines inside the run of "（一）（二）（三）", and "（三）" closes the inner run and goes on with the outer one.
  const runs: ItemRun[] = [];
  lines.forEach((line, i) => {
    const heading = isHeading(line);
    if (heading) {
      s++;
      last = null;
    }
    const blank = line.trim() === "";
    let continuing: ItemRun | null = null;
    if (heading) runs.length = 0;
    else if (!blank) {
      while (runs.length > 0) {
        const run = runs[runs.length - 1];
        if (isItemLine(line, run, paragraphs)) {
          continuing = run;
          break;
        }
        // A line that may still be an item, though not read as one: the items read may not be all of them. An item of
        // the list outside ends this one as it should.
        const outer = runs.length > 1 && isItemLine(line, runs[runs.length - 2], paragraphs);
        if (!outer && !endsItems(line, run)) run.list.partial = true;
        runs.pop();
      }
    }
    const p = readParagraph(line, i + 1, last, { shown: shownLines[i], continuing: continuing?.list ?? null });
    paragraphs.push(p);
    section.push(s);
    const top = p.claims.filter((c) => c.parent === null && c.amounts.length > 0);
    if (top.length > 0) last = top[top.length - 1];
    if (continuing) {
      // One item a line: a line with more (or none) ends the run.
      const added = continuing.list.items.filter((c) => c.paragraph === i + 1).length;
      if (added === 1) {
        continuing.style = styleOf(line);
        continuing.number++;
      } else {
        if (i + 1 < lines.length) continuing.list.partial = true;
        runs.length = runs.indexOf(continuing);
      }
    }
    if (p.trailing) runs.push({ list: p.trailing, style: undefined, number: 0 });
  });
  const claims = paragraphs.flatMap((p) => p.claims);
  const lists = paragraphs.flatMap((p) => p.lists);
  // "其中：出国13.9万元，接待9万元，车35万元。具体情况如下：（一）出国…（二）接待…": a second list of the same total with fewer
  // of the same items names only some of them.
  for (const l of lists) {
    const name = (c: Claim) => c.key ?? c.subject;
    const mine = new Set(l.items.map(name));
    const fuller = lists.some(
      (o) =>
        o !== l && o.parent === l.parent && o.items.length > l.items.length && [...mine].every((k) => o.items.some((i) => name(i) === k)),
    );
    if (fuller) l.partial = true;
  }
  for (const c of claims) inferPrecision(claimFigures(c));
  // A list's parts and total are written alike: "89.97万元，其中：30万元…；29.99万元…" is 30.00 + 30.00 + 29.99.
  for (const l of paragraphs.flatMap((p) => p.lists)) {
    inferPrecision([...(l.total ? [l.total.fig] : []), ...l.items.flatMap((i) => i.amounts.map((a) => a.fig))]);
  }
  return {
    text,
    asWritten: writtenForms(shown, text),
    tables: tablesOf(foldTraditionalText(normaliseCells(raw)).split("\n")),
    paragraphs,
    section,
    claims,
    lists,
    listsOf: groupBy(lists, (l) => l.parent),
    bySection: groupBy(claims, (c) => section[c.paragraph - 1] ?? 0),
    bySentence: groupBy(claims, sentenceKey),
    sentences: paragraphs.reduce((n, p) => n + p.sentences.length, 0),
    numbers: paragraphs.reduce((n, p) => n + p.figures.filter((f) => f.kind !== "year" && f.kind !== "date").length, 0),
    skipped: paragraphs.reduce((n, p) => n + p.skipped, 0),
  };
}

/** The items of a list read so far, one a line: the marker style of their lines (undefined before the first), how many. */
interface ItemRun {
  list: List;
  style: string | null | undefined;
  number: number;
}

const styleOf = (line: string): string | null => {
  const m = MARKER.exec(line.trim());
  return m ? markerStyle(m[0]) : null;
};

/** "（三）" → 3, "2．" → 2, "④" → 4, "一是" → 1. */
function markerNumber(marker: string): number | null {
  const digits = /\d+/.exec(marker);
  if (digits) return Number(digits[0]);
  const circled = /[①-⑳]/.exec(marker);
  if (circled) return circled[0].charCodeAt(0) - 0x2460 + 1;
  return chineseNumeral(/[一二三四五六七八九十]+/.exec(marker)?.[0] ?? "");
}

/** The name an item line starts with: no figure, no clause break, no total or change word before its amount. */
const ITEM_NAME = /^[\u4e00-\u9fff“”"（）()、]{2,24}$/;
const NOT_ITEM_NAME = /(合计|总计|共计|小计|总额|占|比重|较|比上年|同比)/;

/**
 * An item of the list on a line of its own: "工资福利支出预算 2016908.34 元，占基本支出预算81.45%，…。",
 * "（一）工资福利支出2016908.34元；" — a name, then its amount; numbered like the items before it and next in their
 * order, not like the total itself ("2. 项目支出…" after "1. 基本支出…其中：" is the total's sibling); an unnumbered line
 * only if short; and not the total again.
 */
function isItemLine(line: string, run: ItemRun, read: ParagraphRead[]): boolean {
  const t = line.trim();
  const marker = MARKER.exec(t)?.[0] ?? null;
  const own = marker ? markerStyle(marker) : null;
  const parentStyle = styleOf(read[run.list.parent.paragraph - 1]?.text ?? "");
  if ((own !== null && own === parentStyle) || (run.style !== undefined && own !== run.style)) return false;
  if (marker ? markerNumber(marker) !== run.number + 1 : t.length > 160) return false;
  const rest = t.slice(marker?.length ?? 0).trimStart();
  const first = tokenize(rest)[0];
  if (!first || first.kind !== "money" || first.range) return false;
  const head = rest.slice(0, first.start).trim();
  if (!ITEM_NAME.test(head) || NOT_ITEM_NAME.test(head) || directionAtEnd(head, false)) return false;
  const name = subjectOf(head);
  return name !== "" && !sameItem(name, run.list.parent);
}

/** A line that cannot be an item of the list: numbered otherwise than its items (a sibling of the total, a new part). */
function endsItems(line: string, run: ItemRun): boolean {
  const own = styleOf(line);
  return own !== null && run.style !== undefined && own !== run.style;
}

/**
 * A writer who gives one figure of an item to the 分 ("减少0.03万元") drops trailing zeros, not digits, in the others:
 * "4.5万元" beside it is 4.50. Figures of one claim in one unit are judged by the finest decimals among them (at most 2).
 */
function claimFigures(c: Claim): Figure[] {
  return [...c.amounts.map((a) => a.fig), ...c.changes.flatMap((ch) => [ch.fig, ch.cmp.base])].filter((f): f is Figure => f !== null);
}

function inferPrecision(all: Figure[]): void {
  const figs = all.filter((f) => f.kind === "money" && f.unit !== "");
  const finest = new Map<string, number>();
  for (const f of figs) finest.set(f.unit, Math.max(finest.get(f.unit) ?? 0, Math.min(f.value.d, 2)));
  for (const f of figs) {
    const d = finest.get(f.unit) ?? 0;
    if (d > Math.max(f.value.d, f.precision ?? 0)) f.precision = d;
  }
}

/**
 * Back from folded to written characters, where the text is consistent: a simplified character the text also writes
 * as itself, or that stands for two traditional ones (复: 復, 複), stays as it is.
 */
function writtenForms(shown: string, folded: string): (s: string) => string {
  if (shown === folded) return (s) => s;
  const back = new Map<string, string | null>();
  for (let i = 0; i < folded.length; i++) {
    const [f, w] = [folded[i], shown[i]];
    const known = back.get(f);
    if (known === undefined) back.set(f, f === w ? null : w);
    else if (known !== null && known !== w) back.set(f, null);
  }
  return (s) => s.replace(/[\u3400-\u9fff]/g, (ch) => back.get(ch) ?? ch);
}
