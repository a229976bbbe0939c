import JSZip from "jszip";
import { readFileSync, writeFileSync } from "node:fs";
import type { Server } from "node:http";
import { join } from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { tmp } from "../support/run-cli";
import { buildPane, launch, openPane, OUT, serveDist } from "./pane-harness";

/** Word's pane in Chromium against a simulated Word host: pick the workbook, insert, the document receives it. */
jest.setTimeout(180_000);
const SAMPLE = join(__dirname, "..", "..", "assets", "sample-juesuan-2020.xlsx");
let server: Server;
let origin: string;
let browser: BrowserContext;

beforeAll(async () => {
  buildPane();
  ({ server, origin } = await serveDist());
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  server?.close();
});

/** The sample as Excel leaves it after the clerk chose settings: they live in the workbook's web-extension part. */
async function sampleWithSettings(settings: object): Promise<string> {
  const zip = await JSZip.loadAsync(readFileSync(SAMPLE));
  const value = JSON.stringify(JSON.stringify(settings)).replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
  zip.file(
    "xl/webextensions/webextension1.xml",
    [
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>`,
      `<we:webextension xmlns:we="http://schemas.microsoft.com/office/webextensions/webextension/2010/11" id="{1}">`,
      `<we:reference id="juesuan" version="0.1.0.0" store="developer" storeType="Registry"/><we:properties>`,
      `<we:property name="juesuan.settings" value="${value}"/></we:properties><we:bindings/><we:snapshot/>`,
      `</we:webextension>`,
    ].join(""),
  );
  const path = join(tmp(), "sample-with-settings.xlsx");
  writeFileSync(path, await zip.generateAsync({ type: "nodebuffer" }));
  return path;
}

const inserted = (page: Page) =>
  page.evaluate(
    () =>
      (window as unknown as { __fakeWord: { inserted: { api: string; where: string; b64?: string; html?: string }[]; opened: string[] } })
        .__fakeWord,
  );
const docxText = async (b64: string) =>
  (await (await JSZip.loadAsync(Buffer.from(b64, "base64"))).file("word/document.xml")!.async("string")).replace(/<[^>]+>/g, "");

test("pick the workbook, keep Excel's settings, preview the outline, replace the body with the whole .docx", async () => {
  const { page, requests } = await openPane(browser, origin, null, "taskpane.html", {
    script: "fake-word.js",
    init: { wordApi: ["1.1", "1.3", "1.5"] },
  });
  await page.getByTestId("workbook-file").setInputFiles(await sampleWithSettings({ template: "final-accounts", thresholdPercent: 20 }));
  await page.getByTestId("loaded").waitFor();
  // at 20%: 1 mistyped digit (explaining 2 sums), 3 unbudgeted, 5 lines ≥ 20%
  await expect(page.getByTestId("loaded").textContent()).resolves.toContain("识别到 4 张表，发现 9 项问题；已使用工作簿中保存的设置");
  await expect(page.getByTestId("outline").textContent()).resolves.toContain("七、财政拨款“三公”经费支出决算情况说明");
  await page.screenshot({ path: join(OUT, "word-pane.png"), fullPage: true });
  // 替换全文 replaces the clerk's document: it asks first, and a cancel leaves the document alone.
  await page.getByTestId("insert-replace").click();
  await expect(page.getByRole("dialog").textContent()).resolves.toContain("当前文档的全部内容将被报告草稿替换");
  await page.waitForTimeout(500); // the dialog fades in
  await page.screenshot({ path: join(OUT, "word-pane-replace-confirm.png") });
  await page.getByTestId("replace-cancel").click();
  await page.getByRole("dialog").waitFor({ state: "detached" });
  expect((await inserted(page)).inserted).toEqual([]);
  await page.getByTestId("insert-replace").click();
  await page.getByTestId("replace-confirm").click();
  await page.getByTestId("word-result").waitFor();
  await expect(page.getByTestId("word-result").textContent()).resolves.toMatch(
    /已插入《绥宁县河口苗族乡人民政府2020年度部门决算说明》：整份文档插入（保留公文样式和页面设置）/,
  );
  const state = await inserted(page);
  expect(state.inserted.map((x) => [x.api, x.where])).toEqual([["document.insertFileFromBase64", "Replace"]]);
  const text = await docxText(state.inserted[0].b64!);
  expect(text).toContain("部门决算说明");
  // the threshold chosen in Excel (20%): 住房公积金 at −12.56% is among the items with small differences (at 10% it is not)
  expect(text).toContain("其余5个项目决算数与年初预算数差异较小");
  expect(requests.filter((u) => !u.startsWith(origin))).toEqual([]);
  await page.close();
});

test("a host with WordApi 1.1 only: inserted at the cursor; new document not offered", async () => {
  const { page } = await openPane(browser, origin, null, "taskpane.html", { script: "fake-word.js", init: { wordApi: ["1.1"] } });
  await page.getByTestId("workbook-file").setInputFiles(SAMPLE);
  await page.getByTestId("loaded").waitFor();
  expect(await page.getByTestId("insert-new").isDisabled()).toBe(true);
  await page.getByTestId("insert-cursor").click();
  await page.getByTestId("word-result").waitFor();
  const state = await inserted(page);
  expect(state.inserted.map((x) => x.api)).toEqual(["selection.insertFileFromBase64"]);
  expect(await docxText(state.inserted[0].b64!)).toContain("部门整体支出绩效评价报告");
  await page.close();
});

test("a host without WordApi gets HTML through the Common API; a new document where WordApi 1.3 allows", async () => {
  const old = await openPane(browser, origin, null, "taskpane.html", { script: "fake-word.js", init: { wordApi: [] } });
  await old.page.getByTestId("workbook-file").setInputFiles(SAMPLE);
  await old.page.getByTestId("loaded").waitFor();
  await old.page.getByTestId("insert-cursor").click();
  await old.page.getByTestId("word-result").waitFor();
  const s = await inserted(old.page);
  expect(s.inserted.map((x) => x.api)).toEqual(["setSelectedDataAsync"]);
  expect(s.inserted[0].html).toContain("部门整体支出绩效评价报告");
  await old.page.close();

  const modern = await openPane(browser, origin, null, "taskpane.html", { script: "fake-word.js", init: { wordApi: ["1.1", "1.3"] } });
  await modern.page.getByTestId("workbook-file").setInputFiles(SAMPLE);
  await modern.page.getByTestId("loaded").waitFor();
  await modern.page.getByTestId("insert-new").click();
  await modern.page.getByTestId("word-result").waitFor();
  expect((await inserted(modern.page)).opened).toHaveLength(1);
  await modern.page.close();
});

test("a file that is not a workbook gets a clear message", async () => {
  const { page } = await openPane(browser, origin, null, "taskpane.html", { script: "fake-word.js", init: {} });
  const bad = join(tmp(), "notes.xlsx");
  writeFileSync(bad, "这不是工作簿");
  await page.getByTestId("workbook-file").setInputFiles(bad);
  await page.getByTestId("word-result").waitFor();
  await expect(page.getByTestId("word-result").textContent()).resolves.toContain("不是 Excel 工作簿");
  await page.close();
});

test("核对当前文档: the open document's text is audited against the picked workbook", async () => {
  const bodyText = [
    "河口乡2020年决算说明",
    "“公务接待费”本年数为1.71万元，上年数为5.10万元，较上年减少3.39万元。",
    "“办公经费”本年数为22.37万元，上年数为27.25万元，较上年增加4.88万元。",
  ].join("\r");
  const { page } = await openPane(browser, origin, null, "taskpane.html", { script: "fake-word.js", init: { bodyText } });
  await page.getByTestId("workbook-file").setInputFiles(SAMPLE);
  await page.getByTestId("loaded").waitFor();
  await page.getByTestId("audit-document").click();
  const text = (await page.getByTestId("word-audit-result").textContent()) ?? "";
  expect(text).toContain("发现 2 项");
  expect(text).toContain("第2段 报告：与表格不符"); // 1.71 against the table's 1.61
  expect(text).toContain("第3段 报告：增减方向不符"); // 22.37 < 27.25 is a fall
  await page.screenshot({ path: join(OUT, "word-pane-audit.png"), fullPage: true });
  await page.close();
});
