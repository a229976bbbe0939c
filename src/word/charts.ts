import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import type { ChartBlock } from "../core";

/**
 * Charts as native Word charts: DrawingML chart parts (word/charts/chartN.xml, c:chartSpace with c:barChart or c:pieChart),
 * their relationships and content types, and an inline drawing where the renderer left a marker paragraph. Every value is
 * cached (c:strCache / c:numCache), so Word and LibreOffice draw the chart without an embedded workbook or recalculation.
 */
export const chartMarker = (n: number) => `{{CHART:${n}}}`;

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
const COLORS = ["4472C4", "ED7D31", "A5A5A5", "FFC000", "5B9BD5", "70AD47", "264478", "9E480E", "636363", "997300"];
const col = (i: number) => String.fromCharCode(66 + i); // B, C, …

/** An element: x("c:idx", { val: 0 }) → <c:idx val="0"/>; children are joined. */
function x(tag: string, attrs: Record<string, string | number> = {}, ...children: string[]): string {
  const a = Object.entries(attrs)
    .map(([k, v]) => ` ${k}="${esc(String(v))}"`)
    .join("");
  return children.length === 0 ? `<${tag}${a}/>` : `<${tag}${a}>${children.join("")}</${tag}>`;
}
const v = (tag: string, val: string | number) => x(tag, { val });
const noLine = x("a:ln", {}, x("a:noFill"));
const solid = (rgb: string) => x("a:solidFill", {}, v("a:srgbClr", rgb));

function strCache(f: string, values: string[]): string {
  const pts = values.map((t, i) => x("c:pt", { idx: i }, x("c:v", {}, esc(t))));
  return x("c:strRef", {}, x("c:f", {}, f), x("c:strCache", {}, v("c:ptCount", values.length), ...pts));
}

function numCache(f: string, values: string[], format: string): string {
  const pts = values.map((t, i) => x("c:pt", { idx: i }, x("c:v", {}, t)));
  return x("c:numRef", {}, x("c:f", {}, f), x("c:numCache", {}, x("c:formatCode", {}, format), v("c:ptCount", values.length), ...pts));
}

const fontRun = (font: string) => x("a:latin", { typeface: font }) + x("a:ea", { typeface: font });
const textProps = (font: string, size: number) =>
  x(
    "c:txPr",
    {},
    x("a:bodyPr"),
    x("a:lstStyle"),
    x("a:p", {}, x("a:pPr", {}, x("a:defRPr", { sz: size }, fontRun(font))), x("a:endParaRPr", { lang: "zh-CN" })),
  );

function labels(showCat: boolean, format: string, font: string): string {
  return x(
    "c:dLbls",
    {},
    x("c:numFmt", { formatCode: format, sourceLinked: 0 }),
    x("c:spPr", {}, x("a:noFill"), noLine),
    textProps(font, 900),
    v("c:showLegendKey", 0),
    v("c:showVal", 1),
    v("c:showCatName", showCat ? 1 : 0),
    v("c:showSerName", 0),
    v("c:showPercent", 0),
    v("c:showBubbleSize", 0),
    ...(showCat ? [x("c:separator", {}, "："), v("c:showLeaderLines", 1)] : []),
  );
}

function axes(format: string, font: string, unit: string): string {
  // The value axis starts at 0: bars of 3052 and 2995 must not look like three to one.
  const scaling = (value: boolean) => x("c:scaling", {}, v("c:orientation", "minMax"), ...(value ? [v("c:min", 0)] : []));
  const common = (id: number, pos: string) => [v("c:axId", id), scaling(pos === "l"), v("c:delete", 0), v("c:axPos", pos)];
  const ticks = [v("c:majorTickMark", "none"), v("c:minorTickMark", "none"), v("c:tickLblPos", "nextTo")];
  const title = x(
    "c:title",
    {},
    x(
      "c:tx",
      {},
      x(
        "c:rich",
        {},
        x("a:bodyPr", { rot: -5400000, vert: "horz" }),
        x("a:lstStyle"),
        x(
          "a:p",
          {},
          x("a:pPr", {}, x("a:defRPr", { sz: 900 })),
          x("a:r", {}, x("a:rPr", { lang: "zh-CN", sz: 900 }, fontRun(font)), x("a:t", {}, esc(unit))),
        ),
      ),
    ),
    v("c:overlay", 0),
  );
  const cat = x(
    "c:catAx",
    {},
    ...common(50010, "b"),
    x("c:numFmt", { formatCode: "General", sourceLinked: 0 }),
    ...ticks,
    textProps(font, 1000),
    v("c:crossAx", 50020),
    v("c:crosses", "autoZero"),
    v("c:auto", 1),
    v("c:lblAlgn", "ctr"),
    v("c:lblOffset", 100),
    v("c:noMultiLvlLbl", 0),
  );
  const val = x(
    "c:valAx",
    {},
    ...common(50020, "l"),
    x("c:majorGridlines"),
    title,
    x("c:numFmt", { formatCode: format, sourceLinked: 0 }),
    ...ticks,
    textProps(font, 900),
    v("c:crossAx", 50010),
    v("c:crosses", "autoZero"),
    v("c:crossBetween", "between"),
  );
  return cat + val;
}

