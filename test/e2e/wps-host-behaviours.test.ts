import JSZip from "jszip";
import { readFileSync } from "node:fs";
import type { Server } from "node:http";
import { join } from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import type { CellGrid } from "../../src/core/base/cell-grid";
import { checkWorkbook } from "../../src/core";
import { StoredSettingsSchema } from "../../src/excel/settings-store";
import { readWorkbookGrids } from "../../src/xlsx/read-workbook";
import { mkdirSync } from "node:fs";
import { buildPane, launch, openPane, serveDist } from "./pane-harness";
import { buildWps, FOLDER, openWps, serveWps, wpsFileBase64 } from "./wps-harness";

/**
 * One suite of host behaviours, run on the built pane in Debian's Chromium against each simulated host: Excel and
 * WPS 表格 for the check view, Word and WPS 文字 for the report view. The same clicks must give the same findings,
 * the same written formulas, the same report and the same audit, and no request may leave the add-in's origin.
 */
jest.setTimeout(600_000);
const SAMPLE = join(__dirname, "..", "..", "assets", "sample-juesuan-2020.xlsx");
let office: { server: Server; origin: string };
let wps: { server: Server; origin: string };
let browser: BrowserContext;
let sample: CellGrid[];

beforeAll(async () => {
  buildPane();
  buildWps();
  office = await serveDist();
  wps = await serveWps();
  browser = await launch();
  sample = await readWorkbookGrids(readFileSync(SAMPLE), "sample.xlsx");
});
afterAll(async () => {
  await browser?.close();
  office?.server.close();
  wps?.server.close();
});

/** Polls `read` until it gives `expected` (or a few seconds pass), then asserts on the last value. */
async function eventually<T>(read: () => Promise<T>, expected: T): Promise<void> {
  let last: T = await read();
  for (let i = 0; i < 50 && JSON.stringify(last) !== JSON.stringify(expected); i++) {
    await new Promise((r) => setTimeout(r, 100));
    last = await read();
  }
  expect(last).toEqual(expected);
}

/** Screenshots for a person to look at (out/screens/, gitignored): the viewport, scrolled to an element when named. */
const SCREENS = join(__dirname, "..", "..", "out", "screens");
async function shot(page: Page, name: string, testId?: string): Promise<void> {
  mkdirSync(SCREENS, { recursive: true });
  if (!testId) {
    await page.screenshot({ path: join(SCREENS, `${name}.png`) });
    return;
  }
  await page.getByTestId(testId).evaluate((e) => e.scrollIntoView({ block: "start" }));
  await page.screenshot({ path: join(SCREENS, `${name}.png`) });
}

/** The .docx's paragraphs as a host's document text shows them (paragraphs separated by "\r"). */
const docxParagraphs = async (b64: string) => {
  const xml = await (await JSZip.loadAsync(Buffer.from(b64, "base64"))).file("word/document.xml")!.async("string");
  return xml
    .split("</w:p>")
    .map((p) => p.replace(/<[^>]+>/g, ""))
    .filter((p) => p.trim())
    .join("\r");
};

const docxText = async (b64: string) =>
  (await (await JSZip.loadAsync(Buffer.from(b64, "base64"))).file("word/document.xml")!.async("string")).replace(/<[^>]+>/g, "");

/** What a spreadsheet host is in this suite: how to open the pane on it and read back what it did. */
interface SheetHost {
  name: string;
  id: string;
  origin: () => string;
  open(sheets: CellGrid[]): Promise<{ page: Page; requests: string[] }>;
  selection(page: Page): Promise<{ sheet: string; address: string } | null>;
  sheetNames(page: Page): Promise<string[]>;
  /** Every formula on a sheet, sorted. */
  formulas(page: Page, sheet: string): Promise<string[]>;
  settings(page: Page): Promise<{ template?: string; scoring?: { manual?: Record<string, number> } } | null>;
  /** Clicks 生成报告 and returns the .docx as base64, however the host delivers it. */
  report(page: Page): Promise<string>;
}

const excel: SheetHost = {
  name: "Excel",
  id: "excel",
  origin: () => office.origin,
  open: (sheets) => openPane(browser, office.origin, { sheets, apiVersion: "1.13" }),
  selection: (page) => page.evaluate(() => (window as unknown as { __fakeExcel: { selection: never } }).__fakeExcel.selection),
  sheetNames: (page) =>
    page.evaluate(() =>
      (window as unknown as { __fakeExcel: { sheets: { name: string; deleted: boolean }[] } }).__fakeExcel.sheets
        .filter((s) => !s.deleted)
        .map((s) => s.name),
    ),
  formulas: (page, sheet) =>
    page.evaluate((name) => {
      const cells = (window as unknown as { __sheetText: (n: string) => [string, unknown][] }).__sheetText(name) ?? [];
      return cells
        .map(([, v]) => v)
        .filter((v): v is string => typeof v === "string" && v.startsWith("="))
        .sort();
    }, sheet),
  settings: async (page) => {
    const raw = await page.evaluate(
      () => (window as unknown as { __fakeExcel: { settings: Record<string, string> } }).__fakeExcel.settings["juesuan.settings"],
    );
    return raw ? JSON.parse(raw) : null;
  },
  report: async (page) => {
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("make-report").click()]);
    return readFileSync((await download.path())!).toString("base64");
  },
};

