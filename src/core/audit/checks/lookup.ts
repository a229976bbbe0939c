/**
 * Finding the claim a name refers to: the whole of a share ("占“三公”经费的"), the item a 大于/小于 sentence is about.
 * A name is bound only to one claim of the same section with the same subject (or the same known item, 三公 …), or to
 * the parent of the list the claim is in; anything else is left unbound.
 */
import type { Amount, Claim } from "../claims";
import { subjectOf } from "../claims";
import { itemKeyOf } from "../vocabulary";
import type { DocumentRead } from "../document";
import { currentOf } from "./context";

const strip = (s: string) => s.replace(/(支出|经费|费用|费|收入|资金|总额|总计|合计|规模)$/, "");

export function namesMatch(a: string, b: string): boolean {
  if (!a || !b) return false;
  if (a === b || (strip(a) === strip(b) && strip(a).length >= 2)) return true;
  const ka = itemKeyOf(a);
  return ka !== null && ka === itemKeyOf(b);
}

const GENERIC = /^(总额|合计|总计|总数|总量|总支出|总收入|全部|支出|收入|总预算|支出总预算|本年支出合计|本年收入合计)$/;

export function sectionOf(doc: DocumentRead, c: Claim): number {
  return doc.section[c.paragraph - 1] ?? 0;
}

/** The claim that is the whole of a share of `c`, or null. */
/** "授予中小微企业总采购额" within "政府采购合同授予中小微企业的总采购额": every character, in order. */
function within(short: string, long: string): boolean {
  const a = short.replace(/的/g, "");
  const b = long.replace(/的/g, "");
  if (a.length < 4) return false;
  let i = 0;
  for (const ch of b) if (ch === a[i]) i++;
  return i === a.length;
}

export function wholeOf(doc: DocumentRead, c: Claim, whole: string | null): Claim | null {
  const named = whole !== null && whole.trim() !== "";
  const name = named ? subjectOf(whole) : "";
  // A whole named only in words the subject drops ("占收入预算总额的"): bound by those words as written, never to the
  // parent by default (a "包括…" list left open would make its head the base of every later share).
  if (named && !name) return byWords(doc, c, plain(whole));
  if (c.parent && (!name || GENERIC.test(name) || namesMatch(name, c.parent.subject) || within(name, c.parent.subject))) return c.parent;
  if (!name) return null;
  return one(doc, c, (x) => namesMatch(name, x.subject));
}

const plain = (s: string) => s.replace(/[“”"'‘’\s的]/g, "");

function byWords(doc: DocumentRead, c: Claim, words: string): Claim | null {
  if (words.length < 2) return null;
  if (c.parent && plain(c.parent.raw).includes(words)) return c.parent;
  return one(doc, c, (x) => plain(x.raw).includes(words));
}

/** The one claim of the section (other than `c`) that `test` picks and that states one current amount, or null. */
function one(doc: DocumentRead, c: Claim, test: (x: Claim) => boolean): Claim | null {
  const section = sectionOf(doc, c);
  const candidates = (doc.bySection.get(section) ?? []).filter((x) => x !== c && test(x) && x.amounts.some((a) => a.slot.period === "cur"));
  const distinct = new Set(candidates.map((x) => currentOf(x, "prev")?.fig.text ?? "?"));
  return distinct.size === 1 && !distinct.has("?") ? candidates[0] : null;
}

/** The amount of `whole` that matches the period (本年/上年) and kind (预算/决算) of the part's amount. */
export function matchingAmount(whole: Claim, part: Amount): Amount | null {
  const cur = whole.amounts.filter((a) => a.slot.period === part.slot.period);
  if (part.slot.period !== "cur") return cur.length === 1 ? cur[0] : null;
  const same = cur.filter((a) => a.slot.kind === part.slot.kind);
  if (same.length === 1) return same[0];
  if (part.slot.kind === null || same.length === 0) return currentOf(whole, "prev");
  return null;
}
