import { checkWorkbook, DEFAULT_SETTINGS } from "../src/core";
import { budgetSet, DEFAULT_LAYOUT } from "./fixtures/national/forms";
import { plantBudget } from "./fixtures/national/planted";
import { TOWNSHIP } from "./fixtures/national/units";
import { specGrid } from "./support/spec-grid";
test("x", () => {
  const item = TOWNSHIP.items.find((i) => i.budgetBasic + i.budgetProject > 0)!.code;
  const p = plantBudget(budgetSet(TOWNSHIP, DEFAULT_LAYOUT), item)[0];
  const a = checkWorkbook(p.sheets.map((x) => specGrid(x)), DEFAULT_SETTINGS);
  const s = p.sheets.find((x) => x.name === "表4")!;
  console.log(s.rows.slice(0, 8).map((r) => JSON.stringify(r)).join("\n"), s.rows.slice(-4).map((r) => JSON.stringify(r)).join("\n"));
  for (const t of a.tables.filter((x) => x.sheet === "表4")) console.log(t.form, t.side, t.unit, t.columns.map((c) => `${c.header}:${c.role}`).join(" "), t.rows.length);
  console.log(a.findings.map((f) => `${f.severity} ${f.rule} ${f.sheet}!${f.cell}`));
});
