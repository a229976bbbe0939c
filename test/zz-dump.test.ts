import { checkWorkbook, DEFAULT_SETTINGS } from "../src/core";
import { budgetSet, finalAccountsSet } from "../test/fixtures/national/forms";
import { TOWNSHIP } from "../test/fixtures/national/units";
import { specGrid } from "../test/support/spec-grid";
test("dump", () => {
  const a = checkWorkbook([...finalAccountsSet(TOWNSHIP), ...budgetSet(TOWNSHIP)].map((s) => specGrid(s)), DEFAULT_SETTINGS);
  const out: string[] = [];
  for (const t of a.tables) {
    out.push(`== ${t.sheet} ${t.form} ${t.basis} side=${t.side} kind=${t.kind} unit=${t.unit} title=${t.title} roles=${Object.keys(t.roles).join(",")}`);
    for (const r of t.rows.slice(0, 60)) out.push(`  ${r.cell} ${r.code ?? ""} ${r.name} L${r.level} tot=${r.totalKind} part=${r.isPart} ${Object.entries(r.amounts).map(([k, v]) => `${k}=${v?.value}@${v?.cell}`).join(" ")}`);
  }
  out.push("sangong " + JSON.stringify(a.sangong && { t: a.sangong.total.actual, b: a.sangong.total.budget, items: a.sangong.items.map((i) => [i.key, i.actual, i.budget]) }));
  out.push("meta " + JSON.stringify(a.meta));
  require("fs").writeFileSync("/tmp/x/dump.txt", out.join("\n"));
});
