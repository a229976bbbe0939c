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

const decode = (s: string) => s.replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");

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
