import { OfficeMockObject } from "office-addin-mock";
import { PAYLOAD_LIMIT, rowBlocks } from "../src/excel/batching";
import { readGrids } from "../src/excel/read-grids";
import { selectCell } from "../src/excel/select-cell";
import { loadSettings, saveSettings } from "../src/excel/settings-store";
import { detectCapabilities } from "../src/excel/capabilities";
import { removeSheets } from "../src/excel/render-plans";
import { PLAN_MARK } from "../src/core";

/**
 * The Office.js adapter against office-addin-mock. The mock needs every object it returns to be declared
 * in its data (G4 in toolchain.md), so sheets and ranges are built as data and handed out by functions.
 */
type Cell = string | number;
function workbookMock(sheets: { name: string; rows: Cell[][] }[]) {
  const ranges: Record<string, unknown> = {};
  sheets.forEach((s, i) => {
    const cols = Math.max(...s.rows.map((r) => r.length));
    ranges[`used${i}`] = {
      address: `${s.name}!A1:${String.fromCharCode(64 + cols)}${s.rows.length}`,
      rowCount: s.rows.length,
      columnCount: cols,
    };
    for (const b of rowBlocks(s.rows.length, cols)) ranges[`v${i}_${b.start}`] = { values: s.rows.slice(b.start, b.start + b.rows) };
    ranges[`sel${i}`] = { select() {} };
  });
  const calls: string[] = [];
  const items = sheets.map((s, i) => ({
    name: s.name,
    visibility: "Visible",
    getUsedRangeOrNullObject: () => mock.ranges[`used${i}`],
    getRangeByIndexes: (r: number) => mock.ranges[`v${i}_${r}`],
    getRange: (a: string) => (calls.push(`select ${s.name}!${a}`), mock.ranges[`sel${i}`]),
    activate: () => calls.push(`activate ${s.name}`),
  }));
  const mock = new OfficeMockObject({
    workbook: {
      worksheets: {
        items,
        // office-addin-mock cannot load "items/name" on an array; the adapter's real load maps to loading "items".
        load(this: OfficeMockObject) {
          OfficeMockObject.prototype.load.call(this, "items");
          return this;
        },
        getItem: (name: string) => items.find((w) => w.name === name),
      },
    },
    ranges,
  }) as unknown as OfficeMockObject & { ranges: Record<string, { isNullObject: boolean }>; workbook: { worksheets: { items: unknown[] } } };
  for (const key of Object.keys(ranges)) mock.ranges[key].isNullObject = false; // read after sync without a load, as in Office.js
  return { mock, calls, context: mock as unknown as Excel.RequestContext };
}

const table = (rows: number, cols = 7): Cell[][] => [
  ["科目编码", "科目名称", "年初预算数", "全年预算数", "决算数", "上年决算数", "差异原因"].slice(0, cols),
  ...Array.from({ length: rows }, (_, i) =>
    [String(30100 + (i % 99)), `项目${i}`, 1000 + i, 1100 + i, 1050.5 + i, 990 + i, ""].slice(0, cols),
  ),
];

describe("readGrids (office-addin-mock)", () => {
  test("reads values, origin and addresses of every sheet", async () => {
    const { context } = workbookMock([
      {
        name: "支出",
        rows: [
          ["项目", "预算数", "决算数"],
          ["办公费", 100, "#REF!"],
        ],
      },
    ]);
    const { grids } = await readGrids(context, false);
    expect(grids).toEqual([
      {
        sheet: "支出",
        origin: { row: 0, col: 0 },
        values: [
          ["项目", "预算数", "决算数"],
          ["办公费", 100, { error: "#REF!" }],
        ],
        merges: [],
      },
    ]);
  });

  test("the same constant number of syncs for a small and a large workbook", async () => {
    const count = async (sheets: { name: string; rows: Cell[][] }[]) => {
      const { mock, context } = workbookMock(sheets);
      const sync = jest.spyOn(mock as unknown as { sync: () => Promise<void> }, "sync");
      const { grids, stats } = await readGrids(context, false);
      expect(grids).toHaveLength(sheets.length);
      expect(stats.syncs).toBe(sync.mock.calls.length);
      return { syncs: sync.mock.calls.length, stats };
    };
    const small = await count([{ name: "支出", rows: table(20) }]);
    const large = await count(Array.from({ length: 60 }, (_, i) => ({ name: `部门${i + 1}`, rows: table(300) })));
    expect(small.syncs).toBe(3);
    expect(large.syncs).toBe(3);
    expect(large.stats.largestResponseBytes).toBeLessThan(PAYLOAD_LIMIT);
  });

  test("data beyond the 5 MB limit is split across syncs, each response under the limit", async () => {
    const { mock, context } = workbookMock([{ name: "明细", rows: table(100_000) }]);
    const sync = jest.spyOn(mock as unknown as { sync: () => Promise<void> }, "sync");
    const { grids, stats } = await readGrids(context, false);
    expect(grids[0].values).toHaveLength(100_001);
    expect(grids[0].values[100_000][1]).toBe("项目99999");
    expect(sync.mock.calls.length).toBeGreaterThan(3);
    expect(stats.largestResponseBytes).toBeLessThan(PAYLOAD_LIMIT);
  });
});

