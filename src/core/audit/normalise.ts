/**
 * Report text as the reader sees it: full-width digits and letters folded (NFKC), then Chinese punctuation restored
 * (NFKC turns "，；：（）" into ASCII) except a comma between digit groups, spaces inside figures and words dropped
 * ("2.82 %", "2023 年", "0 万元"), doubled punctuation left by copying ("，，", "，、", "，。") merged, a "." used as a
 * full stop turned into "。", and 「」 turned into “”. Spaces between two numbers stay: they separate table cells.
 */
const THOUSANDS_OR_COMMA = /(?<![\d.])\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d,])|,/g;
const CJK = String.raw`\u3400-\u9fff\uf900-\ufaff`;

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
  return fold(text)
    .replace(THOUSANDS_OR_COMMA, (m) => (m === "," ? "，" : m))
    .replace(/;/g, "；")
    .replace(/(?<!\d):|:(?!\d)/g, "：")
    .replace(/\(/g, "（")
    .replace(/\)/g, "）")
    .replace(/!/g, "！")
    .replace(/\?/g, "？")
    .replace(/[「『]/g, "“")
    .replace(/[」』]/g, "”")
    .replace(/(?<=(?:^|[\s。；：，\n])\d{1,2})\.(?=\s*[^\d\s])/gm, "．") // "1.社会保障": a list marker, not a decimal point
    .replace(/(?<!\d)\.(?!\d)/g, "。")
    .replace(new RegExp(`(?<=[\\d%${CJK}“”（）])[ ]+(?=[${CJK}%“”（）])`, "g"), "")
    .replace(new RegExp(`(?<=[${CJK}“”（）：，；、])[ ]+(?=[\\d-])`, "g"), "")
    .replace(/(?<=[，、；：])[ ]+/g, "")
    .replace(/[ ]+(?=[，、；。：）])/g, "")
    .replace(/，[，、]+/g, "，")
    .replace(/、[，、]+/g, "，")
    .replace(/[，、]+(?=[。；])/g, "")
    .replace(/；[，、]+/g, "；")
    .replace(/。[，、]+/g, "。");
}
