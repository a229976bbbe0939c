import fc from "fast-check";
import { matchesNotAfter, replaceAfter, splitAfter } from "../../src/core/base/scan";
import { foldCommas, normaliseText } from "../../src/core/audit/normalise";
import { tokenize } from "../../src/core/audit/numbers";
import { encodeXstring } from "../../src/xlsx/xml-scan";

/**
 * The core runs in WPS's older embedded browser too, so it avoids ES2018+ regex syntax. The helpers that replaced
 * the lookbehind patterns must do exactly what the patterns did (Node still has lookbehind to compare with).
 */
const units = [
  "1",
  "2",
  "3",
  "4",
  "0",
  ",",
  "，",
  ".",
  "。",
  "！",
  "？",
  "!",
  "?",
  "；",
  ";",
  ":",
  "元",
  "万",
  "年",
  " ",
  "\n",
  "a",
  "中",
  "-",
];
const text = fc.string({ unit: fc.constantFrom(...units), maxLength: 40 });
const lb = (source: string, flags = "g") => new RegExp(source, flags);

test("splitAfter is split(/(?<=[…])/)", () => {
  fc.assert(
    fc.property(text, (t) => {
      expect(splitAfter(t, "。！？!?")).toEqual(t.split(lb("(?<=[。！？!?])", "")));
      expect(splitAfter(t, "；;")).toEqual(t.split(lb("(?<=[；;])", "")));
    }),
    { numRuns: 2000 },
  );
});

test("matchesNotAfter is matchAll(/(?<![…])re/g), retrying one character on", () => {
  fc.assert(
    fc.property(text, (t) => {
      const mine = (re: RegExp, not: RegExp) => matchesNotAfter(re, t, not).map((m) => [m.index, m[0]]);
      const theirs = (re: RegExp) => [...t.matchAll(re)].map((m) => [m.index, m[0]]);
      expect(mine(/-?\d+(?:\.\d+)?(?:\s*-\s*\d+)?\s*(?:万元|元|年)?/g, /[\d.,]/)).toEqual(
        theirs(lb("(?<![\\d.,])-?\\d+(?:\\.\\d+)?(?:\\s*-\\s*\\d+)?\\s*(?:万元|元|年)?")),
      );
      expect(mine(/((?:19|20)\d\d)年/g, /[\d〔[【]/)).toEqual(theirs(lb("(?<![\\d〔[【])((?:19|20)\\d\\d)年")));
    }),
    { numRuns: 2000 },
  );
});

test("replaceAfter is replace(/(?<=[…])re/g)", () => {
  fc.assert(
    fc.property(text, (t) => {
      expect(replaceAfter(t, /[ ]+/g, /[，、；：]/, () => "")).toBe(t.replace(lb("(?<=[，、；：])[ ]+"), ""));
      expect(replaceAfter(t, /[ ]+(?=[中年])/g, /[\d中]/, () => "")).toBe(t.replace(lb("(?<=[\\d中])[ ]+(?=[中年])"), ""));
    }),
    { numRuns: 2000 },
  );
});

test('foldCommas is replace(/(?<![\\d.])\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?(?![\\d,])|,/g, …"，")', () => {
  const old = lb("(?<![\\d.])\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?(?![\\d,])|,");
  fc.assert(
    fc.property(text, (t) => {
      expect(foldCommas(t)).toBe(t.replace(old, (m) => (m === "," ? "，" : m)));
    }),
    { numRuns: 3000 },
  );
  expect(foldCommas("合计3,120,000.00元,其中")).toBe("合计3,120,000.00元，其中");
});

test("the list-marker and full-stop dots read as the lookbehind patterns did", () => {
  const marker = lb("(?<=(?:^|[\\s。；：，\\n])\\d{1,2})\\.(?=\\s*[^\\d\\s])", "gm");
  const stop = lb("(?<!\\d)\\.(?!\\d)");
  fc.assert(
    fc.property(text, (t) => {
      // normaliseText folds more than the dots: compare on text whose other folds leave it as it is
      const plain = t.replace(/[,;:!?()\s，]/g, "中");
      expect(normaliseText(plain)).toBe(plain.replace(marker, "．").replace(stop, "。"));
    }),
    { numRuns: 2000 },
  );
  expect(normaliseText("1.社会保障支出12.5万元.")).toBe("1．社会保障支出12.5万元。");
});

test("tokenize never starts a figure right after a digit, '.' or ','", () => {
  fc.assert(
    fc.property(text, (t) => {
      for (const f of tokenize(t)) expect(f.start === 0 || !/[\d.,]/.test(t[f.start - 1])).toBe(true);
    }),
    { numRuns: 1000 },
  );
});

test("lone surrogates become U+FFFD as the lookbehind pattern made them", () => {
  const old = lb("[\\ud800-\\udbff](?![\\udc00-\\udfff])|(?<![\\ud800-\\udbff])[\\udc00-\\udfff]");
  const s = fc.string({ unit: fc.constantFrom("a", "\ud83d", "\ude00", "中", "\udc00"), maxLength: 12 });
  fc.assert(
    fc.property(s, (t) => expect(encodeXstring(t)).toBe(t.replace(old, "\ufffd"))),
    { numRuns: 2000 },
  );
});

test("no lookbehind or named group in the code the WPS bundles take (regex literals and RegExp sources alike)", () => {
  const { readdirSync, readFileSync, statSync } = jest.requireActual<typeof import("node:fs")>("node:fs");
  const { join } = jest.requireActual<typeof import("node:path")>("node:path");
  const files = (dir: string): string[] =>
    readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? files(join(dir, f)) : /\.tsx?$/.test(f) ? [join(dir, f)] : []));
  const root = join(__dirname, "..", "..", "src");
  const offending = files(root).flatMap((f) =>
    readFileSync(f, "utf8")
      .split("\n")
      .map((line, i) => ({ line, at: `${f.slice(root.length + 1)}:${i + 1}` }))
      .filter(
        ({ line }) =>
          !/^\s*(\*|\/\/)/.test(line) &&
          /\(\?<[=!a-zA-Z]/.test(line.replace(/`[^`]*`/g, (m) => (/RegExp|String\.raw/.test(line) ? m : ""))),
      ),
  );
  expect(offending.map((o) => o.at)).toEqual([]);
});
