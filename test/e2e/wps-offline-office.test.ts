import { existsSync, readFileSync } from "node:fs";
import { createServer } from "node:http";
import type { Server } from "node:http";
import { extname, join, normalize } from "node:path";
import type { BrowserContext } from "playwright-core";
import { launch } from "./pane-harness";
import { buildOnce } from "./wps-harness";

/**
 * The Office offline build (npm run build:offline) in Chromium with the real office.js it carries: the pane and the
 * command page load, office.js starts (Office.onReady resolves outside Office), and every request stays on the
 * add-in's own origin. (WPS and this build are the two that must work without the internet.)
 */
jest.setTimeout(600_000);
const DIST = join(__dirname, "..", "..", "dist-offline");
let server: Server;
let origin: string;
let browser: BrowserContext;

beforeAll(async () => {
  buildOnce(DIST, "build:offline", "taskpane.html");
  server = createServer((req, res) => {
    const path = normalize(decodeURIComponent((req.url ?? "/").split("?")[0])).replace(/^(\.\.[/\\])+/, "");
    const file = join(DIST, path);
    if (!file.startsWith(DIST) || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    const type = { ".html": "text/html; charset=utf-8", ".js": "text/javascript" }[extname(file)] ?? "application/octet-stream";
    res.writeHead(200, { "content-type": type }).end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  server?.close();
});

test.each(["taskpane.html", "commands.html"])("%s loads office.js from its own origin and asks nothing of the internet", async (page) => {
  const p = await browser.newPage();
  const requests: string[] = [];
  const failed: string[] = [];
  p.on("request", (r) => requests.push(r.url()));
  p.on("response", (r) => r.status() >= 400 && failed.push(r.url()));
  await p.goto(`${origin}/${page}`);
  await p.waitForFunction(() => typeof (window as unknown as { Office?: { onReady?: unknown } }).Office?.onReady === "function");
  await p.evaluate(() => (window as unknown as { Office: { onReady(): Promise<unknown> } }).Office.onReady());
  if (page === "taskpane.html") await p.getByText("请在 Excel 中打开决算助手").waitFor(); // outside Office, said plainly
  expect(requests.some((u) => u.endsWith("/office-js/office.js"))).toBe(true);
  expect(requests.filter((u) => !u.startsWith(origin))).toEqual([]);
  expect(failed).toEqual([]);
  await p.close();
});
