import { elements, partText, storedEntries, styleChildren, unzipParts } from "../../support/xlsx-raw";

export const EDITED = ["xl/workbook.xml", "xl/_rels/workbook.xml.rels", "[Content_Types].xml", "xl/styles.xml"];

/**
 * Everything the writer did not own is the original: each entry's stored bytes and content (compared here through
 * fflate and regular expressions, not through our reader), and in the four edited parts each original element as it was.
 */
export function expectPreserved(input: Uint8Array, output: Uint8Array): void {
  const a = unzipParts(input);
  const b = unzipParts(output);
  const storedA = storedEntries(input);
  const storedB = storedEntries(output);
  for (const name of Object.keys(a)) {
    expect(b[name]).toBeDefined();
    if (EDITED.includes(name)) continue;
    expect({ name, same: Buffer.compare(Buffer.from(a[name]), Buffer.from(b[name])) === 0 }).toEqual({ name, same: true });
    expect({ name, stored: Buffer.compare(Buffer.from(storedA.get(name)!), Buffer.from(storedB.get(name)!)) === 0 }).toEqual({
      name,
      stored: true,
    });
  }
  const wbA = partText(a, "xl/workbook.xml");
  const wbB = partText(b, "xl/workbook.xml");
  for (const el of [
    ...elements(wbA, "sheet"),
    ...elements(wbA, "definedName"),
    ...elements(wbA, "pivotCaches"),
    ...elements(wbA, "extLst"),
    ...elements(wbA, "bookViews"),
  ]) {
    expect(wbB).toContain(el);
  }
  for (const el of elements(partText(a, "xl/_rels/workbook.xml.rels"), "Relationship"))
    expect(partText(b, "xl/_rels/workbook.xml.rels")).toContain(el);
  for (const el of [
    ...elements(partText(a, "[Content_Types].xml"), "Default"),
    ...elements(partText(a, "[Content_Types].xml"), "Override"),
  ]) {
    expect(partText(b, "[Content_Types].xml")).toContain(el);
  }
  if (a["xl/styles.xml"]) {
    const sa = partText(a, "xl/styles.xml");
    const sb = partText(b, "xl/styles.xml");
    for (const [section, child] of [
      ["numFmts", "numFmt"],
      ["fonts", "font"],
      ["fills", "fill"],
      ["borders", "border"],
      ["cellStyleXfs", "xf"],
      ["cellXfs", "xf"],
      ["dxfs", "dxf"],
    ]) {
      const before = styleChildren(sa, section, child);
      expect(styleChildren(sb, section, child).slice(0, before.length)).toEqual(before);
    }
  }
}
