import fc from "fast-check";
import { codeScheme } from "../../src/core/recognise/read-rows";

/** codeScheme as the patterns state it: 功能分类 201 / 20103 / 2010301, 经济分类 301 / 30101 and 501 / 50101. */
const byPattern = (code: string) =>
  /^2\d{2}(?:\d{2}){0,2}$/.test(code) ? "function" : /^[35]\d{2}(?:\d{2})?$/.test(code) ? "economic" : "other";

test("codeScheme answers as the patterns do, on codes and on anything else", () => {
  for (const code of ["201", "20103", "2010301", "2010", "301", "30101", "3010101", "501", "50101", "401", "", "３０１", "30l01"]) {
    expect(codeScheme(code)).toBe(byPattern(code));
  }
  fc.assert(
    fc.property(fc.stringMatching(/^[0-9a-]{0,9}$/), (code) => codeScheme(code) === byPattern(code)),
    { numRuns: 3000 },
  );
  fc.assert(
    fc.property(fc.string(), (code) => codeScheme(code) === byPattern(code)),
    { numRuns: 1000 },
  );
});
