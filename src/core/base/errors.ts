/**
 * Input the product cannot use (not a workbook, encrypted, an old .xls/.doc, empty, too large …): exit code 2
 * in the CLI, a plain message in the pane. Chinese first, English after. One class for every adapter.
 */
export class UnusableInputError extends Error {
  constructor(
    readonly zh: string,
    readonly en: string,
  ) {
    super(`${zh} / ${en}`);
    this.name = "UnusableInputError";
  }
}
