import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { performance } from "node:perf_hooks";
import vm from "node:vm";
import ExcelJS from "exceljs";
import { checkWorkbook, DEFAULT_SETTINGS, draftReport, resultSheets, writeCheckJson } from "../src/core";
import type { CellGrid } from "../src/core";
import { PAYLOAD_LIMIT } from "../src/excel/batching";
import { readGrids } from "../src/excel/read-grids";
import { renderPlans } from "../src/excel/render-plans";
import { checkFolder } from "../src/cli/batch";
import { reportBuffer } from "../src/word/render-docx";
import { NODE_CODEC } from "../src/xlsx/node-codec";
import { readWorkbookGrids } from "../src/xlsx/read-workbook";

/**
 * `npm run bench`: ratios and counts, not timed tests. Budgets (DESIGN.md): recognition + analysis ≤ 0.3 × the
 * .xlsx parse time and `--json` output ≤ 0.2 × on a county's 200 tables and on a 100,000-row workbook; the command
 * line's peak RSS on the 100,000-row workbook ≤ 600 MB; a constant number of context.sync calls; every request under 5 MB.
 */
const ANALYSIS_BUDGET = 0.3;
const JSON_BUDGET = 0.2;
const RSS_BUDGET = 600 * 1048576;
let seed = 20201231;
const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
const money = () => Math.round(rnd() * 100000) / 100;
/**
 * One line as real 决算 tables have them: 年初 and 全年 budgets, an actual a little under the 全年 budget
 * (2% over it, 3% far under), last year within ±10%. Independent random columns would put nearly
 * every line over the threshold, which no real workbook does.
 */
function line(): number[] {
  const initial = money();
  const final = Math.round(initial * (1 + (rnd() < 0.2 ? rnd() * 0.3 : 0)) * 100) / 100;
  // Mostly a little under the adjusted budget; 2% over it, 3% far under (unspent project money).
  const u = rnd();
  const drift = u < 0.02 ? 1 + rnd() * 0.2 : u < 0.05 ? 0.5 + rnd() * 0.4 : 0.9 + rnd() * 0.1;
  const actual = Math.round(final * drift * 100) / 100;
  const previous = Math.round(actual * (0.9 + rnd() * 0.2) * 100) / 100;
  return [initial, final, actual, previous];
}

function deptSheet(wb: ExcelJS.Workbook, name: string): void {
  const ws = wb.addWorksheet(name);
  ws.addRow([`${name}2023年基本支出预决算对比表`]);
  ws.addRow(["编制单位：某县" + name, null, null, null, null, null, "金额单位：万元"]);
  ws.addRow(["科目编码", "科目名称", "年初预算数", "全年预算数", "决算数", "上年决算数", "差异原因"]);
  const total = [0, 0, 0, 0];
  for (const cls of ["301", "302", "303"]) {
    const items = Array.from({ length: 99 }, () => line());
    const sums = [0, 1, 2, 3].map((k) => Math.round(items.reduce((s, it) => s + it[k] * 100, 0)) / 100);
    ws.addRow([cls, `类${cls}`, ...sums, ""]);
    items.forEach((it, i) =>
      ws.addRow([`${cls}${String(i + 1).padStart(2, "0")}`, `项目${cls}-${i + 1}`, ...it, rnd() < 0.1 ? "人员增资" : ""]),
    );
    sums.forEach((v, k) => (total[k] = Math.round((total[k] + v) * 100) / 100));
  }
  ws.addRow([null, "合计", ...total, ""]);
}

async function countyWorkbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  for (let d = 1; d <= 200; d++) deptSheet(wb, `部门${String(d).padStart(3, "0")}`);
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

