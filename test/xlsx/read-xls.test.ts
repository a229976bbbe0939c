import { readFileSync } from "node:fs";
import { join } from "node:path";
import { checkWorkbook, DEFAULT_SETTINGS, UnusableInputError } from "../../src/core";
import type { CellGrid, MergedArea } from "../../src/core";
import { PieceReader } from "../../src/xlsx/biff-records";
import { openCompoundFile } from "../../src/xlsx/compound-file";
import { NODE_CODEC } from "../../src/xlsx/node-codec";
import { readWorkbookStream } from "../../src/xlsx/read-xls";
import { readWorkbookGrids } from "../../src/xlsx/read-workbook";
import { readWorkbookFile } from "../../src/xlsx/workbook-file";
import { convert } from "./support/libreoffice";

const fixture = (name: string) => new Uint8Array(readFileSync(join(__dirname, "fixtures", "xls", name)));

// ---- A BIFF8 stream built record by record ([MS-XLS] 2.4) ----
const u16 = (n: number) => [n & 0xff, (n >> 8) & 0xff];
const u32 = (n: number) => [n & 0xff, (n >> 8) & 0xff, (n >> 16) & 0xff, (n >>> 24) & 0xff];
const f64 = (x: number) => [...new Uint8Array(new Float64Array([x]).buffer)];
const wide = (s: string) => [...Buffer.from(s, "utf16le")];
const latin = (s: string) => [...Buffer.from(s, "latin1")];
const rec = (type: number, data: number[]) => [...u16(type), ...u16(data.length), ...data];
/** XLUnicodeString, stored as UTF-16. */
const ustr = (s: string) => [...u16(s.length), 1, ...wide(s)];
const bof = (dt: number) => rec(0x0809, [...u16(0x0600), ...u16(dt), ...u16(0), ...u16(0), ...u32(0), ...u32(0)]);
const eof = () => rec(0x000a, []);
const cell = (r: number, c: number, xf = 0) => [...u16(r), ...u16(c), ...u16(xf)];
const rkInt = (n: number, hundredths = false) => ((n << 2) | 2 | (hundredths ? 1 : 0)) >>> 0;
const xf = (fmt: number) => rec(0x00e0, [...u16(0), ...u16(fmt), ...new Array<number>(16).fill(0)]);

