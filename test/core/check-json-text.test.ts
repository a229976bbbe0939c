import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { centsJson, checkJson, CheckJsonSchema, checkWorkbook, DEFAULT_SETTINGS, scaledText, writeCheckJson } from "../../src/core";
import type { CellGrid, CellValue, CheckJson, CheckResult, Presentation } from "../../src/core";
import { readWorkbookGrids } from "../../src/xlsx/read-workbook";
import { NODE_CODEC } from "../../src/xlsx/node-codec";
import { workbookBytes } from "../../scripts/workbook-builder";
import type { SheetSpec } from "../../scripts/workbook-builder";
import { budgetSet, DEFAULT_LAYOUT, finalAccountsSet } from "../fixtures/national/forms";
import { plantAll, plantBudget } from "../fixtures/national/planted";
import { SCHOOL, TOWNSHIP } from "../fixtures/national/units";
import { FIXTURES } from "../fixtures/variations";
import { grid } from "../support/grid";
import { Rng } from "../robustness/mutations";

/**
 * `check --json` streamed straight from the analysis (writeCheckJson) against the document object (checkJson): the text is
 * exactly what JSON.stringify makes of the object's parts, one table, line and finding per text line — so JSON.parse of it
 * deep-equals the object — and it reaches `out` in pieces, never as one string.
 */
function streamed(a: CheckResult, p: Presentation = DEFAULT_SETTINGS): { text: string; chunks: string[] } {
  const chunks: string[] = [];
  writeCheckJson(a, (t) => chunks.push(t), p);
  return { text: chunks.join(""), chunks };
}

/** The expected text, from the object: compact JSON.stringify per element, elements one per text line. */
function reference(doc: CheckJson): string {
  const list = (items: unknown[]) => (items.length === 0 ? "[]" : `[\n${items.map((x) => JSON.stringify(x)).join(",\n")}\n]`);
  return (
    `{"tables":${list(doc.tables)},\n"lines":${list(doc.lines)},\n"sangong":${JSON.stringify(doc.sangong)},\n` +
    `"scoring":${JSON.stringify(doc.scoring)},\n"findings":${list(doc.findings)}}\n`
  );
}

/**
 * The streamed text is the reference text of checkJson's object and parses back to it; and to the schema, unless the test
 * put free text where cells go.
 */
function expectSameDocument(a: CheckResult, p: Presentation = DEFAULT_SETTINGS, schema = true): CheckJson {
  const doc = checkJson(a, p);
  const { text } = streamed(a, p);
  expect(text).toBe(reference(doc));
  const parsed = JSON.parse(text) as CheckJson;
  expect(parsed).toStrictEqual(doc);
  return schema ? CheckJsonSchema.parse(parsed) : parsed;
}

async function gridsOf(sheets: SheetSpec[], name = "fixture.xlsx"): Promise<CellGrid[]> {
  return readWorkbookGrids(await workbookBytes(sheets), name, NODE_CODEC);
}

/** The 决算 workbook with its 预算 workbook beside it, as the command line reads `--budget`: sheets named "[预算.xlsx]表". */
async function withBudget(final: SheetSpec[], budget: SheetSpec[]): Promise<CellGrid[]> {
  const other = await gridsOf(budget, "预算.xlsx");
  return [...(await gridsOf(final)), ...other.map((g) => ({ ...g, sheet: `[预算.xlsx]${g.sheet}`, book: "预算.xlsx" }))];
}

