/**
 * The parts of the WPS JS API (WPS 加载项, JSAPI) this adapter calls, as structural types. They are a subset of the
 * vendor's declarations (et-jsapi-declare for 表格, wps-jsapi-declare for 文字); the two vendor packages declare the
 * same globals differently and cannot share one TypeScript program, so each has its own project
 * (tsconfig.wps-et.json, tsconfig.wps-wps.json) in which src/wps/vendor/*.ts check that every member named here exists
 * in the vendor's types. The simulated Application in test/wps implements these same types.
 *
 * Conventions of the JSAPI that shape the code (WPS 加载项 documentation; confirmed by public add-ins that run on it):
 * - every property read, property write and method call is a synchronous round trip to the host process (the
 *   "bridge"): read and write in whole 2-D blocks, never cell by cell;
 * - collections are indexed with `.Item(i)` (1-based) and properties with arguments are called as methods
 *   (`Address(false, false)`);
 * - `Value2` carries values (dates as serial numbers, errors as CVErr numbers, see cverr.ts); `Value(…)` is a method;
 * - colours are BGR-packed numbers (red in the low byte); column widths are in characters;
 * - `wps.Enum` is missing on older hosts: every enumeration value below is a number written out (the VBA values).
 */

/** A value WPS hands back from `Value2`/`Value()`: a scalar for one cell, a 2-D array (rows of columns) otherwise. */
export type Value2 = unknown;

export interface EtFont {
  Bold: unknown;
  Italic: unknown;
  Size: unknown;
  Color: unknown;
  Underline: unknown;
}

export interface EtInterior {
  Color: unknown;
}

export interface EtFormatCondition {
  readonly Interior: EtInterior;
  readonly Font: EtFont;
}

export interface EtFormatConditions {
  Add(Type: number, Operator?: unknown, Formula1?: unknown): EtFormatCondition;
}

export interface EtHyperlinks {
  Add(Anchor: unknown, Address: string, SubAddress?: unknown, ScreenTip?: unknown, TextToDisplay?: unknown): unknown;
}

export interface EtRange {
  Value2: Value2;
  Value(RangeValueDataType?: number): Value2;
  Formula: unknown;
  NumberFormat: unknown;
  Address(RowAbsolute?: boolean, ColumnAbsolute?: boolean): string;
  MergeCells: unknown;
  readonly MergeArea: EtRange;
  readonly Font: EtFont;
  readonly Interior: EtInterior;
  HorizontalAlignment: unknown;
  WrapText: unknown;
  ColumnWidth: unknown;
  readonly FormatConditions: EtFormatConditions;
  readonly Left: unknown;
  readonly Top: unknown;
  readonly Text: unknown;
  Resize(RowSize?: number, ColumnSize?: number): EtRange;
  Select(): unknown;
  ClearContents(): unknown;
  SpecialCells(Type: number, Value?: number): EtRange;
}

export interface EtPageSetup {
  Orientation: unknown;
  PaperSize: unknown;
  Zoom: unknown;
  FitToPagesWide: unknown;
  FitToPagesTall: unknown;
  PrintTitleRows: string;
  CenterFooter: string;
}

export interface EtSeries {
  Name: unknown;
  Values: unknown;
  XValues: unknown;
  Delete(): unknown;
}

export interface EtSeriesCollection {
  readonly Count: number;
  Item(Index: number): EtSeries;
  NewSeries(): EtSeries;
}

export interface EtChart {
  HasTitle: boolean;
  readonly ChartTitle: { Text: unknown };
  SeriesCollection(): EtSeriesCollection;
}

export interface EtShapes {
  AddChart2(
    Style?: number,
    XlChartType?: number,
    Left?: number,
    Top?: number,
    Width?: number,
    Height?: number,
  ): { readonly Chart: EtChart };
}

