import { z } from "zod";
import { COLUMN_ROLES } from "../recognise/column-roles";
import { UNITS } from "../base/money";
import { ScoringSettingsSchema } from "../score/scoring-settings";

/** The clerk's choices. Stored in the workbook by the add-in, read from a JSON file by the CLI. */
export const SettingsSchema = z.object({
  /** |差异率| at or above this (percent) is flagged. 10% is common practice; no national number exists. */
  thresholdPercent: z.number().min(0).max(1000).default(10),
  /** And only when |差异额| is at least this many 万元 (0 = no floor). */
  floorWanYuan: z.number().min(0).default(0),
  displayUnit: z.enum(UNITS).default("万元"),
  decimals: z.number().int().min(0).max(6).default(2),
  /** Per table ("支出!A3", the header's top-left): role → column letter, as the clerk confirmed them. */
  columnOverrides: z.record(z.string(), z.partialRecord(z.enum(COLUMN_ROLES), z.string().regex(/^[A-Z]{1,3}$/))).default({}),
  /** Per table: the unit the clerk confirmed where the sheet states none. */
  unitOverrides: z.record(z.string(), z.enum(UNITS)).default({}),
  /** 绩效 scoring: framework, manual scores, entered rates, weights, bonus items. */
  scoring: ScoringSettingsSchema.default(ScoringSettingsSchema.parse({})),
  /** The clerk's 说明 per finding, keyed by findingKey (rule|sheet|cell|item): written to 「审核说明」 and read back from it. */
  notes: z.record(z.string().max(600), z.string().max(2000)).default({}),
});
export type Settings = z.infer<typeof SettingsSchema>;
export type SettingsInput = z.input<typeof SettingsSchema>;

export function settingsFrom(input: unknown): Settings {
  return SettingsSchema.parse(input ?? {});
}

export const DEFAULT_SETTINGS: Settings = SettingsSchema.parse({});

/**
 * Settings kept as JSON cut in pieces down a column (the WPS 表格 settings sheet; a cell holds at most 32,767 characters):
 * the object, `undefined` when there are no pieces, `null` when the text is not a JSON object. Read by the WPS adapter and
 * by the .xlsx reader alike.
 */
export function settingsFromPieces(pieces: readonly unknown[]): object | null | undefined {
  const text = pieces.map((p) => (typeof p === "string" ? p : "")).join("");
  if (!text.trim()) return undefined;
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === "object" && value !== null ? value : null;
  } catch {
    return null;
  }
}
