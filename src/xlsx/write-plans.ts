import { PLAN_MARK, UnusableInputError } from "../core";
import type { SheetPlan } from "../core";
import { parseRelationships, relsPartOf } from "./package-parts";
import type { Relationship, SheetEntry, WorkbookPackage } from "./package-parts";
import { openWorkbook } from "./read-workbook";
import { parseSharedStrings } from "./shared-parts";
import { planParts, quotedSheet } from "./sheet-xml";
import { MINIMAL_STYLES, StyleSheetEditor } from "./style-edit";
import { verifyCopy, wellFormed } from "./verify-copy";
import { firstCellText } from "./sheet-scan";
import { CLOSE, EMPTY, OPEN, XmlCursor, escapeAttr } from "./xml-scan";
import { FFLATE_CODEC, decodeXmlBytes, entryText, inflateEntry } from "./zip-archive";
import type { ZipCodec } from "./zip-archive";
import { ZipWriter } from "./zip-write";
import type { Compressed } from "./zip-write";

/**
 * `sheets`: a copy of the workbook with our result sheets added, in which every part we do not own is the original
 * entry byte for byte (its compressed bytes copied, not re-encoded). Only four parts are edited, minimally: the workbook
 * (<sheet> entries, our print titles, calculation on load), its relationships, the content types, and the styles (our
 * formats appended after the existing ones, which keep their numbers). Our sheets are those with the mark in A1: a rerun
 * replaces them in place (same position, name and id) and never duplicates; a user's own sheet with one of our names is
 * kept, and ours is suffixed "_决算助手". The result is read back and checked before it is returned.
 */
export interface WriteResult {
  bytes: Uint8Array;
  /** Final names of our sheets, in plan order. */
  sheets: string[];
  /** The workbook holds macros: the output must keep the .xlsm extension. */
  macroEnabled: boolean;
}

const CT = {
  worksheet: "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml",
  drawing: "application/vnd.openxmlformats-officedocument.drawing+xml",
  chart: "application/vnd.openxmlformats-officedocument.drawingml.chart+xml",
  styles: "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml",
};
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const REL_TYPE = (t: string) => `${REL}/${t}`;
const SUFFIX = "_决算助手";
const encoder = new TextEncoder();

interface Target {
  plan: SheetPlan;
  name: string;
  /** Our earlier sheet this plan replaces in place, or null for a new sheet. */
  replaces: SheetEntry | null;
  part: string;
  relId: string;
  sheetId: string;
}

interface Edit {
  start: number;
  end: number;
  text: string;
}

function applyEdits(xml: string, edits: Edit[]): string {
  let out = xml;
  for (const e of [...edits].sort((a, b) => b.start - a.start || b.end - a.end)) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}

const refused = (zh: string, en: string) => new UnusableInputError(zh, en);

