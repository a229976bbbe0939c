import JSZip from "jszip";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { CellGrid, CellValue } from "../../src/core/base/cell-grid";
import { checkWorkbook, PLAN_MARK, resultSheets, WPS_TEXT } from "../../src/core";
import { StoredSettingsSchema } from "../../src/excel/settings-store";
import { cvErrText, serialToIso, to2D, toCellValue } from "../../src/wps/cells";
import { MAX_MERGE_ROWS, readEtGrids } from "../../src/wps/et/read-grids";
import { renderEtPlans, unions } from "../../src/wps/et/render-plans";
import { wpsEtHost } from "../../src/wps/et/host";
import { SETTINGS_SHEET } from "../../src/wps/et/settings-sheet";
import { wpsWpsHost } from "../../src/wps/wps/host";
import { togglePane } from "../../src/wps/ribbon";
import { ribbonCheck } from "../../src/commands/wps-ribbon-check";
import { readWorkbookGrids } from "../../src/xlsx/read-workbook";
import { grid } from "../support/grid";
import { CVERR, createFakeWps } from "./fake-wps";
import type { FakeWpsInit } from "./fake-wps";

/** The WPS adapter against the simulated WPS Application (test/wps/fake-wps.js), which counts bridge calls. */
const SAMPLE = join(__dirname, "..", "..", "assets", "sample-juesuan-2020.xlsx");
let sample: CellGrid[];
beforeAll(async () => {
  sample = await readWorkbookGrids(readFileSync(SAMPLE), "sample.xlsx");
});

const et = (sheets: NonNullable<FakeWpsInit["sheets"]>, extra: object = {}) => createFakeWps({ kind: "et", sheets, ...extra });

describe("values", () => {
  test("CVErr numbers are errors, never amounts; the codes are Excel's", () => {
    expect(cvErrText(-2146826281)).toBe("#DIV/0!");
    expect(cvErrText(CVERR + 2042)).toBe("#N/A");
    expect(cvErrText(-2146826259)).toBe("#NAME?");
    expect(cvErrText(-2146826282)).toBeNull();
    expect(toCellValue(-2146826281)).toEqual({ error: "#DIV/0!" });
    expect(toCellValue(-2146826281, () => false)).toBe(-2146826281);
    expect(toCellValue("#REF!")).toEqual({ error: "#REF!" });
    expect(toCellValue(Number.NaN)).toEqual({ error: "#NUM!" });
    expect(toCellValue("")).toBeNull();
  });

  test("scalars and flat arrays become 2-D by the range's shape", () => {
    expect(to2D(5, 1, 1)).toEqual([[5]]);
    expect(to2D([1, 2, 3], 1, 3)).toEqual([[1, 2, 3]]);
    expect(to2D([1, 2, 3], 3, 1)).toEqual([[1], [2], [3]]);
    expect(to2D([[1], [2]], 2, 1)).toEqual([[1], [2]]);
  });

  test("date serials: the 1900 system, the phantom 29 February kept as its serial", () => {
    expect(serialToIso(43952)).toBe("2020-05-01");
    expect(serialToIso(1)).toBe("1900-01-01");
    expect(serialToIso(61)).toBe("1900-03-01");
    expect(serialToIso(60)).toBe("60");
    expect(serialToIso(43952.5)).toBe("2020-05-01T12:00:00");
  });
});