type WpsWindow = {
  __fakeWps: {
    state: { selection: never; storage: Map<string, string>; files: Map<string, string> };
    sheetNames(): string[];
    sheetCells(n: string): Record<string, unknown> | null;
  };
};

const wpsEt: SheetHost = {
  name: "WPS 表格",
  id: "wps-et",
  origin: () => wps.origin,
  open: (sheets) => openWps(browser, wps.origin, { kind: "et", sheets }),
  selection: (page) => page.evaluate(() => (window as unknown as WpsWindow).__fakeWps.state.selection),
  sheetNames: (page) => page.evaluate(() => (window as unknown as WpsWindow).__fakeWps.sheetNames().filter((n) => n !== "决算助手设置")),
  formulas: (page, sheet) =>
    page.evaluate(
      (name) =>
        Object.values((window as unknown as WpsWindow).__fakeWps.sheetCells(name) ?? {})
          .filter((v): v is string => typeof v === "string" && v.startsWith("="))
          .sort(),
      sheet,
    ),
  settings: async (page) => {
    const raw = await page.evaluate(() => {
      const cells = (window as unknown as WpsWindow).__fakeWps.sheetCells("决算助手设置");
      return cells ? Object.values(cells).join("") : null;
    });
    return raw ? JSON.parse(raw) : null;
  },
  report: async (page) => {
    await page.getByTestId("make-report").click();
    await page.getByTestId("report-result").waitFor();
    await expect(page.getByTestId("report-result").textContent()).resolves.toMatch(/已保存到工作簿所在文件夹（D:\\决算\\）/);
    return (await wpsFileBase64(page, "saved"))!;
  },
};

/** What each spreadsheet host produced, compared across hosts at the end. */
const seen = new Map<string, { findings: string[]; formulas: string[]; report: string; audit: string; scoring: string }>();

describe.each([excel, wpsEt])("$name: the check view", (host) => {
  test("一键检查 → findings → a click selects the cell → scoring → report → audit, nothing leaves the machine", async () => {
    const { page, requests } = await host.open(sample);
    await page.getByTestId("run").click();
    await page.getByTestId("done").waitFor();
    await expect(page.getByTestId("done").textContent()).resolves.toContain("「差异分析」、「三公经费对比」、「绩效评分表」");
    await shot(page, `${host.id}-1-check`);
    await shot(page, `${host.id}-2-findings`, "findings");

    // The pane lists what the core finds on the file's own grids, in the same order.
    const expected = checkWorkbook(sample, StoredSettingsSchema.parse({})).findings;
    const links = page.getByTestId("finding-link");
    expect(await links.count()).toBe(expected.length);
    await expect(links.first().getAttribute("data-cell")).resolves.toBe(`${expected[0].sheet}!${expected[0].cell}`);
    await links.nth(1).click();
    const target: { sheet: string; address: string } | null = { sheet: expected[1].sheet, address: expected[1].cell };
    await eventually(() => host.selection(page), target);
    const findings = await page.getByTestId("findings").locator("li").allTextContents();

    expect(await host.sheetNames(page)).toEqual([
      "经济分类预决算",
      "功能分类支出决算",
      "三公经费",
      "人员情况",
      "差异分析",
      "三公经费对比",
      "绩效评分表",
      "审核说明",
    ]);
    const formulas = await host.formulas(page, "差异分析");
    expect(formulas.filter((f) => f.startsWith("='经济分类预决算'!")).length).toBeGreaterThan(40);

    // Scoring: a qualitative score entered by the clerk is kept in the workbook and counted.
    await page.getByTestId("tab-scoring").click();
    await page.getByTestId("scoring").waitFor();
    const manual = page.locator('[data-testid^="manual-"]').first();
    const id = ((await manual.getAttribute("data-testid")) ?? "").replace("manual-", "");
    await manual.fill("1");
    await page.getByTestId("save-scores").click();
    await eventually(async () => (await host.settings(page))?.scoring?.manual?.[id], 1 as number | undefined);
    await page.getByTestId("progress").waitFor({ state: "detached" });
    const scoring = (await page.getByTestId("scoring-total").textContent()) ?? "";
    await shot(page, `${host.id}-3-scoring`, "scoring");
    expect(scoring).toMatch(/已得 [\d.]+ 分|总分/);

    // Report: the same draft, delivered the host's way.
    await page.getByTestId("tab-report").click();
    await page.getByTestId("template").selectOption("final-accounts");
    const report = await docxText(await host.report(page));
    expect(report).toContain("财政拨款“三公”经费支出决算情况说明");
    expect((await host.settings(page))?.template).toBe("final-accounts");
    await shot(page, `${host.id}-4-report`, "report-panel");

    // Audit of pasted report text against this workbook.
    await page.getByTestId("tab-audit").click();
    await page.getByTestId("audit").waitFor();
    await page.getByTestId("audit-text").fill("“公务接待费”本年数为1.71万元，上年数为5.10万元，较上年减少3.39万元。");
    await page.getByTestId("audit-run").click();
    const audit = (await page.getByTestId("audit-result").textContent()) ?? "";
    expect(audit).toContain("发现 1 项");
    await shot(page, `${host.id}-5-audit`, "audit");

    expect(requests.filter((u) => !u.startsWith(host.origin()))).toEqual([]);
    seen.set(host.name, { findings, formulas, report, audit, scoring });
    await page.close();
  });
});

