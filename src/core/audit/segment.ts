/**
 * A paragraph cut into clauses, the units the reader works in: split at "，；。：、" and at structural parentheses (those
 * that hold a figure or a list, not "（境）" inside a name), each clause knowing the separator before it, its depth in
 * parentheses, the list marker it starts with ("1、", "（二）", "①", "一、") and the list word it starts with ("其中").
 */
import { LIST_INTRO } from "./vocabulary";

export type Separator = "start" | "。" | "；" | "，" | "：" | "、" | "（" | "）" | "cell";

export interface Clause {
  start: number;
  end: number;
  text: string;
  /** The separator right before the clause. */
  sep: Separator;
  depth: number;
  marker: string | null;
  intro: string | null;
  /** Index of the sentence (split at "。！？") the clause is in. */
  sentence: number;
}

export const MARKER =
  /^([一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)][、．.]?|\d{1,2}[、．]|[①-⑳]|[一二三四五六七八九十]是)/;

export interface Sentence {
  start: number;
  end: number;
}

export function sentencesOf(text: string): Sentence[] {
  const out: Sentence[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    // "…比上年增加0万元。）": a full stop closing a parenthesis does not end the sentence.
    if (("。！？".includes(text[i]) && !/^[）)]/.test(text.slice(i + 1, i + 2))) || i === text.length - 1) {
      const end = i + 1;
      if (text.slice(start, end).trim()) out.push({ start, end });
      start = end;
    }
  }
  return out;
}

/** Parentheses that matter: the ones around a figure or a list ("（其中…）", "（公务用车购置费0万元、…）"). */
function structuralParens(text: string): Set<number> {
  const out = new Set<number>();
  const stack: number[] = [];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === "（") stack.push(i);
    else if (text[i] === "）" && stack.length > 0) {
      const open = stack.pop()!;
      const inside = text.slice(open + 1, i);
      if (/\d/.test(inside) && /(万元|元|亿元|%|其中)/.test(inside) && !/^[\d.,]+%$/.test(inside)) {
        out.add(open);
        out.add(i);
      }
    }
  }
  return out;
}

/** A figure that is not a year or a date ("2018年" in a name does not make "、" a list separator). */
const FIGURE_BEFORE = /\d(?![\d.,]*\s*(年|月|日|号|届))/;

function isItemSeparator(before: string): boolean {
  const t = before.trim();
  if (/^(\d{1,2}|[一二三四五六七八九十]+)$/.test(t)) return false; // the "、" of a marker "1、"
  return FIGURE_BEFORE.test(t.replace(MARKER, ""));
}

const STRENGTH: Separator[] = ["start", "cell", "。", "；", "）", "（", "：", "，", "、"];

export function clausesOf(text: string): Clause[] {
  const parens = structuralParens(text);
  const sentences = sentencesOf(text);
  const sentenceAt = (pos: number) =>
    Math.max(
      0,
      sentences.findIndex((s) => pos >= s.start && pos < s.end),
    );
  const out: Clause[] = [];
  let depth = 0;
  let start = 0;
  let sep: Separator = "start";
  const push = (end: number, next: Separator) => {
    const raw = text.slice(start, end);
    const lead = raw.length - raw.trimStart().length;
    const body = raw.trim();
    if (body) {
      const marker = MARKER.exec(body)?.[0] ?? null;
      const afterMarker = marker ? body.slice(marker.length) : body;
      const intro = LIST_INTRO.exec(afterMarker)?.[1] ?? null;
      out.push({
        start: start + lead,
        end: start + lead + body.length,
        text: body,
        sep,
        depth,
        marker,
        intro,
        sentence: sentenceAt(start + lead),
      });
    }
    // An empty clause ("），" or "。）") keeps the stronger separator.
    sep = body || STRENGTH.indexOf(next) < STRENGTH.indexOf(sep) ? next : sep;
    start = end + 1;
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if ("。！？".includes(ch)) push(i, "。");
    else if (ch === "；") push(i, "；");
    else if (ch === "，") push(i, "，");
    else if (ch === "：") push(i, "：");
    // "、" separates items only after a figure ("购置费0万元、运行维护费4.5万元"); in names and markers it stays.
    else if (ch === "、" && isItemSeparator(text.slice(start, i))) push(i, "、");
    else if (ch === "|" || ch === "\t") push(i, "cell");
    else if (ch === "（" && parens.has(i)) {
      push(i, "（");
      depth++;
    } else if (ch === "）" && parens.has(i)) {
      push(i, "）");
      depth = Math.max(0, depth - 1);
    }
  }
  push(text.length, "。");
  return out;
}
