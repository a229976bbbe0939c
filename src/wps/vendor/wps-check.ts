/**
 * Compiled only in tsconfig.wps-wps.json, with the vendor's 文字 types (wps-jsapi-declare): as et-check.ts, for the
 * document side and the add-in root.
 */
import type * as Api from "../api";

type Missing<Mine, Theirs> = Exclude<keyof Mine, keyof Theirs>;
type None<T extends never> = T;

export type Checks = [
  None<Missing<Api.WpsApplication, Wps.Application>>,
  None<Missing<Api.WpsDocument, Wps.Document>>,
  None<Missing<Api.WpsRange, Wps.Range>>,
  None<Missing<Api.AddonRoot, WPS.AddonRoot>>,
  None<Missing<Api.AddonFileSystem, WPS.FileSystem>>,
  None<Missing<Api.AddonEnv, WPS.Env>>,
  None<Missing<Api.AddonPluginStorage, WPS.PluginStorage>>,
  None<Missing<Api.AddonTaskPane, WPS.CustomTaskpane>>,
];

/** The calls the adapter makes, written against the vendor's signatures (never run). */
export function sample(app: typeof Application): void {
  const path = app.Env.GetTempPath() + "/report.docx";
  app.FileSystem.writeAsBinaryString(path, "PK");
  void app.FileSystem.stat(path).size;
  app.Selection.Range.InsertFile(path);
  app.ActiveDocument.Content.InsertFile(path);
  app.Documents.Add().Content.InsertFile(path);
  void app.ActiveDocument.Content.Text;
  app.FileSystem.Remove(path);
}
