import { readFileSync } from "node:fs";
import JSZip from "jszip";
import { join } from "node:path";
import type { Server } from "node:http";
import type { BrowserContext } from "playwright-core";
import { readWorkbookGrids } from "../../src/xlsx/read-workbook";
import type { CellGrid } from "../../src/core/base/cell-grid";
import { grid } from "../support/grid";
import { buildPane, launch, openPane, OUT, serveDist } from "./pane-harness";

/** The built task pane in Debian's Chromium against a simulated Excel host backed by the sample workbook. */
jest.setTimeout(180_000);

let server: Server;
let origin: string;
let browser: BrowserContext;
let sample: CellGrid[];

beforeAll(async () => {
  buildPane();
  ({ server, origin } = await serveDist());
  browser = await launch();
  sample = await readWorkbookGrids(readFileSync(join(__dirname, "..", "..", "assets", "sample-juesuan-2020.xlsx")), "sample.xlsx");
});
afterAll(async () => {
  await browser?.close();
  server?.close();
});

const fake = (page: import("playwright-core").Page) =>
  page.evaluate(() => (window as unknown as { __fakeExcel: Record<string, unknown> }).__fakeExcel);

test("一键检查: findings appear, a click selects the cell, results are written, nothing leaves the machine", async () => {
  const { page, requests } = await openPane(browser, origin, { sheets: sample, apiVersion: "1.13" });
  await page.getByTestId("run").click();
  await page.getByTestId("done").waitFor();
  await page.screenshot({ path: join(OUT, "pane-after-check.png"), fullPage: true });

  await expect(page.getByTestId("done").textContent()).resolves.toContain("「差异分析」、「三公经费对比」、「绩效评分表」");
  await expect(page.getByTestId("sangong-summary").textContent()).resolves.toContain(
    "三公经费本年 4.68万元，较上年减少9.07万元，下降65.96%",
  );
  const links = page.getByTestId("finding-link");
  expect(await links.count()).toBe(17); // 16, and since the parts-mismatch rule: 扶贫 E19 ≠ 基本支出 + 项目支出
  await expect(links.first().getAttribute("data-cell")).resolves.toBe("功能分类支出决算!E18");

  await links.nth(1).click();
  await page.waitForFunction(
    () => (window as unknown as { __fakeExcel: { selection: { address: string } | null } }).__fakeExcel.selection?.address === "E19",
  );
  const state = (await fake(page)) as {
    selection: unknown;
    syncs: number;
    sheets: { name: string; deleted: boolean; formulas: unknown }[];
    calcSuspended: number;
    charts: unknown[];
  };
  expect(state.selection).toEqual({ sheet: "功能分类支出决算", address: "E19" });
  // 3 syncs to read (sheets, used ranges, values) + 1 to write + 1 for the click's selection.
  expect(state.syncs).toBe(5);
  expect(state.calcSuspended).toBeGreaterThan(0);
  expect(state.charts.length).toBe(2);
  const written = await page.evaluate(() =>
    (window as unknown as { __sheetText: (n: string) => [string, unknown][] }).__sheetText("差异分析"),
  );
  expect(written.filter(([, v]) => typeof v === "string" && v.startsWith("='经济分类预决算'!")).length).toBeGreaterThan(40);

  const outside = requests.filter((u) => !u.startsWith(origin));
  expect(outside).toEqual([]);
  await page.close();
});

test("re-running replaces the result sheets instead of adding copies", async () => {
  const { page } = await openPane(browser, origin, { sheets: sample });
  await page.getByTestId("run").click();
  await page.getByTestId("done").waitFor();
  await page.getByTestId("run").click();
  await page.getByTestId("progress").waitFor({ state: "detached" });
  await page.getByTestId("done").waitFor();
  const names = await page.evaluate(() =>
    (window as unknown as { __fakeExcel: { sheets: { name: string; deleted: boolean }[] } }).__fakeExcel.sheets
      .filter((s) => !s.deleted)
      .map((s) => s.name),
  );
  expect(names).toEqual(["经济分类预决算", "功能分类支出决算", "三公经费", "人员情况", "差异分析", "三公经费对比", "绩效评分表"]);
  await page.close();
});

