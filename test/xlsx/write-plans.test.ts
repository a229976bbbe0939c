import { readFileSync, writeFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import ExcelJS from "exceljs";
import { PLAN_MARK, UnusableInputError } from "../../src/core";
import { openWorkbook, readWorkbookGrids } from "../../src/xlsx/read-workbook";
import { verifyCopy } from "../../src/xlsx/verify-copy";
import { writePlansCopy } from "../../src/xlsx/write-plans";
import { NODE_CODEC } from "../../src/xlsx/node-codec";
import { partText, sheetParts, unzipParts } from "../support/xlsx-raw";
import { EDITED, expectPreserved } from "./support/preserved";
import { convert, libreOfficeWorkbook } from "./support/libreoffice";
import { buildXlsx, rowsXml } from "./support/ooxml";
import { fullPlan } from "./support/plans";
import { richWorkbook } from "./support/rich-workbook";

// A Uint8Array copy: a Buffer's slice shares memory, and the mutations slice.
const SAMPLE = new Uint8Array(readFileSync(join(__dirname, "..", "..", "assets", "sample-juesuan-2020.xlsx")));
const PLANS = (source: string) => [fullPlan("差异分析", source), fullPlan("三公经费对比", source, 3)];

describe("sheets: every part the writer does not own stays byte-identical", () => {
  test("a LibreOffice workbook with a chart, a pivot table, a table without tableStyleInfo, validation and defined names", () => {
    const input = libreOfficeWorkbook();
    const names = Object.keys(unzipSync(input));
    expect(names).toEqual(expect.arrayContaining(["xl/charts/chart1.xml", "xl/pivotTables/pivotTable1.xml", "xl/tables/table1.xml"]));
    expect(strFromU8(unzipSync(input)["xl/tables/table1.xml"])).not.toContain("tableStyleInfo");
    const out = writePlansCopy(input, "lo.xlsx", PLANS("经济分类"));
    expectPreserved(input, out.bytes);
    const wb = partText(unzipParts(out.bytes), "xl/workbook.xml");
    expect(wb).toContain("经济分类!$A$1:$F$12"); // not $A1:$F12
    expect(wb).toMatch(/localSheetId="0"[^>]*name="本表数据"[^>]*>经济分类!\$A\$2:\$C\$5</); // still local to its sheet
  });

  test("the LibreOffice workbook's copy opens in LibreOffice with its chart, pivot table and names, and ours", () => {
    const out = writePlansCopy(libreOfficeWorkbook(), "lo.xlsx", PLANS("经济分类"));
    const dir = mkdtempSync(join(tmpdir(), "juesuan-lo-out-"));
    writeFileSync(join(dir, "out.xlsx"), out.bytes);
    const ods = unzipSync(convert(join(dir, "out.xlsx"), "ods"));
    const content = strFromU8(ods["content.xml"]);
    expect((content.match(/<draw:object /g) ?? []).length).toBe(3); // the workbook's chart and one per result sheet
    expect(content).toContain("table:data-pilot-table");
    expect(content).toContain('table:name="全部数据"');
    expect(content).toContain('table:name="明细表"');
    for (const sheet of ["经济分类", "汇总", "差异分析", "三公经费对比"]) expect(content).toContain(`table:name="${sheet}"`);
  });

  test("a workbook with a chart sheet, sparklines, a pivot table, a comment, a table, validation and local names", async () => {
    const input = richWorkbook();
    const untouched = input.slice();
    const out = writePlansCopy(input, "rich.xlsx", PLANS("经济分类"), NODE_CODEC);
    expect(Buffer.compare(Buffer.from(input), Buffer.from(untouched))).toBe(0); // the input bytes are never modified
    expectPreserved(input, out.bytes);
    const parts = unzipParts(out.bytes);
    const sheet1 = partText(parts, "xl/worksheets/sheet1.xml");
    expect(sheet1).toContain("x14:sparklineGroups");
    expect(sheet1).toContain('<c r="E3" t="d"><v>2020-05-01T00:00:00Z</v></c>');
    expect(sheet1).toContain("<v>28.51</v>");
    // Our reader reads the date cells as dates, in the input and in the copy alike.
    const [grid] = await readWorkbookGrids(out.bytes, "out.xlsx");
    expect(grid.values[2][4]).toEqual({ date: "2020-05-01" });
    expect(grid.values[3][4]).toEqual({ date: "1900-01-28T12:14:24" });
  });

  test("the hand-made workbook's copy opens in LibreOffice with the same charts, pivot table, sparklines and comment", () => {
    const dir = mkdtempSync(join(tmpdir(), "juesuan-lo-out-"));
    const count = (bytes: Uint8Array, name: string) => {
      writeFileSync(join(dir, name), bytes);
      const content = strFromU8(unzipSync(convert(join(dir, name), "ods"))["content.xml"]);
      const n = (re: RegExp) => (content.match(re) ?? []).length;
      return {
        charts: n(/<draw:object /g),
        pivots: n(/<table:data-pilot-table /g),
        sparklines: n(/sparkline-group /g),
        comments: n(/<office:annotation[ >]/g),
      };
    };
    const before = count(richWorkbook(), "rich-in.xlsx");
    expect(before).toEqual({ charts: 2, pivots: 1, sparklines: 1, comments: 1 });
    expect(count(writePlansCopy(richWorkbook(), "rich.xlsx", [fullPlan("差异分析", "经济分类")]).bytes, "rich-out.xlsx")).toEqual({
      ...before,
      charts: 3,
    });
  });

  test("the sample, read back by exceljs (another reader): the user's sheets and ours", async () => {
    const out = writePlansCopy(SAMPLE, "sample.xlsx", PLANS("经济分类预决算"));
    expectPreserved(SAMPLE, out.bytes);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(out.bytes as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      "经济分类预决算",
      "功能分类支出决算",
      "三公经费",
      "人员情况",
      "差异分析",
      "三公经费对比",
    ]);
    const ws = wb.getWorksheet("差异分析")!;
    expect(ws.getCell("A1").value).toBe(`结果${PLAN_MARK}`);
    expect(ws.getCell("C4").value).toEqual({ formula: "'经济分类预决算'!C2" });
    expect(ws.getCell("C4").numFmt).toBe("#,##0.00");
    expect(ws.getCell("E4").numFmt).toBe("#,##0.0000");
    expect((ws.getCell("A5").fill as ExcelJS.FillPattern).fgColor?.argb).toBe("FFFFF2CC");
    expect((ws.getCell("A3").fill as ExcelJS.FillPattern).fgColor?.argb).toBe("FFD9E1F2");
    expect(ws.getCell("A3").font?.bold).toBe(true);
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 3 });
  });
});

