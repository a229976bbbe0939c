import { CLOSE, EMPTY, OPEN, XmlCursor, escapeAttr } from "./xml-scan";

/**
 * Appends the formats our sheets need to a workbook's styles part without touching what is there: existing fonts,
 * fills, borders, number formats, cell formats and differential formats keep their positions (cells refer to them by
 * index), new ones go after them, and a format identical to one already there (from an earlier run) is reused.
 */
const SECTION_ORDER = [
  "numFmts",
  "fonts",
  "fills",
  "borders",
  "cellStyleXfs",
  "cellXfs",
  "cellStyles",
  "dxfs",
  "tableStyles",
  "colors",
  "extLst",
];
type Section = "numFmts" | "fonts" | "fills" | "borders" | "cellXfs" | "dxfs";

interface SectionInfo {
  /** Raw text of each child element. */
  children: string[];
  /** Where the section starts and ends in the text (end after its closing tag), or null when it is absent. */
  start: number;
  end: number;
  /** The opening tag text, and whether the section is written as one empty tag. */
  openTag: string;
  empty: boolean;
  prefix: string;
}

const BUILTIN_FORMATS: Record<string, number> = {
  General: 0,
  "0": 1,
  "0.00": 2,
  "#,##0": 3,
  "#,##0.00": 4,
  "0%": 9,
  "0.00%": 10,
  "@": 49,
};

export const MINIMAL_STYLES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  '<fonts count="1"><font><sz val="11"/><name val="宋体"/><family val="2"/><charset val="134"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>';

export interface FontSpec {
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  size?: number;
  color?: string;
}

export interface XfSpec {
  font: FontSpec | null;
  /** ARGB of a solid fill, or null. */
  fill: string | null;
  bottomBorder: boolean;
  center: boolean;
  numFmt: string | null;
}

export interface DxfSpec {
  bold: boolean;
  fill: string;
}

export class StyleSheetEditor {
  private readonly sections = new Map<Section, SectionInfo>();
  private readonly added = new Map<Section, string[]>();
  private readonly base: { size: string; rest: string };
  private readonly xfIdAttr: string;
  private readonly customFormats = new Map<string, number>();
  private nextFormatId: number;
  private readonly xfCache = new Map<string, number>();

  constructor(private readonly xml: string) {
    for (const s of ["numFmts", "fonts", "fills", "borders", "cellXfs", "dxfs"] as Section[]) this.sections.set(s, this.find(s));
    const font0 = this.sections.get("fonts")?.children[0] ?? "<font/>";
    this.base = baseFont(font0);
    const styleXfs = this.find("cellStyleXfs");
    this.xfIdAttr = styleXfs.children.length > 0 ? ' xfId="0"' : "";
    let maxId = 163;
    for (const child of this.sections.get("numFmts")?.children ?? []) {
      const cur = new XmlCursor(child);
      if (!cur.next()) continue;
      const id = Number(cur.rawAttr("numFmtId"));
      const code = cur.attr("formatCode");
      if (Number.isInteger(id)) maxId = Math.max(maxId, id);
      if (code !== undefined && Number.isInteger(id) && !this.customFormats.has(code)) this.customFormats.set(code, id);
    }
    this.nextFormatId = maxId + 1;
  }

  /** Index of a cell format (cellXfs) with these properties, appending it (and its parts) when needed. */
  xf(spec: XfSpec): number {
    const key = JSON.stringify(spec);
    const known = this.xfCache.get(key);
    if (known !== undefined) return known;
    const fontId = spec.font ? this.index("fonts", this.fontXml(spec.font)) : 0;
    const fillId = spec.fill ? this.index("fills", solidFill(spec.fill)) : 0;
    const borderId = spec.bottomBorder
      ? this.index("borders", '<border><left/><right/><top/><bottom style="thin"><color indexed="64"/></bottom><diagonal/></border>')
      : 0;
    const numFmtId = spec.numFmt ? this.formatId(spec.numFmt) : 0;
    const apply =
      (numFmtId ? ' applyNumberFormat="1"' : "") +
      (fontId ? ' applyFont="1"' : "") +
      (fillId ? ' applyFill="1"' : "") +
      (borderId ? ' applyBorder="1"' : "");
    const attrs = `numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="${borderId}"${this.xfIdAttr}${apply}`;
    const xf = spec.center
      ? `<xf ${attrs} applyAlignment="1"><alignment horizontal="center" vertical="center" wrapText="1"/></xf>`
      : `<xf ${attrs}/>`;
    const id = this.index("cellXfs", xf);
    this.xfCache.set(key, id);
    return id;
  }

  /** Index of a differential format (conditional formatting). */
  dxf(spec: DxfSpec): number {
    const font = spec.bold ? "<font><b/></font>" : "";
    return this.index(
      "dxfs",
      `<dxf>${font}<fill><patternFill patternType="solid"><bgColor rgb="${spec.fill}"/></patternFill></fill></dxf>`,
    );
  }

  /** The edited styles part; the input unchanged when nothing was added. */
  result(): string {
    const edits: { at: number; end: number; text: string }[] = [];
    for (const [section, items] of this.added) {
      if (items.length === 0) continue;
      const info = this.sections.get(section) as SectionInfo;
      const count = info.children.length + items.length;
      const body = items.join("");
      if (info.start >= 0) {
        const open = setCount(info.openTag, count);
        const p = info.prefix;
        const children = info.empty ? "" : this.xml.slice(info.start + info.openTag.length, info.end - `</${p}${section}>`.length);
        edits.push({ at: info.start, end: info.end, text: `${open}${children}${prefixed(body, p)}</${p}${section}>` });
      } else {
        const at = this.insertionPoint(section);
        const p = this.rootPrefix();
        edits.push({ at, end: at, text: `<${p}${section} count="${count}">${prefixed(body, p)}</${p}${section}>` });
      }
    }
    edits.sort((a, b) => b.at - a.at || b.end - a.end);
    let out = this.xml;
    for (const e of edits) out = out.slice(0, e.at) + e.text + out.slice(e.end);
    return out;
  }

