/**
 * A report read paragraph by paragraph into claims. Paragraphs are grouped into sections at headings ("一、…",
 * "（三）“三公”经费", short lines without figures), so that a total and its items in separate paragraphs of one section
 * are read together, and names are looked up only inside their section.
 */
import { readParagraph } from "./claims";
import type { Claim, List, ParagraphRead } from "./claims";
import { normaliseCells, normaliseText } from "./normalise";
import { tablesOf } from "./tables";
import type { Table } from "./tables";
import type { Figure } from "./numbers";

export interface DocumentRead {
  text: string;
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
  const text = normaliseText(raw);
  const lines = text.split("\n");
  const paragraphs: ParagraphRead[] = [];
  const section: number[] = [];
  let s = 0;
  let last: Claim | null = null;
  lines.forEach((line, i) => {
    if (isHeading(line)) {
      s++;
      last = null;
    }
    const p = readParagraph(line, i + 1, last);
    paragraphs.push(p);
    section.push(s);
    const top = p.claims.filter((c) => c.parent === null && c.amounts.length > 0);
    if (top.length > 0) last = top[top.length - 1];
  });
  const claims = paragraphs.flatMap((p) => p.claims);
  const lists = paragraphs.flatMap((p) => p.lists);
  for (const c of claims) inferPrecision(claimFigures(c));
  // A list's parts and total are written alike: "89.97万元，其中：30万元…；29.99万元…" is 30.00 + 30.00 + 29.99.
  for (const l of paragraphs.flatMap((p) => p.lists)) {
    inferPrecision([...(l.total ? [l.total.fig] : []), ...l.items.flatMap((i) => i.amounts.map((a) => a.fig))]);
  }
  return {
    text,
    tables: tablesOf(normaliseCells(raw).split("\n")),
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
