import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { run } from "../../src/cli/main";
import type { SheetSpec } from "../../scripts/workbook-builder";
import { workbookBytes } from "../../scripts/workbook-builder";

export const tmp = (): string => mkdtempSync(join(tmpdir(), "juesuan-"));

export async function writeFixture(sheets: SheetSpec[], dir = tmp(), name = "fixture.xlsx"): Promise<string> {
  const path = join(dir, name);
  writeFileSync(path, await workbookBytes(sheets));
  return path;
}

/** Runs the CLI in-process, capturing what it prints. */
export async function cli(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await run(argv, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}
