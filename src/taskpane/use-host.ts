import { useMemo } from "react";
import { errorText } from "./error-text";

/** Connects to the Office host once; a failure becomes a message for the clerk, not an exception. */
export function useHost<H>(connect: () => H): readonly [string | null, H | null] {
  return useMemo(() => {
    try {
      return [null, connect()] as const;
    } catch (e) {
      return [errorText(e), null] as const;
    }
  }, [connect]);
}
