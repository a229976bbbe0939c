import { Button, Field, Text, Textarea } from "@fluentui/react-components";
import { useRef, useState } from "react";
import type { CheckResult } from "../core";
import { auditText } from "../core";
import type { AuditResult } from "../core";
import { errorText } from "./error-text";
import { AuditResultView } from "./AuditResultView";

/** 「核对报告」: a report pasted or picked (.docx/.txt) is checked against itself and this workbook. */
export function AuditPanel({ analysis }: { analysis: CheckResult }) {
  const [text, setText] = useState("");
  const [result, setResult] = useState<AuditResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const file = useRef<HTMLInputElement>(null);
  const run = (t: string) => {
    setError(null);
    setResult(auditText(t, analysis));
  };
  const pick = async (f: File | undefined) => {
    if (!f) return;
    try {
      const { reportText } = await import(/* webpackChunkName: "read-report" */ "../word/read-report-text");
      const t = await reportText(new Uint8Array(await f.arrayBuffer()), f.name);
      setText(t);
      run(t);
    } catch (e) {
      setError(errorText(e));
    }
  };
  return (
    <section aria-labelledby="audit-title" data-testid="audit">
      <Text as="h2" id="audit-title" size={400} weight="semibold" block>
        核对报告
      </Text>
      <Field label="粘贴报告文字，或选择 Word / 文本文件">
        <Textarea value={text} onChange={(_, d) => setText(d.value)} rows={5} data-testid="audit-text" />
      </Field>
      <div style={{ display: "flex", gap: 8, marginTop: 6 }}>
        <Button appearance="primary" disabled={!text.trim()} onClick={() => run(text)} data-testid="audit-run">
          核对
        </Button>
        <Button onClick={() => file.current?.click()}>选择文件…</Button>
        <input
          ref={file}
          hidden
          type="file"
          accept=".docx,.txt"
          data-testid="audit-file"
          aria-label="报告文件"
          onChange={(e) => void pick(e.target.files?.[0])}
        />
      </div>
      {error && (
        <Text block style={{ color: "#a4262c" }} data-testid="audit-error">
          {error}
        </Text>
      )}
      {result && <AuditResultView result={result} testId="audit-result" />}
    </section>
  );
}