describe("reading", () => {
  test("the sample workbook reads as the .xlsx reader reads it (values, errors, merges), per sheet in whole blocks", () => {
    const fake = et(sample);
    const grids = readEtGrids(fake.app.ActiveWorkbook!);
    expect(grids.map((g) => g.sheet)).toEqual(sample.map((g) => g.sheet));
    // The file reader keeps ragged rows and empty strings; WPS hands back a rectangle of nulls. Same cells otherwise.
    const square = (g: CellGrid) => {
      const width = Math.max(0, ...g.values.map((r) => r.length));
      return g.values.map((r) => Array.from({ length: width }, (_, c) => (r[c] === "" || r[c] === undefined ? null : r[c])));
    };
    grids.forEach((g, i) => {
      expect(g.origin).toEqual(sample[i].origin);
      expect(square(g)).toEqual(square(sample[i]));
    });
    // The recogniser finds the same tables and findings either way.
    const viaWps = checkWorkbook(grids, StoredSettingsSchema.parse({}));
    const viaFile = checkWorkbook(sample, StoredSettingsSchema.parse({}));
    expect(viaWps.findings).toEqual(viaFile.findings);
    expect(viaWps.tables.length).toBe(viaFile.tables.length);
  });

  test("formula and constant errors come back as CVErr numbers and become error values; a real number of that form stays a number", () => {
    const sheet: CellGrid = grid("支出", [
      ["科目名称", "预算数", "决算数", "差异率"],
      ["办公费", 100, 90, { error: "#DIV/0!" }],
      ["印刷费", 50, { error: "#REF!" }, CVERR + 2007],
    ]);
    const fake = et([{ ...sheet }]);
    const [g] = readEtGrids(fake.app.ActiveWorkbook!);
    expect(g.values[1][3]).toEqual({ error: "#DIV/0!" });
    expect(g.values[2][2]).toEqual({ error: "#REF!" });
    expect(g.values[2][3]).toBe(CVERR + 2007); // a constant number the host does not list as an error
  });

  test("constant errors (typed #N/A) are found too", () => {
    const fake = et([
      {
        ...grid("表", [
          ["a", { error: "#N/A" }],
          ["b", 2],
        ]),
        errorsAreConstants: true,
      },
    ]);
    expect(readEtGrids(fake.app.ActiveWorkbook!)[0].values[0][1]).toEqual({ error: "#N/A" });
  });

  test("a one-cell sheet (scalar Value2) and a one-row sheet read as 2-D; an error in a lone cell is still an error", () => {
    const one = et([grid("一", [[42]]), grid("行", [["合计", 1, 2, 3]]), grid("错", [[{ error: "#VALUE!" }]]), grid("空", [])]);
    const grids = readEtGrids(one.app.ActiveWorkbook!);
    expect(grids[0].values).toEqual([[42]]);
    expect(grids[1].values).toEqual([["合计", 1, 2, 3]]);
    expect(grids[2].values).toEqual([[{ error: "#VALUE!" }]]);
    expect(grids[3].values).toEqual([]);
  });

  test("a used range that starts at B3 keeps its origin", () => {
    const g: CellGrid = {
      sheet: "偏",
      origin: { row: 2, col: 1 },
      values: [
        ["项目", "金额"],
        ["办公费", 5],
      ],
      merges: [],
    };
    const [read] = readEtGrids(et([g]).app.ActiveWorkbook!);
    expect(read.origin).toEqual({ row: 2, col: 1 });
    expect(read.values).toEqual(g.values);
  });

  test("date cells become dates: under one date format, and among mixed formats through Value()", () => {
    const dates = et([
      grid("日期", [[{ date: "2020-05-01" }], [{ date: "2021-12-31" }]]),
      grid("混合", [
        ["报告日期", { date: "2020-05-01" }],
        ["金额", 1200.5],
      ]),
    ]);
    const [only, mixed] = readEtGrids(dates.app.ActiveWorkbook!);
    expect(only.values).toEqual([[{ date: "2020-05-01" }], [{ date: "2021-12-31" }]]);
    expect(mixed.values).toEqual([
      ["报告日期", { date: "2020-05-01" }],
      ["金额", 1200.5],
    ] as CellValue[][]);
  });

  test("merged header cells are found in header rows; a sheet without merges costs one probe", () => {
    const headed = grid(
      "表",
      [
        ["部门决算表", null, null],
        ["项目", "决算数", null],
        [null, "基本", "项目"],
        ["办公费", 1, 2],
      ],
      ["A1:C1", "B2:C2", "A2:A3"],
    );
    const [g] = readEtGrids(et([headed]).app.ActiveWorkbook!);
    expect(g.merges).toEqual(
      expect.arrayContaining([
        { top: 0, left: 0, bottom: 0, right: 2 },
        { top: 1, left: 1, bottom: 1, right: 2 },
        { top: 1, left: 0, bottom: 2, right: 0 },
      ]),
    );
    expect(g.merges).toHaveLength(3);
    const plain = et([
      grid("表", [
        ["项目", "金额"],
        ["办公费", 1],
      ]),
    ]);
    readEtGrids(plain.app.ActiveWorkbook!);
    const withMergeProbe = plain.state.calls;
    expect(withMergeProbe).toBeLessThan(20);
  });

  test("hidden sheets are read, very hidden ones (this tool's settings) never", () => {
    const fake = et([{ ...grid("隐藏", [["a"]]), visible: 0 }, { ...grid(SETTINGS_SHEET, [["{}"]]), visible: 2 }, grid("可见", [["b"]])]);
    expect(readEtGrids(fake.app.ActiveWorkbook!).map((g) => g.sheet)).toEqual(["隐藏", "可见"]);
  });
});

