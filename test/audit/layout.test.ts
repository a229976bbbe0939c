import { auditText } from "../../src/core/audit/audit";
import { readDocument } from "../../src/core/audit/document";
import { foldTraditionalText } from "../../src/core/base/traditional";

/**
 * Report text laid out as pages print it: in traditional characters, and with the items of a "其中" list one a line.
 * The passages are copied as printed from the pages named in each test (the new-user test's sources.md).
 */
const brief = (text: string) => auditText(text).findings.map((f) => [f.rule, f.cell, String(f.data.check), String(f.data.stated)]);

/** The simplified form of each traditional character of S5, as the new-user test's simplified copy (S5s) has it. */
const SIMPLIFIED: Record<string, string> = Object.fromEntries(
  "個个 兒儿 單单 園园 學学 撥拨 數数 於于 業业 標标 決决 況况 減减 為为 營营 經经 總总 職职 與与 萬万 補补 計计 說说 調调 財财 費费 資资 門门 項项 預预"
    .split(" ")
    .map((p) => [p[0], p[1]]),
);

describe("a report in traditional characters", () => {
  // 天水市幼兒園2017年度部門決算公開 (mirror, traditional), http://www.kmxxf.com/jyj/info/1217/105784.htm (sources.md, S5).
  const S5 = [
    "二、天水市幼兒園2017年度部門決算情況說明",
    "（一）收入決算情況。",
    "2017年度，本單位收入為1687.45萬元，其中：財政撥款收入1516.64萬元，占89.88%；事業收入170.81萬元，占10.12%；" +
      "經營收入0萬元，占0%；其他收入0萬元，占0%。",
    "（二）支出決算情況",
    "2017年度，本單位支出為1942.57萬元。其中：基本支出1121.09萬元，占57.71%；項目支出821.48萬元，占42.29%；經營支出0萬元，占0%。",
    "（三）財政撥款收入決算情況。",
    "2017年度，本單位財政撥款收入總計1516.64萬元，與上年相比減少58.49萬元，降低3.71%。其中：一般公共預算財政撥款收入" +
      "1486.64萬元，政府性基金預算財政撥款收入30萬元。",
    "三、一般公共預算財政撥款支出決算情況。",
    "2017年度，本單位一般公共預算財政撥款支出總計1741.75萬元，與上年相比減少53.7萬元，降低2.99%；完成年初預算100%，" +
      "決算數大於預算數55.93萬元，主要原因：2017年度62名職工工資調標個人部分增加，及增加學前教育免保教費資金補助。",
  ].join("\n");
  // The same page in simplified characters, character for character.
  const S5s = [...S5].map((ch) => SIMPLIFIED[ch] ?? ch).join("");

  test("is read as its simplified copy is: the same relations checked, the same finding (完成100% with 决算大于预算55.93万元)", () => {
    const written = auditText(S5);
    const simplified = auditText(S5s);
    expect(S5s).toContain("决算数大于预算数55.93万元");
    expect(written.checked).toBe(simplified.checked);
    expect(written.checked).toBeGreaterThanOrEqual(15);
    expect(written.skipped).toBe(simplified.skipped);
    expect(brief(S5)).toEqual([["text-rate", "P9", "completion", "100%"]]);
    expect(brief(S5)).toEqual(brief(S5s));
    expect(written.findings[0].data.expected).toBe("103.32");
  });

  test("the finding quotes the sentence as written, and every figure sits where it is written", () => {
    const f = auditText(S5).findings[0];
    expect(f.data.quote).toContain("完成年初預算100%，決算數大於預算數55.93萬元");
    const doc = readDocument(S5);
    for (const p of doc.paragraphs) {
      expect(p.shown.length).toBe(p.text.length);
      for (const fig of p.figures) expect(foldTraditionalText(p.shown.slice(fig.start, fig.end))).toBe(fig.text);
    }
    expect(doc.paragraphs[8].shown).toContain("與上年相比減少53.7萬元");
    expect(doc.paragraphs[8].text).toContain("与上年相比减少53.7万元");
  });

  test("names in a finding are written as the report writes them", () => {
    // 占比 of 財政撥款收入 planted wrong (89.88% → 98.88%): the whole is named in the report's characters.
    const f = auditText(S5.replace("占89.88%", "占98.88%")).findings.find((x) => x.data.check === "share");
    expect(f?.data.stated).toBe("98.88%");
    expect(f?.data.whole).toBe("本單位收入");
  });
});