describe("sheets: our sheets", () => {
  test("re-running replaces ours in place, never duplicates; the original parts still equal the first input; styles do not grow", () => {
    const first = writePlansCopy(SAMPLE, "s.xlsx", PLANS("经济分类预决算"));
    const second = writePlansCopy(first.bytes, "s.xlsx", PLANS("经济分类预决算"));
    expect(second.sheets).toEqual(["差异分析", "三公经费对比"]);
    expect([...sheetParts(unzipParts(second.bytes)).keys()]).toEqual([...sheetParts(unzipParts(first.bytes)).keys()]);
    expectPreserved(SAMPLE, second.bytes);
    const a = unzipParts(first.bytes);
    const b = unzipParts(second.bytes);
    expect(partText(b, "xl/styles.xml")).toBe(partText(a, "xl/styles.xml"));
    expect(partText(b, "xl/workbook.xml")).toBe(partText(a, "xl/workbook.xml"));
    expect(Object.keys(b).sort()).toEqual(Object.keys(a).sort());
  });

  test("a user's own sheet with our name is kept; ours gets the suffix, and a rerun replaces only the suffixed one", () => {
    const input = buildXlsx({
      sheets: [
        { name: "经济分类", data: rowsXml([["甲", 1]]) },
        { name: "差异分析", data: rowsXml([["我自己的分析"]]) },
      ],
    });
    const out = writePlansCopy(input, "u.xlsx", [fullPlan("差异分析", "经济分类")]);
    expect(out.sheets).toEqual(["差异分析_决算助手"]);
    expectPreserved(input, out.bytes);
    const again = writePlansCopy(out.bytes, "u.xlsx", [fullPlan("差异分析", "经济分类")]);
    expect([...sheetParts(unzipParts(again.bytes)).keys()]).toEqual(["经济分类", "差异分析", "差异分析_决算助手"]);
  });

  test("an earlier sheet of ours without a plan now is removed: later sheet-local names and the active tab follow", () => {
    const input = buildXlsx({
      sheets: [
        { name: "旧结果", data: rowsXml([[`旧${PLAN_MARK}`]]) },
        { name: "经济分类", data: rowsXml([["甲", 1]]) },
      ],
      definedNames:
        '<definedName name="_xlnm.Print_Area" localSheetId="0">\'旧结果\'!$A$1</definedName>' +
        '<definedName name="本表" localSheetId="1">\'经济分类\'!$A$1:$B$1</definedName>',
    }).slice();
    const withTab = unzipSync(input);
    withTab["xl/workbook.xml"] = strToU8(strFromU8(withTab["xl/workbook.xml"]).replace('activeTab="0"', 'activeTab="1"'));
    const out = writePlansCopy(zipSync(withTab), "o.xlsx", [fullPlan("差异分析", "经济分类")]);
    const wb = partText(unzipParts(out.bytes), "xl/workbook.xml");
    expect([...sheetParts(unzipParts(out.bytes)).keys()]).toEqual(["经济分类", "差异分析"]);
    expect(wb).toContain('<definedName name="本表" localSheetId="0">\'经济分类\'!$A$1:$B$1</definedName>');
    expect(wb).not.toContain("旧结果");
    expect(wb).toContain('activeTab="0"');
    const texts = Object.entries(unzipSync(out.bytes)).map(([, v]) => strFromU8(v));
    expect(texts.filter((t) => t.includes(`旧${PLAN_MARK}`))).toEqual([]);
  });

  test("a sheet whose part is missing stays missing: our new part never takes its name", () => {
    const parts = unzipSync(
      buildXlsx({
        sheets: [
          { name: "经济分类", data: rowsXml([["甲", 1]]) },
          { name: "丢失", data: rowsXml([["乙"]]) },
        ],
      }),
    );
    delete parts["xl/worksheets/sheet2.xml"];
    const out = writePlansCopy(zipSync(parts), "m.xlsx", [fullPlan("差异分析", "经济分类")]);
    const map = sheetParts(unzipParts(out.bytes));
    expect(map.get("丢失")).toBe("xl/worksheets/sheet2.xml");
    expect(map.get("差异分析")).not.toBe("xl/worksheets/sheet2.xml");
    expect(Object.keys(unzipSync(out.bytes))).not.toContain("xl/worksheets/sheet2.xml");
  });

  test("rerunning on a copy Excel saved: its calculation chain (a cache naming our old cells) is dropped, nothing else", () => {
    const first = writePlansCopy(SAMPLE, "s.xlsx", PLANS("经济分类预决算"));
    // What Excel adds when it saves the copy: a calcChain listing formula cells, ours among them (sheet id 5).
    const parts = unzipSync(first.bytes);
    parts["xl/calcChain.xml"] = strToU8(
      '<?xml version="1.0"?><calcChain xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><c r="C4" i="5"/></calcChain>',
    );
    const rels = strFromU8(parts["xl/_rels/workbook.xml.rels"]);
    const calcRel =
      '<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain" ' +
      'Target="calcChain.xml"/>';
    parts["xl/_rels/workbook.xml.rels"] = strToU8(rels.replace("</Relationships>", `${calcRel}</Relationships>`));
    const override =
      '<Override PartName="/xl/calcChain.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml"/>';
    parts["[Content_Types].xml"] = strToU8(strFromU8(parts["[Content_Types].xml"]).replace("</Types>", `${override}</Types>`));
    const saved = zipSync(parts);
    const again = unzipParts(writePlansCopy(saved, "s.xlsx", PLANS("经济分类预决算")).bytes);
    expect(again["xl/calcChain.xml"]).toBeUndefined();
    expect(partText(again, "xl/_rels/workbook.xml.rels")).not.toContain("calcChain");
    expect(partText(again, "[Content_Types].xml")).not.toContain("calcChain");
    expect(Object.keys(again).sort()).toEqual(Object.keys(unzipParts(first.bytes)).sort());
  });

  test("print setup: A4, orientation, one page wide, print titles as a sheet-local name, centred footer", () => {
    const out = writePlansCopy(SAMPLE, "s.xlsx", PLANS("经济分类预决算"));
    const parts = unzipParts(out.bytes);
    const sheet = partText(parts, sheetParts(parts).get("差异分析")!);
    expect(sheet).toContain('<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>');
    expect(sheet).toContain('<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>');
    expect(sheet).toContain("<oddFooter>&amp;C第 &amp;P 页，共 &amp;N 页</oddFooter>");
    const wb = partText(parts, "xl/workbook.xml");
    expect(wb).toContain('<definedName name="_xlnm.Print_Titles" localSheetId="4">\'差异分析\'!$3:$3</definedName>');
    expect(wb).toContain('<definedName name="_xlnm.Print_Titles" localSheetId="5">\'三公经费对比\'!$3:$3</definedName>');
    expect(wb).toMatch(/<calcPr fullCalcOnLoad="1" calcId="171027"\/>/);
  });

  test("charts are DrawingML parts: sheet → drawing → chart, with content types and absolute ranges on our sheet", () => {
    const out = writePlansCopy(SAMPLE, "s.xlsx", [fullPlan("差异分析", "经济分类预决算")]);
    const parts = unzipParts(out.bytes);
    const part = sheetParts(parts).get("差异分析")!;
    expect(partText(parts, part)).toContain('<drawing r:id="rId1"/>');
    const sheetRels = partText(parts, part.replace("worksheets/", "worksheets/_rels/") + ".rels");
    const drawing = /Target="\.\.\/drawings\/([^"]+)"/.exec(sheetRels)![1];
    const chart = /Target="\.\.\/charts\/([^"]+)"/.exec(partText(parts, `xl/drawings/_rels/${drawing}.rels`))![1];
    const xml = partText(parts, `xl/charts/${chart}`);
    expect(xml).toContain('<c:barDir val="bar"/>');
    expect(xml).toContain("<c:f>'差异分析'!$C$4:$C$8</c:f>");
    expect(xml).toContain("<c:f>'差异分析'!$B$4:$B$8</c:f>");
    const types = partText(parts, "[Content_Types].xml");
    expect(types).toContain(
      `<Override PartName="/xl/drawings/${drawing}" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>`,
    );
    expect(types).toContain(
      `<Override PartName="/xl/charts/${chart}" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>`,
    );
  });

  test("our text is written inline (shared strings untouched), with what XML cannot hold escaped", () => {
    const out = writePlansCopy(SAMPLE, "s.xlsx", [fullPlan("差异分析", "经济分类预决算")]);
    const parts = unzipParts(out.bytes);
    const sheet = partText(parts, sheetParts(parts).get("差异分析")!);
    expect(sheet).toContain('t="inlineStr"><is><t xml:space="preserve">项目1 &amp; &lt;特殊&gt; "字符"</t></is>');
    expect(sheet).toContain("控制字符_x0001_和 _x005F_x0041_ 保持原样");
    expect(sheet).toContain('<hyperlink ref="B4" location="\'经济分类预决算\'!B2" display="项目1 &amp; &lt;特殊&gt; &quot;字符&quot;"/>');
  });
});

