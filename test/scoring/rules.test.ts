import { hundredths } from "../../src/core/base/money";
import { FrameworkSchema, gradeOf, DEFAULT_GRADES } from "../../src/core/score/framework";
import type { Rule } from "../../src/core/score/framework";
import { FRAMEWORKS } from "../../src/core/score/frameworks";
import { scoreByRule, tierOf } from "../../src/core/score/rules";

const s = (rule: Rule, weight: number, rate: number | null) => {
  const r = scoreByRule(rule, weight, rate === null ? null : hundredths(rate));
  return r === null ? null : r / 100;
};

describe("rule types at their edges", () => {
  test("ceiling (在职人员控制率: ≤100% full, −0.5 per point above)", () => {
    const rule: Rule = { type: "ceiling", target: 100, perPoint: 0.5 };
    expect(s(rule, 5, 100)).toBe(5); // exactly at the target
    expect(s(rule, 5, 99.99)).toBe(5);
    expect(s(rule, 5, 101)).toBe(4.5);
    expect(s(rule, 5, 103.5)).toBe(3.25); // pro rata for part of a point
    expect(s(rule, 5, 110)).toBe(0);
    expect(s(rule, 5, 250)).toBe(0); // never below zero
  });

  test("ceiling at zero (三公变动率: ≤0 full, −0.5 per point of increase)", () => {
    const rule: Rule = { type: "ceiling", target: 0, perPoint: 0.5 };
    expect(s(rule, 5, -65.96)).toBe(5);
    expect(s(rule, 5, 0)).toBe(5);
    expect(s(rule, 5, 9.61)).toBe(0.2); // 0.195, kept to two decimals half up as clerks write scores
  });

  test("floorSteps (预算完成率: 100% full, −2 per complete 5% below)", () => {
    const rule: Rule = { type: "floorSteps", target: 100, step: 5, perStep: 2 };
    expect(s(rule, 5, 100)).toBe(5);
    expect(s(rule, 5, 122.73)).toBe(5); // over 100% execution is full marks
    expect(s(rule, 5, 95.01)).toBe(5); // less than one complete step below
    expect(s(rule, 5, 95)).toBe(3); // exactly one step
    expect(s(rule, 5, 90)).toBe(1);
    expect(s(rule, 5, 80)).toBe(0);
  });

  test("bands (预算调整率: 0→5, ≤10→4, ≤20→3, ≤30→2, above→0), upper-inclusive", () => {
    const rule: Rule = {
      type: "bands",
      bands: [
        { upTo: 0, score: 5 },
        { upTo: 10, score: 4 },
        { upTo: 20, score: 3 },
        { upTo: 30, score: 2 },
      ],
      otherwise: 0,
    };
    expect(s(rule, 5, 0)).toBe(5);
    expect(s(rule, 5, 0.01)).toBe(4);
    expect(s(rule, 5, 10)).toBe(4); // exactly at a limit: the lower band (含)
    expect(s(rule, 5, 10.01)).toBe(3);
    expect(s(rule, 5, 30)).toBe(2);
    expect(s(rule, 5, 30.01)).toBe(0);
  });

  test("proportional (按比例计分, over 100% capped)", () => {
    const rule: Rule = { type: "proportional", cap: 100 };
    expect(s(rule, 10, 0)).toBe(0);
    expect(s(rule, 10, 95.5)).toBe(9.55);
    expect(s(rule, 10, 100)).toBe(10);
    expect(s(rule, 10, 102.59)).toBe(10); // 金寨 2023: over-execution
  });

  test("threeTier (100–80 / 80–60 / 60–0) reports the tier at its limits", () => {
    const rule: Rule = { type: "threeTier", high: 80, low: 60 };
    expect(s(rule, 20, 80)).toBe(16);
    expect(tierOf(rule, hundredths(80))).toBe("80%以上档");
    expect(tierOf(rule, hundredths(79.99))).toBe("60%—80%档");
    expect(tierOf(rule, hundredths(60))).toBe("60%—80%档");
    expect(tierOf(rule, hundredths(59.99))).toBe("60%以下档");
    expect(s(rule, 20, 120)).toBe(20);
  });

  test("manual and a missing rate (zero denominator) give no score, never full marks", () => {
    expect(s({ type: "manual" }, 3, 100)).toBeNull();
    expect(s({ type: "proportional", cap: 100 }, 3, null)).toBeNull();
  });

  test("grades by ≥ at the band limits (财预〔2020〕10号)", () => {
    expect([90, 89.99, 80, 79.99, 60, 59.99].map((x) => gradeOf(hundredths(x), DEFAULT_GRADES))).toEqual([
      "优",
      "良",
      "良",
      "中",
      "中",
      "差",
    ]);
  });
});

describe("frameworks are data, validated", () => {
  test("both shipped frameworks add up to 100 with the published first-level weights", () => {
    const byLevel1 = (id: string) => {
      const out: Record<string, number> = {};
      for (const i of FRAMEWORKS[id].indicators) out[i.level1] = (out[i.level1] ?? 0) + i.weight;
      return out;
    };
    expect(byLevel1("dept-overall")).toEqual({ 投入: 20, 过程: 40, 产出: 20, 效果: 20 });
    expect(byLevel1("self-evaluation")).toEqual({ 预算执行率: 10, 产出指标: 50, 效益指标: 30, 满意度指标: 10 });
  });

  test("a framework whose weights do not add up, or a quantitative indicator without a measure, is refused", () => {
    const base = FRAMEWORKS["self-evaluation"];
    expect(() => FrameworkSchema.parse({ ...base, indicators: base.indicators.slice(1) })).toThrow(/分值合计 90 不等于满分 100/);
    const broken = { ...base, indicators: base.indicators.map((i, k) => (k === 0 ? { ...i, measure: undefined } : i)) };
    expect(() => FrameworkSchema.parse(broken)).toThrow(/定量指标缺少 measure：execution-rate/);
  });
});
