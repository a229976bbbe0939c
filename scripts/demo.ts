import { mkdirSync, writeFileSync } from "node:fs";
import { run } from "../src/cli/main";

/** `npm run demo`: the main job on the sample workbook; every output lands in out/. */
const SAMPLE = "assets/sample-juesuan-2020.xlsx";

async function step(label: string, argv: string[], outFile?: string): Promise<void> {
  let text = "";
  const code = await run(argv, { out: (t) => (text += t), err: (t) => process.stderr.write(t) });
  if (code !== 0) throw new Error(`${label} 失败（退出码 ${code}）`);
  if (outFile) writeFileSync(outFile, text);
  console.log(`✓ ${label}${outFile ? ` → ${outFile}` : ""}`);
  if (label === "检查（文字）") process.stdout.write(text);
}

async function main(): Promise<void> {
  mkdirSync("out", { recursive: true });
  await step("检查（文字）", ["check", SAMPLE], "out/check.txt");
  await step("检查（JSON）", ["check", SAMPLE, "--json"], "out/check.json");
  await step("结果表", ["sheets", SAMPLE, "-o", "out/sample-with-results.xlsx", "--force"]);
  await step("绩效评价报告", ["report", SAMPLE, "-o", "out/report-performance.docx", "--template", "performance", "--force"]);
  await step("决算说明", ["report", SAMPLE, "-o", "out/report-final-accounts.docx", "--template", "final-accounts", "--force"]);
  await step("绩效自评报告", ["report", SAMPLE, "-o", "out/report-self-evaluation.docx", "--template", "self-evaluation", "--force"]);
  await step("核对报告（决算说明对照工作簿）", ["audit", "out/report-final-accounts.docx", "--workbook", SAMPLE], "out/audit.txt");
}

main().catch((e: Error) => {
  console.error(e.message);
  process.exitCode = 1;
});
