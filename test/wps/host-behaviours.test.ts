import { readFileSync } from "node:fs";
import { join } from "node:path";
import { auditText, checkWorkbook } from "../../src/core";
import type { CellGrid } from "../../src/core";
import { readGrids } from "../../src/excel/read-grids";
import { renderPlans } from "../../src/excel/render-plans";
import { selectCell } from "../../src/excel/select-cell";
import { loadSettings, saveSettings, StoredSettingsSchema } from "../../src/excel/settings-store";
import type { SettingsHost } from "../../src/excel/settings-store";
import { wpsEtHost } from "../../src/wps/et/host";
import { readAndCheck, writeResults } from "../../src/taskpane/hosts/check-flow";
import { wpsWpsHost } from "../../src/wps/wps/host";
import { insertReport, PATH_LABELS } from "../../src/word/insert-report";
import { readDocumentText } from "../../src/word/read-document";
import type { DocumentHost, WorkbookHost } from "../../src/taskpane/hosts/host";
import { readWorkbookGrids } from "../../src/xlsx/read-workbook";
import { grid } from "../support/grid";
import { createFakeWps } from "./fake-wps";

/**
 * One suite of host behaviours, run against each simulated host through the host-neutral interfaces of
 * src/taskpane/hosts/host.ts: Excel (test/e2e/fake-office.js under the Office.js adapter) and WPS 表格 as WorkbookHost,
 * Word (test/e2e/fake-word.js) and WPS 文字 as DocumentHost. The same workbook must give the same grids, findings,
 * result sheets, selection and settings; the same report must go in and the same text come back.
 */
const SAMPLE = join(__dirname, "..", "..", "assets", "sample-juesuan-2020.xlsx");
let sample: CellGrid[];
beforeAll(async () => {
  sample = await readWorkbookGrids(readFileSync(SAMPLE), "sample.xlsx");
});

/** Runs one of the browser fakes (an IIFE over `window`) in this realm, with the given window. */
function runFake(file: string, win: Record<string, unknown>): void {
  new Function("window", readFileSync(join(__dirname, "..", "e2e", file), "utf8"))(win);
}

interface Probe {
  host: WorkbookHost;
  selection(): unknown;
  formulas(sheet: string): string[];
  sheetNames(): string[];
}

/** Excel through src/excel, shaped as a WorkbookHost (what the pane's excelHost() does with the real globals). */
function excelProbe(sheets: CellGrid[]): Probe {
  const win: Record<string, unknown> = { __FAKE_WORKBOOK__: { sheets, apiVersion: "1.13" } };
  runFake("fake-office.js", win);
  const Excel = win.Excel as { run: <T>(f: (c: Excel.RequestContext) => Promise<T>) => Promise<T> };
  const settings = (win.Office as { context: { document: { settings: SettingsHost } } }).context.document.settings;
  const fake = win.__fakeExcel as { selection: unknown; sheets: { name: string; deleted: boolean; cells: Map<string, unknown> }[] };
  const host: WorkbookHost = {
    kind: "excel",
    platform: "PC",
    unsupported: null,
    readGrids: () => Excel.run(async (c) => (await readGrids(c, true)).grids),
    writeSheets: (plans, existing) => Excel.run(async (c) => (await renderPlans(c, plans, { existing, canChart: true })).names),
    removeSheets: async () => undefined,
    select: (sheet, cell) => Excel.run((c) => selectCell(c, sheet, cell)),
    loadSettings: () => loadSettings(settings),
    saveSettings: (s) => saveSettings(settings, s),
    saveFile: async () => null,
  };
  const live = () => fake.sheets.filter((s) => !s.deleted);
  return {
    host,
    selection: () => fake.selection,
    sheetNames: () => live().map((s) => s.name),
    formulas: (name) =>
      [
        ...(live()
          .find((s) => s.name === name)
          ?.cells.values() ?? []),
      ]
        .filter((v): v is string => typeof v === "string" && v[0] === "=")
        .sort(),
  };
}

function wpsProbe(sheets: CellGrid[]): Probe {
  const fake = createFakeWps({ kind: "et", sheets });
  return {
    host: wpsEtHost(fake.app),
    selection: () => fake.state.selection,
    sheetNames: () => fake.sheetNames().filter((n) => n !== "决算助手设置"),
    formulas: (name) =>
      Object.values(fake.sheetCells(name) ?? {})
        .filter((v): v is string => typeof v === "string" && v[0] === "=")
        .sort(),
  };
}

const square = (grids: CellGrid[]) =>
  grids.map((g) => {
    const width = Math.max(0, ...g.values.map((r) => r.length));
    return {
      sheet: g.sheet,
      origin: g.origin,
      values: g.values.map((r) => Array.from({ length: width }, (_, c) => (r[c] === "" || r[c] === undefined ? null : r[c]))),
    };
  });

const settings = () => StoredSettingsSchema.parse({});
/** The pane's and the ribbon's check on a host: read, analyse, write the result sheets. */
async function runHostCheck(host: WorkbookHost, s: ReturnType<typeof settings>) {
  const checked = await readAndCheck(host, s);
  return { analysis: checked.result, sheets: await writeResults(host, checked) };
}
const outputs = new Map<string, { findings: unknown; formulas: string[]; names: string[] }>();

