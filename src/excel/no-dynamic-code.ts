import { z } from "zod";

/**
 * The pane's Content-Security-Policy forbids eval and new Function. zod 4 would probe for (and use) generated
 * code to speed up parsing; jitless keeps it to plain functions, so no policy violation ever happens.
 * Imported first by each entry point.
 */
z.config({ jitless: true });
