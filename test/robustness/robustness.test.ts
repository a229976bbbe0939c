import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { cli } from "../support/run-cli";
import { buildXlsx, budgetTable, rowsXml, S } from "../xlsx/support/ooxml";
import { richWorkbook } from "../xlsx/support/rich-workbook";
import { byteMutations, randomWorkbook, Rng, xmlMutations } from "./mutations";
import type { Case } from "./mutations";

/**
 * The standing robustness run (issue 13): damaged and random workbooks through `check`, `sheets` and `report`, in
 * process. Every case must end in exit 0, or exit 2 with the two-line message (Chinese, then English) — never exit 1,
 * a stack, a reader fault, a hang or running out of memory — within a time bound. The counts are printed at the end.
 */
// A Uint8Array copy: a Buffer's slice shares memory, and the mutations slice.
const SAMPLE = new Uint8Array(readFileSync(join(__dirname, "..", "..", "assets", "sample-juesuan-2020.xlsx")));
const PER_COMMAND_MS = 15_000;

const small = buildXlsx({
  sheets: [
    {
      name: "经济分类",
      data: rowsXml([...budgetTable(), ["30213", "维修费", { raw: `<c r="{ref}" s="${S.date}"><v>43952</v></c>` }, 3]]),
      after: '<mergeCells count="1"><mergeCell ref="A1:D1"/></mergeCells>',
    },
  ],
  sharedStrings: ["<t>未用</t>"],
});

const counts = { cases: 0, runs: 0, exit0: 0, exit2: 0, exit1: 0 };
const dir = mkdtempSync(join(tmpdir(), "juesuan-robust-"));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  console.log(
    `robustness: ${counts.cases} cases, ${counts.runs} runs: exit 0 ${counts.exit0}, exit 2 ${counts.exit2}, exit 1 ${counts.exit1}`,
  );
});

/** Runs the three commands on a case; returns what went wrong (empty when all is well). */
async function runCase(c: Case, index: number, withReport: boolean): Promise<string[]> {
  const problems: string[] = [];
  const input = join(dir, `case${index}.xlsx`);
  writeFileSync(input, c.bytes);
  counts.cases++;
  const commands: string[][] = [
    ["check", input, "--json"],
    ["sheets", input, "-o", join(dir, `case${index}.out.xlsx`)],
    ...(withReport ? [["report", input, "-o", join(dir, `case${index}.docx`)]] : []),
  ];
  for (const argv of commands) {
    const t0 = Date.now();
    const r = await cli(argv);
    const ms = Date.now() - t0;
    counts.runs++;
    const what = `${c.name} ${argv[0]}`;
    if (ms > PER_COMMAND_MS) problems.push(`${what}: took ${ms} ms`);
    if (/\n\s+at .*:\d+:\d+/.test(r.err + r.out)) problems.push(`${what}: a stack trace`);
    if (r.code === 0) {
      counts.exit0++;
      if (r.out.includes('"-0.00"') || /(^|[^\d])-0\.00(?!\d)/.test(r.out)) problems.push(`${what}: "-0.00" in the output`);
      if (argv[0] === "check") {
        try {
          JSON.parse(r.out);
        } catch {
          problems.push(`${what}: output is not JSON`);
        }
      }
    } else if (r.code === 2) {
      counts.exit2++;
      const lines = r.err.trimEnd().split("\n");
      if (lines.length !== 2 || !/^错误：.*[\u4e00-\u9fff]/.test(lines[0]) || !/^Error: /.test(lines[1]))
        problems.push(`${what}: exit 2 without the two lines: ${r.err.slice(0, 300)}`);
      if (/reader fault/.test(r.err)) problems.push(`${what}: reader fault: ${lines[1]}`);
      // The check after writing guards against our own bugs: an input it refuses is one the writer should have refused first.
      if (/核对未通过/.test(r.err)) problems.push(`${what}: refused only by the check after writing: ${lines[1]}`);
    } else {
      counts.exit1++;
      problems.push(`${what}: exit ${r.code}: ${r.err.slice(0, 300)}`);
    }
  }
  rmSync(join(dir, `case${index}.out.xlsx`), { force: true });
  rmSync(join(dir, `case${index}.docx`), { force: true });
  return problems;
}

async function runAll(cases: Case[], reportEvery: number): Promise<string[]> {
  const problems: string[] = [];
  let i = 0;
  for (const c of cases) problems.push(...(await runCase(c, counts.cases + i++, i % reportEvery === 0)));
  return problems;
}

const SEEDS: [string, () => Uint8Array][] = [
  ["sample", () => SAMPLE],
  ["rich", richWorkbook],
  ["small", () => small],
];

describe("robustness: every input ends in exit 0 or exit 2 with the two lines", () => {
  test.each(SEEDS)("byte-level damage of %s", async (name, make) => {
    expect(await runAll(byteMutations(name, make(), new Rng(13)), 4)).toEqual([]);
  });

  test.each(SEEDS)("XML-level damage of %s", async (name, make) => {
    expect(await runAll(xmlMutations(name, make(), new Rng(1313)), 4)).toEqual([]);
  });

  test("random grids", async () => {
    const rng = new Rng(20201231);
    expect(
      await runAll(
        Array.from({ length: 100 }, (_, i) => randomWorkbook(rng, i)),
        5,
      ),
    ).toEqual([]);
  });
});
