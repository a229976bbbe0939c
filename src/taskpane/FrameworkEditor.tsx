import { Button, Field, Input, Text } from "@fluentui/react-components";
import { useState } from "react";
import type { Framework, Rule } from "../core";
import { PANE } from "../core";
import type { StoredSettings } from "../excel/settings-store";
import { FILL, STACK, WRAP } from "./layout";

type Params = Record<string, string>;
type Edit = (s: StoredSettings) => StoredSettings;
const T = PANE.scoring;

/** The numeric parameters of a rule a clerk may tune (bands and manual rules keep their shape). */
function paramsOf(rule: Rule): Params {
  if (rule.type === "ceiling") return { target: String(rule.target), perPoint: String(rule.perPoint) };
  if (rule.type === "floorSteps") return { target: String(rule.target), step: String(rule.step), perStep: String(rule.perStep) };
  if (rule.type === "proportional") return { cap: String(rule.cap) };
  return {};
}

function ruleWith(rule: Rule, p: Params): Rule {
  const n = (k: string) => Number(p[k]);
  if (rule.type === "ceiling") return { ...rule, target: n("target"), perPoint: n("perPoint") };
  if (rule.type === "floorSteps") return { ...rule, target: n("target"), step: n("step"), perStep: n("perStep") };
  if (rule.type === "proportional") return { ...rule, cap: n("cap") };
  return rule;
}

const GRID = { display: "grid", gridTemplateColumns: "repeat(auto-fill, minmax(92px, 1fr))", gap: 6, minWidth: 0 } as const;

/** 调整分值与参数: weights of every indicator (their sum must stay the full score) and rule parameters; saved in the workbook. */
export function FrameworkEditor({ framework, busy, onEdit }: { framework: Framework; busy: boolean; onEdit: (edit: Edit) => void }) {
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
    onEdit((s) => ({
      ...s,
      scoring: { ...s.scoring, weights: { ...s.scoring.weights, ...changedWeights }, rules: { ...s.scoring.rules, ...changedRules } },
    }));
  };
  return (
    <details data-testid="framework-editor" style={WRAP}>
      <summary>{T.editor}</summary>
      <div style={{ ...STACK, marginTop: 6 }}>
        <Text size={200} block data-testid="weight-sum" style={{ color: validSum ? undefined : "#a4262c" }}>
          {T.weightSum(Number.isFinite(sum) ? String(Number(sum.toPrecision(12))) : "—", String(framework.fullScore))}
        </Text>
        {framework.indicators.map((i) => (
          <div key={i.id} style={{ ...STACK, gap: 2 }}>
            <Text size={200} weight="semibold" style={WRAP}>
              {i.name}
            </Text>
            <div style={GRID}>
              <Field size="small" label={T.weight} style={FILL}>
                <Input
                  size="small"
                  type="number"
                  style={FILL}
                  value={weights[i.id]}
                  data-testid={`weight-${i.id}`}
                  onChange={(_, d) => setWeights({ ...weights, [i.id]: d.value })}
                />
              </Field>
              {Object.entries(params[i.id]).map(([k, v]) => (
                <Field size="small" key={k} label={T.params[k]} style={FILL}>
                  <Input
                    size="small"
                    type="number"
                    style={FILL}
                    value={v}
                    onChange={(_, d) => setParams({ ...params, [i.id]: { ...params[i.id], [k]: d.value } })}
                  />
                </Field>
              ))}
            </div>
          </div>
        ))}
        <Button disabled={!validSum || badParam || busy} data-testid="save-framework" onClick={save}>
          {T.saveFramework}
        </Button>
      </div>
    </details>
  );
}
