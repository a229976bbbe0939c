import type { CSSProperties } from "react";

/** Styles that keep the pane inside 320 px: long words break, flex children may shrink, fields fill their column. */
export const WRAP: CSSProperties = { overflowWrap: "anywhere", minWidth: 0 };
export const FILL: CSSProperties = { width: "100%", maxWidth: "100%", minWidth: 0, boxSizing: "border-box" };
export const STACK: CSSProperties = { display: "flex", flexDirection: "column", gap: 8, minWidth: 0 };
export const ROW: CSSProperties = { display: "flex", flexWrap: "wrap", gap: 8, alignItems: "center", minWidth: 0 };
export const MUTED: CSSProperties = { color: "#605e5c" };
