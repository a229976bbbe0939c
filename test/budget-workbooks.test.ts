import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { CheckJsonSchema } from "../src/core/present/check-json";
import { fileStem } from "../src/cli/budget-pairing";
import { budgetSet, finalAccountsSet } from "./fixtures/national/forms";
import { SCHOOL, TOWNSHIP } from "./fixtures/national/units";
import { cli, tmp, writeFixture } from "./support/run-cli";

/**
 * `check 决算.xlsx --budget 预算.xlsx`, and `--budget <folder>` where the 预算 workbook of the same unit is found by the
 * unit's name (the budget system prints it at the head of every title) or by the file name.
 */
async function folders(): Promise<{ finals: string; budgets: string }> {
  const root = tmp();
  const finals = join(root, "决算");
  const budgets = join(root, "预算");
  mkdirSync(finals);
  mkdirSync(budgets);
  await writeFixture(finalAccountsSet(TOWNSHIP), finals, "青山乡政府2023年决算公开.xlsx");
  await writeFixture(finalAccountsSet(SCHOOL), finals, "中心小学决算.xlsx");
  // File names that say nothing of the unit: only the titles pair them.
  await writeFixture(budgetSet(SCHOOL), budgets, "附件1.xlsx");
  await writeFixture(budgetSet(TOWNSHIP), budgets, "附件2.xlsx");
  return { finals, budgets };
}

const budgetSheets = (out: string) => {
  const doc = CheckJsonSchema.parse(JSON.parse(out));
  return new Set(doc.lines.map((l) => l.budgetSheet).filter((x) => x !== null));
};

test("a 预算 workbook beside the 决算 workbook: lines carry the budget by code, from [预算.xlsx]表5", async () => {
  const dir = tmp();
  const final = await writeFixture(finalAccountsSet(TOWNSHIP), dir, "决算.xlsx");
  const budget = await writeFixture(budgetSet(TOWNSHIP), dir, "预算.xlsx");
  const { code, out, err } = await cli(["check", final, "--budget", budget, "--json"]);
  expect(err).toBe("");
  expect(code).toBe(0);
  expect(budgetSheets(out).has("[预算.xlsx]表5")).toBe(true);
});

test("a folder of 预算 workbooks: each unit's own is found by the unit's name in its titles", async () => {
  const { finals, budgets } = await folders();
  const school = await cli(["check", join(finals, "中心小学决算.xlsx"), "--budget", budgets, "--json"]);
  expect(school.code).toBe(0);
  expect([...budgetSheets(school.out)].every((s) => s.startsWith("[附件1.xlsx]"))).toBe(true);
  const township = await cli(["check", join(finals, "青山乡政府2023年决算公开.xlsx"), "--budget", budgets, "--json"]);
  expect([...budgetSheets(township.out)].every((s) => s.startsWith("[附件2.xlsx]"))).toBe(true);
  expect(budgetSheets(township.out).size).toBeGreaterThan(0);
});

test("a folder of 决算 workbooks against a folder of 预算 workbooks: every unit paired, none crossed", async () => {
  const { finals, budgets } = await folders();
  const { code, out } = await cli(["check", finals, "--budget", budgets, "--json"]);
  expect(code).toBe(0);
  const rows = out
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l) as { file: string; budget: string | null });
  expect(rows.map((r) => [r.file, r.budget])).toEqual([
    ["青山乡政府2023年决算公开.xlsx", "附件2.xlsx"],
    ["中心小学决算.xlsx", "附件1.xlsx"],
  ]);
});

test("no 预算 workbook of the unit in the folder: no budget, never another unit's", async () => {
  const { finals } = await folders();
  const other = tmp();
  await writeFixture(budgetSet(SCHOOL), other, "中心小学预算.xlsx");
  const { code, out } = await cli(["check", join(finals, "青山乡政府2023年决算公开.xlsx"), "--budget", other, "--json"]);
  expect(code).toBe(0);
  expect(budgetSheets(out).size).toBe(0);
});

test("an unreadable file in the 预算 folder (an Excel 95 .xls) is left out of the pairing, and fails nothing", async () => {
  const { finals, budgets } = await folders();
  writeFileSync(join(budgets, "旧表.xls"), new Uint8Array([0x09, 0x04, 0x06, 0x00, 0x00, 0x00, 0x10, 0x00, 0, 0]));
  const { code, out } = await cli(["check", finals, "--budget", budgets, "--json"]);
  expect(code).toBe(0);
  const rows = out
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l) as { file: string; budget: string | null });
  expect(rows.map((r) => [r.file, r.budget])).toEqual([
    ["青山乡政府2023年决算公开.xlsx", "附件2.xlsx"],
    ["中心小学决算.xlsx", "附件1.xlsx"],
  ]);
});

test("file names pair when the titles do not name the unit", () => {
  expect(fileStem("/x/青山乡2024年部门决算公开.xlsx")).toBe(fileStem("青山乡2024年部门预算公开.xlsx"));
  expect(fileStem("青山乡决算.xlsx")).not.toBe(fileStem("白云乡预算.xlsx"));
});

test("a 决算说明 asked of a 预算 workbook alone is written as a frame, and the clerk is told why", async () => {
  const dir = tmp();
  const budget = await writeFixture(budgetSet(TOWNSHIP), dir, "预算.xlsx");
  const r = await cli(["report", budget, "-o", join(dir, "说明.docx"), "--template", "final-accounts"]);
  expect(r.code).toBe(0);
  expect(r.out).toMatch(/注意：工作簿中识别到的 \d+ 张表都是预算表，没有决算数/);
  // The 决算 workbook says nothing of the kind.
  const final = await writeFixture(finalAccountsSet(TOWNSHIP), dir, "决算.xlsx");
  const ok = await cli(["report", final, "-o", join(dir, "说明2.docx"), "--template", "final-accounts"]);
  expect(ok.code).toBe(0);
  expect(ok.out).not.toContain("注意：");
});
