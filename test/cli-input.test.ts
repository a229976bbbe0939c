import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { cli, tmp, writeFixture } from "./support/run-cli";
import { convert } from "./xlsx/support/libreoffice";

/** Unusable input: exit code 2, a Chinese line then an English line on stderr, never a stack trace. */
describe("CLI bad input", () => {
  const dir = tmp();
  const file = (name: string, bytes: Uint8Array | string) => {
    const p = join(dir, name);
    writeFileSync(p, bytes);
    return p;
  };
  const cfb = (extra: string) => {
    const head = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    return Buffer.concat([head, Buffer.alloc(504), Buffer.from(extra, "utf16le")]);
  };

  const expectUnusable = async (argv: string[], zh: RegExp) => {
    const { code, out, err } = await cli(argv);
    expect(code).toBe(2);
    expect(out).toBe("");
    const lines = err.trim().split("\n");
    expect(lines[0]).toMatch(zh);
    expect(lines[1]).toMatch(/^Error: /);
    expect(err).not.toMatch(/\bat .*\.(js|ts):\d+/);
  };

  test("a zero-byte file", () => expectUnusable(["check", file("empty.xlsx", "")], /文件为空/));
  test("a text file named .xlsx", () => expectUnusable(["check", file("notes.xlsx", "这不是工作簿")], /不是 Excel 工作簿/));
  test("a CSV", () => expectUnusable(["check", file("data.csv", "项目,预算数,决算数\n甲,1,2\n")], /CSV/));
  test("a damaged .xls", () => expectUnusable(["check", file("old.xls", cfb("Workbook"))], /无法读取工作簿/));
  test("an .xls is read by check; result sheets need an .xlsx, and say so", async () => {
    const xls = file("样例.xls", convert(join(__dirname, "..", "assets", "sample-juesuan-2020.xlsx"), "xls"));
    const { code, out } = await cli(["check", xls]);
    expect(code).toBe(0);
    expect(out).toMatch(/识别到 4 张表/);
    await expectUnusable(["sheets", xls, "-o", join(dir, "结果.xlsx")], /写结果表需要 \.xlsx/);
  }, 120_000);
  test("an encrypted workbook", () => expectUnusable(["check", file("secret.xlsx", cfb("EncryptionInfo EncryptedPackage"))], /已加密/));
  test("a missing file", () => expectUnusable(["check", join(dir, "nope.xlsx")], /找不到文件/));
  test("a folder", () => {
    mkdirSync(join(dir, "folder.xlsx"), { recursive: true });
    return expectUnusable(["check", join(dir, "folder.xlsx")], /文件夹/);
  });

  test("a truncated workbook", async () => {
    const whole = readFileSync(
      await writeFixture([
        {
          name: "表",
          rows: [
            ["项目", "预算数", "决算数"],
            ["甲", 1, 2],
          ],
        },
      ]),
    );
    await expectUnusable(["check", file("cut.xlsx", whole.subarray(0, Math.floor(whole.length / 2)))], /无法读取工作簿/);
  });

  test("a workbook with nothing recognisable", async () => {
    const path = await writeFixture([{ name: "说明", rows: [["部门职责"], ["一、执行上级决定"]] }]);
    await expectUnusable(["check", path], /没有识别到预算\/决算表/);
  });

  test("bad arguments: exit 2 with usage", async () => {
    for (const argv of [
      ["check"],
      ["frobnicate", "x.xlsx"],
      ["check", "a.xlsx", "--threshold", "abc"],
      ["check", "a.xlsx", "--wat"],
      ["sheets", "a.xlsx"],
    ]) {
      const { code, err } = await cli(argv);
      expect(code).toBe(2);
      expect(err).toMatch(/用法/);
    }
  });

  test("a settings file that is not valid", async () => {
    const path = await writeFixture([
      {
        name: "表",
        rows: [
          ["项目", "预算数", "决算数"],
          ["甲", 1, 2],
        ],
      },
    ]);
    const settings = file("settings.json", JSON.stringify({ thresholdPercent: -5 }));
    const { code, err } = await cli(["check", path, "--settings", settings]);
    expect(code).toBe(2);
    expect(err).toMatch(/设置有误（thresholdPercent）/);
  });

  test("an unreadable cell is a finding, not a failure: exit 0", async () => {
    const path = await writeFixture([{ name: "表", rows: [["单位：元"], ["项目", "预算数", "决算数"], ["甲", 1, { error: "#DIV/0!" }]] }]);
    const { code, out } = await cli(["check", path, "--json"]);
    expect(code).toBe(0);
    expect(JSON.parse(out).findings).toEqual([expect.objectContaining({ rule: "bad-value", severity: "error", sheet: "表", cell: "C3" })]);
  });

  test("--threshold changes what is flagged", async () => {
    const path = await writeFixture([{ name: "表", rows: [["单位：元"], ["项目", "预算数", "决算数"], ["甲", 100, 112]] }]);
    const flagged = async (t: string) => JSON.parse((await cli(["check", path, "--json", "--threshold", t])).out).lines[0].flags;
    expect(await flagged("10")).toContain("over-threshold");
    expect(await flagged("12")).toContain("over-threshold"); // at the threshold counts
    expect(await flagged("12.01")).not.toContain("over-threshold");
  });
});

describe("batch mode and huge files", () => {
  test("check <folder>: one row per workbook, unusable files listed, --json lines", async () => {
    const dir = tmp();
    await writeFixture(
      [{ name: "表", rows: [["单位：万元"], ["项目", "预算数", "决算数"], ["甲", 1, 2], ["合计", 1, 2]] }],
      dir,
      "乙单位.xlsx",
    );
    await writeFixture(
      [{ name: "表", rows: [["单位：万元"], ["项目", "预算数", "决算数"], ["甲", 1, 1], ["合计", 1, 3]] }],
      dir,
      "甲单位.xlsx",
    );
    writeFileSync(join(dir, "丙单位.xlsx"), "不是工作簿");
    const table = await cli(["check", dir]);
    expect(table.code).toBe(0);
    expect(
      table.out
        .split("\n")
        .slice(1, 4)
        .map((l) => l.split("\t").slice(0, 3)),
    ).toEqual([
      ["丙单位.xlsx", "0", "0"],
      ["甲单位.xlsx", "1", "1"],
      ["乙单位.xlsx", "1", "0"],
    ]);
    expect(table.out).toContain("共 3 个文件：可检查 2 个，无法读取 1 个");
    const lines = (await cli(["check", dir, "--json"])).out
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => [l.file, l.ok])).toEqual([
      ["丙单位.xlsx", false],
      ["甲单位.xlsx", true],
      ["乙单位.xlsx", true],
    ]);
  });

  test("a file over the size limit is refused before it is read", async () => {
    const { openSync, ftruncateSync, closeSync } = await import("node:fs");
    const path = join(tmp(), "huge.xlsx");
    const fd = openSync(path, "w");
    ftruncateSync(fd, 250 * 1024 * 1024); // sparse: no disk used
    closeSync(fd);
    const r = await cli(["check", path]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/文件过大（250 MB，上限 200 MB）/);
  });
});
