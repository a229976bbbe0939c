/** Requirement sets beyond the manifest's ExcelApi 1.7 are detected, never assumed. */
export interface Capabilities {
  baseline: boolean; // ExcelApi 1.7: getRangeByIndexes, hyperlinks, chart series — the floor this add-in needs
  mergedAreas: boolean; // ExcelApi 1.13: Range.getMergedAreasOrNullObject
  charts: boolean; // ExcelApi 1.7: series.setValues / setXAxisValues
  pageLayout: boolean; // ExcelApi 1.9: Worksheet.pageLayout (print setup of the result sheets)
}

export function detectCapabilities(office: {
  context: { requirements: { isSetSupported(name: string, version?: string): boolean } };
}): Capabilities {
  const has = (v: string) => {
    try {
      return office.context.requirements.isSetSupported("ExcelApi", v);
    } catch {
      return false; // an old host without requirement-set queries: take the conservative path
    }
  };
  return { baseline: has("1.7"), mergedAreas: has("1.13"), charts: has("1.7"), pageLayout: has("1.9") };
}
