import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { OfficeAddinManifest } from "office-addin-manifest";
import { parseStringPromise } from "xml2js";

/**
 * The manifest, checked offline (the Microsoft validation service is not reachable here): well-formed,
 * the elements Office requires, localized texts, requirement sets at or below ExcelApi 1.7, and every URL
 * on the add-in's own origin pointing at a file the build produces.
 */
const ROOT = join(__dirname, "..");
const xml = readFileSync(join(ROOT, "manifest.xml"), "utf8");
type Node = Record<string, unknown> & { $?: Record<string, string> };
let doc: Node;

beforeAll(async () => {
  doc = (await parseStringPromise(xml, { explicitArray: true })).OfficeApp as Node;
});

test("office-addin-manifest reads it (offline parse)", async () => {
  const info = await OfficeAddinManifest.readManifestFile(join(ROOT, "manifest.xml"));
  expect(info.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  expect(info.displayName).toBe("决算助手");
  expect(info.defaultLocale).toBe("zh-CN");
  expect(info.hosts).toEqual(["Workbook", "Document"]);
  expect(info.permissions).toBe("ReadWriteDocument");
});

test("the required top-level elements, in schema order", () => {
  const order = [
    "Id",
    "Version",
    "ProviderName",
    "DefaultLocale",
    "DisplayName",
    "Description",
    "IconUrl",
    "HighResolutionIconUrl",
    "SupportUrl",
    "Hosts",
    "DefaultSettings",
    "Permissions",
    "VersionOverrides",
  ];
  const present = order.filter((k) => k in doc);
  expect(present).toEqual(order);
  const positions = order.map((k) => xml.indexOf(`<${k}`));
  expect([...positions].sort((a, b) => a - b)).toEqual(positions);
});

test("requirements: none at manifest level (it would hide the add-in in Word); ExcelApi 1.7 is checked in code", () => {
  expect(doc.Requirements).toBeUndefined();
  const caps = readFileSync(join(ROOT, "src", "excel", "capabilities.ts"), "utf8");
  expect(caps).toMatch(/baseline: has\("1\.7"\)/);
  const versions = [...readFileSync(join(ROOT, "src", "excel", "capabilities.ts"), "utf8").matchAll(/has\("(1\.\d+)"\)/g)].map((m) => m[1]);
  expect(versions.sort()).toEqual(["1.13", "1.7", "1.7", "1.9"]);
});

test("both hosts: Excel's ribbon tab and Word's Home-tab button open the same pane", () => {
  const hosts = [...xml.matchAll(/<Host xsi:type="(\w+)">/g)].map((m) => m[1]);
  expect(hosts).toEqual(["Workbook", "Document"]);
  expect(xml).toMatch(/<Host xsi:type="Document">[\s\S]*<OfficeTab id="TabHome">[\s\S]*<SourceLocation resid="Taskpane.Url"\/>/);
});

test("no AppDomains beyond the add-in's own origin; every URL is https on that origin", () => {
  expect(doc.AppDomains).toBeUndefined();
  const urls = [...xml.matchAll(/DefaultValue="(https?:[^"]+)"/g)].map((m) => m[1]);
  expect(urls.length).toBeGreaterThan(5);
  const origins = new Set(urls.map((u) => new URL(u).origin));
  expect([...origins]).toEqual(["https://localhost:3000"]);
});

test("every URL points at a file the build produces", () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- webpack.config.js is CommonJS by design (toolchain.md)
  const config = require(join(ROOT, "webpack.config.js"))({}, { mode: "production" });
  const pages = config.plugins
    .filter((p: { userOptions?: { filename?: string } }) => p.userOptions?.filename)
    .map((p: { userOptions: { filename: string } }) => p.userOptions.filename);
  const urls = [...xml.matchAll(/DefaultValue="https:\/\/localhost:3000\/([^"]+)"/g)].map((m) => m[1]);
  for (const path of urls) {
    if (path.endsWith(".html")) expect(pages).toContain(path);
    else expect(existsSync(join(ROOT, path))).toBe(true); // assets/icon-*.png, copied into the build as is
  }
});

test("ribbon: a 决算助手 tab with 一键检查 (function) and 打开助手 (task pane), icons at 16/32/80", () => {
  expect(xml).toMatch(/<FunctionName>oneClickCheck<\/FunctionName>/);
  expect(xml).toMatch(/<Action xsi:type="ShowTaskpane">/);
  const sizes = [...xml.matchAll(/<bt:Image size="(\d+)"/g)].map((m) => m[1]);
  expect(new Set(sizes)).toEqual(new Set(["16", "32", "80"]));
  const resids = new Set([...xml.matchAll(/resid="([^"]+)"/g)].map((m) => m[1]));
  const defined = new Set([...xml.matchAll(/<bt:(?:Image|Url|String) id="([^"]+)"/g)].map((m) => m[1]));
  for (const r of resids) expect(defined).toContain(r);
  const commands = readFileSync(join(ROOT, "src", "commands", "commands.ts"), "utf8");
  expect(commands).toMatch(/associate\("oneClickCheck"/);
});

test("every text is zh-CN by default with an en-US override", () => {
  const strings = [...xml.matchAll(/<bt:String id="([^"]+)" DefaultValue="([^"]+)">\s*<bt:Override Locale="en-US" Value="[^"]+"\/>/g)];
  const all = [...xml.matchAll(/<bt:String id="/g)];
  expect(strings.length).toBe(all.length);
  for (const s of strings) expect(s[2]).toMatch(/[\u4e00-\u9fff]/);
  expect(xml).toMatch(/<DisplayName DefaultValue="决算助手">\s*<Override Locale="en-US"/);
});
