import { mkdirSync, readFileSync } from "node:fs";
import type { Server } from "node:http";
import { join } from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import type { CellGrid } from "../../src/core/base/cell-grid";
import { readWorkbookGrids } from "../../src/xlsx/read-workbook";
import { buildPane, launch, openPane, serveDist } from "./pane-harness";

/**
 * The pane organised by task, at the widths Office gives it (320 and 350 px) and at 500 px: every tab after a check,
 * screenshots in out/screens/ (looked at), no horizontal scrolling, reachable by keyboard.
 */
jest.setTimeout(300_000);
const ROOT = join(__dirname, "..", "..");
const SCREENS = join(ROOT, "out", "screens");
let server: Server;
let origin: string;
let browser: BrowserContext;
let sample: CellGrid[];

beforeAll(async () => {
  buildPane();
  ({ server, origin } = await serveDist());
  browser = await launch();
  sample = await readWorkbookGrids(readFileSync(join(ROOT, "assets", "sample-juesuan-2020.xlsx")), "sample.xlsx");
  mkdirSync(SCREENS, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
  server?.close();
});

/** Horizontal overflow of the page: the document scrolls sideways, or an element sticks out to the right. */
const overflow = (page: Page) =>
  page.evaluate(() => {
    const doc = document.scrollingElement as HTMLElement;
    const width = doc.clientWidth;
    const out = [...document.querySelectorAll("body *")]
      .filter((e) => (e as HTMLElement).offsetParent !== null || e.tagName === "svg")
      .map((e) => ({ e, r: e.getBoundingClientRect() }))
      .filter(({ r }) => r.width > 0 && r.right > width + 0.5)
      .map(
        ({ e, r }) => `${e.tagName}.${(e.getAttribute("data-testid") ?? e.className).toString().slice(0, 40)} right=${Math.round(r.right)}`,
      );
    return { scroll: doc.scrollWidth, client: width, out: out.slice(0, 5) };
  });

const TABS = ["check", "scoring", "report", "audit"] as const;

/** The whole page in slices of 1000 px (a long pane is easier to look at in parts). */
async function shoot(page: Page, name: string): Promise<void> {
  const { w, h } = await page.evaluate(() => ({ w: document.documentElement.clientWidth, h: document.documentElement.scrollHeight }));
  for (let y = 0, n = 1; y < h; y += 1000, n++)
    await page.screenshot({
      path: join(SCREENS, `${name}-${n}.png`),
      fullPage: true,
      clip: { x: 0, y, width: w, height: Math.min(1000, h - y) },
    });
}

describe.each([320, 350, 500])("at %i px", (width) => {
  test("every tab fits without horizontal scrolling; screenshots", async () => {
    const { page } = await openPane(browser, origin, { sheets: sample, apiVersion: "1.13" });
    await page.setViewportSize({ width, height: 900 });
    await page.getByTestId("orientation").waitFor();
    await page.screenshot({ path: join(SCREENS, `${width}-0-first.png`), fullPage: true });
    expect(await overflow(page)).toMatchObject({ out: [] });
    await page.getByTestId("run").click();
    await page.getByTestId("done").waitFor();
    for (const [i, tab] of TABS.entries()) {
      await page.getByTestId(`tab-${tab}`).click();
      await page.getByTestId(`panel-${tab}`).waitFor();
      if (tab === "scoring") await page.getByTestId("framework-editor").locator("summary").click();
      if (tab === "check") await page.getByTestId("settings").locator("summary").click();
      const o = await overflow(page);
      expect(o.out).toEqual([]);
      expect(o.scroll).toBeLessThanOrEqual(o.client);
      await shoot(page, `${width}-${i + 1}-${tab}`);
    }
    await page.close();
  });
});

test("keyboard: the tabs are reachable and arrow keys move between them; focus goes header → tabs → panel", async () => {
  const { page } = await openPane(browser, origin, { sheets: sample });
  await page.setViewportSize({ width: 320, height: 900 });
  await page.getByTestId("run").waitFor();
  await page.keyboard.press("Tab");
  expect(await page.evaluate(() => document.activeElement?.getAttribute("data-testid"))).toBe("tab-check");
  await page.keyboard.press("ArrowRight");
  expect(await page.evaluate(() => document.activeElement?.getAttribute("data-testid"))).toBe("tab-scoring");
  await page.keyboard.press("Enter");
  await page.getByTestId("panel-scoring").waitFor();
  await page.keyboard.press("ArrowLeft");
  await page.keyboard.press("Enter");
  await page.getByTestId("panel-check").waitFor();
  await page.keyboard.press("Tab");
  expect(await page.evaluate(() => document.activeElement?.getAttribute("data-testid"))).toBe("run");
  await page.keyboard.press("Enter");
  await page.getByTestId("done").waitFor();
  await page.close();
});
