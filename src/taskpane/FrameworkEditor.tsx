import { Button, Field, Input, Text } from "@fluentui/react-components";
import { useState } from "react";
import type { Framework, Rule } from "../core";
import type { StoredSettings } from "../excel/settings-store";

type Params = Record<string, string>;

/** The numeric parameters of a rule a clerk may tune (bands and manual rules keep their shape). */
function paramsOf(rule: Rule): Params {
  if (rule.type === "ceiling") return { target: String(rule.target), perPoint: String(rule.perPoint) };
  if (rule.type === "floorSteps") return { target: String(rule.target), step: String(rule.step), perStep: String(rule.perStep) };
  if (rule.type === "proportional") return { cap: String(rule.cap) };
  return {};
}
const LABELS: Record<string, string> = {
  target: "标准（%）",
  perPoint: "每百分点扣分",
  step: "每档（%）",
  perStep: "每档扣分",
  cap: "封顶（%）",
};

function ruleWith(rule: Rule, p: Params): Rule {
  const n = (k: string) => Number(p[k]);
  if (rule.type === "ceiling") return { ...rule, target: n("target"), perPoint: n("perPoint") };
  if (rule.type === "floorSteps") return { ...rule, target: n("target"), step: n("step"), perStep: n("perStep") };
  if (rule.type === "proportional") return { ...rule, cap: n("cap") };
  return rule;
}

/** 调整分值与参数: weights of every indicator (their sum must stay the full score) and rule parameters; saved in the workbook. */
export function FrameworkEditor({
  framework,
  settings,
  onSave,
}: {
  framework: Framework;
  settings: StoredSettings;
  onSave: (s: StoredSettings) => void;
}) {
  const [weights, setWeights] = useState<Record<string, string>>(() =>
    Object.fromEntries(framework.indicators.map((i) => [i.id, String(i.weight)])),
  );
  const [params, setParams] = useState<Record<string, Params>>(() =>
    Object.fromEntries(framework.indicators.map((i) => [i.id, paramsOf(i.rule)])),
  );
  const numbers = Object.values(weights).map(Number);
  const sum = numbers.reduce((s, x) => s + (Number.isFinite(x) ? x : NaN), 0);
  const badParam = Object.values(params).some((p) =>
    Object.values(p).some((v) => v === "" || !Number.isFinite(Number(v)) || Number(v) < 0),
  );
  const validSum = Math.abs(sum - framework.fullScore) < 1e-9 && numbers.every((x) => x > 0);
  const save = () => {
    const changedWeights = Object.fromEntries(
      framework.indicators.filter((i) => Number(weights[i.id]) !== i.weight).map((i) => [i.id, Number(weights[i.id])]),
    );
    const changedRules = Object.fromEntries(
      framework.indicators
        .filter((i) => JSON.stringify(paramsOf(i.rule)) !== JSON.stringify(params[i.id]))
        .map((i) => [i.id, ruleWith(i.rule, params[i.id])]),
    );
    onSave({
      ...settings,
      scoring: {
        ...settings.scoring,
        weights: { ...settings.scoring.weights, ...changedWeights },
        rules: { ...settings.scoring.rules, ...changedRules },
      },
    });
  };
  return (
    <details data-testid="framework-editor">
      <summary>调整分值与参数</summary>
      <Text size={200} block data-testid="weight-sum" style={{ color: validSum ? undefined : "#a4262c" }}>
        分值合计 {Number.isFinite(sum) ? sum : "—"}，应为 {framework.fullScore}
      </Text>
      {framework.indicators.map((i) => (
        <div key={i.id} style={{ display: "flex", flexWrap: "wrap", gap: 6, alignItems: "end", marginTop: 4 }}>
          <Field size="small" label={i.name} style={{ width: 120 }}>
            <Input
              size="small"
              type="number"
              value={weights[i.id]}
              data-testid={`weight-${i.id}`}
              onChange={(_, d) => setWeights({ ...weights, [i.id]: d.value })}
            />
          </Field>
          {Object.entries(params[i.id]).map(([k, v]) => (
            <Field size="small" key={k} label={LABELS[k]} style={{ width: 90 }}>
              <Input
                size="small"
                type="number"
                value={v}
                onChange={(_, d) => setParams({ ...params, [i.id]: { ...params[i.id], [k]: d.value } })}
              />
            </Field>
          ))}
        </div>
      ))}
      <Button style={{ marginTop: 8 }} disabled={!validSum || badParam} data-testid="save-framework" onClick={save}>
        保存分值与参数并重新检查
      </Button>
    </details>
  );
}
