import { OfficeHostError } from "../excel/host-error";

/** Every error reaches the clerk as a sentence; nothing is only logged. */
export function errorText(e: unknown): string {
  if (e instanceof OfficeHostError) return e.message;
  // Unusable input (not a workbook, an old .doc …) carries its Chinese sentence: that is the message.
  const zh = (e as { zh?: unknown })?.zh;
  if (typeof zh === "string") return zh;
  // OfficeExtension.Error carries a code ("AccessDenied", "ItemNotFound" …): it is Excel's, not ours.
  const code = (e as { code?: unknown })?.code;
  if (typeof code === "string") return `Excel 出错（${code}）：${(e as Error).message}`;
  if (e instanceof Error) return `程序错误：${e.message}`;
  return `程序错误：${String(e)}`;
}
