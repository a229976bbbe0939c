import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runInNewContext } from "node:vm";
import { parse } from "acorn";
import { unzipSync } from "fflate";
import { SaxesParser } from "saxes";
import { buildWps } from "../e2e/wps-harness";
import { createFakeWps } from "./fake-wps";

/**
 * `npm run build:wps` output: the two add-in folders, publish.xml, jsplugins.xml and the offline package. The ribbon
 * must parse and name callbacks the main page really defines; every script must parse as ES2017 (the older embedded
 * browser of WPS 加载项) and use none of the newer APIs it lacks.
 */
jest.setTimeout(600_000);
const ROOT = join(__dirname, "..", "..");
const OUT = join(ROOT, "dist-wps");
const VERSION = (JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string }).version;
const FOLDERS = { et: `juesuan-et_${VERSION}`, wps: `juesuan-wps_${VERSION}` };

interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
}

/** Strict XML parse (throws on anything not well-formed) into a small element tree. */
function parseXml(text: string): XmlElement {
  const parser = new SaxesParser();
  const stack: XmlElement[] = [];
  let root: XmlElement | null = null;
  parser.on("error", (e) => {
    throw e;
  });
  parser.on("opentag", (tag) => {
    const el: XmlElement = { name: tag.name, attributes: tag.attributes as Record<string, string>, children: [] };
    if (stack.length > 0) stack[stack.length - 1].children.push(el);
    else root = el;
    stack.push(el);
  });
  parser.on("closetag", () => stack.pop());
  parser.write(text).close();
  if (!root) throw new Error("no root element");
  return root;
}

const all = (el: XmlElement): XmlElement[] => [el, ...el.children.flatMap(all)];

beforeAll(() => buildWps());

