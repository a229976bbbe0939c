import { foldTraditional } from "../base/traditional";

/** The 三公 items and the items reported beside them (never added into 三公), with the name variants seen in tables. */
export type SangongKey = "total" | "abroad" | "car" | "carPurchase" | "carRun" | "reception";
export type RelatedKey = "meeting" | "training" | "office" | "operation";

export const SANGONG_LABELS: Record<SangongKey | RelatedKey, string> = {
  total: "“三公”经费合计",
  abroad: "因公出国（境）费",
  car: "公务用车购置及运行维护费",
  carPurchase: "公务用车购置费",
  carRun: "公务用车运行维护费",
  reception: "公务接待费",
  meeting: "会议费",
  training: "培训费",
  office: "办公经费",
  operation: "机关运行经费",
};

const ITEM_CHARS = /[出接运政会培办车购维三合总]/;

/** Name variants seen in 决算 tables, after numbering ("1.", "（一）", "其中：") and quotes are removed. */
export function sangongKeyOf(name: string): SangongKey | RelatedKey | null {
  const folded = foldTraditional(name);
  // Every name below holds one of these characters (出国, 接待, 运行/行政, 会议, 培训, 办公, 车, 购置, 维护, 三公, 合计/总计):
  // the many other lines of a workbook are ruled out with one test.
  if (!ITEM_CHARS.test(folded)) return null;
  const n = folded
    .replace(/^([(（]?[一二三四五六七八九十\d]+[)）]?[、.．]?)/, "")
    .replace(/^其中[:：]?/, "")
    .replace(/[“”"'‘’「」]/g, "");
  if (/因公出国|出国\(境\)|出国（境）|出国经费/.test(n)) return "abroad";
  if (/公务接待/.test(n)) return "reception";
  if (/机关运行经费|行政经费/.test(n)) return "operation";
  if (/会议费/.test(n)) return "meeting";
  if (/培训费/.test(n)) return "training";
  if (/^办公(经)?费$|^办公经费/.test(n)) return "office";
  const car = /公务用车|公车|车辆/.test(n);
  if (car || /^(购置费|运行(维护)?费|运行维护费|维护费)$/.test(n)) {
    const purchase = /购置/.test(n);
    const run = /运行|维护|维修/.test(n);
    if (purchase && run) return "car";
    if (purchase) return "carPurchase";
    if (run) return "carRun";
    if (car) return "car";
  }
  if (/三公/.test(n) || /^(合计|总计)$/.test(n)) return "total";
  return null;
}
