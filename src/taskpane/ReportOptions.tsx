import { Field, Select, Switch } from "@fluentui/react-components";
import { PANE, TEMPLATES } from "../core";
import type { TemplateId } from "../core";
import { FILL } from "./layout";

/** Which report, and which fonts: the same choices in Excel's and Word's panes. */
export function ReportOptions({
  template,
  onTemplate,
  windowsFonts,
  onWindowsFonts,
}: {
  template: TemplateId;
  onTemplate: (t: TemplateId) => void;
  windowsFonts: boolean;
  onWindowsFonts: (on: boolean) => void;
}) {
  return (
    <>
      <Field label={PANE.report.template} style={FILL}>
        <Select value={template} data-testid="template" style={FILL} onChange={(_, d) => onTemplate(d.value as TemplateId)}>
          {(Object.keys(TEMPLATES) as TemplateId[]).map((t) => (
            <option key={t} value={t}>
              {TEMPLATES[t]}
            </option>
          ))}
        </Select>
      </Field>
      <Switch label={PANE.report.windowsFonts} checked={windowsFonts} onChange={(_, d) => onWindowsFonts(d.checked)} />
    </>
  );
}
