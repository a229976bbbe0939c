/**
 * Report text as the reader sees it: full-width digits and letters folded (NFKC), then Chinese punctuation restored
 * (NFKC turns "，；：（）" into ASCII) except a comma between digit groups, spaces inside figures and words dropped
 * ("2.82 %", "2023 年", "0 万元"), doubled punctuation left by copying ("，，", "，、", "，。") merged, a "." used as a
 * full stop turned into "。", and 「」 turned into “”. Spaces between two numbers stay: they separate table cells.
 */
import { matchesNotAfter, replaceAfter } from "../base/scan";

const THOUSANDS = /\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d,])/g;
const CJK = String.raw`\u3400-\u9fff\uf900-\ufaff`;
const BEFORE_SPACE = new RegExp(`[\\d%${CJK}“”（）]`);
const AFTER_SPACE = new RegExp(`[ ]+(?=[${CJK}%“”（）])`, "g");
const BEFORE_FIGURE = new RegExp(`[${CJK}“”（）：，；、]`);

/** `replace(/(?<![\d.])\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d,])|,/g, …)`: a comma outside a grouped number becomes "，". */
export function foldCommas(text: string): string {
  if (!text.includes(",")) return text;
  const kept = matchesNotAfter(THOUSANDS, text, /[\d.]/);
  let out = "";
  let at = 0;
  for (const m of kept) {
    out += text.slice(at, m.index).replace(/,/g, "，") + m[0];
    at = m.index + m[0].length;
  }
  return out + text.slice(at).replace(/,/g, "，");
}

/** "1.社会保障" at a line or clause start: a list marker, not a decimal point (`(?<=(?:^|[\s。；：，])\d{1,2})\.`). */
function listMarkerDots(text: string): string {
  return text.replace(/\.(?=\s*[^\d\s])/g, (m: string, at: number) => {
    let k = at;
    while (k > 0 && at - k < 3 && /\d/.test(text[k - 1])) k--;
    const digits = at - k;
    return digits >= 1 && digits <= 2 && (k === 0 || /[\s。；：，]/.test(text[k - 1])) ? "．" : m;
  });
}

/** The folding both readings share: line ends, NFKC (①…⑳ kept), spaces, "−". */
function fold(text: string): string {
  return text
    .replace(/\r\n?/g, "\n") // Word separates paragraphs with "\r"
    .replace(/[^\u2460-\u2473]+/g, (m) => m.normalize("NFKC")) // ①…⑳ stay: they mark list items
    .replace(/[\u00a0\u3000\u2002\u2003\u2009]/g, " ")
    .replace(/−/g, "-");
}

/** For tables: folded, every space kept (they separate cells in a flattened table). */
export function normaliseCells(text: string): string {
  return fold(text);
}

export function normaliseText(text: string): string {
  return tidy(fold(text));
}

function tidy(folded: string): string {
  const s1 = foldCommas(folded)
    .replace(/;/g, "；")
    .replace(/:/g, (m: string, at: number, s: string) => (/\d/.test(s[at - 1] ?? "") && /\d/.test(s[at + 1] ?? "") ? m : "："))
    .replace(/\(/g, "（")
    .replace(/\)/g, "）")
    .replace(/!/g, "！")
    .replace(/\?/g, "？")
    .replace(/[「『]/g, "“")
    .replace(/[」』]/g, "”");
  const s2 = listMarkerDots(s1).replace(/\./g, (m: string, at: number, s: string) =>
    /\d/.test(s[at - 1] ?? "") || /\d/.test(s[at + 1] ?? "") ? m : "。",
  );
  const s3 = replaceAfter(s2, AFTER_SPACE, BEFORE_SPACE, () => "");
  const s4 = replaceAfter(s3, /[ ]+(?=[\d-])/g, BEFORE_FIGURE, () => "");
  return replaceAfter(s4, /[ ]+/g, /[，、；：]/, () => "")
    .replace(/[ ]+(?=[，、；。：）])/g, "")
    .replace(/，[，、]+/g, "，")
    .replace(/、[，、]+/g, "，")
    .replace(/[，、]+(?=[。；])/g, "")
    .replace(/；[，、]+/g, "；")
    .replace(/。[，、]+/g, "。");
}

/** A line that opens a new item or heading: （一） 一、 1. (1) ① 第一部分. */
const OPENS_ITEM = /^\s*([（(]?[一二三四五六七八九十]+[、.．)）]|[（(]\d+[)）]|\d+[、.．](?!\d)|[①-⑳]|第[一二三四五六七八九十]+[章节部分])/;

/**
 * Text copied from a PDF into a .txt keeps the PDF's line breaks: each printed line would read as a paragraph of its own,
 * splitting sentences and lists. A line is joined to the next when it is a full line of prose (20 characters or more)
 * that does not end a sentence or clause (。；：！？), and the next line does not open an item or heading; a blank line, a
 * table row (tabs or runs of spaces) or a short line (a title) ends a paragraph as before. Word paragraphs never come here.
 */
export function unwrapLines(text: string): string {
  // A row of a table: cells apart by tabs, runs of spaces or bars, or three figures in a row with only spaces between.
  const TABLE_ROW = /\t| {2,}|\u3000{2,}|[|｜]|-?[\d,.]+%? +-?[\d,.]+%? +-?[\d,.]+/;
  const out: string[] = [];
  let last = ""; // the physical line read before, whatever it was joined to
  for (const line of text.replace(/\r\n?/g, "\n").split("\n")) {
    const joins =
      out.length > 0 &&
      line.trim() !== "" &&
      !OPENS_ITEM.test(line) &&
      !TABLE_ROW.test(line) &&
      !TABLE_ROW.test(last) &&
      last.trim().length >= 20 &&
      !/[。；：！？!?;:]\s*$/.test(last);
    if (joins) out[out.length - 1] = out[out.length - 1].replace(/\s+$/, "") + line.replace(/^\s+/, "");
    else out.push(line);
    last = line;
  }
  return out.join("\n");
}
