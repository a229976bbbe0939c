import { PLAN_MARK, UnusableInputError, isCellDate, isCellError } from "../core";
import type { CellGrid, CellValue } from "../core";
import { parseRelationships, relsPartOf } from "./package-parts";
import type { WorkbookPackage } from "./package-parts";
import { buildGrid } from "./grid-build";
import { openWorkbook, scanContext } from "./read-workbook";
import { firstCellText, scanSheet } from "./sheet-scan";
import type { ScanContext } from "./sheet-scan";
import { CLOSE, EMPTY, OPEN, XmlCursor } from "./xml-scan";
import { decodeXmlBytes, entryText, inflateEntry, rawData } from "./zip-archive";
import type { ZipArchive, ZipCodec } from "./zip-archive";

/**
 * Reads a written copy back, with a second reading independent of how it was written, before anything is saved:
 * every original entry we did not edit or own is there with the same compressed bytes and checksum; the edited parts
 * are well-formed and still hold everything they held (relationships, content types, styles in their positions, defined
 * names); the user's sheets read back to the same values, formulas and merges under the same names; our sheets read
 * back with their mark. Any difference: nothing is written (exit 2), never a damaged file.
 */
export interface VerifyExpect {
  codec: ZipCodec;
  /** Entries (lower-case names) that were edited. */
  changed: Set<string>;
  /** Entries of our earlier sheets, left out. */
  dropped: Set<string>;
  /** Names of our earlier sheets (their grids are not compared). */
  oldOurs: Set<string>;
  ours: { name: string; rows: number }[];
}

const WELL_FORMED_CHECK_BYTES = 8 * 1024 * 1024;

