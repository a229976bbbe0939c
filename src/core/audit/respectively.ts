/**
 * "Respectively" figures: "货物、工程、服务采购规模分别为8607.0亿元、15004.3亿元和9455.6亿元，占全国政府采购规模的
 * 26.0%、45.4%和28.6%", "收、支总计各是4125.49，4143.91万元。…各减少1267.86，2570.97万元，各下降23.51%、38.28%".
 * A run of figures separated only by "、，和及与" after 分别/各 is one group; each figure belongs to its own parallel item,
 * bound by position. A run of percentages right after a group of the same size in the same sentence continues it; a
 * later run with 各/分别 and no names of its own continues the last group of its size in the paragraph. A figure
 * written without its unit takes the unit of the last figure of the run ("4125.49，4143.91万元").
 */
import type { Figure } from "./numbers";
import type { Sentence } from "./segment";

export interface Group {
  id: number;
  figs: Figure[];
  /** The names before 分别/各 ("货物、工程、服务采购规模"), "" when the run names none. */
  names: string;
  /** The text before the first figure, from the clause start: what the figures are (amounts, changes, shares…). */
  lead: string;
  /** Group id this one continues (the same parallel items), or null for a new set of items. */
  continues: number | null;
}

const BETWEEN = /^[，、,和及与\s]*$/;
const RESPECTIVELY = /(分别|各)(为|是|达|达到|占|增长|下降|增加|减少)?[^，；。]*$/;

export function groupsOf(text: string, figures: Figure[], sentences: Sentence[]): Group[] {
  const usable = figures.filter((f) => f.kind === "money" || f.kind === "percent" || f.kind === "bare");
  const sentenceOf = (f: Figure) => sentences.findIndex((s) => f.start >= s.start && f.start < s.end);
  const out: Group[] = [];
  let i = 0;
  let id = 1;
  while (i < usable.length) {
    let j = i;
    while (j + 1 < usable.length && BETWEEN.test(text.slice(usable[j].end, usable[j + 1].start)) && sameKind(usable[j], usable[j + 1])) j++;
    if (j > i) {
      const figs = usable.slice(i, j + 1);
      const clauseStart = Math.max(...["，", "；", "。", "：", "\n"].map((c) => text.lastIndexOf(c, figs[0].start - 1))) + 1;
      const lead = text.slice(clauseStart, figs[0].start);
      const sentenceStart = sentences[sentenceOf(figs[0])]?.start ?? 0;
      const before = text.slice(sentenceStart, figs[0].start);
      const resp = RESPECTIVELY.exec(before);
      const last = out[out.length - 1];
      const sameSentence = last && sentenceOf(last.figs[0]) === sentenceOf(figs[0]);
      if (resp) {
        const namesStart = Math.max(...["，", "；", "。", "：", "\n"].map((c) => text.lastIndexOf(c, sentenceStart + resp.index - 1))) + 1;
        const names = text
          .slice(Math.max(namesStart, sentenceStart), sentenceStart + resp.index)
          .replace(/(19|20)\d\d年(度)?|本年|上年|全年|[“”"]/g, "")
          .trim()
          // "较上年分别增加…", "与2015年相比分别…": a comparison names no items.
          .replace(/^(较|比|同比|与|和)?(同期)?(相比)?$/, "");
        // Items named one by one just before the run, in its own sentence, are nearer than any earlier run of its size.
        const named = names === "" ? namedRun(text, usable, i, figs.length, sentenceStart, out[out.length - 1]) : null;
        let prior = named
          ? undefined
          : [...out].reverse().find((g) => g.figs.length === figs.length && (names === "" || g.names === names));
        if (named) {
          prior = { id: id++, figs: named.figs, names: named.names.join("、"), lead: "", continues: null };
          out.push(prior);
        }
        out.push({
          id: id++,
          figs,
          names,
          lead,
          continues: names === "" || prior?.names === names ? (prior?.continues ?? prior?.id ?? null) : null,
        });
      } else if (figs[0].kind === "percent" && sameSentence && last.figs.length === figs.length) {
        out.push({ id: id++, figs, names: last.names, lead, continues: last.continues ?? last.id });
      }
      // Figures without their unit take the unit of the run's last figure.
      const unitFig = [...figs].reverse().find((f) => f.kind === "money");
      if (unitFig) for (const f of figs) if (f.kind === "bare") Object.assign(f, { kind: "money", unit: unitFig.unit });
      i = j + 1;
    } else i++;
  }
  return out;
}

/** A name of an item before its figure: words, no figure and no clause break ("公务用车购置费", "和运行费"). */
const ITEM_NAME = /^[\u4e00-\u9fff“”"（）()]{2,20}$/;
const JOIN = /^[、和及与]/;

/**
 * "公务用车购置费0.14亿元和公务用车运行费1.27亿元，与2015年相比，分别减少0.18亿元和0.56亿元": a 分别 run without names
 * of its own goes on from the items the sentence named one by one just before it, each with its amount, joined by 和、及、与
 * (never by a comma: "支出100万元，收入80万元" are not one run). Only the `n` amounts right before the run, each after its
 * own name, and not part of an earlier run.
 */
function namedRun(text: string, usable: Figure[], at: number, n: number, sentenceStart: number, last: Group | undefined) {
  if (at < n) return null;
  const figs = usable.slice(at - n, at);
  if (figs[0].start < sentenceStart || (last && figs[0].start <= last.figs[last.figs.length - 1].start)) return null;
  if (figs.some((f) => f.kind !== "money" || f.range)) return null;
  const names: string[] = [];
  for (let k = 0; k < n; k++) {
    const from =
      k === 0
        ? Math.max(sentenceStart, ...["，", "；", "：", "\n"].map((c) => text.lastIndexOf(c, figs[0].start - 1) + 1))
        : figs[k - 1].end;
    let name = text.slice(from, figs[k].start);
    if (k > 0) {
      if (!JOIN.test(name)) return null;
      name = name.slice(1);
    }
    name = name.replace(/(为|是|达|达到|支出|共|计)$/, "");
    if (!ITEM_NAME.test(name) || names.includes(name)) return null;
    names.push(name);
  }
  return { figs, names };
}

function sameKind(a: Figure, b: Figure): boolean {
  const k = (f: Figure) => (f.kind === "bare" ? null : f.kind);
  return k(a) === null || k(b) === null || k(a) === k(b);
}

/** "货物、工程、服务采购规模" → ["货物", "工程", "服务采购规模"] when it names `n` items; else numbered copies. */
export function namesOf(names: string, n: number): string[] {
  const parts = names
    .replace(/的[^、和及与]*$/, (m) => (/[、和及与]/.test(names.replace(m, "")) ? "" : m))
    .split(/[、和及与]/)
    .map((s) => s.trim())
    .filter(Boolean);
  return parts.length === n ? parts : Array.from({ length: n }, (_, i) => `${names || "分项"}（${i + 1}）`);
}