export interface EtWorksheet {
  Name: string;
  Visible: unknown;
  readonly UsedRange: EtRange;
  Range(Cell1: unknown, Cell2?: unknown): EtRange;
  Activate(): void;
  Delete(): void;
  readonly Hyperlinks: EtHyperlinks;
  readonly Shapes: EtShapes;
  readonly PageSetup: EtPageSetup;
}

export interface EtWorksheets {
  readonly Count: number;
  Item(Index: string | number): EtWorksheet;
  Add(Before?: unknown, After?: unknown): EtWorksheet;
}

export interface EtWorkbook {
  readonly Worksheets: EtWorksheets;
  readonly Name: string;
  readonly Path: string;
}

export interface EtWindow {
  FreezePanes: boolean;
  SplitRow: number;
  SplitColumn: number;
}

export interface EtApplication {
  readonly ActiveWorkbook: EtWorkbook | null;
  readonly ActiveSheet: EtWorksheet | null;
  readonly ActiveWindow: EtWindow;
  ScreenUpdating: boolean;
  DisplayAlerts: boolean;
}

export interface WpsRange {
  Text: string;
  InsertFile(FileName: string, Range?: unknown, ConfirmConversions?: unknown, Link?: unknown, Attachment?: unknown): void;
}

export interface WpsDocument {
  readonly Content: WpsRange;
}

export interface WpsApplication {
  readonly ActiveDocument: WpsDocument | null;
  readonly Selection: { readonly Range: WpsRange };
  readonly Documents: { Add(): WpsDocument };
}

/** What every WPS add-in page has beside the application object (WPS.AddonRoot in the vendor's types). */
export interface AddonFileSystem {
  Exists(path: string): boolean;
  Mkdir(path: string): void;
  Remove(path: string): void;
  WriteFile(path: string, data: string): boolean;
  writeAsBinaryString(path: string, data: string): boolean;
  stat(path: string): { readonly size: number };
}

export interface AddonEnv {
  GetTempPath(): string;
  GetDesktopPath(): string;
  GetHomePath(): string;
}

export interface AddonPluginStorage {
  setItem(key: string, value: number | boolean | string): void;
  getItem(key: string): string;
  removeItem(key: string): void;
}

export interface AddonTaskPane {
  readonly ID: number;
  Visible: boolean;
  DockPosition: unknown;
  Width: number;
}

export interface AddonRoot {
  readonly FileSystem: AddonFileSystem;
  readonly Env: AddonEnv;
  readonly PluginStorage: AddonPluginStorage;
  CreateTaskPane(url: string, title?: string): AddonTaskPane;
  GetTaskPane(id: number): AddonTaskPane;
}

/** The global `Application` (also `wps`) in a 表格 add-in page. */
export type EtRoot = AddonRoot & EtApplication;
/** The global `Application` (also `wps`) in a 文字 add-in page. */
export type WpsRoot = AddonRoot & WpsApplication;

/** Enumeration values (VBA's; `wps.Enum` is not relied on). */
export const XL = {
  sheetVisible: -1,
  sheetHidden: 0,
  sheetVeryHidden: 2,
  expression: 2, // XlFormatConditionType.xlExpression
  center: -4108, // XlHAlign.xlHAlignCenter
  underlineSingle: 2,
  columnClustered: 51,
  barClustered: 57,
  portrait: 1,
  landscape: 2,
  paperA4: 9,
  cellTypeFormulas: -4123,
  cellTypeConstants: 2,
  errors: 16, // XlSpecialCellsValue.xlErrors
} as const;

/** Task pane docked right (MsoCTPDockPosition.msoCTPDockPositionRight). */
export const DOCK_RIGHT = 2;

/** "#RRGGBB" → the BGR-packed number WPS (like VBA) takes for a colour. */
export function bgr(hex: string): number {
  const n = parseInt(hex.replace("#", ""), 16);
  return ((n & 0xff) << 16) | (n & 0xff00) | ((n >> 16) & 0xff);
}
