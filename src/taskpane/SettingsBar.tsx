import { Button, Field, Input, Select } from "@fluentui/react-components";
import { useState } from "react";
import type { Unit } from "../core";
import { PANE, UNITS } from "../core";
import type { StoredSettings } from "../excel/settings-store";
import { FILL, STACK } from "./layout";

type Edit = (s: StoredSettings) => StoredSettings;

/** The threshold, the floor and the display unit; applied as an edit on top of the workbook's settings, then rechecked. */
export function SettingsBar({
  settings,
  disabled,
  onApply,
}: {
  settings: StoredSettings;
  disabled: boolean;
  onApply: (edit: Edit) => void;
}) {
  const [threshold, setThreshold] = useState(String(settings.thresholdPercent));
  const [floor, setFloor] = useState(String(settings.floorWanYuan));
  const [unit, setUnit] = useState<Unit>(settings.displayUnit);
  const t = Number(threshold);
  const f = Number(floor);
  const valid = threshold !== "" && Number.isFinite(t) && t >= 0 && t <= 1000 && floor !== "" && Number.isFinite(f) && f >= 0;
  return (
    <details data-testid="settings">
      <summary>{PANE.settings.title}</summary>
      <form
        style={{ ...STACK, marginTop: 6 }}
        onSubmit={(e) => {
          e.preventDefault();
          if (valid) onApply((s) => ({ ...s, thresholdPercent: t, floorWanYuan: f, displayUnit: unit }));
        }}
      >
        <Field label={PANE.settings.threshold} validationMessage={valid ? undefined : PANE.settings.invalid} style={FILL}>
          <Input type="number" value={threshold} onChange={(_, d) => setThreshold(d.value)} data-testid="threshold" style={FILL} />
        </Field>
        <Field label={PANE.settings.floor} style={FILL}>
          <Input type="number" value={floor} onChange={(_, d) => setFloor(d.value)} style={FILL} />
        </Field>
        <Field label={PANE.settings.unit} style={FILL}>
          <Select value={unit} onChange={(_, d) => setUnit(d.value as Unit)} style={FILL} data-testid="display-unit">
            {UNITS.map((u) => (
              <option key={u}>{u}</option>
            ))}
          </Select>
        </Field>
        <Button type="submit" disabled={disabled || !valid}>
          {PANE.settings.apply}
        </Button>
      </form>
    </details>
  );
}
