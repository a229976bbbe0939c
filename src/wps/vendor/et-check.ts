/**
 * Compiled only in tsconfig.wps-et.json, with the vendor's 表格 types (et-jsapi-declare): every member the adapter's
 * structural types in ../api.ts name must exist on the vendor's interface of the same object. A name that is missing
 * there (a typo, or a member WPS does not have) fails that project's typecheck with the name in the message.
 */
import type * as Api from "../api";

/** The names of `Mine` that `Theirs` lacks: never, when all are there. */
type Missing<Mine, Theirs> = Exclude<keyof Mine, keyof Theirs>;
type None<T extends never> = T;

export type Checks = [
  None<Missing<Api.EtApplication, Et.Application>>,
  None<Missing<Api.EtWorkbook, Et.Workbook>>,
  None<Missing<Api.EtWorksheets, Et.Worksheets>>,
  None<Missing<Api.EtWorksheet, Et.Worksheet>>,
  None<Missing<Api.EtRange, Et.Range>>,
  None<Missing<Api.EtFont, Et.Font>>,
  None<Missing<Api.EtInterior, Et.Interior>>,
  None<Missing<Api.EtFormatConditions, Et.FormatConditions>>,
  None<Missing<Api.EtFormatCondition, Et.FormatCondition>>,
  None<Missing<Api.EtHyperlinks, Et.Hyperlinks>>,
  None<Missing<Api.EtShapes, Et.Shapes>>,
  None<Missing<Api.EtChart, Et.Chart>>,
  None<Missing<Api.EtSeriesCollection, Et.SeriesCollection>>,
  None<Missing<Api.EtSeries, Et.Series>>,
  None<Missing<Api.EtPageSetup, Et.PageSetup>>,
  None<Missing<Api.EtWindow, Et.Window>>,
  None<Missing<Api.AddonRoot, WPS.AddonRoot>>,
  None<Missing<Api.AddonFileSystem, WPS.FileSystem>>,
  None<Missing<Api.AddonEnv, WPS.Env>>,
  None<Missing<Api.AddonPluginStorage, WPS.PluginStorage>>,
  None<Missing<Api.AddonTaskPane, WPS.CustomTaskpane>>,
];

/** The calls the adapter makes, written against the vendor's signatures (never run). */
export function sample(app: typeof Application): void {
  const wb = app.ActiveWorkbook;
  const ws = wb.Worksheets.Item(1) as Et.Worksheet;
  const used = ws.UsedRange;
  void used.Value2;
  void used.Value();
  void used.Address(false, false);
  void used.SpecialCells(-4123 as Et.XlCellType, 16);
  used.Resize(2, 3).Formula = "=1";
  ws.Range("A1:B2").NumberFormat = "#,##0.00";
  ws.Range("A1").FormatConditions.Add(2 as Et.XlFormatConditionType, undefined, "=A1>0");
  ws.Hyperlinks.Add(ws.Range("A1"), "", "'表'!A1", "'表'!A1", "文字");
  const chart = ws.Shapes.AddChart2(-1, 51, 0, 0, 480, 288).Chart;
  chart.HasTitle = true;
  const task = app.CreateTaskPane("taskpane.html", "决算助手");
  task.Visible = true;
  app.PluginStorage.setItem("k", task.ID);
  app.FileSystem.writeAsBinaryString(app.Env.GetTempPath() + "/a.docx", "PK");
}
