/**
 * The relations the audit checks, as a table: each entry is one relation with its own file, run in this order. The
 * unit check comes first (later checks read a corrected unit), then the direction words (a contradiction is reported
 * once, and its figures are not used to derive anything), then the arithmetic.
 */
import { changeAmount } from "./change-amount";
import { changeRate } from "./change-rate";
import { completion } from "./completion";
import { composition } from "./composition";
import { countCompletion } from "./count-completion";
import type { Check } from "./context";
import { direction } from "./direction";
import { listsText } from "./lists-text";
import { partsChange } from "./parts-change";
import { partsSum } from "./parts-sum";
import { plusChain } from "./plus-chain";
import { score } from "./score";
import { share } from "./share";
import { sharesTotal } from "./shares-total";
import { tableRows } from "./table-rows";
import { unit } from "./unit";
import { vsTable, vsTableChange } from "./vs-table";

export const CHECKS: readonly Check[] = [
  unit,
  direction,
  // A figure that contradicts the workbook is blamed itself; the rates and shares worked out from it are then left alone.
  vsTable,
  vsTableChange,
  changeAmount,
  changeRate,
  completion,
  countCompletion,
  partsSum,
  plusChain,
  composition,
  share,
  sharesTotal,
  partsChange,
  listsText,
  tableRows,
  score,
];
