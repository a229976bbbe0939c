import { strToU8, zipSync } from "fflate";
import { cellAddress, UnusableInputError, WPS_SETTINGS_SHEET } from "../../src/core";
import type { CellGrid, CellValue } from "../../src/core";
import { NODE_CODEC } from "../../src/xlsx/node-codec";
import { readWorkbookGrids } from "../../src/xlsx/read-workbook";
import { readWorkbookFile } from "../../src/xlsx/workbook-file";
import { FFLATE_CODEC } from "../../src/xlsx/zip-archive";
import { buildXlsx, rowsXml, S } from "./support/ooxml";
import type { BookSpec } from "./support/ooxml";

const read = async (spec: BookSpec): Promise<CellGrid[]> => readWorkbookGrids(buildXlsx(spec), "t.xlsx");
const one = async (data: string, extra: Partial<BookSpec> = {}, after = ""): Promise<CellGrid> =>
  (await read({ sheets: [{ name: "表", data, after }], ...extra }))[0];
/** The value at a sheet address, through the grid's sparse maps. */
function at(g: CellGrid, address: string): CellValue {
  for (let r = 0; r < g.values.length; r++)
    for (let c = 0; c < (g.values[r]?.length ?? 0); c++) if (cellAddress(g, r, c) === address) return g.values[r][c];
  return null;
}

describe("reader: values", () => {
  test("shared strings: plain, rich text runs joined, phonetic guides left out, escapes decoded", async () => {
    const g = await one(
      '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c></row>',
      {
        sharedStrings: [
          "<t>办公费</t>",
          '<r><rPr><b/></rPr><t>预算</t></r><r><t xml:space="preserve"> 数</t></r><rPh sb="0" eb="2"><t>ヨサン</t></rPh>',
          "<t>A &amp; B &lt;C&gt; &#x4E00;</t>",
          "<t>第一行_x000D_\n第二行 _x005F_x0041_</t>",
        ],
      },
    );
    expect(g.values[0]).toEqual(["办公费", "预算 数", "A & B <C> 一", "第一行\r\n第二行 _x0041_"]);
  });

  test("inline strings, with rich runs; formula strings; booleans; errors", async () => {
    const g = await one(
      '<row r="1"><c r="A1" t="inlineStr"><is><t>内联</t></is></c><c r="B1" t="inlineStr"><is><r><t>甲</t></r><r><t>乙</t></r></is></c>' +
        '<c r="C1" t="str"><f>A1&amp;B1</f><v>内联甲乙</v></c><c r="D1" t="b"><v>1</v></c><c r="E1" t="b"><v>0</v></c>' +
        '<c r="F1" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="G1"><f>SUM(1,2)</f><v>3</v></c></row>',
    );
    expect(g.values[0]).toEqual(["内联", "甲乙", "内联甲乙", true, false, { error: "#DIV/0!" }, 3]);
    expect(g.formulas?.[0]).toEqual([null, null, "A1&B1", null, null, "1/0", "SUM(1,2)"]);
  });

  test("ISO date cells (t=d) are dates, never a year", async () => {
    const g = await one(
      '<row r="1"><c r="A1" t="d"><v>2020-05-01T00:00:00Z</v></c><c r="B1" t="d"><v>2020-05-01T12:30:00</v></c><c r="C1" t="d">' +
        "<v>tomorrow</v></c></row>",
    );
    expect(g.values[0]).toEqual([{ date: "2020-05-01" }, { date: "2020-05-01T12:30:00" }, { date: "tomorrow" }]);
  });

  test("date formats: built-in, East Asian built-in, custom with 年月日, elapsed time; other formats stay numbers", async () => {
    const styles =
      '<?xml version="1.0"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts>' +
      '<numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/><numFmt numFmtId="165" formatCode="[h]:mm:ss"/>' +
      '<numFmt numFmtId="166" formatCode="#,##0.00&quot;天数 hms&quot;;[Red]\\-#,##0.00"/><numFmt numFmtId="167" formatCode="h:mm AM/PM"/>' +
      "</numFmts>" +
      '<cellStyleXfs><xf numFmtId="14"/></cellStyleXfs><cellXfs><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="31"/>' +
      '<xf numFmtId="164"/>' +
      '<xf numFmtId="165"/><xf numFmtId="166"/><xf numFmtId="4"/><xf numFmtId="167"/></cellXfs></styleSheet>';
    const cells = [43952, 43952, 43952, 43952.5, 28.51, 43952, 43952, 0.75].map(
      (v, i) => `<c r="${"ABCDEFGH"[i]}1" s="${i}"><v>${v}</v></c>`,
    );
    const g = await one(`<row r="1">${cells.join("")}</row>`, { styles });
    expect(g.values[0]).toEqual([
      43952, // General
      { date: "2020-05-01" },
      { date: "2020-05-01" },
      { date: "2020-05-01T12:00:00" },
      { date: "1900-01-28T12:14:24" }, // 28.51 days: exactly 12:14:24, no float drift
      43952, // quoted text and escapes are not date letters
      43952,
      { date: "0.75" }, // a time of day alone has no day: its serial is kept
    ]);
  });

  test("a date-formatted number that is no day is kept as text: 123456789, 1900-02-29, negative", async () => {
    const g = await one(
      `<row r="1"><c r="A1" s="${S.date}"><v>123456789</v></c><c r="B1" s="${S.date}"><v>60</v></c><c r="C1" s="${S.date}"><v>-5</v></c>` +
        `<c r="D1" s="${S.date}"><v>61</v></c></row>`,
    );
    expect(g.values[0]).toEqual([{ date: "123456789" }, { date: "60" }, { date: "-5" }, { date: "1900-03-01" }]);
  });

  test("the 1904 date system", async () => {
    const g = await one(`<row r="1"><c r="A1" s="${S.date}"><v>0</v></c><c r="B1" s="${S.date}"><v>42486</v></c></row>`, {
      date1904: true,
    });
    expect(g.values[0]).toEqual([{ date: "1904-01-01" }, { date: "2020-04-27" }]);
  });

  test("numbers that are no finite number keep their text; empty values are empty", async () => {
    const g = await one(
      '<row r="1"><c r="A1"><v>1e999999999</v></c><c r="B1"><v>-0</v></c><c r="C1"><v>  </v></c><c r="D1"><v>abc</v></c><c r="E1">' +
        "<v>12.50</v></c></row>",
    );
    expect(g.values[0]).toEqual(["1e999999999", -0, null, "abc", 12.5]);
  });

  test("a style index beyond the styles, a shared string index beyond the table: read, never a crash", async () => {
    const g = await one(
      '<row r="1"><c r="A1" s="99999"><v>5</v></c><c r="B1" t="s"><v>42</v></c><c r="C1" t="s"><v>x</v></c><c r="D1">7</c></row>',
      { sharedStrings: ["<t>a</t>"] },
    );
    expect(g.values[0]).toEqual([5]);
  });
});

