import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * Workbooks made by LibreOffice (a writer other than exceljs and ours), from flat ODF files kept in test/xlsx/fixtures:
 * what LibreOffice writes for charts, pivot tables, tables (without tableStyleInfo), validation and defined names.
 * Converted once per content and cached in the temporary folder. LibreOffice is a test prerequisite: without it the
 * test fails and says so, it is not skipped.
 */
export function soffice(): string {
  for (const candidate of ["soffice", "libreoffice"]) {
    try {
      execFileSync("sh", ["-c", `command -v ${candidate}`], { stdio: "pipe" });
      return candidate;
    } catch {
      // try the next name
    }
  }
  throw new Error(
    "这项测试需要 LibreOffice（soffice）/ this test needs LibreOffice: apt-get install -y --no-install-recommends libreoffice-calc-nogui",
  );
}

/** Converts a file with LibreOffice headless (in a folder of its own, so parallel test workers never share one). */
export function convert(source: string, ext: string, to = ext): Uint8Array {
  const bin = soffice();
  const text = readFileSync(source);
  const key = createHash("sha256").update(text).update(to).digest("hex").slice(0, 16);
  const cacheDir = join(tmpdir(), "juesuan-lo-cache");
  const cached = join(cacheDir, `${key}.${ext}`);
  if (existsSync(cached)) return readFileSync(cached);
  const work = mkdtempSync(join(tmpdir(), "juesuan-lo-"));
  const input = join(work, `converted${source.slice(source.lastIndexOf("."))}`);
  writeFileSync(input, text);
  execFileSync(
    bin,
    ["--headless", "--norestore", `-env:UserInstallation=file://${work}/profile`, "--convert-to", to, "--outdir", work, input],
    {
      stdio: "pipe",
      timeout: 120_000,
    },
  );
  const out = join(work, `converted.${ext}`);
  if (!existsSync(out)) throw new Error(`LibreOffice did not convert ${source}`);
  const bytes = readFileSync(out);
  mkdirSync(cacheDir, { recursive: true });
  const temp = `${cached}.${process.pid}`;
  writeFileSync(temp, bytes);
  renameSync(temp, cached);
  rmSync(work, { recursive: true, force: true });
  return bytes;
}

export const libreOfficeWorkbook = (): Uint8Array => convert(join(__dirname, "..", "fixtures", "libreoffice-rich.fods"), "xlsx");
