import { readFileSync, writeFileSync, existsSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { checkWorkbook, DEFAULT_SETTINGS } from "../../src/core";
import { readWorkbookGrids } from "../../src/xlsx/read-workbook";
import { NODE_CODEC } from "../../src/xlsx/node-codec";

async function main() {
  const file = process.argv[2];
  const bytes = new Uint8Array(readFileSync(file));
  const t0 = performance.now();
  const grids = await readWorkbookGrids(bytes, "x.xlsx", NODE_CODEC);
  const t1 = performance.now();
  const a = checkWorkbook(grids, DEFAULT_SETTINGS);
  const t2 = performance.now();
  console.log(`parse ${Math.round(t1 - t0)} ms, analyse ${Math.round(t2 - t1)} ms, tables ${a.tables.length} findings ${a.findings.length}`);
}
void main();
