import "../wps/polyfills";
import "../excel/no-dynamic-code";
import { Button, FluentProvider, webLightTheme } from "@fluentui/react-components";
import { createRoot } from "react-dom/client";
import { WPS_TEXT } from "../core";
import { LAST_ERROR_KEY } from "./hosts/check-flow";
import type { AddonRoot } from "../wps/api";
import { globalRoot, wpsEtHost } from "../wps/et/host";
import { hidePane } from "../wps/ribbon";
import type { AddinKind } from "../wps/ribbon";
import { wpsWpsHost } from "../wps/wps/host";
import { App } from "./App";
import type { DocumentHost, WorkbookHost } from "./hosts/host";
import { WordApp } from "./WordApp";

/**
 * The same pane in WPS: 表格 gets the check view on wpsEtHost(), 文字 the report view on wpsWpsHost(). Both adapters
 * implement the host-neutral interfaces the pane runs on, so nothing here bridges.
 */
export const workbookHost = (): WorkbookHost => wpsEtHost();
export const documentHost = (): DocumentHost => wpsWpsHost();

/** The ribbon command leaves its failure in PluginStorage (shared by the add-in's pages); the pane shows it once. */
function carryCommandError(root: AddonRoot | null): void {
  try {
    const message = root?.PluginStorage.getItem(LAST_ERROR_KEY);
    if (message) {
      localStorage.setItem(LAST_ERROR_KEY, message);
      root?.PluginStorage.removeItem(LAST_ERROR_KEY);
    }
  } catch {
    // no storage: nothing to carry
  }
}

function HideBar({ kind }: { kind: AddinKind }) {
  return (
    <FluentProvider theme={webLightTheme} style={{ display: "flex", justifyContent: "flex-end", padding: "4px 12px 0" }}>
      <Button size="small" appearance="subtle" data-testid="hide-pane" onClick={() => hidePane(globalRoot<AddonRoot>() as AddonRoot, kind)}>
        {WPS_TEXT.hideButton}
      </Button>
    </FluentProvider>
  );
}

const kind: AddinKind = new URLSearchParams(window.location.search).get("host") === "wps" ? "wps" : "et";
carryCommandError(globalRoot<AddonRoot>());
createRoot(document.getElementById("root") as HTMLElement).render(
  <>
    <HideBar kind={kind} />
    {kind === "wps" ? <WordApp connect={documentHost} title={WPS_TEXT.documentPaneTitle} /> : <App connect={workbookHost} />}
  </>,
);
