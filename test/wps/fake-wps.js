/* A simulated WPS host (test code only): the WPS JS API objects the adapter uses, for 表格 (et) and 文字 (wps).
   Every property read, property write and method call on a host object counts as one bridge call (the real JSAPI
   crosses into the WPS process for each), so tests can assert that reads stay constant per sheet.
   Behaves as WPS does where it matters: UsedRange.Value2 is a scalar for one cell and a 2-D array otherwise, error
   cells come back as CVErr numbers (−2146828288 + xlErr code), dates as serial numbers (Value() gives Date objects),
   collections are 1-based with Item(), Worksheets.Item(name) throws for a missing sheet, SpecialCells throws when it
   finds nothing, MergeCells is null for a range that is partly merged.
   Node: const { createFakeWps } = require("./fake-wps"). Browser: set window.__FAKE_WPS__ = init before this script. */
/* global window */
(function (global, factory) {
  const api = factory();
  if (typeof module === "object" && module.exports) module.exports = api;
  if (typeof window !== "undefined" && window.__FAKE_WPS__) api.install(window, window.__FAKE_WPS__);
})(this, function () {
  const CVERR = -2146828288;
  const CODES = { "#NULL!": 2000, "#DIV/0!": 2007, "#VALUE!": 2015, "#REF!": 2023, "#NAME?": 2029, "#NUM!": 2036, "#N/A": 2042 };
  const MAX_ROW = 1048575;
  const MAX_COL = 16383;

  const letters = (c) => {
    let s = "";
    let n = c + 1;
    while (n > 0) {
      s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
      n = Math.floor((n - 1) / 26);
    }
    return s;
  };
  const colIndex = (l) => l.split("").reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  function parseArea(text) {
    const a = text.trim().replace(/\$/g, "").replace(/^.*!/, "");
    let m = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/.exec(a);
    if (m) {
      const top = Number(m[2]) - 1;
      const left = colIndex(m[1]);
      return { top, left, bottom: m[3] ? Number(m[4]) - 1 : top, right: m[3] ? colIndex(m[3]) : left };
    }
    m = /^([A-Z]+):([A-Z]+)$/.exec(a);
    if (m) return { top: 0, left: colIndex(m[1]), bottom: MAX_ROW, right: colIndex(m[2]) };
    m = /^(\d+):(\d+)$/.exec(a);
    if (m) return { top: Number(m[1]) - 1, left: 0, bottom: Number(m[2]) - 1, right: MAX_COL };
    throw new Error(`Range: 无效的地址 ${text}`);
  }
  const areaText = (a) =>
    a.top === a.bottom && a.left === a.right
      ? `${letters(a.left)}${a.top + 1}`
      : `${letters(a.left)}${a.top + 1}:${letters(a.right)}${a.bottom + 1}`;
  // 1900 date system with the phantom 1900-02-29 (serial 60).
  const isoToSerial = (iso) => {
    const [y, m, d] = iso.slice(0, 10).split("-").map(Number);
    const days = (Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 31)) / 86400000;
    return days >= 60 ? days + 1 : days;
  };
  const serialToDate = (serial) => {
    const days = serial > 60 ? serial - 1 : serial;
    const d = new Date(Date.UTC(1899, 11, 31) + days * 86400000);
    return new Date(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
  };

  function createFakeWps(init) {
    init = init || {};
    const state = {
      calls: 0,
      kind: init.kind || "et",
      sheets: [],
      activeSheet: null,
      selection: null,
      screenUpdating: true,
      displayAlerts: true,
      hyperlinks: [],
      conditional: [],
      charts: [],
      styles: [],
      files: new Map(),
      dirs: new Set(),
      inserted: [],
      documents: [],
      panes: [],
      storage: new Map(),
      deleted: [],
      failWrites: !!init.failBinaryWrites,
    };
    const com = (target) =>
      new Proxy(target, {
        get(t, p) {
          if (typeof p === "symbol" || p === "then" || p === "toJSON" || p === "constructor" || p === "__areas") return t[p];
          state.calls++;
          return t[p];
        },
        set(t, p, v) {
          state.calls++;
          t[p] = v;
          return true;
        },
      });

    /* ---------- 表格 ---------- */
    function makeSheet(name) {
      const sheet = {
        name,
        visible: -1,
        cells: new Map(), // "r,c" → { v, f, err }
        fmts: new Map(), // "r,c" → number format
        merges: [],
        widths: {},
        pageSetup: {},
        frozen: 0,
        charts: [],
      };
      state.sheets.push(sheet);
      return sheet;
    }
    const liveSheets = () => state.sheets.filter((s) => !s.deleted);
    for (const g of init.sheets || []) {
      const sheet = makeSheet(g.sheet || g.name);
      if (g.visible !== undefined) sheet.visible = g.visible;
      const o = g.origin || { row: 0, col: 0 };
      (g.values || []).forEach((row, r) =>
        row.forEach((v, c) => {
          const key = `${o.row + r},${o.col + c}`;
          if (v === null || v === "" || v === undefined) return;
          if (typeof v === "object" && "error" in v)
            sheet.cells.set(key, { v: null, err: v.error, f: g.errorsAreConstants ? undefined : "=1/0" });
          else if (typeof v === "object" && "date" in v) {
            sheet.cells.set(key, { v: isoToSerial(v.date) });
            sheet.fmts.set(key, "yyyy-mm-dd");
          } else sheet.cells.set(key, { v });
        }),
      );
      for (const m of g.merges || [])
        sheet.merges.push({ top: o.row + m.top, left: o.col + m.left, bottom: o.row + m.bottom, right: o.col + m.right });
      (g.numberFormats || []).forEach((row, r) =>
        row.forEach((f, c) => {
          if (f) sheet.fmts.set(`${o.row + r},${o.col + c}`, f);
        }),
      );
    }
    state.activeSheet = liveSheets()[0] || null;

    const raw2 = (cell) => (!cell ? null : cell.err ? CVERR + CODES[cell.err] : cell.f !== undefined ? (cell.cached ?? null) : cell.v);
    const mergeAt = (sheet, r, c) => sheet.merges.find((m) => r >= m.top && r <= m.bottom && c >= m.left && c <= m.right);

    function usedArea(sheet) {
      let top = Infinity,
        left = Infinity,
        bottom = -1,
        right = -1;
      for (const key of sheet.cells.keys()) {
        const [r, c] = key.split(",").map(Number);
        top = Math.min(top, r);
        left = Math.min(left, c);
        bottom = Math.max(bottom, r);
        right = Math.max(right, c);
      }
      for (const m of sheet.merges) {
        top = Math.min(top, m.top);
        left = Math.min(left, m.left);
        bottom = Math.max(bottom, m.bottom);
        right = Math.max(right, m.right);
      }
      return bottom < 0 ? { top: 0, left: 0, bottom: 0, right: 0 } : { top, left, bottom, right };
    }

    function makeRange(sheet, areas) {
      const first = areas[0];
      const rows = first.bottom - first.top + 1;
      const cols = first.right - first.left + 1;
      const single = areas.length === 1 && rows === 1 && cols === 1;
      const each = (f) => {
        for (const a of areas) for (let r = a.top; r <= a.bottom; r++) for (let c = a.left; c <= a.right; c++) f(r, c);
      };
      const grid = (read) => {
        if (single) return read(first.top, first.left);
        const out = [];
        for (let r = first.top; r <= first.bottom; r++) {
          const row = [];
          for (let c = first.left; c <= first.right; c++) row.push(read(r, c));
          out.push(row);
        }
        return out;
      };
      const write = (value, put) => {
        if (!Array.isArray(value)) return each((r, c) => put(r, c, value));
        const block = Array.isArray(value[0]) ? value : [value];
        each((r, c) => {
          const row = block[r - first.top];
          put(r, c, row === undefined ? "" : row[c - first.left] === undefined ? "" : row[c - first.left]);
        });
      };
      const record = (prop) => (value) => state.styles.push({ sheet: sheet.name, address: areas.map(areaText).join(","), prop, value });
      const styleObject = (prefix, props) => {
        const o = {};
        for (const p of props) Object.defineProperty(o, p, { get: () => undefined, set: record(`${prefix}.${p}`), enumerable: true });
        return com(o);
      };
      const target = {
        __areas: areas, // the fake's own bookkeeping: not a bridge call
        get Value2() {
          return grid((r, c) => raw2(sheet.cells.get(`${r},${c}`)));
        },
        set Value2(value) {
          write(value, (r, c, v) => {
            if (v === "" || v === null) sheet.cells.delete(`${r},${c}`);
            else sheet.cells.set(`${r},${c}`, { v });
          });
        },
        Value() {
          return grid((r, c) => {
            const v = raw2(sheet.cells.get(`${r},${c}`));
            const fmt = sheet.fmts.get(`${r},${c}`);
            return typeof v === "number" && fmt && /y|d/.test(fmt) ? serialToDate(v) : v;
          });
        },
        get Formula() {
          return grid((r, c) => {
            const cell = sheet.cells.get(`${r},${c}`);
            return !cell ? "" : cell.f !== undefined ? cell.f : cell.err ? cell.err : cell.v;
          });
        },
        set Formula(value) {
          write(value, (r, c, v) => {
            const key = `${r},${c}`;
            if (v === "" || v === null) sheet.cells.delete(key);
            else if (typeof v === "string" && v.startsWith("=")) sheet.cells.set(key, { f: v });
            else if (typeof v === "string" && v.startsWith("'")) sheet.cells.set(key, { v: v.slice(1), text: true });
            else if (typeof v === "string" && v.trim() !== "" && !Number.isNaN(Number(v))) sheet.cells.set(key, { v: Number(v) });
            else sheet.cells.set(key, { v });
          });
        },
        get NumberFormat() {
          const seen = new Set();
          each((r, c) => seen.add(sheet.fmts.get(`${r},${c}`) || "General"));
          return seen.size === 1 ? [...seen][0] : null;
        },
        set NumberFormat(fmt) {
          each((r, c) => sheet.fmts.set(`${r},${c}`, fmt));
        },
        Address() {
          return areas.map(areaText).join(",");
        },
        get MergeCells() {
          let merged = 0;
          let total = 0;
          each((r, c) => {
            total++;
            if (mergeAt(sheet, r, c)) merged++;
          });
          return merged === 0 ? false : merged === total ? true : null;
        },
        get MergeArea() {
          const m = mergeAt(sheet, first.top, first.left);
          return makeRange(sheet, [m || { top: first.top, left: first.left, bottom: first.top, right: first.left }]);
        },
        Font: styleObject("Font", ["Bold", "Italic", "Size", "Color", "Underline"]),
        Interior: styleObject("Interior", ["Color"]),
        set HorizontalAlignment(v) {
          record("HorizontalAlignment")(v);
        },
        set WrapText(v) {
          record("WrapText")(v);
        },
        set ColumnWidth(w) {
          for (let c = first.left; c <= first.right; c++) sheet.widths[letters(c)] = w;
        },
        FormatConditions: com({
          Add(type, op, formula) {
            const rule = { sheet: sheet.name, range: areas.map(areaText).join(","), type, formula, format: {} };
            state.conditional.push(rule);
            return com({
              Interior: com({
                set Color(v) {
                  rule.format.fill = v;
                },
              }),
              Font: com({
                set Bold(v) {
                  rule.format.bold = v;
                },
              }),
            });
          },
        }),
        get Left() {
          return first.left * 54;
        },
        get Top() {
          return first.top * 15;
        },
        get Text() {
          const cell = sheet.cells.get(`${first.top},${first.left}`);
          return !cell ? "" : cell.err ? cell.err : String(cell.v ?? "");
        },
        Resize(r, c) {
          return makeRange(sheet, [
            { top: first.top, left: first.left, bottom: first.top + (r || rows) - 1, right: first.left + (c || cols) - 1 },
          ]);
        },
        Select() {
          if (state.activeSheet !== sheet) throw new Error("Select 方法无效：工作表未激活");
          state.selection = { sheet: sheet.name, address: areas.map(areaText).join(",") };
          return true;
        },
        ClearContents() {
          each((r, c) => sheet.cells.delete(`${r},${c}`));
          return true;
        },
        SpecialCells(type, value) {
          if (single) throw new Error("SpecialCells on one cell searches the whole sheet (not simulated)");
          const found = [];
          each((r, c) => {
            const cell = sheet.cells.get(`${r},${c}`);
            if (!cell || !cell.err || value !== 16) return;
            const isFormula = cell.f !== undefined;
            if ((type === -4123 && isFormula) || (type === 2 && !isFormula)) found.push({ top: r, left: c, bottom: r, right: c });
          });
          if (found.length === 0) throw new Error("No cells were found.");
          return makeRange(sheet, found);
        },
      };
      return com(target);
    }

    function makeWorksheet(sheet) {
      const hyperlinks = com({
        Add(anchor, address, sub, tip, text) {
          state.hyperlinks.push({ sheet: sheet.name, anchor: anchor.__areas.map(areaText).join(","), address, subAddress: sub, text });
          return com({});
        },
      });
      const shapes = com({
        AddChart2(style, type, left, top, width, height) {
          const chart = { sheet: sheet.name, type, left, top, width, height, title: null, series: [] };
          state.charts.push(chart);
          sheet.charts.push(chart);
          const seriesCollection = com({
            get Count() {
              return chart.series.length;
            },
            Item(i) {
              const s = chart.series[i - 1];
              return com({
                Delete() {
                  chart.series.splice(chart.series.indexOf(s), 1);
                },
              });
            },
            NewSeries() {
              const s = {};
              chart.series.push(s);
              return com({
                set Name(v) {
                  s.name = v;
                },
                set Values(r) {
                  s.values = r.__areas.map(areaText).join(",");
                },
                set XValues(r) {
                  s.categories = r.__areas.map(areaText).join(",");
                },
                Delete() {
                  chart.series.splice(chart.series.indexOf(s), 1);
                },
              });
            },
          });
          return com({
            Chart: com({
              set HasTitle(v) {
                chart.hasTitle = v;
              },
              ChartTitle: com({
                set Text(v) {
                  chart.title = v;
                },
              }),
              SeriesCollection: () => seriesCollection,
            }),
          });
        },
      });
      const pageSetup = com(
        new Proxy(sheet.pageSetup, {
          set(t, p, v) {
            t[p] = v;
            return true;
          },
        }),
      );
      return com({
        get Name() {
          return sheet.name;
        },
        set Name(name) {
          if (liveSheets().some((s) => s !== sheet && s.name === name)) throw new Error(`工作表名称「${name}」已存在`);
          sheet.name = name;
        },
        get Visible() {
          return sheet.visible;
        },
        set Visible(v) {
          sheet.visible = v;
        },
        get UsedRange() {
          return makeRange(sheet, [usedArea(sheet)]);
        },
        Range(a, b) {
          if (b !== undefined) throw new Error("Range(Cell1, Cell2) not simulated");
          return makeRange(sheet, String(a).split(",").map(parseArea));
        },
        Activate() {
          if (sheet.visible !== -1) throw new Error("隐藏的工作表不能激活");
          state.activeSheet = sheet;
        },
        Delete() {
          if (state.displayAlerts) throw new Error("删除工作表需要确认（DisplayAlerts 未关闭）");
          sheet.deleted = true;
          state.deleted.push(sheet.name);
          if (state.activeSheet === sheet) state.activeSheet = liveSheets()[0] || null;
        },
        Hyperlinks: hyperlinks,
        Shapes: shapes,
        PageSetup: pageSetup,
      });
    }

    const worksheets = com({
      get Count() {
        return liveSheets().length;
      },
      Item(index) {
        const list = liveSheets();
        const sheet = typeof index === "number" ? list[index - 1] : list.find((s) => s.name === index);
        if (!sheet) throw new Error(`下标越界：${index}`);
        return makeWorksheet(sheet);
      },
      Add(before, after) {
        let n = liveSheets().length + 1;
        while (liveSheets().some((s) => s.name === `Sheet${n}`)) n++;
        const sheet = makeSheet(`Sheet${n}`);
        state.sheets.splice(state.sheets.indexOf(sheet), 1);
        const anchor = after ? after.Name : before ? before.Name : null;
        const at = anchor ? state.sheets.findIndex((s) => !s.deleted && s.name === anchor) : state.sheets.length - 1;
        state.sheets.splice(after ? at + 1 : Math.max(at, 0), 0, sheet);
        state.activeSheet = sheet;
        return makeWorksheet(sheet);
      },
    });
    const workbook = com({
      Worksheets: worksheets,
      Name: init.workbookName || "决算.xlsx",
      Path: init.workbookPath === undefined ? "D:\\决算" : init.workbookPath,
    });
    const window_ = com({
      get FreezePanes() {
        return state.activeSheet ? state.activeSheet.frozen > 0 : false;
      },
      set FreezePanes(v) {
        if (state.activeSheet) state.activeSheet.frozen = v ? state.split : 0;
      },
      get SplitRow() {
        return state.split || 0;
      },
      set SplitRow(v) {
        state.split = v;
      },
      SplitColumn: 0,
    });

    /* ---------- 文字 ---------- */
    const documentText = { value: init.bodyText || "" };
    const insertInto = (where) => (path) => {
      const data = state.files.get(path);
      if (data === undefined) throw new Error(`文件不存在：${path}`);
      state.inserted.push({ where, path, kind: path.slice(path.lastIndexOf(".") + 1), data });
    };
    const makeDocument = (isNew) => {
      const doc = { isNew, text: isNew ? { value: "" } : documentText };
      state.documents.push(doc);
      return com({
        Content: com({
          get Text() {
            return doc.text.value;
          },
          InsertFile: insertInto(isNew ? "new" : "replace"),
        }),
      });
    };
    const activeDocument = init.noDocument ? null : makeDocument(false);

    /* ---------- common: files, environment, storage, panes ---------- */
    const temp = init.tempPath || "C:\\Users\\clerk\\AppData\\Local\\Temp";
    const fileSystem = com({
      Exists: (p) => state.files.has(p) || state.dirs.has(p) || p === temp,
      Mkdir: (p) => state.dirs.add(p),
      Remove: (p) => state.files.delete(p),
      WriteFile: (p, text) => (state.files.set(p, unescape(encodeURIComponent(text))), true),
      writeAsBinaryString: (p, data) => {
        if (state.failWrites) throw new Error('path cannot contains "/" or "\\"');
        state.files.set(p, data);
        return true;
      },
      stat: (p) => com({ size: (state.files.get(p) || "").length }),
    });
    const storage = com({
      setItem: (k, v) => state.storage.set(k, String(v)),
      getItem: (k) => (state.storage.has(k) ? state.storage.get(k) : null),
      removeItem: (k) => state.storage.delete(k),
    });
    const root = {
      FileSystem: fileSystem,
      Env: com({ GetTempPath: () => temp, GetDesktopPath: () => "C:\\Users\\clerk\\Desktop", GetHomePath: () => "C:\\Users\\clerk" }),
      PluginStorage: storage,
      CreateTaskPane(url, title) {
        const pane = { ID: state.panes.length + 1, url, title, Visible: false, DockPosition: 0, Width: 0 };
        state.panes.push(pane);
        return com(pane);
      },
      GetTaskPane(id) {
        const pane = state.panes[id - 1];
        if (!pane) throw new Error(`没有任务窗格 ${id}`);
        return com(pane);
      },
      ribbonUI: null,
    };
    if (state.kind === "et") {
      Object.defineProperty(root, "ActiveWorkbook", { get: () => (init.noWorkbook ? null : workbook), enumerable: true });
      root.Workbooks = com({
        get Count() {
          return init.noWorkbook ? 0 : 1;
        },
        Item(i) {
          if (init.noWorkbook || (i !== 1 && i !== workbook.Name)) throw new Error(`下标越界：${i}`);
          return workbook;
        },
      });
      Object.defineProperty(root, "ActiveSheet", {
        get: () => (state.activeSheet ? makeWorksheet(state.activeSheet) : null),
        enumerable: true,
      });
      Object.defineProperty(root, "ActiveWindow", { get: () => window_, enumerable: true });
      Object.defineProperty(root, "ScreenUpdating", {
        get: () => state.screenUpdating,
        set(v) {
          state.screenUpdating = v;
        },
        enumerable: true,
      });
      Object.defineProperty(root, "DisplayAlerts", {
        get: () => state.displayAlerts,
        set(v) {
          state.displayAlerts = v;
        },
        enumerable: true,
      });
    } else {
      Object.defineProperty(root, "ActiveDocument", { get: () => activeDocument, enumerable: true });
      root.Selection = com({ Range: com({ InsertFile: insertInto("cursor"), Text: "" }) });
      root.Documents = com({ Add: () => makeDocument(true) });
    }
    const app = com(root);
    return {
      app,
      state,
      setDocumentText: (text) => (documentText.value = text),
      /** What a sheet holds: cell → formula or value (tests read this, not counted). */
      sheetCells(name) {
        const sheet = liveSheets().find((s) => s.name === name);
        if (!sheet) return null;
        const out = {};
        for (const [key, cell] of sheet.cells) {
          const [r, c] = key.split(",").map(Number);
          out[`${letters(c)}${r + 1}`] = cell.f !== undefined ? cell.f : cell.err ? cell.err : cell.v;
        }
        return out;
      },
      sheetNames: () => liveSheets().map((s) => s.name),
      sheetInfo(name) {
        const s = liveSheets().find((x) => x.name === name);
        return s
          ? { visible: s.visible, frozen: s.frozen, widths: s.widths, pageSetup: Object.assign({}, s.pageSetup), charts: s.charts }
          : null;
      },
      formatAt(name, address) {
        const s = liveSheets().find((x) => x.name === name);
        const a = parseArea(address);
        return s ? s.fmts.get(`${a.top},${a.left}`) || "General" : null;
      },
    };
  }

  /** Browser: the page's globals, as a WPS add-in page has them (Application and wps), and the fake for tests. */
  function install(win, init) {
    const fake = createFakeWps(init);
    win.Application = fake.app;
    win.wps = fake.app;
    win.__fakeWps = fake;
    return fake;
  }

  return { createFakeWps, install, CVERR, CODES };
});
