import { Text } from "@fluentui/react-components";
import type { CheckResult, Settings } from "../core";
import { amountText, changeText, PANE, rateText } from "../core";
import { STACK, WRAP } from "./layout";

/** 预算/决算/差异 per table and 三公 against last year: the numbers a clerk reads first, one line each, in the chosen unit. */
export function Summary({ analysis, settings }: { analysis: CheckResult; settings: Settings }) {
  const table = (id: string) => analysis.tables.find((t) => t.id === id);
  const a = (fen: number | null) => amountText(fen, settings);
  const sg = analysis.sangong;
  return (
    <section aria-labelledby="summary-title" data-testid="summary" style={STACK}>
      <Text as="h2" id="summary-title" size={400} weight="semibold" block>
        {PANE.summary.title(settings.displayUnit)}
      </Text>
      {analysis.totals.map((t) => (
        <div key={t.tableId} style={WRAP}>
          <Text size={200} weight="semibold" block>
            {table(t.tableId)?.title ?? t.tableId}
          </Text>
          <Text size={200} block>
            {PANE.summary.line(
              t.budget === null ? null : a(t.budget),
              a(t.actual),
              t.diff === null ? null : a(t.diff),
              rateText(t.diffRate, PANE.summary.noBudgetRate),
            )}
          </Text>
        </div>
      ))}
      {sg && (
        <Text size={200} block data-testid="sangong-summary" style={WRAP}>
          {PANE.summary.sangong(
            a(sg.total.actual),
            sg.total.yoyDiff === null ? null : changeText(sg.total.yoyDiff, sg.total.yoyRate, sg.total.previous, settings),
            sg.total.budget === null ? null : a(sg.total.budget),
            rateText(sg.total.completionRate, "—"),
          )}
        </Text>
      )}
    </section>
  );
}
