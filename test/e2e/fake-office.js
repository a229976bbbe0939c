/* A simulated Excel host for browser tests (test code only, injected before the pane loads).
   Backed by plain sheets; keeps Office.js's rule that loaded properties are readable only after sync;
   counts syncs and payload sizes; records selection, written sheets, formulas and settings.
   Configure with window.__FAKE_WORKBOOK__ = { sheets: [{ sheet, origin: {row, col}, values, merges }], apiVersion, settings }. */
(function () {
  const init = window.__FAKE_WORKBOOK__ || { sheets: [] };
  const state = {
    sheets: [],
    syncs: 0,
    largestRequest: 0,
    largestResponse: 0,
    selection: null,
    active: null,
    settings: Object.assign({}, init.settings || {}),
    calcSuspended: 0,
    charts: [],
    conditionalFormats: 0,
  };
  window.__fakeExcel = state;

  const letters = (c) => {
    let s = "";
    let n = c + 1;
    while (n > 0) {
      s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
      n = Math.floor((n - 1) / 26);
    }
    return s;
  };
  const colIndex = (l) => [...l].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  const parseCell = (a) => {
    const m = /^\$?([A-Z]+)\$?(\d+)$/.exec(a);
    return { row: Number(m[2]) - 1, col: colIndex(m[1]) };
  };
  const needsQuote = (n) => !/^[\p{L}_][\p{L}\p{N}_.]*$/u.test(n);
  const q = (n) => (needsQuote(n) ? `'${n.replace(/'/g, "''")}'` : n);

  function makeSheet(name) {
    const sheet = {
      name,
      visibility: "Visible",
      cells: new Map(),
      formulas: new Map(),
      formats: new Map(),
      merges: [],
      hyperlinks: new Map(),
      deleted: false,
      frozen: 0,
      merged: [],
      print: null,
    };
    state.sheets.push(sheet);
    return sheet;
  }
  for (const s of init.sheets) {
    const sheet = makeSheet(s.sheet || s.name);
    s.values.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v === null || v === "") return;
        const value = typeof v === "object" ? v.error : v;
        sheet.cells.set(`${s.origin.row + r},${s.origin.col + c}`, value);
      }),
    );
    sheet.merges = (s.merges || []).map(
      (m) =>
        `${letters(s.origin.col + m.left)}${s.origin.row + m.top + 1}:${letters(s.origin.col + m.right)}${s.origin.row + m.bottom + 1}`,
    );
  }
  const live = () => state.sheets.filter((s) => !s.deleted);

  class Context {
    constructor() {
      this.pending = [];
      this.requestBytes = 0;
      this.workbook = { worksheets: new Worksheets(this) };
      this.application = { suspendApiCalculationUntilNextSync: () => state.calcSuspended++ };
    }
    queue(loadable) {
      this.pending.push(loadable);
    }
    write(payload) {
      this.requestBytes += JSON.stringify(payload).length;
    }
    async sync() {
      state.syncs++;
      if (this.refuse) {
        this.refuse = false;
        this.pending = [];
        throw Object.assign(new Error("The argument is invalid or missing or has an incorrect format."), { code: "InvalidArgument" });
      }
      let response = 0;
      for (const p of this.pending) response += p._resolve();
      this.pending = [];
      state.largestRequest = Math.max(state.largestRequest, this.requestBytes);
      state.largestResponse = Math.max(state.largestResponse, response);
      this.requestBytes = 0;
    }
  }

  /** A property readable only after load + sync. */
  function guarded(obj, name, compute) {
    let loaded = false;
    let value;
    obj._loads = obj._loads || {};
    obj._loads[name] = () => {
      value = compute();
      loaded = true;
      try {
        return JSON.stringify(value === undefined ? null : value).length;
      } catch {
        return Array.isArray(value) ? value.length * 32 : 0; // proxies (worksheets): names only cross the wire
      }
    };
    Object.defineProperty(obj, name, {
      configurable: true,
      get() {
        if (!loaded) throw new Error(`PropertyNotLoaded: ${name} (load and sync before reading)`);
        return value;
      },
    });
  }
  function loader(obj, ctx) {
    obj.load = (props) => {
      const names = (props || "")
        .split(",")
        .map((p) => p.trim())
        .filter(Boolean);
      const toLoad = names.length ? names : Object.keys(obj._loads);
      obj._resolve = () => toLoad.reduce((n, p) => n + (obj._loads[p.split("/")[0]] ? obj._loads[p.split("/")[0]]() : 0), 0);
      ctx.queue(obj);
      return obj;
    };
  }

  function anyProxy(record) {
    return new Proxy(
      {},
      {
        get: (t, k) => (k in t ? t[k] : (t[k] = anyProxy(record))),
        set: (t, k, v) => {
          record(k, v);
          return true;
        },
      },
    );
  }

  class Range {
    constructor(ctx, sheet, r0, c0, rows, cols, isNull) {
      this.ctx = ctx;
      this.sheet = sheet;
      this.r0 = r0;
      this.c0 = c0;
      this.rows = rows;
      this.cols = cols;
      this.isNullObject = !!isNull;
      loader(this, ctx);
      const addr = () => `${q(sheet.name)}!${letters(c0)}${r0 + 1}${rows > 1 || cols > 1 ? `:${letters(c0 + cols - 1)}${r0 + rows}` : ""}`;
      guarded(this, "address", addr);
      guarded(this, "rowCount", () => rows);
      guarded(this, "columnCount", () => cols);
      guarded(this, "values", () =>
        Array.from({ length: rows }, (_, i) =>
          Array.from({ length: cols }, (_, j) => {
            const v = sheet.cells.get(`${r0 + i},${c0 + j}`);
            return v === undefined ? "" : v;
          }),
        ),
      );
      this.format = anyProxy(() => undefined);
      this.conditionalFormats = { add: () => (state.conditionalFormats++, { custom: { rule: {}, format: anyProxy(() => undefined) } }) };
    }
    set formulas(rows) {
      this.ctx.write(rows);
      rows.forEach((row, i) =>
        row.forEach((v, j) => {
          const key = `${this.r0 + i},${this.c0 + j}`;
          if (typeof v === "string" && v.startsWith("=")) {
            this.sheet.formulas.set(key, v);
            this.sheet.cells.set(key, v);
          } else if (v === "" || v === null) this.sheet.cells.delete(key);
          else this.sheet.cells.set(key, typeof v === "string" && v.startsWith("'") ? v.slice(1) : v);
        }),
      );
    }
    set numberFormat(rows) {
      this.ctx.write(rows);
    }
    set hyperlink(h) {
      this.ctx.write(h);
      this.sheet.hyperlinks.set(`${this.r0},${this.c0}`, h.documentReference);
    }
    select() {
      state.selection = { sheet: this.sheet.name, address: `${letters(this.c0)}${this.r0 + 1}` };
    }
    merge() {
      this.sheet.merged.push(`${letters(this.c0)}${this.r0 + 1}:${letters(this.c0 + this.cols - 1)}${this.r0 + this.rows}`);
    }
    getOffsetRange(dr, dc) {
      return new Range(this.ctx, this.sheet, this.r0 + dr, this.c0 + dc, 1, 1);
    }
    getMergedAreasOrNullObject() {
      const m = { isNullObject: this.sheet.merges.length === 0, areas: {} };
      loader(m, this.ctx);
      guarded(m.areas, "items", () => this.sheet.merges.map((a) => ({ address: `${q(this.sheet.name)}!${a}` })));
      m._loads = { areas: () => m.areas._loads.items() };
      return m;
    }
  }

  class Worksheet {
    constructor(ctx, sheet) {
      this.ctx = ctx;
      this.sheet = sheet;
      this.name = sheet.name;
      this.visibility = sheet.visibility;
      this.charts = {
        add: (type) => {
          const chart = {
            type,
            title: {},
            series: { getItemAt: () => anyProxy(() => undefined), add: () => anyProxy(() => undefined) },
            setPosition() {},
          };
          chart.series.getItemAt = () => ({ setXAxisValues() {}, setValues() {} });
          chart.series.add = () => ({ setXAxisValues() {}, setValues() {} });
          state.charts.push({ sheet: sheet.name, type, chart });
          return chart;
        },
      };
      this.freezePanes = { freezeRows: (n) => (sheet.frozen = n) };
      // ExcelApi 1.9's page layout, recorded as the adapter sets it.
      const print = {};
      this.pageLayout = {
        set orientation(v) {
          print.orientation = v;
          sheet.print = print;
        },
        set paperSize(v) {
          print.paperSize = v;
        },
        set centerHorizontally(v) {
          print.centerHorizontally = v;
        },
        set zoom(v) {
          print.zoom = v;
          if (init.refusePageLayout) ctx.refuse = true; // a host that refuses the fit-to-width, as Office reports it: at sync
        },
        setPrintTitleRows: (rows) => (print.titleRows = rows),
        headersFooters: {
          defaultForAllPages: {
            set centerFooter(v) {
              print.footer = v;
            },
          },
        },
      };
    }
    getUsedRangeOrNullObject() {
      let r0 = Infinity,
        c0 = Infinity,
        r1 = -1,
        c1 = -1;
      for (const key of this.sheet.cells.keys()) {
        const [r, c] = key.split(",").map(Number);
        r0 = Math.min(r0, r);
        c0 = Math.min(c0, c);
        r1 = Math.max(r1, r);
        c1 = Math.max(c1, c);
      }
      if (r1 < 0) return new Range(this.ctx, this.sheet, 0, 0, 0, 0, true);
      return new Range(this.ctx, this.sheet, r0, c0, r1 - r0 + 1, c1 - c0 + 1);
    }
    getRangeByIndexes(r, c, rows, cols) {
      return new Range(this.ctx, this.sheet, r, c, rows, cols);
    }
    getCell(r, c) {
      return new Range(this.ctx, this.sheet, r, c, 1, 1);
    }
    getRange(address) {
      const a = address.includes("!") ? address.slice(address.lastIndexOf("!") + 1) : address;
      if (/^[A-Z]+:[A-Z]+$/.test(a)) {
        const [x, y] = a.split(":").map(colIndex);
        return new Range(this.ctx, this.sheet, 0, x, 1048576, y - x + 1);
      }
      const [from, to] = a.split(":");
      const tl = parseCell(from);
      const br = parseCell(to || from);
      return new Range(this.ctx, this.sheet, tl.row, tl.col, br.row - tl.row + 1, br.col - tl.col + 1);
    }
    activate() {
      state.active = this.sheet.name;
    }
    delete() {
      this.sheet.deleted = true;
    }
  }

  class Worksheets {
    constructor(ctx) {
      this.ctx = ctx;
      loader(this, ctx);
      guarded(this, "items", () => live().map((s) => new Worksheet(ctx, s)));
    }
    getItem(name) {
      const s = live().find((x) => x.name === name);
      if (!s) throw new Error(`ItemNotFound: ${name}`);
      return new Worksheet(this.ctx, s);
    }
    add(name) {
      if (live().some((x) => x.name === name)) throw new Error(`ItemAlreadyExists: ${name}`);
      return new Worksheet(this.ctx, makeSheet(name));
    }
  }

  window.Excel = { run: async (cb) => cb(new Context()) };
  const version = init.apiVersion || "1.7";
  const cmp = (a, b) => {
    const [x1, y1] = a.split(".").map(Number);
    const [x2, y2] = b.split(".").map(Number);
    return x1 - x2 || y1 - y2;
  };
  window.Office = {
    HostType: { Excel: "Excel", Word: "Word" },
    CoercionType: { Html: "html", Text: "text" },
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    onReady: (cb) => Promise.resolve({ host: "Excel", platform: "OfficeOnline" }).then((info) => (cb && cb(info), info)),
    context: {
      platform: init.platform || "OfficeOnline",
      requirements: { isSetSupported: (name, v) => name === "ExcelApi" && cmp(version, v || "1.1") >= 0 },
      document: {
        settings: {
          get: (k) => (k in state.settings ? state.settings[k] : null),
          set: (k, v) => (state.settings[k] = v),
          saveAsync: (cb) => cb && cb({ status: "succeeded" }),
        },
      },
    },
    actions: { associate: (name, fn) => ((state.actions = state.actions || {})[name] = fn) },
    addin: { showAsTaskpane: () => Promise.resolve() },
  };
  window.__sheetText = (name) => {
    const s = live().find((x) => x.name === name);
    return s ? [...s.cells.entries()] : null;
  };
  /** The clerk types into a cell (row and column 0-based), as in Excel: the value replaces whatever was there. */
  window.__typeCell = (name, row, col, value) => {
    const s = live().find((x) => x.name === name);
    const key = `${row},${col}`;
    s.formulas.delete(key);
    if (value === null || value === "") s.cells.delete(key);
    else s.cells.set(key, value);
  };
  /** The cell (0-based) in the row whose column `keyHeader` holds `key`, in the column headed `header`. */
  window.__findCell = (name, keyHeader, key, header) => {
    const s = live().find((x) => x.name === name);
    const at = (r, c) => s.cells.get(`${r},${c}`);
    for (let r = 0; r < 20; r++) {
      let kc = -1;
      let vc = -1;
      for (let c = 0; c < 20; c++) {
        if (at(r, c) === keyHeader) kc = c;
        if (at(r, c) === header) vc = c;
      }
      if (kc < 0 || vc < 0) continue;
      for (let rr = r + 1; rr < r + 500; rr++) if (at(rr, kc) === key) return { row: rr, col: vc, value: at(rr, vc) ?? null };
    }
    return null;
  };
})();
