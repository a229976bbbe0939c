import { PLAN_MARK } from "../../../src/core";
import type { SheetPlan } from "../../../src/core";

/**
 * A result-sheet plan that uses every feature the writer supports: styles, number formats, formulas, links, highlights,
 * conditional formats, frozen rows, a chart and print setup. `source` is a sheet of the input workbook the formulas
 * and links point at.
 */
export function fullPlan(name: string, source: string, rows = 5): SheetPlan {
  const q = `'${source.replace(/'/g, "''")}'`;
  const body = Array.from({ length: rows }, (_, i) => {
    const r = i + 4;
    return [
      { v: `30${i + 1}` },
      { v: `项目${i + 1} & <特殊> "字符"`, link: `${q}!B${i + 2}`, style: "link" as const },
      { f: `${q}!C${i + 2}`, fmt: "#,##0.00" },
      { f: `${q}!D${i + 2}`, fmt: "#,##0.00" },
      { f: `IF(OR(C${r}="",D${r}=""),"",D${r}-C${r})`, fmt: "#,##0.0000" },
      { f: `IF(OR(E${r}="",C${r}="",C${r}=0),"",E${r}/C${r})`, fmt: "0.00%" },
    ];
  });
  return {
    name,
    rows: [
      [{ v: `结果${PLAN_MARK}`, style: "title" }],
      [{ v: "说明：控制字符\u0001和 _x0041_ 保持原样", style: "note" }],
      ["编码", "名称", "预算", "决算", "差异", "差异率"].map((v) => ({ v, style: "header" as const })),
      ...body,
      [
        { v: "合计", style: "total" },
        {},
        { f: `SUM(C4:C${rows + 3})`, fmt: "#,##0.00", style: "total" },
        { v: 12.5 },
        { v: -0.000001 },
        { v: 1e21 },
      ],
    ],
    colWidths: [10, 30, 12, 12, 12, 10],
    highlights: [
      { row: 4, style: "warning" },
      { row: 5, style: "error" },
    ],
    conditional: [{ range: `F4:F${rows + 3}`, formula: "AND(ISNUMBER(F4),ABS(F4)>=0.1)", style: "warning" }],
    freezeRows: 3,
    charts: [
      {
        type: "barClustered",
        title: "预算与决算",
        categories: `B4:B${rows + 3}`,
        series: [
          { name: "预算", values: `C4:C${rows + 3}` },
          { name: "决算", values: `D4:D${rows + 3}` },
        ],
        anchor: "H2",
      },
    ],
    print: { orientation: "landscape", fitToWidth: true, titleRows: { first: 3, last: 3 }, footer: "第 &P 页，共 &N 页" },
  };
}
