import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { strToU8, zipSync } from "fflate";
import { readWorkbookGrids } from "../../src/xlsx/read-workbook";
import { cli, tmp } from "../support/run-cli";
import { partText, unzipParts } from "../support/xlsx-raw";
import { libreOfficeWorkbook } from "../xlsx/support/libreoffice";
import { buildXlsx, budgetTable, rowsXml, S } from "../xlsx/support/ooxml";
import type { Cell } from "../xlsx/support/ooxml";
import { expectPreserved } from "../xlsx/support/preserved";
import { richWorkbook } from "../xlsx/support/rich-workbook";

/** Issue 13, bullet by bullet, through the command line. */
const file = (bytes: Uint8Array, name = "in.xlsx") => {
  const p = join(tmp(), name);
  writeFileSync(p, bytes);
  return p;
};
const expectTwoLines = (err: string) => expect(err).toMatch(/^错误：[^\n]*[\u4e00-\u9fff][^\n]*\nError: [^\n]+\n$/);
const withCell = (cell: Cell): Uint8Array =>
  buildXlsx({ sheets: [{ name: "经济分类", data: rowsXml([...budgetTable().slice(0, 4), ["30202", "印刷费", cell, 13.1]]) }] });

describe("sheets never damages a workbook", () => {
  test("charts, a chart sheet, sparklines, a pivot table and local names come through with every part byte-identical", async () => {
    const input = file(richWorkbook());
    const out = join(tmp(), "out.xlsx");
    const r = await cli(["sheets", input, "-o", out]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("原有工作表未改动");
    expectPreserved(readFileSync(input), readFileSync(out));
  });

  test("a LibreOffice workbook with a table object (no tableStyleInfo): exit 0, every part byte-identical, same names", async () => {
    const input = file(libreOfficeWorkbook());
    const out = join(tmp(), "out.xlsx");
    const r = await cli(["sheets", input, "-o", out]);
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    expectPreserved(readFileSync(input), readFileSync(out));
    const wb = partText(unzipParts(readFileSync(out)), "xl/workbook.xml");
    expect(wb).toContain('localSheetId="0" name="本表数据" vbProcedure="false">经济分类!$A$2:$C$5</definedName>');
    expect(wb).toContain('name="全部数据" vbProcedure="false">经济分类!$A$1:$F$12</definedName>');
  });

  test("sheets X -o X is refused and X is unchanged", async () => {
    const input = file(richWorkbook());
    const before = readFileSync(input);
    const r = await cli(["sheets", input, "-o", input]);
    expect(r.code).toBe(2);
    expectTwoLines(r.err);
    expect(Buffer.compare(readFileSync(input), before)).toBe(0);
  });

  test("ISO date cells and time-formatted fractions keep their bytes; read as dates, never as a year or a drifted float", async () => {
    const input = file(richWorkbook());
    const out = join(tmp(), "out.xlsx");
    expect((await cli(["sheets", input, "-o", out])).code).toBe(0);
    const sheet = partText(unzipParts(readFileSync(out)), "xl/worksheets/sheet1.xml");
    expect(sheet).toContain('<c r="E3" t="d"><v>2020-05-01T00:00:00Z</v></c>');
    expect(sheet).toContain(`<c r="E4" s="${S.dateTime}"><v>28.51</v></c>`);
    const [grid] = await readWorkbookGrids(readFileSync(out), "out.xlsx");
    expect([grid.values[2][4], grid.values[3][4]]).toEqual([{ date: "2020-05-01" }, { date: "1900-01-28T12:14:24" }]);
  });

  test("malformed references making overlapping merges: the copy is written only when it reads back the same", async () => {
    const bytes = buildXlsx({
      sheets: [
        {
          name: "经济分类",
          data: rowsXml(budgetTable()).replace('r="B4"', 'r="B0"'),
          after: '<mergeCells><mergeCell ref="A1:D2"/><mergeCell ref="B2:C9"/><mergeCell ref="A0:Q"/></mergeCells>',
        },
      ],
    });
    const out = join(tmp(), "out.xlsx");
    const r = await cli(["sheets", file(bytes), "-o", out]);
    expect(r.code).toBe(0);
    const grids = await readWorkbookGrids(readFileSync(out), "out.xlsx");
    expect(grids[0].merges).toEqual([{ top: 0, left: 0, bottom: 1, right: 3 }]);
  });
});

describe("ordinary data never fails", () => {
  test.each(["check", "sheets", "report"])(
    "a date-formatted 123456789 in an amount column: %s exits 0, the cell is a bad-value finding",
    async (command) => {
      const input = file(withCell({ raw: `<c r="{ref}" s="${S.date}"><v>123456789</v></c>` }));
      const argv =
        command === "check" ? ["check", input, "--json"] : [command, input, "-o", join(tmp(), command === "sheets" ? "o.xlsx" : "o.docx")];
      const r = await cli(argv);
      expect(r.err).toBe("");
      expect(r.code).toBe(0);
      if (command === "check")
        expect(JSON.parse(r.out).findings).toContainEqual(
          expect.objectContaining({ rule: "bad-value", cell: "C5", data: expect.objectContaining({ reason: "date", text: "123456789" }) }),
        );
    },
  );

  test("date cells (serial or ISO) in amount columns are bad values, never a year", async () => {
    const r = await cli(["check", file(withCell({ raw: '<c r="{ref}" t="d"><v>2020-05-01</v></c>' })), "--json"]);
    const doc = JSON.parse(r.out);
    expect(doc.findings).toContainEqual(
      expect.objectContaining({ rule: "bad-value", cell: "C5", data: expect.objectContaining({ reason: "date" }) }),
    );
    expect(JSON.stringify(doc)).not.toContain("2020.00");
  });

  test("a folder with such a file: every file is a row", async () => {
    const dir = tmp();
    writeFileSync(join(dir, "甲.xlsx"), withCell({ raw: `<c r="{ref}" s="${S.date}"><v>123456789</v></c>` }));
    writeFileSync(join(dir, "乙.xlsx"), withCell(12.5));
    const r = await cli(["check", dir]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/甲\.xlsx\t1\t1\t/);
    expect(r.out).toMatch(/乙\.xlsx\t1\t/);
  });

  test('"1e999999999" in an amount cell is a bad-value finding, as text or as a number part', async () => {
    for (const cell of ["1e999999999", { raw: '<c r="{ref}"><v>1e999999999</v></c>' }] as Cell[]) {
      const r = await cli(["check", file(withCell(cell)), "--json"]);
      expect(r.code).toBe(0);
      expect(JSON.parse(r.out).findings).toContainEqual(
        expect.objectContaining({ rule: "bad-value", cell: "C5", data: expect.objectContaining({ reason: "too-large" }) }),
      );
    }
  });

  test('"-0.00" never appears, in JSON or in the plain review', async () => {
    const bytes = buildXlsx({
      sheets: [
        {
          name: "经济分类",
          data: rowsXml([
            ["单位：万元"],
            ["科目编码", "科目名称", "预算数", "决算数", "上年数"],
            ["30201", "办公费", 1, 0.999999, 1.000001],
            ["30202", "印刷费", 0.000001, 0, -0.000001],
          ]),
        },
      ],
    });
    const input = file(bytes);
    for (const argv of [
      ["check", input, "--json"],
      ["check", input],
    ]) {
      const r = await cli(argv);
      expect(r.code).toBe(0);
      expect(r.out).not.toMatch(/(^|[^\d])-0\.0+(?!\d*[1-9])/);
    }
  });
});

describe("work bounded by what the file holds", () => {
  test("one cell at XFD1048576 in a small file: done in moments", async () => {
    const bytes = buildXlsx({
      sheets: [{ name: "经济分类", data: rowsXml(budgetTable()) + '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>' }],
    });
    expect(bytes.length).toBeLessThan(8000);
    const t0 = Date.now();
    for (const argv of [
      ["check", file(bytes), "--json"],
      ["sheets", file(bytes), "-o", join(tmp(), "o.xlsx")],
    ])
      expect((await cli(argv)).code).toBe(0);
    expect(Date.now() - t0).toBeLessThan(5000);
  });

  test("a merge of F1:XFD1048576 is never expanded cell by cell", async () => {
    const bytes = buildXlsx({
      sheets: [
        { name: "经济分类", data: rowsXml(budgetTable()), after: '<mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>' },
      ],
    });
    const t0 = Date.now();
    expect((await cli(["check", file(bytes), "--json"])).code).toBeLessThanOrEqual(2);
    expect(Date.now() - t0).toBeLessThan(5000);
  });

  test("a small zip that would expand to gigabytes: exit 2 with the message, before inflating", async () => {
    // 3 GB declared in the central directory for a few bytes of data.
    const parts = unzipParts(buildXlsx({ sheets: [{ name: "表", data: rowsXml(budgetTable()) }] }));
    const bytes = zipSync({ ...parts, "xl/worksheets/sheet1.xml": new Uint8Array(16 * 1024 * 1024) }, { level: 9 });
    const r = await cli(["check", file(bytes), "--json"]);
    expect(r.code).toBe(2);
    expectTwoLines(r.err);
    expect(r.err).toMatch(/解压后过大或压缩比异常/);
    const forged = zipSync({ "xl/workbook.xml": strToU8("<workbook/>") });
    const v = new DataView(forged.buffer);
    let cd = forged.length - 22;
    cd = v.getUint32(cd + 16, true);
    v.setUint32(cd + 24, 3_000_000_000, true); // the uncompressed size, in the central record
    v.setUint32(v.getUint32(cd + 42, true) + 22, 3_000_000_000, true); // and in the local header
    const bomb = await cli(["check", file(forged), "--json"]);
    expect(bomb.code).toBe(2);
    expect(bomb.err).toMatch(/解压后过大或压缩比异常/);
  });
});
