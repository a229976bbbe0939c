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

function strCache(f: string, values: string[]): string {
  const pts = values.map((v, i) => `<c:pt idx="${i}"><c:v>${esc(v)}</c:v></c:pt>`).join("");
  return `<c:strRef><c:f>${f}</c:f><c:strCache><c:ptCount val="${values.length}"/>${pts}</c:strCache></c:strRef>`;
}

function numCache(f: string, values: string[], format: string): string {
  const pts = values.map((v, i) => `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>`).join("");
  return `<c:numRef><c:f>${f}</c:f><c:numCache><c:formatCode>${format}</c:formatCode><c:ptCount val="${values.length}"/>${pts}</c:numCache></c:numRef>`;
}

const textProps = (font: string, size: number) =>
  `<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${size}"><a:latin typeface="${esc(font)}"/><a:ea typeface="${esc(font)}"/></a:defRPr></a:pPr><a:endParaRPr lang="zh-CN"/></a:p></c:txPr>`;

function labels(showCat: boolean, format: string, font: string): string {
  return (
    `<c:dLbls><c:numFmt formatCode="${format}" sourceLinked="0"/><c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>${textProps(font, 900)}` +
    `<c:showLegendKey val="0"/><c:showVal val="1"/><c:showCatName val="${showCat ? 1 : 0}"/><c:showSerName val="0"/>` +
    `<c:showPercent val="0"/><c:showBubbleSize val="0"/>${showCat ? `<c:separator>：</c:separator><c:showLeaderLines val="1"/>` : ""}</c:dLbls>`
  );
}

/** The chart part's XML. Values are the printed amounts (the draft's unit and decimals). */
export function chartXml(chart: ChartBlock, font: string): string {
  const n = chart.categories.length;
  const decimals = chart.series[0]?.values[0]?.text.split(".")[1]?.length ?? 2;
  const format = decimals > 0 ? `0.${"0".repeat(decimals)}` : "0";
  const cat = strCache(`Sheet1!$A$2:$A$${n + 1}`, chart.categories);
  const series = chart.series
    .map((s, i) => {
      const tx = `<c:tx>${strCache(`Sheet1!$${col(i)}$1`, [s.name])}</c:tx>`;
      const val = `<c:val>${numCache(`Sheet1!$${col(i)}$2:$${col(i)}$${n + 1}`, s.values.map((v) => v.text), format)}</c:val>`;
      if (chart.chart === "pie") {
        const points = chart.categories
          .map(
            (_, k) =>
              `<c:dPt><c:idx val="${k}"/><c:bubble3D val="0"/><c:spPr><a:solidFill><a:srgbClr val="${COLORS[k % COLORS.length]}"/></a:solidFill>` +
              `<a:ln><a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill></a:ln></c:spPr></c:dPt>`,
          )
          .join("");
        return `<c:ser><c:idx val="${i}"/><c:order val="${i}"/>${tx}${points}${labels(true, format, font)}<c:cat>${cat}</c:cat>${val}</c:ser>`;
      }
      const fill = `<c:spPr><a:solidFill><a:srgbClr val="${COLORS[i % COLORS.length]}"/></a:solidFill></c:spPr>`;
      return `<c:ser><c:idx val="${i}"/><c:order val="${i}"/>${tx}${fill}<c:invertIfNegative val="0"/>${labels(false, format, font)}<c:cat>${cat}</c:cat>${val}</c:ser>`;
    })
    .join("");
  const plot =
    chart.chart === "pie"
      ? `<c:pieChart><c:varyColors val="1"/>${series}<c:firstSliceAng val="0"/></c:pieChart>`
      : `<c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/>${series}<c:gapWidth val="120"/><c:overlap val="0"/>` +
        `<c:axId val="50010"/><c:axId val="50020"/></c:barChart>` +
        `<c:catAx><c:axId val="50010"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/>` +
        `<c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>` +
        `${textProps(font, 1000)}<c:crossAx val="50020"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/>` +
        `<c:noMultiLvlLbl val="0"/></c:catAx>` +
        `<c:valAx><c:axId val="50020"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:majorGridlines/>` +
        `<c:title><c:tx><c:rich><a:bodyPr rot="-5400000" vert="horz"/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="900"/></a:pPr><a:r><a:rPr lang="zh-CN" sz="900">` +
        `<a:latin typeface="${esc(font)}"/><a:ea typeface="${esc(font)}"/></a:rPr><a:t>${esc(chart.unit)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>` +
        `<c:numFmt formatCode="${format}" sourceLinked="0"/><c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>` +
        `${textProps(font, 900)}<c:crossAx val="50010"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx>`;
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
    `<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" ` +
    `xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" ` +
    `xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
    `<c:roundedCorners val="0"/><c:chart><c:autoTitleDeleted val="1"/><c:plotArea><c:layout/>${plot}</c:plotArea>` +
    `<c:legend><c:legendPos val="b"/><c:overlay val="0"/>${textProps(font, 1000)}</c:legend><c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>` +
    `<c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>${textProps(font, 1000)}</c:chartSpace>`
  );
}

const EMU_PER_CM = 360000;

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
    rels = rels.replace(
      "</Relationships>",
      `<Relationship Id="${rId}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart" Target="charts/chart${n}.xml"/></Relationships>`,
    );
    types = types.replace(
      "</Types>",
      `<Override PartName="/word/charts/chart${n}.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/></Types>`,
    );
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
