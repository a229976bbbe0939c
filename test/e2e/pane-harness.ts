import { existsSync, mkdirSync, mkdtempSync, readFileSync } from "node:fs";
import { createServer } from "node:http";
import type { Server } from "node:http";
import { tmpdir } from "node:os";
import { extname, join, normalize } from "node:path";
import { chromium } from "playwright-core";
import type { BrowserContext, Page } from "playwright-core";
import type { CellGrid } from "../../src/core/base/cell-grid";
import { buildOnce } from "./wps-harness";

/** Builds the pane once (production build with office.js served locally), serves dist/, drives Debian's Chromium. */
const ROOT = join(__dirname, "..", "..");
const DIST = join(ROOT, "dist");
export const OUT = join(ROOT, "e2e-out");
const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript",
  ".png": "image/png",
  ".txt": "text/plain",
};

export function buildPane(): void {
  if (process.env.PANE_BUILT && existsSync(join(DIST, "taskpane.html"))) return;
  // Once per change of the sources, never twice at the same time into dist/ (test files run in parallel).
  buildOnce(DIST, "build:test", "taskpane.html");
}

export async function serveDist(): Promise<{ server: Server; origin: string }> {
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent((req.url ?? "/").split("?")[0])).replace(/^(\.\.[/\\])+/, "");
    const file = join(DIST, path);
    if (!file.startsWith(DIST) || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" }).end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address() as { port: number };
  return { server, origin: `http://127.0.0.1:${address.port}` };
}

export async function launch(): Promise<BrowserContext> {
  mkdirSync(OUT, { recursive: true });
  return chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), "juesuan-chrome-")), {
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    headless: true,
    viewport: { width: 360, height: 900 },
    acceptDownloads: true,
    permissions: ["clipboard-read", "clipboard-write"],
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

export interface FakeWorkbook {
  sheets: CellGrid[];
  apiVersion?: string;
  platform?: string;
  settings?: Record<string, unknown>;
  /** The host refuses the page setup (ExcelApi 1.9 zoom), as a real host might, at the next sync. */
  refusePageLayout?: boolean;
}

/** A page with a simulated host (Excel by default) installed before the pane's scripts run; every request is recorded. */
export async function openPane(
  context: BrowserContext,
  origin: string,
  workbook: FakeWorkbook | null,
  page = "taskpane.html",
  host: { script: string; init: object } = { script: "fake-office.js", init: {} },
): Promise<{ page: Page; requests: string[] }> {
  const p = await context.newPage();
  const requests: string[] = [];
  p.on("request", (r) => requests.push(r.url()));
  // The real office.js (served locally) would replace the simulated host: answer it with nothing.
  await p.route("**/office-js/*.js", (route) => route.fulfill({ status: 200, contentType: "text/javascript", body: "" }));
  await p.addInitScript({
    content: `window.__FAKE_WORKBOOK__ = ${JSON.stringify(workbook)}; window.__FAKE_WORD__ = ${JSON.stringify(host.init)};`,
  });
  await p.addInitScript({ path: join(__dirname, host.script) });
  await p.goto(`${origin}/${page}`);
  return { page: p, requests };
}
