import { readFileSync } from "node:fs";
import { join } from "node:path";
import { foldTraditional, foldTraditionalText, TRADITIONAL_CHARS } from "../../src/core/base/traditional";

/** The characters of GB2312 (the simplified character set), decoded from its two-byte code space. */
function gb2312(): Set<string> {
  const decoder = new TextDecoder("gbk");
  const out = new Set<string>();
  for (let hi = 0xb0; hi <= 0xf7; hi++) {
    for (let lo = 0xa1; lo <= 0xfe; lo++) {
      if (hi === 0xd7 && lo > 0xf9) continue; // D7FA–D7FE: no character in GB2312 (GBK fills them)
      const ch = decoder.decode(Uint8Array.from([hi, lo]));
      if (ch.length === 1 && ch !== "\ufffd") out.add(ch);
    }
  }
  return out;
}

describe("traditional characters folded for matching", () => {
  const simplified = gb2312();

  test("GB2312 as decoded here: its 6763 characters", () => {
    expect(simplified.size).toBe(6763);
    expect(simplified.has("预")).toBe(true);
    expect(simplified.has("預")).toBe(false);
  });

  test("each listed character is one code unit folding to one, outside GB2312 (but 後), to a character of GB2312", () => {
    const wrong: string[] = [];
    for (const t of TRADITIONAL_CHARS) {
      const s = foldTraditional(t);
      if (t.length !== 1 || s.length !== 1 || s === t) wrong.push(`${t}: not one for one`);
      if (simplified.has(t) && t !== "後") wrong.push(`${t}: a simplified character too`);
      if (!simplified.has(s)) wrong.push(`${t} → ${s}: not simplified`);
      if (TRADITIONAL_CHARS.includes(s)) wrong.push(`${t} → ${s}: folds again`);
    }
    expect(wrong).toEqual([]);
  });

  test("simplified report text is left as it is: the published passages of the audit corpus", () => {
    const real = JSON.parse(readFileSync(join(__dirname, "..", "audit", "corpus", "real.json"), "utf8")) as { text: string }[];
    for (const { text } of real) expect(foldTraditionalText(text)).toBe(text);
  });

  test("report words: 增長, 減少, 較上年, 與上年相比; 於 only where it is 于", () => {
    // 天水市幼兒園2017年度部門決算公開 (sources.md, S5), as printed.
    const written = "與上年相比減少53.7萬元，降低2.99%；完成年初預算100%，決算數大於預算數55.93萬元，主要原因";
    const folded = foldTraditionalText(written);
    expect(folded).toBe("与上年相比减少53.7万元，降低2.99%；完成年初预算100%，决算数大于预算数55.93万元，主要原因");
    expect(folded.length).toBe(written.length);
    expect(foldTraditionalText("較上年增長1.68%，用於辦公，由於壓減")).toBe("较上年增长1.68%，用于办公，由于压减");
    // 於 is a surname in simplified text: alone it stays.
    expect(foldTraditionalText("於先生")).toBe("於先生");
  });
});
