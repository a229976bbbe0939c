import { strToU8, zipSync } from "fflate";

/**
 * Workbooks written part by part, so a test shows exactly what the file holds (and can hold what exceljs cannot write:
 * ISO date cells, sparklines, chart sheets, pivot tables, malformed references). Zipped with fflate.
 */
export const NS = {
  main: "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
  rel: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  pkgRel: "http://schemas.openxmlformats.org/package/2006/relationships",
  ct: "http://schemas.openxmlformats.org/package/2006/content-types",
};
const DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const REL_TYPE = (t: string) => `${NS.rel}/${t}`;
const SML = "application/vnd.openxmlformats-officedocument.spreadsheetml";

export type Parts = Record<string, string | Uint8Array>;

export function zipParts(parts: Parts): Uint8Array {
  const files: Record<string, Uint8Array> = {};
  for (const [name, content] of Object.entries(parts)) files[name] = typeof content === "string" ? strToU8(content) : content;
  return zipSync(files, { level: 6 });
}

export interface SheetSpec {
  name: string;
  /** The inside of <sheetData>, or the whole worksheet part when it starts with "<?xml" or "<worksheet". */
  data: string;
  /** Written after </sheetData> (mergeCells, dataValidations, extLst …). */
  after?: string;
  state?: "hidden" | "veryHidden";
  /** Extra relationships of the sheet part: [type, target relative to xl/worksheets]. */
  rels?: [string, string][];
  kind?: "chartsheet";
}

export interface BookSpec {
  sheets: SheetSpec[];
  /** <si> inner XML of each shared string. */
  sharedStrings?: string[];
  /** The whole styles part (default: one font, cell formats 0 = General, 1 = 14 (date), 2 = 22 (date time)). */
  styles?: string | null;
  date1904?: boolean;
  /** The inside of <definedNames>. */
  definedNames?: string;
  /** More parts, with their content types. */
  extra?: { name: string; content: string | Uint8Array; type?: string }[];
  /** More workbook relationships: [id, type, target relative to xl/]. */
  workbookRels?: [string, string, string][];
  /** Inserted after </definedNames> in workbook.xml (pivotCaches …). */
  workbookTail?: string;
}

export const DEFAULT_STYLES =
  `${DECL}<styleSheet xmlns="${NS.main}"><numFmts count="1">` +
  `<numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/></numFmts>` +
  '<fonts count="1"><font><sz val="11"/><name val="宋体"/><family val="2"/><charset val="134"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="5"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
  '<xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
  '<xf numFmtId="22" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
  '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
  '<xf numFmtId="4" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles><dxfs count="0"/></styleSheet>';

/** Style indexes of DEFAULT_STYLES. */
export const S = { general: 0, date: 1, dateTime: 2, chineseDate: 3, money: 4 };

const escapeAttr = (s: string) => s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");

