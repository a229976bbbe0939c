import { auditText, findingMessage } from "../../src/core";
import { readDocument } from "../../src/core/audit/document";
import { ratePercent, sumsMeet } from "../../src/core/audit/relations";
import { decOf } from "../../src/core/audit/numbers";
import { tablesOf } from "../../src/core/audit/tables";

/** The report audit on the shapes the issue names: each relation, each abstention. */
const rules = (text: string) => auditText(text).findings.map((f) => [f.rule, String(f.data.check), String(f.data.stated)]);

describe("claims, item by item", () => {
  test("a list-shaped sentence binds each change and rate to its own item", () => {
    const doc = readDocument(
      "其中，公务用车运行维护费支出251万元，比上年累计支出285万元下降34万元，下降12%；公务用车购置支出56万元比上年增加56万元；" +
        "公务接待支出124万元，比上年累计支出148万元下降24万元，下降16%。",
    );
    const items = doc.claims.map((c) => [c.subject, c.amounts.map((a) => a.fig.text), c.changes.map((x) => x.fig?.text)]);
    expect(items).toEqual([
      ["公务用车运行维护费支出", ["251万元"], ["34万元"]],
      ["公务用车购置支出", ["56万元"], ["56万元"]],
      ["公务接待支出", ["124万元"], ["24万元"]],
    ]);
    expect(rules(doc.text)).toEqual([]);
  });

  test("an amount without 本年/决算 is the item's own: its rate is checked against the implied base", () => {
    expect(rules("社会保障和就业支出116433.12元，同比增加16803.36元，增长14.43%。")).toEqual([["text-rate", "change-rate", "14.43%"]]);
    const f = auditText("社会保障和就业支出116433.12元，同比增加16803.36元，增长14.43%。").findings[0];
    expect(f.data.expected).toBe("16.87");
    expect(findingMessage(f)).toContain("上年为99629.76元");
  });

  test("comparisons that name a year are against last year; a stated base is used as stated", () => {
    // 150 − 50 = 100 last year: 50 is 50%, not 100%.
    expect(rules("2021年预算为150万元，较2020年决算数增加50万元，增长100%。")).toEqual([["text-rate", "change-rate", "100%"]]);
    expect(rules("2025年预算总额为1969万元，较2024年的2190万元减少212万元，下降10.1%。")).toEqual([
      ["text-diff", "change-amount", "212万元"],
    ]);
    expect(rules("2025年预算总额为1969万元，较2024年的2190万元减少221万元，下降10.1%。")).toEqual([]);
  });

  test("a rate from a zero base: 增长100% on nothing last year", () => {
    expect(rules("会议费本年数为3.40万元，上年数为0万元，较上年增加3.40万元，增长100%。")).toEqual([
      ["text-base-zero", "base-zero", "100%"],
    ]);
    expect(rules("2023年政府采购预算17000元，同比增加17000元，增长100%。")).toEqual([["text-base-zero", "base-zero", "100%"]]);
    expect(rules("2023年政府采购预算17000元，同比增加17000元，上年无该预算，增长率无可比性。")).toEqual([]);
  });

  test("shares against part ÷ whole, and shares that must make 100%", () => {
    expect(rules("本年支出合计519.07万元，其中基本支出401.91万元，占77.43%；项目支出117.16万元，占22.57%。")).toEqual([]);
    expect(rules("本年支出合计519.07万元，其中基本支出401.91万元，占78.43%；项目支出117.16万元，占22.57%。")).toEqual([
      ["text-rate", "share", "78.43%"],
      ["text-sum", "shares-total", "78.43%+22.57%"],
    ]);
  });

  test("parts and their total in separate sentences and paragraphs", () => {
    const text =
      "一般公共预算财政拨款基本支出911.7万元，其中：\n人员经费489.18万元，主要包括：基本工资等。\n公用经费46.89万元，主要包括：办公费等。";
    // The lines after "其中：" are the list's items (one a line), so the list's own sum finds it.
    expect(rules(text)).toEqual([["text-sum", "parts-sum", "911.7万元"]]);
    expect(rules(text.replace("911.7", "536.07"))).toEqual([]);
  });

  test("大于/小于/持平 against the figures", () => {
    expect(rules("支出决算为67.64万元，完成预算89.53%，决算数大于预算数的主要原因是年初预算估算不足。")).toEqual([
      ["text-direction", "compare-words", "决算数大于预算"],
    ]);
    expect(rules("预算为6.35万元，支出决算为6.35万元，完成预算的100%。决算数与预算数持平。")).toEqual([]);
  });

  test("a unit slip inside a 万元 list, and per-unit 元 figures that are not one", () => {
    expect(rules("本年收入合计3159.67万元，其中：财政拨款收入1008.64万元，事业收入2148.69元，其他收入2.34万元。")).toEqual([
      ["text-unit", "unit", "2148.69元"],
    ]);
    expect(rules("项目资金共200万元，其中乡重点产业50万元，其余每村15万元。")).toEqual([]);
  });

  test("abstains where a figure cannot be bound: a list that may be partial, a share of a whole not stated", () => {
    const r = auditText(
      "全市一般公共财政支出1678.8亿元。分主要科目看：教育支出255.6亿元，社会保障和就业支出198.9亿元。税收收入占比为44.3%。",
    );
    expect(r.findings).toEqual([]);
    expect(r.skipped).toBeGreaterThan(0);
  });
});

