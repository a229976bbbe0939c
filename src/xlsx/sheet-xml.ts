import { columnLetter, parseAddress } from "../core";
import type { CellStyle, ChartSpec, PlanCell, SheetPlan } from "../core";
import type { FontSpec, StyleSheetEditor } from "./style-edit";
import { encodeXstring, escapeAttr, escapeText } from "./xml-scan";

/**
 * A SheetPlan as SpreadsheetML: a worksheet part (text as inline strings, so the shared-string table stays as it was),
 * and for each chart a DrawingML chart part placed by a drawing part.
 */
const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const HIGHLIGHT = { warning: "FFFFF2CC", error: "FFF8CBAD" } as const;

const STYLE: Record<CellStyle, { font: FontSpec; fill?: string; bottomBorder?: boolean; center?: boolean }> = {
  title: { font: { bold: true, size: 14 } },
  subtitle: { font: { bold: true } },
  header: { font: { bold: true }, fill: "FFD9E1F2", bottomBorder: true, center: true },
  total: { font: { bold: true } },
  note: { font: { italic: true, color: "FF595959" } },
  link: { font: { color: "FF0563C1", underline: true } },
};

const XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

const text = (s: string) => escapeText(encodeXstring(s));
const attr = (s: string) => escapeAttr(encodeXstring(s));

/** The sheet name as formulas and defined names write it: always quoted, which is valid for every name. */
export const quotedSheet = (name: string) => `'${name.replace(/'/g, "''")}'`;

/** "B5:B20" → "$B$5:$B$20". */
export function absolute(range: string): string {
  return range
    .split(":")
    .map((a) => {
      const p = parseAddress(a);
      return `$${columnLetter(p.col)}$${p.row + 1}`;
    })
    .join(":");
}

export interface SheetParts {
  /** Chart parts in order; the drawing part places them. Empty when the plan has no chart. */
  charts: string[];
  drawing: string | null;
}

/**
 * The worksheet part goes out through `emit` in pieces, in order. `drawingRelId` is the id the sheet's relationships give
 * the drawing part; the drawing's own relationships name the charts rId1, rId2 … in order.
 */
export function planParts(
  plan: SheetPlan,
  sheetName: string,
  styles: StyleSheetEditor,
  drawingRelId: string,
  emit: (xml: string) => void,
): SheetParts {
  const width = Math.max(plan.colWidths.length, 1);
  const highlight = new Map(plan.highlights.map((h) => [h.row, h.style]));
  // One lookup per distinct (style, highlight, format): a large plan has a million cells and a dozen formats.
  const known = new Map<string, number>();
  const styleOf = (c: PlanCell | undefined, row: number): number => {
    const fill = highlight.get(row);
    if (!c?.style && !fill && !c?.fmt) return 0;
    const key = `${c?.style ?? ""}\u0000${fill ?? ""}\u0000${c?.fmt ?? ""}`;
    let id = known.get(key);
    if (id === undefined) known.set(key, (id = xfOf(c, fill)));
    return id;
  };
  const xfOf = (c: PlanCell | undefined, fill: "warning" | "error" | undefined): number => {
    const s = c?.style ? STYLE[c.style] : null;
    return styles.xf({
      font: s?.font ?? null,
      fill: fill ? HIGHLIGHT[fill] : (s?.fill ?? null),
      bottomBorder: s?.bottomBorder ?? false,
      center: s?.center ?? false,
      numFmt: c?.fmt ?? null,
    });
  };

  const print = plan.print;
  // No <dimension>: it is optional, and leaving it out lets the rows stream out without a first pass over them.
  let head = `${XML_DECL}<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">`;
  if (print?.fitToWidth) head += '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>';
  if (plan.freezeRows > 0) {
    const top = `A${plan.freezeRows + 1}`;
    head +=
      `<sheetViews><sheetView workbookViewId="0">` +
      `<pane ySplit="${plan.freezeRows}" topLeftCell="${top}" activePane="bottomLeft" state="frozen"/>` +
      `<selection pane="bottomLeft" activeCell="${top}" sqref="${top}"/></sheetView></sheetViews>`;
  } else head += '<sheetViews><sheetView workbookViewId="0"/></sheetViews>';
  head += '<sheetFormatPr defaultRowHeight="15"/>';
  if (plan.colWidths.length > 0) {
    head += `<cols>${plan.colWidths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join("")}</cols>`;
  }
  emit(`${head}<sheetData>`);

  const rows: string[] = [];
  const links: string[] = [];
  let rowCount = plan.rows.length;
  for (const h of plan.highlights) rowCount = Math.max(rowCount, h.row + 1);
  for (let r = 0; r < rowCount; r++) {
    const cells = plan.rows[r] ?? [];
    const highlighted = highlight.has(r);
    const cols = highlighted ? Math.max(cells.length, width) : cells.length;
    const out: string[] = [];
    for (let c = 0; c < cols; c++) {
      const cell = cells[c];
      const ref = `${columnLetter(c)}${r + 1}`;
      const s = styleOf(cell, r);
      const sAttr = s ? ` s="${s}"` : "";
      let body = "";
      let type = "";
      if (cell?.f !== undefined) body = `<f>${text(cell.f)}</f>`;
      else if (typeof cell?.v === "number" && Number.isFinite(cell.v)) body = `<v>${String(cell.v)}</v>`;
      else if (typeof cell?.v === "string" && cell.v !== "") {
        type = ' t="inlineStr"';
        body = `<is><t xml:space="preserve">${text(cell.v)}</t></is>`;
      }
      if (!body && !s) continue;
      out.push(body ? `<c r="${ref}"${sAttr}${type}>${body}</c>` : `<c r="${ref}"${sAttr}/>`);
      if (cell?.link && typeof cell.v === "string" && cell.v !== "") {
        links.push(`<hyperlink ref="${ref}" location="${attr(cell.link)}" display="${attr(cell.v)}"/>`);
      }
    }
    if (out.length === 0) continue;
    rows.push(`<row r="${r + 1}">${out.join("")}</row>`);
    // A thousand rows at a time go out to be encoded: a large plan makes a part of a hundred MB, never one string.
    if (rows.length === 1000) emit(rows.splice(0).join(""));
  }
  emit(rows.join(""));

  let tail = "</sheetData>";
  plan.conditional.forEach((rule, i) => {
    const dxf = styles.dxf({ bold: true, fill: HIGHLIGHT[rule.style] });
    tail +=
      `<conditionalFormatting sqref="${attr(rule.range)}"><cfRule type="expression" dxfId="${dxf}" priority="${i + 1}">` +
      `<formula>${text(rule.formula)}</formula></cfRule></conditionalFormatting>`;
  });
  emit(tail);
  if (links.length > 0) emit(`<hyperlinks>${links.join("")}</hyperlinks>`);
  tail = "";
  if (print) tail += '<printOptions horizontalCentered="1"/>';
  tail += '<pageMargins left="0.5" right="0.5" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>';
  if (print) {
    const fit = print.fitToWidth ? ' fitToWidth="1" fitToHeight="0"' : "";
    tail += `<pageSetup paperSize="9" orientation="${print.orientation}"${fit}/>`;
    if (print.footer) tail += `<headerFooter><oddFooter>${text(`&C${print.footer}`)}</oddFooter></headerFooter>`;
  }
  if (plan.charts.length > 0) tail += `<drawing r:id="${drawingRelId}"/>`;
  emit(`${tail}</worksheet>`);

  const charts = plan.charts.map((spec) => chartXml(spec, sheetName));
  return { charts, drawing: plan.charts.length > 0 ? drawingXml(plan.charts) : null };
}

