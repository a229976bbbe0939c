import { z } from "zod";
import { GradeBandSchema, RuleSchema } from "./framework";

/** The clerk's part of scoring: framework choice, manual scores, entered rates, changed weights and rules, bonus items. */
export const ScoringSettingsSchema = z.object({
  framework: z.enum(["dept-overall", "self-evaluation"]).default("dept-overall"),
  manual: z.record(z.string(), z.number().min(0)).default({}),
  entered: z.record(z.string(), z.number().min(0).max(10000)).default({}),
  weights: z.record(z.string(), z.number().positive()).default({}),
  rules: z.record(z.string(), RuleSchema).default({}),
  bonus: z.array(z.object({ name: z.string().min(1), points: z.number().min(0) })).default([]),
  bonusCap: z.number().min(0).optional(),
  grades: z.array(GradeBandSchema).min(1).optional(),
});
export type ScoringSettings = z.infer<typeof ScoringSettingsSchema>;
