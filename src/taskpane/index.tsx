import "../excel/no-dynamic-code";
import { createRoot } from "react-dom/client";
import { App } from "./App";
import { excelHost } from "./hosts/excel-host";
import { wordHost } from "./hosts/word-host";
import { WordApp } from "./WordApp";

/** One pane for both hosts: Word gets the report-insertion view, Excel (and anything else) the check view. */
void Office.onReady((info) => {
  const root = createRoot(document.getElementById("root") as HTMLElement);
  root.render(info.host === Office.HostType.Word ? <WordApp connect={wordHost} /> : <App connect={excelHost} />);
});