async function bigWorkbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("功能分类明细");
  ws.addRow(["全县一般公共预算支出决算明细表"]);
  ws.addRow(["单位：元"]);
  ws.addRow(["科目编码", "科目名称", "年初预算数", "全年预算数", "决算数", "上年决算数"]);
  for (let c = 201; c <= 220; c++) {
    const classRow = ws.addRow([String(c), `类${c}`, 0, 0, 0, 0]);
    const classSum = [0, 0, 0, 0];
    for (let k = 1; k <= 50; k++) {
      const code = `${c}${String(k).padStart(2, "0")}`;
      const sectionRow = ws.addRow([code, `款${code}`, 0, 0, 0, 0]);
      const sum = [0, 0, 0, 0];
      for (let x = 1; x <= 99; x++) {
        const v = line().map((m) => Math.round(m * 100));
        v.forEach((n, i) => (sum[i] += n));
        ws.addRow([`${code}${String(x).padStart(2, "0")}`, `项${code}${x}`, ...v.map((n) => n / 100)]);
      }
      sum.forEach((n, i) => (classSum[i] += n));
      sectionRow.values = [code, `款${code}`, ...sum.map((n) => n / 100)];
    }
    classRow.values = [String(c), `类${c}`, ...classSum.map((n) => n / 100)];
  }
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

const ms = (t: number) => `${Math.round(t)} ms`;
const verdict = (ok: boolean) => (ok ? "达标" : "未达标");

/**
 * The command line as a clerk runs it (`juesuan check <file> --json`, output discarded), in a process of its own: its
 * peak RSS, read by a preloaded hook as the process exits (no /usr/bin/time needed), and its wall time.
 */
function cliRun(file: string, dir: string): { rss: number; ms: number } {
  const hook = join(dir, "rss-hook.js");
  const report = join(dir, "rss.txt");
  writeFileSync(
    hook,
    `process.on("exit", () => require("node:fs").writeFileSync(${JSON.stringify(report)}, String(process.resourceUsage().maxRSS)));\n`,
  );
  const cli = join(__dirname, "..", "src", "cli", "main.js");
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ["-r", hook, cli, "check", file, "--json"], { stdio: ["ignore", "ignore", "pipe"] });
  const took = performance.now() - t0;
  if (r.status !== 0) throw new Error(`juesuan check ${file} exited ${r.status}: ${r.stderr.toString()}`);
  return { rss: Number(readFileSync(report, "utf8")) * 1024, ms: took };
}
const mb = (b: number) => `${(b / 1048576).toFixed(1)} MB`;

/** Each phase pays for its own garbage: collect before it starts and before the clock stops. */
async function timed<T>(f: () => Promise<T> | T): Promise<[T, number]> {
  global.gc?.();
  const t0 = performance.now();
  const r = await f();
  global.gc?.();
  return [r, performance.now() - t0];
}

/** The simulated Excel host of the browser tests, run in a VM context: syncs and payload sizes as Office would see them. */
async function throughSimulatedHost(grids: CellGrid[]) {
  const window: Record<string, unknown> = { __FAKE_WORKBOOK__: { sheets: grids, apiVersion: "1.13" } };
  const context = vm.createContext({ window, Promise, Map, Set, JSON, Math, Number, String, Array, Object, Error, Proxy, Infinity });
  vm.runInContext(readFileSync(join(__dirname, "..", "..", "test", "e2e", "fake-office.js"), "utf8"), context);
  const Excel = window.Excel as { run: <T>(f: (ctx: Excel.RequestContext) => Promise<T>) => Promise<T> };
  const state = window.__fakeExcel as { syncs: number; largestRequest: number; largestResponse: number };
  const { grids: read, stats } = await Excel.run((ctx) => readGrids(ctx, true));
  const readSyncs = state.syncs;
  const analysis = checkWorkbook(read, DEFAULT_SETTINGS);
  const plans = resultSheets(analysis, DEFAULT_SETTINGS);
  const render = await Excel.run((ctx) => renderPlans(ctx, plans, { existing: new Map(), canChart: true }));
  return {
    readSyncs,
    writeSyncs: state.syncs - readSyncs,
    largestRequest: state.largestRequest,
    largestResponse: Math.max(state.largestResponse, stats.largestResponseBytes),
    outputRows: plans.reduce((n, p) => n + p.rows.length, 0),
    render: render.stats,
  };
}

