/* A simulated Word host for browser tests (test code only). Records what the document receives.
   Configure with window.__FAKE_WORD__ = { wordApi: ["1.1", "1.3", "1.5"], bodyText: "…\r…" }. */
(function () {
  const init = window.__FAKE_WORD__ || {};
  const versions = init.wordApi || ["1.1", "1.2", "1.3", "1.4", "1.5"];
  const state = { syncs: 0, inserted: [], opened: [] };
  window.__fakeWord = state;
  const target = (name) => ({
    insertFileFromBase64: (b64, where) => state.inserted.push({ api: `${name}.insertFileFromBase64`, where, b64 }),
    insertHtml: (html, where) => state.inserted.push({ api: `${name}.insertHtml`, where, html }),
  });
  class Context {
    constructor() {
      this.document = {
        insertFileFromBase64: (b64, where, options) => state.inserted.push({ api: "document.insertFileFromBase64", where, b64, options }),
        body: Object.assign(target("body"), {
          load() {},
          get text() {
            return init.bodyText || "";
          },
        }),
        getSelection: () => target("selection"),
      };
      this.application = { createDocument: (b64) => ({ open: () => state.opened.push(b64) }) };
    }
    async sync() {
      state.syncs++;
    }
  }
  window.Word = { run: async (cb) => cb(new Context()) };
  window.Office = {
    HostType: { Excel: "Excel", Word: "Word" },
    CoercionType: { Html: "html", Text: "text" },
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    onReady: (cb) => Promise.resolve({ host: "Word", platform: "OfficeOnline" }).then((info) => (cb && cb(info), info)),
    context: {
      platform: "OfficeOnline",
      requirements: { isSetSupported: (name, v) => name === "WordApi" && versions.includes(v || "1.1") },
      document: {
        settings: { get: () => null, set() {}, saveAsync: (cb) => cb && cb({ status: "succeeded" }) },
        setSelectedDataAsync: (html, _options, cb) => {
          state.inserted.push({ api: "setSelectedDataAsync", html });
          cb({ status: "succeeded" });
        },
      },
    },
    actions: { associate() {} },
  };
})();
