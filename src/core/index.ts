/**
 * The one door into the core. Everything outside src/core (adapters, command line, task pane) imports from here;
 * inside, stages import each other directly, only downward (base → catalogue → read → recognise → analyse → score →
 * present → report → audit → run).
 */
export * from "./base/cell-grid";
export * from "./base/money";
export * from "./base/errors";
export * from "./base/findings";
export * from "./present/sheet-plan";