export function writePlansCopy(input: Uint8Array, fileName: string, plans: SheetPlan[], codec: ZipCodec = FFLATE_CODEC): WriteResult {
  const pkg = openWorkbook(input, fileName, codec);
  if (pkg.conformance === "strict") {
    throw refused(
      `工作簿为“严格 Open XML”格式，暂不支持写入结果表：${fileName}。请在 Excel 中另存为“Excel 工作簿(.xlsx)”后再试。`,
      `The workbook is in Strict Open XML format, which sheets cannot write into yet: ${fileName}. Save it as an ordinary .xlsx.`,
    );
  }
  // The parts we edit must be sound to begin with: an edit into broken XML would only hide the damage.
  for (const part of [pkg.workbookPart, relsPartOf(pkg.workbookPart), "[Content_Types].xml", ...(pkg.stylesPart ? [pkg.stylesPart] : [])]) {
    const e = pkg.zip.byName.get(part.toLowerCase());
    if (!e) continue;
    const raw = inflateEntry(pkg.zip, e, fileName);
    if (!isUtf8(raw)) {
      throw refused(
        `工作簿的部件 ${part} 不是 UTF-8 编码，无法安全写入：${fileName}`,
        `Part ${part} is not UTF-8; cannot write safely into ${fileName}`,
      );
    }
    if (!wellFormed(decodeXmlBytes(raw))) {
      throw refused(
        `工作簿的部件 ${part} 已损坏（不是完整的 XML），无法安全地加入结果表：${fileName}。请在 Excel 中打开并另存后再试。`,
        `Part ${part} of ${fileName} is damaged (not well-formed XML); result sheets cannot be added safely. ` +
          "Open and save it in Excel first.",
      );
    }
  }
  const seen = new Set<string>();
  for (const s of pkg.sheets) {
    const key = s.name.toLowerCase();
    if (seen.has(key)) {
      throw refused(
        `工作簿中有重名的工作表「${s.name}」（文件已损坏），无法安全写入：${fileName}`,
        `The workbook has two sheets named ${s.name} (damaged); cannot write safely into ${fileName}`,
      );
    }
    seen.add(key);
  }
  const ours = oursDetector(pkg);
  const oldOurs = pkg.sheets.filter((s) => ours(s));
  const targets = chooseTargets(pkg, plans, ours);
  const replaced = new Set(targets.flatMap((t) => (t.replaces ? [t.replaces] : [])));
  const removedSheets = oldOurs.filter((s) => !replaced.has(s));

  // Parts that belong to our earlier sheets only: the sheet parts, their relationships, their drawings and charts.
  const graph = relationshipGraph(pkg);
  const oldParts = new Set(oldOurs.flatMap((s) => (s.part ? [s.part.toLowerCase()] : [])));
  const ourReach = reachable(graph, [...oldParts], new Set());
  // Kept: what the package root, the workbook or any part outside our earlier sheets' reach refers to (so a package
  // whose root relationships are damaged still keeps a part shared with the user's sheets).
  const roots = ["", pkg.workbookPart.toLowerCase(), ...[...graph.keys()].filter((p) => !ourReach.has(p))];
  const keptReach = reachable(graph, roots, oldParts);
  const dropped = new Set<string>();
  for (const p of ourReach) if (!keptReach.has(p)) dropped.add(p);
  for (const p of [...dropped]) dropped.add(relsPartOf(p).toLowerCase());
  // Excel's calculation chain lists formula cells by sheet: with our earlier sheets replaced or gone it would point at
  // cells that changed, and Excel would "repair" the file. It is a cache Excel rebuilds (we set calculation on load).
  const calcChain = oldOurs.length > 0 ? pkg.workbookRels.find((r) => r.type === "calcChain" && !r.external) : undefined;
  if (calcChain) dropped.add(calcChain.target.toLowerCase());

  // New part names: never one that stays in the package, nor one a relationship still points at (a part missing from
  // a damaged file must not come back as ours under a user's sheet).
  const referenced = [...graph.values()].flat();
  const taken = new Set([...pkg.zip.entries.map((e) => e.name.toLowerCase()), ...referenced].filter((n) => !dropped.has(n)));
  const fresh = (folder: string, stem: string) => {
    for (let k = 1; ; k++) {
      const name = `${folder}/${stem}${k}.xml`;
      if (!taken.has(name.toLowerCase())) {
        taken.add(name.toLowerCase());
        return name;
      }
    }
  };
  const relIds = new Set(pkg.workbookRels.map((r) => r.id));
  const freshRelId = () => {
    for (let k = 1; ; k++) if (!relIds.has(`rId${k}`)) return (relIds.add(`rId${k}`), `rId${k}`);
  };
  const sheetIds = pkg.sheets.map((s) => Number(s.sheetId)).filter(Number.isFinite);
  let nextSheetId = Math.max(0, ...sheetIds) + 1;
  for (const t of targets) {
    if (t.replaces) {
      t.part = t.replaces.part as string;
      taken.add(t.part.toLowerCase());
    } else {
      t.part = fresh("xl/worksheets", "sheet");
      t.relId = freshRelId();
      t.sheetId = String(nextSheetId++);
    }
  }

  // Styles: ours appended to the workbook's (or a minimal stylesheet when the workbook has none).
  const stylesXml = pkg.stylesPart ? entryText(pkg.zip, pkg.stylesPart, fileName) : null;
  const styles = new StyleSheetEditor(stylesXml ?? MINIMAL_STYLES);
  // New parts are compressed as soon as they are made: only their compressed bytes wait for the edited parts.
  const writer = new ZipWriter(codec);
  const added = new Map<string, { entry: Compressed; type: string | null }>();
  const put = (name: string, content: string | Uint8Array, type: string | null) =>
    added.set(name, { entry: writer.compress(typeof content === "string" ? encoder.encode(content) : content), type });
  for (const t of targets) {
    const sheet = new Utf8Sink();
    const parts = planParts(t.plan, t.name, styles, "rId1", (xml) => sheet.write(xml));
    put(t.part, sheet.bytes(), CT.worksheet);
    if (parts.drawing) {
      const drawing = fresh("xl/drawings", "drawing");
      const charts = parts.charts.map(() => fresh("xl/charts", "chart"));
      put(drawing, parts.drawing, CT.drawing);
      charts.forEach((c, i) => put(c, parts.charts[i], CT.chart));
      put(relsPartOf(t.part), relsXml([{ id: "rId1", type: "drawing", target: relative(t.part, drawing) }]), null);
      put(relsPartOf(drawing), relsXml(charts.map((c, i) => ({ id: `rId${i + 1}`, type: "chart", target: relative(drawing, c) }))), null);
    }
  }
  let stylesPart = pkg.stylesPart;
  let stylesRel: Relationship | null = null;
  const newStyles = styles.result();
  if (!stylesPart || stylesXml === null) {
    stylesPart = stylesPart ?? fresh("xl", "styles");
    put(stylesPart, newStyles, CT.styles);
    if (!pkg.stylesPart) stylesRel = { id: freshRelId(), type: "styles", target: stylesPart, external: false };
  }

  // The final order of sheets, for sheet-local defined names (their localSheetId is a position).
  const finalSheets = [...pkg.sheets.filter((s) => !removedSheets.includes(s)), ...targets.filter((t) => !t.replaces).map((t) => t.name)];
  const positionOf = (name: string) => finalSheets.findIndex((s) => (typeof s === "string" ? s : s.name) === name);
  const workbookXml = editWorkbook(pkg, targets, removedSheets, oldOurs, positionOf);
  const wbRelsPart = relsPartOf(pkg.workbookPart);
  const wbRelsXml = entryText(pkg.zip, wbRelsPart, fileName);
  const newRels = targets
    .filter((t) => !t.replaces)
    .map((t) => ({ id: t.relId, type: "worksheet", target: relative(pkg.workbookPart, t.part) }));
  if (stylesRel) newRels.push({ id: stylesRel.id, type: "styles", target: relative(pkg.workbookPart, stylesRel.target) });
  const removedRelIds = new Set([...removedSheets.map((s) => s.relId), ...(calcChain ? [calcChain.id] : [])]);
  const editedRels = editRels(wbRelsXml ?? relsXml([]), removedRelIds, newRels);
  const contentTypes = entryText(pkg.zip, "[Content_Types].xml", fileName) ?? "";
  const finalParts = new Set([...taken, ...[...added.keys()].map((k) => k.toLowerCase())]);
  const editedTypes = editContentTypes(contentTypes, dropped, finalParts, added);

  if (pkg.zip.byName.get("[content_types].xml") === undefined || wbRelsXml === null) {
    throw refused(
      `工作簿缺少必需的部件，无法安全写入：${fileName}`,
      `The workbook lacks required parts; cannot write safely into ${fileName}`,
    );
  }
  const edited = new Map<string, string>([
    [pkg.workbookPart.toLowerCase(), workbookXml],
    [wbRelsPart.toLowerCase(), editedRels],
    ["[content_types].xml", editedTypes],
  ]);
  if (pkg.stylesPart && stylesXml !== null) edited.set(pkg.stylesPart.toLowerCase(), newStyles);

  const changed = new Set<string>();
  const addedKeys = new Set([...added.keys()].map((k) => k.toLowerCase()));
  for (const e of pkg.zip.entries) {
    const key = e.name.toLowerCase();
    if (dropped.has(key) || addedKeys.has(key)) continue;
    const text = edited.get(key);
    if (text !== undefined && text !== decodeXmlBytes(inflateEntry(pkg.zip, e, fileName))) {
      writer.add(e.name, encoder.encode(text), e);
      changed.add(key);
    } else writer.copy(pkg.zip, e);
  }
  for (const [name, part] of added) writer.addCompressed(part.entry, name);
  const bytes = writer.finish(pkg.zip.comment);

  verifyCopy(pkg, bytes, {
    codec,
    changed,
    dropped,
    oldOurs: new Set(oldOurs.map((s) => s.name)),
    ours: targets.map((t) => ({ name: t.name, rows: t.plan.rows.length })),
  });
  const macroEnabled = /vnd\.ms-excel\.(sheet|template)\.macroEnabled\.main/i.test(contentTypes);
  return { bytes, sheets: targets.map((t) => t.name), macroEnabled };
}