describe("sheets: refusals and the check after writing", () => {
  test("a Strict Open XML workbook is refused (exit 2), not written half-right", () => {
    const parts = unzipSync(SAMPLE);
    parts["xl/workbook.xml"] = strToU8(
      strFromU8(parts["xl/workbook.xml"]).replace(
        "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
        "http://purl.oclc.org/ooxml/spreadsheetml/main",
      ),
    );
    expect(() => writePlansCopy(zipSync(parts), "strict.xlsx", [fullPlan("差异分析", "经济分类预决算")])).toThrow(/严格 Open XML/);
  });

  test("a copy in which an original part changed, or a sheet reads differently, does not pass the check", () => {
    const input = richWorkbook();
    const out = writePlansCopy(input, "rich.xlsx", PLANS("经济分类"));
    const expectations = {
      codec: NODE_CODEC,
      changed: new Set(EDITED.map((e) => e.toLowerCase())),
      dropped: new Set<string>(),
      oldOurs: new Set<string>(),
      ours: [{ name: "差异分析", rows: 10 }],
    };
    expect(() => verifyCopy(openWorkbook(input, "rich.xlsx"), out.bytes, expectations)).not.toThrow();
    for (const [part, edit] of [
      ["xl/charts/chart1.xml", (s: string) => s.replace("$D$4", "$D$5")],
      ["xl/worksheets/sheet1.xml", (s: string) => s.replace("<v>22.37</v>", "<v>22.38</v>")],
      ["xl/workbook.xml", (s: string) => s.replace("$A$1:$F$12", "$A1:$F12")],
    ] as const) {
      const parts = unzipSync(out.bytes);
      parts[part] = strToU8(edit(strFromU8(parts[part])));
      expect(() => verifyCopy(openWorkbook(input, "rich.xlsx"), zipSync(parts), expectations)).toThrow(UnusableInputError);
    }
  });
});
