import { existsSync } from "node:fs";
import { join } from "node:path";

/**
 * The Office builds' configuration (webpack.config.js), read without building: the default build loads office.js from
 * Microsoft's CDN as before; OFFICE_JS=offline (npm run build:offline) serves office.js, its host files and every
 * locale's strings from the add-in's own origin, and its pages allow no other origin.
 */
const ROOT = join(__dirname, "..", "..");
type Config = {
  output: { path: string };
  plugins: { options?: { officeJs?: string; csp?: string }; patterns?: { from: string; to: string; info?: { minimized?: boolean } }[] }[];
};

function config(mode: string | undefined): Config {
  const before = process.env.OFFICE_JS;
  if (mode === undefined) delete process.env.OFFICE_JS;
  else process.env.OFFICE_JS = mode;
  try {
    jest.resetModules();
    const make = jest.requireActual(join(ROOT, "webpack.config.js")) as (env: unknown, argv: { mode: string }) => Config;
    return make({}, { mode: "production" });
  } finally {
    if (before === undefined) delete process.env.OFFICE_JS;
    else process.env.OFFICE_JS = before;
  }
}

const html = (c: Config) => c.plugins.filter((p) => p.options?.officeJs !== undefined).map((p) => p.options!);
const copied = (c: Config) => c.plugins.flatMap((p) => p.patterns ?? []);

test("the default build is the CDN build, as before", () => {
  const c = config(undefined);
  expect(c.output.path).toBe(join(ROOT, "dist"));
  for (const page of html(c)) {
    expect(page.officeJs).toBe("https://appsforoffice.microsoft.com/lib/1/hosted/office.js");
    expect(page.csp).toContain("script-src 'self' https://appsforoffice.microsoft.com");
  }
  expect(copied(c).some((p) => p.to.startsWith("office-js/"))).toBe(false);
});

test("the offline build serves office.js with its host files and locale strings from its own origin", () => {
  const c = config("offline");
  expect(c.output.path).toBe(join(ROOT, "dist-offline"));
  for (const page of html(c)) {
    expect(page.officeJs).toBe("office-js/office.js");
    expect(page.csp).not.toMatch(/https?:/);
    expect(page.csp).toContain("connect-src 'self'");
  }
  const files = copied(c)
    .filter((p) => p.to.startsWith("office-js/"))
    .map((p) => {
      expect(p.info?.minimized).toBe(true); // copied as is, not re-minified (toolchain.md G7)
      expect(existsSync(join(ROOT, p.from))).toBe(true);
      return p.to.slice("office-js/".length);
    });
  for (const f of [
    "office.js",
    "o15apptofilemappingtable.js",
    "excel-win32-16.01.js",
    "excel-web-16.00.js",
    "excel-mac-16.00.js",
    "word-win32-16.01.js",
    "word-web-16.00.js",
    "zh-cn/office_strings.js",
    "zh-tw/office_strings.js",
    "en-us/office_strings.js",
    "telemetry/oteljs_agave.js",
  ])
    expect(files).toContain(f);
  expect(files.some((f) => /\.debug\.js$|^(outlook|powerpoint|onenote|project)/.test(f))).toBe(false);
});
