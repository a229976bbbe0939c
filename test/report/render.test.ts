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
});