describe("a 其中 list with its items one a line", () => {
  // 梧州 2024 部门预算说明 (元), http://117.141.250.58:10060/wzyjsgkpt/uploadFile/upload1412/upload20240311/
  // C443CF594F700D82110193222E29D217.html (sources.md, S4): the items after "其中：" stand each on a line of its own.
  const S4 = [
    "（二）按支出结构分类划分，分为基本支出预算和项目支出预算。",
    "1. 基本支出预算 2476260.58 元，占一般公共预算支出的84.06%，同比减少 4966.66 元，下降 0.2%。其中：",
    "工资福利支出预算 2016908.34 元，占基本支出预算81.45%，同比增加 33279.22 元，增长 1.68%。",
    "商品和服务支出预算 445372.24 元，占基本支出预算17.99%，同比减少 36235.88 元，下降 7.52%。",
    "对个人和家庭补助支出预算 13980 元，占基本支出预算0.56%，同比减少 2010 元，下降 12.57%。",
    "2. 项目支出 469500 元，占一般公共预算支出的 19.62%，同比增加 70100 元 ，增长 17.55%。其中：",
    "工资福利支出 12000 元，占项目支出预算 2.56%，同比增加 12000 元，去年项目支出未列该项。",
    "商品和服务支出 426000 元，占项目支出预算 90.73%，同比增加 36600 元，增长 9.4%。",
    "资本性支出 31500 元，占项目支出预算 6.71%，同比增加21500 元，增长 215%。",
    "六、一般公共预算基本支出情况说明",
    "2024 年本年一般公共预算基本支出 2476260.58 元，较上年减少 0.2%。其中：",
  ].join("\n");

  test("the items on the lines after “其中：” are the parts of its total, up to the total's sibling “2. 项目支出”", () => {
    const doc = readDocument(S4);
    const lists = doc.lists.filter((l) => l.items.length > 0).map((l) => [l.parent.subject, l.items.map((i) => i.paragraph)]);
    expect(lists).toEqual([
      ["基本支出", [3, 4, 5]],
      ["项目支出", [7, 8, 9]],
    ]);
    // Parts, their shares and their changes all agree with the totals as published: the one finding is another.
    const r = auditText(S4);
    expect(r.findings.filter((f) => f.data.check !== "shares-siblings")).toEqual([]);
    expect(r.checked).toBeGreaterThanOrEqual(20);
  });

  test("a planted change in one item (工资福利 2016908.34 → 2016980.34) is found, as it is when the list is on one line", () => {
    const planted = S4.replace("2016908.34", "2016980.34");
    expect(brief(planted).filter((f) => f[2] === "parts-sum")).toEqual([["text-sum", "P2", "parts-sum", "2476260.58元"]]);
    const f = auditText(planted).findings.find((x) => x.data.check === "parts-sum");
    expect(f?.data.expected).toBe("2476332.58元");
    const lines = planted.split("\n");
    const oneLine = [
      lines[0],
      lines[1] +
        lines
          .slice(2, 4)
          .map((l) => l.replace(/。$/, "；"))
          .join("") +
        lines[4],
      ...lines.slice(5),
    ];
    expect(brief(oneLine.join("\n")).filter((x) => x[2] === "parts-sum")).toEqual([["text-sum", "P2", "parts-sum", "2476260.58元"]]);
  });

  test("numbered items one a line: （一）…；（二）…；", () => {
    const text =
      "基本支出2476260.58元。其中：\n（一）工资福利支出2016908.34元；\n（二）商品和服务支出445372.24元；\n（三）对个人和家庭的补助13980元。";
    expect(brief(text)).toEqual([]);
    expect(brief(text.replace("2016908.34", "2016980.34"))).toEqual([["text-sum", "P1", "parts-sum", "2476260.58元"]]);
  });

  test("numbered paragraphs after “具体情况如下：” are items however long, in their order (寿县司法局 2022)", () => {
    // https://www.shouxian.gov.cn/public/118322806/1258999741.html (sources.md, S8), as printed.
    const S8 = [
      "二、2022年一般公共预算“三公”经费支出预算情况说明",
      "寿县司法局2022年一般公共预算“三公”经费支出预算为79万元，比上年预算减少49万元，下降38.28%。其中：因公出国（境）费支出预算为0万元，" +
        "公务接待费支出预算为4万元，公务用车购置及运行费支出预算为75万元。具体情况如下：",
      "（一）因公出国（境）费支出预算0万元，与2021年预算一致，持平原因主要是本年度未安排因公出国（境）预算，上年度也未安排此项预算。",
      "（二）公务接待费支出预算4万元，比2021年预算减少4万元，下降50%，下降原因主要是压缩开支，减少接待次数。",
      "（三）公务用车购置及运行费支出预算75万元，比2021年预算减少45万元，下降37.5%。其中：公务用车运行费50万元，比2021年预算减少10万元，" +
        "下降16.67%，下降原因主要是厉行节约，减少公务用车支出，该项经费主要用于车辆燃料费、维修费、过路过桥费等支出；公务用车购置费25万元，" +
        "比2021年预算减少35万元，下降58.33%，下降原因主要是本年度预计购置执法执勤用车2辆，比上年度少3辆。",
    ].join("\n");
    const lists = readDocument(S8).lists.map((l) => [l.parent.subject, l.items.map((i) => `P${i.paragraph} ${i.subject}`)]);
    expect(lists).toContainEqual([
      "寿县司法局一般公共预算三公经费支出",
      ["P3 因公出国（境）费支出", "P4 公务接待费支出", "P5 公务用车购置及运行费支出"],
    ]);
    expect(brief(S8)).toEqual([]);
    // Out of order, the third is not taken: "（三）" after "（一）".
    const skipped = readDocument(S8.replace(/\n（二）[^\n]*/, "")).lists.map((l) => l.items.length);
    expect(skipped).toContain(1);
  });

  test("a paragraph on a new topic is not an item: a year, a total, the total again, another numbering, a long paragraph", () => {
    const head = "基本支出预算 100 万元。其中：\n工资福利支出 60 万元。\n商品和服务支出 30 万元。\n";
    const items = (text: string) => readDocument(text).lists.flatMap((l) => l.items.map((i) => i.subject));
    expect(items(`${head}2024年本单位收入合计 300 万元。`)).toEqual(["工资福利支出", "商品和服务支出"]);
    expect(items(`${head}本年支出合计 10 万元。`)).toEqual(["工资福利支出", "商品和服务支出"]);
    expect(items(`${head}基本支出预算 100 万元，较上年增加 1 万元。`)).toEqual(["工资福利支出", "商品和服务支出"]);
    expect(items(`${head}一、项目支出 10 万元。`)).toEqual(["工资福利支出", "商品和服务支出"]);
    expect(items(`${head}对个人和家庭补助支出 10 万元，${"主要用于离退休人员生活补助和遗属补助等方面的支出，".repeat(6)}`)).toEqual([
      "工资福利支出",
      "商品和服务支出",
    ]);
    // Without "其中：" closing the paragraph before, lines with amounts are not items of anything.
    expect(items("基本支出预算 100 万元。\n工资福利支出 60 万元。\n商品和服务支出 40 万元。")).toEqual([]);
  });

  test("items that stop at a line which may be one more item do not claim to be all of them: no warning for less", () => {
    // 60 + 30 < 100: the line after them may be a third item the reader did not take, so the list may be partial.
    const text = "基本支出预算 100 万元。其中：\n工资福利支出 60 万元。\n商品和服务支出 30 万元。\n其他支出，含遗属补助等，10 万元。";
    expect(brief(text)).toEqual([]);
    // Ended by a heading, they are all the items: less than the total is said (a warning, a part may be missing).
    const ended = "基本支出预算 100 万元。其中：\n工资福利支出 60 万元。\n商品和服务支出 30 万元。\n三、项目支出情况说明";
    expect(brief(ended)).toEqual([["text-sum", "P1", "parts-sum", "100万元"]]);
    // More than the total is an error whatever follows.
    expect(brief(text.replace("30 万元", "50 万元"))).toEqual([["text-sum", "P1", "parts-sum", "100万元"]]);
  });
});

