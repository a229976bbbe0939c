import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { Document, Packer, Paragraph, Table, TableCell, TableRow } from "docx";
import { AuditJsonSchema } from "../../src/core/audit/audit-json";
import { docxText } from "../../src/word/read-report-text";
import { unwrapLines } from "../../src/core/audit/normalise";
import { cli, tmp } from "../support/run-cli";

const SAMPLE = join(__dirname, "..", "..", "assets", "sample-juesuan-2020.xlsx");
const REPORT = [
  "“公务接待费”本年数为1.71万元，上年数为5.10万元，较上年减少3.39万元。",
  "“办公经费”本年数为22.37万元，上年数为27.25万元，较上年支出减少4.88万元。",
  "“公务用车购置及运行维护费”本年数为3.07元，上年数为8.65万元，本年数较上年数增加5.58万元。",
].join("\n");

/** GB18030 bytes for a Chinese .txt as Windows writes it (no encoder in Node: built from a decoder's table). */
function gb18030(text: string): Uint8Array {
  const decoder = new TextDecoder("gb18030");
  const table = new Map<string, number[]>();
  for (let a = 0x81; a <= 0xfe; a++)
    for (let b = 0x40; b <= 0xfe; b++) if (b !== 0x7f) table.set(decoder.decode(new Uint8Array([a, b])), [a, b]);
  const out: number[] = [];
  for (const ch of text) out.push(...(ch.charCodeAt(0) < 0x80 ? [ch.charCodeAt(0)] : (table.get(ch) ?? [0x3f])));
  return new Uint8Array(out);
}

describe("juesuan audit", () => {
  test("a GB18030 .txt, against the workbook: --json in the finding shape, each with its paragraph and sentence", async () => {
    const path = join(tmp(), "报告.txt");
    writeFileSync(path, gb18030(REPORT));
    const r = await cli(["audit", path, "--workbook", SAMPLE, "--json"]);
    expect(r.code).toBe(0);
    const doc = AuditJsonSchema.parse(JSON.parse(r.out));
    expect(doc.findings.map((f) => [f.rule, f.cell, f.data.stated])).toEqual([
      ["text-vs-table", "P1", "1.71万元"], // the table says 1.61 (三公经费!D9)
      ["text-unit", "P3", "3.07元"],
      ["text-direction", "P3", "增加5.58万元"],
    ]);
    expect(doc.findings[0].data).toMatchObject({
      tableSheet: "三公经费",
      tableCell: "D9",
      quote: "“公务接待费”本年数为1.71万元，上年数为5.10万元，较上年减少3.39万元。",
    });
    expect(doc.findings.every((f) => f.sheet === "报告.txt")).toBe(true);
  });

  test("without the workbook, only the report's own arithmetic; plain output in Chinese", async () => {
    const path = join(tmp(), "report.txt");
    writeFileSync(path, REPORT);
    const r = await cli(["audit", path]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/核对 \d+ 处/);
    expect(r.out).toContain("第3段 报告：增减方向不符");
    expect(r.out).not.toContain("与表格不符");
  });

  test("nothing found among relations checked is said apart from nothing to check at all", async () => {
    const dir = tmp();
    const none = join(dir, "无关系.txt");
    // Figures, but no relation among them to check.
    writeFileSync(none, "2021年度部门收入预算1234.56万元。单位办公用房面积800平方米。");
    expect((await cli(["audit", none])).out).toContain(
      "核对 0 处，0 处无法判读已跳过。\n没有找到可以核对的数字关系（这不说明报告没有问题）。",
    );
    // 福建 2016 (http://finance.3news.cn/gn/2017/0830/213068.html) with its 降幅 as it should be: 0.88 ÷ 3.17 = 27.76 %.
    const clean = join(dir, "相符.txt");
    writeFileSync(clean, "2016年省级“三公”经费支出2.29亿元,比上年减少支出0.88亿元,降幅27.8%。");
    expect((await cli(["audit", clean])).out).toMatch(/核对 1 处，0 处无法判读已跳过。\n未发现问题。/);
  });

  test("a .docx report (our own draft) audits clean against its workbook", async () => {
    const docx = join(tmp(), "draft.docx");
    expect((await cli(["report", SAMPLE, "-o", docx, "--template", "final-accounts"])).code).toBe(0);
    const r = await cli(["audit", docx, "--workbook", SAMPLE, "--json"]);
    const doc = AuditJsonSchema.parse(JSON.parse(r.out));
    expect(doc.findings).toEqual([]);
    expect(doc.checked).toBeGreaterThan(20);
  });

  test("a table in a .docx is read row by row, its cells separated by tabs, paragraphs around it kept", async () => {
    const cell = (t: string) => new TableCell({ children: [new Paragraph(t)] });
    const doc = new Document({
      sections: [
        {
          children: [
            new Paragraph("“三公”经费支出情况如下表："),
            new Table({
              rows: [
                new TableRow({ children: ["项目", "上年数", "本年数"].map(cell) }),
                new TableRow({ children: ["公务接待费", "5.10", "1.71"].map(cell) }),
              ],
            }),
            new Paragraph("（单位：万元）"),
          ],
        },
      ],
    });
    const text = await docxText(new Uint8Array(await Packer.toBuffer(doc)));
    expect(text.split("\n")).toEqual(["“三公”经费支出情况如下表：", "项目\t上年数\t本年数", "公务接待费\t5.10\t1.71", "（单位：万元）"]);
  });

  test("unusable reports: exit 2 with a clear message", async () => {
    const dir = tmp();
    const empty = join(dir, "empty.txt");
    writeFileSync(empty, "");
    const old = join(dir, "old.doc");
    writeFileSync(old, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0, 0]));
    for (const [file, msg] of [
      [empty, /文件为空/],
      [old, /旧版 \.doc/],
    ] as const) {
      const r = await cli(["audit", file]);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(msg);
    }
  });
});