export function verifyCopy(before: WorkbookPackage, bytes: Uint8Array, expect: VerifyExpect): void {
  const problems: string[] = [];
  const fail = (why: string) => problems.push(why);
  let after: WorkbookPackage;
  try {
    after = openWorkbook(bytes, before.fileName, expect.codec);
  } catch (e) {
    throw failure(before.fileName, [`re-reading failed: ${(e as Error).message}`]);
  }

  // 1. Every entry we neither edited nor owned: the same stored bytes (so the same content, byte for byte).
  for (const e of before.zip.entries) {
    const key = e.name.toLowerCase();
    if (expect.dropped.has(key) || expect.changed.has(key)) continue;
    const other = after.zip.byName.get(key);
    if (!other) {
      fail(`missing entry ${e.name}`);
      continue;
    }
    if (
      other.crc !== e.crc ||
      other.size !== e.size ||
      other.method !== e.method ||
      !sameBytes(rawData(before.zip, e), rawData(after.zip, other))
    ) {
      fail(`entry changed: ${e.name}`);
    }
  }

  // 2. Edited parts: well-formed, and what they held is still there.
  for (const key of expect.changed) {
    const text = entryText(after.zip, key, before.fileName);
    if (text === null || !wellFormed(text)) fail(`edited part is not well-formed: ${key}`);
  }
  for (const e of after.zip.entries) {
    if (
      before.zip.byName.has(e.name.toLowerCase()) &&
      !expect.changed.has(e.name.toLowerCase()) &&
      !expect.dropped.has(e.name.toLowerCase())
    )
      continue;
    if (!/\.(xml|rels)$/i.test(e.name)) continue;
    // Inflating checks size and checksum; the XML check is for parts of ordinary size (a sheet of ours can be 100 MB,
    // written by code whose escaping the tests check, and its first cell is read below).
    const bytes = inflateEntry(after.zip, e, before.fileName);
    if (bytes.length <= WELL_FORMED_CHECK_BYTES && !wellFormed(decodeXmlBytes(bytes))) fail(`new part is not well-formed: ${e.name}`);
  }
  const relsKey = relsPartOf(before.workbookPart);
  const relsBefore = relationships(before.zip, relsKey, before);
  const relsAfter = new Map(relationships(after.zip, relsKey, after).map((r) => [r.id, r]));
  const oldOursRelIds = new Set(before.sheets.filter((s) => expect.oldOurs.has(s.name)).map((s) => s.relId));
  for (const r of relsBefore) {
    const other = relsAfter.get(r.id);
    if (oldOursRelIds.has(r.id) || expect.dropped.has(r.target.toLowerCase())) continue;
    if (!other || other.type !== r.type || other.target !== r.target || other.external !== r.external)
      fail(`workbook relationship lost: ${r.id}`);
  }
  const typesBefore = contentTypes(before);
  const typesAfter = new Set(contentTypes(after));
  for (const t of typesBefore) {
    const part = /^override:\/(.*)=/.exec(t)?.[1];
    if (part && expect.dropped.has(part.toLowerCase())) continue;
    if (!typesAfter.has(t)) fail(`content type lost: ${t}`);
  }
  if (before.stylesPart) {
    const a = styleSections(entryText(before.zip, before.stylesPart, before.fileName) ?? "");
    const b = styleSections(entryText(after.zip, after.stylesPart ?? before.stylesPart, before.fileName) ?? "");
    for (const [section, items] of a) {
      const now = b.get(section) ?? [];
      if (items.some((x, i) => now[i] !== x)) fail(`styles renumbered or changed: ${section}`);
    }
  }

  // 3. The user's sheets: same names, order, states and parts; same values, formulas and merges.
  const userBefore = before.sheets.filter((s) => !expect.oldOurs.has(s.name));
  const userAfter = after.sheets.filter((s) => userBefore.some((u) => u.name === s.name));
  if (userAfter.length !== userBefore.length) fail("a sheet of the workbook is missing");
  userBefore.forEach((s, i) => {
    const o = userAfter[i];
    if (!o || o.name !== s.name || o.state !== s.state || o.sheetId !== s.sheetId || o.part !== s.part || o.kind !== s.kind)
      fail(`sheet entry changed: ${s.name}`);
  });
  // Sheet by sheet (one pair of grids alive at a time), with each package's strings and styles read once.
  const ctxBefore = scanContext(before);
  const ctxAfter = scanContext(after);
  const dates = (c: ScanContext) => c.dateStyles.map((d) => (d ? "d" : "-")).join("");
  if (!dates(ctxAfter).startsWith(dates(ctxBefore)) || ctxBefore.date1904 !== ctxAfter.date1904) fail("cell formats read differently");
  for (const s of userBefore) {
    if (s.kind !== "worksheet" || s.state === "veryHidden" || !s.part) continue;
    const o = after.sheets.find((x) => x.name === s.name);
    const a = gridOf(before, s.part, s.name, ctxBefore);
    const b = o?.part ? gridOf(after, o.part, s.name, ctxAfter) : null;
    if (!a !== !b || (a && b && !sameGrid(a, b))) fail(`sheet reads differently: ${s.name}`);
  }

  // 4. Defined names: each of the workbook's own names still there, local ones still on the same sheet.
  const sheetName = (pkg: WorkbookPackage, i: number | null) => (i === null ? "" : (pkg.sheets[i]?.name ?? `#${i}`));
  const namesAfter = new Set(after.definedNames.map((d) => `${d.name}@${sheetName(after, d.localSheetId)}=${d.text}`));
  for (const d of before.definedNames) {
    const local = sheetName(before, d.localSheetId);
    if (expect.oldOurs.has(local)) continue;
    if (!namesAfter.has(`${d.name}@${local}=${d.text}`)) fail(`defined name changed: ${d.name}`);
  }

  // 5. Our sheets: present, well-formed (checked above with the new parts), and marked in A1.
  for (const o of expect.ours) {
    const part = after.sheets.find((s) => s.name === o.name)?.part;
    const entry = part ? after.zip.byName.get(part.toLowerCase()) : undefined;
    const xml = entry ? decodeXmlBytes(inflateEntry(after.zip, entry, before.fileName).subarray(0, 65536)) : null;
    const a1 = xml === null ? null : firstCellText(xml, () => ctxAfter.sharedStrings);
    if (a1 === null || !a1.includes(PLAN_MARK)) fail(`result sheet unreadable: ${o.name}`);
  }

  if (problems.length > 0) throw failure(before.fileName, problems);
}

function gridOf(pkg: WorkbookPackage, part: string, name: string, ctx: ScanContext): CellGrid | null {
  const xml = entryText(pkg.zip, part, pkg.fileName);
  return xml === null ? null : buildGrid(name, scanSheet(xml, ctx));
}

