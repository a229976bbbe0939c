import { z } from "zod";
import { rememberByText, squash } from "../base/text";

/**
 * The national forms, as data: 部门决算公开 公开01–09, the 部门预算公开 tables, the 绩效自评表s. A table is matched by its
 * title (and, when it has none, by the roles of its columns), never by its number: the 三公 form is 公开07 in some
 * years' sets and 公开09 in others, the 政府性基金 form 7th, 8th or 10th. Sources: the 财政部 决算公开 templates as
 * published in 2017–2024 packages (e.g. 南漳县招商服务中心 2019, 黔南州中医医院 2020, 上海市普陀区 2024, 梧州市审计局 2023),
 * and 部门预算公开 packages (江西, 广西, 四川, 湖南 2019–2025); see test/fixtures/national/README.md.
 */
export const FormSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  name: z.string(),
  /** 决算 (final accounts), 预算 (the budget as approved), or a 绩效 self-evaluation. */
  basis: z.enum(["final", "budget", "selfeval"]),
  /** Title patterns, tried on the title without the unit's name, the year and any 表号. */
  titles: z.array(z.string()).min(1),
  /** Words that rule the form out even when a pattern matches (收入决算表 is not 财政拨款收入支出决算表). */
  not: z.array(z.string()).default([]),
  /** Column roles a table of this form has: enough of them identify a table whose title is missing. */
  signature: z.array(z.string()).default([]),
  /** Whether the form sets income ‖ expenditure side by side (项目 | 行次 | 金额 twice). */
  twoSided: z.boolean().default(false),
  /**
   * Column roles the form never has: a table titled like a 决算 form but with 预算数 and 上年 columns is a unit's own
   * comparison, not the form; a 预算 table never has 决算 columns.
   */
  exclude: z.array(z.string()).default([]),
});
export type Form = z.infer<typeof FormSchema>;

const forms: z.input<typeof FormSchema>[] = [
  // 部门决算公开: the most specific titles first.
  { id: "final-06", name: "一般公共预算财政拨款基本支出决算表", basis: "final", titles: ["基本支出决算(明细)?表"] },
  { id: "final-05", name: "一般公共预算财政拨款支出决算表", basis: "final", titles: ["一般公共预算财政拨款(收入)?支出决算(明细)?表"] },
  { id: "final-08", name: "政府性基金预算财政拨款收入支出决算表", basis: "final", titles: ["政府性基金预算财政拨款(收入)?支出决算表"] },
  { id: "final-09", name: "国有资本经营预算财政拨款支出决算表", basis: "final", titles: ["国有资本经营预算财政拨款(收入)?支出决算表"] },
  {
    id: "final-07",
    name: "财政拨款“三公”经费支出决算表",
    basis: "final",
    titles: ["三公.*决算(情况|统计|情况统计)?表", "三公.*机关运行经费情况表"],
  },
  {
    id: "final-04",
    name: "财政拨款收入支出决算总表",
    basis: "final",
    titles: ["财政拨款收入支出决算(总)?表"],
    not: ["一般公共预算", "政府性基金", "国有资本"],
    twoSided: true,
  },
  { id: "final-01", name: "收入支出决算总表", basis: "final", titles: ["收入支出决算(总)?表"], not: ["财政拨款"], twoSided: true },
  {
    id: "final-02",
    name: "收入决算表",
    basis: "final",
    titles: ["^收入决算(总)?表$"],
    signature: ["srcFiscal", "srcUpper", "srcBusiness", "srcOperating", "srcSubsidiary", "srcOther"],
  },
  {
    id: "final-03",
    name: "支出决算表",
    basis: "final",
    titles: ["^支出决算(总)?表$"],
    signature: ["expBasic", "expProject", "expUpper", "expOperating", "expSubsidiary"],
  },
  // 部门预算公开.
  {
    id: "budget-06",
    name: "一般公共预算基本支出表",
    basis: "budget",
    titles: ["基本支出(预算)?(情况)?表", "基本支出.*经济分类(预算)?表"],
    not: ["决算"],
  },
  {
    id: "budget-07",
    name: "一般公共预算“三公”经费支出表",
    basis: "budget",
    titles: ["三公.*(支出|预算)(情况)?表"],
    not: ["决算", "机关运行经费情况表"],
  },
  {
    id: "budget-08",
    name: "政府性基金预算支出表",
    basis: "budget",
    titles: ["政府性基金预算(财政拨款)?支出(功能分类)?(预算)?(情况)?表"],
    not: ["决算"],
  },
  {
    id: "budget-09",
    name: "国有资本经营预算支出表",
    basis: "budget",
    titles: ["国有资本经营预算(财政拨款)?支出(功能分类)?(预算)?(情况)?表"],
    not: ["决算"],
  },
  {
    id: "budget-05",
    name: "一般公共预算支出表",
    basis: "budget",
    titles: ["一般公共预算(财政拨款)?支出(功能分类)?(预算)?(情况)?表"],
    not: ["决算", "基本支出", "三公"],
  },
  {
    id: "budget-04",
    name: "财政拨款收支总表",
    basis: "budget",
    titles: ["财政拨款收支(预算)?总(体情况)?表"],
    not: ["决算"],
    twoSided: true,
  },
  {
    id: "budget-01",
    name: "部门收支总表",
    basis: "budget",
    titles: ["收支(预算)?总(体情况)?表"],
    not: ["决算", "财政拨款"],
    twoSided: true,
  },
  { id: "budget-02", name: "部门收入总表", basis: "budget", titles: ["收入(预算)?总(体情况)?表"], not: ["决算", "收支"] },
  { id: "budget-03", name: "部门支出总表", basis: "budget", titles: ["支出(预算)?总(体情况)?表"], not: ["决算", "收支"] },
  // 绩效自评表 (财预〔2020〕10号 and the provincial variants).
  { id: "selfeval-dept", name: "部门整体支出绩效自评表", basis: "selfeval", titles: ["(部门)?整体(支出)?绩效自评(价)?表"] },
  { id: "selfeval-project", name: "项目支出绩效自评表", basis: "selfeval", titles: ["项目(支出)?绩效(目标)?自评表", "绩效目标自评表"] },
];

