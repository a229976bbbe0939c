import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { CheckJsonSchema } from "../src/core/present/check-json";
import { FIXTURES } from "./fixtures/variations";
import { cli, writeFixture } from "./support/run-cli";

/**
 * Golden cases: each fixture workbook is written to .xlsx, read back and checked by the CLI;
 * its JSON must equal test/golden/<name>.json. Regenerate with UPDATE_GOLDEN=1 and read the diff.
 */
const GOLDEN = join(__dirname, "golden");

describe("check --json on fixture workbooks", () => {
  test.each(Object.keys(FIXTURES))("%s", async (name) => {
    const path = await writeFixture(FIXTURES[name]);
    const { code, out, err } = await cli(["check", path, "--json"]);
    expect(err).toBe("");
    expect(code).toBe(0);
    const doc = CheckJsonSchema.parse(JSON.parse(out));
    const file = join(GOLDEN, `${name}.json`);
    if (process.env.UPDATE_GOLDEN || !existsSync(file)) writeFileSync(file, JSON.stringify(doc, null, 2) + "\n");
    expect(doc).toEqual(JSON.parse(readFileSync(file, "utf8")));
  });

  test("the sample workbook in assets/", async () => {
    const { code, out } = await cli(["check", join(__dirname, "..", "assets", "sample-juesuan-2020.xlsx"), "--json"]);
    expect(code).toBe(0);
    const doc = CheckJsonSchema.parse(JSON.parse(out));
    const file = join(GOLDEN, "sample.json");
    if (process.env.UPDATE_GOLDEN || !existsSync(file)) writeFileSync(file, JSON.stringify(doc, null, 2) + "\n");
    expect(doc).toEqual(JSON.parse(readFileSync(file, "utf8")));
  });
});
