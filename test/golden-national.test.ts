import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { CheckJsonSchema } from "../src/core/present/check-json";
import type { SheetSpec } from "../scripts/workbook-builder";
import { budgetSet, DEFAULT_LAYOUT, finalAccountsSet } from "./fixtures/national/forms";
import type { Layout } from "./fixtures/national/forms";
import { plantAll, plantBudget } from "./fixtures/national/planted";
import { SCHOOL, TOWNSHIP } from "./fixtures/national/units";
import { cli, tmp, writeFixture } from "./support/run-cli";

/**
 * Golden JSON of the national sets through the CLI (written to .xlsx, read back, checked): both units, both code styles,
 * with and without 栏次 on the code row, clean and with each planted error; the 预算公开 sets; 决算 with --budget.
 * Regenerate with UPDATE_GOLDEN=1 and read the diff before committing it.
 */
const GOLDEN = join(__dirname, "golden", "national");

const STYLES: [string, Layout][] = [
  ["merged-lanci", DEFAULT_LAYOUT],
  ["split-none", { ...DEFAULT_LAYOUT, codeStyle: "split", columnNumbers: "none" }],
];
const UNITS = [
  ["township", TOWNSHIP],
  ["school", SCHOOL],
] as const;

const CASES: [string, SheetSpec[]][] = [];
for (const [unitName, unit] of UNITS) {
  for (const [styleName, layout] of STYLES) {
    CASES.push([`${unitName}-final-${styleName}`, finalAccountsSet(unit, layout)]);
    CASES.push([`${unitName}-budget-${styleName}`, budgetSet(unit, layout)]);
  }
}
for (const p of plantAll(finalAccountsSet(TOWNSHIP))) CASES.push([`township-final-planted-${p.name}`, p.sheets]);
const item = SCHOOL.items.find((i) => i.budgetBasic + i.budgetProject > 0)!.code;
for (const p of plantBudget(budgetSet(SCHOOL), item)) CASES.push([`school-planted-${p.name}`, p.sheets]);

function compare(name: string, out: string): void {
  const doc = CheckJsonSchema.parse(JSON.parse(out));
  const file = join(GOLDEN, `${name}.json`);
  if (process.env.UPDATE_GOLDEN || !existsSync(file)) writeFileSync(file, JSON.stringify(doc, null, 2) + "\n");
  expect(doc).toEqual(JSON.parse(readFileSync(file, "utf8")));
}

describe("check --json on the national sets", () => {
  test.each(CASES)("%s", async (name, sheets) => {
    const path = await writeFixture(sheets, tmp(), `${name}.xlsx`);
    const { code, out, err } = await cli(["check", path, "--json"]);
    expect(err).toBe("");
    expect(code).toBe(0);
    compare(name, out);
  });

  test("township 决算 with its 预算 workbook (--budget)", async () => {
    const dir = tmp();
    const final = await writeFixture(finalAccountsSet(TOWNSHIP), dir, "青山乡决算.xlsx");
    const budget = await writeFixture(budgetSet(TOWNSHIP), dir, "青山乡预算.xlsx");
    const { code, out } = await cli(["check", final, "--budget", budget, "--json"]);
    expect(code).toBe(0);
    compare("township-final-with-budget", out);
  });
});
