import "../wps/polyfills";
import "../excel/no-dynamic-code";
import { addinBase, ribbonCallbacks } from "../wps/ribbon";
import { ribbonCheck } from "./wps-ribbon-check";

/**
 * The WPS add-in's main page (index.html), which WPS loads hidden when the app starts: it only defines the ribbon
 * callbacks that ribbon.xml names. Which app it serves is written on its script tag by the package script.
 */
const kind = (document.currentScript as HTMLScriptElement | null)?.dataset.host === "wps" ? "wps" : "et";
Object.assign(window, ribbonCallbacks(kind, addinBase(window.location.href), ribbonCheck));