describe("reader: shape and bounds", () => {
  test("the grid starts where the content starts", async () => {
    const g = await one(
      rowsXml(
        [
          ["项目", "预算数"],
          ["甲", 1],
        ],
        4,
      )
        .replace(/r="A/g, 'r="C')
        .replace(/r="B/g, 'r="D'),
    );
    expect(g.origin).toEqual({ row: 4, col: 2 });
    expect(g.values).toEqual([
      ["项目", "预算数"],
      ["甲", 1],
    ]);
    expect(cellAddress(g, 1, 1)).toBe("D6");
  });

  test("one cell at XFD1048576 in a tiny file: a handful of grid cells, the right address, fast", async () => {
    const t0 = Date.now();
    const g = await one(
      '<row r="1"><c r="A1" t="inlineStr"><is><t>单位：万元</t></is></c></row><row r="1048576"><c r="XFD1048576"><v>7</v></c></row>',
    );
    expect(Date.now() - t0).toBeLessThan(2000);
    expect(g.values.length).toBeLessThanOrEqual(5);
    expect(g.values.reduce((n, r) => n + r.length, 0)).toBeLessThanOrEqual(10);
    expect(g.rowIndex).toEqual([0, 1, 2, 3, 1048575]);
    expect(g.colIndex).toEqual([0, 1, 16383]);
    expect(at(g, "XFD1048576")).toBe(7);
    expect(at(g, "A1")).toBe("单位：万元");
  });

  test("short gaps stay as they are: no sparse maps for an ordinary sheet", async () => {
    const g = await one(rowsXml([["a", null, null, "b"], [], [], [], ["c"]]));
    expect(g.rowIndex).toBeUndefined();
    expect(g.colIndex).toBeUndefined();
    expect(g.values.length).toBe(5);
  });

  test("a merge of F1:XFD1048576 is clipped to the content, never expanded; with nothing in F1 it is dropped", async () => {
    const t0 = Date.now();
    const rows =
      '<row r="1"><c r="F1" t="inlineStr"><is><t>标题</t></is></c></row><row r="3"><c r="F3"><v>1</v></c><c r="H3"><v>2</v></c></row>';
    const g = await one(rows, {}, '<mergeCells count="1"><mergeCell ref="F1:XFD1048576"/></mergeCells>');
    expect(g.merges).toEqual([{ top: 0, left: 0, bottom: 2, right: 2 }]);
    expect(g.values[2]).toEqual([null, null, null]); // values inside a merge are hidden, as in Excel
    const empty = await one(
      '<row r="3"><c r="F3"><v>1</v></c></row>',
      {},
      '<mergeCells count="1"><mergeCell ref="E1:XFD1048576"/></mergeCells>',
    );
    expect(empty.merges).toEqual([]);
    expect(Date.now() - t0).toBeLessThan(2000);
  });

  test("overlapping merges: the later one is dropped; malformed merge references are ignored", async () => {
    const rows = rowsXml([
      ["甲", null, null],
      [null, "乙", null],
      [null, null, "丙"],
    ]);
    const g = await one(
      rows,
      {},
      '<mergeCells><mergeCell ref="A1:B2"/><mergeCell ref="B2:C3"/><mergeCell ref="C3:ZZZZ9"/><mergeCell ref="A0:B1"/><mergeCell/>' +
        "</mergeCells>",
    );
    expect(g.merges).toEqual([{ top: 0, left: 0, bottom: 1, right: 1 }]);
  });

  test("malformed cell references are skipped; cells without references follow the previous one", async () => {
    const g = await one(
      '<row r="1"><c r="A0"><v>1</v></c><c r="XFE1"><v>2</v></c><c r="1A"><v>3</v></c><c r="A1"><v>4</v></c><c><v>5</v></c><c><v>6</v>' +
        "</c></row>" +
        '<row><c><v>7</v></c></row><row r="0"><c r="A9999999"><v>8</v></c></row>',
    );
    expect(g.values).toEqual([[4, 5, 6], [7]]);
  });

  test("rows out of order and repeated are put in order, the later cell winning", async () => {
    const g = await one(
      '<row r="3"><c r="A3"><v>3</v></c></row><row r="1"><c r="A1"><v>1</v></c></row><row r="3"><c r="B3"><v>4</v></c><c r="A3"><v>5</v>' +
        "</c></row>",
    );
    expect(g.values).toEqual([[1], [], [5, 4]]);
  });

  test("deep nesting and unknown elements inside a sheet: read what can be read, no stack overflow", async () => {
    const deep = "<x>".repeat(100000) + "</x>".repeat(100000);
    const g = await one(`<row r="1"><c r="A1"><v>1</v>${deep}</c><unknown a="1"/><c r="B1"><v>2</v></c></row>`);
    expect(g.values[0]).toEqual([1, 2]);
  });

  test("a sheet too scattered to hold as a grid is refused with a message", async () => {
    // A diagonal: every cell in its own row and column, far apart, would need rows × columns.
    const cells = Array.from(
      { length: 3000 },
      (_, i) => `<row r="${i * 20 + 1}"><c r="${colName(i * 5)}${i * 20 + 1}"><v>${i}</v></c></row>`,
    ).join("");
    await expect(one(cells)).rejects.toThrow(/过于分散/);
  });

  test("hidden sheets are read, very hidden and chart sheets are not", async () => {
    const grids = await read({
      sheets: [
        { name: "可见", data: rowsXml([["a"]]) },
        { name: "隐藏", data: rowsXml([["b"]]), state: "hidden" },
        { name: "深度隐藏", data: rowsXml([["c"]]), state: "veryHidden" },
        {
          name: "图表",
          data: '<?xml version="1.0"?><chartsheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>',
          kind: "chartsheet",
        },
      ],
    });
    expect(grids.map((g) => g.sheet)).toEqual(["可见", "隐藏"]);
  });

  test("a workbook without styles or shared strings reads", async () => {
    const g = await one(rowsXml([["a", 1]]), { styles: null });
    expect(g.values).toEqual([["a", 1]]);
  });

  test("prefixed element names (x:c) read the same", async () => {
    const xml =
      '<?xml version="1.0"?><x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>' +
      '<x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>甲</x:t></x:is></x:c><x:c r="B1"><x:v>2</x:v></x:c></x:row></x:sheetData>' +
      '<x:mergeCells><x:mergeCell ref="A1:A2"/></x:mergeCells></x:worksheet>';
    const g = (
      await read({
        sheets: [
          { name: "表", data: xml },
          { name: "二", data: rowsXml([[null], ["x"]]) },
        ],
      })
    )[0];
    expect(g.values).toEqual([["甲", 2]]);
  });
});

function colName(c: number): string {
  return c < 26 ? String.fromCharCode(65 + c) : colName(Math.floor(c / 26) - 1) + String.fromCharCode(65 + (c % 26));
}

/** A zip whose central directory says what the test wants, whatever the data holds. */
function forgedZip(name: string, data: Uint8Array, declared: number, method = 8): Uint8Array {
  const nameBytes = strToU8(name);
  const local = new Uint8Array(30 + nameBytes.length);
  const lv = new DataView(local.buffer);
  lv.setUint32(0, 0x04034b50, true);
  lv.setUint16(4, 20, true);
  lv.setUint16(8, method, true);
  lv.setUint32(18, data.length, true);
  lv.setUint32(22, declared, true);
  lv.setUint16(26, nameBytes.length, true);
  local.set(nameBytes, 30);
  const central = new Uint8Array(46 + nameBytes.length);
  const cv = new DataView(central.buffer);
  cv.setUint32(0, 0x02014b50, true);
  cv.setUint16(10, method, true);
  cv.setUint32(20, data.length, true);
  cv.setUint32(24, declared, true);
  cv.setUint16(28, nameBytes.length, true);
  central.set(nameBytes, 46);
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, 1, true);
  ev.setUint16(10, 1, true);
  ev.setUint32(12, central.length, true);
  ev.setUint32(16, local.length + data.length, true);
  const out = new Uint8Array(local.length + data.length + central.length + end.length);
  out.set(local, 0);
  out.set(data, local.length);
  out.set(central, local.length + data.length);
  out.set(end, local.length + data.length + central.length);
  return out;
}

describe("reader: zip limits (checked before inflating)", () => {
  const zeros = (n: number) => zipSync({ "xl/workbook.xml": new Uint8Array(n) }, { level: 9 });

  test.each([
    ["fflate", FFLATE_CODEC],
    ["zlib", NODE_CODEC],
  ])("%s: an entry declaring 3 GB is refused from the directory alone", async (_, codec) => {
    const bomb = forgedZip("xl/worksheets/sheet1.xml", new Uint8Array(1000), 3_000_000_000);
    const t0 = Date.now();
    await expect(readWorkbookGrids(bomb, "bomb.xlsx", codec)).rejects.toThrow(/解压后过大或压缩比异常/);
    expect(Date.now() - t0).toBeLessThan(1000);
  });

  test("a highly compressible entry (ratio above 200:1) is refused", async () => {
    const bomb = zeros(16 * 1024 * 1024); // 16 MB of zeros: about 16 KB compressed
    expect(bomb.length).toBeLessThan(1024 * 1024);
    await expect(readWorkbookGrids(bomb, "bomb.xlsx")).rejects.toThrow(UnusableInputError);
    await expect(readWorkbookGrids(bomb, "bomb.xlsx")).rejects.toThrow(/压缩比异常/);
  });

  test.each([
    ["fflate", FFLATE_CODEC],
    ["zlib", NODE_CODEC],
  ])("%s: an entry that expands beyond its declared size is stopped", async (_, codec) => {
    const real = zipSync({ x: new Uint8Array(4 * 1024 * 1024).fill(65) }, { level: 9 });
    const data = real.subarray(30 + 1, 30 + 1 + new DataView(real.buffer).getUint32(18, true));
    const lie = forgedZip("xl/workbook.xml", data, 1000);
    await expect(readWorkbookGrids(lie, "lie.xlsx", codec)).rejects.toThrow(/解压后过大或压缩比异常/);
  });

  test("overlapping entries (the same data named twice) are refused", async () => {
    const z = forgedZip("xl/workbook.xml", new Uint8Array([3, 0]), 0);
    // A second central record pointing at the same local header.
    const cdStart = 30 + "xl/workbook.xml".length + 2;
    const central = z.subarray(cdStart, z.length - 22);
    const both = new Uint8Array(cdStart + central.length * 2 + 22);
    both.set(z.subarray(0, cdStart), 0);
    both.set(central, cdStart);
    both.set(central, cdStart + central.length);
    both.set(z.subarray(z.length - 22), cdStart + central.length * 2);
    const ev = new DataView(both.buffer, both.length - 22);
    ev.setUint16(8, 2, true);
    ev.setUint16(10, 2, true);
    ev.setUint32(12, central.length * 2, true);
    await expect(readWorkbookGrids(both, "twice.xlsx")).rejects.toThrow(/损坏/);
  });

  test("a damaged entry is caught by its checksum", async () => {
    const good = buildXlsx({ sheets: [{ name: "表", data: rowsXml([["甲", 1]]) }] });
    const bad = good.slice();
    // Flip a byte inside the first entry's data, whatever it is.
    const dataStart = 30 + new DataView(bad.buffer).getUint16(26, true) + new DataView(bad.buffer).getUint16(28, true);
    bad[dataStart + 5] ^= 0xff;
    await expect(readWorkbookGrids(bad, "bad.xlsx")).rejects.toThrow(UnusableInputError);
  });
});

describe("reader: unusable files (byte checks kept)", () => {
  const cfb = (extra: string) =>
    new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Uint8Array(504), ...Buffer.from(extra, "utf16le")]);
  test.each([
    ["empty", new Uint8Array(0), /文件为空/],
    ["csv", strToU8("项目,预算数\n甲,1\n"), /CSV/],
    ["damaged xls", cfb("Workbook"), /损坏或不完整/],
    ["encrypted", cfb("EncryptionInfo EncryptedPackage"), /已加密/],
    ["truncated", buildXlsx({ sheets: [{ name: "表", data: rowsXml([["甲"]]) }] }).subarray(0, 300), /损坏或不完整/],
    ["zip without a workbook", zipSync({ "a.txt": strToU8("x") }), /缺少工作簿部件/],
  ])("%s", async (_, bytes, message) => {
    await expect(readWorkbookGrids(bytes as Uint8Array, "x.xlsx")).rejects.toThrow(message as RegExp);
  });
});

