import { Badge, Text } from "@fluentui/react-components";
import type { AuditResult, Finding } from "../core";
import { findingAdvice, findingMessage, PANE, RULE_TITLES } from "../core";
import { MUTED, STACK, WRAP } from "./layout";

/** A finding's sentence without the quotation the paragraph heading already shows. */
function withoutQuote(f: Finding): string {
  const message = findingMessage(f);
  const prefix = `「${String(f.data.quote ?? "")}」：`;
  return f.data.quote && message.startsWith(prefix) ? message.slice(prefix.length) : message;
}

/**
 * What an audit read and found, grouped by paragraph: the sentence quoted once, then each finding in a line with what to
 * do. One view for Excel's and Word's panes.
 */
export function AuditResultView({ result, testId }: { result: AuditResult; testId: string }) {
  const groups = new Map<string, Finding[]>();
  for (const f of result.findings) {
    const key = `${f.cell}|${String(f.data.quote ?? "")}`;
    groups.set(key, [...(groups.get(key) ?? []), f]);
  }
  return (
    <div data-testid={testId} style={{ ...STACK, marginTop: 8 }}>
      <Text block size={200} style={WRAP}>
        {PANE.audit.counts(result.sentences, result.numbers, result.checked, result.skipped)}
        {PANE.audit.verdict(result.findings.length, result.checked)}
      </Text>
      {[...groups.values()].map((list, i) => (
        <div key={i} data-testid="audit-paragraph" style={{ ...STACK, gap: 4, paddingLeft: 8, borderLeft: "3px solid #edebe9" }}>
          <Text size={200} weight="semibold" block style={WRAP}>
            {PANE.audit.paragraph(list[0].cell.slice(1))}
            {list[0].data.quote ? `：「${String(list[0].data.quote)}」` : ""}
          </Text>
          {list.map((f, k) => (
            <div key={k} style={WRAP}>
              <Badge appearance="tint" color={f.severity === "error" ? "danger" : "warning"}>
                {PANE.audit.paragraph(f.cell.slice(1))} {RULE_TITLES[f.rule]}
              </Badge>
              <Text size={200} block>
                {withoutQuote(f)}
              </Text>
              <Text size={100} block style={MUTED}>
                {PANE.findings.todo}
                {findingAdvice(f).todo}
              </Text>
            </div>
          ))}
        </div>
      ))}
    </div>
  );
}
