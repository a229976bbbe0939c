import { Badge, Button, Field, Link, Text, Textarea } from "@fluentui/react-components";
import { useState } from "react";
import type { Finding, Settings, Severity } from "../core";
import { findingAdvice, findingKey, findingMessage, findingSubject, PANE, RULE_TITLES } from "../core";
import { FILL, MUTED, ROW, STACK, WRAP } from "./layout";

const GROUPS: { severity: Severity; color: "danger" | "warning" | "informative" }[] = [
  { severity: "error", color: "danger" },
  { severity: "warning", color: "warning" },
  { severity: "info", color: "informative" },
];

/**
 * Findings grouped by severity. Each names its item (a link that selects the cell), says the figures in the clerk's unit,
 * why it matters and what to do; a 提示 has a 说明 field, stored in the workbook and written to 「审核说明」.
 */
export function FindingsList({
  findings,
  settings,
  onSelect,
  onSaveNote,
}: {
  findings: Finding[];
  settings: Settings;
  onSelect: (sheet: string, cell: string) => void;
  onSaveNote: (key: string, note: string) => Promise<void>;
}) {
  if (findings.length === 0) {
    return (
      <Text block data-testid="no-findings">
        {PANE.findings.none}
      </Text>
    );
  }
  return (
    <section aria-labelledby="findings-title" data-testid="findings" style={STACK}>
      <Text as="h2" id="findings-title" size={400} weight="semibold" block>
        {PANE.findings.title(findings.length)}
      </Text>
      {GROUPS.map(({ severity, color }) => {
        const list = findings.filter((f) => f.severity === severity);
        if (list.length === 0) return null;
        const items = (
          <ol style={{ paddingLeft: 20, margin: "4px 0", ...WRAP }}>
            {list.map((f, i) => (
              <FindingItem
                key={`${findingKey(f)}-${i}`}
                finding={f}
                settings={settings}
                onSelect={onSelect}
                onSaveNote={severity === "warning" ? onSaveNote : null}
              />
            ))}
          </ol>
        );
        return (
          <div key={severity} data-testid={`findings-${severity}`} id={`findings-${severity}`} style={WRAP}>
            <Badge appearance="tint" color={color}>
              {PANE.findings.groups[severity]} {list.length}
            </Badge>
            {severity === "info" && list.length > 3 ? (
              <details>
                <summary>
                  <Text size={200}>{PANE.findings.more(list.length)}</Text>
                </summary>
                {items}
              </details>
            ) : (
              items
            )}
          </div>
        );
      })}
    </section>
  );
}

function FindingItem({
  finding: f,
  settings,
  onSelect,
  onSaveNote,
}: {
  finding: Finding;
  settings: Settings;
  onSelect: (sheet: string, cell: string) => void;
  onSaveNote: ((key: string, note: string) => Promise<void>) | null;
}) {
  const advice = findingAdvice(f);
  const subject = findingSubject(f);
  return (
    <li style={{ marginBottom: 10, ...WRAP }} data-testid="finding" data-rule={f.rule}>
      <div style={ROW}>
        <Link as="button" data-testid="finding-link" data-cell={`${f.sheet}!${f.cell}`} onClick={() => onSelect(f.sheet, f.cell)}>
          {subject || `${f.sheet}!${f.cell}`}
        </Link>
        <Text size={200} weight="semibold">
          {RULE_TITLES[f.rule]}
        </Text>
      </div>
      <Text size={200} block>
        {messageWithoutSubject(findingMessage(f, settings), subject)}
      </Text>
      <Text size={100} block style={MUTED}>
        {PANE.findings.where(`${f.sheet}!${f.cell}`)}
        {" · "}
        {PANE.findings.why}
        {advice.why}
      </Text>
      <Text size={100} block style={MUTED}>
        {PANE.findings.todo}
        {advice.todo}
      </Text>
      {onSaveNote && (
        // Keyed by the stored note: a 说明 typed into 「审核说明」 and read back by a check replaces what the field shows.
        <NoteField
          key={settings.notes[findingKey(f)] ?? ""}
          noteKey={findingKey(f)}
          initial={settings.notes[findingKey(f)] ?? ""}
          onSave={onSaveNote}
        />
      )}
    </li>
  );
}

/** "救济费：预算为 0…" under the link "救济费" reads the name twice: the sentence starts after it. */
function messageWithoutSubject(message: string, subject: string): string {
  return subject && message.startsWith(`${subject}：`) ? message.slice(subject.length + 1) : message;
}

function NoteField({
  noteKey,
  initial,
  onSave,
}: {
  noteKey: string;
  initial: string;
  onSave: (key: string, note: string) => Promise<void>;
}) {
  const [text, setText] = useState(initial);
  const [saved, setSaved] = useState(initial);
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const dirty = text.trim() !== saved;
  if (!open)
    return (
      <div style={{ ...ROW, marginTop: 2 }}>
        {saved && (
          <Text size={200} style={WRAP} data-testid="note-saved">
            {PANE.findings.noteShown(saved)}
          </Text>
        )}
        <Link as="button" data-testid="write-note" onClick={() => setOpen(true)}>
          {saved ? PANE.findings.editNote : PANE.findings.writeNote}
        </Link>
      </div>
    );
  return (
    <div style={{ ...STACK, gap: 4, marginTop: 4 }}>
      <Field label={PANE.findings.noteLabel} size="small" style={FILL}>
        <Textarea
          size="small"
          resize="vertical"
          value={text}
          placeholder={PANE.findings.notePlaceholder}
          data-testid="note"
          style={FILL}
          autoFocus
          onChange={(_, d) => setText(d.value)}
        />
      </Field>
      <div style={ROW}>
        <Button
          size="small"
          appearance="primary"
          disabled={!dirty || busy}
          data-testid="save-note"
          onClick={() => {
            setBusy(true);
            onSave(noteKey, text.trim())
              .then(() => {
                setSaved(text.trim());
                setOpen(false);
              })
              .catch(() => undefined)
              .finally(() => setBusy(false));
          }}
        >
          {PANE.findings.saveNote}
        </Button>
        <Button
          size="small"
          onClick={() => {
            setText(saved);
            setOpen(false);
          }}
        >
          {PANE.cancel}
        </Button>
      </div>
    </div>
  );
}
