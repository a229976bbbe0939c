import { ACTS_ON, squash } from "../../src/core/base/text";
import { foldTraditional, TRADITIONAL_CHARS } from "../../src/core/base/traditional";

/** squash as it was written before its look-up table: three regular expressions, each run on every text. */
function squashByRegex(text: string): string {
  const folded = /[\u2460-\u24ff\u3000-\u303f\u3200-\u33ff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]/.test(text)
    ? text.normalize("NFKC")
    : text;
  return foldTraditional(folded.replace(/[\s\u00a0\u3000]+/g, ""));
}

describe("squash", () => {
  it("marks exactly the code units the regular expressions act on", () => {
    const traditional = new Set(TRADITIONAL_CHARS);
    const wrong: string[] = [];
    for (let c = 0; c < 65536; c++) {
      const ch = String.fromCharCode(c);
      const space = /[\s\u00a0\u3000]/.test(ch);
      const compatibility = /[\u2460-\u24ff\u3000-\u303f\u3200-\u33ff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]/.test(ch);
      const expected = (space ? 1 : 0) | (compatibility ? 2 : 0) | (traditional.has(ch) ? 4 : 0);
      if (ACTS_ON[c] !== expected) wrong.push(c.toString(16));
    }
    expect(wrong).toEqual([]);
  });

  it("gives what the regular expressions give, on words of the forms and on random text", () => {
    const samples = [
      "年初預算數",
      "  人员经费",
      "\u3000\u3000一、基本支出",
      "（一）工资福利支出",
      "１２３．４５",
      "合　计",
      "①项目",
      "﨑",
      "\ufeff科目编码",
      "3,120,000.00",
      "項目支出績效自評表",
      "",
      "😀 名称",
    ];
    let seed = 7;
    const pool = ["a", " ", "\u3000", "\t", "１", "（", "預", "预", "\u2028", "\uf929", "算", "0", "①", "\ud83d\ude00", "\u00a0"];
    for (let k = 0; k < 2000; k++) {
      let t = "";
      const n = k % 9;
      for (let i = 0; i < n; i++) {
        seed = (seed * 1103515245 + 12345) % 2147483648;
        t += pool[seed % pool.length];
      }
      samples.push(t);
    }
    for (const t of samples) expect(squash(t)).toBe(squashByRegex(t));
  });

  it("returns a text that needs nothing as the same string", () => {
    const t = "项目301-1";
    expect(squash(t)).toBe(t);
  });
});

describe("foldTraditional", () => {
  it("folds every listed character, each one UTF-16 code unit, and leaves other text as the same string", () => {
    for (const ch of TRADITIONAL_CHARS) {
      expect(ch.length).toBe(1);
      expect(foldTraditional(`a${ch}b`)).not.toBe(`a${ch}b`);
    }
    expect(foldTraditional("年初預算數、績效指標")).toBe("年初预算数、绩效指标");
    const plain = "公务接待费";
    expect(foldTraditional(plain)).toBe(plain);
  });
});