test("an unsure header is confirmed by the clerk, stored in the workbook, and the next check uses it", async () => {
  const unsure = grid("支出", [
    ["项目", "预算数", "决算数", "执行数"],
    ["办公费", 100000, 90000, 80000],
  ]);
  const { page } = await openPane(browser, origin, { sheets: [unsure] });
  await page.getByTestId("run").click();
  await page.getByTestId("column-confirm").waitFor();
  await expect(page.getByTestId("summary").textContent()).resolves.toContain("9.00");
  await page.screenshot({ path: join(OUT, "pane-confirm-columns.png"), fullPage: true });
  await page.getByLabel("决算列").selectOption("D");
  await page.getByLabel("金额单位").selectOption("元");
  await page.getByTestId("confirm-columns").click();
  await page.getByTestId("column-confirm").waitFor({ state: "detached" });
  const stored = await page.evaluate(
    () => (window as unknown as { __fakeExcel: { settings: Record<string, string> } }).__fakeExcel.settings["juesuan.settings"],
  );
  expect(JSON.parse(stored).columnOverrides).toEqual({ "支出!A1": { budget: "B", actual: "D" } });
  expect(JSON.parse(stored).unitOverrides).toEqual({ "支出!A1": "元" });
  await expect(page.getByTestId("summary").textContent()).resolves.toContain("8.00");
  await page.close();
});

test("an error from Excel is shown to the clerk", async () => {
  const { page } = await openPane(browser, origin, { sheets: sample });
  await page.evaluate(() => {
    (window as unknown as { Excel: { run: () => Promise<never> } }).Excel.run = () =>
      Promise.reject(Object.assign(new Error("文件已被锁定"), { code: "AccessDenied" }));
  });
  await page.getByTestId("run").click();
  await page.getByTestId("error").waitFor();
  await expect(page.getByTestId("error").textContent()).resolves.toContain("AccessDenied");
  await page.close();
});

test("ribbon 「一键检查」 runs the check without the pane and selects the summary sheet", async () => {
  const { page } = await openPane(browser, origin, { sheets: sample }, "commands.html");
  await page.waitForFunction(
    () => !!(window as unknown as { __fakeExcel: { actions?: Record<string, unknown> } }).__fakeExcel.actions?.oneClickCheck,
  );
  const result = await page.evaluate(
    () =>
      new Promise((resolve) => {
        const fake = (
          window as unknown as {
            __fakeExcel: {
              actions: Record<string, (e: unknown) => void>;
              selection: unknown;
              active: unknown;
              sheets: { name: string; deleted: boolean }[];
            };
          }
        ).__fakeExcel;
        fake.actions.oneClickCheck({
          completed: () =>
            resolve({
              selection: fake.selection,
              active: fake.active,
              sheets: fake.sheets.filter((s) => !s.deleted).map((s) => s.name),
              error: localStorage.getItem("juesuan.lastCommandError"),
            }),
        });
      }),
  );
  expect(result).toEqual({
    selection: { sheet: "差异分析", address: "A1" },
    active: "差异分析",
    sheets: ["经济分类预决算", "功能分类支出决算", "三公经费", "人员情况", "差异分析", "三公经费对比", "绩效评分表"],
    error: null,
  });
  await page.close();
});

