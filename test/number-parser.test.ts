import fc from "fast-check";
import { parseNumberText, readAmountCell } from "../src/core/read/number-parser";
import type { CellValue } from "../src/core/base/cell-grid";
import { scaledText } from "../src/core/base/money";

/** What a cell reads as in a 元 table: the amount in 元 (a written unit converts it), or empty/dash/bad. */
const read = (v: CellValue) => {
  if (typeof v === "string") {
    const p = parseNumberText(v);
    if (p.kind === "number" && p.percent) return `${p.decimal}%`;
  }
  const a = readAmountCell(v, "A1", "元", true);
  if (a.bad) return "bad";
  if (a.value === null) return a.dash ? "dash" : "empty";
  return scaledText(a.value, 2).replace(/\.?0+$/, "") || "0";
};

describe("parseNumber: the forms clerks type", () => {
  test.each<[CellValue, string]>([
    [3120000, "3120000"],
    [0.1, "0.1"],
    ["3,120,000.00", "3120000"],
    ["１２３", "123"],
    ["１，２３４．５０", "1234.5"],
    ["(1,200.00)", "-1200"],
    ["（1,200.00）", "-1200"],
    ["-1,200", "-1200"],
    ["−45.5", "-45.5"],
    ["¥3.50", "3.5"],
    ["￥3.50", "3.5"],
    ["3.07万元", "30700"],
    ["3.07万", "30700"],
    ["1200元", "1200"],
    [" 12.5 ", "12.5"],
    ["12.5%", "12.5%"],
    ["\u3000８８\u3000", "88"],
    [".5", "0.5"],
    ["—", "dash"],
    ["-", "dash"],
    ["－", "dash"],
    ["/", "dash"],
    ["--", "dash"],
    [null, "empty"],
    ["", "empty"],
    ["   ", "empty"],
    ["#REF!", "bad"],
    [{ error: "#DIV/0!" }, "bad"],
    ["待定", "bad"],
    ["1,2", "bad"],
    ["12,34.5", "bad"],
    ["1.2.3", "bad"],
    ["一百", "bad"],
    [true, "bad"],
  ])("%j → %s", (input, expected) => {
    expect(read(input)).toBe(expected);
  });

  test("never a JS float: amounts are whole 分, so sums stay exact", () => {
    const a = readAmountCell("0.1", "A1", "元", true).value!;
    const b = readAmountCell(0.2, "A2", "元", true).value!;
    expect(a + b).toBe(30);
    expect(readAmountCell(0.1 + 0.2, "A3", "万元", true)).toMatchObject({ value: 300000, exact: true }); // Excel shows 0.3
  });

  test("finer than 分: rounded half away from zero and marked, never silently", () => {
    expect(readAmountCell("12.3456789", "A1", "万元", true)).toMatchObject({ value: 12345679, exact: false });
    expect(readAmountCell(-0.005, "A1", "元", true)).toMatchObject({ value: -1, exact: false }); // half a 分, away from zero
    expect(readAmountCell(1234.5666666667, "A1", "元", true)).toMatchObject({ value: 123457, exact: false });
  });

  test("bounded: a huge exponent or amount is bad, at no cost", () => {
    const started = Date.now();
    expect(readAmountCell("1e999999999", "A1", "元", true).bad).toBe("too-large");
    expect(readAmountCell(1e14, "A1", "元", true).bad).toBe("too-large");
    expect(readAmountCell("1e-999999999", "A1", "元", true)).toMatchObject({ value: 0, exact: false });
    expect(Date.now() - started).toBeLessThan(50);
  });

  test("dates and percentages are never amounts", () => {
    expect(readAmountCell({ date: "2020-05-01" }, "A1", "元", true).bad).toBe("date");
    expect(readAmountCell("12.5%", "A1", "元", true).bad).toBe("percent");
  });

  test("property: never throws on any string or number", () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string(), fc.string({ unit: "grapheme" }), fc.double(), fc.constantFrom("(", ")", "万元", "%", ",", "１")),
        (v) => {
          const a = readAmountCell(v as CellValue, "A1", "万元", true);
          expect(a.value === null || Number.isSafeInteger(a.value)).toBe(true);
        },
      ),
      { numRuns: 2000 },
    );
  });

  test("property: a formatted amount reads back to the same decimal", () => {
    fc.assert(
      fc.property(fc.integer({ min: -10_000_000_00, max: 10_000_000_00 }), (cents) => {
        const abs = Math.abs(cents);
        const text = `${Math.floor(abs / 100).toLocaleString("en-US")}.${String(abs % 100).padStart(2, "0")}`;
        expect(readAmountCell(cents < 0 ? `(${text})` : text, "A1", "元", true)).toMatchObject({ value: cents, exact: true });
      }),
      { numRuns: 500 },
    );
  });
});
