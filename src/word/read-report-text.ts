import { strFromU8, unzipSync } from "fflate";
import { UnusableInputError, unwrapLines } from "../core";

/**
 * A report's text for the audit, one paragraph per line: from a .docx (word/document.xml; a table row on one line,
 * its cells separated by tabs, as the audit reads a flattened table) or a .txt in UTF-8 or GB18030 (what Chinese
 * Windows writes). Node and browser alike.
 */
const decodeXml = (s: string) =>
  s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, n) => String.fromCharCode(Number(n)))
    .replace(/&amp;/g, "&");

/** The text runs of one paragraph's XML. */
const runsOf = (p: string) =>
  [...p.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:tab\/>|<w:br\/>/g)]
    .map((m) => (m[1] !== undefined ? decodeXml(m[1]) : m[0] === "<w:tab/>" ? "\t" : "\n"))
    .join("");

/** Paragraphs of a stretch of body XML without tables (what follows the last </w:p> is no paragraph). */
const paragraphsOf = (xml: string) =>
  xml
    .split(/<\/w:p>/)
    .slice(0, -1)
    .map(runsOf);

export async function docxText(bytes: Uint8Array): Promise<string> {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, { filter: (f) => f.name === "word/document.xml" });
  } catch {
    throw new UnusableInputError("不是 Word 文档（.docx）", "Not a Word document (.docx)");
  }
  const part = files["word/document.xml"];
  if (!part) throw new UnusableInputError("Word 文档中没有正文", "The .docx has no document body");
  const xml = strFromU8(part);
  // Tables (not nested ones' inner rows) become one line per row: the cells' paragraphs joined by spaces, cells by tabs.
  const lines: string[] = [];
  let at = 0;
  for (const t of xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)) {
    lines.push(...paragraphsOf(xml.slice(at, t.index)));
    for (const row of t[0].matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)) {
      const cells = [...row[0].matchAll(/<w:tc[ >][\s\S]*?<\/w:tc>/g)].map((c) =>
        paragraphsOf(c[0])
          .map((x) => x.trim())
          .filter(Boolean)
          .join(" "),
      );
      lines.push(cells.join("\t"));
    }
    at = t.index + t[0].length;
  }
  lines.push(...paragraphsOf(xml.slice(at)));
  return lines
    .map((p) => p.trimEnd())
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

export function plainText(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder("utf-8").decode(bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes.subarray(2));
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder("gb18030").decode(bytes);
  }
}

export async function reportText(bytes: Uint8Array, fileName: string): Promise<string> {
  if (bytes.length === 0) throw new UnusableInputError(`文件为空：${fileName}`, `The file is empty: ${fileName}`);
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b;
  if (/\.docx$/i.test(fileName) || isZip) return docxText(bytes);
  if (/\.doc$/i.test(fileName) || (bytes[0] === 0xd0 && bytes[1] === 0xcf))
    throw new UnusableInputError(
      `这是旧版 .doc 文件：${fileName}。请在 Word 中另存为 .docx 后再试。`,
      `Old .doc file: ${fileName}. Save it as .docx.`,
    );
  // A .txt is often copied from a PDF: its printed lines are joined back into paragraphs.
  return unwrapLines(plainText(bytes));
}
