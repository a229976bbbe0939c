import { Badge, Button, Field, Input, Link, Select, Text } from "@fluentui/react-components";
import { useState } from "react";
import type { ScoredItem, ScoringResult } from "../core";
import { amountText, hundredthsText, PANE, percentString, scaledText } from "../core";
import type { StoredSettings } from "../excel/settings-store";
import { FrameworkEditor } from "./FrameworkEditor";
import { FILL, MUTED, ROW, STACK, WRAP } from "./layout";

type Edit = (s: StoredSettings) => StoredSettings;
const T = PANE.scoring;

/** What the clerk answers for an indicator: a score for a qualitative one, the rate where the workbook cannot give it. */
function askFor(i: ScoredItem, settings: StoredSettings): "score" | "rate" | null {
  const m = i.indicator.measure;
  if (!m || i.indicator.rule.type === "manual") return "score";
  if (m === "entered" || i.status === "missing" || settings.scoring.entered[i.indicator.id] !== undefined) return "rate";
  return null;
}

function badgeOf(i: ScoredItem): { color: "success" | "warning" | "danger" | "informative"; text: string } {
  if (i.score === null) return { color: "informative", text: i.status === "missing" ? T.missing : T.pending };
  const ratio = i.weight > 0 ? i.score / i.weight : 0;
  return {
    color: ratio >= 0.8 ? "success" : ratio >= 0.6 ? "warning" : "danger",
    text: T.badge(scaledText(i.score, 2), hundredthsText(i.weight)),
  };
}

/**
 * 绩效评分 as a reviewer reads a 评分表: grouped by 一级/二级 指标, each with its 评分标准, the figures it is computed from
 * (links to their cells), a badge coloured by the score, and a field only where the clerk has something to give.
 */