export function bookParts(spec: BookSpec): Parts {
  const parts: Parts = {};
  const overrides: string[] = [];
  const wbRels: string[] = [];
  const sheets: string[] = [];
  spec.sheets.forEach((s, i) => {
    const chart = s.kind === "chartsheet";
    const part = chart ? `xl/chartsheets/sheet${i + 1}.xml` : `xl/worksheets/sheet${i + 1}.xml`;
    const whole = /^\s*<(\?xml|worksheet|chartsheet)/.test(s.data);
    parts[part] = whole
      ? s.data
      : `${DECL}<worksheet xmlns="${NS.main}" xmlns:r="${NS.rel}"><sheetData>${s.data}</sheetData>${s.after ?? ""}</worksheet>`;
    overrides.push(`<Override PartName="/${part}" ContentType="${SML}.${chart ? "chartsheet" : "worksheet"}+xml"/>`);
    wbRels.push(`<Relationship Id="rIdS${i + 1}" Type="${REL_TYPE(chart ? "chartsheet" : "worksheet")}" Target="${part.slice(3)}"/>`);
    sheets.push(`<sheet name="${escapeAttr(s.name)}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ""} r:id="rIdS${i + 1}"/>`);
    if (s.rels?.length) {
      const folder = part.slice(0, part.lastIndexOf("/"));
      parts[`${folder}/_rels/${part.slice(folder.length + 1)}.rels`] =
        `${DECL}<Relationships xmlns="${NS.pkgRel}">` +
        s.rels.map(([type, target], k) => `<Relationship Id="rId${k + 1}" Type="${REL_TYPE(type)}" Target="${target}"/>`).join("") +
        "</Relationships>";
    }
  });
  if (spec.sharedStrings) {
    parts["xl/sharedStrings.xml"] =
      `${DECL}<sst xmlns="${NS.main}" count="${spec.sharedStrings.length}" uniqueCount="${spec.sharedStrings.length}">` +
      `${spec.sharedStrings.map((s) => `<si>${s}</si>`).join("")}</sst>`;
    overrides.push(`<Override PartName="/xl/sharedStrings.xml" ContentType="${SML}.sharedStrings+xml"/>`);
    wbRels.push(`<Relationship Id="rIdSST" Type="${REL_TYPE("sharedStrings")}" Target="sharedStrings.xml"/>`);
  }
  const styles = spec.styles === undefined ? DEFAULT_STYLES : spec.styles;
  if (styles !== null) {
    parts["xl/styles.xml"] = styles;
    overrides.push(
      '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>',
    );
    wbRels.push(`<Relationship Id="rIdStyles" Type="${REL_TYPE("styles")}" Target="styles.xml"/>`);
  }
  for (const [id, type, target] of spec.workbookRels ?? [])
    wbRels.push(`<Relationship Id="${id}" Type="${REL_TYPE(type)}" Target="${target}"/>`);
  for (const e of spec.extra ?? []) {
    parts[e.name] = e.content;
    if (e.type) overrides.push(`<Override PartName="/${e.name}" ContentType="${e.type}"/>`);
  }
  const names = spec.definedNames ? `<definedNames>${spec.definedNames}</definedNames>` : "";
  parts["xl/workbook.xml"] =
    `${DECL}<workbook xmlns="${NS.main}" xmlns:r="${NS.rel}"><workbookPr${spec.date1904 ? ' date1904="1"' : ""}/>` +
    `<bookViews><workbookView activeTab="0"/></bookViews>` +
    `<sheets>${sheets.join("")}</sheets>${names}<calcPr calcId="191029"/>${spec.workbookTail ?? ""}</workbook>`;
  parts["xl/_rels/workbook.xml.rels"] = `${DECL}<Relationships xmlns="${NS.pkgRel}">${wbRels.join("")}</Relationships>`;
  parts["_rels/.rels"] =
    `${DECL}<Relationships xmlns="${NS.pkgRel}"><Relationship Id="rId1" Type="${REL_TYPE("officeDocument")}" Target="xl/workbook.xml"/>` +
    `</Relationships>`;
  parts["[Content_Types].xml"] =
    `${DECL}<Types xmlns="${NS.ct}"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    '<Default Extension="vml" ContentType="application/vnd.openxmlformats-officedocument.vmlDrawing"/>' +
    `<Override PartName="/xl/workbook.xml" ContentType="${SML}.sheet.main+xml"/>${overrides.join("")}</Types>`;
  return parts;
}

export const buildXlsx = (spec: BookSpec): Uint8Array => zipParts(bookParts(spec));

/** A cell: numbers as they are, strings inline, anything else as given raw (`{ raw: '<c …>' }`). */
export type Cell = string | number | null | { raw: string };

const col = (c: number): string =>
  c < 26 ? String.fromCharCode(65 + c) : col(Math.floor(c / 26) - 1) + String.fromCharCode(65 + (c % 26));

/** <row> elements for rows of cells starting at A1 (or at `top`, 0-based). */
export function rowsXml(rows: Cell[][], top = 0): string {
  return rows
    .map((cells, i) => {
      const r = top + i + 1;
      const body = cells
        .map((v, c) => {
          const ref = `${col(c)}${r}`;
          if (v === null) return "";
          if (typeof v === "number") return `<c r="${ref}"><v>${v}</v></c>`;
          if (typeof v === "string")
            return `<c r="${ref}" t="inlineStr"><is><t>${v.replace(/&/g, "&amp;").replace(/</g, "&lt;")}</t></is></c>`;
          return v.raw.replace("{ref}", ref);
        })
        .join("");
      return `<row r="${r}">${body}</row>`;
    })
    .join("");
}

/** A small 决算 table any reader should recognise: title, unit, header, three lines and a total. */
export function budgetTable(sheet = "经济分类"): Cell[][] {
  void sheet;
  return [
    ["2020年一般公共预算基本支出决算表"],
    ["单位：万元"],
    ["科目编码", "科目名称", "预算数", "决算数"],
    ["30201", "办公费", 29, 22.37],
    ["30202", "印刷费", 12.5, 13.1],
    ["30211", "差旅费", 40, 38.4],
    [null, "合计", 81.5, 73.87],
  ];
}
