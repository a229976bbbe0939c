import { Link, Text } from "@fluentui/react-components";
import type { CheckResult, Settings } from "../core";
import { findingKey, findingsNeedingNotes, PANE } from "../core";
import { MUTED, STACK, WRAP } from "./layout";

export type Goto = "errors" | "warnings" | "scoring" | "report";

/** After a check, what is left to do, in the order a clerk does it: fix errors, explain 提示, enter scores, the report. */
export function TodoList({ analysis, settings, onGo }: { analysis: CheckResult; settings: Settings; onGo: (to: Goto) => void }) {
  const errors = analysis.findings.filter((f) => f.severity === "error").length;
  const warnings = findingsNeedingNotes(analysis.findings);
  const missing = warnings.filter((f) => !settings.notes[findingKey(f)]).length;
  const pending = analysis.scoring?.pending ?? 0;
  const items: { done: boolean; text: string; to: Goto }[] = [
    { done: errors === 0, text: errors > 0 ? PANE.todo.errors(errors) : PANE.todo.noErrors, to: "errors" },
    ...(warnings.length > 0
      ? [
          {
            done: missing === 0,
            text: missing > 0 ? PANE.todo.notes(missing, warnings.length) : PANE.todo.notesDone(warnings.length),
            to: "warnings" as const,
          },
        ]
      : []),
    ...(analysis.scoring
      ? [{ done: pending === 0, text: pending > 0 ? PANE.todo.scores(pending) : PANE.todo.scoresDone, to: "scoring" as const }]
      : []),
    { done: false, text: PANE.todo.report, to: "report" },
  ];
  return (
    <section aria-labelledby="todo-title" data-testid="todo" style={STACK}>
      <Text as="h2" id="todo-title" size={400} weight="semibold" block>
        {PANE.todo.title}
      </Text>
      <ol style={{ paddingLeft: 20, margin: 0, ...WRAP }}>
        {items.map((it) => (
          <li key={it.to} data-testid={`todo-${it.to}`} data-done={it.done} style={{ marginBottom: 4 }}>
            <Text size={200} style={it.done ? MUTED : undefined}>
              {it.done ? `✓ ${it.text}` : it.text}
            </Text>{" "}
            {!it.done && (
              <Link as="button" onClick={() => onGo(it.to)}>
                {PANE.todo.go}
              </Link>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
