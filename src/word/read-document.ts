import type { WordHost } from "./insert-report";

/** The open document's text (paragraphs separated by "\r", as Word gives them), for the audit. One sync. */
export async function readDocumentText(host: WordHost): Promise<string> {
  return host.run(async (context) => {
    const body = context.document.body;
    body.load("text");
    await context.sync();
    return body.text;
  });
}