/**
 * One workbook: parse, check, `--json` output, the simulated Excel host, the command line in a process of its own. A
 * function of its own so that nothing of the workbook (grids, analysis) outlives it into the batch measurement below.
 */
async function benchWorkbook(name: string, bytes: Uint8Array, budgeted: boolean, work: string, lines: string[]) {
  const file = join(work, `${name.replace(/[/\\:*?"<>|]/g, "_")}.xlsx`);
  writeFileSync(file, bytes);
  // BENCH_SAVE=<folder> keeps the generated workbooks, to profile or open them.
  if (process.env.BENCH_SAVE) writeFileSync(join(process.env.BENCH_SAVE, basename(file)), bytes);
  // As the command line reads: Node's zlib (the pane uses fflate; see the README table).
  const [grids, parse] = await timed(() => readWorkbookGrids(bytes, `${name}.xlsx`, NODE_CODEC));
  const [analysis, analyze] = await timed(() => checkWorkbook(grids, DEFAULT_SETTINGS));
  // `--json` output as the command line makes it: the text streamed from the analysis in pieces, each ready to write.
  let jsonBytes = 0;
  const [, present] = await timed(() => writeCheckJson(analysis, (text) => (jsonBytes += text.length), DEFAULT_SETTINGS));
  const rows = grids.reduce((n, g) => n + g.values.length, 0);
  const ratio = analyze / parse;
  const jsonRatio = present / parse;
  const host = await throughSimulatedHost(grids);
  const cli = cliRun(file, work);
  const budget = (r: number, b: number) => (budgeted ? `（预算 ≤ ${b}：${verdict(r <= b)}）` : "（小工作簿，只供参考）");
  lines.push(`■ ${name}（${mb(bytes.length)}，${rows} 行，识别 ${analysis.tables.length} 张表，${analysis.findings.length} 项发现）`);
  lines.push(`  .xlsx 解析            ${ms(parse)}`);
  lines.push(`  识别 + 分析           ${ms(analyze)}   比值 ${ratio.toFixed(3)}${budget(ratio, ANALYSIS_BUDGET)}`);
  lines.push(
    `  JSON 输出（${(jsonBytes / 1048576).toFixed(1)} M 字符） ${ms(present)}   比值 ${jsonRatio.toFixed(3)}${budget(jsonRatio, JSON_BUDGET)}`,
  );
  lines.push(
    `  命令行 check --json    ${ms(cli.ms)}，峰值 RSS ${mb(cli.rss)}` +
      (name.startsWith("单表") ? `（预算 ≤ ${mb(RSS_BUDGET)}：${verdict(cli.rss <= RSS_BUDGET)}）` : ""),
  );
  lines.push(`  模拟 Excel 宿主        读取 ${host.readSyncs} 次 sync，写出 ${host.writeSyncs} 次 sync（结果表 ${host.outputRows} 行）`);
  lines.push(
    `  最大单次负载           请求 ${mb(host.largestRequest)}，响应 ${mb(host.largestResponse)}` +
      `（上限 ${mb(PAYLOAD_LIMIT)}：${Math.max(host.largestRequest, host.largestResponse) < PAYLOAD_LIMIT ? "达标" : "未达标"}）`,
  );
  return {
    bytes: bytes.length,
    rows,
    parseMs: parse,
    analyzeMs: analyze,
    ratio,
    jsonMs: present,
    jsonRatio,
    jsonChars: jsonBytes,
    cliMs: cli.ms,
    cliPeakRss: cli.rss,
    ...host,
  };
}

