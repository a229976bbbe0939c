import { squash } from "../base/text";
import type { ClerkInputs } from "../recognise/clerk-inputs";
import type { Indicator } from "../score/framework";
import { frameworkFor } from "../score/score";
import type { Settings } from "./settings";

/**
 * The clerk's inputs typed into our result sheets, merged into the settings before the sheets are rebuilt. The sheets
 * were written from the settings at the last check, so whatever the sheet holds now is the newer word: a score typed in
 * 「绩效评分表」 replaces the stored one, a cleared cell clears it, a 说明 typed in 「审核说明」 is kept. Only the cells meant
 * for the clerk are taken: 得分 of a qualitative indicator, 实际值 of an indicator whose rate the clerk enters, 实际值 (or
 * else 得分) of a computed indicator whose data the workbook lacks (`dataMissing`), and 说明.
 */
export function mergeClerkInputs<S extends Settings>(
  settings: S,
  inputs: ClerkInputs,
  dataMissing: (i: Indicator) => boolean = () => true,
): S {
  let next = settings;
  if (inputs.scores) next = mergeScores(next, inputs.scores, dataMissing);
  if (inputs.notes) {
    const notes = { ...next.notes };
    for (const n of inputs.notes) {
      const note = n.note.slice(0, 2000);
      if (note) notes[n.key] = note;
      else delete notes[n.key];
    }
    next = { ...next, notes };
  }
  return next;
}

function mergeScores<S extends Settings>(settings: S, rows: NonNullable<ClerkInputs["scores"]>, dataMissing: (i: Indicator) => boolean): S {
  let framework;
  try {
    framework = frameworkFor(settings.scoring);
  } catch {
    return settings; // settings the check will refuse anyway, with its own message
  }
  const byName = new Map(rows.map((r) => [`${squash(r.level1)}|${squash(r.name)}`, r]));
  const manual = { ...settings.scoring.manual };
  const entered = { ...settings.scoring.entered };
  for (const ind of framework.indicators) {
    const row = byName.get(`${squash(ind.level1)}|${squash(ind.name)}`);
    if (!row) continue;
    const put = (into: Record<string, number>, v: number | null) => {
      if (v === null || v < 0) delete into[ind.id];
      else into[ind.id] = v;
    };
    const rate = row.rate === null ? null : Math.min(row.rate, 10000);
    if (ind.rule.type === "manual" || !ind.measure) put(manual, row.score);
    else if (ind.measure === "entered") put(entered, rate);
    else if (dataMissing(ind)) {
      // A computed indicator whose data the workbook lacks: the clerk gives the rate (实际值), or else a score.
      put(entered, rate);
      if (rate === null) put(manual, row.score);
    }
  }
  return { ...settings, scoring: { ...settings.scoring, manual, entered } };
}
