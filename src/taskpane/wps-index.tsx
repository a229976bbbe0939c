import "../wps/polyfills";
import "../excel/no-dynamic-code";
import { Button, FluentProvider, webLightTheme } from "@fluentui/react-components";
import { createRoot } from "react-dom/client";
import { WPS_TEXT } from "../core";
import { OfficeHostError } from "../excel/host-error";
import { LAST_ERROR_KEY } from "../excel/run-check";
import type { CheckRun } from "../excel/run-check";
import type { AddonRoot } from "../wps/api";
import { globalRoot, wpsEtHost } from "../wps/et/host";
import { runHostCheck } from "../wps/et/run-check";
import { hidePane } from "../wps/ribbon";
import type { AddinKind } from "../wps/ribbon";
import { wpsWpsHost } from "../wps/wps/host";
import { App } from "./App";
import type { DocumentHost, WorkbookHost } from "./hosts/host";
import type { PaneHost } from "./office-host";
import { WordApp } from "./WordApp";
import type { WordPaneHost } from "./word-host";

/**
 * The same pane in WPS: 表格 gets the check view on wpsEtHost(), 文字 the report view on wpsWpsHost(). The adapters
 * implement the host-neutral interfaces (checked here at compile time); until the pane runs on WorkbookHost and
 * DocumentHost itself, two small bridges give it the PaneHost / WordPaneHost it takes today.
 */
export const workbookHost = (): WorkbookHost => wpsEtHost();
export const documentHost = (): DocumentHost => wpsWpsHost();

const noOffice = () => Promise.reject(new OfficeHostError(WPS_TEXT.notInEt, "Office.js"));

export function wpsPaneHost(host: WorkbookHost = workbookHost()): PaneHost {
  return {
    excel: noOffice,
    capabilities: { baseline: true, mergedAreas: true, charts: true },
    platform: host.platform,
    loadSettings: () => host.loadSettings(),
    saveSettings: (s) => host.saveSettings(s),
    select: (sheet, cell) => host.select(sheet, cell),
    check: async (settings, progress): Promise<CheckRun> => ({
      ...(await runHostCheck(host, settings, progress)),
      read: { syncs: 0, largestResponseBytes: 0, blocks: 0 },
      render: { syncs: 0, largestRequestBytes: 0 },
    }),
    saveFile: (name, bytes) => host.saveFile(name, bytes),
  };
}

export function wpsWordPaneHost(host: DocumentHost = documentHost()): WordPaneHost {
  return {
    run: () => Promise.reject(new OfficeHostError(WPS_TEXT.notInWps, "Office.js")),
    setSelectedHtml: () => Promise.reject(new OfficeHostError(WPS_TEXT.notInWps, "Office.js")),
    capabilities: { api11: true, api13: true, api15: true },
    document: { insertReport: (docx, html, placement) => host.insertReport(docx, html, placement), readText: () => host.readText() },
  };
}

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
    {kind === "wps" ? <WordApp connect={wpsWordPaneHost} title={WPS_TEXT.documentPaneTitle} /> : <App connect={wpsPaneHost} />}
  </>,
);
