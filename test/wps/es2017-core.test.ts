import fc from "fast-check";
import { foldCommas, splitAfter } from "../../src/core/audit/audit";

/**
 * The core runs in WPS's older embedded browser too, so it avoids ES2018+ regex syntax. The helpers that replaced
 * the lookbehind patterns must do exactly what the patterns did (Node still has lookbehind to compare with).
 */
const text = fc.string({ unit: fc.constantFrom("1", "2", "3", "4", ",", "，", "。", "！", "？", "!", "?", "；", ";", "元", " ", "a") });

test("splitAfter is split(/(?<=[…])/)", () => {
  fc.assert(
    fc.property(text, (t) => {
      expect(splitAfter(t, "。！？!?")).toEqual(t.split(new RegExp("(?<=[。！？!?])")));
      expect(splitAfter(t, "；;")).toEqual(t.split(new RegExp("(?<=[；;])")));
    }),
    { numRuns: 2000 },
  );
});

test('foldCommas is replace(/,(?!\\d{3}(?!\\d))|(?<!\\d),/g, "，")', () => {
  fc.assert(
    fc.property(text, (t) => {
      expect(foldCommas(t)).toBe(t.replace(new RegExp(",(?!\\d{3}(?!\\d))|(?<!\\d),", "g"), "，"));
    }),
    { numRuns: 2000 },
  );
  expect(foldCommas("合计3,120,000.00元,其中")).toBe("合计3,120,000.00元，其中");
});