const FINAL_EXCLUDES = ["budget", "budgetFinal", "previous", "previousBudget"];
const BUDGET_EXCLUDES = ["actual", "previous"];

export const FORMS: readonly Form[] = forms.map((f) =>
  FormSchema.parse({
    ...f,
    exclude: f.exclude ?? (f.basis === "final" && f.id !== "final-07" ? FINAL_EXCLUDES : f.basis === "budget" ? BUDGET_EXCLUDES : []),
  }),
);

/** The form, if a table with these column roles can be it. */
export function compatible(form: Form | null, roles: ReadonlySet<string>): Form | null {
  return form && !form.exclude.some((r) => roles.has(r)) ? form : null;
}

const COMPILED = FORMS.map((f) => ({ form: f, titles: f.titles.map((t) => new RegExp(t)), not: f.not }));

/**
 * A title as the catalogue reads it: without the unit's name and the year ("青山乡人民政府2023年部门收支总表" →
 * "部门收支总表"), without 表号 ("公开02表", "表1", "一、"), quotes and spaces.
 */
export function titleCore(title: string): string {
  return (
    squash(title)
      .replace(/[“”"'‘’「」]/g, "")
      // A year written after the name ("项目支出绩效自评表(2023年度)"): taken off first, or the next step would take the name.
      .replace(/\((19|20)\d{2}(年度?)?\)$/, "")
      .replace(/^.*?(19|20)\d{2}(年度?)?/, "")
      .replace(/^(部门|单位)?(决算|预算)?(公开)?(表)?\d+(-\d+)?表?[:：.、]?/, "")
      .replace(/^[一二三四五六七八九十]+[、.]/, "")
      .replace(/^(部门|单位)(?=收|支)/, "")
  );
}

/** The catalogued form a title names, or null. */
export function formOfTitle(title: string): Form | null {
  return knownForm(title);
}

/** A sheet's title is asked about by pickTitle, the self-evaluation test and buildTable, and names repeat across sheets. */
const knownForm = rememberByText(readForm);

function readForm(title: string): Form | null {
  const t = titleCore(title);
  if (t === "") return null;
  for (const { form, titles, not } of COMPILED) {
    if (titles.some((re) => re.test(t)) && !not.some((w) => t.includes(w))) return form;
  }
  return null;
}

/** For a table without a usable title: the form whose signature its columns carry (four of them at least). */
export function formOfColumns(roles: ReadonlySet<string>): Form | null {
  for (const form of FORMS) {
    if (form.signature.length === 0) continue;
    if (form.signature.filter((r) => roles.has(r)).length >= 4) return form;
  }
  return null;
}

/** 决算 or 预算 from a title's own words, once fund-source names (一般公共预算, 政府性基金预算 …) are taken out. */
export function basisOfTitle(title: string): "final" | "budget" | null {
  const t = squash(title).replace(/一般公共预算|政府性基金预算|国有资本经营预算|预算单位|预算部门/g, "");
  if (/决算/.test(t)) return "final";
  if (/预算/.test(t)) return "budget";
  return null;
}
