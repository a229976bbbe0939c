import { foldTraditional, TRADITIONAL_CHARS } from "./traditional";

const SPACE = 1;
const COMPATIBILITY = 2;
const TRADITIONAL = 4;
/** White space as /\s/ knows it (ECMAScript WhiteSpace and LineTerminator), as code-unit ranges. */
const SPACE_RANGES: readonly [number, number][] = [
  [0x09, 0x0d],
  [0x20, 0x20],
  [0xa0, 0xa0],
  [0x1680, 0x1680],
  [0x2000, 0x200a],
  [0x2028, 0x2029],
  [0x202f, 0x202f],
  [0x205f, 0x205f],
  [0x3000, 0x3000],
  [0xfeff, 0xfeff],
];
/** Compatibility forms NFKC may change: enclosed numerals, CJK punctuation and squared forms, compatibility ideographs, full width. */
const COMPATIBILITY_RANGES: readonly [number, number][] = [
  [0x2460, 0x24ff],
  [0x3000, 0x303f],
  [0x3200, 0x33ff],
  [0xf900, 0xfaff],
  [0xfe30, 0xfe4f],
  [0xff00, 0xffef],
];

/** Per UTF-16 code unit, what squash must do about it (test/core/squash.test.ts compares it with the regular expressions). */
export const ACTS_ON: Uint8Array = buildActsOn();

function buildActsOn(): Uint8Array {
  const table = new Uint8Array(65536);
  for (const [from, to] of SPACE_RANGES) for (let c = from; c <= to; c++) table[c] |= SPACE;
  for (const [from, to] of COMPATIBILITY_RANGES) for (let c = from; c <= to; c++) table[c] |= COMPATIBILITY;
  for (const ch of TRADITIONAL_CHARS) table[ch.charCodeAt(0)] |= TRADITIONAL;
  return table;
}

/**
 * Text as recognition sees it: NFKC folds full-width digits, letters and punctuation
 * ("１２３" → "123", "（" → "(", "：" → ":"), and every kind of white space is dropped,
 * because clerks pad names with spaces and full-width spaces for indentation. The traditional characters of the forms'
 * words fold to simplified ("預算數" → "预算数"), so a table in traditional characters is matched by the same words.
 */
export function squash(text: string): string {
  // One look-up per character says which of the three steps the text needs; most cells need none and come back as they are.
  let needs = 0;
  for (let i = 0; i < text.length; i++) needs |= ACTS_ON[text.charCodeAt(i)];
  if (needs === 0) return text;
  // NFKC can yield spaces (U+3000 → " ") and unified ideographs from compatibility ones: the later steps then run too.
  const folded = needs & COMPATIBILITY ? text.normalize("NFKC") : text;
  const spaced = needs & (SPACE | COMPATIBILITY) ? folded.replace(/[\s\u00a0\u3000]+/g, "") : folded;
  return needs & (TRADITIONAL | COMPATIBILITY) ? foldTraditional(spaced) : spaced;
}

/** Leading indentation in half-width space units (a full-width space counts as 2). */
export function indentWidth(text: string): number {
  let n = 0;
  for (const ch of text) {
    if (ch === " " || ch === "\u00a0") n += 1;
    else if (ch === "\u3000") n += 2;
    else if (ch === "\t") n += 4;
    else break;
  }
  return n;
}

export function cellText(v: unknown): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "string") return v;
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  if (typeof v === "object" && "date" in v && typeof v.date === "string") return v.date;
  return "";
}

/**
 * A pure function of a text whose answers are kept: header words and titles repeat on every sheet of a workbook (a
 * county's 200 departments share 科目编码 | 科目名称 | 决算数), and each answer costs tens of patterns. Bounded, so a long
 * session of the add-in does not keep every text it has seen.
 */
export function rememberByText<T>(answer: (text: string) => T, limit = 2000): (text: string) => T {
  const known = new Map<string, T>();
  return (text) => {
    const hit = known.get(text);
    if (hit !== undefined || known.has(text)) return hit as T;
    if (known.size >= limit) known.clear();
    const value = answer(text);
    known.set(text, value);
    return value;
  };
}
