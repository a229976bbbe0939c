import { Field, Select, Switch } from "@fluentui/react-components";
import { TEMPLATES } from "../core";
import type { TemplateId } from "../core";

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
      <Field label="报告类型">
        <Select value={template} data-testid="template" onChange={(_, d) => onTemplate(d.value as TemplateId)}>
          {(Object.keys(TEMPLATES) as TemplateId[]).map((t) => (
            <option key={t} value={t}>
              {TEMPLATES[t]}
            </option>
          ))}
        </Select>
      </Field>
      <Switch
        label="使用 Windows 自带字体（仿宋、楷体），本机没有仿宋_GB2312 时选用"
        checked={windowsFonts}
        onChange={(_, d) => onWindowsFonts(d.checked)}
      />
    </>
  );
}
