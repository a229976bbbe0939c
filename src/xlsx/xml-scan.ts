/**
 * A small forward-only XML cursor over a string: no DOM, no recursion, no entity expansion beyond the five predefined
 * entities and character references (so a DOCTYPE cannot make it expand anything). Malformed input never throws: the
 * cursor stops at the end of the text. Element and attribute names are compared by local name (a prefix such as `x:`
 * is ignored), since producers choose prefixes freely.
 */
export const OPEN: number = 1;
export const CLOSE: number = 2;
export const EMPTY: number = 3;

export class XmlCursor {
  pos = 0;
  /** OPEN, CLOSE or EMPTY (self-closing) for the current tag; 0 before the first or after the end. */
  kind: number = 0;
  /** Where the current tag starts ("<"), where its local name starts and ends, and where its attributes start and end. */
  tagStart = 0;
  nameStart = 0;
  nameEnd = 0;
  attrStart = 0;
  attrEnd = 0;
  private cachedName: string | null = null;

  constructor(readonly xml: string) {}

  /** Local name of the current tag. */
  get name(): string {
    return (this.cachedName ??= this.xml.substring(this.nameStart, this.nameEnd));
  }

  /** Whether the current tag's local name is `local` (no string is made: the scanners call this per tag). */
  is(local: string): boolean {
    return this.nameEnd - this.nameStart === local.length && this.xml.startsWith(local, this.nameStart);
  }

  /** Moves to the next element tag, skipping comments, processing instructions, CDATA and declarations. */
  next(): boolean {
    const s = this.xml;
    let i = this.pos;
    for (;;) {
      i = s.indexOf("<", i);
      if (i < 0 || i + 1 >= s.length) {
        this.pos = s.length;
        this.kind = 0;
        return false;
      }
      const c = s.charCodeAt(i + 1);
      if (c === 33 /* ! */) {
        // <!-- … -->, <![CDATA[ … ]]> or <!DOCTYPE …>
        const close = s.startsWith("<!--", i)
          ? s.indexOf("-->", i + 4)
          : s.startsWith("<![CDATA[", i)
            ? s.indexOf("]]>", i + 9)
            : s.indexOf(">", i + 2);
        i = close < 0 ? s.length : close + 1;
        continue;
      }
      if (c === 63 /* ? */) {
        const close = s.indexOf("?>", i + 2);
        i = close < 0 ? s.length : close + 2;
        continue;
      }
      this.tagStart = i;
      let j = i + 1;
      let kind = OPEN;
      if (c === 47 /* / */) {
        kind = CLOSE;
        j++;
      }
      const nameStart = j;
      let colon = -1;
      for (; j < s.length; j++) {
        const ch = s.charCodeAt(j);
        if (ch === 32 || ch === 62 || ch === 47 || ch === 9 || ch === 10 || ch === 13) break;
        if (ch === 58) colon = j;
      }
      this.nameStart = colon >= 0 ? colon + 1 : nameStart;
      this.nameEnd = j;
      this.cachedName = null;
      this.attrStart = j;
      // The tag ends at the first ">" outside a quoted attribute value.
      let quote = 0;
      for (; j < s.length; j++) {
        const ch = s.charCodeAt(j);
        if (quote) {
          if (ch === quote) quote = 0;
        } else if (ch === 34 || ch === 39) quote = ch;
        else if (ch === 62) break;
      }
      if (j >= s.length) {
        this.pos = s.length;
        this.kind = 0;
        return false;
      }
      this.attrEnd = j;
      if (kind === OPEN && s.charCodeAt(j - 1) === 47) {
        kind = EMPTY;
        this.attrEnd = j - 1;
      }
      this.kind = kind;
      this.pos = j + 1;
      return true;
    }
  }

  /** Value of an attribute of the current tag by local name, entities decoded; undefined when absent. */
  attr(local: string): string | undefined {
    const raw = this.rawAttr(local);
    return raw === undefined ? undefined : raw.indexOf("&") < 0 ? raw : decodeEntities(raw);
  }

