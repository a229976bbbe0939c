import { writeFileSync } from "node:fs";
import { sampleWorkbook } from "./sample-workbook";
import { workbookBytes } from "./workbook-builder";

/** Regenerates assets/sample-juesuan-2020.xlsx from its description in sample-workbook.ts. */
async function main(): Promise<void> {
  const path = process.argv[2] ?? "assets/sample-juesuan-2020.xlsx";
  writeFileSync(path, await workbookBytes(sampleWorkbook()));
  console.log(`写入 ${path}`);
}
void main();
