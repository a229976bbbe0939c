import { UnusableInputError } from "../core";
import { CLOSE, EMPTY, OPEN, XmlCursor } from "./xml-scan";
import { entryText, readZip } from "./zip-archive";
import type { ZipArchive, ZipCodec } from "./zip-archive";
import { checkWorkbookBytes } from "./unusable-input";

/** The parts of an .xlsx package that reading and writing need: where the sheets are, and what the workbook declares. */
export interface Relationship {
  id: string;
  /** The relationship type's last segment: "worksheet", "sharedStrings", "styles", "drawing", "chart" … */
  type: string;
  /** Absolute part name without the leading slash ("xl/worksheets/sheet1.xml"), or the target as written when external. */
  target: string;
  external: boolean;
}

export type SheetKind = "worksheet" | "chartsheet" | "dialogsheet" | "macrosheet" | "unknown";

export interface SheetEntry {
  name: string;
  sheetId: string;
  relId: string;
  state: "visible" | "hidden" | "veryHidden";
  kind: SheetKind;
  /** Part name, or null when the relationship is missing. */
  part: string | null;
}

export interface DefinedName {
  name: string;
  /** Index into the sheets list for sheet-local names. */
  localSheetId: number | null;
  text: string;
}

export interface WorkbookPackage {
  zip: ZipArchive;
  fileName: string;
  workbookPart: string;
  workbookXml: string;
  sheets: SheetEntry[];
  definedNames: DefinedName[];
  date1904: boolean;
  /** "strict" for ISO 29500 Strict packages (purl.oclc.org namespaces). */
  conformance: "transitional" | "strict";
  workbookRels: Relationship[];
  sharedStringsPart: string | null;
  stylesPart: string | null;
}

const unreadable = (fileName: string, why: string) =>
  new UnusableInputError(
    `无法读取工作簿（文件可能已损坏或不完整）：${fileName}`,
    `Cannot read the workbook (damaged or truncated?): ${fileName} (${why})`,
  );

/** "xl/_rels/workbook.xml.rels" for "xl/workbook.xml". */
export function relsPartOf(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** A relationship target resolved against the folder of its source part ("../drawings/d1.xml" from xl/worksheets). */
export function resolveTarget(sourcePart: string, target: string): string {
  let path = target.replace(/\\/g, "/");
  const hash = path.indexOf("#");
  if (hash >= 0) path = path.slice(0, hash);
  const segments = path.startsWith("/") ? [] : sourcePart.split("/").slice(0, -1);
  for (const seg of path.split("/")) {
    if (seg === "" || seg === ".") continue;
    if (seg === "..") segments.pop();
    else segments.push(safeDecode(seg));
  }
  return segments.join("/");
}

function safeDecode(seg: string): string {
  try {
    return decodeURIComponent(seg);
  } catch {
    return seg;
  }
}

export function parseRelationships(xml: string, sourcePart: string): Relationship[] {
  const out: Relationship[] = [];
  const cur = new XmlCursor(xml);
  while (cur.next()) {
    if (cur.name !== "Relationship" || (cur.kind !== OPEN && cur.kind !== EMPTY)) continue;
    const id = cur.attr("Id");
    const type = cur.attr("Type") ?? "";
    const target = cur.attr("Target");
    if (!id || target === undefined) continue;
    const external = cur.attr("TargetMode") === "External";
    out.push({ id, type: type.slice(type.lastIndexOf("/") + 1), target: external ? target : resolveTarget(sourcePart, target), external });
  }
  return out;
}

export function readRelationships(zip: ZipArchive, part: string, fileName: string): Relationship[] {
  const xml = entryText(zip, relsPartOf(part), fileName);
  return xml === null ? [] : parseRelationships(xml, part);
}

function sheetKind(type: string): SheetKind {
  return type === "worksheet" || type === "chartsheet" || type === "dialogsheet" || type === "macrosheet" ? type : "unknown";
}

/** Opens the package: byte checks, zip directory with its limits, the workbook part and its relationships. */
export function openPackage(bytes: Uint8Array, fileName: string, codec?: ZipCodec): WorkbookPackage {
  checkWorkbookBytes(bytes, fileName);
  const zip = readZip(bytes, fileName, codec);
  const rootRels = readRelationships(zip, "", fileName);
  const office = rootRels.find((r) => r.type === "officeDocument" && !r.external);
  const workbookPart = office && zip.byName.has(office.target.toLowerCase()) ? office.target : "xl/workbook.xml";
  const workbookXml = entryText(zip, workbookPart, fileName);
  if (workbookXml === null) {
    throw new UnusableInputError(
      `不是 Excel 工作簿（.xlsx），缺少工作簿部件：${fileName}`,
      `Not an Excel workbook (.xlsx): no workbook part in ${fileName}`,
    );
  }
  const workbookRels = readRelationships(zip, workbookPart, fileName);
  const relById = new Map(workbookRels.map((r) => [r.id, r]));
  const sheets: SheetEntry[] = [];
  const definedNames: DefinedName[] = [];
  let date1904 = false;
  const conformance = /purl\.oclc\.org\/ooxml\/spreadsheetml\/main/.test(workbookXml.slice(0, 2000)) ? "strict" : "transitional";
  const cur = new XmlCursor(workbookXml);
  while (cur.next()) {
    if (cur.kind === CLOSE) continue;
    if (cur.name === "workbookPr") {
      const v = cur.rawAttr("date1904");
      date1904 = v === "1" || v === "true";
    } else if (cur.name === "sheet") {
      const relId = cur.attr("id"); // r:id, whatever the prefix of the relationships namespace
      const rel = relId ? relById.get(relId) : undefined;
      const state = cur.rawAttr("state");
      sheets.push({
        name: cur.attr("name") ?? `Sheet${sheets.length + 1}`,
        sheetId: cur.rawAttr("sheetId") ?? "",
        relId: relId ?? "",
        state: state === "hidden" || state === "veryHidden" ? state : "visible",
        kind: rel ? sheetKind(rel.type) : "unknown",
        part: rel && !rel.external ? rel.target : null,
      });
    } else if (cur.name === "definedName" && cur.kind === OPEN) {
      const local = cur.rawAttr("localSheetId");
      const name = cur.attr("name") ?? "";
      definedNames.push({ name, localSheetId: local !== undefined && /^\d+$/.test(local) ? Number(local) : null, text: cur.text() });
    }
  }
  if (sheets.length === 0 && !/<(\w+:)?sheets[\s>/]/.test(workbookXml)) throw unreadable(fileName, "no sheets element");
  return {
    zip,
    fileName,
    workbookPart,
    workbookXml,
    sheets,
    definedNames,
    date1904,
    conformance,
    workbookRels,
    sharedStringsPart: workbookRels.find((r) => r.type === "sharedStrings" && !r.external)?.target ?? null,
    stylesPart: workbookRels.find((r) => r.type === "styles" && !r.external)?.target ?? null,
  };
}