describe("the streamed document is the document", () => {
  const split = { ...DEFAULT_LAYOUT, codeStyle: "split" as const, columnNumbers: "none" as const };
  const item = SCHOOL.items.find((i) => i.budgetBasic + i.budgetProject > 0)!.code;
  const national: [string, () => SheetSpec[]][] = [
    ["township 决算", () => finalAccountsSet(TOWNSHIP)],
    ["school 决算, split codes", () => finalAccountsSet(SCHOOL, split)],
    ["township 预算", () => budgetSet(TOWNSHIP)],
    ["school 预算, split codes", () => budgetSet(SCHOOL, split)],
    ...plantAll(finalAccountsSet(TOWNSHIP)).map((p): [string, () => SheetSpec[]] => [`township planted ${p.name}`, () => p.sheets]),
    ...plantBudget(budgetSet(SCHOOL), item).map((p): [string, () => SheetSpec[]] => [`school planted ${p.name}`, () => p.sheets]),
  ];

  test.each(national)("national forms: %s", async (_, sheets) => {
    const doc = expectSameDocument(checkWorkbook(await gridsOf(sheets()), DEFAULT_SETTINGS));
    expect(doc.lines.length).toBeGreaterThan(0);
  });

  test("national 决算 with its 预算 workbook: the budget's sheet and cell on the lines", async () => {
    const a = checkWorkbook(await withBudget(finalAccountsSet(TOWNSHIP), budgetSet(TOWNSHIP)), DEFAULT_SETTINGS);
    const doc = expectSameDocument(a);
    expect(doc.lines.some((l) => l.budgetSheet?.startsWith("[预算.xlsx]") && l.budgetCell !== null)).toBe(true);
  });

  test.each(Object.keys(FIXTURES))("fixture workbook %s", async (name) => {
    expectSameDocument(checkWorkbook(await gridsOf(FIXTURES[name]), DEFAULT_SETTINGS));
  });

  test("the sample workbook, in 万元 and in 元 without decimals (the findings' messages follow the clerk's unit)", async () => {
    const bytes = new Uint8Array(readFileSync(join(__dirname, "..", "..", "assets", "sample-juesuan-2020.xlsx")));
    const a = checkWorkbook(await readWorkbookGrids(bytes, "sample-juesuan-2020.xlsx", NODE_CODEC), DEFAULT_SETTINGS);
    const doc = expectSameDocument(a);
    expect(doc.findings.length).toBeGreaterThan(0);
    expect(doc.sangong).not.toBeNull();
    expect(doc.scoring).not.toBeNull();
    expectSameDocument(a, { displayUnit: "元", decimals: 0 });
  });

  test("an empty analysis: every array empty, sangong and scoring null", () => {
    const a = checkWorkbook([grid("空", [["说明"]])], DEFAULT_SETTINGS);
    expect(streamed(a).text).toBe('{"tables":[],\n"lines":[],\n"sangong":null,\n"scoring":null,\n"findings":[]}\n');
    expectSameDocument(a);
  });
});

/** Text that JSON must escape, and text it must not touch: quotes, backslashes, control characters, U+2028, emoji. */
const HOSTILE = [
  '"',
  "\\",
  "\n",
  "\t",
  "\r",
  "\b",
  "\f",
  "\u0000",
  "\u0007",
  "\u001f",
  "\u007f",
  "\u2028",
  "\u2029",
  "😀",
  "👨‍👩‍👧",
  "\ud800",
  "\udc00",
];
const hostile = fc
  .array(
    fc.oneof(
      fc.constantFrom(...HOSTILE, "项目", "A", " ", "/", "</script>", "'"),
      fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)),
    ),
    { minLength: 1, maxLength: 12 },
  )
  .map((parts) => parts.join(""));

describe("free text survives", () => {
  test("random tables with hostile names, reasons and sheet names, through recognition", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(hostile, fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: 0, max: 1e9 }), hostile), {
          minLength: 1,
          maxLength: 8,
        }),
        hostile,
        (rows, sheet) => {
          const body: CellValue[][] = rows.map(([name, budget, actual, reason], i) => [
            `${2010100 + i}`,
            `项目${name}`,
            budget / 100,
            actual / 100,
            reason,
          ]);
          const sum = (k: 2 | 3) => body.reduce((s, r) => s + Math.round((r[k] as number) * 100), 0) / 100;
          const table = [
            ["单位：元"],
            ["科目编码", "科目名称", "预算数", "决算数", "差异原因"],
            ...body,
            ["", "合计", sum(2), sum(3) + 1, ""],
          ];
          expectSameDocument(checkWorkbook([grid(`表${sheet}`, table)], DEFAULT_SETTINGS));
        },
      ),
      { numRuns: 150 },
    );
  });

  test("any text in every free-text field of lines and findings (set on a real analysis, so none is cleaned first)", async () => {
    const a = checkWorkbook(await gridsOf(plantAll(finalAccountsSet(TOWNSHIP))[0].sheets), DEFAULT_SETTINGS);
    expect(a.findings.length).toBeGreaterThan(0);
    fc.assert(
      fc.property(fc.array(hostile, { minLength: 8, maxLength: 8 }), fc.integer({ min: 0, max: 1e6 }), (texts, seed) => {
        const rng = new Rng(seed);
        const pick = () => texts[rng.int(texts.length)];
        const lines = a.lines.map((l) => ({
          ...l,
          sheet: pick(),
          cell: pick(),
          code: rng.int(3) === 0 ? null : pick(),
          name: pick(),
          reason: rng.int(2) === 0 ? null : pick(),
          budgetFrom: rng.int(2) === 0 ? null : { sheet: pick(), cell: rng.int(2) === 0 ? null : pick(), tableId: "x" },
          flags: [pick(), pick()].slice(0, rng.int(3)),
        }));
        const findings = a.findings.map((f) => ({
          ...f,
          sheet: pick(),
          cell: pick(),
          data: { ...f.data, name: pick(), [pick()]: pick() },
        }));
        const tables = a.tables.map((t) => ({ ...t, sheet: pick(), title: pick(), notes: [pick()] }));
        const doc = expectSameDocument({ ...a, lines, findings, tables }, DEFAULT_SETTINGS, false);
        expect(doc.lines.map((l) => l.name)).toEqual(lines.map((l) => l.name));
      }),
      { numRuns: 60 },
    );
  });

  test.each(HOSTILE)("%j as a whole name, reason and sheet", (s) => {
    const table = [["单位：元"], ["科目编码", "科目名称", "预算数", "决算数", "差异原因"], ["201", `名${s}称`, 10, 20, `因${s}`]];
    const doc = expectSameDocument(checkWorkbook([grid(`表${s}`, table)], DEFAULT_SETTINGS));
    const text = streamed(checkWorkbook([grid(`表${s}`, table)], DEFAULT_SETTINGS)).text;
    // U+2028 and emoji are written as they are (JSON.stringify leaves them); only a lone surrogate is escaped.
    if (s === "\u2028" || s === "😀") expect(text).toContain(s);
    expect(doc.lines.length + doc.tables.length).toBeGreaterThan(0);
  });
});

