import { Button, Field, Select, Text } from "@fluentui/react-components";
import { useState } from "react";
import type { ColumnRole, Table, Unit } from "../core";
import { PANE, tableKey, UNITS } from "../core";
import type { StoredSettings } from "../excel/settings-store";
import { acceptRecognised } from "./hosts/check-flow";
import { FILL, ROW, STACK, WRAP } from "./layout";

type Edit = (s: StoredSettings) => StoredSettings;
const ROLES: { role: "budget" | "actual" | "previous"; label: string }[] = [
  { role: "budget", label: PANE.columns.budget },
  { role: "actual", label: PANE.columns.actual },
  { role: "previous", label: PANE.columns.previous },
];

/**
 * When recognition is unsure, the clerk names the columns before any result sheet is written; the choice is stored in
 * the workbook, so the next check is one click. 「按识别结果写入」 stores the guess as confirmed.
 */
export function ColumnConfirm({ tables, onConfirm, onAccept }: { tables: Table[]; onConfirm: (edit: Edit) => void; onAccept: () => void }) {
  const [edits, setEdits] = useState<Record<string, Edit>>({});
  if (tables.length === 0) return null;
  return (
    <section aria-labelledby="confirm-title" data-testid="column-confirm" style={STACK}>
      <Text as="h2" id="confirm-title" size={400} weight="semibold" block>
        {PANE.columns.title}
      </Text>
      <Text size={200} block style={WRAP}>
        {PANE.columns.intro}
      </Text>
      {tables.map((t) => (
        <TableForm key={t.id} table={t} onChange={(edit) => setEdits((e) => ({ ...e, [t.id]: edit }))} />
      ))}
      <div style={ROW}>
        <Button
          appearance="primary"
          data-testid="confirm-columns"
          onClick={() => {
            // A table the clerk left as it was is confirmed as recognised.
            const untouched = acceptRecognised(tables.filter((t) => !edits[t.id]));
            onConfirm((s) => Object.values(edits).reduce((acc, edit) => edit(acc), untouched(s)));
          }}
        >
          {PANE.columns.confirmAndWrite}
        </Button>
        <Button data-testid="accept-columns" onClick={onAccept}>
          {PANE.columns.asRecognised}
        </Button>
      </div>
    </section>
  );
}

function TableForm({ table, onChange }: { table: Table; onChange: (edit: Edit) => void }) {
  const key = tableKey(table.sheet, table.headerRange);
  const budgetRole = (["budgetFinal", "budget", "budgetInitial"] as const).find((r) => table.roles[r]);
  const [choice, setChoice] = useState<Record<string, string>>({
    budget: budgetRole ? table.roles[budgetRole]!.letter : "",
    actual: table.roles.actual?.letter ?? "",
    previous: table.roles.previous?.letter ?? "",
  });
  const [unit, setUnit] = useState<Unit>(table.unit);
  const askUnit = table.unitSource === "assumed" || table.unitSource === "confirmed";
  const update = (nextChoice: Record<string, string>, nextUnit: Unit) => {
    setChoice(nextChoice);
    setUnit(nextUnit);
    const roles: Partial<Record<ColumnRole, string>> = {};
    for (const { role } of ROLES) if (nextChoice[role]) roles[role === "budget" ? (budgetRole ?? "budget") : role] = nextChoice[role];
    onChange((s) => ({
      ...s,
      columnOverrides: { ...s.columnOverrides, [key]: roles },
      unitOverrides: askUnit ? { ...s.unitOverrides, [key]: nextUnit } : s.unitOverrides,
    }));
  };
  return (
    <div style={{ ...STACK, gap: 6 }}>
      <Text size={200} weight="semibold" style={WRAP}>
        「{table.title}」 {table.sheet}!{table.range}
      </Text>
      {table.notes.map((n) => (
        <Text size={200} key={n} style={WRAP}>
          {n}
        </Text>
      ))}
      {ROLES.map(({ role, label }) => (
        <Field label={label} key={role} style={FILL}>
          <Select value={choice[role]} style={FILL} onChange={(_, d) => update({ ...choice, [role]: d.value }, unit)}>
            <option value="">{PANE.columns.none}</option>
            {table.columns.map((c) => (
              <option key={c.letter} value={c.letter}>
                {PANE.columns.column(c.letter, c.header)}
              </option>
            ))}
          </Select>
        </Field>
      ))}
      {askUnit && (
        <Field label={PANE.columns.unit} style={FILL}>
          <Select value={unit} style={FILL} onChange={(_, d) => update(choice, d.value as Unit)}>
            {UNITS.map((u) => (
              <option key={u}>{u}</option>
            ))}
          </Select>
        </Field>
      )}
    </div>
  );
}