export function ScoringPanel({
  result,
  settings,
  busy,
  onEdit,
  onSelect,
}: {
  result: ScoringResult;
  settings: StoredSettings;
  busy: boolean;
  onEdit: (edit: Edit) => void;
  onSelect: (sheet: string, cell: string) => void;
}) {
  const [manual, setManual] = useState<Record<string, string>>({});
  const [entered, setEntered] = useState<Record<string, string>>({});
  const shown = (o: Record<string, string>, stored: Record<string, number>, id: string) =>
    o[id] ?? (stored[id] === undefined ? "" : String(stored[id]));
  const bad = (v: string | undefined, max: number) =>
    v !== undefined && v !== "" && (!Number.isFinite(Number(v)) || Number(v) < 0 || Number(v) > max);
  const invalid =
    result.items.some((i) => bad(manual[i.indicator.id], i.indicator.weight)) ||
    result.items.some((i) => bad(entered[i.indicator.id], 10000));
  const dirty = Object.keys(manual).length + Object.keys(entered).length > 0;
  const save = () => {
    // Only what the clerk changed here: the rest comes from the workbook (scores typed into 「绩效评分表」 included).
    const apply = (into: Record<string, number>, changes: Record<string, string>) => {
      const next = { ...into };
      for (const [id, v] of Object.entries(changes)) {
        if (v.trim() === "") delete next[id];
        else next[id] = Number(v);
      }
      return next;
    };
    const m = manual;
    const e = entered;
    onEdit((s) => ({ ...s, scoring: { ...s.scoring, manual: apply(s.scoring.manual, m), entered: apply(s.scoring.entered, e) } }));
    setManual({});
    setEntered({});
  };
  const level1s = [...new Set(result.items.map((i) => i.indicator.level1))];
  return (
    <section aria-labelledby="scoring-title" data-testid="scoring" style={STACK}>
      <Text as="h2" id="scoring-title" size={400} weight="semibold" block>
        {T.title}
      </Text>
      <Field label={T.framework} style={FILL}>
        <Select
          value={settings.scoring.framework}
          disabled={busy}
          data-testid="framework"
          style={FILL}
          onChange={(_, d) =>
            onEdit((s) => ({ ...s, scoring: { ...s.scoring, framework: d.value as StoredSettings["scoring"]["framework"] } }))
          }
        >
          {Object.entries(T.frameworks).map(([id, name]) => (
            <option key={id} value={id}>
              {name}
            </option>
          ))}
        </Select>
      </Field>
      <Text block weight="semibold" data-testid="scoring-total">
        {result.pending === 0
          ? T.total(scaledText(result.total, 2), result.grade)
          : T.partial(scaledText(result.baseTotal, 2), result.pending)}
      </Text>
      <Text size={200} block style={{ ...MUTED, ...WRAP }}>
        {T.saveHint}
      </Text>
      {level1s.map((level1) => {
        const items = result.items.filter((i) => i.indicator.level1 === level1);
        const group = result.groups.find((g) => g.level1 === level1);
        const level2s = [...new Set(items.map((i) => i.indicator.level2))];
        return (
          <section key={level1} data-testid={`group-${level1}`} style={{ ...STACK, gap: 4 }}>
            <Text as="h3" size={300} weight="semibold" block style={{ borderBottom: "1px solid #e1dfdd", paddingBottom: 2 }}>
              {T.group(level1, hundredthsText(group?.weight ?? 0), group?.score === null || !group ? null : scaledText(group.score, 2))}
            </Text>
            {level2s.map((level2) => (
              <div key={level2} style={{ ...STACK, gap: 4 }}>
                <Text as="h4" size={200} weight="semibold" style={MUTED}>
                  {level2}
                </Text>
                {items
                  .filter((i) => i.indicator.level2 === level2)
                  .map((i) => {
                    const id = i.indicator.id;
                    const badge = badgeOf(i);
                    const ask = askFor(i, settings);
                    const value =
                      ask === "score" ? shown(manual, settings.scoring.manual, id) : shown(entered, settings.scoring.entered, id);
                    return (
                      <div
                        key={id}
                        data-testid={`indicator-${id}`}
                        style={{ ...STACK, gap: 2, paddingLeft: 8, borderLeft: "3px solid #edebe9" }}
                      >
                        <div style={ROW}>
                          <Text size={200} weight="semibold" style={WRAP}>
                            {i.indicator.name}
                          </Text>
                          <Badge appearance="tint" color={badge.color} data-testid={`badge-${id}`} data-color={badge.color}>
                            {badge.text}
                          </Badge>
                        </div>
                        <Text size={100} block style={{ ...MUTED, ...WRAP }}>
                          {T.criterion}
                          {i.criterion}
                        </Text>
                        {(i.inputs.length > 0 || i.rate !== null) && (
                          <Text size={100} block style={WRAP}>
                            {T.inputs}
                            {i.inputs.map((x, k) => (
                              <span key={k}>
                                {k > 0 && "；"}
                                {x.label}{" "}
                                {x.kind === "amount"
                                  ? amountText(x.value, settings)
                                  : x.kind === "rate"
                                    ? `${hundredthsText(x.value)}%`
                                    : hundredthsText(x.value)}
                                {x.sheet && x.cell && (
                                  <>
                                    {" "}
                                    <Link as="button" style={{ fontSize: "inherit" }} onClick={() => onSelect(x.sheet!, x.cell!)}>
                                      {x.cell}
                                    </Link>
                                  </>
                                )}
                              </span>
                            ))}
                            {i.rate !== null && `${i.inputs.length > 0 ? "；" : ""}${T.rate(percentString(i.rate) ?? "")}`}
                          </Text>
                        )}
                        {i.note && i.status === "missing" && (
                          <Text size={100} block style={{ ...MUTED, ...WRAP }}>
                            {i.note}
                          </Text>
                        )}
                        {ask && (
                          <Field
                            size="small"
                            style={FILL}
                            label={ask === "score" ? T.scoreLabel(hundredthsText(i.weight)) : T.rateLabel(i.indicator.formula ?? null)}
                            validationMessage={
                              ask === "score" && bad(manual[id], i.indicator.weight)
                                ? Number(manual[id]) > i.indicator.weight
                                  ? T.overMax
                                  : T.notNumber
                                : undefined
                            }
                          >
                            <Input
                              type="number"
                              size="small"
                              style={FILL}
                              value={value}
                              data-testid={`${ask === "score" ? "manual" : "entered"}-${id}`}
                              onChange={(_, d) =>
                                ask === "score" ? setManual({ ...manual, [id]: d.value }) : setEntered({ ...entered, [id]: d.value })
                              }
                            />
                          </Field>
                        )}
                      </div>
                    );
                  })}
              </div>
            ))}
          </section>
        );
      })}
      <Button appearance="primary" data-testid="save-scores" disabled={invalid || !dirty || busy} onClick={save}>
        {T.save}
      </Button>
      <FrameworkEditor key={result.framework.id} framework={result.framework} busy={busy} onEdit={onEdit} />
    </section>
  );
}
