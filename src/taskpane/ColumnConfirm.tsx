import { Button, Field, Select, Text } from "@fluentui/react-components";
import { useState } from "react";
import type { ColumnRole } from "../core";
import { UNITS } from "../core";
import type { Unit } from "../core";
import { tableKey } from "../core";
import type { Table } from "../core";
import type { StoredSettings } from "../excel/settings-store";

const ROLES: { role: ColumnRole; label: string }[] = [
  { role: "budget", label: "预算列" },
  { role: "actual", label: "决算列" },
  { role: "previous", label: "上年列" },
];

/** When recognition is unsure, the clerk names the columns once; it is stored, so the next check is one click. */
export function ColumnConfirm({
  tables,
  settings,
  onConfirm,
}: {
  tables: Table[];
  settings: StoredSettings;
  onConfirm: (s: StoredSettings) => void;
}) {
  const unsure = tables.filter((t) => t.notes.length > 0);
  if (unsure.length === 0) return null;
  return (
    <section aria-labelledby="confirm-title" data-testid="column-confirm">
      <Text as="h2" id="confirm-title" size={400} weight="semibold" block>
        请确认表格列
      </Text>
      {unsure.map((t) => (
        <TableForm key={t.id} table={t} settings={settings} onConfirm={onConfirm} />
      ))}
    </section>
  );
}

function TableForm({ table, settings, onConfirm }: { table: Table; settings: StoredSettings; onConfirm: (s: StoredSettings) => void }) {
  const key = tableKey(table.sheet, table.headerRange);
  const budgetRole = (["budgetFinal", "budget", "budgetInitial"] as const).find((r) => table.roles[r]);
  const [choice, setChoice] = useState<Record<string, string>>({
    budget: budgetRole ? table.roles[budgetRole]!.letter : "",
    actual: table.roles.actual?.letter ?? "",
    previous: table.roles.previous?.letter ?? "",
  });
  const [unit, setUnit] = useState<Unit>(table.unit);
  const confirm = () => {
    const roles: Partial<Record<ColumnRole, string>> = {};
    for (const { role } of ROLES) if (choice[role]) roles[role === "budget" ? (budgetRole ?? "budget") : role] = choice[role];
    onConfirm({
      ...settings,
      columnOverrides: { ...settings.columnOverrides, [key]: roles },
      unitOverrides:
        table.unitSource === "assumed" || table.unitSource === "confirmed"
          ? { ...settings.unitOverrides, [key]: unit }
          : settings.unitOverrides,
    });
  };
  return (
    <form
      style={{ display: "flex", flexDirection: "column", gap: 6, marginTop: 8 }}
      onSubmit={(e) => {
        e.preventDefault();
        confirm();
      }}
    >
      <Text size={200} weight="semibold">
        「{table.title}」 {table.sheet}!{table.range}
      </Text>
      {table.notes.map((n) => (
        <Text size={200} key={n}>
          {n}
        </Text>
      ))}
      {ROLES.map(({ role, label }) => (
        <Field label={label} key={role}>
          <Select value={choice[role]} onChange={(_, d) => setChoice({ ...choice, [role]: d.value })}>
            <option value="">（无）</option>
            {table.columns.map((c) => (
              <option key={c.letter} value={c.letter}>
                {c.letter} 列：{c.header || "（无表头）"}
              </option>
            ))}
          </Select>
        </Field>
      ))}
      {(table.unitSource === "assumed" || table.unitSource === "confirmed") && (
        <Field label="金额单位">
          <Select value={unit} onChange={(_, d) => setUnit(d.value as Unit)}>
            {UNITS.map((u) => (
              <option key={u}>{u}</option>
            ))}
          </Select>
        </Field>
      )}
      <Button type="submit" data-testid="confirm-columns">
        确认并重新检查
      </Button>
    </form>
  );
}
