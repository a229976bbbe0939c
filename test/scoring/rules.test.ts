import { hundredths } from "../../src/core/base/money";
import { FrameworkSchema, gradeOf, DEFAULT_GRADES } from "../../src/core/score/framework";
import type { Rule } from "../../src/core/score/framework";
import { FRAMEWORKS } from "../../src/core/score/frameworks";
import ExcelJS from "exceljs";
import { ruleFormula, scoreByRule, tierOf } from "../../src/core/score/rules";
import { FormulaEvaluator } from "../support/formula-eval";

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

describe("a rule as the sheet's formula (ruleFormula) scores what core scores", () => {
  // A random but repeatable draw: the rule types with parameters as frameworks and clerks set them.
  let seed = 20261123;
  const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const pick = <T>(xs: T[]) => xs[Math.floor(rnd() * xs.length)];
  const randomRule = (): Rule =>
    pick<() => Rule>([
      () => ({ type: "ceiling", target: pick([0, 100, 95.5]), perPoint: pick([0.5, 1, 0.25, 0.1]) }),
      () => ({ type: "floorSteps", target: pick([100, 90, 95.5]), step: pick([5, 1, 2.5, 0.3]), perStep: pick([2, 0.5, 1.5]) }),
      () => ({
        type: "bands",
        bands: [
          { upTo: pick([1, 5]), score: pick([5, 4.5, 12]) },
          { upTo: pick([10, 15.5]), score: pick([3, 2.25]) },
        ],
        otherwise: pick([0, 1]),
      }),
      () => ({ type: "proportional", cap: pick([100, 120, 80]) }),
      () => ({ type: "threeTier", high: 80, low: 60 }),
    ])();

  test("on 3,000 random rules, weights and rates (the rate's cell holds a fraction, as the sheet's 0.00% cell)", () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("S");
    let compared = 0;
    for (let i = 0; i < 3000; i++) {
      const rule = randomRule();
      const weight = pick([5, 2.5, 10, 1.5, 20, 3]);
      // Basis points from −80 % to 300 %, many near the rules' edges; a few with more decimals than the sheet shows.
      const bp = Math.round((rnd() * 3.8 - 0.8) * 10000);
      const rate = rnd() < 0.2 ? bp / 10000 + Math.round(rnd() * 99) / 1e7 : bp / 10000;
      ws.getCell("A1").value = rate;
      const formula = ruleFormula(rule, weight, "A1")!;
      const sheet = new FormulaEvaluator(wb).evaluate("S", formula);
      const core = scoreByRule(rule, weight, hundredths(Number((rate * 100).toPrecision(15))));
      expect([rule, weight, rate, sheet]).toEqual([rule, weight, rate, core! / 100]);
      compared++;
    }
    expect(compared).toBe(3000);
  });

  test("blank until the rate's cell holds a number; none for a manual rule", () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("S").getCell("A1").value = "";
    expect(new FormulaEvaluator(wb).evaluate("S", ruleFormula({ type: "threeTier", high: 80, low: 60 }, 5, "A1")!)).toBe("");
    expect(ruleFormula({ type: "manual" }, 5, "A1")).toBeNull();
  });
});