/** UTF-8 written piece by piece into one growing buffer: a large part is never one string, nor a joined copy. */
class Utf8Sink {
  private buf = new Uint8Array(1 << 20);
  private at = 0;

  write(piece: string): void {
    let rest = piece;
    for (;;) {
      const r = encoder.encodeInto(rest, this.buf.subarray(this.at));
      this.at += r.written;
      if (r.read === rest.length) return;
      rest = rest.slice(r.read);
      const bigger = new Uint8Array(Math.max(this.buf.length * 2, this.at + rest.length * 3));
      bigger.set(this.buf.subarray(0, this.at));
      this.buf = bigger;
    }
  }

  bytes(): Uint8Array {
    return this.buf.subarray(0, this.at);
  }
}

function isUtf8(b: Uint8Array): boolean {
  if ((b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff)) return false;
  const head = new TextDecoder().decode(b.subarray(0, 200));
  const m = /encoding\s*=\s*["']([^"']+)["']/.exec(head);
  return !m || /^utf-?8$/i.test(m[1]);
}

/** Whether a sheet is one we wrote: its A1 carries the mark (as an inline or a shared string). */
function oursDetector(pkg: WorkbookPackage): (s: SheetEntry) => boolean {
  let sst: string[] | null = null;
  const cache = new Map<SheetEntry, boolean>();
  return (s) => {
    if (s.kind !== "worksheet" || !s.part) return false;
    let known = cache.get(s);
    if (known === undefined) {
      const xml = entryText(pkg.zip, s.part, pkg.fileName);
      const a1 = xml === null ? null : firstCellText(xml, () => (sst ??= sharedStrings(pkg)));
      known = a1 !== null && a1.includes(PLAN_MARK);
      cache.set(s, known);
    }
    return known;
  };
}

