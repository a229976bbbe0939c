import JSZip from "jszip";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Document, Packer, Paragraph, TextRun } from "docx";
import { checkWorkbook, DEFAULT_SETTINGS, draftReport, templateFields, UnusableInputError } from "../../src/core";
import { readWorkbookGrids } from "../../src/xlsx/read-workbook";
import { fillReportTemplate, templateTags } from "../../src/word/fill-template";
import { templateDocument } from "../../scripts/report-template-example";
import { WRONG_CLASS, withCells } from "../support/grid";
import { cli, tmp } from "../support/run-cli";

/** The unit's own Word template, filled from the draft's facts: fields, loops, the template's styles untouched. */
const SAMPLE = join(__dirname, "..", "..", "assets", "sample-juesuan-2020.xlsx");

/** The sample with its 农林水 类 row made wrong (E18 and its 项目支出 G18, the 合计 moved with them), so one stated figure carries 【请核对】. */
async function sampleFields() {
  const grids = await readWorkbookGrids(readFileSync(SAMPLE), "sample.xlsx");
  const a = checkWorkbook(withCells(grids, "功能分类支出决算", WRONG_CLASS), DEFAULT_SETTINGS);
  const draft = draftReport("final-accounts", a, DEFAULT_SETTINGS);
  return templateFields(draft.facts, { unit: "万元", decimals: 2 }, draft.model);
}

const docText = async (bytes: Uint8Array) => {
  const zip = await JSZip.loadAsync(bytes);
  const xml = await zip.file("word/document.xml")!.async("string");
  return {
    zip,
    paragraphs: [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) =>
      [...p[0].matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(""),
    ),
  };
};

test("the example template: fields filled from the facts, one paragraph per 类, one table row per 项, styles kept", async () => {
  const template = new Uint8Array(await Packer.toBuffer(templateDocument()));
  const filled = fillReportTemplate(template, await sampleFields());
  const { zip, paragraphs } = await docText(filled);
  const text = paragraphs.join("\n");
  expect(paragraphs[0]).toBe("绥宁县河口苗族乡人民政府");
  expect(text).toContain("2020年度一般公共预算财政拨款支出3281.76万元，年初预算1814.00万元，完成年初预算的180.91%。");
  expect(paragraphs.filter((p) => /（类）.*万元，占/.test(p))).toHaveLength(5);
  expect(text).toContain("农林水支出（类）1733.50【请核对：功能分类支出决算!E18与所属各项之和不符】万元");
  expect(paragraphs).toContain("2130599");
  expect(text).toContain("“三公”经费预算7.09万元，支出决算4.68万元，完成预算的66.01%；上年决算13.75万元。");
  expect(text).toContain("会议费3.40万元，培训费0.45万元。");
  expect(text).toContain("【请填写：收入总计】"); // the sample has no 收入支出决算总表: a visible placeholder
  expect(text).not.toMatch(/[{}]/);
  // The template's styles, numbering and settings are the template's own.
  const original = await JSZip.loadAsync(template);
  for (const part of ["word/styles.xml", "word/settings.xml", "word/numbering.xml"])
    expect(await zip.file(part)!.async("string")).toBe(await original.file(part)!.async("string"));
  expect(templateTags(template)).toEqual(
    expect.arrayContaining(["收入总计", "三公合计", "类", "项", "段落_财政拨款“三公”经费支出决算情况说明"]),
  );
});

test("a field the facts do not have is a visible placeholder; a broken template is unusable input, said plainly", async () => {
  const doc = (text: string) =>
    Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph({ children: [new TextRun(text)] })] }] }));
  const filled = fillReportTemplate(new Uint8Array(await doc("本年新增{不存在的字段}。")), await sampleFields());
  expect((await docText(filled)).paragraphs[0]).toBe("本年新增【请填写：不存在的字段】。");
  expect(() => fillReportTemplate(new Uint8Array(Buffer.from("not a zip")), {})).toThrow(UnusableInputError);
  const broken = new Uint8Array(await doc("{#类}{名称}"));
  expect(() => fillReportTemplate(broken, {})).toThrow(/Word 模板无法使用/);
  const dir = tmp();
  const bad = join(dir, "bad.docx");
  writeFileSync(bad, broken);
  const r = await cli(["report", SAMPLE, "-o", join(dir, "x.docx"), "--template-file", bad]);
  expect(r.code).toBe(2);
  expect(r.err).toMatch(/Word 模板无法使用/);
  const notDocx = await cli(["report", SAMPLE, "-o", join(dir, "x.docx"), "--template-file", join(dir, "模板.doc")]);
  expect(notDocx.code).toBe(2);
});
