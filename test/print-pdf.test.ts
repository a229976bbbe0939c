import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, readdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { cli, tmp } from "./support/run-cli";

/**
 * The written result sheets print as a clerk needs: each sheet through LibreOffice Calc to PDF is one page wide (every page
 * carries the repeated header row with its first and its last column), A4, with page numbers. PNGs of the first pages are
 * left in out/print/ to look at.
 */
jest.setTimeout(180_000);
const ROOT = join(__dirname, "..");
const SHEETS: Record<string, [string, string]> = {
  差异分析: ["科目编码", "标记"],
  三公经费对比: ["项目", "标记"],
  绩效评分表: ["一级指标", "数据来源"],
  审核说明: ["序号", "说明"],
};

test("each result sheet is one page wide in LibreOffice's PDF, with its header row on every page", async () => {
  const dir = tmp();
  const out = join(dir, "out.xlsx");
  expect((await cli(["sheets", join(ROOT, "assets", "sample-juesuan-2020.xlsx"), "-o", out])).code).toBe(0);
  // One copy per result sheet with every other sheet hidden: LibreOffice prints only visible sheets.
  const files: string[] = [];
  for (const name of Object.keys(SHEETS)) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    for (const ws of wb.worksheets) ws.state = ws.name === name ? "visible" : "hidden";
    wb.views = [{ activeTab: wb.worksheets.findIndex((w) => w.name === name) } as ExcelJS.WorkbookView];
    const f = join(dir, `${name}.xlsx`);
    await wb.xlsx.writeFile(f);
    files.push(f);
  }
  const profile = join(dir, "lo-profile");
  execFileSync(
    "soffice",
    ["--headless", "--norestore", `-env:UserInstallation=file://${profile}`, "--convert-to", "pdf", "--outdir", dir, ...files],
    { stdio: "ignore" },
  );
  const shots = join(ROOT, "out", "print");
  mkdirSync(shots, { recursive: true });
  for (const [name, [first, last]] of Object.entries(SHEETS)) {
    const pdf = join(dir, `${name}.pdf`);
    const info = execFileSync("pdfinfo", [pdf], { encoding: "utf8" });
    const pages = Number(/^Pages:\s+(\d+)/m.exec(info)![1]);
    const [w, h] = /Page size:\s+([\d.]+) x ([\d.]+)/.exec(info)!.slice(1).map(Number);
    expect([Math.abs(w - 841.89), Math.abs(h - 595.28)].every((d) => d < 1)).toBe(true); // A4 landscape
    for (let p = 1; p <= pages; p++) {
      const text = execFileSync("pdftotext", ["-f", String(p), "-l", String(p), pdf, "-"], { encoding: "utf8" }).replace(/\s/g, "");
      expect(text).toContain(first);
      expect(text).toContain(last);
      expect(text).toContain(`第${p}页，共${pages}页`);
    }
    for (const f of readdirSync(shots).filter((f) => f.startsWith(name))) rmSync(join(shots, f));
    execFileSync("pdftoppm", ["-png", "-r", "60", "-f", "1", "-l", "2", pdf, join(shots, name)]);
    copyFileSync(pdf, join(shots, `${name}.pdf`));
  }
});
