import { Badge, Button, Field, Input, Select, Text } from "@fluentui/react-components";
import { useState } from "react";
import { percentString, scaledText } from "../core";
import type { ScoringResult } from "../core";
import type { StoredSettings } from "../excel/settings-store";
import { FrameworkEditor } from "./FrameworkEditor";

/** 绩效评分: automatic scores with their rates, inputs for the clerk's scores and rates; saved with the workbook. */
export function ScoringPanel({
  result,
  settings,
  onSave,
}: {
  result: ScoringResult;
  settings: StoredSettings;
  onSave: (s: StoredSettings) => void;
}) {
  const [manual, setManual] = useState<Record<string, string>>(() =>
    Object.fromEntries(Object.entries(settings.scoring.manual).map(([k, v]) => [k, String(v)])),
  );
  const [entered, setEntered] = useState<Record<string, string>>(() =>
    Object.fromEntries(Object.entries(settings.scoring.entered).map(([k, v]) => [k, String(v)])),
  );
  const [framework, setFramework] = useState(settings.scoring.framework);
  const invalid = result.items.some((i) => {
    const m = manual[i.indicator.id];
    return m !== undefined && m !== "" && (!Number.isFinite(Number(m)) || Number(m) < 0 || Number(m) > i.indicator.weight);
  });
  const save = () => {
    const num = (o: Record<string, string>) =>
      Object.fromEntries(
        Object.entries(o)
          .filter(([, v]) => v !== "" && Number.isFinite(Number(v)))
          .map(([k, v]) => [k, Number(v)]),
      );
    onSave({ ...settings, scoring: { ...settings.scoring, framework, manual: num(manual), entered: num(entered) } });
  };
  return (
    <section aria-labelledby="scoring-title" data-testid="scoring">
      <Text as="h2" id="scoring-title" size={400} weight="semibold" block>
        绩效评分
      </Text>
      <Field label="指标体系">
        <Select value={framework} onChange={(_, d) => setFramework(d.value as typeof framework)}>
          <option value="dept-overall">部门整体支出绩效评价（投入、过程、产出、效果）</option>
          <option value="self-evaluation">部门整体支出绩效自评表（执行率、产出、效益、满意度）</option>
        </Select>
      </Field>
      <Text block data-testid="scoring-total">
        {result.pending === 0
          ? `总分 ${scaledText(result.total, 2)} 分，等级“${result.grade}”`
          : `已得 ${scaledText(result.baseTotal, 2)} 分，尚有 ${result.pending} 项待评分`}
      </Text>
      <ol style={{ paddingLeft: 20 }}>
        {result.items.map((i) => (
          <li key={i.indicator.id} style={{ marginBottom: 6 }}>
            <Text size={200} weight="semibold">
              {i.indicator.name}（{i.indicator.weight} 分）
            </Text>{" "}
            {i.status === "auto" && (
              <Badge appearance="tint" color="success">
                {percentString(i.rate)}% → {i.score === null ? "" : scaledText(i.score, 2)} 分
              </Badge>
            )}
            {i.status !== "auto" && i.indicator.measure !== "entered" && (
              <Field
                size="small"
                label={`得分（0–${i.indicator.weight}）`}
                validationMessage={manual[i.indicator.id] && Number(manual[i.indicator.id]) > i.indicator.weight ? "超过分值" : undefined}
              >
                <Input
                  type="number"
                  size="small"
                  value={manual[i.indicator.id] ?? ""}
                  data-testid={`manual-${i.indicator.id}`}
                  onChange={(_, d) => setManual({ ...manual, [i.indicator.id]: d.value })}
                />
              </Field>
            )}
            {i.indicator.measure === "entered" && (
              <Field
                size="small"
                label={/%/.test(i.indicator.formula ?? "") ? (i.indicator.formula as string) : `${i.indicator.formula ?? "完成值"}（%）`}
                hint={i.status === "auto" ? undefined : (i.note ?? undefined)}
              >
                <Input
                  type="number"
                  size="small"
                  value={entered[i.indicator.id] ?? ""}
                  data-testid={`entered-${i.indicator.id}`}
                  onChange={(_, d) => setEntered({ ...entered, [i.indicator.id]: d.value })}
                />
              </Field>
            )}
          </li>
        ))}
      </ol>
      <Button data-testid="save-scores" disabled={invalid} onClick={save}>
        保存评分并重新检查
      </Button>
      <FrameworkEditor key={result.framework.id} framework={result.framework} settings={settings} onSave={onSave} />
    </section>
  );
}