describe("selection, settings and capabilities", () => {
  test("selectCell activates the sheet and selects the cell in one sync", async () => {
    const { mock, calls, context } = workbookMock([{ name: "支出", rows: [["项目", "决算数"]] }]);
    const sync = jest.spyOn(mock as unknown as { sync: () => Promise<void> }, "sync");
    await selectCell(context, "支出", "C7");
    expect(calls).toEqual(["activate 支出", "select 支出!C7"]);
    expect(sync).toHaveBeenCalledTimes(1);
  });

  test("settings round-trip through the document, validated; damaged settings fall back to defaults", async () => {
    const store = new Map<string, unknown>();
    const host = {
      get: (k: string) => store.get(k) ?? null,
      set: (k: string, v: unknown) => store.set(k, v),
      saveAsync: (cb: (r: { status: string }) => void) => cb({ status: "succeeded" }),
    };
    expect(loadSettings(host)).toEqual({ settings: expect.objectContaining({ thresholdPercent: 10, displayUnit: "万元" }), problem: null });
    await saveSettings(host, { ...loadSettings(host).settings, thresholdPercent: 15, columnOverrides: { "支出!A1": { actual: "D" } } });
    expect(loadSettings(host).settings).toMatchObject({ thresholdPercent: 15, columnOverrides: { "支出!A1": { actual: "D" } } });
    store.set("juesuan.settings", "{not json");
    expect(loadSettings(host).problem).toBe("thresholdPercent"); // where it is wrong; the pane words it (PANE.storedSettingsBad)
    const failing = {
      ...host,
      saveAsync: (cb: (r: { status: string; error: { message: string } }) => void) => cb({ status: "failed", error: { message: "只读" } }),
    };
    await expect(saveSettings(failing, loadSettings(host).settings)).rejects.toThrow("设置未能保存：只读");
  });

  test("requirement sets above 1.7 are detected, and an old host is treated conservatively", () => {
    const office = (versions: string[]) => ({
      context: { requirements: { isSetSupported: (_: string, v?: string) => versions.includes(v ?? "") } },
    });
    expect(detectCapabilities(office(["1.7", "1.9", "1.13"]))).toEqual({
      baseline: true,
      mergedAreas: true,
      charts: true,
      pageLayout: true,
    });
    expect(detectCapabilities(office(["1.7"]))).toEqual({ baseline: true, mergedAreas: false, charts: true, pageLayout: false });
    expect(
      detectCapabilities({
        context: {
          requirements: {
            isSetSupported: () => {
              throw new Error("old");
            },
          },
        },
      }),
    ).toEqual({ baseline: false, mergedAreas: false, charts: false, pageLayout: false });
  });
});

describe("removeSheets (删除结果表)", () => {
  /** Sheets with an A1 each; the mock hands out pre-declared ranges (G4 in toolchain.md). */
  function sheetsMock(a1s: Record<string, string>) {
    const deleted: string[] = [];
    const names = Object.keys(a1s);
    const ranges = Object.fromEntries(names.map((n, i) => [`a1_${i}`, { values: [[a1s[n]]] }]));
    const items = names.map((name, i) => ({
      name,
      getRange: () => mock.ranges[`a1_${i}`],
      delete: () => deleted.push(name),
    }));
    const mock = new OfficeMockObject({
      workbook: {
        worksheets: {
          items,
          load(this: OfficeMockObject) {
            OfficeMockObject.prototype.load.call(this, "items");
            return this;
          },
        },
      },
      ranges,
    }) as unknown as OfficeMockObject & { ranges: Record<string, unknown> };
    return { mock, deleted, context: mock as unknown as Excel.RequestContext };
  }

  test("deletes only sheets whose A1 carries our mark, in three syncs", async () => {
    const { mock, deleted, context } = sheetsMock({
      支出: "项目",
      差异分析: `预决算差异分析${PLAN_MARK}`,
      绩效评分表: "我自己的评分表", // the clerk's own sheet with our name: never deleted
      审核说明: `审核说明${PLAN_MARK}`,
    });
    const sync = jest.spyOn(mock as unknown as { sync: () => Promise<void> }, "sync");
    const removed = await removeSheets(context, ["差异分析", "绩效评分表", "审核说明", "不存在"], PLAN_MARK);
    expect(removed).toEqual(["差异分析", "审核说明"]);
    expect(deleted).toEqual(["差异分析", "审核说明"]);
    expect(sync).toHaveBeenCalledTimes(3);
  });

  test("a workbook of nothing but our sheets keeps one (Excel cannot delete its last sheet)", async () => {
    const { deleted, context } = sheetsMock({ 差异分析: `预决算差异分析${PLAN_MARK}`, 审核说明: `审核说明${PLAN_MARK}` });
    await removeSheets(context, ["差异分析", "审核说明"], PLAN_MARK);
    expect(deleted).toEqual(["审核说明"]);
  });
});