describe.each([
  ["Excel", excelProbe],
  ["WPS 表格", wpsProbe],
] as const)("%s as a WorkbookHost", (name, probe) => {
  test("reads the workbook's grids as the file reader does", async () => {
    const p = probe(sample);
    expect(square(await p.host.readGrids())).toEqual(square(sample));
  });

  test("一键检查: findings, the three result sheets with live formulas; a re-run replaces them", async () => {
    const p = probe(sample);
    const run = await runHostCheck(p.host, settings());
    expect(run.sheets).toEqual(["差异分析", "三公经费对比", "绩效评分表", "审核说明"]);
    // The core's own answer on the file's grids: a host changes nothing in what is found.
    expect(run.analysis.findings).toEqual(checkWorkbook(sample, settings()).findings);
    expect(run.analysis.findings.length).toBeGreaterThan(10);
    const formulas = p.formulas("差异分析");
    expect(formulas.filter((f) => f.startsWith("='经济分类预决算'!")).length).toBeGreaterThan(40);
    await runHostCheck(p.host, settings());
    const names = p.sheetNames();
    expect(names).toEqual([
      "经济分类预决算",
      "功能分类支出决算",
      "三公经费",
      "人员情况",
      "差异分析",
      "三公经费对比",
      "绩效评分表",
      "审核说明",
    ]);
    outputs.set(name, {
      findings: run.analysis.findings,
      formulas: [...formulas, ...p.formulas("三公经费对比"), ...p.formulas("绩效评分表")],
      names,
    });
  });

  test("a finding's cell is selected", async () => {
    const p = probe(sample);
    await p.host.select("功能分类支出决算", "E19");
    expect(p.selection()).toEqual({ sheet: "功能分类支出决算", address: "E19" });
  });

  test("settings are kept in the workbook and read back; the next check uses them", async () => {
    const p = probe(sample);
    await p.host.saveSettings({ ...settings(), thresholdPercent: 20, template: "final-accounts" });
    const back = p.host.loadSettings();
    expect(back.problem).toBeNull();
    expect(back.settings).toMatchObject({ thresholdPercent: 20, template: "final-accounts" });
    const run = await runHostCheck(p.host, back.settings);
    expect(run.analysis.findings.length).toBeLessThan(checkWorkbook(sample, settings()).findings.length);
  });

  test("a clerk's own sheet named like a result sheet is kept; ours gets a suffix", async () => {
    const p = probe([...sample, grid("差异分析", [["我的差异表"]])]);
    const run = await runHostCheck(p.host, settings());
    expect(run.sheets[0]).toBe("差异分析_决算助手");
  });
});

test("Excel and WPS 表格 find the same and write the same formulas", () => {
  expect(outputs.get("WPS 表格")).toEqual(outputs.get("Excel"));
  expect(outputs.get("Excel")?.formulas.length).toBeGreaterThan(100);
});

/** A document host over a document holding `text`, and what it received. */
interface DocProbe {
  host: DocumentHost;
  inserted(): { where: string; bytes: Buffer }[];
}

function wordProbe(text: string): DocProbe {
  const win: Record<string, unknown> = { __FAKE_WORD__: { wordApi: ["1.1", "1.3", "1.5"], bodyText: text } };
  runFake("fake-word.js", win);
  const Word = win.Word as { run: <T>(f: (c: Word.RequestContext) => Promise<T>) => Promise<T> };
  const wordHost = { run: Word.run, setSelectedHtml: async () => undefined };
  const fake = win.__fakeWord as { inserted: { api: string; where: string; b64: string }[] };
  const caps = { api11: true, api13: true, api15: true };
  return {
    host: {
      kind: "word",
      platform: "PC",
      unsupported: null,
      insertReport: async (docx, html, placement) =>
        PATH_LABELS[await insertReport(wordHost, caps, Buffer.from(docx).toString("base64"), html, placement)],
      readText: () => readDocumentText(wordHost),
    },
    inserted: () =>
      fake.inserted.map((x) => ({ where: x.api.startsWith("selection") ? "cursor" : x.where, bytes: Buffer.from(x.b64, "base64") })),
  };
}

function wpsDocProbe(text: string): DocProbe {
  const fake = createFakeWps({ kind: "wps", bodyText: text });
  return {
    host: wpsWpsHost(fake.app),
    inserted: () => fake.state.inserted.map((x) => ({ where: x.where, bytes: Buffer.from(x.data, "latin1") })),
  };
}

const docOutputs = new Map<string, unknown>();

describe.each([
  ["Word", wordProbe],
  ["WPS 文字", wpsDocProbe],
] as const)("%s as a DocumentHost", (name, probe) => {
  const body = [
    "河口乡2020年决算说明",
    "“公务接待费”本年数为1.71万元，上年数为5.10万元，较上年减少3.39万元。",
    "“办公经费”本年数为22.37万元，上年数为27.25万元，较上年增加4.88万元。",
  ].join("\r");

  test("the .docx goes in whole at the cursor, and the host says so", async () => {
    const p = probe(body);
    const docx = new Uint8Array([80, 75, 3, 4, 20, 0, 0, 0, 200, 255, 1, 2, 3]);
    const label = await p.host.insertReport(docx, "<p>报告</p>", "cursor");
    expect(label).toMatch(/^整份文档插入/);
    expect(p.inserted()).toEqual([{ where: "cursor", bytes: Buffer.from(docx) }]);
  });

  test("核对当前文档: the text comes back and the audit finds the same two problems", async () => {
    const p = probe(body);
    const text = await p.host.readText();
    const result = auditText(text, checkWorkbook(sample, settings()));
    expect(result.findings.map((f) => [f.rule, f.cell])).toEqual([
      ["text-vs-table", "P2"],
      ["text-direction", "P3"],
    ]);
    docOutputs.set(name, result);
  });
});

test("Word and WPS 文字 audit alike", () => {
  expect(docOutputs.get("WPS 文字")).toEqual(docOutputs.get("Word"));
});