function workbookStream(): Uint8Array {
  // Shared strings: the third starts in the SST as Latin-1 and goes on in a CONTINUE as UTF-16 (a new flags byte first);
  // the fourth carries a formatting run (4 bytes after its text, to be passed over).
  const sst = [...u32(5), ...u32(5), ...ustr("项目"), ...ustr("预算数"), ...u16(6), 0, ...latin("abc")];
  const cont = [1, ...wide("决算数"), ...u16(3), 0x09, ...u16(1), ...wide("富文本"), ...u16(0), ...u16(0), ...ustr("合计")];
  const sheets = [
    { name: "表一", state: 0, kind: 0 },
    { name: "隐藏", state: 1, kind: 0 },
    { name: "很隐藏", state: 2, kind: 0 },
    { name: "图表", state: 0, kind: 2 },
  ];
  const boundsheet = (offset: number, s: (typeof sheets)[number]) =>
    rec(0x0085, [...u32(offset), s.state, s.kind, s.name.length, 1, ...wide(s.name)]);
  const head = [
    ...bof(0x0005),
    ...rec(0x0022, u16(0)),
    ...rec(0x041e, [...u16(164), ...ustr("yyyy-mm-dd")]),
    ...xf(0),
    ...xf(164),
    ...xf(14),
    ...xf(10),
  ];
  const tail = [...rec(0x00fc, sst), ...rec(0x003c, cont), ...eof()];
  const boundLength = sheets.reduce((n, s) => n + boundsheet(0, s).length, 0);
  const first = [
    ...bof(0x0010),
    ...rec(0x00fd, [...cell(0, 0), ...u32(0)]),
    ...rec(0x00fd, [...cell(0, 1), ...u32(1)]),
    ...rec(0x027e, [...cell(1, 1), ...u32(rkInt(12345, true))]),
    // MULRK: 1.5 as the top half of a double, then 43831 under the custom date format.
    ...rec(0x00bd, [...u16(2), ...u16(1), ...u16(0), ...u32(0x3ff80000), ...u16(1), ...u32(rkInt(43831)), ...u16(2)]),
    ...rec(0x0203, [...cell(3, 1), ...f64(3120000.5)]),
    ...rec(0x0006, [...cell(4, 1), ...f64(99), ...u16(0), ...u32(0), ...u16(0)]),
    ...rec(0x0006, [...cell(4, 2), 0, 0, 0, 0, 0, 0, 0xff, 0xff, ...u16(0), ...u32(0), ...u16(0)]),
    ...rec(0x0207, ustr("计算结果")),
    ...rec(0x0006, [...cell(4, 3), 1, 0, 1, 0, 0, 0, 0xff, 0xff, ...u16(0), ...u32(0), ...u16(0)]),
    ...rec(0x0006, [...cell(4, 4), 2, 0, 0x07, 0, 0, 0, 0xff, 0xff, ...u16(0), ...u32(0), ...u16(0)]),
    ...rec(0x0205, [...cell(5, 1), 0x2a, 1]),
    ...rec(0x0205, [...cell(5, 2), 0, 0]),
    ...rec(0x0204, [...cell(6, 0), ...ustr("文本")]),
    ...rec(0x00fd, [...cell(7, 0), ...u32(2)]),
    ...rec(0x00fd, [...cell(7, 1), ...u32(3)]),
    ...rec(0x00fd, [...cell(8, 0), ...u32(4)]),
    ...rec(0x0203, [...cell(9, 0, 2), ...f64(2)]), // built-in date format 14: 1900-01-02
    ...rec(0x0203, [...cell(9, 1, 3), ...f64(0.125)]), // 0.00%: a number
    // A chart inside the sheet: its records are not the sheet's cells.
    ...bof(0x0020),
    ...rec(0x0203, [...cell(0, 5), ...f64(777)]),
    ...eof(),
    ...rec(0x00e5, [...u16(1), ...u16(8), ...u16(8), ...u16(0), ...u16(2)]),
    ...eof(),
  ];
  const second = [...bof(0x0010), ...rec(0x0203, [...cell(0, 0), ...f64(7)]), ...eof()];
  const third = [...bof(0x0010), ...rec(0x0203, [...cell(0, 0), ...f64(8)]), ...eof()];
  const chart = [...bof(0x0020), ...eof()];
  const start = head.length + boundLength + tail.length;
  const offsets = [start, start + first.length, start + first.length + second.length, start + first.length + second.length + third.length];
  return new Uint8Array([
    ...head,
    ...sheets.flatMap((s, i) => boundsheet(offsets[i], s)),
    ...tail,
    ...first,
    ...second,
    ...third,
    ...chart,
  ]);
}

const sortedMerges = (g: CellGrid): MergedArea[] =>
  [...g.merges].sort((a, b) => a.top - b.top || a.left - b.left || a.bottom - b.bottom || a.right - b.right);