describe("bridge calls", () => {
  /** A 决算-shaped sheet: a title, a two-row merged header, `rows` amount rows, a total, and a #DIV/0! cell. */
  function budgetSheet(name: string, rows: number, spent = (budget: number) => budget): CellGrid {
    const body: CellValue[][] = [];
    for (let i = 0; i < rows; i++) body.push([`2010${String(i).padStart(4, "0")}`, `项目${i}`, 1000 + i, spent(1000 + i)]);
    return grid(
      name,
      [
        ["2020年支出决算表", null, null, null],
        ["单位：元"],
        ["科目编码", "科目名称", "预算数", "决算数"],
        ...body,
        [null, "合计", { error: "#DIV/0!" }, 1],
      ],
      ["A1:D1"],
    );
  }
  const callsToRead = (sheets: CellGrid[]) => {
    const fake = et(sheets);
    const before = fake.state.calls;
    const grids = readEtGrids(fake.app.ActiveWorkbook!);
    expect(grids).toHaveLength(sheets.length);
    return fake.state.calls - before;
  };

  test("reading costs the same number of calls for 10 rows and for 20,000 rows", () => {
    const small = callsToRead([budgetSheet("小", 10)]);
    const large = callsToRead([budgetSheet("大", 20_000, (b) => b * 0.9)]);
    expect(large).toBe(small);
    expect(small).toBeLessThan(30);
  });

  test("and grows with the number of sheets, not of cells", () => {
    const one = callsToRead([budgetSheet("甲", 50)]);
    const three = callsToRead([budgetSheet("甲", 50), budgetSheet("乙", 3000), budgetSheet("丙", 7)]);
    expect(three - 3).toBe(3 * (one - 3)); // 3: ActiveWorkbook, Worksheets and its Count, once per workbook
  });

  test("merge probes are capped per sheet whatever the number of header-like rows", () => {
    const notes = Array.from({ length: 200 }, (_, i) => [`说明${i}`, null, `备注${i}`]);
    const fake = et([grid("说明", notes, ["A1:B1"])]);
    const before = fake.state.calls;
    readEtGrids(fake.app.ActiveWorkbook!);
    expect(fake.state.calls - before).toBeLessThan(20 + MAX_MERGE_ROWS * 8);
  });

  test("writing costs three calls per link up to MAX_LINK_OBJECTS, then nothing more: 2,000 and 20,000 data rows cost the same", () => {
    const callsToWrite = (rows: number) => {
      const sheets = [budgetSheet("支出", rows)];
      const settings = StoredSettingsSchema.parse({});
      const plans = resultSheets(checkWorkbook(sheets, settings), settings);
      const fake = et(sheets);
      const before = fake.state.calls;
      renderEtPlans(fake.app, fake.app.ActiveWorkbook!, plans, new Map([["支出", false]]));
      return fake.state.calls - before;
    };
    expect(callsToWrite(20_000)).toBe(callsToWrite(2000));
    expect(callsToWrite(11) - callsToWrite(10)).toBe(3); // one more line: its link (Range, Hyperlinks, Add)
  });
});