test("Excel and WPS 表格 give the same findings, formulas, scores, report and audit", () => {
  const [a, b] = [seen.get("Excel"), seen.get("WPS 表格")];
  expect(a && b).toBeTruthy();
  expect(b).toEqual(a);
});

/** A document host: open its pane with a document holding `bodyText`, read back what was inserted. */
interface DocHost {
  name: string;
  id: string;
  origin: () => string;
  open(bodyText: string): Promise<{ page: Page; requests: string[] }>;
  /** The document now reads `text` (what the host shows after an insertion). */
  setText(page: Page, text: string): Promise<void>;
  inserted(page: Page): Promise<{ where: string; b64: string }[]>;
}

const word: DocHost = {
  name: "Word",
  id: "word",
  origin: () => office.origin,
  open: (bodyText) =>
    openPane(browser, office.origin, null, "taskpane.html", { script: "fake-word.js", init: { wordApi: ["1.1", "1.3"], bodyText } }),
  setText: (page, text) =>
    page.evaluate((t) => {
      (window as unknown as { __FAKE_WORD__: { bodyText: string } }).__FAKE_WORD__.bodyText = t;
    }, text),
  inserted: (page) =>
    page.evaluate(() =>
      (window as unknown as { __fakeWord: { inserted: { api: string; where: string; b64: string }[] } }).__fakeWord.inserted.map((x) => ({
        where: x.api.startsWith("selection") ? "cursor" : x.where,
        b64: x.b64,
      })),
    ),
};

const wpsWps: DocHost = {
  name: "WPS 文字",
  id: "wps-wps",
  origin: () => wps.origin,
  open: (bodyText) => openWps(browser, wps.origin, { kind: "wps", bodyText }),
  setText: (page, text) =>
    page.evaluate((t) => (window as unknown as { __fakeWps: { setDocumentText(t: string): void } }).__fakeWps.setDocumentText(t), text),
  inserted: (page) =>
    page.evaluate(() =>
      (window as unknown as { __fakeWps: { state: { inserted: { where: string; data: string }[] } } }).__fakeWps.state.inserted.map(
        (x) => ({
          where: x.where,
          b64: btoa(x.data),
        }),
      ),
    ),
};

const docSeen = new Map<string, { loaded: string; report: string; audit: string }>();

describe.each([word, wpsWps])("$name: the report view", (host) => {
  test("pick the workbook → insert the draft at the cursor → 核对当前文档, nothing leaves the machine", async () => {
    const bodyText = [
      "河口乡2020年决算说明",
      "“公务接待费”本年数为1.71万元，上年数为5.10万元，较上年减少3.39万元。",
      "“办公经费”本年数为22.37万元，上年数为27.25万元，较上年增加4.88万元。",
    ].join("\r");
    const { page, requests } = await host.open(bodyText);
    await page.getByTestId("workbook-file").setInputFiles(SAMPLE);
    await page.getByTestId("loaded").waitFor();
    const loaded = (await page.getByTestId("loaded").textContent()) ?? "";
    expect(loaded).toContain("识别到 4 张表");
    await page.getByTestId("insert-cursor").click();
    await page.getByTestId("word-result").waitFor();
    await expect(page.getByTestId("word-result").textContent()).resolves.toMatch(/已插入《.*部门整体支出绩效评价报告》：整份文档插入/);
    const inserted = await host.inserted(page);
    expect(inserted.map((x) => x.where)).toEqual(["cursor"]);
    const report = await docxText(inserted[0].b64);
    expect(report).toContain("部门整体支出绩效评价报告");

    await page.getByTestId("audit-document").click();
    const audit = (await page.getByTestId("word-audit-result").textContent()) ?? "";
    expect(audit).toContain("发现 2 项");
    expect(audit).toContain("第2段 报告：与表格不符");
    await shot(page, `${host.id}-report-view`);

    // The inserted draft, read back from the document, audits clean against the same workbook.
    await host.setText(page, await docxParagraphs(inserted[0].b64));
    await page.getByTestId("audit-document").click();
    await page.getByText("未发现问题").waitFor();
    await shot(page, `${host.id}-report-audited`, "word-audit-result");
    expect(requests.filter((u) => !u.startsWith(host.origin()))).toEqual([]);
    docSeen.set(host.name, { loaded, report, audit });
    await page.close();
  });
});

