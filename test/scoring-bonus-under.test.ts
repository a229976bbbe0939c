import { CheckJsonSchema } from "../src/core/present/check-json";
import { bonusUnderTable } from "./fixtures/scoring-sheets";
import { cli, writeFixture } from "./support/run-cli";

/**
 * A scoring sheet whose bonus list sits under the base table (blank row, then 「创先争优加分项 | 获奖或推介事项 | 加分」):
 * the list is read as a list (its header word 加分 is no amount), its repeated item and its wrong 合计 are found, and
 * `check --json` gives the verified sheet, as the plain output describes it.
 */
test("bonus list under the scoring table in the same sheet", async () => {
  const path = await writeFixture([bonusUnderTable()]);
  const json = await cli(["check", path, "--json"]);
  expect(json.code).toBe(0);
  const doc = CheckJsonSchema.parse(JSON.parse(json.out));
  expect(doc.scoring).not.toBeNull();
  expect(doc.scoring!.sheet).toMatchObject({ sheet: "评分表", bonusTotal: "5.30", total: "105.30" });
  const rules = doc.findings.map((f) => `${f.rule} ${f.cell}`);
  // Nothing of the list's header is an unreadable amount.
  expect(doc.findings.filter((f) => f.rule === "bad-value")).toEqual([]);
  // The repeated item (the 5th line of the list, B45 repeats B44) and the list's 合计 (5.3 stated, 5.6 listed).
  expect(rules).toContain("duplicate-item B45");
  const listTotal = doc.findings.find((f) => f.rule === "score-sum-mismatch" && f.cell === "C53");
  expect(listTotal?.data).toMatchObject({ stated: "5.3", computed: "5.6" });
  // The base table's own mistakes, as in the seed: 政协工作 3 of 2, 党的建设 小计 33 where its items give 34.
  expect(rules).toContain("score-over-max D8");
  const plain = await cli(["check", path]);
  expect(plain.out).toContain("评分表");
});
