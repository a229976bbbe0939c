import fc from "fast-check";
import { parseNumber } from "../src/core/read/number-parser";
import type { CellValue } from "../src/core/base/cell-grid";

const read = (v: CellValue) => {
  const p = parseNumber(v);
  return p.kind === "number" ? `${p.value.toString()}${p.unit ?? ""}${p.percent ? "%" : ""}` : p.kind === "empty" ? (p.dash ? "dash" : "empty") : "bad";
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
    ["3.07万元", "3.07万元"],
    ["3.07万", "3.07万元"],
    ["1200元", "1200元"],
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

  test("never a JS float: decimal arithmetic stays exact", () => {
    const a = parseNumber("0.1");
    const b = parseNumber("0.2");
    if (a.kind !== "number" || b.kind !== "number") throw new Error("parse failed");
    expect(a.value.plus(b.value).toString()).toBe("0.3");
  });

  test("property: never throws on any string or number", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: "grapheme" }), fc.double(), fc.constantFrom("(", ")", "万元", "%", ",", "１")), (v) => {
        const p = parseNumber(v as CellValue);
        expect(["number", "empty", "bad"]).toContain(p.kind);
      }),
      { numRuns: 2000 },
    );
  });

  test("property: a formatted amount reads back to the same decimal", () => {
    fc.assert(
      fc.property(fc.integer({ min: -10_000_000_00, max: 10_000_000_00 }), (cents) => {
        const abs = Math.abs(cents);
        const text = `${Math.floor(abs / 100).toLocaleString("en-US")}.${String(abs % 100).padStart(2, "0")}`;
        const p = parseNumber(cents < 0 ? `(${text})` : text);
        expect(p.kind).toBe("number");
        if (p.kind === "number") expect(p.value.times(100).toNumber()).toBe(cents);
      }),
      { numRuns: 500 },
    );
  });
});