  private formatId(code: string): number {
    const builtin = BUILTIN_FORMATS[code];
    if (builtin !== undefined) return builtin;
    const known = this.customFormats.get(code);
    if (known !== undefined) return known;
    const id = this.nextFormatId++;
    this.customFormats.set(code, id);
    this.append("numFmts", `<numFmt numFmtId="${id}" formatCode="${escapeAttr(code)}"/>`);
    return id;
  }

  private fontXml(f: FontSpec): string {
    const size = f.size !== undefined ? `<sz val="${f.size}"/>` : this.base.size;
    const color = f.color ? `<color rgb="${f.color}"/>` : "";
    return `<font>${f.bold ? "<b/>" : ""}${f.italic ? "<i/>" : ""}${f.underline ? "<u/>" : ""}${size}${color}${this.base.rest}</font>`;
  }

  /** Index of an element in a section: an identical existing or added one, or a new one appended. */
  private index(section: Section, element: string): number {
    const info = this.sections.get(section) as SectionInfo;
    const existing = info.children.indexOf(element);
    if (existing >= 0) return existing;
    const list = this.added.get(section) ?? [];
    const again = list.indexOf(element);
    if (again >= 0) return info.children.length + again;
    return this.append(section, element);
  }

  private append(section: Section, element: string): number {
    const info = this.sections.get(section) as SectionInfo;
    const list = this.added.get(section) ?? [];
    list.push(element);
    this.added.set(section, list);
    return info.children.length + list.length - 1;
  }

  private rootPrefix(): string {
    const m = /<(\w+:)?styleSheet[\s>]/.exec(this.xml);
    return m?.[1] ?? "";
  }

  /** Where a missing section goes: before the first section that follows it in the schema, else before </styleSheet>. */
  private insertionPoint(section: Section): number {
    const later = SECTION_ORDER.slice(SECTION_ORDER.indexOf(section) + 1);
    const cur = new XmlCursor(this.xml);
    let depth = 0;
    while (cur.next()) {
      if (cur.kind === CLOSE) {
        if (depth === 1 && cur.is("styleSheet")) return cur.tagStart;
        depth--;
        continue;
      }
      if (depth === 1 && later.includes(cur.name)) return cur.tagStart;
      if (cur.kind === OPEN) depth++;
    }
    return this.xml.length;
  }

  /** A top-level section of the stylesheet and its children's raw text. */
  private find(section: string): SectionInfo {
    const cur = new XmlCursor(this.xml);
    let depth = 0;
    while (cur.next()) {
      if (cur.kind === CLOSE) {
        depth--;
        continue;
      }
      if (depth === 1 && cur.is(section)) {
        const start = cur.tagStart;
        const openTag = this.xml.slice(start, cur.pos);
        const prefix = /^<(\w+:)?/.exec(openTag)?.[1] ?? "";
        if (cur.kind === EMPTY) return { children: [], start, end: cur.pos, openTag, empty: true, prefix };
        const children: string[] = [];
        let level = 0;
        let childStart = -1;
        while (cur.next()) {
          if (level === 0 && cur.kind === CLOSE && cur.is(section)) return { children, start, end: cur.pos, openTag, empty: false, prefix };
          if (cur.kind === OPEN) {
            if (level === 0) childStart = cur.tagStart;
            level++;
          } else if (cur.kind === EMPTY && level === 0) children.push(this.xml.slice(cur.tagStart, cur.pos));
          else if (cur.kind === CLOSE) {
            level--;
            if (level === 0) children.push(this.xml.slice(childStart, cur.pos));
          }
        }
        return { children, start, end: this.xml.length, openTag, empty: false, prefix };
      }
      if (cur.kind === OPEN) depth++;
    }
    return { children: [], start: -1, end: -1, openTag: "", empty: true, prefix: "" };
  }
}

/** Sets (or adds) the count attribute of an opening tag; an empty tag becomes an opening tag. */
function setCount(tag: string, count: number): string {
  const open = tag.replace(/\s*\/>$/, ">");
  return /\scount\s*=\s*["'][^"']*["']/.test(open)
    ? open.replace(/(\scount\s*=\s*)["'][^"']*["']/, `$1"${count}"`)
    : open.replace(/>$/, ` count="${count}">`);
}

/** Our elements are written without prefix; in a stylesheet that uses a prefix for its namespace they get it too. */
function prefixed(body: string, prefix: string): string {
  return prefix === "" ? body : body.replace(/<(\/?)(?=[a-zA-Z])/g, `<$1${prefix}`);
}

function solidFill(argb: string): string {
  return `<fill><patternFill patternType="solid"><fgColor rgb="${argb}"/><bgColor indexed="64"/></patternFill></fill>`;
}

/** The workbook's default font without its style flags: our fonts keep its face and size. */
function baseFont(font: string): { size: string; rest: string } {
  const keep: string[] = [];
  let size = '<sz val="11"/>';
  const cur = new XmlCursor(font);
  while (cur.next()) {
    if (cur.kind !== EMPTY) continue;
    const raw = font.slice(cur.tagStart, cur.pos);
    if (cur.is("sz")) size = raw;
    else if (cur.is("name") || cur.is("family") || cur.is("charset") || cur.is("scheme")) keep.push(raw);
  }
  const unprefixed = keep.map((k) => k.replace(/^<\w+:/, "<"));
  return { size: size.replace(/^<\w+:/, "<"), rest: unprefixed.join("") };
}
