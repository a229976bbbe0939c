import * as fs from "node:fs";
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { checkFolder } from "../../src/cli/batch";
import { DEFAULT_SETTINGS } from "../../src/core";
import { cli, tmp } from "../support/run-cli";
import { buildXlsx, budgetTable, rowsXml } from "../xlsx/support/ooxml";

const SAMPLE = join(__dirname, "..", "..", "assets", "sample-juesuan-2020.xlsx");

/** Exit 2, the Chinese line, then the English line; nothing on stdout; no stack. */
async function expectRefused(argv: string[], zh: RegExp): Promise<void> {
  const { code, out, err } = await cli(argv);
  expect({ code, out }).toEqual({ code: 2, out: "" });
  const lines = err.trim().split("\n");
  expect(lines[0]).toMatch(zh);
  expect(lines[1]).toMatch(/^Error: /);
  expect(err).not.toMatch(/\n\s+at /);
}

describe("output files", () => {
  test.each([
    ["a missing folder", (d: string) => join(d, "nope", "out.xlsx"), /输出文件夹不存在/],
    ["a folder", (d: string) => d, /输出路径是一个文件夹/],
    ["a device", () => "/dev/full", /输出路径不是普通文件/],
  ])("sheets -o into %s: exit 2 with a message", async (_, target, message) => {
    await expectRefused(["sheets", SAMPLE, "-o", target(tmp())], message);
  });

  test("never over the input: the same path, a symbolic link, a hard link; even with --force", async () => {
    const dir = tmp();
    const input = join(dir, "in.xlsx");
    fs.copyFileSync(SAMPLE, input);
    fs.symlinkSync(input, join(dir, "link.xlsx"));
    fs.linkSync(input, join(dir, "hard.xlsx"));
    const before = fs.readFileSync(input);
    for (const out of [input, join(dir, ".", "in.xlsx"), join(dir, "link.xlsx"), join(dir, "hard.xlsx")]) {
      await expectRefused(["sheets", input, "-o", out, "--force"], /输出文件不能与输入文件相同/);
      await expectRefused(["report", input, "-o", out, "--force"], /输出文件不能与输入文件相同/);
    }
    expect(Buffer.compare(fs.readFileSync(input), before)).toBe(0);
  });

  test("an existing file is kept unless --force; with --force it is replaced", async () => {
    const out = join(tmp(), "out.xlsx");
    fs.writeFileSync(out, "keep me");
    await expectRefused(["sheets", SAMPLE, "-o", out], /输出文件已存在.*--force/);
    expect(fs.readFileSync(out, "utf8")).toBe("keep me");
    const r = await cli(["sheets", SAMPLE, "-o", out, "--force"]);
    expect(r.code).toBe(0);
    expect(fs.readFileSync(out).subarray(0, 2).toString()).toBe("PK");
  });

  test("a full disk: exit 2, and no half-written or temporary file is left", async () => {
    const dir = tmp();
    // The module object itself (not the import namespace, whose bindings cannot be replaced).
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const spy = jest.spyOn(require("node:fs") as typeof fs, "writeSync").mockImplementation(() => {
      throw Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC" });
    });
    try {
      await expectRefused(["sheets", SAMPLE, "-o", join(dir, "out.xlsx")], /磁盘空间不足/);
    } finally {
      spy.mockRestore();
    }
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});

describe("input files", () => {
  test("a named pipe is refused before it is opened (no hang)", async () => {
    const fifo = join(tmp(), "pipe.xlsx");
    execFileSync("mkfifo", [fifo]);
    await expectRefused(["check", fifo], /不是普通文件（管道）/);
  });

  test("a device is refused", async () => {
    await expectRefused(["check", "/dev/zero"], /不是普通文件（设备）/);
  });

  test("a settings file that is a pipe is refused, not waited for", async () => {
    const fifo = join(tmp(), "settings.json");
    execFileSync("mkfifo", [fifo]);
    const { code, err } = await cli(["check", SAMPLE, "--settings", fifo]);
    expect(code).toBe(2);
    expect(err).toMatch(/设置文件无法读取/);
  });
});

describe("folder mode: one failing file is a row, not the end of the batch", () => {
  test("unusable files, a pipe and a bug each become a row; the others are checked", async () => {
    const dir = tmp();
    const good = buildXlsx({ sheets: [{ name: "表", data: rowsXml(budgetTable()) }] });
    fs.writeFileSync(join(dir, "甲.xlsx"), good);
    fs.writeFileSync(join(dir, "乙.xlsx"), good.subarray(0, 200));
    execFileSync("mkfifo", [join(dir, "丙.xlsx")]);
    fs.writeFileSync(join(dir, "丁.xlsx"), good);
    const seen: string[] = [];
    const rows = await checkFolder(
      dir,
      DEFAULT_SETTINGS,
      async (path) => {
        seen.push(path);
        if (path.endsWith("丁.xlsx")) throw new TypeError("a bug");
        const { checkWorkbook } = await import("../../src/core");
        const { readWorkbookGrids } = await import("../../src/xlsx/read-workbook");
        const { readInputFile } = await import("../../src/cli/input-file");
        return { analysis: checkWorkbook(await readWorkbookGrids(readInputFile(path), path), DEFAULT_SETTINGS), budget: null };
      },
      () => undefined,
    );
    expect(rows.map((r) => [r.file, r.ok, r.internal ?? false])).toEqual([
      ["丙.xlsx", false, false],
      ["丁.xlsx", false, true],
      ["甲.xlsx", true, false],
      ["乙.xlsx", false, false],
    ]);
    expect(rows[0].message).toMatch(/不是普通文件/);
    expect(rows[1].message).toMatch(/内部错误/);
  });

  test("through the command line: the table is printed, then exit 1 because a file met a bug", async () => {
    const dir = tmp();
    const good = buildXlsx({ sheets: [{ name: "表", data: rowsXml(budgetTable()) }] });
    fs.writeFileSync(join(dir, "甲.xlsx"), good);
    fs.writeFileSync(join(dir, "乙.xlsx"), good);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const reader = require("../../src/xlsx/read-workbook") as typeof import("../../src/xlsx/read-workbook");
    const real = reader.readWorkbookGrids;
    let calls = 0;
    const spy = jest.spyOn(reader, "readWorkbookGrids").mockImplementation((...args) => {
      if (++calls === 1) throw new TypeError("a bug in one file");
      return real(...args);
    });
    try {
      const r = await cli(["check", dir]);
      expect(r.out).toMatch(/甲\.xlsx.*内部错误/);
      expect(r.out).toMatch(/乙\.xlsx\t1\t/);
      expect(r.code).toBe(1);
    } finally {
      spy.mockRestore();
    }
  });
});