test("生成报告: the .docx is built in the pane (docx loaded only now) and downloaded", async () => {
  const { page, requests } = await openPane(browser, origin, { sheets: sample });
  await page.getByTestId("run").click();
  await page.getByTestId("done").waitFor();
  expect(requests.some((u) => /docx\.[0-9a-f]+\.js$/.test(u))).toBe(false); // not in the first load
  await page.getByTestId("template").selectOption("final-accounts");
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("make-report").click()]);
  expect(download.suggestedFilename()).toBe("绥宁县河口苗族乡人民政府2020年度部门决算说明.docx");
  const path = join(OUT, "pane-report.docx");
  await download.saveAs(path);
  const xml = await (await JSZip.loadAsync(readFileSync(path))).file("word/document.xml")!.async("string");
  expect(xml).toContain("财政拨款“三公”经费支出决算情况说明");
  await expect(page.getByTestId("report-result").textContent()).resolves.toMatch(/已生成《.*》并下载，有 \d+ 处【请填写】需补充/);
  expect(requests.some((u) => /docx\.[0-9a-f]+\.js$/.test(u))).toBe(true);
  expect(requests.filter((u) => !u.startsWith(origin))).toEqual([]);
  const settings = await page.evaluate(
    () => (window as unknown as { __fakeExcel: { settings: Record<string, string> } }).__fakeExcel.settings["juesuan.settings"],
  );
  expect(JSON.parse(settings).template).toBe("final-accounts"); // travels with the workbook (Word's pane reads it)
  await page.getByTestId("report-panel").screenshot({ path: join(OUT, "pane-report-panel.png") });
  await page.close();
});

test("Excel for Mac: no download; the report goes to the clipboard as rich text, with the Word route explained", async () => {
  const { page } = await openPane(browser, origin, { sheets: sample, platform: "Mac" });
  await page.getByTestId("run").click();
  await page.getByTestId("done").waitFor();
  let downloaded = false;
  page.on("download", () => (downloaded = true));
  await page.getByTestId("make-report").click();
  await page.getByTestId("report-result").waitFor();
  await expect(page.getByTestId("report-result").textContent()).resolves.toMatch(/已复制到剪贴板（带格式）.*在 Word 中打开“决算助手”/);
  const html = await page.evaluate(async () => {
    const items = await navigator.clipboard.read();
    return (await items[0].getType("text/html")).text();
  });
  expect(html).toContain("部门整体支出绩效评价报告");
  expect(html).toContain("<mark>【请填写：");
  expect(downloaded).toBe(false);
  await page.close();
});

test("scores entered in the pane are stored in the workbook and recalculate the total", async () => {
  const { page } = await openPane(browser, origin, { sheets: sample });
  await page.getByTestId("run").click();
  await page.getByTestId("scoring").waitFor();
  await expect(page.getByTestId("scoring-total").textContent()).resolves.toBe("已得 16.15 分，尚有 21 项待评分");
  await page.getByTestId("manual-goal-reasonable").fill("1.5");
  await page.getByTestId("entered-payment-progress").fill("90");
  await page.getByTestId("save-scores").click();
  await page.getByTestId("progress").waitFor({ state: "detached" });
  await expect(page.getByTestId("scoring-total").textContent()).resolves.toBe("已得 19.45 分，尚有 19 项待评分"); // + 1.5 + 2 × 90%
  await page.getByTestId("scoring").screenshot({ path: join(OUT, "pane-scoring.png") });
  const stored = JSON.parse(
    await page.evaluate(
      () => (window as unknown as { __fakeExcel: { settings: Record<string, string> } }).__fakeExcel.settings["juesuan.settings"],
    ),
  );
  expect(stored.scoring).toMatchObject({ manual: { "goal-reasonable": 1.5 }, entered: { "payment-progress": 90 } });
  await page.getByTestId("manual-goal-clear").fill("9");
  expect(await page.getByTestId("save-scores").isDisabled()).toBe(true); // 9 is over the indicator's 3 points
  await page.close();
});