describe("shares of one whole in the numbered paragraphs of a section", () => {
  // 梧州 2024 部门预算说明 (sources.md, S4): "1. 基本支出预算 2476260.58 元，占一般公共预算支出的84.06%" and, four lines
  // below, "2. 项目支出 469500 元，占一般公共预算支出的 19.62%": 103.68% together; 2476260.58 is 84.06% of the two amounts
  // added up, so 469500 is 15.94% of it (the error the corpus records as r054).
  const S4 = [
    "（二）按支出结构分类划分，分为基本支出预算和项目支出预算。",
    "1. 基本支出预算 2476260.58 元，占一般公共预算支出的84.06%，同比减少 4966.66 元，下降 0.2%。其中：",
    "工资福利支出预算 2016908.34 元，占基本支出预算81.45%，同比增加 33279.22 元，增长 1.68%。",
    "商品和服务支出预算 445372.24 元，占基本支出预算17.99%，同比减少 36235.88 元，下降 7.52%。",
    "对个人和家庭补助支出预算 13980 元，占基本支出预算0.56%，同比减少 2010 元，下降 12.57%。",
    "2. 项目支出 469500 元，占一般公共预算支出的 19.62%，同比增加 70100 元 ，增长 17.55%。其中：",
    "工资福利支出 12000 元，占项目支出预算 2.56%，同比增加 12000 元，去年项目支出未列该项。",
  ].join("\n");

  test("over 100% is found, and the share the amounts do not give is named", () => {
    expect(brief(S4)).toEqual([["text-rate", "P6", "shares-siblings", "19.62%"]]);
    const f = auditText(S4).findings[0];
    expect([f.data.expected, f.data.computed, f.data.denominator, f.severity]).toEqual(["15.94", "103.68%", "2945760.58元", "error"]);
    // The same passage with the share as it should be: nothing.
    expect(brief(S4.replace("19.62%", "15.94%"))).toEqual([]);
  });

  test("no finding where the shares may be of different splits, years or sections, or add to 100% or less", () => {
    const two = (a: string, b: string, between = "") =>
      brief(`（二）支出情况\n1. 基本支出 80 万元，占${a}\n${between}2. 项目支出 40 万元，占${b}`);
    // 80 is 66.67% of 80 + 40, so 40 is 33.33% of it; where neither share fits the amounts added up, the sum alone is said.
    expect(two("支出总额的66.67%。", "支出总额的40%。")).toEqual([["text-rate", "P3", "shares-siblings", "40%"]]);
    expect(two("支出总额的80%。", "支出总额的40%。")).toEqual([["text-sum", "P2", "shares-total", "80%+40%"]]);
    expect(two("支出总额的60%。", "支出总额的30%。")).toEqual([]);
    expect(two("支出总额的80%。", "支出总额的40%。", "按经济分类：\n")).toEqual([]);
    expect(two("支出总额的80%。", "支出总额的40%。", "（三）项目支出情况\n")).toEqual([]);
    expect(two("支出总额的80%。", "收入总额的40%。")).toEqual([]);
    expect(brief("（二）支出情况\n1. 2023年基本支出 80 万元，占支出总额的80%。\n2. 2022年基本支出 40 万元，占支出总额的40%。")).toEqual([]);
  });
});
