import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import type { Server } from "node:http";
import { extname, join, normalize } from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import type { FakeWpsInit } from "../wps/fake-wps";

/** The WPS add-in folders as WPS would load them, in Chromium, with the simulated WPS Application (test/wps/fake-wps.js). */
const ROOT = join(__dirname, "..", "..");
export const WPS_DIST = join(ROOT, "dist-wps");
export const VERSION = (JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string }).version;
export const FOLDER = { et: `juesuan-et_${VERSION}`, wps: `juesuan-wps_${VERSION}` } as const;
const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript",
  ".png": "image/png",
  ".xml": "text/xml",
};

/** The newest modification time of what the WPS build reads: a build newer than this is current. */
function sourceStamp(): string {
  let newest = 0;
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else newest = Math.max(newest, statSync(p).mtimeMs);
    }
  };
  walk(join(ROOT, "src"));
  walk(join(ROOT, "scripts"));
  for (const f of ["webpack.config.js", "webpack.wps.config.js", "package.json", "tsconfig.json", "manifest.xml"])
    newest = Math.max(newest, statSync(join(ROOT, f)).mtimeMs);
  return String(Math.floor(newest));
}

/**
 * Runs `npm run <script>` into `dir` unless it is already built from the current sources; test files that run in
 * parallel wait for one another's build instead of building into the same folder at once.
 */
export function buildOnce(dir: string, script: string, ready: string): void {
  const stampFile = join(dir, ".built-from");
  const current = () => existsSync(join(dir, ready)) && existsSync(stampFile) && readFileSync(stampFile, "utf8") === sourceStamp();
  const lock = `${dir}.lock`;
  for (;;) {
    if (current()) return;
    try {
      mkdirSync(lock);
      break;
    } catch {
      // Another test file is building; a lock left by a run that was killed is taken over after ten minutes.
      if (existsSync(lock) && Date.now() - statSync(lock).mtimeMs > 600_000) rmSync(lock, { recursive: true, force: true });
      else execFileSync("sleep", ["2"]);
    }
  }
  try {
    if (current()) return;
    execFileSync("npm", ["run", script], { cwd: ROOT, stdio: "pipe" });
    writeFileSync(stampFile, sourceStamp());
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/** `npm run build:wps` (about two minutes) when the sources changed; WPS_BUILT=1 reuses any earlier build. */
export function buildWps(): void {
  if (process.env.WPS_BUILT && existsSync(join(WPS_DIST, FOLDER.et, "taskpane.html"))) return;
  buildOnce(WPS_DIST, "build:wps", join(FOLDER.et, "taskpane.html"));
}

export async function serveWps(): Promise<{ server: Server; origin: string }> {
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent((req.url ?? "/").split("?")[0])).replace(/^(\.\.[/\\])+/, "");
    const file = join(WPS_DIST, path);
    if (!file.startsWith(WPS_DIST) || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" }).end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { server, origin: `http://127.0.0.1:${(server.address() as { port: number }).port}` };
}

/** A page of the add-in (the pane, or the hidden main page) with the simulated WPS installed first; requests recorded. */
export async function openWps(
  context: BrowserContext,
  origin: string,
  init: FakeWpsInit,
  page: "taskpane" | "index" = "taskpane",
): Promise<{ page: Page; requests: string[] }> {
  const kind = init.kind ?? "et";
  const p = await context.newPage();
  const requests: string[] = [];
  p.on("request", (r) => requests.push(r.url()));
  await p.addInitScript({ content: `window.__FAKE_WPS__ = ${JSON.stringify({ ...init, kind })};` });
  await p.addInitScript({ path: join(__dirname, "..", "wps", "fake-wps.js") });
  const url = page === "taskpane" ? `${origin}/${FOLDER[kind]}/taskpane.html?host=${kind}` : `${origin}/${FOLDER[kind]}/index.html`;
  await p.goto(url);
  return { page: p, requests };
}

type FakeState = {
  calls: number;
  selection: { sheet: string; address: string } | null;
  inserted: { where: string; path: string; kind: string; data: string }[];
  panes: { ID: number; url: string; Visible: boolean }[];
  storage: Map<string, string>;
  files: Map<string, string>;
};

/** A file the simulated WPS holds, as base64 (it stores the binary string the adapter wrote). */
export const wpsFileBase64 = (page: Page, which: "inserted" | "saved") =>
  page.evaluate((w) => {
    const fake = (window as unknown as { __fakeWps: { state: FakeState } }).__fakeWps;
    const data = w === "inserted" ? fake.state.inserted[0]?.data : [...fake.state.files.values()][0];
    return data === undefined ? null : btoa(data);
  }, which);