describe("writing", () => {
  const settings = StoredSettingsSchema.parse({});
  const run = (fake: ReturnType<typeof et>) => {
    const grids = readEtGrids(fake.app.ActiveWorkbook!);
    const plans = resultSheets(checkWorkbook(grids, settings), settings);
    const existing = new Map(grids.map((g) => [g.sheet, typeof g.values[0]?.[0] === "string" && g.values[0][0].includes(PLAN_MARK)]));
    return renderEtPlans(fake.app, fake.app.ActiveWorkbook!, plans, existing);
  };

  test("result sheets carry live formulas, formats, links, highlights, conditional formats, frozen rows, print setup and charts", () => {
    const fake = et(sample);
    const names = run(fake);
    expect(names).toEqual(["差异分析", "三公经费对比", "绩效评分表", "审核说明"]);
    const cells = fake.sheetCells("差异分析")!;
    expect(String(cells.A1)).toContain(PLAN_MARK);
    const formulas = Object.values(cells).filter((v) => typeof v === "string" && v.startsWith("='经济分类预决算'!"));
    expect(formulas.length).toBeGreaterThan(40);
    expect(fake.state.hyperlinks.length).toBeGreaterThan(5);
    expect(fake.state.hyperlinks[0].subAddress).toMatch(/^'?[^!]+'?![A-Z]+\d+$/);
    expect(fake.state.conditional.length).toBeGreaterThan(0);
    expect(fake.state.conditional[0].type).toBe(2); // xlExpression
    expect(fake.state.charts.length).toBe(2);
    expect(fake.state.charts[0].series.length).toBeGreaterThan(0);
    expect(fake.state.charts[0].title).toBeTruthy();
    const info = fake.sheetInfo("差异分析")!;
    expect(info.frozen).toBeGreaterThan(0);
    expect(Object.keys(info.widths).length).toBeGreaterThan(3);
    expect(fake.state.styles.some((s) => s.prop === "Interior.Color" && s.value === 0xccf2ff)).toBe(true); // #FFF2CC as BGR
    expect(fake.state.selection).toEqual({ sheet: "差异分析", address: "A1" });
    expect(fake.state.displayAlerts).toBe(true);
    expect(fake.state.screenUpdating).toBe(true);
    // Text that looks like a number stays text (科目编码).
    expect(Object.values(cells).some((v) => v === "301")).toBe(true);
  });

  test("print setup: A4, one page wide, title rows on every page, the footer", () => {
    const fake = et([grid("表", [["a"]])]);
    const plan = {
      name: "打印",
      rows: [[{ v: "标题" }], [{ v: "表头" }]],
      colWidths: [10],
      highlights: [],
      conditional: [],
      freezeRows: 0,
      charts: [],
      print: { orientation: "landscape" as const, fitToWidth: true, titleRows: { first: 1, last: 2 }, footer: "第 &P 页，共 &N 页" },
    };
    renderEtPlans(fake.app, fake.app.ActiveWorkbook!, [plan], new Map());
    expect(fake.sheetInfo("打印")!.pageSetup).toEqual({
      Orientation: 2,
      PaperSize: 9,
      Zoom: false,
      FitToPagesWide: 1,
      FitToPagesTall: false,
      PrintTitleRows: "$1:$2",
      CenterFooter: "第 &P 页，共 &N 页",
    });
  });

  test("re-running replaces this tool's sheets; a clerk's own sheet of the same name is kept and ours is suffixed", () => {
    const fake = et([...sample, grid("三公经费对比", [["我自己的表"]])]);
    run(fake);
    run(fake);
    expect(fake.sheetNames().filter((n) => n.startsWith("差异分析"))).toEqual(["差异分析"]);
    expect(fake.sheetNames()).toContain("三公经费对比_决算助手");
    expect(fake.sheetCells("三公经费对比")).toEqual({ A1: "我自己的表" });
  });

  test("union addresses stay within the host's 255-character limit", () => {
    const areas = Array.from({ length: 200 }, (_, i) => `C${i * 2 + 1}`);
    const us = unions(areas);
    expect(us.every((u) => u.length <= 255)).toBe(true);
    expect(us.join(",").split(",")).toEqual(areas);
  });
});