const DRAWING_NS =
  'xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" ' +
  'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"';
const CHART_NS = "http://schemas.openxmlformats.org/drawingml/2006/chart";

/** Each chart anchored at its cell, 8 columns wide and 18 rows high (as the Excel adapter places them). */
function drawingXml(charts: ChartSpec[]): string {
  const anchors = charts.map((spec, i) => {
    const at = parseAddress(spec.anchor);
    const corner = (col: number, row: number) =>
      `<xdr:col>${col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff>`;
    return (
      `<xdr:twoCellAnchor editAs="oneCell"><xdr:from>${corner(at.col, at.row)}</xdr:from>` +
      `<xdr:to>${corner(at.col + 8, at.row + 18)}</xdr:to>` +
      `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${i + 2}" name="${attr(`图表 ${i + 1}`)}"/>` +
      "<xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>" +
      '<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>' +
      `<a:graphic><a:graphicData uri="${CHART_NS}"><c:chart xmlns:c="${CHART_NS}" xmlns:r="${REL_NS}" r:id="rId${i + 1}"/>` +
      `</a:graphicData></a:graphic>` +
      "</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>"
    );
  });
  return `${XML_DECL}<xdr:wsDr ${DRAWING_NS}>${anchors.join("")}</xdr:wsDr>`;
}

/** A clustered bar or column chart whose series refer to ranges of the plan's own sheet. */
function chartXml(spec: ChartSpec, sheetName: string): string {
  const ref = (range: string) => `${quotedSheet(sheetName)}!${absolute(range)}`;
  const horizontal = spec.type === "barClustered";
  const series = spec.series
    .map(
      (s, i) =>
        `<c:ser><c:idx val="${i}"/><c:order val="${i}"/><c:tx><c:v>${text(s.name)}</c:v></c:tx><c:invertIfNegative val="0"/>` +
        `<c:cat><c:strRef><c:f>${text(ref(spec.categories))}</c:f></c:strRef></c:cat>` +
        `<c:val><c:numRef><c:f>${text(ref(s.values))}</c:f></c:numRef></c:val></c:ser>`,
    )
    .join("");
  const title =
    '<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="1200" b="1"/></a:pPr>' +
    `<a:r><a:rPr lang="zh-CN" sz="1200" b="1"/><a:t>${text(spec.title)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>`;
  return (
    `${XML_DECL}<c:chartSpace xmlns:c="${CHART_NS}" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="${REL_NS}">` +
    '<c:roundedCorners val="0"/><c:chart>' +
    `${title}<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>` +
    `<c:barChart><c:barDir val="${horizontal ? "bar" : "col"}"/><c:grouping val="clustered"/><c:varyColors val="0"/>${series}` +
    '<c:gapWidth val="150"/><c:axId val="500000001"/><c:axId val="500000002"/></c:barChart>' +
    `<c:catAx><c:axId val="500000001"/><c:scaling><c:orientation val="${horizontal ? "maxMin" : "minMax"}"/></c:scaling>` +
    `<c:delete val="0"/>` +
    `<c:axPos val="${horizontal ? "l" : "b"}"/><c:numFmt formatCode="General" sourceLinked="0"/><c:tickLblPos val="nextTo"/>` +
    '<c:crossAx val="500000002"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/></c:catAx>' +
    `<c:valAx><c:axId val="500000002"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/>` +
    `<c:axPos val="${horizontal ? "t" : "l"}"/><c:majorGridlines/><c:numFmt formatCode="#,##0" sourceLinked="0"/>` +
    `<c:tickLblPos val="nextTo"/>` +
    '<c:crossAx val="500000001"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx></c:plotArea>' +
    '<c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend><c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/>' +
    "</c:chart></c:chartSpace>"
  );
}
