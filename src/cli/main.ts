import { statSync } from "node:fs";
import { basename } from "node:path";
import {
  auditJson,
  auditText,
  checkWorkbook,
  draftReport,
  frameworkFor,
  plainAudit,
  plainReview,
  requireTables,
  SettingsSchema,
  UnusableInputError,
  templateFields,
  writeCheckJson,
} from "../core";
import type { CheckResult, Settings } from "../core";
import { readWorkbookGrids } from "../xlsx/read-workbook";
import { NODE_CODEC } from "../xlsx/node-codec";
import { readInputFile } from "./input-file";
import { checkOutputPath, writeOutputFile } from "./output-file";
import { processIo } from "./stdout";
import type { Io } from "./stdout";
import { parseArgs, UsageError, USAGE } from "./args";
import type { CliArgs } from "./args";
import { writeOutputSheets } from "./write-sheets";
import { batchTable, checkFolder } from "./batch";
import { BudgetFolder } from "./budget-pairing";
import { reportText } from "../word/read-report-text";
import { GB_FONTS, reportBuffer, WINDOWS_FONTS } from "../word/render-docx";
import { fillReportTemplate } from "../word/fill-template";

export type { Io } from "./stdout";
export { MAX_FILE_BYTES } from "./input-file";

/** The files a command reads: its output may be none of them. */
const inputsOf = (args: { workbook: string; budget?: string; settings?: string; templateFile?: string }): string[] =>
  [args.workbook, args.budget, args.settings, args.templateFile].filter((p): p is string => typeof p === "string");

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** Regular files only (a pipe or device is refused before it is opened), within the size limit. */
const readBytes = (path: string): Uint8Array => readInputFile(path);

function settingsOf(args: { threshold?: number; floor?: number; settings?: string }): Settings {
  let base: unknown = {};
  if (args.settings) {
    try {
      base = JSON.parse(new TextDecoder().decode(readInputFile(args.settings, 1024 * 1024)));
    } catch {
      throw new UsageError(`设置文件无法读取或不是 JSON：${args.settings} / settings file unreadable or not JSON`);
    }
  }
  const merged = {
    ...(base as object),
    ...(args.threshold !== undefined ? { thresholdPercent: args.threshold } : {}),
    ...(args.floor !== undefined ? { floorWanYuan: args.floor } : {}),
  };
  const parsed = SettingsSchema.safeParse(merged);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new UsageError(`设置有误（${issue.path.join(".")}）：${issue.message} / invalid setting`);
  }
  try {
    frameworkFor(parsed.data.scoring); // changed weights and rules must still make a valid framework
  } catch (e) {
    const issues = (e as { issues?: { message: string }[] }).issues;
    throw new UsageError(`评分设置有误：${issues?.[0]?.message ?? (e as Error).message} / invalid scoring settings`);
  }
  return parsed.data;
}

/**
 * The workbook, and beside it the 预算 workbook of the same unit when given (a file, or the one of a folder that is this
 * unit's): its sheets read as "[预算.xlsx]表5".
 */
async function analyzeFile(
  path: string,
  settings: Settings,
  budget?: string | BudgetFolder,
): Promise<{ analysis: CheckResult; bytes: Uint8Array; budget: string | null }> {
  const bytes = readBytes(path);
  const grids = await readWorkbookGrids(bytes, basename(path), NODE_CODEC);
  const budgetPath = budget instanceof BudgetFolder ? await budget.pairFor(path, grids) : (budget ?? null);
  if (budgetPath) {
    const book = basename(budgetPath);
    const other = await readWorkbookGrids(readBytes(budgetPath), book, NODE_CODEC);
    grids.push(...other.map((g) => ({ ...g, sheet: `[${book}]${g.sheet}`, book })));
  }
  return { analysis: requireTables(checkWorkbook(grids, settings), basename(path)), bytes, budget: budgetPath };
}

async function audit(args: Extract<CliArgs, { command: "audit" }>, io: Io): Promise<void> {
  const settings = settingsOf({ settings: args.settings });
  const text = await reportText(readBytes(args.workbook), basename(args.workbook));
  const analysis = args.against ? (await analyzeFile(args.against, settings)).analysis : null;
  const result = auditText(text, analysis);
  const doc = auditJson(basename(args.workbook), result);
  if (args.json) {
    io.out(JSON.stringify(doc, null, 2) + "\n");
    return;
  }
  io.out(plainAudit(basename(args.workbook), args.against ? basename(args.against) : null, result, doc));
}