function sharedStrings(pkg: WorkbookPackage): string[] {
  const xml = pkg.sharedStringsPart ? entryText(pkg.zip, pkg.sharedStringsPart, pkg.fileName) : null;
  return xml === null ? [] : parseSharedStrings(xml);
}

function chooseTargets(pkg: WorkbookPackage, plans: SheetPlan[], ours: (s: SheetEntry) => boolean): Target[] {
  const byName = (name: string) => pkg.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  const used = new Set<string>();
  return plans.map((plan) => {
    // Our earlier sheet of this name is replaced; a user's sheet keeps its name and ours is suffixed.
    const candidates = [plan.name, `${plan.name.slice(0, 31 - SUFFIX.length)}${SUFFIX}`];
    for (let k = 2; k < 100; k++) candidates.push(`${plan.name.slice(0, 31 - SUFFIX.length - String(k).length)}${SUFFIX}${k}`);
    for (const name of candidates) {
      if (used.has(name.toLowerCase())) continue;
      const existing = byName(name);
      if (existing && !ours(existing)) continue;
      used.add(name.toLowerCase());
      return {
        plan,
        name: existing?.name ?? name,
        replaces: existing ?? null,
        part: "",
        relId: existing?.relId ?? "",
        sheetId: existing?.sheetId ?? "",
      };
    }
    throw refused(`无法为结果表「${plan.name}」找到可用的名称`, `No free name for the result sheet ${plan.name}`);
  });
}

