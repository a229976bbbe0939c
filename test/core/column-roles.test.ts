import { roleOf } from "../../src/core/recognise/column-roles";

/** Header words to column roles, as the vocabulary data says; a percent header can never hold money. */
test.each([
  ["比上年增减（%）", "statedRate"],
  ["比上年增减(%)", "statedRate"],
  ["完成预算%", "statedRate"],
  ["增减幅度（%）", "statedRate"],
  ["比上年增减", "statedDiff"],
  ["增、减金额", "statedDiff"],
  ["权重(%)", "maxScore"],
  ["2023年决算数（万元）", "actual"],
  ["上年决算数", "previous"],
])("%s → %s", (header, role) => {
  expect(roleOf(header)).toBe(role);
});
