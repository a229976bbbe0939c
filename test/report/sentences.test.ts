import { hundredths } from "../../src/core/base/money";
import { plainText } from "../../src/core/report/model";
import { budgetAndActual, budgetComparison, shareOf, yearOnYear } from "../../src/core/report/sentences";

const st = { unit: "万元" as const, decimals: 2 };
const y = (n: number) => hundredths(n) * 10000; // 万元 → 分

describe("phrasing rules (national 决算 template)", () => {
  test("budget and actual with the completion rate", () => {
    expect(plainText(budgetAndActual("行政运行", "年初预算", y(51.98), y(51.98), st))).toBe(
      "行政运行年初预算为51.98万元，支出决算为51.98万元，完成年初预算的100.00%。",
    );
    expect(plainText(budgetAndActual("", "年初预算", y(4628.17), y(4733.14), st))).toBe(
      "年初预算为4628.17万元，支出决算为4733.14万元，完成年初预算的102.27%。",
    );
  });

  test("a zero budget gets no completion rate", () => {
    const s = plainText(budgetAndActual("抚恤金", "年初预算", y(0), y(35.2), st));
    expect(s).toBe("抚恤金年初预算为0.00万元，支出决算为35.20万元。");
    expect(s).not.toMatch(/完成/);
  });

  test("决算数大于/小于/与预算数持平 matches the sign, with the reason or a placeholder", () => {
    expect(plainText(budgetComparison(y(1), "人员增资", "工资"))).toBe("决算数大于预算数的主要原因是人员增资。");
    expect(plainText(budgetComparison(y(-1), null, "办公费"))).toBe(
      "决算数小于预算数的主要原因是【请填写：办公费决算数小于预算数的原因】。",
    );
    expect(plainText(budgetComparison(y(0), null, "x"))).toBe("决算数与预算数持平。");
  });

  test("较上年: a rise, a fall, no change, and from a zero base (never 增长100%)", () => {
    expect(plainText(yearOnYear(y(0.61), y(5.74), st))).toBe("较上年增加0.61万元，增长10.63%");
    expect(plainText(yearOnYear(y(-9.07), y(13.75), st))).toBe("较上年减少9.07万元，下降65.96%");
    expect(plainText(yearOnYear(y(0), y(5), st))).toBe("与上年持平");
    expect(plainText(yearOnYear(y(0), y(0), st))).toBe("与上年持平");
    const fromZero = plainText(yearOnYear(y(0.5), y(0), st));
    expect(fromZero).toBe("较上年新增0.50万元");
    expect(fromZero).not.toMatch(/增长/);
  });

  test("shares: 占…的X%, and nothing from a zero whole", () => {
    expect(plainText(shareOf(y(1.89), y(6.35), "“三公”经费"))).toBe("，占“三公”经费的29.76%");
    expect(shareOf(y(0), y(0), "x")).toEqual([]);
  });
});
