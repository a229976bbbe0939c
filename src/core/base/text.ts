import { foldTraditional } from "./traditional";

/**
 * Text as recognition sees it: NFKC folds full-width digits, letters and punctuation
 * ("１２３" → "123", "（" → "(", "：" → ":"), and every kind of white space is dropped,
 * because clerks pad names with spaces and full-width spaces for indentation. The traditional characters of the forms'
 * words fold to simplified ("預算數" → "预算数"), so a table in traditional characters is matched by the same words.
 */
export function squash(text: string): string {
  // NFKC only where it can change something (full-width forms, compatibility characters): most names need none.
  const folded = /[\u2460-\u24ff\u3000-\u303f\u3200-\u33ff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]/.test(text)
    ? text.normalize("NFKC")
    : text;
  return foldTraditional(folded.replace(/[\s\u00a0\u3000]+/g, ""));
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