function failure(fileName: string, problems: string[]): UnusableInputError {
  return new UnusableInputError(
    `写入结果表后核对未通过，为保护原工作簿未写出文件：${fileName}（${problems.slice(0, 3).join("; ")}）`,
    `The copy with the result sheets did not verify, so nothing was written: ${fileName} (${problems.slice(0, 3).join("; ")})`,
  );
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function relationships(zip: ZipArchive, relsPart: string, pkg: WorkbookPackage) {
  const xml = entryText(zip, relsPart, pkg.fileName);
  return xml === null ? [] : parseRelationships(xml, pkg.workbookPart);
}

/** "default:xml=…" and "override:/xl/…=…" for each content type entry. */
function contentTypes(pkg: WorkbookPackage): string[] {
  const xml = entryText(pkg.zip, "[Content_Types].xml", pkg.fileName) ?? "";
  const out: string[] = [];
  const cur = new XmlCursor(xml);
  while (cur.next()) {
    if (cur.kind === CLOSE) continue;
    if (cur.is("Default")) out.push(`default:${(cur.attr("Extension") ?? "").toLowerCase()}=${cur.attr("ContentType")}`);
    else if (cur.is("Override")) out.push(`override:${cur.attr("PartName") ?? ""}=${cur.attr("ContentType")}`);
  }
  return out;
}

/** Raw children of each indexed stylesheet section: an existing format must keep its text and position. */
function styleSections(xml: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const sections = ["numFmts", "fonts", "fills", "borders", "cellStyleXfs", "cellXfs", "dxfs"];
  const cur = new XmlCursor(xml);
  let depth = 0;
  let section: string | null = null;
  let childStart = -1;
  while (cur.next()) {
    if (cur.kind === CLOSE) {
      depth--;
      if (section && depth === 2) out.get(section)?.push(xml.slice(childStart, cur.pos));
      if (depth === 1) section = null;
      continue;
    }
    if (depth === 1) {
      section = sections.some((s) => cur.is(s)) ? cur.name : null;
      if (section) out.set(section, []);
      if (cur.kind === EMPTY) section = null;
    } else if (section && depth === 2) {
      if (cur.kind === EMPTY) out.get(section)?.push(xml.slice(cur.tagStart, cur.pos));
      else childStart = cur.tagStart;
    }
    if (cur.kind === OPEN) depth++;
  }
  return out;
}

function sameValue(a: CellValue | undefined, b: CellValue | undefined): boolean {
  const x = a ?? null;
  const y = b ?? null;
  if (x === y) return true;
  if (x === null || y === null || typeof x !== "object" || typeof y !== "object") return Number.isNaN(x) && Number.isNaN(y);
  if (isCellError(x) && isCellError(y)) return x.error === y.error;
  if (isCellDate(x) && isCellDate(y)) return x.date === y.date;
  return false;
}

function sameRows<T>(a: T[][] | undefined, b: T[][] | undefined, eq: (x: T | undefined, y: T | undefined) => boolean): boolean {
  const n = Math.max(a?.length ?? 0, b?.length ?? 0);
  for (let r = 0; r < n; r++) {
    const x = a?.[r] ?? [];
    const y = b?.[r] ?? [];
    const w = Math.max(x.length, y.length);
    for (let c = 0; c < w; c++) if (!eq(x[c], y[c])) return false;
  }
  return true;
}

export function sameGrid(a: CellGrid, b: CellGrid): boolean {
  return (
    a.origin.row === b.origin.row &&
    a.origin.col === b.origin.col &&
    JSON.stringify(a.rowIndex ?? null) === JSON.stringify(b.rowIndex ?? null) &&
    JSON.stringify(a.colIndex ?? null) === JSON.stringify(b.colIndex ?? null) &&
    JSON.stringify(a.merges) === JSON.stringify(b.merges) &&
    sameRows(a.values, b.values, sameValue) &&
    sameRows(a.formulas, b.formulas, (x, y) => (x ?? null) === (y ?? null))
  );
}

/**
 * Tags balanced and properly nested, attributes quoted, no stray "&" or "<" in text: enough to catch an edit that
 * broke a part (the cursor itself is lenient, so this check is separate).
 */
export function wellFormed(xml: string): boolean {
  if (/&(?!(amp|lt|gt|quot|apos|#\d{1,7}|#x[0-9a-fA-F]{1,6});)/.test(xml)) return false;
  const cur = new XmlCursor(xml);
  const stack: string[] = [];
  let roots = 0;
  while (cur.next()) {
    const tag = xml.slice(cur.tagStart, cur.pos);
    if (!/^<\/?[\w:.-]+(\s+[\w:.-]+\s*=\s*("[^"<]*"|'[^'<]*'))*\s*\/?>$/.test(tag)) return false;
    const qname = /^<\/?([\w:.-]+)/.exec(tag)?.[1] ?? "";
    if (cur.kind === OPEN) {
      if (stack.length === 0) roots++;
      stack.push(qname);
    } else if (cur.kind === CLOSE) {
      if (stack.pop() !== qname) return false;
    } else if (stack.length === 0) roots++;
  }
  return stack.length === 0 && roots === 1;
}