/** Part → parts its relationships point at (internal only), for every relationships part in the package. */
function relationshipGraph(pkg: WorkbookPackage): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const e of pkg.zip.entries) {
    const m = /^(.*?)_rels\/([^/]*)\.rels$/i.exec(e.name);
    if (!m) continue;
    const source = `${m[1]}${m[2]}`;
    let rels: Relationship[] = [];
    try {
      rels = parseRelationships(decodeXmlBytes(inflateEntry(pkg.zip, e, pkg.fileName)), source);
    } catch {
      rels = []; // an unreadable relationships part keeps everything it might reference
    }
    graph.set(
      source.toLowerCase(),
      rels.filter((r) => !r.external).map((r) => r.target.toLowerCase()),
    );
  }
  return graph;
}

function reachable(graph: Map<string, string[]>, from: string[], blocked: Set<string>): Set<string> {
  const seen = new Set<string>();
  const stack = [...from];
  while (stack.length > 0) {
    const p = stack.pop() as string;
    if (seen.has(p)) continue;
    seen.add(p);
    for (const t of graph.get(p) ?? []) if (!blocked.has(t) && !seen.has(t)) stack.push(t);
  }
  seen.delete("");
  return seen;
}

/** A target relative to its source part's folder. */
function relative(source: string, target: string): string {
  const from = source.split("/").slice(0, -1);
  const to = target.split("/");
  let i = 0;
  while (i < from.length && i < to.length - 1 && from[i] === to[i]) i++;
  return [...from.slice(i).map(() => ".."), ...to.slice(i)].join("/");
}

function relsXml(rels: { id: string; type: string; target: string }[]): string {
  const items = rels.map((r) => `<Relationship Id="${r.id}" Type="${REL_TYPE(r.type)}" Target="${escapeAttr(r.target)}"/>`).join("");
  const ns = "http://schemas.openxmlformats.org/package/2006/relationships";
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${ns}">${items}</Relationships>`;
}

/** The opening tag's prefix ("x:" in <x:sheets>), so added elements share their parent's namespace. */
const prefixOf = (xml: string, at: number) => /^<(\w+:)?/.exec(xml.slice(at, at + 64))?.[1] ?? "";

function editRels(xml: string, removeIds: Set<string>, add: { id: string; type: string; target: string }[]): string {
  const edits: Edit[] = [];
  const cur = new XmlCursor(xml);
  let close = -1;
  let prefix = "";
  while (cur.next()) {
    if (cur.is("Relationships")) {
      if (cur.kind === CLOSE) close = cur.tagStart;
      else prefix = prefixOf(xml, cur.tagStart);
      if (cur.kind === EMPTY) {
        edits.push({
          start: cur.tagStart,
          end: cur.pos,
          text: xml.slice(cur.tagStart, cur.pos).replace(/\s*\/>$/, ">") + `</${prefix}Relationships>`,
        });
        close = cur.pos;
      }
    } else if (cur.is("Relationship") && cur.kind !== CLOSE && removeIds.has(cur.attr("Id") ?? "")) {
      const start = cur.tagStart;
      if (cur.kind === OPEN) cur.skipElement();
      edits.push({ start, end: cur.pos, text: "" });
    }
  }
  if (add.length > 0) {
    const items = add
      .map((r) => `<${prefix}Relationship Id="${r.id}" Type="${REL_TYPE(r.type)}" Target="${escapeAttr(r.target)}"/>`)
      .join("");
    edits.push({ start: close < 0 ? xml.length : close, end: close < 0 ? xml.length : close, text: items });
  }
  return applyEdits(xml, edits);
}