  /** The same without decoding (for numbers and cell references, which never hold entities). */
  rawAttr(local: string): string | undefined {
    const s = this.xml;
    const end = this.attrEnd;
    let i = this.attrStart;
    while (i < end) {
      let ch = s.charCodeAt(i);
      while (i < end && (ch === 32 || ch === 9 || ch === 10 || ch === 13)) ch = s.charCodeAt(++i);
      if (i >= end) break;
      const nameStart = i;
      let colon = -1;
      while (i < end && ch !== 61 && ch !== 32 && ch !== 9 && ch !== 10 && ch !== 13) {
        if (ch === 58) colon = i;
        ch = s.charCodeAt(++i);
      }
      const nameEnd = i;
      while (i < end && s.charCodeAt(i) !== 61) i++;
      i++; // "="
      while (i < end && s.charCodeAt(i) !== 34 && s.charCodeAt(i) !== 39) i++;
      if (i >= end) break;
      const quote = s.charCodeAt(i);
      const valueStart = i + 1;
      const valueEnd = s.indexOf(quote === 34 ? '"' : "'", valueStart);
      if (valueEnd < 0 || valueEnd > end) break;
      const localStart = colon >= 0 ? colon + 1 : nameStart;
      if (nameEnd - localStart === local.length && s.startsWith(local, localStart)) return s.substring(valueStart, valueEnd);
      i = valueEnd + 1;
    }
    return undefined;
  }

  /**
   * Text content from the current position up to the next element tag (comments skipped, CDATA kept, entities decoded).
   * The cursor then stands before that tag.
   */
  text(): string {
    const s = this.xml;
    let i = this.pos;
    let out = "";
    for (;;) {
      const lt = s.indexOf("<", i);
      const stop = lt < 0 ? s.length : lt;
      if (stop > i) {
        const chunk = s.substring(i, stop);
        out += chunk.indexOf("&") < 0 ? chunk : decodeEntities(chunk);
      }
      if (lt < 0) {
        this.pos = s.length;
        return out;
      }
      if (s.startsWith("<![CDATA[", lt)) {
        const close = s.indexOf("]]>", lt + 9);
        out += s.substring(lt + 9, close < 0 ? s.length : close);
        i = close < 0 ? s.length : close + 3;
        continue;
      }
      if (s.startsWith("<!--", lt)) {
        const close = s.indexOf("-->", lt + 4);
        i = close < 0 ? s.length : close + 3;
        continue;
      }
      this.pos = lt;
      return out;
    }
  }

  /** Skips to the tag that closes the current open element (same local name, nesting counted). */
  skipElement(): void {
    if (this.kind !== OPEN) return;
    const name = this.name;
    let depth = 1;
    while (this.next()) {
      if (!this.is(name)) continue;
      if (this.kind === OPEN) depth++;
      else if (this.kind === CLOSE && --depth === 0) return;
    }
  }
}

const NAMED: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

/** The five predefined entities and numeric character references; anything else is kept as written. */
export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|lt|gt|amp|quot|apos);/g, (whole, body: string) => {
    if (body[0] !== "#") return NAMED[body];
    const code = body[1] === "x" || body[1] === "X" ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
    return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : whole;
  });
}

/** OOXML string escapes: "_x000D_" is a carriage return; "_x005F_" escapes a literal underscore before "x". */
export function decodeXstring(s: string): string {
  if (s.indexOf("_x") < 0) return s;
  return s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** Text for element content: &, < and > escaped. */
export function escapeText(s: string): string {
  return s.replace(/[&<>]/g, (c) => (c === "&" ? "&amp;" : c === "<" ? "&lt;" : "&gt;"));
}

/** Text for an attribute value in double quotes; white space other than space is kept by character reference. */
export function escapeAttr(s: string): string {
  return s.replace(/[&<>"\t\n\r]/g, (c) => `&${{ "&": "amp", "<": "lt", ">": "gt", '"': "quot" }[c] ?? `#${c.charCodeAt(0)}`};`);
}

/**
 * A string as OOXML stores it (ST_Xstring): characters XML 1.0 cannot hold become "_xHHHH_", a literal "_xHHHH_" is
 * protected by "_x005F_", and lone surrogates become U+FFFD. The result still needs escapeText or escapeAttr.
 */
export function encodeXstring(s: string): string {
  // eslint-disable-next-line no-control-regex
  if (!/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff\ud800-\udfff]|_x[0-9A-Fa-f]{4}_/.test(s)) return s;
  let out = s.replace(/_(x[0-9A-Fa-f]{4}_)/g, "_x005F_$1");
  // eslint-disable-next-line no-control-regex
  const forbidden = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;
  out = out.replace(forbidden, (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`);
  return replaceLoneSurrogates(out);
}

/** Lone UTF-16 surrogates (half of a pair, without the other half) replaced by U+FFFD. */
/* Without a lookbehind: the reader also runs in WPS's older embedded browser (ES2017). */
function replaceLoneSurrogates(text: string): string {
  if (!/[\ud800-\udfff]/.test(text)) return text;
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        out += text[i] + text[i + 1];
        i++;
      } else out += "\ufffd";
    } else out += c >= 0xdc00 && c <= 0xdfff ? "\ufffd" : text[i];
  }
  return out;
}
