import { Button, Field, Input } from "@fluentui/react-components";
import { useState } from "react";
import type { StoredSettings } from "../excel/settings-store";

/** The threshold and floor for flagging a variance; saved in the workbook when applied. */
export function SettingsBar({
  settings,
  disabled,
  onApply,
}: {
  settings: StoredSettings;
  disabled: boolean;
  onApply: (s: StoredSettings) => void;
}) {
  const [threshold, setThreshold] = useState(String(settings.thresholdPercent));
  const [floor, setFloor] = useState(String(settings.floorWanYuan));
  const t = Number(threshold);
  const f = Number(floor);
  const valid = threshold !== "" && Number.isFinite(t) && t >= 0 && t <= 1000 && floor !== "" && Number.isFinite(f) && f >= 0;
  return (
    <details>
      <summary>设置</summary>
      <form
        style={{ display: "flex", flexDirection: "column", gap: 6, marginTop: 6 }}
        onSubmit={(e) => {
          e.preventDefault();
          if (valid) onApply({ ...settings, thresholdPercent: t, floorWanYuan: f });
        }}
      >
        <Field label="差异率提示线（%）" validationMessage={valid ? undefined : "请输入 0 到 1000 之间的数"}>
          <Input type="number" value={threshold} onChange={(_, d) => setThreshold(d.value)} data-testid="threshold" />
        </Field>
        <Field label="差异额下限（万元）">
          <Input type="number" value={floor} onChange={(_, d) => setFloor(d.value)} />
        </Field>
        <Button type="submit" disabled={disabled || !valid}>
          保存并重新检查
        </Button>
      </form>
    </details>
  );
}
