/** A failure of the Office host (not of the clerk's data): shown to the user by name, never only logged. */
export class OfficeHostError extends Error {
  constructor(
    readonly zh: string,
    readonly detail: string,
  ) {
    super(`${zh}（${detail}）`);
    this.name = "OfficeHostError";
  }
}

/** Wraps an Office.js call so its error reaches the user with what we were doing. */
export async function hostStep<T>(what: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (e) {
    if (e instanceof OfficeHostError) throw e;
    const err = e as { code?: string; message?: string };
    throw new OfficeHostError(`Excel 未能${what}`, [err.code, err.message].filter(Boolean).join(": ") || String(e));
  }
}
