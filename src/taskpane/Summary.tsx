import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text } from "@fluentui/react-components";
import type { CheckResult } from "../core";
import { formatFen } from "../core";
import { amountText, changeText, rateText } from "../core";
import type { Settings } from "../core";

/** 预算/决算/差异 per table, and 三公 against last year: the numbers a clerk reads first. */
export function Summary({ analysis, settings }: { analysis: CheckResult; settings: Settings }) {
  const table = (id: string) => analysis.tables.find((t) => t.id === id);
  const n = (fen: number | null) => (fen === null ? "—" : formatFen(fen, settings.displayUnit, settings.decimals));
  const sg = analysis.sangong;
  return (
    <section aria-labelledby="summary-title" data-testid="summary">
      <Text as="h2" id="summary-title" size={400} weight="semibold" block>
        汇总（{settings.displayUnit}）
      </Text>
      {analysis.totals.length > 0 && (
        <Table size="small" aria-label="预决算汇总">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>表</TableHeaderCell>
              <TableHeaderCell>预算</TableHeaderCell>
              <TableHeaderCell>决算</TableHeaderCell>
              <TableHeaderCell>差异</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {analysis.totals.map((t) => (
              <TableRow key={t.tableId}>
                <TableCell title={table(t.tableId)?.title}>{table(t.tableId)?.sheet ?? t.tableId}</TableCell>
                <TableCell>{n(t.budget)}</TableCell>
                <TableCell>{n(t.actual)}</TableCell>
                <TableCell>
                  {n(t.diff)}
                  {t.diff !== null && <br />}
                  {t.diff !== null && `${rateText(t.diffRate, "无预算")}`}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {sg && (
        <Text block data-testid="sangong-summary" style={{ marginTop: 8 }}>
          三公经费本年 {amountText(sg.total.actual, settings)}
          {sg.total.yoyDiff !== null && `，${changeText(sg.total.yoyDiff, sg.total.yoyRate, sg.total.previous, settings)}`}
          {sg.total.budget !== null && `；预算 ${amountText(sg.total.budget, settings)}，完成 ${rateText(sg.total.completionRate, "—")}`}。
        </Text>
      )}
    </section>
  );
}
