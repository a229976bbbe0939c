/**
 * The labelled corpus of published report text (test/audit/corpus/): real passages with every relation verified by hand
 * and the published errors found in them, and one-change variants of correct passages with the rules they must trigger.
 * Measured per family, on the development part, the held-out part, or both.
 *
 * The split is fixed by source, never by entry: a passage is in the development part when the FNV-1a hash (32 bits,
 * over the UTF-8 bytes) of its source address is 0–5 modulo 10, held out when it is 6–9. A variant goes with its source.
 */
import type { AuditResult } from "../../src/core";

export interface RealEntry {
  id: string;
  source: string;
  where: string;
  text: string;
  relations: string[];
  errors: { rule: string; figure: string; expected: string; note: string }[];
  note?: string;
}

export interface VariantEntry {
  id: string;
  of: string;
  source: string;
  family: string;
  change: string;
  expect: string[];
  text: string;
  verify: string[];
}

export type Part = "dev" | "held-out" | "all";

export function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(text)) {
    h ^= byte;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

export const partOf = (source: string): "dev" | "held-out" => (fnv1a(source) % 10 < 6 ? "dev" : "held-out");
const inPart = (source: string, part: Part) => part === "all" || partOf(source) === part;

/** A unit slip also breaks the sums and shares it is part of once amounts are converted: those findings are consequences. */
const CONSEQUENCES: Record<string, string[]> = { unit: ["text-sum", "text-rate", "text-diff"] };

export interface FamilyScore {
  family: string;
  variants: number;
  /** Variants with at least one new finding of an expected rule. */
  caught: number;
  /** Expected rules found / expected rules. */
  rulesFound: number;
  rulesExpected: number;
  /** New findings of an expected (or consequential) rule / all new findings. */
  findingsRight: number;
  findings: number;
  missed: string[];
  stray: string[];
}

export interface RealScore {
  passages: number;
  /** Findings on correct passages, or beyond the recorded errors of a passage with errors. */
  falseAlarms: { id: string; rule: string; stated: string; quote: string }[];
  errors: number;
  caught: number;
  missedErrors: string[];
  checked: number;
  skipped: number;
}

type Audit = (text: string) => AuditResult;
const key = (f: AuditResult["findings"][number]) => `${f.rule}|${String(f.data.stated ?? "")}|${String(f.data.quote ?? "")}`;

export function scoreReal(audit: Audit, real: RealEntry[], part: Part): RealScore {
  const score: RealScore = { passages: 0, falseAlarms: [], errors: 0, caught: 0, missedErrors: [], checked: 0, skipped: 0 };
  for (const e of real.filter((x) => inPart(x.source, part))) {
    score.passages++;
    const r = audit(e.text);
    score.checked += r.checked;
    score.skipped += r.skipped;
    const byRule = new Map<string, number>();
    for (const err of e.errors) byRule.set(err.rule, (byRule.get(err.rule) ?? 0) + 1);
    score.errors += e.errors.length;
    const found = new Map<string, AuditResult["findings"]>();
    for (const f of r.findings) found.set(f.rule, [...(found.get(f.rule) ?? []), f]);
    for (const [rule, fs] of found) {
      const expected = byRule.get(rule) ?? 0;
      fs.slice(expected).forEach((f) =>
        score.falseAlarms.push({ id: e.id, rule, stated: String(f.data.stated ?? ""), quote: String(f.data.quote ?? "").slice(0, 80) }),
      );
    }
    for (const [rule, n] of byRule) {
      const got = Math.min(n, found.get(rule)?.length ?? 0);
      score.caught += got;
      for (let i = got; i < n; i++) score.missedErrors.push(`${e.id} ${rule}`);
    }
  }
  return score;
}

export function scoreVariants(audit: Audit, real: RealEntry[], variants: VariantEntry[], part: Part): FamilyScore[] {
  const original = new Map(real.map((e) => [e.id, e]));
  const families = new Map<string, FamilyScore>();
  const before = new Map<string, Set<string>>();
  for (const v of variants.filter((x) => inPart(x.source, part))) {
    const s =
      families.get(v.family) ??
      families
        .set(v.family, {
          family: v.family,
          variants: 0,
          caught: 0,
          rulesFound: 0,
          rulesExpected: 0,
          findingsRight: 0,
          findings: 0,
          missed: [],
          stray: [],
        })
        .get(v.family)!;
    if (!before.has(v.of)) before.set(v.of, new Set(audit(original.get(v.of)!.text).findings.map(key)));
    const old = before.get(v.of)!;
    const fresh = audit(v.text).findings.filter((f) => !old.has(key(f)));
    const rules = new Set<string>(fresh.map((f) => f.rule));
    const allowed = new Set([...v.expect, ...(CONSEQUENCES[v.family] ?? [])]);
    s.variants++;
    if (v.expect.some((r) => rules.has(r))) s.caught++;
    else s.missed.push(v.id);
    s.rulesExpected += v.expect.length;
    s.rulesFound += v.expect.filter((r) => rules.has(r)).length;
    s.findings += fresh.length;
    s.findingsRight += fresh.filter((f) => allowed.has(f.rule)).length;
    for (const f of fresh.filter((x) => !allowed.has(x.rule))) s.stray.push(`${v.id} ${f.rule} ${String(f.data.stated ?? "")}`);
  }
  return [...families.values()].sort((a, b) => a.family.localeCompare(b.family));
}

export function totals(scores: FamilyScore[]): FamilyScore {
  return scores.reduce(
    (t, s) => ({
      ...t,
      variants: t.variants + s.variants,
      caught: t.caught + s.caught,
      rulesFound: t.rulesFound + s.rulesFound,
      rulesExpected: t.rulesExpected + s.rulesExpected,
      findingsRight: t.findingsRight + s.findingsRight,
      findings: t.findings + s.findings,
      missed: [...t.missed, ...s.missed],
      stray: [...t.stray, ...s.stray],
    }),
    { family: "all", variants: 0, caught: 0, rulesFound: 0, rulesExpected: 0, findingsRight: 0, findings: 0, missed: [], stray: [] },
  );
}

const ratio = (a: number, b: number) => (b === 0 ? "—" : (a / b).toFixed(2));

/** A table for the closing note: family, variants, recall (variants caught), rule recall, precision of the new findings. */
export function scoreTable(scores: FamilyScore[]): string {
  const rows = [...scores, totals(scores)].map(
    (s) =>
      `${s.family.padEnd(15)} ${String(s.variants).padStart(4)}  recall ${ratio(s.caught, s.variants)}  ` +
      `rules ${ratio(s.rulesFound, s.rulesExpected)}  precision ${ratio(s.findingsRight, s.findings)}`,
  );
  return rows.join("\n");
}

/**
 * The passages of one source joined as the paragraphs of one report (in corpus order): what the audit meets in a real
 * document, where a total, its items and other statements sit in neighbouring paragraphs. Findings beyond a passage's
 * recorded errors are false alarms here too.
 */
export function joinedFalseAlarms(audit: Audit, real: RealEntry[], part: Part): { id: string; rule: string; stated: string }[] {
  const out: { id: string; rule: string; stated: string }[] = [];
  for (const { entries, r } of joined(audit, real, part)) {
    entries.forEach((e, i) => {
      const expected = new Map<string, number>();
      for (const err of e.errors) expected.set(err.rule, (expected.get(err.rule) ?? 0) + 1);
      const seen = new Map<string, number>();
      for (const f of r.findings.filter((x) => x.cell === `P${i + 1}`)) {
        seen.set(f.rule, (seen.get(f.rule) ?? 0) + 1);
        if (seen.get(f.rule)! > (expected.get(f.rule) ?? 0)) out.push({ id: e.id, rule: f.rule, stated: String(f.data.stated ?? "") });
      }
    });
  }
  return out;
}

/** Each source's passages joined as one report (in corpus order), with the audit of it. */
function joined(audit: Audit, real: RealEntry[], part: Part): { entries: RealEntry[]; r: AuditResult }[] {
  const bySource = new Map<string, RealEntry[]>();
  for (const e of real.filter((x) => inPart(x.source, part))) bySource.set(e.source, [...(bySource.get(e.source) ?? []), e]);
  return [...bySource.values()].map((entries) => ({ entries, r: audit(entries.map((e) => e.text.replace(/\n/g, " ")).join("\n")) }));
}

/**
 * The recorded errors found when the passages of a source are read as one report: an error whose other figure is in a
 * neighbouring passage ("占一般公共预算支出的19.62%" beside the 84.06% of the passage before) can be found only so.
 */
export function joinedCaught(audit: Audit, real: RealEntry[], part: Part): { errors: number; caught: number } {
  let errors = 0;
  let caught = 0;
  for (const { entries, r } of joined(audit, real, part)) {
    entries.forEach((e, i) => {
      errors += e.errors.length;
      const rules = new Set(e.errors.map((x) => x.rule));
      for (const rule of rules) {
        const n = e.errors.filter((x) => x.rule === rule).length;
        caught += Math.min(n, r.findings.filter((f) => f.cell === `P${i + 1}` && f.rule === rule).length);
      }
    });
  }
  return { errors, caught };
}
