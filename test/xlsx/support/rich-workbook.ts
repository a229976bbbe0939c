import { buildXlsx, NS, rowsXml, S } from "./ooxml";
import type { Cell } from "./ooxml";

/**
 * A workbook written part by part with what exceljs loses or breaks: a chart in a drawing, a chart sheet, sparklines
 * (x14 extLst), a pivot table with its cache, a table without tableStyleInfo (as LibreOffice writes it), data
 * validation, a comment, global and sheet-local defined names with absolute ranges, an ISO date cell, a time-formatted
 * fraction, merges, a hidden sheet and a part nothing refers to (kept all the same).
 */
const DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const C = "http://schemas.openxmlformats.org/drawingml/2006/chart";
const A = "http://schemas.openxmlformats.org/drawingml/2006/main";
const XDR = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing";
const X14 = "http://schemas.microsoft.com/office/spreadsheetml/2009/9/main";
const XM = "http://schemas.microsoft.com/office/excel/2006/main";

const chartPart = (range: string) =>
  `${DECL}<c:chartSpace xmlns:c="${C}" xmlns:a="${A}" xmlns:r="${NS.rel}"><c:chart><c:plotArea><c:layout/><c:barChart>` +
  `<c:barDir val="col"/>` +
  `<c:grouping val="clustered"/><c:ser><c:idx val="0"/><c:order val="0"/><c:cat><c:strRef><c:f>'经济分类'!$B$4:$B$6</c:f></c:strRef></c:cat>` +
  `<c:val><c:numRef><c:f>${range}</c:f><c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="3"/><c:pt idx="0"><c:v>29</c:v>` +
  `</c:pt></c:numCache></c:numRef></c:val></c:ser>` +
  '<c:axId val="1"/><c:axId val="2"/></c:barChart><c:catAx><c:axId val="1"/><c:scaling><c:orientation val="minMax"/></c:scaling>' +
  '<c:axPos val="b"/><c:crossAx val="2"/></c:catAx>' +
  '<c:valAx><c:axId val="2"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:axPos val="l"/><c:crossAx val="1"/></c:valAx>' +
  "</c:plotArea></c:chart></c:chartSpace>";

const anchor = (col: number, row: number) =>
  `<xdr:twoCellAnchor><xdr:from><xdr:col>${col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff>` +
  `</xdr:from>` +
  `<xdr:to><xdr:col>${col + 6}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row + 12}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>` +
  '<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="Chart 1"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>' +
  '<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>' +
  `<a:graphic><a:graphicData uri="${C}"><c:chart xmlns:c="${C}" r:id="rId1"/></a:graphicData></a:graphic></xdr:graphicFrame>` +
  `<xdr:clientData/></xdr:twoCellAnchor>`;
const drawingPart = (body: string) => `${DECL}<xdr:wsDr xmlns:xdr="${XDR}" xmlns:a="${A}" xmlns:r="${NS.rel}">${body}</xdr:wsDr>`;
const absAnchor =
  '<xdr:absoluteAnchor><xdr:pos x="0" y="0"/><xdr:ext cx="8000000" cy="5000000"/><xdr:graphicFrame macro=""><xdr:nvGraphicFramePr>' +
  '<xdr:cNvPr id="2" name="Chart 2"/>' +
  `<xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic>` +
  `<a:graphicData uri="${C}">` +
  `<c:chart xmlns:c="${C}" r:id="rId1"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:absoluteAnchor>`;

const rel = ([type, target]: [string, string], i: number) => `<Relationship Id="rId${i + 1}" Type="${NS.rel}/${type}" Target="${target}"/>`;
const rels = (items: [string, string][]) => `${DECL}<Relationships xmlns="${NS.pkgRel}">${items.map(rel).join("")}</Relationships>`;