/** The chart part's XML. Values are the printed amounts (the draft's unit and decimals). */
export function chartXml(chart: ChartBlock, font: string): string {
  const n = chart.categories.length;
  const decimals = chart.series[0]?.values[0]?.text.split(".")[1]?.length ?? 2;
  const format = decimals > 0 ? `0.${"0".repeat(decimals)}` : "0";
  const cat = x("c:cat", {}, strCache(`Sheet1!$A$2:$A$${n + 1}`, chart.categories));
  const pie = chart.chart === "pie";
  const series = chart.series.map((s, i) => {
    const head = [v("c:idx", i), v("c:order", i), x("c:tx", {}, strCache(`Sheet1!$${col(i)}$1`, [s.name]))];
    const val = x(
      "c:val",
      {},
      numCache(
        `Sheet1!$${col(i)}$2:$${col(i)}$${n + 1}`,
        s.values.map((t) => t.text),
        format,
      ),
    );
    if (pie) {
      const slice = (k: number) =>
        x(
          "c:dPt",
          {},
          v("c:idx", k),
          v("c:bubble3D", 0),
          x("c:spPr", {}, solid(COLORS[k % COLORS.length]), x("a:ln", {}, solid("FFFFFF"))),
        );
      return x("c:ser", {}, ...head, ...chart.categories.map((_, k) => slice(k)), labels(true, format, font), cat, val);
    }
    const fill = x("c:spPr", {}, solid(COLORS[i % COLORS.length]));
    return x("c:ser", {}, ...head, fill, v("c:invertIfNegative", 0), labels(false, format, font), cat, val);
  });
  const plot = pie
    ? x("c:pieChart", {}, v("c:varyColors", 1), ...series, v("c:firstSliceAng", 0))
    : x(
        "c:barChart",
        {},
        v("c:barDir", "col"),
        v("c:grouping", "clustered"),
        v("c:varyColors", 0),
        ...series,
        v("c:gapWidth", 120),
        v("c:overlap", 0),
        v("c:axId", 50010),
        v("c:axId", 50020),
      ) + axes(format, font, chart.unit);
  const space = x(
    "c:chartSpace",
    {
      "xmlns:c": "http://schemas.openxmlformats.org/drawingml/2006/chart",
      "xmlns:a": "http://schemas.openxmlformats.org/drawingml/2006/main",
      "xmlns:r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    },
    v("c:roundedCorners", 0),
    x(
      "c:chart",
      {},
      v("c:autoTitleDeleted", 1),
      x("c:plotArea", {}, x("c:layout"), plot),
      x("c:legend", {}, v("c:legendPos", "b"), v("c:overlay", 0), textProps(font, 1000)),
      v("c:plotVisOnly", 1),
      v("c:dispBlanksAs", "gap"),
    ),
    x("c:spPr", {}, x("a:noFill"), noLine),
    textProps(font, 1000),
  );
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>${space}`;
}

const EMU_PER_CM = 360000;
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const CHART_TYPE = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml";

/** The inline drawing that shows chart part `rId` (14 × 8 cm, 7.5 cm square for a pie). */
function inlineChart(n: number, rId: string, pie: boolean): string {
  const cx = Math.round((pie ? 13 : 14) * EMU_PER_CM);
  const cy = Math.round((pie ? 8.5 : 8) * EMU_PER_CM);
  return (
    `<w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="${cx}" cy="${cy}"/>` +
    `<wp:effectExtent l="0" t="0" r="0" b="0"/><wp:docPr id="${9000 + n}" name="图表 ${n}"/><wp:cNvGraphicFramePr/>` +
    `<a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">` +
    `<a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart">` +
    `<c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" ` +
    `xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="${rId}"/>` +
    `</a:graphicData></a:graphic></wp:inline></w:drawing></w:r>`
  );
}

/** Puts the charts into a .docx the renderer wrote with marker paragraphs: parts, relationships, content types, drawings. */
export function addCharts(docx: Uint8Array, charts: ChartBlock[], font: string): Uint8Array {
  if (charts.length === 0) return docx;
  const files = unzipSync(docx);
  let doc = strFromU8(files["word/document.xml"]);
  let rels = strFromU8(files["word/_rels/document.xml.rels"]);
  let types = strFromU8(files["[Content_Types].xml"]);
  if (!/xmlns:wp=/.test(doc.slice(0, 3000))) {
    doc = doc.replace(/<w:document /, `<w:document xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" `);
  }
  charts.forEach((chart, i) => {
    const n = i + 1;
    const rId = `rIdJsChart${n}`;
    files[`word/charts/chart${n}.xml`] = strToU8(chartXml(chart, font));
    const rel = x("Relationship", { Id: rId, Type: `${REL}/chart`, Target: `charts/chart${n}.xml` });
    rels = rels.replace("</Relationships>", `${rel}</Relationships>`);
    const type = x("Override", { PartName: `/word/charts/chart${n}.xml`, ContentType: CHART_TYPE });
    types = types.replace("</Types>", `${type}</Types>`);
    const marker = chartMarker(n).replace(/[{}]/g, (ch) => `\\${ch}`);
    const run = new RegExp(`<w:r>(?:(?!<w:r>)[\\s\\S])*?<w:t[^>]*>${marker}</w:t></w:r>`);
    if (!run.test(doc)) throw new Error(`chart marker ${n} not found`);
    doc = doc.replace(run, inlineChart(n, rId, chart.chart === "pie"));
  });
  files["word/document.xml"] = strToU8(doc);
  files["word/_rels/document.xml.rels"] = strToU8(rels);
  files["[Content_Types].xml"] = strToU8(types);
  return zipSync(files, { level: 6 });
}
