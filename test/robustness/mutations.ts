import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { buildXlsx, rowsXml, S } from "../xlsx/support/ooxml";
import type { Cell } from "../xlsx/support/ooxml";

/**
 * Inputs for the robustness run: byte-level damage (truncation, flipped bytes, zeroed ranges, dropped entries) and
 * XML-level damage of real workbooks (malformed references, numbers no double holds, deep nesting, unknown elements,
 * missing parts, huge merges, far cells, dates where amounts belong …), plus random grids. Deterministic: a seeded
 * generator, so a failing case can be replayed by its name.
 */
export interface Case {
  name: string;
  bytes: Uint8Array;
}

export class Rng {
  constructor(private seed: number) {}
  next(): number {
    // mulberry32
    let t = (this.seed += 0x6d2b79f5);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)];
  }
}

export function byteMutations(name: string, bytes: Uint8Array, rng: Rng): Case[] {
  const out: Case[] = [];
  for (let i = 0; i < 4; i++) {
    const at = 1 + rng.int(bytes.length - 1);
    out.push({ name: `${name}/truncate@${at}`, bytes: bytes.slice(0, at) });
  }
  for (let i = 0; i < 10; i++) {
    const b = bytes.slice();
    const n = 1 + rng.int(16);
    for (let k = 0; k < n; k++) b[rng.int(b.length)] ^= 1 + rng.int(255);
    out.push({ name: `${name}/flip${n}#${i}`, bytes: b });
  }
  for (let i = 0; i < 3; i++) {
    const b = bytes.slice();
    const at = rng.int(b.length);
    b.fill(0, at, at + 64);
    out.push({ name: `${name}/zero@${at}`, bytes: b });
  }
  const parts: Record<string, Uint8Array> = unzipSync(bytes);
  const names = Object.keys(parts);
  for (let i = 0; i < 3; i++) {
    const drop = rng.pick(names);
    const rest = { ...parts };
    delete rest[drop];
    out.push({ name: `${name}/drop:${drop}`, bytes: zipSync(rest) });
  }
  out.push({
    name: `${name}/garbage-tail`,
    bytes: concat(
      bytes,
      Uint8Array.from({ length: 500 }, () => rng.int(256)),
    ),
  });
  out.push({
    name: `${name}/garbage-head`,
    bytes: concat(
      strToU8("PK\u0003\u0004"),
      Uint8Array.from({ length: 500 }, () => rng.int(256)),
    ),
  });
  return out;
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

type PartEdit = (xml: string, rng: Rng) => string;

/** Replaces up to `n` matches of `re` in `xml`, chosen at random, with `make()`. */
function replaceSome(xml: string, re: RegExp, n: number, rng: Rng, make: (m: string) => string): string {
  const matches = [...xml.matchAll(re)];
  if (matches.length === 0) return xml;
  const chosen = new Set(Array.from({ length: n }, () => rng.int(matches.length)));
  let out = "";
  let last = 0;
  matches.forEach((m, i) => {
    if (!chosen.has(i)) return;
    out += xml.slice(last, m.index) + make(m[0]);
    last = (m.index ?? 0) + m[0].length;
  });
  return out + xml.slice(last);
}

const BAD_REFS = [
  'r="A0"',
  'r="XFE1"',
  'r="1A"',
  'r=""',
  'r="ZZZZ99"',
  'r="A1048577"',
  'r="$A$1"',
  'r="a1"',
  'r="A-1"',
  'r="AAAAAAAAAAAA1"',
];
const BAD_NUMBERS = [
  "1e999999999",
  "-1e999999999",
  "1e308",
  "123456789012345678901234567890",
  "NaN",
  "-0",
  "0x10",
  "",
  " ",
  "1e-999",
  "∞",
  "12,5",
];

const SHEET_EDITS: Record<string, PartEdit> = {
  "malformed-refs": (x, rng) => replaceSome(x, /r="[A-Z]+\d+"/g, 8, rng, () => rng.pick(BAD_REFS)),
  "huge-numbers": (x, rng) => replaceSome(x, /<v>-?[\d.]+(E[+-]?\d+)?<\/v>/gi, 10, rng, () => `<v>${rng.pick(BAD_NUMBERS)}</v>`),
  "iso-dates": (x, rng) =>
    replaceSome(x, /<c r="([A-Z]+\d+)"( s="\d+")?><v>-?[\d.]+<\/v>/g, 6, rng, (m) =>
      m
        .replace(/^<c r="([A-Z]+\d+)"( s="\d+")?>/, '<c r="$1" t="d">')
        .replace(/<v>[^<]*<\/v>/, `<v>${rng.pick(["2020-05-01", "2020-13-45T99:99", "not a date", "2020-05-01T12:30:00Z"])}</v>`),
    ),
  "date-serial-123456789": (x, rng) =>
    replaceSome(x, /<c r="([A-Z]+\d+)"( s="\d+")?><v>-?[\d.]+<\/v>/g, 6, rng, (m) =>
      m.replace(/( s="\d+")?>/, ` s="${S.date}">`).replace(/<v>[^<]*<\/v>/, "<v>123456789</v>"),
    ),
  "style-out-of-range": (x, rng) => replaceSome(x, /<c r="[A-Z]+\d+"/g, 10, rng, (m) => `${m} s="999999"`),
  "sst-out-of-range": (x, rng) =>
    replaceSome(x, /t="s"><v>\d+<\/v>/g, 5, rng, () => `t="s"><v>${rng.pick(["99999", "-1", "x", "1.5"])}</v>`),
  "deep-nesting": (x) => x.replace(/<sheetData>/, `<sheetData>${"<a>".repeat(50000)}${"</a>".repeat(50000)}`),
  "unknown-elements": (x, rng) =>
    replaceSome(x, /<\/c>/g, 10, rng, (m) => `${m}<foo:bar xmlns:foo="urn:x"><c r="A1"><v>9</v></c></foo:bar>`),
  "unclosed-tags": (x, rng) => replaceSome(x, /<\/(c|row|v)>/g, 12, rng, () => ""),
  "cut-in-half": (x) => x.slice(0, Math.floor(x.length / 2)),
  "far-cell": (x) => x.replace("</sheetData>", '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row></sheetData>'),
  "huge-merge": (x) =>
    x
      .replace("</sheetData>", '</sheetData><mergeCells count="1"><mergeCell ref="F1:XFD1048576"/></mergeCells>')
      .replace(/<mergeCells[^>]*>(?=[\s\S]*<mergeCells)/, "<mergeCells>"),
  "overlapping-merges": (x) =>
    x.replace(
      /(<\/sheetData>)(<mergeCells[^>]*>[\s\S]*?<\/mergeCells>)?/,
      (_, close: string) => `${close}<mergeCells>${Array.from({ length: 3000 }, (_, i) => overlapping(i)).join("")}</mergeCells>`,
    ),
  entities: (x, rng) =>
    replaceSome(x, /<t>/g, 5, rng, () => `<t>${rng.pick(["&unknown;", "&#0;", "&#xD800;", "&#x110000;", "&amp", "<![CDATA[a<b]]>"])}`),
  diagonal: (x) =>
    x.replace("</sheetData>", `${Array.from({ length: 400 }, (_, i) => farCell(100 + i * 40, 10 + i * 6, i)).join("")}</sheetData>`),
  "many-merges": (x) =>
    x.replace(/(<\/sheetData>)(<mergeCells[^>]*>[\s\S]*?<\/mergeCells>)?/, (_, close: string) => {
      const merges = Array.from({ length: 20000 }, (_, i) => `<mergeCell ref="A${i + 1}:B${i + 1}"/>`).join("");
      return `${close}<mergeCells>${merges}</mergeCells>`;
    }),
  "row-numbers": (x, rng) =>
    replaceSome(x, /<row r="\d+"/g, 6, rng, () => `<row r="${rng.pick(["0", "-3", "1048577", "99999999999", "x", "2.5"])}"`),
  "inline-without-text": (x, rng) => replaceSome(x, /<c r="[A-Z]+\d+"/g, 6, rng, (m) => `${m} t="inlineStr"`),
  "shared-formulas": (x, rng) =>
    replaceSome(x, /<v>/g, 6, rng, () => `<f t="shared" si="${rng.pick(["0", "99", "x"])}" ref="${rng.pick(["A1:A9", "ZZZ", ""])}"/><v>`),
  bom: (x) => `\ufeff${x}`,
  utf16: (x) => x, // re-encoded below
};

const farCell = (row: number, col: number, v: number) => `<row r="${row}"><c r="${colName(col)}${row}"><v>${v}</v></c></row>`;
const overlapping = (i: number) => `<mergeCell ref="A${1 + (i % 7)}:${"BCDEFGH"[i % 7]}${3 + (i % 11)}"/>`;

function colName(c: number): string {
  return c < 26 ? String.fromCharCode(65 + c) : colName(Math.floor(c / 26) - 1) + String.fromCharCode(65 + (c % 26));
}

const WORKBOOK_EDITS: Record<string, PartEdit> = {
  "sheet-rel-missing": (x) => x.replace(/r:id="[^"]*"/, 'r:id="rIdNowhere"'),
  "no-sheets": (x) => x.replace(/<sheets>[\s\S]*<\/sheets>/, "<sheets/>"),
  "duplicate-sheet-names": (x) => x.replace(/(<sheet [^>]*name=")[^"]*("[\s\S]*?<sheet [^>]*name=")[^"]*"/, '$1同名$2同名"'),
  date1904: (x) => x.replace(/<workbookPr\b/, '<workbookPr date1904="1"'),
  "defined-names-garbage": (x) =>
    x.replace(
      "</sheets>",
      '</sheets><definedNames><definedName name="x" localSheetId="99">$A$1:$B</definedName><definedName>&amp;</definedName></definedNames>',
    ),
};

const STYLE_EDITS: Record<string, PartEdit> = {
  "all-dates": (x) => x.replace(/(<cellXfs[^>]*>[\s\S]*?<\/cellXfs>)/, (m) => m.replace(/numFmtId="\d+"/g, 'numFmtId="14"')),
  "styles-garbage": () => "<styleSheet><cellXfs><xf numFmtId=",
};

export function xmlMutations(name: string, bytes: Uint8Array, rng: Rng): Case[] {
  const parts: Record<string, Uint8Array> = unzipSync(bytes);
  const sheets = Object.keys(parts).filter((p) => /^xl\/worksheets\/[^/]+\.xml$/.test(p));
  const out: Case[] = [];
  const edit = (label: string, part: string, f: PartEdit) => {
    if (!parts[part]) return;
    const copy = { ...parts };
    copy[part] = label === "utf16" ? utf16(strFromU8(parts[part])) : strToU8(f(strFromU8(parts[part]), rng));
    out.push({ name: `${name}/${label}:${part}`, bytes: zipSync(copy) });
  };
  for (const [label, f] of Object.entries(SHEET_EDITS)) edit(label, rng.pick(sheets), f);
  for (const [label, f] of Object.entries(WORKBOOK_EDITS)) edit(label, "xl/workbook.xml", f);
  for (const [label, f] of Object.entries(STYLE_EDITS)) edit(label, "xl/styles.xml", f);
  for (const part of [
    "xl/styles.xml",
    "xl/sharedStrings.xml",
    "[Content_Types].xml",
    "xl/_rels/workbook.xml.rels",
    "_rels/.rels",
    sheets[0],
  ]) {
    if (!parts[part]) continue;
    const missing = { ...parts };
    delete missing[part];
    out.push({ name: `${name}/missing:${part}`, bytes: zipSync(missing) });
    out.push({ name: `${name}/empty:${part}`, bytes: zipSync({ ...parts, [part]: new Uint8Array(0) }) });
    out.push({
      name: `${name}/random:${part}`,
      bytes: zipSync({ ...parts, [part]: Uint8Array.from({ length: 300 }, () => rng.int(256)) }),
    });
  }
  return out;
}

function utf16(text: string): Uint8Array {
  const body = Buffer.from(text.replace(/encoding="UTF-8"/i, 'encoding="UTF-16"'), "utf16le");
  return concat(new Uint8Array([0xff, 0xfe]), body);
}

const WORDS = [
  "项目",
  "科目名称",
  "科目编码",
  "预算数",
  "决算数",
  "上年数",
  "合计",
  "小计",
  "其中：",
  "单位：万元",
  "单位：元",
  "—",
  "-",
  "/",
  "差旅费",
  "办公费",
  "201",
  "20101",
  "2010101",
  "（1,200.00）",
  "3,120,000.00",
  "１２３",
  "12.5%",
  "3.07万元",
  "#DIV/0!",
  "  ",
  "三公经费",
  "公务接待费",
  "因公出国（境）费",
];

/** A random grid as a workbook: strings from the 决算 vocabulary, numbers of every size, dates, errors, blanks, merges. */
export function randomWorkbook(rng: Rng, i: number): Case {
  const rows: Cell[][] = [];
  const height = 2 + rng.int(30);
  const width = 1 + rng.int(10);
  if (rng.next() < 0.6)
    rows.push(
      ["2020年一般公共预算支出决算表"],
      ["单位：万元"],
      ["科目编码", "科目名称", "预算数", "决算数", "上年数"].slice(0, Math.max(width, 3)),
    );
  for (let r = 0; r < height; r++) {
    const row: Cell[] = [];
    for (let c = 0; c < width; c++) {
      const u = rng.next();
      if (u < 0.2) row.push(null);
      else if (u < 0.45) row.push(rng.pick(WORDS));
      else if (u < 0.8)
        row.push(
          rng.pick([
            Math.round(rng.next() * 1e6) / 100,
            -Math.round(rng.next() * 1e4) / 100,
            0,
            -0.001,
            1e-9,
            1e15,
            9.99e14,
            0.005,
            rng.next(),
          ]),
        );
      else if (u < 0.88)
        row.push({
          raw:
            `<c r="{ref}" s="${rng.pick([S.date, S.dateTime, S.chineseDate])}">` +
            `<v>${rng.pick([43952, 123456789, 28.51, -1, 60, 0])}</v></c>`,
        });
      else if (u < 0.93) row.push({ raw: `<c r="{ref}" t="e"><v>${rng.pick(["#DIV/0!", "#REF!", "#N/A", "#VALUE!"])}</v></c>` });
      else if (u < 0.96) row.push({ raw: `<c r="{ref}" t="b"><v>${rng.int(2)}</v></c>` });
      else row.push({ raw: `<c r="{ref}" t="d"><v>2020-0${1 + rng.int(9)}-01</v></c>` });
    }
    rows.push(row);
  }
  const top = rng.next() < 0.2 ? rng.int(200) : 0;
  const merges = Array.from({ length: rng.int(4) }, () => {
    const r = top + 1 + rng.int(rows.length);
    const c = rng.int(width);
    return `<mergeCell ref="${colName(c)}${r}:${colName(c + rng.int(3))}${r + rng.int(3)}"/>`;
  });
  const after = merges.length ? `<mergeCells count="${merges.length}">${merges.join("")}</mergeCells>` : "";
  return {
    name: `random#${i}`,
    bytes: buildXlsx({ sheets: [{ name: rng.pick(["表", "经济分类", "三公经费", "Sheet1"]), data: rowsXml(rows, top), after }] }),
  };
}
