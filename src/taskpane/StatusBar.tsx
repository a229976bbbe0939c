import { Badge, Text } from "@fluentui/react-components";
import type { Finding } from "../core";
import { PANE, SEVERITY_SHORT } from "../core";
import { MUTED, ROW } from "./layout";

/** The state of the workbook at the top of every tab: when it was last checked and what was found, by severity. */
export function StatusBar({ at, findings, awaiting }: { at: Date | null; findings: Finding[] | null; awaiting: boolean }) {
  const n = (s: Finding["severity"]) => findings?.filter((f) => f.severity === s).length ?? 0;
  const time = at ? `${String(at.getHours()).padStart(2, "0")}:${String(at.getMinutes()).padStart(2, "0")}` : "";
  return (
    <div role="status" data-testid="status" style={ROW}>
      <Text size={200} style={MUTED}>
        {at ? PANE.status.checked(time) : PANE.status.never}
      </Text>
      {findings && (
        <>
          <Badge appearance="filled" color={n("error") > 0 ? "danger" : "subtle"} size="small">
            {SEVERITY_SHORT.error} {n("error")}
          </Badge>
          <Badge appearance="filled" color={n("warning") > 0 ? "warning" : "subtle"} size="small">
            {SEVERITY_SHORT.warning} {n("warning")}
          </Badge>
          <Badge appearance="tint" color="informative" size="small">
            {SEVERITY_SHORT.info} {n("info")}
          </Badge>
        </>
      )}
      {awaiting && (
        <Badge appearance="tint" color="warning" size="small">
          {PANE.status.awaiting}
        </Badge>
      )}
    </div>
  );
}
