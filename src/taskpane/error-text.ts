import { officeErrorText, PANE_ERRORS } from "../core";
import { OfficeHostError } from "../excel/host-error";

/** Every error reaches the clerk as a sentence with what to do; nothing is only logged. */
export function errorText(e: unknown): string {
  // Office's errors carry a code ("AccessDenied", "EditModeCellEditing" …): a sentence and a remedy for each.
  const code = (e as { code?: unknown })?.code;
  if (e instanceof OfficeHostError) return e.code ? officeErrorText(e.code, e.doing) : e.message;
  if (typeof code === "string" && code) return officeErrorText(code);
  // Unusable input (not a workbook, an old .doc …) carries its Chinese sentence: that is the message.
  const zh = (e as { zh?: unknown })?.zh;
  if (typeof zh === "string") return zh;
  if (e instanceof Error) return PANE_ERRORS.program(e.message);
  return PANE_ERRORS.program(String(e));
}
