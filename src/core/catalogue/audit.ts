import type { FindingData } from "../base/findings";

/**
 * Wording of the report audit's findings (核对报告), one entry per rule, and within a rule per relation (`data.check`).
 * A finding carries data — the quoted sentence, what was stated, what the figures give and from what, amounts as the
 * report writes them and in 元 strings — and only this file turns it into a sentence for the clerk.
 */
interface AuditEntry {
  title: string;
  /** Why it matters and what to do, one line each (shown under the finding in the pane). */
  why: string;
  todo: string;
  text: (d: FindingData) => string;
}

const s = (v: unknown): string => (v === null || v === undefined ? "" : String(v));
const q = (d: FindingData) => `「${s(d.quote)}」：`;
const pct = (v: unknown) => (s(v).endsWith("%") || s(v) === "—" ? s(v) : `${s(v)}%`);

export const AUDIT_FINDING_TEXT = {
  "text-sum": {
    why: "报告中的合计与各项之和不一致。",
    todo: "改正合计或各项数字。",
    title: "报告：合计不符",
    text: (d) => {
      switch (d.check) {
        case "shares-total":
          return `${q(d)}各项占比（${s(d.stated)}）合计为${s(d.computed)}，应为100%。`;
        case "parts-change":
          return `${q(d)}所述较上年${s(d.stated)}，各项增减（${s(d.parts)}）合计应为${s(d.expected)}。`;
        case "composition":
          return `${q(d)}写明${s(d.stated)}，而各项（${s(d.parts)}）合计为${s(d.expected)}。`;
        case "table":
          return `${q(d)}表中“${s(d.row)}”的${s(d.stated)}与各项合计${s(d.expected)}不符。`;
        default:
          return `${q(d)}写明${s(d.stated)}，各项${d.parts ? `（${s(d.parts)}）` : ""}合计为${s(d.expected)}${d.note ? `，${s(d.note)}` : ""}${
            d.confidence === "medium" && !s(d.note).includes("请核对") ? "，请核对是否漏列或有误" : ""
          }。`;
      }
    },
  },
  "text-diff": {
    why: "报告中的增减额与两数之差不一致。",
    todo: "按两数重新计算增减额。",
    title: "报告：增减额不符",
    text: (d) =>
      d.check === "table"
        ? `${q(d)}表中“${s(d.row)}”的增减额${s(d.stated)}，按两数计算应为${s(d.expected)}。`
        : `${q(d)}按${s(d.current)}与${s(d.against)}${s(d.base)}计算，差额应为${s(d.expected)}，所述为${s(d.stated)}。`,
  },
  "text-rate": {
    why: "报告中的百分比与分子分母不一致。",
    todo: "按两数重新计算百分比。",
    title: "报告：百分比不符",
    text: (d) => {
      switch (d.check) {
        case "completion":
          return (
            `${q(d)}${s(d.rateName) || "完成率"}应为${pct(d.expected)}` +
            `（${s(d.numerator)}÷预算${d.denominator ? s(d.denominator) : "（由所述差额推算）"}），所述为${s(d.stated)}。`
          );
        case "completion-count":
          return `${q(d)}完成率应为${pct(d.expected)}（实际${s(d.numerator)}÷目标${s(d.denominator)}），所述为${s(d.stated)}。`;
        case "completion-paid":
          return `${q(d)}比率应为${pct(d.expected)}（已支付${s(d.numerator)}÷（${s(d.numerator)}＋未支付${s(d.denominator)}）），所述为${s(d.stated)}。`;
        case "share":
          return `${q(d)}占比应为${pct(d.expected)}（${s(d.numerator)}÷${s(d.whole)}${s(d.denominator)}），所述为${s(d.stated)}。`;
        case "shares-siblings":
          return (
            `${q(d)}与同级各项所占比重（${s(d.others)}）合计为${s(d.computed)}，超过100%；` +
            `按${s(d.whole)}之和${s(d.denominator)}计算，应占${pct(d.expected)}，所述为${s(d.stated)}。`
          );
        case "share-of-siblings":
          return (
            `${q(d)}${s(d.subject)}占比应为${pct(d.expected)}（${s(d.numerator)}÷` +
            (d.whole === "sangong" ? `“三公”经费三项之和${s(d.denominator)}` : `所列各项之和${s(d.denominator)}，各项占比相加为100%`) +
            `），所述为${s(d.stated)}。`
          );
        case "share-implied-whole":
          return `${q(d)}按所述占比推算的总额前后不一：按${s(d.stated)}推算约为${s(d.implied)}，与${s(d.expected)}所推算的不符。`;
        case "table":
          return `${q(d)}表中“${s(d.row)}”的${s(d.stated)}，按表中数字应为${pct(d.expected)}。`;
        case "fall-over-100":
          return `${q(d)}所述下降${s(d.stated)}，超过100%：支出、收入一类的数额下降100%即为零，不可能下降更多。`;
        default:
          return d.basis === "implied"
            ? `${q(d)}按所述金额与增减额${s(d.numerator)}推算，${s(d.against)}为${s(d.denominator)}，增减率应为${pct(d.expected)}，所述为${s(d.stated)}。` +
                (d.likelyChange
                  ? `也可能是增减额写错：若为${s(d.likelyChange)}（${d.slipKind === "transposed" ? "两位数字颠倒" : "有一位数字不同"}），` +
                    `所述${s(d.stated)}就对了。`
                  : "")
            : `${q(d)}按增减额${s(d.numerator)}÷${s(d.against)}${s(d.denominator)}计算，应为${pct(d.expected)}，所述为${s(d.stated)}。`;
      }
    },
  },
  "text-direction": {
    why: "报告写的增减方向与数字相反。",
    todo: "把“增加/减少”“增长/下降”改为与数字一致。",
    title: "报告：增减方向不符",
    text: (d) => {
      switch (d.check) {
        case "direction-rate":
          return `${q(d)}同一比较中增减方向前后相反（${s(d.stated)}），请核对。`;
        case "direction-completion":
          return `${q(d)}所述“${s(d.stated)}”，但完成预算${s(d.completion)}，应为“${s(d.expected)}”。`;
        case "compare-words":
          return `${q(d)}所述“${s(d.stated)}”，按${s(d.basis)}应为“${s(d.expected)}”。`;
        case "parts-change":
          return `${q(d)}所述“${s(d.stated)}”，而各项增减（${s(d.parts)}）合计为“${s(d.expected)}”。`;
        default:
          return `${q(d)}所述“${s(d.stated)}”，${d.current ? `按${s(d.current)}与${s(d.against)}${s(d.base)}，` : ""}应为“${s(d.expected)}”。`;
      }
    },
  },
  "text-unit": {
    why: "单位写错会使金额差一万倍。",
    todo: "改正单位。",
    title: "报告：单位疑误",
    text: (d) =>
      `${q(d)}“${s(d.stated)}”的单位疑似有误，应为“${s(d.expected)}”${d.neighbours ? `（同项其他数字：${s(d.neighbours)}）` : ""}。`,
  },
  "text-base-zero": {
    why: "基数为0时不能计算增长率。",
    todo: "改写为“新增”或删去比率。",
    title: "报告：零基数比率",
    text: (d) =>
      `${q(d)}${d.stated ? `所述${s(d.stated)}：` : ""}` +
      `${d.unchanged ? "上年、本年均为0，写“与上年持平”即可，不计算增减率" : s(d.expected)}。`,
  },
  "text-vs-table": {
    why: "报告中的数字与工作簿中的表不一致。",
    todo: "以表为准改正报告，或先改正表。",
    title: "报告：与表格不符",
    text: (d) => `${q(d)}所述 ${s(d.stated)}，表中为 ${s(d.expected)}。`,
  },
  "text-score": {
    why: "同一指标的分值在报告中前后不一。",
    todo: "统一分值。",
    title: "报告：分值前后不一",
    text: (d) => `${q(d)}“${s(d.name)}”的分值前后不一（${s(d.stated)}）。`,
  },
} satisfies Record<string, AuditEntry>;
