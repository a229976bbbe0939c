import { Button, Field, Text, Textarea } from "@fluentui/react-components";
import { useRef, useState } from "react";
import type { AuditResult, CheckResult } from "../core";
import { auditText, PANE } from "../core";
import { AuditResultView } from "./AuditResultView";
import { errorText } from "./error-text";
import { FILL, MUTED, ROW, STACK, WRAP } from "./layout";

/** 「核对报告」: a report pasted or picked (.docx/.txt) is checked against itself and, after a check, this workbook. */
export function AuditPanel({ analysis }: { analysis: CheckResult | null }) {
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
    <section aria-labelledby="audit-title" data-testid="audit" style={STACK}>
      <Text as="h2" id="audit-title" size={400} weight="semibold" block>
        {PANE.audit.title}
      </Text>
      <Text size={200} block style={{ ...MUTED, ...WRAP }}>
        {PANE.audit.intro}
      </Text>
      <Field label={PANE.audit.field} style={FILL}>
        <Textarea value={text} onChange={(_, d) => setText(d.value)} rows={5} data-testid="audit-text" style={FILL} />
      </Field>
      <div style={ROW}>
        <Button appearance="primary" disabled={!text.trim()} onClick={() => run(text)} data-testid="audit-run">
          {PANE.audit.run}
        </Button>
        <Button onClick={() => file.current?.click()}>{PANE.audit.pick}</Button>
        <input
          ref={file}
          hidden
          type="file"
          accept=".docx,.txt"
          data-testid="audit-file"
          aria-label={PANE.audit.fileLabel}
          onChange={(e) => void pick(e.target.files?.[0])}
        />
      </div>
      {error && (
        <Text block style={{ color: "#a4262c", ...WRAP }} data-testid="audit-error">
          {error}
        </Text>
      )}
      {result && <AuditResultView result={result} testId="audit-result" />}
    </section>
  );
}