async function dispatch(args: CliArgs, io: Io): Promise<void> {
  if (args.command === "audit") return audit(args, io);
  const settings = settingsOf(args);
  const budget = args.budget && isFolder(args.budget) ? new BudgetFolder(args.budget) : args.budget;
  if (args.command === "check" && isFolder(args.workbook)) {
    const rows = await checkFolder(
      args.workbook,
      settings,
      (p) => analyzeFile(p, settings, budget),
      (row) => {
        if (args.json) io.out(JSON.stringify(row) + "\n");
      },
      budget !== undefined,
    );
    if (rows.length === 0)
      throw new UnusableInputError(`文件夹中没有工作簿（.xlsx、.xls）：${args.workbook}`, `No .xlsx or .xls files in ${args.workbook}`);
    if (!args.json) io.out(batchTable(rows));
    // A file that hit a bug is a row like any other; the batch ends, then the exit code says a bug was met.
    const faults = rows.filter((r) => r.internal).map((r) => r.file);
    if (faults.length > 0) throw new Error(`批量检查中 ${faults.length} 个文件遇到内部错误：${faults.join("、")}`);
    if (rows.every((r) => !r.ok)) throw new UnusableInputError("文件夹中没有可检查的工作簿", "No usable workbook in the folder");
    return;
  }
  const { analysis, bytes } = await analyzeFile(args.workbook, settings, budget);
  if (args.command === "check") {
    // Compact, one table, line and finding per text line, streamed in pieces of about 64 KB (never one string of it all).
    if (args.json) writeCheckJson(analysis, io.out, settings);
    else io.out(plainReview(basename(args.workbook), analysis, settings));
    return;
  }
  if (args.command === "report" && args.templateFile) {
    // The unit's own template: its fields filled from the same facts (and the sections of the 决算说明 draft, or the one named).
    checkOutputPath(args.output, { force: args.force, inputs: inputsOf(args) }); // before the work, not after
    const draft = draftReport(args.template ?? "final-accounts", analysis, settings);
    const fields = templateFields(draft.facts, { unit: settings.displayUnit, decimals: settings.decimals }, draft.model);
    writeOutputFile(args.output, fillReportTemplate(readBytes(args.templateFile), fields), { force: args.force, inputs: inputsOf(args) });
    io.out(`已写入 ${args.output}：按模板 ${basename(args.templateFile)} 填写（未取到的字段写为【请填写：…】）\n`);
    return;
  }
  if (args.command === "report") {
    checkOutputPath(args.output, { force: args.force, inputs: inputsOf(args) }); // before the work, not after
    const draft = draftReport(args.template ?? "performance", analysis, settings);
    const report = await reportBuffer(draft.model, args.fonts === "windows" ? WINDOWS_FONTS : GB_FONTS);
    writeOutputFile(args.output, report, { force: args.force, inputs: inputsOf(args) });
    io.out(
      `已写入 ${args.output}：《${draft.model.title}》，${draft.numbers} 个数字已自检，${draft.placeholders} 处待填写（【请填写：…】，黄色标出）\n` +
        (draft.gap ? `注意：${draft.gap}\n` : ""),
    );
    return;
  }
  checkOutputPath(args.output, { force: args.force, inputs: inputsOf(args) }); // before the work, not after
  const written = await writeOutputSheets(bytes, basename(args.workbook), analysis, settings);
  if (written.macroEnabled && !/\.xlsm$/i.test(args.output)) {
    throw new UnusableInputError(
      `工作簿含有宏（.xlsm），输出文件也须以 .xlsm 结尾：${args.output}`,
      `The workbook has macros: name the output .xlsm: ${args.output}`,
    );
  }
  writeOutputFile(args.output, written.bytes, { force: args.force, inputs: inputsOf(args) });
  io.out(`已写入 ${args.output}：新增工作表 ${written.sheets.map((s) => `「${s}」`).join("、")}（原有工作表未改动，已逐一核对）\n`);
}

/** Runs one command; returns the exit code. 0 = ran (whatever it found), 2 = unusable input, 1 = bug. */
export async function run(argv: string[], io: Io = processIo): Promise<number> {
  if (argv.length === 0 || argv[0] === "--help" || argv[0] === "-h") {
    io.out(USAGE + "\n");
    return argv.length === 0 ? 2 : 0;
  }
  try {
    await dispatch(parseArgs(argv), io);
    return 0;
  } catch (e) {
    if (e instanceof UnusableInputError) {
      io.err(`错误：${e.zh}\nError: ${e.en}\n`);
      return 2;
    }
    if (e instanceof UsageError) {
      io.err(`${e.message}\n${USAGE}\n`);
      return 2;
    }
    io.err(`内部错误，请把此信息发给开发者 / internal error: ${(e as Error).message}\n`);
    if (process.env.JUESUAN_DEBUG) io.err(`${(e as Error).stack}\n`);
    return 1;
  }
}

if (require.main === module) {
  void run(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