describe("the shape", () => {
  /** A county-sized workbook in small: 40 tables of 60 lines. */
  function county(): CheckResult {
    const rng = new Rng(42);
    const grids = Array.from({ length: 40 }, (_, d) => {
      const rows: CellValue[][] = [["单位：元"], ["科目编码", "科目名称", "预算数", "决算数", "差异原因"]];
      let budget = 0;
      let actual = 0;
      for (let i = 0; i < 60; i++) {
        const b = rng.int(1e7);
        const x = rng.int(1e7);
        budget += b;
        actual += x;
        rows.push([`${30100 + i}`, `项目${d}-${i}`, b / 100, x / 100, rng.int(5) === 0 ? "人员增资" : ""]);
      }
      rows.push(["", "合计", budget / 100, actual / 100, ""]);
      return grid(`部门${d}`, rows);
    });
    return checkWorkbook(grids, DEFAULT_SETTINGS);
  }

  test("one table, line and finding per text line; structure on lines of its own", () => {
    const a = county();
    const { text } = streamed(a);
    const doc = expectSameDocument(a);
    const rows = text.split("\n");
    expect(rows[0]).toBe('{"tables":[');
    expect(rows.at(-1)).toBe("");
    expect(rows.at(-2)).toBe("]}");
    const elements = rows.filter((r) => r.startsWith("{") && r !== '{"tables":[');
    expect(elements).toHaveLength(doc.tables.length + doc.lines.length + doc.findings.length);
    // Every element line is a JSON value of its own once its separator is cut off: grep and line readers work.
    const objects = elements.map((r) => JSON.parse(r.replace(/,$/, "")) as unknown);
    expect(objects).toStrictEqual([...doc.tables, ...doc.lines, ...doc.findings]);
    expect(rows.filter((r) => !r.startsWith("{")).sort()).toEqual(
      [
        "",
        "]}",
        "],",
        "],",
        '"findings":[',
        '"lines":[',
        `"sangong":${JSON.stringify(doc.sangong)},`,
        `"scoring":${JSON.stringify(doc.scoring)},`,
      ].sort(),
    );
  });

  test("out gets pieces of about 64 KB, never the whole text", () => {
    const { text, chunks } = streamed(county());
    expect(text.length).toBeGreaterThan(4 * 65536);
    expect(chunks.length).toBeGreaterThan(4);
    for (const c of chunks.slice(0, -1)) {
      expect(c.length).toBeGreaterThanOrEqual(65536);
      expect(c.length).toBeLessThan(65536 + 4096); // a piece ends with the element that filled it
    }
  });
});

test("centsJson is JSON.stringify(scaledText(n, 2)), null as null", () => {
  expect(centsJson(null)).toBe("null");
  for (const n of [0, -0, 1, -1, 99, -99, 100, -100, 12345, -5, 1e15, -1e15, Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER]) {
    expect(centsJson(n)).toBe(JSON.stringify(scaledText(n, 2)));
  }
  fc.assert(
    fc.property(fc.maxSafeInteger(), (n) => centsJson(n) === JSON.stringify(scaledText(n, 2))),
    { numRuns: 2000 },
  );
  // Not an amount (never produced), but the text is still scaledText's own.
  for (const n of [0.5, -1.25, NaN, Infinity, 1e300]) expect(centsJson(n)).toBe(JSON.stringify(scaledText(n, 2)));
});
