import type { CellGrid } from "../../src/core/base/cell-grid";
import type { EtRoot, WpsRoot } from "../../src/wps/api";

/** Types of the simulated WPS host in fake-wps.js (test code only). */
export interface FakeWpsInit {
  kind?: "et" | "wps";
  sheets?: (CellGrid & { visible?: number; errorsAreConstants?: boolean; numberFormats?: (string | null)[][] })[];
  workbookName?: string;
  workbookPath?: string;
  noWorkbook?: boolean;
  noDocument?: boolean;
  bodyText?: string;
  tempPath?: string;
  failBinaryWrites?: boolean;
}

export interface FakeWpsState {
  calls: number;
  kind: "et" | "wps";
  selection: { sheet: string; address: string } | null;
  screenUpdating: boolean;
  displayAlerts: boolean;
  hyperlinks: { sheet: string; anchor: string; address: string; subAddress: string; text: string }[];
  conditional: { sheet: string; range: string; type: number; formula: string; format: { fill?: number; bold?: boolean } }[];
  charts: { sheet: string; type: number; title: string | null; series: { name: string; values: string; categories: string }[] }[];
  styles: { sheet: string; address: string; prop: string; value: unknown }[];
  files: Map<string, string>;
  dirs: Set<string>;
  inserted: { where: "cursor" | "replace" | "new"; path: string; kind: string; data: string }[];
  documents: { isNew: boolean }[];
  panes: { ID: number; url: string; title: string; Visible: boolean; DockPosition: number }[];
  storage: Map<string, string>;
  deleted: string[];
  failWrites: boolean;
}

export interface FakeWps<R> {
  app: R;
  state: FakeWpsState;
  setDocumentText(text: string): void;
  sheetCells(name: string): Record<string, unknown> | null;
  sheetNames(): string[];
  sheetInfo(name: string): {
    visible: number;
    frozen: number;
    widths: Record<string, number>;
    pageSetup: Record<string, unknown>;
    charts: unknown[];
  } | null;
  formatAt(name: string, address: string): string | null;
}

export function createFakeWps(init: FakeWpsInit & { kind?: "et" }): FakeWps<EtRoot>;
export function createFakeWps(init: FakeWpsInit & { kind: "wps" }): FakeWps<WpsRoot>;
export const CVERR: number;
export const CODES: Record<string, number>;
