import { z } from "zod";
import { SettingsSchema } from "../core";

/**
 * What the clerk chose, stored inside the workbook (Office document settings), so the next check —
 * and Word's pane opening the same file — start from the same choices.
 */
export const StoredSettingsSchema = SettingsSchema.extend({
  template: z.string().default("performance"),
});
export type StoredSettings = z.infer<typeof StoredSettingsSchema>;

const KEY = "juesuan.settings";

export interface SettingsHost {
  get(name: string): unknown;
  set(name: string, value: unknown): void;
  saveAsync(callback: (result: { status: string; error?: { message: string } }) => void): void;
}

/** Reads and validates; a damaged value falls back to defaults and says so, never throws at the clerk. */
export function loadSettings(host: SettingsHost): { settings: StoredSettings; problem: string | null } {
  const raw = host.get(KEY);
  const parsed = StoredSettingsSchema.safeParse(typeof raw === "string" ? safeJson(raw) : (raw ?? {}));
  if (parsed.success) return { settings: parsed.data, problem: null };
  return {
    settings: StoredSettingsSchema.parse({}),
    /** Where the stored value is wrong (a settings path); the pane words it. */
    problem: parsed.error.issues[0]?.path.join(".") || "juesuan.settings",
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return { invalid: true, thresholdPercent: "invalid" };
  }
}

export function saveSettings(host: SettingsHost, settings: StoredSettings): Promise<void> {
  host.set(KEY, JSON.stringify(StoredSettingsSchema.parse(settings)));
  return new Promise((resolve, reject) =>
    host.saveAsync((r) => (r.status === "succeeded" ? resolve() : reject(new Error(`设置未能保存：${r.error?.message ?? r.status}`)))),
  );
}
