import { Badge, Text } from "@fluentui/react-components";
import type { AuditResult } from "../core";
import { findingMessage, RULE_TITLES } from "../core";

/** What an audit read and found, each finding with its paragraph: one view for Excel's and Word's panes. */
export function AuditResultView({ result, testId }: { result: AuditResult; testId: string }) {
  return (
    <div data-testid={testId} style={{ marginTop: 8 }}>
      <Text block size={200}>
        读到 {result.sentences} 句、{result.numbers} 个数字；核对 {result.checked} 处，{result.skipped} 处无法判读已跳过；
        {result.findings.length === 0 ? "未发现问题。" : `发现 ${result.findings.length} 项：`}
      </Text>
      <ol style={{ paddingLeft: 20 }}>
        {result.findings.map((f, i) => (
          <li key={i} style={{ marginBottom: 6 }}>
            <Badge appearance="tint" color={f.severity === "error" ? "danger" : "warning"}>
              第{f.cell.slice(1)}段 {RULE_TITLES[f.rule]}
            </Badge>
            <Text size={200} block>
              {findingMessage(f)}
            </Text>
          </li>
        ))}
      </ol>
    </div>
  );
}