describe.each(Object.entries(FOLDERS))("the %s add-in folder", (kind, folder) => {
  const dir = join(OUT, folder);

  test("holds ribbon.xml, manifest.xml, index.html, taskpane.html, images and the bundle", () => {
    for (const f of ["ribbon.xml", "manifest.xml", "index.html", "taskpane.html", "wps-main.js", "wps-pane.js", "images/open.png"])
      expect(existsSync(join(dir, f))).toBe(true);
    const manifest = parseXml(readFileSync(join(dir, "manifest.xml"), "utf8"));
    expect(manifest.name).toBe("JsPlugin");
    expect(manifest.children.map((c) => c.name)).toEqual(["ApiVersion", "Name", "Description"]);
    const index = readFileSync(join(dir, "index.html"), "utf8");
    expect(index).toContain(`<script src="wps-main.js" data-host="${kind}"></script>`);
    for (const html of ["index.html", "taskpane.html"])
      expect(readFileSync(join(dir, html), "utf8")).not.toMatch(/(src|href)="(https?:)?\/\//);
  });

  test("ribbon.xml starts with <customUI, parses, and names callbacks the main page defines", () => {
    const text = readFileSync(join(dir, "ribbon.xml"), "utf8");
    expect(text.startsWith("<customUI")).toBe(true);
    const ribbon = parseXml(text);
    const callbacks = new Set<string>();
    for (const el of all(ribbon))
      for (const [attr, value] of Object.entries(el.attributes)) if (/^(on[A-Z]|get[A-Z])/.test(attr)) callbacks.add(value);
    expect([...callbacks].sort()).toEqual(["GetImage", "OnAction", "OnAddinLoad", "OnGetEnabled"]);
    const buttons = all(ribbon).filter((e) => e.name === "button");
    expect(buttons.map((b) => b.attributes.label)).toEqual(kind === "et" ? ["一键检查", "打开助手"] : ["打开助手"]);

    // Run the main page's script as WPS would (its own globals only) and look the callbacks up.
    const fake = createFakeWps({ kind: kind as "et" });
    const window: Record<string, unknown> = {
      Application: fake.app,
      wps: fake.app,
      location: { href: `file:///jsaddons/${folder}/index.html` },
    };
    const document = { currentScript: { dataset: { host: kind } } };
    Object.assign(window, { window, document });
    runInNewContext(readFileSync(join(dir, "wps-main.js"), "utf8"), window);
    for (const name of callbacks) expect(typeof window[name]).toBe("function");
    const on = window as unknown as {
      OnAddinLoad(ui: unknown): boolean;
      OnAction(c: { Id: string }): boolean;
      GetImage(c: { Id: string }): string;
    };
    expect(on.OnAddinLoad({})).toBe(true);
    for (const b of buttons) expect(existsSync(join(dir, on.GetImage({ Id: b.attributes.id })))).toBe(true);
    on.OnAction({ Id: "juesuanOpen" });
    expect(fake.state.panes).toMatchObject([
      { url: `file:///jsaddons/${folder}/taskpane.html?host=${kind}`, Visible: true, DockPosition: 2 },
    ]);
    on.OnAction({ Id: "juesuanOpen" });
    expect(fake.state.panes[0].Visible).toBe(false);
  });

  test("every script parses as ES2017 and needs no crypto.randomUUID, streaming fetch or Intl.Segmenter", () => {
    const scripts = readdirSync(dir).filter((f) => f.endsWith(".js"));
    expect(scripts.length).toBeGreaterThan(3);
    for (const f of scripts) {
      const code = readFileSync(join(dir, f), "utf8");
      expect(() => parse(code, { ecmaVersion: 2017, sourceType: "script" })).not.toThrow();
      expect(code).not.toMatch(/randomUUID|Intl\.Segmenter|\.getReader\(|ReadableStream|structuredClone/);
    }
  });
});

describe("publishing files", () => {
  test("publish.xml names both add-ins by the folders beside it", () => {
    const publish = parseXml(readFileSync(join(OUT, "publish.xml"), "utf8"));
    expect(publish.name).toBe("jsplugins");
    expect(publish.children.map((c) => c.attributes)).toEqual([
      { name: "juesuan-et", type: "et", url: FOLDERS.et, version: VERSION, enable: "enable_dev", install: "null", customDomain: "" },
      { name: "juesuan-wps", type: "wps", url: FOLDERS.wps, version: VERSION, enable: "enable_dev", install: "null", customDomain: "" },
    ]);
    for (const c of publish.children) expect(existsSync(join(OUT, c.attributes.url, "ribbon.xml"))).toBe(true);
  });

  test("jsplugins.xml points an intranet server's copy of each folder", () => {
    const plugins = parseXml(readFileSync(join(OUT, "jsplugins.xml"), "utf8"));
    expect(plugins.children.map((c) => [c.name, c.attributes.type, c.attributes.url])).toEqual([
      ["jspluginonline", "et", `http://intranet.example/juesuan/${FOLDERS.et}/`],
      ["jspluginonline", "wps", `http://intranet.example/juesuan/${FOLDERS.wps}/`],
    ]);
  });

  test("the offline package carries both folders, publish.xml, jsplugins.xml and the install scripts", () => {
    const zip = unzipSync(readFileSync(join(OUT, `juesuan-wps-addins_${VERSION}.zip`)));
    const names = Object.keys(zip);
    for (const f of [
      `${FOLDERS.et}/ribbon.xml`,
      `${FOLDERS.wps}/wps-pane.js`,
      "publish.xml",
      "jsplugins.xml",
      "install-linux.sh",
      "install-windows.ps1",
    ])
      expect(names).toContain(f);
    expect(new TextDecoder().decode(zip["install-linux.sh"])).toContain(".local/share/Kingsoft/wps/jsaddons");
    expect(zip["install-windows.ps1"].subarray(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf])); // BOM for PowerShell 5.1
  });

  test("install-linux.sh installs into a jsaddons folder and merges publish.xml, keeping other add-ins", () => {
    const dest = mkdtempSync(join(tmpdir(), "jsaddons-"));
    const earlier = [
      `<?xml version="1.0" encoding="UTF-8"?>`,
      `<jsplugins>`,
      `  <jsplugin name="other" type="wps" url="other_1.0" version="1.0"/>`,
      `  <jsplugin name="juesuan-et" type="et" url="juesuan-et_0.0.1" version="0.0.1"/>`,
      `</jsplugins>`,
    ];
    writeFileSync(join(dest, "publish.xml"), earlier.join("\n"));
    execFileSync("sh", [join(OUT, "install-linux.sh"), dest], { stdio: "pipe" });
    execFileSync("sh", [join(OUT, "install-linux.sh"), dest], { stdio: "pipe" }); // twice: no duplicates
    const merged = parseXml(readFileSync(join(dest, "publish.xml"), "utf8"));
    expect(merged.children.map((c) => c.attributes.url)).toEqual(["other_1.0", FOLDERS.et, FOLDERS.wps]);
    expect(existsSync(join(dest, FOLDERS.wps, "taskpane.html"))).toBe(true);
  });
});