describe("a .txt copied from a PDF: its printed lines are joined back into paragraphs", () => {
  test("wrapped prose joins; items, headings, table rows, short lines and ended sentences do not", () => {
    const text = [
      "二、收入预算情况",
      "2023年本年一般公共预算基本支出911000.39元，其中：人员经费",
      "809961.19元，公用经费71339.2元。",
      "（一）人员经费",
      "项目  2022年  2023年",
      "合计 881300.39 911000.39 3.37",
      "本表为空表。",
      "下一段。",
    ].join("\n");
    expect(unwrapLines(text).split("\n")).toEqual([
      "二、收入预算情况",
      "2023年本年一般公共预算基本支出911000.39元，其中：人员经费809961.19元，公用经费71339.2元。",
      "（一）人员经费",
      "项目  2022年  2023年",
      "合计 881300.39 911000.39 3.37",
      "本表为空表。",
      "下一段。",
    ]);
  });

  test("the published 梧州 2023 budget text with its PDF line breaks: the 基本支出 that is not its parts is found", async () => {
    // http://117.141.250.58:10060/wzyjsgkpt/uploadFile/upload1284/upload20230330/F81E71B98EB0CEC7E44621E17170A7D9.html
    const dir = tmp();
    const file = join(dir, "梧州.txt");
    writeFileSync(
      file,
      [
        "一般公共预算基本支出 881300.39 元,其中:人员经费 809961.19 元,公用",
        "经费 71339.2 元。",
        "2023 年本年一般公共预算基本支出 911000.39 元,其中:人员经费",
        "809961.19 元,主要包括:基本工资、津贴补贴;公用经费 71339.2 元,",
        "主要包括:办公费、印刷费。",
      ].join("\n"),
    );
    const r = await cli(["audit", file, "--json"]);
    const doc = AuditJsonSchema.parse(JSON.parse(r.out));
    expect(doc.findings.map((f) => [f.rule, f.data.stated, f.data.expected])).toEqual([["text-sum", "911000.39元", "881300.39元"]]);
  });
});