export function richWorkbook(): Uint8Array {
  const table: Cell[][] = [
    ["2020年一般公共预算基本支出决算表"],
    ["单位：万元", null, null, null, "填报日期"],
    ["科目编码", "科目名称", "预算数", "决算数", { raw: '<c r="{ref}" t="d"><v>2020-05-01T00:00:00Z</v></c>' }, "趋势"],
    ["30201", "办公费", 29, 22.37, { raw: `<c r="{ref}" s="${S.dateTime}"><v>28.51</v></c>` }],
    ["30202", "印刷费", 12.5, 13.1, { raw: `<c r="{ref}" s="${S.chineseDate}"><v>43952</v></c>` }],
    ["30211", "差旅费", 40, 38.4],
    [
      null,
      "合计",
      { raw: `<c r="{ref}" s="${S.money}"><f>SUM(C4:C6)</f><v>81.5</v></c>` },
      { raw: `<c r="{ref}" s="${S.money}"><f>SUM(D4:D6)</f><v>73.87</v></c>` },
    ],
  ];
  const sparklines =
    `<extLst><ext uri="{05C60535-1F16-4fd2-B633-F4F36F0B64E0}" xmlns:x14="${X14}"><x14:sparklineGroups xmlns:xm="${XM}">` +
    '<x14:sparklineGroup displayEmptyCellsAs="gap"><x14:colorSeries rgb="FF376092"/><x14:sparklines>' +
    "<x14:sparkline><xm:f>'经济分类'!C4:D4</xm:f><xm:sqref>F4</xm:sqref></x14:sparkline>" +
    "<x14:sparkline><xm:f>'经济分类'!C5:D5</xm:f><xm:sqref>F5</xm:sqref></x14:sparkline>" +
    "</x14:sparklines></x14:sparklineGroup></x14:sparklineGroups></ext></extLst>";
  const sheet1 =
    `${DECL}<worksheet xmlns="${NS.main}" xmlns:r="${NS.rel}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" ` +
    `xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac" mc:Ignorable="x14ac"><dimension ref="A1:F7"/>` +
    `<sheetViews><sheetView tabSelected="1" workbookViewId="0"/></sheetViews>` +
    `<sheetFormatPr defaultRowHeight="15" x14ac:dyDescent="0.25"/>` +
    `<sheetData>${rowsXml(table)}</sheetData><mergeCells count="1"><mergeCell ref="A1:D1"/></mergeCells>` +
    '<dataValidations count="1"><dataValidation type="decimal" operator="greaterThanOrEqual" allowBlank="1" sqref="C4:D6">' +
    "<formula1>0</formula1></dataValidation></dataValidations>" +
    '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>' +
    `<drawing r:id="rId1"/><legacyDrawing r:id="rId3"/><tableParts count="1"><tablePart r:id="rId2"/>` +
    `</tableParts>${sparklines}</worksheet>`;
  const tablePart =
    `${DECL}<table xmlns="${NS.main}" id="1" name="明细表" displayName="明细表" ref="A3:D6" ` +
    'headerRowCount="1" totalsRowCount="0" totalsRowShown="0">' +
    '<autoFilter ref="A3:D6"></autoFilter><tableColumns count="4"><tableColumn id="1" name="科目编码"/><tableColumn id="2" name="科目名称"/>' +
    '<tableColumn id="3" name="预算数"/><tableColumn id="4" name="决算数"/></tableColumns></table>';
  const comments =
    `${DECL}<comments xmlns="${NS.main}"><authors><author>财务</author></authors><commentList>` +
    `<comment ref="D4" authorId="0"><text><t>已核对</t></text></comment></commentList></comments>`;
  const vml =
    '<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" ' +
    'xmlns:x="urn:schemas-microsoft-com:office:excel">' +
    '<v:shape type="#_x0000_t202" style="visibility:hidden"><x:ClientData ObjectType="Note"><x:Row>3</x:Row><x:Column>3</x:Column>' +
    "</x:ClientData></v:shape></xml>";
  const pivotCache =
    `${DECL}<pivotCacheDefinition xmlns="${NS.main}" xmlns:r="${NS.rel}" r:id="rId1" refreshOnLoad="1" recordCount="3">` +
    `<cacheSource type="worksheet">` +
    '<worksheetSource ref="B3:D6" sheet="经济分类"/></cacheSource><cacheFields count="3"><cacheField name="科目名称" numFmtId="0">' +
    '<sharedItems count="3">' +
    '<s v="办公费"/><s v="印刷费"/><s v="差旅费"/></sharedItems></cacheField><cacheField name="预算数" numFmtId="0">' +
    '<sharedItems containsNumber="1" minValue="12.5" maxValue="40"/></cacheField>' +
    '<cacheField name="决算数" numFmtId="0"><sharedItems containsNumber="1" minValue="13.1" maxValue="38.4"/></cacheField></cacheFields>' +
    "</pivotCacheDefinition>";
  const pivotRecords =
    `${DECL}<pivotCacheRecords xmlns="${NS.main}" count="3"><r><x v="0"/><n v="29"/><n v="22.37"/></r><r><x v="1"/>` +
    `<n v="12.5"/><n v="13.1"/></r><r><x v="2"/><n v="40"/><n v="38.4"/></r></pivotCacheRecords>`;
  const pivotTable =
    `${DECL}<pivotTableDefinition xmlns="${NS.main}" name="数据透视表1" cacheId="1" dataCaption="值" ` +
    'applyNumberFormats="0" applyBorderFormats="0" applyFontFormats="0" applyPatternFormats="0" applyAlignmentFormats="0" ' +
    'applyWidthHeightFormats="1" updatedVersion="6" minRefreshableVersion="3" createdVersion="6">' +
    '<location ref="A3:B7" firstHeaderRow="1" firstDataRow="1" firstDataCol="1"/><pivotFields count="3">' +
    '<pivotField axis="axisRow" showAll="0"><items count="4">' +
    '<item x="0"/><item x="1"/><item x="2"/><item t="default"/></items></pivotField><pivotField showAll="0"/>' +
    '<pivotField dataField="1" showAll="0"/></pivotFields>' +
    '<rowFields count="1"><field x="0"/></rowFields><rowItems count="4"><i><x/></i><i><x v="1"/></i><i><x v="2"/></i><i t="grand"><x/>' +
    "</i></rowItems>" +
    '<colItems count="1"><i/></colItems><dataFields count="1"><dataField name="求和项:决算数" fld="2" baseField="0" baseItem="0"/></dataFields>' +
    "</pivotTableDefinition>";
  const pivotSheet = rowsXml([
    ["透视"],
    [],
    ["科目名称", "求和项:决算数"],
    ["办公费", 22.37],
    ["印刷费", 13.1],
    ["差旅费", 38.4],
    ["总计", 73.87],
  ]);
  const chartsheet =
    `${DECL}<chartsheet xmlns="${NS.main}" xmlns:r="${NS.rel}"><sheetPr/><sheetViews>` +
    `<sheetView workbookViewId="0" zoomToFit="1"/></sheetViews><drawing r:id="rId1"/></chartsheet>`;

  return buildXlsx({
    sheets: [
      {
        name: "经济分类",
        data: sheet1,
        rels: [
          ["drawing", "../drawings/drawing1.xml"],
          ["table", "../tables/table1.xml"],
          ["vmlDrawing", "../drawings/vmlDrawing1.vml"],
          ["comments", "../comments1.xml"],
        ],
      },
      { name: "图表页", data: chartsheet, kind: "chartsheet", rels: [["drawing", "../drawings/drawing2.xml"]] },
      { name: "透视", data: pivotSheet, rels: [["pivotTable", "../pivotTables/pivotTable1.xml"]] },
      { name: "备注", data: rowsXml([["内部备注"]]), state: "hidden" },
    ],
    definedNames:
      '<definedName name="_xlnm.Print_Area" localSheetId="0">\'经济分类\'!$A$1:$D$7</definedName>' +
      "<definedName name=\"全部数据\">'经济分类'!$A$1:$F$12</definedName>" +
      '<definedName name="本表" localSheetId="2">\'透视\'!$A$3:$B$7</definedName>' +
      '<definedName name="备注区" localSheetId="3" hidden="1">\'备注\'!$A$1</definedName>',
    workbookRels: [["rIdPC", "pivotCacheDefinition", "pivotCache/pivotCacheDefinition1.xml"]],
    workbookTail: '<pivotCaches><pivotCache cacheId="1" r:id="rIdPC"/></pivotCaches>',
    extra: [
      {
        name: "xl/drawings/drawing1.xml",
        content: drawingPart(anchor(6, 2)),
        type: "application/vnd.openxmlformats-officedocument.drawing+xml",
      },
      { name: "xl/drawings/_rels/drawing1.xml.rels", content: rels([["chart", "../charts/chart1.xml"]]) },
      {
        name: "xl/charts/chart1.xml",
        content: chartPart("'经济分类'!$D$4:$D$6"),
        type: "application/vnd.openxmlformats-officedocument.drawingml.chart+xml",
      },
      {
        name: "xl/drawings/drawing2.xml",
        content: drawingPart(absAnchor),
        type: "application/vnd.openxmlformats-officedocument.drawing+xml",
      },
      { name: "xl/drawings/_rels/drawing2.xml.rels", content: rels([["chart", "../charts/chart2.xml"]]) },
      {
        name: "xl/charts/chart2.xml",
        content: chartPart("'经济分类'!$C$4:$C$6"),
        type: "application/vnd.openxmlformats-officedocument.drawingml.chart+xml",
      },
      { name: "xl/tables/table1.xml", content: tablePart, type: "application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml" },
      { name: "xl/comments1.xml", content: comments, type: "application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml" },
      { name: "xl/drawings/vmlDrawing1.vml", content: vml },
      {
        name: "xl/pivotCache/pivotCacheDefinition1.xml",
        content: pivotCache,
        type: "application/vnd.openxmlformats-officedocument.spreadsheetml.pivotCacheDefinition+xml",
      },
      { name: "xl/pivotCache/_rels/pivotCacheDefinition1.xml.rels", content: rels([["pivotCacheRecords", "pivotCacheRecords1.xml"]]) },
      {
        name: "xl/pivotCache/pivotCacheRecords1.xml",
        content: pivotRecords,
        type: "application/vnd.openxmlformats-officedocument.spreadsheetml.pivotCacheRecords+xml",
      },
      {
        name: "xl/pivotTables/pivotTable1.xml",
        content: pivotTable,
        type: "application/vnd.openxmlformats-officedocument.spreadsheetml.pivotTable+xml",
      },
      {
        name: "xl/pivotTables/_rels/pivotTable1.xml.rels",
        content: rels([["pivotCacheDefinition", "../pivotCache/pivotCacheDefinition1.xml"]]),
      },
      { name: "customXml/item1.xml", content: `${DECL}<root xmlns="urn:juesuan:test">只被包根引用的部件</root>` },
      {
        name: "docProps/app.xml",
        content:
          `${DECL}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">` +
          `<Application>手写</Application></Properties>`,
        type: "application/vnd.openxmlformats-officedocument.extended-properties+xml",
      },
    ],
  });
}
