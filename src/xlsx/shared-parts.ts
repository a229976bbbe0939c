import { CLOSE, OPEN, XmlCursor, decodeEntities, decodeXstring } from "./xml-scan";

/**
 * Shared strings as plain text: rich-text runs are joined, phonetic guides (<rPh>, furigana) are left out, and OOXML
 * escapes such as "_x000D_" are decoded.
 */
export function parseSharedStrings(xml: string): string[] {
  const out: string[] = [];
  const cur = new XmlCursor(xml);
  let inItem = false;
  let skipDepth = 0;
  let text = "";
  const x = xml;
  while (cur.next()) {
    if (cur.is("si")) {
      if (cur.kind === OPEN) {
        // The usual shape, <si><t>…</t></si>, read directly.
        const p = cur.pos;
        if (x.startsWith("<t>", p) || x.startsWith('<t xml:space="preserve">', p)) {
          const start = x.indexOf(">", p) + 1;
          const lt = x.indexOf("<", start);
          if (lt > 0 && x.startsWith("</t></si>", lt)) {
            const t = x.substring(start, lt);
            out.push(decodeXstring(t.indexOf("&") < 0 ? t : decodeEntities(t)));
            cur.pos = lt + 9;
            continue;
          }
        }
        inItem = true;
        text = "";
      } else if (cur.kind === CLOSE) {
        inItem = false;
        out.push(decodeXstring(text));
      } else out.push(""); // <si/>
    } else if (!inItem) continue;
    else if (cur.is("rPh")) {
      if (cur.kind === OPEN) skipDepth++;
      else if (cur.kind === CLOSE) skipDepth = Math.max(0, skipDepth - 1);
    } else if (cur.kind === OPEN && skipDepth === 0 && cur.is("t")) text += cur.text();
  }
  return out;
}

/**
 * Which cell formats (the `s` index of a cell, into cellXfs) show dates or times. Built-in formats 14–22 and 45–47 are
 * dates and times in every locale, and 27–36 and 50–58 are the East Asian date formats (年/月/日) that Chinese Excel
 * writes; a custom format is a date when it has y, m, d, h or s outside quotes, escapes and [brackets] (or [h], [m],
 * [s] elapsed times).
 */
export function dateStyles(xml: string | null): boolean[] {
  if (xml === null) return [];
  const custom = new Map<number, string>();
  const xfFormats: number[] = [];
  const cur = new XmlCursor(xml);
  let inCellXfs = false;
  while (cur.next()) {
    if (cur.is("numFmt") && cur.kind !== CLOSE) {
      const id = Number(cur.rawAttr("numFmtId"));
      const code = cur.attr("formatCode");
      if (Number.isInteger(id) && code !== undefined) custom.set(id, code);
    } else if (cur.is("cellXfs")) inCellXfs = cur.kind === OPEN;
    else if (inCellXfs && cur.kind !== CLOSE && cur.is("xf")) {
      const id = Number(cur.rawAttr("numFmtId") ?? "0");
      xfFormats.push(Number.isInteger(id) ? id : 0);
    }
  }
  return datesOfFormats(xfFormats, custom);
}

/** Per cell style (XF): whether its number format shows a date, from the format ids and the workbook's own formats. */
export function datesOfFormats(xfFormats: number[], custom: ReadonlyMap<number, string>): boolean[] {
  const memo = new Map<number, boolean>();
  return xfFormats.map((id) => {
    let known = memo.get(id);
    if (known === undefined) {
      const code = custom.get(id);
      known = code !== undefined ? isDateFormat(code) : isBuiltinDate(id);
      memo.set(id, known);
    }
    return known;
  });
}

export function isBuiltinDate(id: number): boolean {
  return (id >= 14 && id <= 22) || (id >= 45 && id <= 47) || (id >= 27 && id <= 36) || (id >= 50 && id <= 58);
}

export function isDateFormat(code: string): boolean {
  if (/\[(h+|m+|s+)\]/i.test(code)) return true; // elapsed time
  const stripped = code
    .replace(/"[^"]*"/g, "") // literal text
    .replace(/\\./g, "") // escaped characters
    .replace(/[_*]./g, "") // padding and repeat characters
    .replace(/\[[^\]]*\]/g, ""); // colours, conditions, locales
  if (/^\s*general\s*$/i.test(stripped) || stripped.trim() === "@") return false;
  return /[ymdhs]/i.test(stripped.replace(/E[+-]/gi, "").replace(/general/gi, ""));
}
