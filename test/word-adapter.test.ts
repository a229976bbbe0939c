import { OfficeMockObject } from "office-addin-mock";
import { detectWordCapabilities, insertHtml, insertReport } from "../src/word/insert-report";
import type { WordCapabilities, WordHost } from "../src/word/insert-report";

/** The Word adapter against office-addin-mock: which API each host gets, and what the document receives. */
function wordMock() {
  const calls: string[] = [];
  const mock = new OfficeMockObject({
    document: {
      insertFileFromBase64: (b64: string, where: string, options: { importStyles?: boolean }) =>
        calls.push(`document.insertFileFromBase64 ${where} ${b64} styles=${options?.importStyles}`),
      body: {
        insertFileFromBase64: (b64: string, where: string) => calls.push(`body.insertFileFromBase64 ${where} ${b64}`),
        insertHtml: (html: string, where: string) => calls.push(`body.insertHtml ${where} ${html}`),
      },
      selection: {
        insertFileFromBase64: (b64: string, where: string) => calls.push(`selection.insertFileFromBase64 ${where} ${b64}`),
        insertHtml: (html: string, where: string) => calls.push(`selection.insertHtml ${where} ${html}`),
      },
      getSelection: () => mock.document.selection,
    },
    application: {
      created: { open: () => calls.push("created.open") },
      createDocument: (b64: string) => (calls.push(`application.createDocument ${b64}`), mock.application.created),
    },
  }) as unknown as OfficeMockObject & { document: { selection: unknown }; application: { created: unknown }; sync: () => Promise<void> };
  const sync = jest.spyOn(mock, "sync");
  const host: WordHost = {
    run: (batch) => batch(mock as unknown as Word.RequestContext),
    setSelectedHtml: async (html) => void calls.push(`setSelectedDataAsync ${html}`),
  };
  return { host, calls, sync };
}

const caps = (api11: boolean, api13: boolean, api15: boolean): WordCapabilities => ({ api11, api13, api15 });

describe("insertReport: the richest path the host supports", () => {
  test("WordApi 1.5, replace: the whole .docx with its styles and page setup", async () => {
    const { host, calls, sync } = wordMock();
    expect(await insertReport(host, caps(true, true, true), "DOCX64", "<p>h</p>", "replace")).toBe("document-file");
    expect(calls).toEqual(["document.insertFileFromBase64 Replace DOCX64 styles=true"]);
    expect(sync).toHaveBeenCalledTimes(1);
  });

  test("WordApi 1.1, at the cursor: the whole .docx into the selection", async () => {
    const { host, calls } = wordMock();
    expect(await insertReport(host, caps(true, true, true), "DOCX64", "<p>h</p>", "cursor")).toBe("range-file");
    expect(calls).toEqual(["selection.insertFileFromBase64 Replace DOCX64"]);
  });

  test("a host with WordApi 1.1 only, replace: the body", async () => {
    const { host, calls } = wordMock();
    expect(await insertReport(host, caps(true, false, false), "DOCX64", "<p>h</p>", "replace")).toBe("range-file");
    expect(calls).toEqual(["body.insertFileFromBase64 Replace DOCX64"]);
  });

  test("a host without WordApi: the Common API with HTML", async () => {
    const { host, calls, sync } = wordMock();
    expect(await insertReport(host, caps(false, false, false), "DOCX64", "<p>h</p>", "cursor")).toBe("common-html");
    expect(calls).toEqual(["setSelectedDataAsync <p>h</p>"]);
    expect(sync).not.toHaveBeenCalled();
  });

  test("a new document where WordApi 1.3 allows it; refused with a clear message where it does not", async () => {
    const { host, calls } = wordMock();
    expect(await insertReport(host, caps(true, true, false), "DOCX64", "", "new")).toBe("new-document");
    expect(calls).toEqual(["application.createDocument DOCX64", "created.open"]);
    await expect(insertReport(wordMock().host, caps(true, false, false), "DOCX64", "", "new")).rejects.toThrow(/不能从加载项新建文档/);
  });

  test("the HTML path, used when a whole-file insert fails", async () => {
    const { host, calls } = wordMock();
    expect(await insertHtml(host, "<p>h</p>", "replace")).toBe("html");
    expect(calls).toEqual(["body.insertHtml Replace <p>h</p>"]);
  });

  test("capabilities are detected per requirement set; an old host is treated conservatively", () => {
    const office = (v: string[]) => ({
      context: { requirements: { isSetSupported: (n: string, x?: string) => n === "WordApi" && v.includes(x ?? "") } },
    });
    expect(detectWordCapabilities(office(["1.1", "1.3", "1.5"]))).toEqual({ api11: true, api13: true, api15: true });
    expect(detectWordCapabilities(office(["1.1"]))).toEqual({ api11: true, api13: false, api15: false });
    expect(
      detectWordCapabilities({
        context: {
          requirements: {
            isSetSupported: () => {
              throw new Error("old");
            },
          },
        },
      }),
    ).toEqual({ api11: false, api13: false, api15: false });
  });
});
