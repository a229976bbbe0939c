import { WPS_TEXT } from "../core";
import { DOCK_RIGHT } from "./api";
import type { AddonRoot, EtRoot } from "./api";
import { globalRoot } from "./et/host";

export type AddinKind = "et" | "wps";

/** Ribbon control ids (ribbon.xml names them; scripts/build-wps.js writes it from RIBBON below). */
export const CONTROLS = { check: "juesuanCheck", open: "juesuanOpen" } as const;

/** The ribbon of each add-in: 表格 has 「一键检查」 and 「打开助手」; 文字 has 「打开助手」 (its pane inserts and audits). */
export const RIBBON: Record<AddinKind, { id: string; label: string; tip: string; image: string }[]> = {
  et: [
    { id: CONTROLS.check, label: WPS_TEXT.checkButton, tip: WPS_TEXT.checkTip, image: "images/check.png" },
    { id: CONTROLS.open, label: WPS_TEXT.openButton, tip: WPS_TEXT.openTip, image: "images/open.png" },
  ],
  wps: [{ id: CONTROLS.open, label: WPS_TEXT.openButton, tip: WPS_TEXT.openTip, image: "images/open.png" }],
};

/** Callback names ribbon.xml uses; each is a global function of the add-in's main page (index.html). */
export const CALLBACKS = ["OnAddinLoad", "OnAction", "GetImage", "OnGetEnabled"] as const;

/**
 * PluginStorage is shared by the add-in's pages in all WPS apps, while task pane ids count from 1 in each app's
 * process: the key carries the app, so 表格 never toggles 文字's pane (or another add-in's).
 */
export const paneKey = (kind: AddinKind) => `juesuan_taskpane_id_${kind}`;

/** The folder of the add-in, from a page inside it ("file:///…/juesuan-et_0.1.0/index.html" → "…/juesuan-et_0.1.0/"). */
export function addinBase(href: string): string {
  const clean = href.split(/[?#]/)[0];
  return clean.slice(0, clean.lastIndexOf("/") + 1);
}

/** Shows the pane (made on first use); with `toggle`, hides it when it is showing. Returns whether it shows. */
export function togglePane(root: AddonRoot, kind: AddinKind, base: string, toggle = true): boolean {
  const stored = Number(root.PluginStorage.getItem(paneKey(kind)));
  if (stored > 0) {
    try {
      const pane = root.GetTaskPane(stored);
      pane.Visible = toggle ? !pane.Visible : true;
      return pane.Visible;
    } catch {
      // the pane was closed for good (the document window went away): make a new one
    }
  }
  const pane = root.CreateTaskPane(`${base}taskpane.html?host=${kind}`, WPS_TEXT.addinName);
  pane.DockPosition = DOCK_RIGHT;
  pane.Visible = true;
  root.PluginStorage.setItem(paneKey(kind), pane.ID);
  return true;
}

/**
 * Hides the pane from inside it. A docked task pane can keep the ribbon from taking clicks in some WPS builds
 * (reported by add-in authors on WPS 12), so the pane carries its own 「收起面板」 button.
 */
export function hidePane(root: AddonRoot, kind: AddinKind): void {
  const stored = Number(root.PluginStorage.getItem(paneKey(kind)));
  if (stored > 0) root.GetTaskPane(stored).Visible = false;
}

/** What the main page puts on `window` for ribbon.xml: the callbacks named in CALLBACKS. */
export function ribbonCallbacks(
  kind: AddinKind,
  base: string,
  /** 「一键检查」: the front's check (src/commands/wps-ribbon-check.ts), given in so this adapter stays below the fronts. */
  check: (root: EtRoot, base: string) => Promise<void>,
  root: () => AddonRoot | null = () => globalRoot<AddonRoot>(),
) {
  const images = new Map(RIBBON[kind].map((b) => [b.id, b.image]));
  return {
    OnAddinLoad: (ribbonUI: unknown) => {
      const r = root() as (AddonRoot & { ribbonUI?: unknown }) | null;
      if (r && typeof r.ribbonUI !== "object") {
        try {
          r.ribbonUI = ribbonUI;
        } catch {
          // some hosts expose a read-only ribbonUI: nothing to keep then
        }
      }
      return true;
    },
    OnAction: (control: { Id: string }) => {
      const r = root();
      if (!r) return true;
      if (control.Id === CONTROLS.check && kind === "et") void check(r as EtRoot, base);
      else if (control.Id === CONTROLS.open) togglePane(r, kind, base);
      return true;
    },
    GetImage: (control: { Id: string }) => images.get(control.Id) ?? "images/open.png",
    OnGetEnabled: () => true,
  };
}