test("核对报告: pasted text is checked against itself and the workbook; findings name their paragraph", async () => {
  const { page } = await openPane(browser, origin, { sheets: sample });
  await page.getByTestId("run").click();
  await page.getByTestId("audit").waitFor();
  await page
    .getByTestId("audit-text")
    .fill(
      "“公务接待费”本年数为1.71万元，上年数为5.10万元，较上年减少3.39万元。\n“公务用车购置及运行维护费”本年数为3.07元，上年数为8.65万元，本年数较上年数增加5.58万元。",
    );
  await page.getByTestId("audit-run").click();
  const text = (await page.getByTestId("audit-result").textContent()) ?? "";
  expect(text).toContain("发现 3 项");
  expect(text).toContain("第1段 报告：与表格不符");
  expect(text).toContain("第2段 报告：单位疑误");
  expect(text).toContain("第2段 报告：增减方向不符");
  await page.getByTestId("audit").screenshot({ path: join(OUT, "pane-audit.png") });
  await page.close();
});

test("security: the Content-Security-Policy allows no inline or remote script, and nothing violates it", async () => {
  const html = readFileSync(join(__dirname, "..", "..", "dist", "taskpane.html"), "utf8");
  const csp = /Content-Security-Policy"? content="([^"]+)"/.exec(html)?.[1] ?? "";
  expect(csp).toMatch(/default-src 'self'/);
  expect(csp).toMatch(/script-src 'self'(;|$)/); // the local build serves office.js itself
  expect(csp).not.toMatch(/unsafe-eval/);
  expect(csp).toMatch(/object-src 'none'/);
  expect(html).not.toMatch(/<script>(?!<\/script>)|<script(?![^>]*\bsrc=)[^>]*>[^<]/); // no inline script
  const { page } = await openPane(browser, origin, { sheets: sample });
  const violations: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy|Refused to/.test(m.text())) violations.push(m.text());
  });
  await page.getByTestId("run").click();
  await page.getByTestId("done").waitFor();
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("make-report").click()]);
  await download.path();
  expect(violations).toEqual([]);
  await page.close();
});

test("security: text in cells is shown as text, never run as HTML", async () => {
  const hostile = grid("支出", [
    ['<img src=x onerror="window.__xss=1">预决算表'],
    ["项目", "预算数", "决算数"],
    ["<script>window.__xss=2</script>办公费", 100, 130],
    ['<b onmouseover="window.__xss=3">差旅费</b>', 100, 100],
  ]);
  const { page } = await openPane(browser, origin, { sheets: [hostile] });
  await page.getByTestId("run").click();
  await page.getByTestId("done").waitFor();
  await expect(page.getByTestId("findings").textContent()).resolves.toContain("<script>window.__xss=2</script>办公费");
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  expect(await page.locator("main img, main script, main b").count()).toBe(0);
  await page.close();
});

test("the clerk changes weights and a rule parameter; the sum must stay 100; saved in the workbook and rescored", async () => {
  const { page } = await openPane(browser, origin, { sheets: sample });
  await page.getByTestId("run").click();
  await page.getByTestId("framework-editor").waitFor();
  await page.getByTestId("framework-editor").locator("summary").click();
  await page.getByTestId("weight-goal-reasonable").fill("3");
  await expect(page.getByTestId("weight-sum").textContent()).resolves.toBe("分值合计 101，应为 100");
  expect(await page.getByTestId("save-framework").isDisabled()).toBe(true);
  await page.getByTestId("weight-goal-clear").fill("2");
  await page.getByTestId("framework-editor").getByLabel("每百分点扣分").first().fill("1"); // 在职人员控制率
  await page.getByTestId("save-framework").click();
  await page.getByTestId("progress").waitFor({ state: "detached" });
  await expect(page.getByTestId("scoring-total").textContent()).resolves.toBe("已得 14.30 分，尚有 21 项待评分"); // 5 − 3.70 × 1 = 1.30
  const stored = JSON.parse(
    await page.evaluate(
      () => (window as unknown as { __fakeExcel: { settings: Record<string, string> } }).__fakeExcel.settings["juesuan.settings"],
    ),
  );
  expect(stored.scoring.weights).toEqual({ "goal-reasonable": 3, "goal-clear": 2 });
  expect(stored.scoring.rules["staff-control"]).toEqual({ type: "ceiling", target: 100, perPoint: 1 });
  await page.close();
});
