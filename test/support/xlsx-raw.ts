import { strFromU8, unzipSync } from "fflate";

/**
 * A workbook's parts read with fflate and regular expressions only: tests compare the writer's output with its input
 * without going through the reader under test.
 */
export type Parts = Record<string, Uint8Array>;

export const unzipParts = (bytes: Uint8Array): Parts => unzipSync(bytes);

export const partText = (parts: Parts, name: string): string => {
  const p = parts[name];
  if (!p) throw new Error(`no part ${name}`);
  return strFromU8(p);
};

const decode = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");

/** Sheet name → part name, from workbook.xml and its relationships. */
export function sheetParts(parts: Parts): Map<string, string> {
  const wb = partText(parts, "xl/workbook.xml");
  const rels = partText(parts, "xl/_rels/workbook.xml.rels");
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = /\bId="([^"]*)"/.exec(m[0])?.[1];
    const target = /\bTarget="([^"]*)"/.exec(m[0])?.[1];
    if (id && target) targets.set(id, target.startsWith("/") ? target.slice(1) : `xl/${target}`);
  }
  const out = new Map<string, string>();
  for (const m of wb.matchAll(/<sheet\b[^>]*>/g)) {
    const name = decode(/\bname="([^"]*)"/.exec(m[0])?.[1] ?? "");
    const id = /\br:id="([^"]*)"/.exec(m[0])?.[1] ?? "";
    out.set(name, targets.get(id) ?? "");
  }
  return out;
}

/** Cell address → internal link location, from a sheet's <hyperlinks>. */
export function linksOf(parts: Parts, sheet: string): Map<string, string> {
  const xml = partText(parts, sheetParts(parts).get(sheet) as string);
  const out = new Map<string, string>();
  for (const m of xml.matchAll(/<hyperlink\b[^>]*>/g)) {
    const ref = /\bref="([^"]*)"/.exec(m[0])?.[1];
    const location = /\blocation="([^"]*)"/.exec(m[0])?.[1];
    if (ref && location) out.set(ref, decode(location));
  }
  return out;
}

/**
 * The stored (compressed) bytes of each entry, found by walking the central directory here, independently of the
 * reader under test: equal stored bytes mean the entry was copied, not re-encoded.
 */
export function storedEntries(bytes: Uint8Array): Map<string, Uint8Array> {
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = bytes.length - 22;
  while (end >= 0 && v.getUint32(end, true) !== 0x06054b50) end--;
  if (end < 0) throw new Error("not a zip");
  const count = v.getUint16(end + 10, true);
  let p = v.getUint32(end + 16, true);
  const out = new Map<string, Uint8Array>();
  for (let i = 0; i < count; i++) {
    const csize = v.getUint32(p + 20, true);
    const nameLength = v.getUint16(p + 28, true);
    const extra = v.getUint16(p + 30, true);
    const comment = v.getUint16(p + 32, true);
    const local = v.getUint32(p + 42, true);
    const name = strFromU8(bytes.subarray(p + 46, p + 46 + nameLength));
    const data = local + 30 + v.getUint16(local + 26, true) + v.getUint16(local + 28, true);
    out.set(name, bytes.subarray(data, data + csize));
    p += 46 + nameLength + extra + comment;
  }
  return out;
}

/** Elements named `name` (not nested in themselves), raw. */
export function elements(xml: string, name: string): string[] {
  return [...xml.matchAll(new RegExp(`<${name}\\b[^>]*?(?:/>|>[\\s\\S]*?</${name}>)`, "g"))].map((m) => m[0]);
}

/** The raw children of a stylesheet section ("cellXfs" → its <xf> elements in order). */
export function styleChildren(xml: string, section: string, child: string): string[] {
  const m = new RegExp(`<${section}\\b[^>]*?(?:/>|>([\\s\\S]*?)</${section}>)`).exec(xml);
  return m?.[1] ? elements(m[1], child) : [];
}