describe("old .xls workbooks (BIFF8)", () => {
  test("records built by code: strings across a CONTINUE, RK/MULRK, formulas' values, errors, dates, merges, sheet kinds", () => {
    const grids = readWorkbookStream(workbookStream(), "t.xls");
    expect(grids.map((g) => g.sheet)).toEqual(["表一", "隐藏"]); // very hidden and chart sheets are not data
    const [g] = grids;
    expect(g.values).toEqual([
      ["项目", "预算数"],
      [null, 123.45],
      [null, 1.5, { date: "2020-01-01" }],
      [null, 3120000.5],
      [null, 99, "计算结果", true, { error: "#DIV/0!" }],
      [null, { error: "#N/A" }, false],
      ["文本"],
      ["abc决算数", "富文本"],
      ["合计"],
      [{ date: "1900-01-02" }, 0.125],
    ]);
    expect(g.merges).toEqual([{ top: 8, left: 0, bottom: 8, right: 2 }]);
    expect(grids[1].values).toEqual([[7]]);
  });

  test("a string cut across records takes its new width from the flags byte of the next piece", () => {
    const reader = new PieceReader([new Uint8Array([4, 0, 0, ...latin("ab")]), new Uint8Array([1, ...wide("预算")])]);
    expect(reader.unicodeString()).toBe("ab预算");
    expect(reader.done).toBe(true);
  });

  test("written by Excel: dates, non-ASCII sheet names, a merge beyond the used range (xlrd's Formate.xls)", async () => {
    const grids = await readWorkbookGrids(fixture("Formate.xls"), "Formate.xls", NODE_CODEC);
    expect(grids.map((g) => g.sheet)).toEqual(["Blätt1", "ÖÄÜ", "Blätt3", "Formate"]);
    const [b1, oau, b3] = grids;
    expect(b1.values.map((r) => r[0])).toEqual([
      "Huber",
      "Äcker",
      "Öcker",
      "Morgen",
      "Mittag",
      "Abends",
      "gut",
      "schlecht",
      "viel",
      "wenig",
    ]);
    expect(b1.values.slice(0, 3).map((r) => r[1])).toEqual([{ date: "1907-07-03" }, { date: "2005-02-23" }, { date: "1988-05-03" }]);
    expect(b1.values[6][1]).toBe(0.974);
    expect(oau.values[0][0]).toBe(-100);
    // C3:E5 is merged, but nothing is used right of C or below 3: clipped to the used range it is one cell, as in an .xlsx.
    expect(oau.merges).toEqual([]);
    expect(oau.values[2][2]).toBe("MERGED CELLS");
    expect(b3.values.map((r) => r[0])).toEqual([100, 200, 300, 400, 500, 600, 700, 800, 900, 1000, 1100, 1200]);
  });

  test("a Workbook stream small enough to live in the mini stream (xlrd's ragged.xls)", async () => {
    const cfb = openCompoundFile(fixture("ragged.xls"));
    expect(cfb.stream("Workbook")?.length).toBeLessThan(4096);
    const [g] = await readWorkbookGrids(fixture("ragged.xls"), "ragged.xls", NODE_CODEC);
    expect(g.values).toEqual([["a", "b", "c"], ["d", "e"], ["f"], ["g", "h", "I", "j"], ["k", null, null, "l"]]);
  });

  test("the sample workbook saved as .xls by LibreOffice reads as the .xlsx does, and checks the same", async () => {
    const xlsxPath = join(__dirname, "..", "..", "assets", "sample-juesuan-2020.xlsx");
    const fromXlsx = await readWorkbookGrids(new Uint8Array(readFileSync(xlsxPath)), "sample.xlsx", NODE_CODEC);
    const fromXls = await readWorkbookGrids(convert(xlsxPath, "xls"), "sample.xls", NODE_CODEC);
    expect(fromXls.map((g) => ({ ...g, merges: sortedMerges(g) }))).toEqual(fromXlsx.map((g) => ({ ...g, merges: sortedMerges(g) })));
    const a = checkWorkbook(fromXlsx, DEFAULT_SETTINGS);
    const b = checkWorkbook(fromXls, DEFAULT_SETTINGS);
    expect(b.findings).toEqual(a.findings);
    expect(b.findings.length).toBeGreaterThan(0);
  }, 120_000);

  test("the Word pane's door reads an .xls too (no stored settings in one)", async () => {
    const { grids, storedSettings } = await readWorkbookFile(fixture("ragged.xls"), "ragged.xls");
    expect(grids[0].values[0]).toEqual(["a", "b", "c"]);
    expect(storedSettings).toBeNull();
  });

  test.each([
    ["cut in half", (b: Uint8Array) => b.subarray(0, Math.floor(b.length / 2))],
    // Shorter than a header: still the .xls reader's to refuse, not the .xlsx door's “check reads .xls files”.
    ["cut to 300 bytes", (b: Uint8Array) => b.subarray(0, 300)],
    [
      "a FAT chain that loops",
      (b: Uint8Array) => {
        const copy = b.slice();
        const view = new DataView(copy.buffer);
        const fat = view.getUint32(76, true); // the first FAT sector
        const at = (fat + 1) * 512;
        for (let i = 0; i < 128; i++) view.setUint32(at + i * 4, i, true); // every sector points at itself
        return copy;
      },
    ],
  ])("a damaged .xls (%s) is a file that cannot be read, never a crash", async (_, damage) => {
    const bad = damage(fixture("Formate.xls"));
    await expect(readWorkbookGrids(bad, "bad.xls", NODE_CODEC)).rejects.toThrow(UnusableInputError);
    await expect(readWorkbookGrids(bad, "bad.xls", NODE_CODEC)).rejects.toThrow(/无法读取工作簿/);
  });

  test.each([
    ["its Workbook stream 4 GB long", "Formate.xls", (v: DataView, dir: number) => v.setUint32(dir + 128 + 120, 4_000_000_000, true)],
    ["a mini FAT of 8 million sectors", "ragged.xls", (v: DataView) => v.setUint32(64, 8_000_000, true)],
    ["more FAT sectors than the file has", "Formate.xls", (v: DataView) => v.setUint32(44, 1_000_000, true)],
  ])("sizes a damaged .xls claims (%s) are checked against the file before anything is allocated", async (_, name, damage) => {
    const copy = fixture(name).slice();
    const view = new DataView(copy.buffer);
    damage(view, (view.getUint32(48, true) + 1) * 512);
    const before = process.memoryUsage().arrayBuffers;
    await expect(readWorkbookGrids(copy, "bad.xls", NODE_CODEC)).rejects.toThrow(/无法读取工作簿/);
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(64 * 1048576);
  });

  test("a BIFF8 workbook in a stream named Book (as some writers name it) is read, not refused as Excel 95", async () => {
    const copy = fixture("Formate.xls").slice();
    const view = new DataView(copy.buffer);
    const entry = (view.getUint32(48, true) + 1) * 512 + 128; // the Workbook entry, after the root
    expect(String.fromCharCode(...Array.from({ length: 8 }, (_, i) => view.getUint16(entry + 2 * i, true)))).toBe("Workbook");
    copy.fill(0, entry, entry + 64);
    [..."Book"].forEach((c, i) => view.setUint16(entry + 2 * i, c.charCodeAt(0), true));
    view.setUint16(entry + 64, 10, true);
    const grids = await readWorkbookGrids(copy, "book.xls", NODE_CODEC);
    expect(grids.map((g) => g.values)).toEqual((await readWorkbookGrids(fixture("Formate.xls"), "f.xls", NODE_CODEC)).map((g) => g.values));
  });

  test("the text result of a shared or array formula comes after its SHRFMLA or ARRAY record, and is kept", () => {
    const stringFormula = (r: number, c: number) =>
      rec(0x0006, [...cell(r, c), 0, 0, 0, 0, 0, 0, 0xff, 0xff, ...u16(0), ...u32(0), ...u16(0)]);
    const sheet = [
      ...stringFormula(0, 0),
      ...rec(0x04bc, [...u16(0), ...u16(1), 0, 0, 0, 0, ...u16(0)]), // SHRFMLA
      ...rec(0x0207, ustr("一般公共预算")),
      ...stringFormula(1, 0),
      ...rec(0x0207, ustr("政府性基金")),
      ...stringFormula(2, 0),
      ...rec(0x0221, [...u16(2), ...u16(2), 0, 0, 0, 0, ...u32(0), ...u16(0)]), // ARRAY
      ...rec(0x0207, ustr("国有资本经营")),
    ];
    const sst = [...u32(1), ...u32(1), ...ustr("x")];
    const head = [...bof(0x0005), ...xf(0)];
    const bound = (offset: number) => rec(0x0085, [...u32(offset), 0, 0, 2, 1, ...wide("表1")]);
    const tail = [...rec(0x00fc, sst), ...eof()];
    const start = head.length + bound(0).length + tail.length;
    const stream = new Uint8Array([...head, ...bound(start), ...tail, ...bof(0x0010), ...sheet, ...eof()]);
    expect(readWorkbookStream(stream, "t.xls")[0].values).toEqual([["一般公共预算"], ["政府性基金"], ["国有资本经营"]]);
  });

  test("Excel 95 and older say so", async () => {
    const biff4 = new Uint8Array([0x09, 0x04, 0x06, 0x00, 0x00, 0x00, 0x10, 0x00, 0, 0]);
    await expect(readWorkbookGrids(biff4, "old.xls", NODE_CODEC)).rejects.toThrow(/Excel 95 或更早/);
  });
});
