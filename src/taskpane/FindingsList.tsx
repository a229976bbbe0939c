import { Badge, Link, Text } from "@fluentui/react-components";
import type { Finding, Severity } from "../core";
import { findingMessage, RULE_TITLES } from "../core";

const GROUPS: { severity: Severity; title: string; color: "danger" | "warning" | "informative" }[] = [
  { severity: "error", title: "错误（需更正）", color: "danger" },
  { severity: "warning", title: "提示（需说明或核实）", color: "warning" },
  { severity: "info", title: "参考", color: "informative" },
];

/** Findings grouped by severity; each address is a link that selects its cell in Excel. */
export function FindingsList({ findings, onSelect }: { findings: Finding[]; onSelect: (sheet: string, cell: string) => void }) {
  if (findings.length === 0) {
    return (
      <Text block data-testid="no-findings">
        未发现问题。
      </Text>
    );
  }
  return (
    <section aria-labelledby="findings-title" data-testid="findings">
      <Text as="h2" id="findings-title" size={400} weight="semibold" block>
        发现 {findings.length} 项
      </Text>
      {GROUPS.map(({ severity, title, color }) => {
        const list = findings.filter((f) => f.severity === severity);
        if (list.length === 0) return null;
        return (
          <div key={severity} style={{ marginTop: 8 }}>
            <Badge appearance="tint" color={color}>
              {title} {list.length}
            </Badge>
            <ol style={{ paddingLeft: 20, margin: "4px 0" }}>
              {list.map((f, i) => (
                <li key={`${f.sheet}!${f.cell}-${f.rule}-${i}`} style={{ marginBottom: 6 }}>
                  <Link as="button" data-testid="finding-link" data-cell={`${f.sheet}!${f.cell}`} onClick={() => onSelect(f.sheet, f.cell)}>
                    {f.sheet}!{f.cell}
                  </Link>{" "}
                  <Text size={200} weight="semibold">
                    {RULE_TITLES[f.rule]}
                  </Text>
                  <Text size={200} block>
                    {findingMessage(f)}
                  </Text>
                </li>
              ))}
            </ol>
          </div>
        );
      })}
    </section>
  );
}
