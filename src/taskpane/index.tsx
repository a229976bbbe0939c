import { createRoot } from "react-dom/client";
import { App } from "./App";
import { officeHost } from "./office-host";

/** Office.onReady resolves in Excel (and, harmlessly, outside it); the pane renders either way. */
Office.onReady(() => {
  const root = createRoot(document.getElementById("root") as HTMLElement);
  root.render(<App connect={officeHost} />);
});
