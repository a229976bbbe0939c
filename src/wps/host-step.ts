import { WPS_TEXT } from "../core";
import { OfficeHostError } from "../excel/host-error";

/**
 * Runs a step against the WPS host (its calls are synchronous) and turns its failure into a sentence for the clerk
 * with what we were doing; the pane shows OfficeHostError messages as they are.
 */
export function wpsStep<T>(what: string, run: () => T): T {
  try {
    return run();
  } catch (e) {
    if (e instanceof OfficeHostError) throw e;
    const err = e as { message?: string; description?: string };
    throw new OfficeHostError(WPS_TEXT.hostFailed(what), err?.message || err?.description || String(e));
  }
}