describe("the task pane's door", () => {
  test("grids and the settings Excel's pane stored in the workbook, from one reading", async () => {
    const settings = JSON.stringify(JSON.stringify({ thresholdPercent: 12 }));
    const part =
      '<?xml version="1.0"?><we:webextension xmlns:we="http://schemas.microsoft.com/office/webextensions/webextension/2010/11">' +
      "<we:properties>" +
      `<we:property name="juesuan.settings" value="${settings.replace(/&/g, "&amp;").replace(/"/g, "&quot;")}"/></we:properties>` +
      `</we:webextension>`;
    const bytes = buildXlsx({
      sheets: [{ name: "表", data: rowsXml([["甲", 1]]) }],
      extra: [{ name: "xl/webextensions/webextension1.xml", content: part }],
    });
    const { grids, storedSettings } = await readWorkbookFile(bytes, "t.xlsx");
    expect(grids[0].values).toEqual([["甲", 1]]);
    expect(storedSettings).toEqual({ thresholdPercent: 12 });
    expect((await readWorkbookFile(buildXlsx({ sheets: [{ name: "表", data: "" }] }), "t.xlsx")).storedSettings).toBeNull();
  });

  test("settings WPS 表格 kept in its very hidden sheet (JSON in pieces down column A) are read, the sheet never as data", async () => {
    const json = JSON.stringify({ thresholdPercent: 15, template: "final-accounts" });
    const pieces = [[json.slice(0, 20)], [json.slice(20)]];
    const bytes = buildXlsx({
      sheets: [
        { name: "表", data: rowsXml([["甲", 1]]) },
        { name: WPS_SETTINGS_SHEET, data: rowsXml(pieces), state: "veryHidden" },
      ],
    });
    const { grids, storedSettings } = await readWorkbookFile(bytes, "t.xlsx");
    expect(grids.map((g) => g.sheet)).toEqual(["表"]);
    expect(storedSettings).toEqual({ thresholdPercent: 15, template: "final-accounts" });
    // a sheet of that name the clerk can see is the clerk's own: not read for settings
    const visible = buildXlsx({ sheets: [{ name: WPS_SETTINGS_SHEET, data: rowsXml(pieces) }] });
    expect((await readWorkbookFile(visible, "t.xlsx")).storedSettings).toBeNull();
  });
});
