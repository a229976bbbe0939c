import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { cli, tmp } from "../support/run-cli";

/** The sample's reports through LibreOffice (installed by .ci/run): a CJK font, the text intact, PNG pages. */
jest.setTimeout(120_000);
const ROOT = join(__dirname, "..", "..");

test("the sample's three reports render to PDF and PNG with Chinese glyphs", async () => {
  const dir = tmp();
  const files: string[] = [];
  for (const t of ["performance", "final-accounts", "self-evaluation"]) {
    const f = join(dir, `report-${t}.docx`);
    expect((await cli(["report", join(ROOT, "assets", "sample-juesuan-2020.xlsx"), "-o", f, "--template", t])).code).toBe(0);
    files.push(f);
  }
  const out = execFileSync("bash", [join(ROOT, "scripts", "render-reports.sh"), join(dir, "render"), ...files], { encoding: "utf8" });
  expect(out.match(/✓/g)).toHaveLength(3);
  expect(existsSync(join(dir, "render", "report-performance-1.png"))).toBe(true);
  const text = execFileSync("pdftotext", [join(dir, "render", "report-performance.pdf"), "-"], { encoding: "utf8" });
  expect(text.replace(/\s/g, "")).toContain("部门整体支出绩效评价报告");
  expect(text.replace(/\s/g, "")).toContain("较上年减少9.07万元，下降65.96%");
  // The charts are drawn: their labels and values are in the page text.
  expect(text.replace(/\s/g, "")).toMatch(/工资福利支出：528\.09/);
  expect(text.replace(/\s/g, "")).toContain("图2：“三公”经费支出对比");
});

test("a report filled from the example template opens in LibreOffice with the template's own styles", async () => {
  const dir = tmp();
  const out = join(dir, "template-filled.docx");
  const template = join(ROOT, "assets", "决算说明模板示例.docx");
  expect((await cli(["report", join(ROOT, "assets", "sample-juesuan-2020.xlsx"), "-o", out, "--template-file", template])).code).toBe(0);
  const rendered = execFileSync("bash", [join(ROOT, "scripts", "render-reports.sh"), join(dir, "render"), out], { encoding: "utf8" });
  expect(rendered).toMatch(/✓/);
  const text = execFileSync("pdftotext", [join(dir, "render", "template-filled.pdf"), "-"], { encoding: "utf8" }).replace(/\s/g, "");
  expect(text).toContain("2020年度一般公共预算财政拨款支出3281.22万元，年初预算1814.00万元，完成年初预算的180.88%");
  expect(text).toContain("一般公共服务支出（类）1386.50万元，占42.26%");
  expect(text).not.toMatch(/\{[^}]*\}/); // every field filled
  // The template's fonts are the ones the PDF was set from (黑体 title, 楷体 headings mapped to what is installed).
  const fonts = execFileSync("pdffonts", [join(dir, "render", "template-filled.pdf")], { encoding: "utf8" });
  expect(fonts).toMatch(/CJK/);
});