describe("the 表格 host", () => {
  test("settings round-trip through a very hidden sheet; the clerk's active sheet stays active", async () => {
    const fake = et(sample);
    const host = wpsEtHost(fake.app);
    expect(host.loadSettings()).toEqual({ settings: StoredSettingsSchema.parse({}), problem: null });
    await host.saveSettings({ ...StoredSettingsSchema.parse({}), thresholdPercent: 15, template: "final-accounts" });
    await host.saveSettings({ ...StoredSettingsSchema.parse({}), thresholdPercent: 20, template: "final-accounts" });
    expect(fake.sheetInfo(SETTINGS_SHEET)!.visible).toBe(2);
    expect(fake.sheetNames().filter((n) => n === SETTINGS_SHEET)).toHaveLength(1);
    expect(host.loadSettings().settings.thresholdPercent).toBe(20);
    expect(fake.app.ActiveSheet!.Name).toBe(sample[0].sheet);
    // The settings sheet is never read as a table.
    expect((await host.readGrids()).map((g) => g.sheet)).not.toContain(SETTINGS_SHEET);
  });

  test("damaged settings fall back to defaults and say so", () => {
    const fake = et([...sample, { ...grid(SETTINGS_SHEET, [['{"thresholdPercent": -3}']]), visible: 2 }]);
    const { settings, problem } = wpsEtHost(fake.app).loadSettings();
    expect(settings.thresholdPercent).toBe(10);
    expect(problem).toContain("工作簿中保存的设置无效");
  });

  test("select shows the sheet and selects the cell; a missing sheet is a sentence, not a stack trace", async () => {
    const fake = et(sample);
    const host = wpsEtHost(fake.app);
    await host.select("三公经费", "C7");
    expect(fake.state.selection).toEqual({ sheet: "三公经费", address: "C7" });
    await expect(host.select("没有这张表", "A1")).rejects.toThrow(/WPS 未能选中 没有这张表!A1/);
  });

  test("a report is saved beside the workbook, never over an earlier one", async () => {
    const fake = et(sample);
    const host = wpsEtHost(fake.app);
    const bytes = new Uint8Array([80, 75, 3, 4, 0, 255, 128]);
    await expect(host.saveFile("报告.docx", bytes)).resolves.toContain("工作簿所在文件夹");
    await host.saveFile("报告.docx", bytes);
    expect([...fake.state.files.keys()]).toEqual(["D:\\决算\\报告.docx", "D:\\决算\\报告 (2).docx"]);
    expect(fake.state.files.get("D:\\决算\\报告.docx")).toBe(String.fromCharCode(...bytes));
  });

  test("the simulated application has the workbook in Workbooks as well as ActiveWorkbook", () => {
    const fake = et(sample);
    const app = fake.app as unknown as { Workbooks: { Count: number; Item(i: number): { Name: string } } };
    expect(app.Workbooks.Count).toBe(1);
    expect(app.Workbooks.Item(1).Name).toBe(fake.app.ActiveWorkbook!.Name);
  });

  test("outside WPS, or without an open workbook, the clerk is told so", async () => {
    expect(() => wpsEtHost(null)).toThrow("请在 WPS 表格中打开决算助手");
    const none = createFakeWps({ kind: "et", noWorkbook: true });
    await expect(wpsEtHost(none.app).readGrids()).rejects.toThrow("请先打开要检查的工作簿");
  });

  test("an embedded browser without BigInt is told it is too old, in words, before anything runs", () => {
    const fake = et(sample);
    expect(wpsEtHost(fake.app).unsupported).toBeNull();
    const g = globalThis as { BigInt?: unknown };
    const saved = g.BigInt;
    g.BigInt = undefined;
    try {
      expect(wpsEtHost(fake.app).unsupported).toBe(WPS_TEXT.noBigInt);
    } finally {
      g.BigInt = saved;
    }
  });
});