function editContentTypes(xml: string, dropped: Set<string>, finalParts: Set<string>, added: Map<string, { type: string | null }>): string {
  const edits: Edit[] = [];
  const cur = new XmlCursor(xml);
  let close = -1;
  let prefix = "";
  const overridden = new Set<string>();
  while (cur.next()) {
    if (cur.is("Types")) {
      if (cur.kind === CLOSE) close = cur.tagStart;
      else prefix = prefixOf(xml, cur.tagStart);
    } else if (cur.is("Override") && cur.kind !== CLOSE) {
      const name = (cur.attr("PartName") ?? "").replace(/^\//, "").toLowerCase();
      const start = cur.tagStart;
      if (cur.kind === OPEN) cur.skipElement();
      if (dropped.has(name) && !finalParts.has(name)) edits.push({ start, end: cur.pos, text: "" });
      else overridden.add(name);
    }
  }
  const items: string[] = [];
  for (const [name, part] of added) {
    if (part.type && !overridden.has(name.toLowerCase()))
      items.push(`<${prefix}Override PartName="/${escapeAttr(name)}" ContentType="${part.type}"/>`);
  }
  if (items.length > 0) edits.push({ start: close < 0 ? xml.length : close, end: close < 0 ? xml.length : close, text: items.join("") });
  return applyEdits(xml, edits);
}

/**
 * workbook.xml: our removed sheets' <sheet> entries out, new ones in; defined names local to our earlier sheets out
 * (ours come back with the new print titles), other local names renumbered when a removed sheet stood before theirs;
 * the active and first tab follow; calculation on load, so our formulas show their values wherever the file opens.
 */
function editWorkbook(
  pkg: WorkbookPackage,
  targets: Target[],
  removed: SheetEntry[],
  oldOurs: SheetEntry[],
  positionOf: (name: string) => number,
): string {
  const xml = pkg.workbookXml;
  const edits: Edit[] = [];
  const removedIdx = new Set(removed.map((s) => pkg.sheets.indexOf(s)));
  const oursIdx = new Set(oldOurs.map((s) => pkg.sheets.indexOf(s)));
  const shift = (i: number) => i - [...removedIdx].filter((r) => r < i).length;
  const root = /<(?!\?|!)[^>]*>/.exec(xml)?.[0] ?? "";
  const relDeclared = root.includes(`xmlns:r="${REL}"`) || root.includes(`xmlns:r='${REL}'`);
  const rAttr = (id: string) => (relDeclared ? `r:id="${id}"` : `xmlns:r="${REL}" r:id="${id}"`);

  const names: string[] = [];
  for (const t of targets) {
    const titles = t.plan.print?.titleRows;
    if (titles) {
      const text = escapeAttr(`${quotedSheet(t.name)}!$${titles.first}:$${titles.last}`).replace(/&quot;/g, '"');
      names.push(`<definedName name="_xlnm.Print_Titles" localSheetId="${positionOf(t.name)}">${text}</definedName>`);
    }
  }

  const cur = new XmlCursor(xml);
  let sheetIndex = 0;
  let sheetsClose = -1;
  let sheetsPrefix = "";
  let definedNamesClose = -1;
  let definedNamesPrefix = "";
  let emptyDefinedNames: { start: number; end: number } | null = null;
  let calcPr: { start: number; end: number } | null = null;
  let insertNamesAt = -1; // where <definedNames> goes when the workbook has none: before calcPr or the first later element
  const afterDefinedNames = [
    "calcPr",
    "oleSize",
    "customWorkbookViews",
    "pivotCaches",
    "smartTagPr",
    "smartTagTypes",
    "webPublishing",
    "fileRecoveryPr",
    "webPublishObjects",
    "extLst",
  ];
  const afterCalcPr = afterDefinedNames.slice(1);
  let insertCalcAt = -1;
  let depth = 0;
  while (cur.next()) {
    if (cur.kind === CLOSE) {
      if (depth === 2 && cur.is("sheets")) sheetsClose = cur.tagStart;
      if (depth === 2 && cur.is("definedNames")) definedNamesClose = cur.tagStart;
      if (depth === 1 && cur.is("workbook")) {
        if (insertNamesAt < 0) insertNamesAt = cur.tagStart;
        if (insertCalcAt < 0) insertCalcAt = cur.tagStart;
      }
      depth--;
      continue;
    }
    const level = depth + 1;
    if (level === 2) {
      if (insertNamesAt < 0 && afterDefinedNames.some((n) => cur.is(n))) insertNamesAt = cur.tagStart;
      if (insertCalcAt < 0 && afterCalcPr.some((n) => cur.is(n))) insertCalcAt = cur.tagStart;
      if (cur.is("sheets")) {
        sheetsPrefix = prefixOf(xml, cur.tagStart);
        if (cur.kind === EMPTY) {
          edits.push({ start: cur.tagStart, end: cur.pos, text: xml.slice(cur.tagStart, cur.pos).replace(/\s*\/>$/, ">") });
          sheetsClose = cur.pos;
          edits.push({ start: cur.pos, end: cur.pos, text: `</${sheetsPrefix}sheets>` });
        }
      } else if (cur.is("definedNames")) {
        definedNamesPrefix = prefixOf(xml, cur.tagStart);
        if (cur.kind === EMPTY) emptyDefinedNames = { start: cur.tagStart, end: cur.pos };
      } else if (cur.is("calcPr")) calcPr = { start: cur.tagStart, end: cur.pos };
    }
    if (level === 3 && cur.is("sheet")) {
      const i = sheetIndex++;
      const start = cur.tagStart;
      if (cur.kind === OPEN) cur.skipElement();
      if (removedIdx.has(i)) edits.push({ start, end: cur.pos, text: "" });
      continue;
    }
    if (level === 3 && cur.is("definedName")) {
      const start = cur.tagStart;
      const local = cur.rawAttr("localSheetId");
      const tagEnd = cur.pos;
      if (cur.kind === OPEN) cur.skipElement();
      const idx = local !== undefined && /^\d+$/.test(local) ? Number(local) : null;
      if (idx !== null && oursIdx.has(idx)) edits.push({ start, end: cur.pos, text: "" });
      else if (idx !== null && shift(idx) !== idx) {
        const tag = xml.slice(start, tagEnd).replace(/(localSheetId\s*=\s*)["']\d+["']/, `$1"${shift(idx)}"`);
        edits.push({ start, end: tagEnd, text: tag });
      }
      continue;
    }
    if (level === 3 && cur.is("workbookView") && removedIdx.size > 0) {
      let tag = xml.slice(cur.tagStart, cur.pos);
      const count = pkg.sheets.length - removedIdx.size;
      for (const a of ["activeTab", "firstSheet"]) {
        tag = tag.replace(
          new RegExp(`(\\s${a}\\s*=\\s*)["'](\\d+)["']`),
          (_, lead: string, n: string) => `${lead}"${Math.min(shift(Number(n)), Math.max(count - 1, 0))}"`,
        );
      }
      edits.push({ start: cur.tagStart, end: cur.pos, text: tag });
    }
    if (cur.kind === OPEN) depth++;
  }
  if (sheetsClose < 0)
    throw refused(`工作簿结构异常（缺少 sheets），无法写入：${pkg.fileName}`, `Malformed workbook (no sheets element): ${pkg.fileName}`);
  const added = targets.filter((t) => !t.replaces);
  if (added.length > 0) {
    const p = sheetsPrefix;
    edits.push({
      start: sheetsClose,
      end: sheetsClose,
      text: added.map((t) => `<${p}sheet name="${escapeAttr(t.name)}" sheetId="${t.sheetId}" ${rAttr(t.relId)}/>`).join(""),
    });
  }
  if (names.length > 0) {
    const p = definedNamesPrefix || sheetsPrefix;
    const body = names.map((n) => (p ? n.replace(/<(\/?)definedName/g, `<$1${p}definedName`) : n)).join("");
    if (definedNamesClose >= 0) edits.push({ start: definedNamesClose, end: definedNamesClose, text: body });
    else if (emptyDefinedNames) edits.push({ ...emptyDefinedNames, text: `<${p}definedNames>${body}</${p}definedNames>` });
    else {
      const at = insertNamesAt >= 0 ? insertNamesAt : (calcPr?.start ?? xml.length);
      edits.push({ start: at, end: at, text: `<${p}definedNames>${body}</${p}definedNames>` });
    }
  }
  if (calcPr) {
    const tag = xml.slice(calcPr.start, calcPr.end);
    const updated = /\sfullCalcOnLoad\s*=/.test(tag)
      ? tag.replace(/(\sfullCalcOnLoad\s*=\s*)["'][^"']*["']/, '$1"1"')
      : tag.replace(/^(<(?:\w+:)?calcPr)/, '$1 fullCalcOnLoad="1"');
    if (updated !== tag) edits.push({ start: calcPr.start, end: calcPr.end, text: updated });
  } else {
    const at = insertCalcAt >= 0 ? insertCalcAt : xml.length;
    edits.push({ start: at, end: at, text: `<${sheetsPrefix}calcPr fullCalcOnLoad="1"/>` });
  }
  return applyEdits(xml, edits);
}
