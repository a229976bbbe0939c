import { writeFileSync } from "node:fs";
import { AlignmentType, BorderStyle, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType, ShadingType } from "docx";

/**
 * The example of a unit's own Word template (assets/决算说明模板示例.docx), built by code so a reader sees what is in it:
 * last year's 决算说明 turned into a template — its own styles (黑体 title, 楷体 headings, 宋体 body at 1.5 lines, a shaded
 * table header), fields such as {收入总计} and {三公合计}, a paragraph loop {#类}…{/类}, a table-row loop {#项}…{/项}, and
 * one section taken whole from the draft ({段落_…}). `report --template-file` fills it; so can the pane.
 * Field names: see templateFields in src/core/report/template-fields.ts.
 */
const FONT = { body: "宋体", title: "黑体", heading: "楷体" };
const PT = 2;

const p = (text: string, style = "TemplateBody") => new Paragraph({ style, children: [new TextRun(text)] });
const h = (text: string) => p(text, "TemplateHeading");

function cell(text: string, header = false): TableCell {
  return new TableCell({
    shading: header ? { type: ShadingType.CLEAR, fill: "D9E2F3", color: "auto" } : undefined,
    children: [new Paragraph({ style: header ? "TemplateTableHead" : "TemplateTable", children: [new TextRun(text)] })],
  });
}

export function templateDocument(): Document {
  const border = { style: BorderStyle.SINGLE, size: 4, color: "808080" };
  const head = ["科目编码", "科目名称", "年初预算", "决算数", "完成率（%）", "原因"];
  // One table row per 项: the loop opens in the first cell and closes in the last.
  const loop = ["{#项}{编码}", "{名称}", "{年初预算}", "{决算}", "{完成率}", "{原因}{/项}"];
  const table = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
    rows: [
      new TableRow({ tableHeader: true, children: head.map((t) => cell(t, true)) }),
      new TableRow({ children: loop.map((t) => cell(t)) }),
    ],
  });
  return new Document({
    creator: "决算助手（示例模板）",
    title: "决算说明模板示例",
    styles: {
      paragraphStyles: [
        {
          id: "TemplateTitle",
          name: "模板标题",
          run: { font: FONT.title, size: 20 * PT, bold: true, color: "1F3864" },
          paragraph: { alignment: AlignmentType.CENTER, spacing: { after: 240 } },
        },
        {
          id: "TemplateHeading",
          name: "模板一级标题",
          run: { font: FONT.heading, size: 15 * PT, bold: true, color: "2F5496" },
          paragraph: { spacing: { before: 200, after: 80 } },
        },
        {
          id: "TemplateBody",
          name: "模板正文",
          run: { font: FONT.body, size: 12 * PT },
          paragraph: { indent: { firstLine: 480 }, spacing: { line: 360 } },
        },
        { id: "TemplateTable", name: "模板表格", run: { font: FONT.body, size: 10 * PT } },
        {
          id: "TemplateTableHead",
          name: "模板表头",
          run: { font: FONT.body, size: 10 * PT, bold: true },
          paragraph: { alignment: AlignmentType.CENTER },
        },
      ],
    },
    sections: [
      {
        children: [
          p("{单位名称}", "TemplateTitle"),
          p("{年度}年度部门决算说明", "TemplateTitle"),
          h("一、收入支出决算总体情况"),
          p("{年度}年度收入总计{收入总计}万元，支出总计{支出总计}万元。本年收入合计{本年收入合计}万元，本年支出合计{本年支出合计}万元。"),
          h("二、收入决算情况"),
          p("{#收入来源}"),
          p("{名称}{金额}万元，占本年收入合计的{占比}%。"),
          p("{/收入来源}"),
          h("三、支出决算情况"),
          p("{#支出类别}"),
          p("{名称}{金额}万元，占本年支出合计的{占比}%。"),
          p("{/支出类别}"),
          h("四、一般公共预算财政拨款支出决算情况"),
          p(
            "{年度}年度一般公共预算财政拨款支出{一般公共预算财政拨款支出}万元，年初预算{年初预算}万元，完成年初预算的{完成年初预算}%。按支出功能分类：",
          ),
          p("{#类}"),
          p("{名称}（类）{决算}万元，占{占比}%；"),
          p("{/类}"),
          p("各项目年初预算与决算："),
          table,
          h("五、基本支出情况"),
          p("基本支出{基本支出}万元，其中人员经费{人员经费}万元、公用经费{公用经费}万元。"),
          h("六、“三公”经费支出情况"),
          p(
            "“三公”经费预算{三公预算}万元，支出决算{三公合计}万元，完成预算的{三公完成率}%；上年决算{三公上年}万元。" +
              "其中因公出国（境）费{因公出国费}万元，公务用车购置及运行维护费{公务用车购置及运行费}万元，公务接待费{公务接待费}万元。",
          ),
          h("七、一般性支出情况"),
          p("会议费{会议费}万元，培训费{培训费}万元。"),
          h("八、预算绩效情况"),
          p("部门整体支出绩效自评得分{得分}分，等级为“{等级}”。"),
          h("附：决算助手写出的“三公”经费说明"),
          p("{段落_财政拨款“三公”经费支出决算情况说明}"),
          new Paragraph({ alignment: AlignmentType.RIGHT, style: "TemplateBody", children: [new TextRun("{单位名称}")] }),
          new Paragraph({ alignment: AlignmentType.RIGHT, style: "TemplateBody", children: [new TextRun("{报告日期}")] }),
        ],
      },
    ],
  });
}

async function main(): Promise<void> {
  const path = process.argv[2] ?? "assets/决算说明模板示例.docx";
  writeFileSync(path, await Packer.toBuffer(templateDocument()));
  console.log(`写入 ${path}`);
}

if (require.main === module) void main();
