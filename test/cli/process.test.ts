import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { tmp } from "../support/run-cli";
import { buildXlsx, rowsXml } from "../xlsx/support/ooxml";
import type { Cell } from "../xlsx/support/ooxml";

/**
 * A handful of real processes (the rest of the command line is tested in-process): what only a process shows — a
 * closed pipe, a named pipe, the exit status. The TypeScript sources run directly through a transpiling loader.
 */
const ROOT = join(__dirname, "..", "..");
const LOADER = join(ROOT, "test", "support", "register-ts.js");
const MAIN = join(ROOT, "src", "cli", "main.ts");

function bash(script: string): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync("bash", ["-c", script], { cwd: ROOT, encoding: "utf8", timeout: 60_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const juesuan = `node -r ${LOADER} ${MAIN}`;

test("check | head -1: the closed pipe ends the command quietly, no stack", () => {
  const rows: Cell[][] = [["单位：元"], ["科目编码", "科目名称", "预算数", "决算数"]];
  for (let i = 0; i < 3000; i++) rows.push([String(2010100 + i), `项目${i}`, 100 + i, 120 + i * 1.5]);
  const dir = tmp();
  const file = join(dir, "big.xlsx");
  writeFileSync(file, buildXlsx({ sheets: [{ name: "明细", data: rowsXml(rows) }] }));
  const r = bash(`${juesuan} check ${file} --json 2>${dir}/err.txt | head -1; echo "status=\${PIPESTATUS[0]}"; cat ${dir}/err.txt`);
  // The document is compact, one table, line and finding per text line: its first line opens the tables.
  expect(r.stdout).toMatch(/^\{"tables":\[\nstatus=0\n$/);
  expect(r.stderr).toBe("");
});

test("a named pipe as the workbook: exit 2 at once with the two lines, no hang", () => {
  const fifo = join(tmp(), "pipe.xlsx");
  const r = bash(`mkfifo ${fifo} && ${juesuan} check ${fifo}; echo "status=$?"`);
  expect(r.stdout).toContain("status=2");
  expect(r.stderr.trim().split("\n")).toEqual([
    expect.stringMatching(/^错误：不是普通文件（管道）/),
    expect.stringMatching(/^Error: Not a regular file/),
  ]);
});

test("a damaged workbook: exit 2 with the two lines, no stack", () => {
  const file = join(tmp(), "cut.xlsx");
  writeFileSync(file, buildXlsx({ sheets: [{ name: "表", data: rowsXml([["甲", 1]]) }] }).subarray(0, 150));
  const r = bash(`${juesuan} sheets ${file} -o ${file}.out.xlsx; echo "status=$?"`);
  expect(r.stdout).toContain("status=2");
  expect(r.stderr).toMatch(/^错误：.*\nError: .*\n$/);
});