test("Word and WPS 文字 load, insert and audit alike", () => {
  const [a, b] = [docSeen.get("Word"), docSeen.get("WPS 文字")];
  expect(a && b).toBeTruthy();
  expect(b).toEqual(a);
});

describe("WPS only", () => {
  test("the ribbon's 「一键检查」 runs in the hidden main page, writes the sheets and selects 差异分析", async () => {
    const { page, requests } = await openWps(browser, wps.origin, { kind: "et", sheets: sample }, "index");
    await page.waitForFunction(() => typeof (window as unknown as { OnAction?: unknown }).OnAction === "function");
    await page.evaluate(() => (window as unknown as { OnAction(c: { Id: string }): boolean }).OnAction({ Id: "juesuanCheck" }));
    await page.waitForFunction(() => (window as unknown as WpsWindow).__fakeWps.state.selection !== null);
    const result = await page.evaluate(() => {
      const fake = (window as unknown as WpsWindow).__fakeWps;
      return {
        selection: fake.state.selection,
        sheets: fake.sheetNames(),
        error: fake.state.storage.get("juesuan.lastCommandError") ?? null,
      };
    });
    expect(result).toEqual({
      selection: { sheet: "差异分析", address: "A1" },
      sheets: ["经济分类预决算", "功能分类支出决算", "三公经费", "人员情况", "差异分析", "三公经费对比", "绩效评分表", "审核说明"],
      error: null,
    });
    expect(requests.filter((u) => !u.startsWith(wps.origin))).toEqual([]);
    await page.close();
  });

  test("a failed ribbon check opens the pane, which says what went wrong; 「收起面板」 hides it", async () => {
    const main = await openWps(browser, wps.origin, { kind: "et", noWorkbook: true }, "index");
    await main.page.waitForFunction(() => typeof (window as unknown as { OnAction?: unknown }).OnAction === "function");
    const after = await main.page.evaluate(async () => {
      (window as unknown as { OnAction(c: { Id: string }): boolean }).OnAction({ Id: "juesuanCheck" });
      await new Promise((r) => setTimeout(r, 50));
      const fake = (
        window as unknown as { __fakeWps: { state: { storage: Map<string, string>; panes: { url: string; Visible: boolean }[] } } }
      ).__fakeWps;
      return { error: fake.state.storage.get("juesuan.lastCommandError"), panes: fake.state.panes.map((p) => [p.url, p.Visible]) };
    });
    expect(after.error).toBe("请先打开要检查的工作簿（ActiveWorkbook）");
    expect(after.panes).toEqual([[`${wps.origin}/${FOLDER.et}/taskpane.html?host=et`, true]]);
    await main.page.close();

    // The pane page of the same add-in shares PluginStorage: simulated by handing it the stored message.
    const pane = await browser.newPage();
    await pane.addInitScript({ content: `window.__FAKE_WPS__ = ${JSON.stringify({ kind: "et", sheets: sample })};` });
    await pane.addInitScript({ path: join(__dirname, "..", "wps", "fake-wps.js") });
    await pane.addInitScript({
      content: `window.__fakeWps.state.storage.set("juesuan.lastCommandError", ${JSON.stringify(after.error)});
        window.__fakeWps.state.storage.set("juesuan_taskpane_id_et", "1");
        window.__fakeWps.state.panes.push({ ID: 1, url: "", Visible: true });`,
    });
    await pane.goto(`${wps.origin}/${FOLDER.et}/taskpane.html?host=et`);
    await pane.getByText("上次“一键检查”未完成：请先打开要检查的工作簿").waitFor();
    await shot(pane, "wps-et-command-error");
    await pane.getByTestId("hide-pane").click();
    const visible = await pane.evaluate(
      () => (window as unknown as { __fakeWps: { state: { panes: { Visible: boolean }[] } } }).__fakeWps.state.panes[0].Visible,
    );
    expect(visible).toBe(false);
    await pane.close();
  });
});