describe("the arithmetic", () => {
  test("a rate agrees within the rounding of its own last digit and of the figures; one digit more is a warning", () => {
    const iv = (lo: bigint, hi: bigint) => ({ lo, hi });
    expect(ratePercent(decOf("4.68"), iv(580000n, 580000n), iv(12390000n, 12390000n))).toBe("agrees");
    expect(ratePercent(decOf("38.28"), iv(257097n, 257097n), iv(671488n, 671488n))).toBe("last-digit");
    expect(ratePercent(decOf("43.78"), iv(19n, 19n), iv(60n, 60n))).toBe("differs");
  });

  test("sums of rounded figures meet only by more than a point", () => {
    // 30.00 + 30.00 + 29.99 against 89.97: touching intervals are not agreement (half up rounding).
    expect(sumsMeet({ lo: 89975n, hi: 90005n }, { lo: 89965n, hi: 89975n })).toBe(false);
    expect(sumsMeet({ lo: 0n, hi: 0n }, { lo: 0n, hi: 0n })).toBe(true);
  });

  test("tables: a header that names the columns, or an identity the rows show", () => {
    const [t] = tablesOf([
      "项目\t上年决算\t本年预算\t本年决算\t较上年增减\t增减率\t完成预算",
      "公务接待费\t5.10\t4.00\t1.61\t-3.49\t-68.43%\t40.25%",
    ]);
    expect(t.roles?.map((r) => r.role)).toEqual(["prev", "cur", "cur", "diff", "rate", "completion"]);
    expect(
      rules(
        "合计 | 2378.77 | 2415.44 | 36.67 | 2、公务接待费 | 1114.54 | 989.86 | -124.68 | 3、公务用车费 | 1264.23 | 1425.58 | 116.35 |" +
          " (1)运转维护费 | 1007.23 | 898.22 | -109.01 | (2)购置费 | 257.00 | 527.36 | 270.36 |",
      ),
    ).toEqual([["text-diff", "table", "116.35"]]);
  });
});

test("a 0% change over two zero years suggests 与上年持平, not 新增 (广西, a unit's 2023 决算说明 as published)", () => {
  // http://117.141.250.58:10060/wzyjsgkpt/uploadFile/upload1443/upload20241014/553A6CF7F3D64A49C4A6E4DE805B91F7.html
  const text = "6.其他收入 0.00 万元。较 2022 年度决算数增加 0.00 万元,增长 0%,主要原因是:本单位无其他收入。";
  const f = auditText(text).findings.filter((x) => x.rule === "text-base-zero");
  expect(f.map((x) => x.severity)).toEqual(["warning"]);
  expect(findingMessage(f[0])).toContain("与上年持平");
  const growing = auditText("其他收入 17000 元，同比增加 17000 元，增长 100%。").findings.filter((x) => x.rule === "text-base-zero");
  expect(findingMessage(growing[0])).toContain("新增");
});