async function main(): Promise<void> {
  const out: Record<string, unknown> = {};
  const lines: string[] = ["决算助手 bench（2 核机器；比值与计数是预算，毫秒只供参考）", ""];
  const work = mkdtempSync(join(tmpdir(), "juesuan-bench-"));
  const sampleBytes = readFileSync(join(__dirname, "..", "..", "assets", "sample-juesuan-2020.xlsx"));
  for (const [name, make, budgeted] of [
    ["样例工作簿（assets/sample-juesuan-2020.xlsx）", async () => new Uint8Array(sampleBytes), false],
    ["县级汇总：200 个部门表 × 300 行", countyWorkbook, true],
    ["单表 100,000 行（类/款/项）", bigWorkbook, true],
  ] as const) {
    out[name] = await benchWorkbook(name, await make(), budgeted, work, lines);
  }

  // Report generation per page: the sample's three drafts, pages counted by LibreOffice where installed.
  const sample = sampleBytes;
  const a = checkWorkbook(await readWorkbookGrids(sample, "sample.xlsx"), DEFAULT_SETTINGS);
  const dir = work;
  let totalMs = 0;
  const files: string[] = [];
  for (const t of ["performance", "final-accounts", "self-evaluation"] as const) {
    const [buf, took] = await timed(async () => {
      return reportBuffer(draftReport(t, a, DEFAULT_SETTINGS).model);
    });
    totalMs += took;
    const f = join(dir, `${t}.docx`);
    writeFileSync(f, buf);
    files.push(f);
  }
  let pages: number | null = null;
  try {
    execFileSync(
      "soffice",
      ["--headless", "--norestore", `-env:UserInstallation=file://${dir}/lo`, "--convert-to", "pdf", "--outdir", dir, ...files],
      { stdio: "ignore" },
    );
    pages = files.reduce(
      (n, f) => n + Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [f.replace(/\.docx$/, ".pdf")], { encoding: "utf8" }))?.[1] ?? 0),
      0,
    );
  } catch {
    pages = null;
  }
  lines.push(
    "",
    `■ 报告生成（样例的三份报告，含自检与 .docx 写出）：${ms(totalMs)}${pages ? `，共 ${pages} 页，每页 ${ms(totalMs / pages)}` : "（未装 LibreOffice，无法计页）"}`,
  );
  out.report = { ms: totalMs, pages };

  // Batch: memory after 10 and after 40 files should be about the same.
  const folder = join(dir, "batch");
  mkdirSync(folder);
  const wb = new ExcelJS.Workbook();
  deptSheet(wb, "部门");
  const one = Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  for (let i = 1; i <= 40; i++) writeFileSync(join(folder, `单位${String(i).padStart(2, "0")}.xlsx`), one);
  const rss: number[] = [];
  await checkFolder(
    folder,
    DEFAULT_SETTINGS,
    async (p) => ({ analysis: checkWorkbook(await readWorkbookGrids(readFileSync(p), p), DEFAULT_SETTINGS), budget: null }),
    () => {
      global.gc?.();
      rss.push(process.memoryUsage().heapUsed);
    },
  );
  lines.push(`■ 批量检查 40 个工作簿：第 10 个后堆内存 ${mb(rss[9])}，第 40 个后 ${mb(rss[39])}（增长 ${mb(rss[39] - rss[9])}）`);
  out.batch = { heapAfter10: rss[9], heapAfter40: rss[39] };

  const peak = process.resourceUsage().maxRSS * 1024;
  lines.push(`■ 本进程峰值内存（RSS，含 10 万行的模拟宿主写出；命令行的见上）：${mb(peak)}`);
  out.peakRss = peak;
  process.stdout.write(lines.join("\n") + "\n");
  mkdirSync("out", { recursive: true });
  writeFileSync("out/bench.json", JSON.stringify(out, null, 2));
}

main().catch((e: Error) => {
  process.stderr.write(`${e.stack}\n`);
  process.exitCode = 1;
});