describe("the 文字 host", () => {
  const docx = async () => {
    const zip = new JSZip();
    zip.file("word/document.xml", "<w:document>报告</w:document>");
    return new Uint8Array(await zip.generateAsync({ type: "uint8array" }));
  };

  test("the .docx goes through a temporary file into Range.InsertFile, at the cursor, over the body, or as a new document", async () => {
    const fake = createFakeWps({ kind: "wps", bodyText: "旧内容" });
    const host = wpsWpsHost(fake.app);
    const bytes = await docx();
    await expect(host.insertReport(bytes, "<p>报告</p>", "cursor")).resolves.toBe("整份文档插入（保留公文样式和页面设置）");
    await host.insertReport(bytes, "<p>报告</p>", "replace");
    await expect(host.insertReport(bytes, "<p>报告</p>", "new")).resolves.toBe("已作为新文档打开");
    expect(fake.state.inserted.map((x) => [x.where, x.kind])).toEqual([
      ["cursor", "docx"],
      ["replace", "docx"],
      ["new", "docx"],
    ]);
    const zip = await JSZip.loadAsync(Buffer.from(fake.state.inserted[0].data, "latin1"));
    expect(await zip.file("word/document.xml")!.async("string")).toContain("报告");
    expect(fake.state.inserted[0].path).toMatch(/^C:\\Users\\clerk\\AppData\\Local\\Temp\\juesuan\\report-\d+-\d+\.docx$/);
    expect(fake.state.files.size).toBe(0); // temporary files removed
  });

  test("when the host cannot write the bytes, the same draft goes in as an HTML file, and says so", async () => {
    const fake = createFakeWps({ kind: "wps", failBinaryWrites: true, tempPath: "/tmp" });
    const label = await wpsWpsHost(fake.app).insertReport(await docx(), "<h1>部门整体支出绩效评价报告</h1>", "cursor");
    expect(label).toContain("HTML");
    expect(fake.state.inserted[0].kind).toBe("html");
    expect(decodeURIComponent(escape(fake.state.inserted[0].data))).toContain("部门整体支出绩效评价报告");
    expect(fake.state.inserted[0].path.startsWith("/tmp/juesuan/")).toBe(true);
  });

  test("the document's text comes back one paragraph per line, table cells included", async () => {
    const fake = createFakeWps({ kind: "wps", bodyText: "标题\r第一段。\r单元格1\r\x07单元格2\r\x07\r" });
    await expect(wpsWpsHost(fake.app).readText()).resolves.toBe("标题\n第一段。\n单元格1\n单元格2\n\n");
  });

  test("outside WPS 文字, or without a document, the clerk is told so", async () => {
    expect(() => wpsWpsHost(null)).toThrow("请在 WPS 文字中打开决算助手");
    const none = createFakeWps({ kind: "wps", noDocument: true });
    await expect(wpsWpsHost(none.app).readText()).rejects.toThrow("请先打开或新建一个文字文档");
  });
});

describe("the ribbon", () => {
  test("「一键检查」 writes the result sheets with the workbook's own settings and leaves no error behind", async () => {
    const fake = et(sample);
    await wpsEtHost(fake.app).saveSettings({ ...StoredSettingsSchema.parse({}), thresholdPercent: 20 });
    fake.state.storage.set("juesuan.lastCommandError", "旧的错误");
    await ribbonCheck(fake.app, "file:///jsaddons/juesuan-et_0.1.0/");
    expect(fake.sheetNames()).toContain("差异分析");
    const counts = Object.values(fake.sheetCells("差异分析")!).filter((v) => typeof v === "string" && /（共 \d+ 项）/.test(v));
    const defaults = et(sample);
    await ribbonCheck(defaults.app, "file:///jsaddons/juesuan-et_0.1.0/");
    const defaultCounts = Object.values(defaults.sheetCells("差异分析")!).filter((v) => typeof v === "string" && /（共 \d+ 项）/.test(v));
    expect(counts).not.toEqual(defaultCounts); // 20% instead of 10%: fewer lines flagged
    expect(fake.state.selection).toEqual({ sheet: "差异分析", address: "A1" });
    expect(fake.state.storage.has("juesuan.lastCommandError")).toBe(false);
    expect(fake.state.panes).toEqual([]);
  });

  test("a failure is kept for the pane, which is shown (not toggled away when it was already open)", async () => {
    const fake = createFakeWps({ kind: "et", noWorkbook: true });
    togglePane(fake.app, "et", "file:///a/");
    await ribbonCheck(fake.app, "file:///a/");
    expect(fake.state.storage.get("juesuan.lastCommandError")).toContain("请先打开要检查的工作簿");
    expect(fake.state.panes.map((p) => p.Visible)).toEqual([true]);
  });

  test("each app keeps its own pane id: 表格's pane is never 文字's", () => {
    const fake = createFakeWps({ kind: "et" });
    togglePane(fake.app, "et", "file:///a/");
    togglePane(fake.app, "wps", "file:///b/");
    expect([...fake.state.storage.entries()]).toEqual([
      ["juesuan_taskpane_id_et", "1"],
      ["juesuan_taskpane_id_wps", "2"],
    ]);
    expect(fake.state.panes.map((p) => p.url)).toEqual(["file:///a/taskpane.html?host=et", "file:///b/taskpane.html?host=wps"]);
  });
});
