import { writeJson } from "../../src/cli/json-out";
import { Rng } from "../robustness/mutations";

/** The pieces make exactly the text JSON.stringify(…, null, 2) makes, for documents large and small. */
const streamed = (value: unknown) => {
  let text = "";
  writeJson(value, (t) => (text += t));
  return text;
};

test("the same text as JSON.stringify(value, null, 2), with a line break", () => {
  const rng = new Rng(7);
  const leaf = (): unknown =>
    rng.pick([null, true, 0, -1.5, '文字\n"引号"', "", [], {}, undefined, [1, undefined, "x"], { a: undefined, b: 1 }]);
  const docs: unknown[] = [
    {},
    [],
    null,
    "text",
    42,
    {
      tables: [],
      lines: Array.from({ length: 1000 }, (_, i) => ({
        cell: `B${i}`,
        amount: `${i}.00`,
        flags: i % 3 ? [] : ["sum-mismatch"],
        x: leaf(),
      })),
    },
    { a: { b: Array.from({ length: 600 }, leaf) }, c: Array.from({ length: 300 }, () => Array.from({ length: 3 }, leaf)), d: undefined },
    Array.from({ length: 700 }, leaf),
    // Long arrays inside long arrays, first, in the middle and last: runs of small elements break around them.
    {
      rows: Array.from({ length: 600 }, (_, i) => ([0, 5, 6, 300, 599].includes(i) ? Array.from({ length: 300 + i }, leaf) : leaf())),
    },
    { toJSON: () => ({ rows: Array.from({ length: 500 }, (_, i) => i) }) },
  ];
  for (const doc of docs) expect(streamed(doc)).toBe(`${JSON.stringify(doc, null, 2)}\n`);
});
