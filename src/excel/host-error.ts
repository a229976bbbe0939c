/** A failure of the Office host (not of the clerk's data): shown to the user by name, never only logged. */
export class OfficeHostError extends Error {
  constructor(
    readonly zh: string,
    readonly detail: string,
    /** Office's error code ("AccessDenied", "EditModeCellEditing" …), when the host gave one. */
    readonly code: string | null = null,
    /** What we were doing, in words ("写入结果表"). */
    readonly doing: string | null = null,
  ) {
    super(`${zh}（${detail}）`);
    this.name = "OfficeHostError";
  }
}

/** Wraps an Office.js call so its error reaches the user with what we were doing and Office's code. */
export async function hostStep<T>(what: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (e) {
    if (e instanceof OfficeHostError) throw e;
    const err = e as { code?: string; message?: string };
    const code = typeof err.code === "string" && err.code ? err.code : null;
    throw new OfficeHostError(`Excel 未能${what}`, [err.code, err.message].filter(Boolean).join(": ") || String(e), code, what);
  }
}
