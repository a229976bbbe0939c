import type {
  AssetFacts,
  BasicFacts,
  CodedLine,
  Compared,
  Count,
  Doubt,
  ExpenditureFacts,
  Figure,
  FiscalFacts,
  FundFacts,
  GeneralFacts,
  GeneralSpendingFacts,
  IncomeFacts,
  IncomeSource,
  PerformanceFacts,
  Points,
  ProcurementFacts,
  Reason,
  ReportFacts,
  ReportTextKey,
  SangongFacts,
  SangongLine,
  ScoreLine,
  SpendingKind,
  TotalsFacts,
} from "../analyse/report-facts";
import type { SangongItem } from "../analyse/sangong";
import type { VarianceLine } from "../analyse/variance";
import { fenOfDecimal, sumFen } from "../base/money";
import type { Fen, Unit } from "../base/money";
import { squash } from "../base/text";
import { DOUBT_TEXT } from "../catalogue/report";
import type { ColumnRole } from "../recognise/column-roles";
import { FORMS } from "../recognise/form-catalogue";
import type { AmountCell, Table, TableRow } from "../recognise/table";
import type { CheckResult } from "../score/check-result";
import { DEFAULT_GRADES, gradeOf } from "../score/framework";

/**
 * ReportFacts from a check's result: the national forms (公开01–09, recognised by the form catalogue, 预算 joined by code)
 * where the workbook has them, and the unit's own tables otherwise (经济分类 and 功能分类 预决算 tables, a 三公 table, a
 * staff sheet, a 报告文字/单位情况 sheet, a scoring sheet). Each figure keeps its cell; a figure a check objected to carries
 * the objection (doubt), and the draft marks it instead of writing fluent text over it.
 */
export function reportFacts(a: CheckResult): ReportFacts {
  const b = new Builder(a);
  return b.build();
}

const stripNumbering = (name: string) =>
  squash(name)
    .replace(/^[一二三四五六七八九十]+[、.．]/, "")
    .replace(/^[(（][一二三四五六七八九十\d]+[)）]/, "")
    .replace(/^\d+[、.．]/, "")
    .replace(/^其中[:：]?/, "")
    .replace(/[“”"'‘’]/g, "");

const levelOfCode = (code: string): 1 | 2 | 3 => (code.length <= 3 ? 1 : code.length <= 5 ? 2 : 3);

class Builder {
  private doubts = new Map<string, Doubt>();
  private roleDoubts = new Map<string, Doubt>(); // tableId|role → doubt
  private linesByRow = new Map<TableRow, VarianceLine>();

  constructor(private a: CheckResult) {
    const rank: Record<string, number> = { error: 0, warning: 1, info: 2 };
    const sorted = [...a.findings].sort((x, y) => rank[x.severity] - rank[y.severity]);
    for (const f of sorted) {
      const key = `${f.sheet}!${f.cell}`;
      if (this.doubts.has(key)) continue;
      if (f.severity === "error" || f.rule === "unit-suspect") {
        if (f.rule.startsWith("text-") || f.rule.startsWith("score")) continue;
        this.doubts.set(key, { rule: f.rule, cell: key, text: DOUBT_TEXT[f.rule] ?? DOUBT_TEXT.default });
      }
    }
    for (const l of a.lines) this.linesByRow.set(l.row, l);
    for (const t of a.tables) this.markUncertainBudget(t);
  }

  /**
   * A budget column whose header does not say which budget, and that equals the 决算 on every line, is likely a 决算
   * column read as the budget: its figures never become 预算 or a 完成率 (the draft asks the clerk to check the column).
   */
  private markUncertainBudget(t: Table): void {
    const col = t.roles.budget;
    if (!col || !t.roles.actual) return;
    const ambiguous = this.a.findings.some((f) => f.rule === "header-ambiguous" && f.sheet === t.sheet && f.data.chosen === col.letter);
    const rows = t.rows.filter((r) => r.amounts.budget?.value && r.amounts.actual?.value);
    const allEqual = rows.length >= 3 && rows.every((r) => r.amounts.budget!.value === r.amounts.actual!.value);
    if (ambiguous || allEqual) {
      const cell = `${t.sheet}!${col.letter}${t.headerRange.split(":")[0].replace(/^[A-Z]+/, "")}`;
      this.roleDoubts.set(`${t.id}|budget`, { rule: "role-uncertain", cell, text: DOUBT_TEXT["role-uncertain"] });
    }
  }

  private tableOf(id: string): Table | undefined {
    return this.a.tables.find((t) => t.id === id);
  }

  /** A figure from a cell of a table: blank is 0 (the forms leave zeros blank); unreadable is absent. */
  fig(t: Table, cell: AmountCell | undefined, role?: ColumnRole): Figure | null {
    if (!cell || cell.bad) return null;
    const key = `${t.sheet}!${cell.cell}`;
    const doubt = this.doubts.get(key) ?? (role ? (this.roleDoubts.get(`${t.id}|${role}`) ?? null) : null);
    return { fen: cell.value ?? 0, sheet: t.sheet, cell: cell.cell, unit: t.unit, decimals: cell.decimals, doubt };
  }

  /** A figure computed from others (人员经费 = 301 + 303): its cell lists theirs. */
  sumOf(parts: (Figure | null)[]): Figure | null {
    const present = parts.filter((p): p is Figure => p !== null);
    if (present.length === 0) return null;
    const sheet = present[0].sheet;
    const cell = present.map((p) => (p.sheet === sheet ? p.cell : `${p.sheet}!${p.cell}`)).join("+");
    const doubt = present.find((p) => p.doubt)?.doubt ?? null;
    return {
      fen: sumFen(present.map((p) => p.fen)),
      sheet,
      cell,
      unit: present[0].unit,
      decimals: Math.max(...present.map((p) => p.decimals)),
      doubt,
    };
  }

  /** A total whose cell is blank while its parts are not: the draft asks the clerk to check it. */
  blankTotal(total: Figure | null, cell: AmountCell | undefined, parts: (Figure | null)[]): Figure | null {
    if (!total || !cell || cell.value !== null || cell.dash) return total;
    const sum = sumFen(parts.map((p) => (p ? p.fen : null)));
    if (sum === 0) return total;
    return { ...total, doubt: { rule: "blank-total", cell: `${total.sheet}!${total.cell}`, text: DOUBT_TEXT["blank-total"] } };
  }

  private forms(id: string): Table[] {
    return this.a.tables.filter((t) => t.form === id);
  }

  private row(t: Table | undefined, re: RegExp): TableRow | undefined {
    return t?.rows.find((r) => re.test(stripNumbering(r.name)));
  }

  private reasonOf(t: Table, r: TableRow | undefined): Reason | null {
    return r?.reason && r.reasonCell ? { text: r.reason, sheet: t.sheet, cell: r.reasonCell } : null;
  }

  /**
   * Which comparison a table's 原因 column explains, from its header: 增减/变动/上年 → the change from last year; 差异/预算 →
   * the difference from the budget; a bare 原因 → the budget where the table has one, else last year.
   */
  private reasons(t: Table, r: TableRow | undefined): Pick<Compared, "reason" | "reasonVsPrevious"> {
    const reason = this.reasonOf(t, r);
    if (!reason) return { reason: null, reasonVsPrevious: null };
    const header = squash(t.roles.reason?.header ?? "");
    const hasBudget = !!(t.roles.budget || t.roles.budgetInitial || t.roles.budgetFinal);
    const vsPrevious = /增减|变动|较上年|同比|上年/.test(header) ? true : /差异|预算|执行/.test(header) ? false : !hasBudget;
    return vsPrevious ? { reason: null, reasonVsPrevious: reason } : { reason, reasonVsPrevious: null };
  }

  /** The joined 年初预算 of a 决算 row (预算 tables by code or name), as a figure at the budget table's cell. */
  private joinedBudget(r: TableRow): Figure | null {
    const l = this.linesByRow.get(r);
    if (!l || !l.budgetFrom) return null;
    const bt = this.tableOf(l.budgetFrom.tableId);
    const unit: Unit = bt?.unit ?? "元";
    if (l.budgetFrom.cell === null) return { fen: 0, sheet: l.budgetFrom.sheet, cell: "", unit, decimals: 0, doubt: null };
    const doubt = this.doubts.get(`${l.budgetFrom.sheet}!${l.budgetFrom.cell}`) ?? null;
    return { fen: l.budgetInitial ?? l.budget ?? 0, sheet: l.budgetFrom.sheet, cell: l.budgetFrom.cell, unit, decimals: 2, doubt };
  }

  build(): ReportFacts {
    const a = this.a;
    const general = this.general();
    const expenditure = this.expenditure();
    if (general && !general.allSpending && expenditure?.total) general.allSpending = expenditure.total;
    const forms = ["final-01", "final-02", "final-03", "final-04", "final-05", "final-06", "final-07", "final-08", "final-09"]
      .map((id) => FORMS.find((f) => f.id === id && a.tables.some((t) => t.form === id))?.name)
      .filter((n): n is string => !!n);
    return {
      forms,
      unit: { name: a.meta.unitName ?? this.unitFromTitles(), year: a.meta.year, kind: this.unitKind() },
      texts: this.texts(),
      staff: this.staff(),
      totals: this.totals(),
      income: this.income(),
      expenditure,
      fiscal: this.fiscal(),
      general,
      basic: this.basic(general),
      sangong: this.sangong(),
      govFund: this.fund("final-08"),
      capital: this.fund("final-09"),
      operating: this.operating(),
      generalSpending: this.generalSpending(),
      procurement: this.procurement(),
      assets: this.assets(),
      performance: this.performance(),
      selfEval: this.selfEval(),
    };
  }

  // ——— Texts and inputs ———

  private texts(): Partial<Record<ReportTextKey, Reason>> {
    const t = this.a.texts;
    const out: Partial<Record<ReportTextKey, Reason>> = {};
    const keys: ReportTextKey[] = [
      "duties",
      "organization",
      "composition",
      "keyWork",
      "projects",
      "evaluationWork",
      "achievements",
      "problems",
      "measures",
      "sangongReason",
      "totalsReason",
      "fiscalReason",
      "operatingReason",
      "performanceManagement",
      "date",
    ];
    for (const k of keys) {
      const v = (t.texts as Partial<Record<string, string>>)[k];
      if (v) out[k] = { text: v, sheet: t.source ?? "", cell: (t.cells as Partial<Record<string, string>> | undefined)?.[k] ?? "" };
    }
    return out;
  }

  private entry(re: RegExp): { key: string; value: string; cell: string } | undefined {
    return this.a.texts.entries?.find((e) => re.test(e.key));
  }

  /** An amount typed in the text sheet ("政府采购支出总额（万元） | 251.25"): unit from the key, else 万元. */
  private entryAmount(re: RegExp): Figure | null {
    const e = this.entry(re);
    if (!e) return null;
    const unit: Unit = /（元）|\(元\)|单位：元|元$/.test(e.key) && !/万元/.test(e.key) ? "元" : "万元";
    const raw = e.value.replace(/[,，\s]/g, "").replace(/(万元|元)$/, "");
    const r = fenOfDecimal(raw, unit);
    if (r === null || r === "too-large") return null;
    const decimals = (raw.split(".")[1] ?? "").length;
    return { fen: r.fen, sheet: this.a.texts.source ?? "", cell: e.cell, unit, decimals, doubt: null };
  }

  private entryCount(re: RegExp): Count | null {
    const e = this.entry(re);
    if (!e) return null;
    const m = /^(\d+(?:\.\d+)?)/.exec(e.value.replace(/[,，\s]/g, ""));
    if (!m) return null;
    const r = fenOfDecimal(m[1], "元");
    if (r === null || r === "too-large") return null;
    return { hundredths: r.fen, sheet: this.a.texts.source ?? "", cell: e.cell, doubt: null };
  }

  /**
   * The unit's name where no 编制单位 line gives it: the words before the year in a table's title
   * ("东山侗族乡2019年绩效评估自评评分表", "第二部分上海市普陀区财政局2024年度部门决算表"), when they end like a unit's name.
   */
  private unitFromTitles(): string | null {
    const UNIT_END = /(乡|镇|街道|局|委员会|委|政府|中心|学校|小学|中学|幼儿园|医院|卫生院|院|所|办公室|办|处|队|站|部|馆|社|会|厅|署|室)$/;
    for (const t of this.a.tables) {
      for (const title of [t.title]) {
        const m = /^(?:第[一二三四五六七八九十]+部分)?(.{2,30}?)(?:19|20)\d{2}年/.exec(squash(title));
        if (m && UNIT_END.test(m[1])) return m[1];
      }
    }
    return null;
  }

  private unitKind(): ReportFacts["unit"]["kind"] {
    const e = this.entry(/^(单位性质|单位类型|单位类别)$/);
    if (!e) return null;
    if (/参照|参公/.test(e.value)) return "civil-service";
    if (/行政/.test(e.value)) return "admin";
    if (/事业/.test(e.value)) return "institution";
    return null;
  }

  /** A count from a staff sheet row (人员情况, 单位情况) or the text sheet. */
  private staffCount(re: RegExp, parts = false): Count | null {
    for (const t of this.a.tables.filter((x) => x.kind === "staff")) {
      const r = t.rows.find((x) => re.test(stripNumbering(x.name)) && x.isPart === parts);
      const c = r?.amounts.count;
      if (r && c && !c.bad && c.value !== null) {
        return { hundredths: c.value, sheet: t.sheet, cell: c.cell, doubt: this.doubts.get(`${t.sheet}!${c.cell}`) ?? null };
      }
    }
    return this.entryCount(re);
  }

  private staffParts(parent: RegExp, child: RegExp): { name: string; count: Count }[] {
    for (const t of this.a.tables.filter((x) => x.kind === "staff")) {
      const i = t.rows.findIndex((x) => parent.test(stripNumbering(x.name)) && !x.isPart);
      if (i < 0) continue;
      const out: { name: string; count: Count }[] = [];
      for (const r of t.rows.slice(i + 1)) {
        if (!r.isPart && !child.test(stripNumbering(r.name))) break;
        const c = r.amounts.count;
        if (c && !c.bad && c.value !== null && child.test(stripNumbering(r.name)))
          out.push({ name: stripNumbering(r.name), count: { hundredths: c.value, sheet: t.sheet, cell: c.cell, doubt: null } });
      }
      return out;
    }
    return [];
  }

  private staff(): ReportFacts["staff"] {
    const quota = this.staffCount(/^(编制(数|人数)?|核定编制(数)?)$/);
    const actual = this.staffCount(/^((实有|实际)?在职(人员)?(人数)?|实有(在职)?人数|年末实有人数)$/);
    const retired = this.staffCount(/^(退休(人员|人数)?)$/);
    if (!quota && !actual && !retired) return null;
    // Parts are said as "其中…" only when they make up the whole; a sheet whose parts do not is not repeated.
    const whole = <T extends { count: Count }>(total: Count | null, parts: T[]): T[] =>
      total && parts.reduce((sum, p) => sum + p.count.hundredths, 0) === total.hundredths ? parts : [];
    return {
      quota,
      quotaParts: whole(quota, this.staffParts(/^(编制(数|人数)?|核定编制(数)?)$/, /编制$/)),
      actual,
      actualParts: whole(actual, this.staffParts(/^((实有|实际)?在职(人员)?(人数)?|实有(在职)?人数)$/, /人员$|人数$/)),
      retired,
    };
  }

  // ——— 公开01 ———

  private totals(): TotalsFacts | null {
    const sides = this.forms("final-01");
    const inc = sides.find((t) => (t.side ?? "").startsWith("收入"));
    const exp = sides.find((t) => (t.side ?? "").startsWith("支出"));
    if (!inc && !exp) return null;
    const f = (t: Table | undefined, re: RegExp) => {
      const r = this.row(t, re);
      return t && r ? this.fig(t, r.amounts.actual) : null;
    };
    const incomeThisYear = f(inc, /^本年收入合计$/);
    const expenditureThisYear = f(exp, /^本年支出合计$/);
    const carryIn = f(inc, /^年初结转和?结余/);
    const carryOut = f(exp, /^年末结转和?结余/);
    const nonFiscal = f(inc, /^使用非财政拨款结余/);
    const distribution = f(exp, /^结余分配/);
    const incomeTotal = this.blankTotal(f(inc, /^(收入)?总计$/), this.row(inc, /^(收入)?总计$/)?.amounts.actual, [
      incomeThisYear,
      carryIn,
      nonFiscal,
    ]);
    const expenditureTotal = this.blankTotal(f(exp, /^(支出)?总计$/), this.row(exp, /^(支出)?总计$/)?.amounts.actual, [
      expenditureThisYear,
      carryOut,
      distribution,
    ]);
    return {
      incomeTotal,
      expenditureTotal,
      incomeThisYear,
      expenditureThisYear,
      nonFiscalBalanceUsed: nonFiscal,
      carryIn,
      surplusDistribution: distribution,
      carryOut,
      previousIncomeTotal: null,
      previousExpenditureTotal: null,
      reason: this.textReason("totalsReason"),
    };
  }

  private textReason(k: ReportTextKey): Reason | null {
    return this.texts()[k] ?? null;
  }

  // ——— 公开02 ———

  private income(): IncomeFacts | null {
    const t = this.forms("final-02")[0];
    const inc = this.forms("final-01").find((x) => (x.side ?? "").startsWith("收入"));
    if (!t && !inc) return null;
    const sources: IncomeFacts["sources"] = [];
    const fromColumns: [IncomeSource, ColumnRole, string][] = [
      ["fiscal", "srcFiscal", "财政拨款收入"],
      ["upper", "srcUpper", "上级补助收入"],
      ["business", "srcBusiness", "事业收入"],
      ["operating", "srcOperating", "经营收入"],
      ["subsidiary", "srcSubsidiary", "附属单位上缴收入"],
      ["other", "srcOther", "其他收入"],
    ];
    const fromRows: [IncomeSource, RegExp, string][] = [
      ["general", /^一般公共预算财政拨款(收入)?$/, "一般公共预算财政拨款收入"],
      ["fund", /^政府性基金预算财政拨款(收入)?$/, "政府性基金预算财政拨款收入"],
      ["capital", /^国有资本经营预算财政拨款(收入)?$/, "国有资本经营预算财政拨款收入"],
      ["fiscal", /^财政拨款收入$/, "财政拨款收入"],
      ["upper", /^上级补助收入$/, "上级补助收入"],
      ["business", /^事业收入$/, "事业收入"],
      ["operating", /^(事业单位)?经营收入$/, "经营收入"],
      ["subsidiary", /^附属单位上缴收入$/, "附属单位上缴收入"],
      ["other", /^其他收入$/, "其他收入"],
    ];
    let total: Figure | null = null;
    if (t) {
      const r = t.rows.find((x) => x.isTotal && x.totalKind !== "subtotal");
      if (r) {
        for (const [key, role, name] of fromColumns) if (t.roles[role]) sources.push({ key, name, amount: this.fig(t, r.amounts[role]) });
        total = this.blankTotal(
          this.fig(t, r.amounts.actual ?? r.amounts.rowTotal),
          r.amounts.actual ?? r.amounts.rowTotal,
          sources.map((s) => s.amount),
        );
      }
    }
    if (inc) {
      for (const [key, re, name] of fromRows) {
        if (sources.some((s) => s.key === key)) continue;
        const r = this.row(inc, re);
        if (r) sources.push({ key, name, amount: this.fig(inc, r.amounts.actual) });
      }
      if (!total) {
        const r = this.row(inc, /^本年收入合计$/);
        total = r ? this.fig(inc, r.amounts.actual) : null;
      }
    }
    return { total, sources, previousTotal: null, reason: null };
  }

  // ——— 公开03 ———

  private expenditure(): ExpenditureFacts | null {
    const t = this.forms("final-03")[0];
    if (!t) return null;
    const r = t.rows.find((x) => x.isTotal && x.totalKind !== "subtotal");
    if (!r) return null;
    const kinds: [SpendingKind, ColumnRole, string][] = [
      ["basic", "expBasic", "基本支出"],
      ["project", "expProject", "项目支出"],
      ["upper", "expUpper", "上缴上级支出"],
      ["operating", "expOperating", "经营支出"],
      ["subsidiary", "expSubsidiary", "对附属单位补助支出"],
    ];
    const list = kinds
      .filter(([, role]) => t.roles[role])
      .map(([key, role, name]) => ({ key, name, amount: this.fig(t, r.amounts[role]) }));
    const total = this.blankTotal(
      this.fig(t, r.amounts.actual ?? r.amounts.rowTotal),
      r.amounts.actual ?? r.amounts.rowTotal,
      list.map((k) => k.amount),
    );
    return { total, kinds: list, previousTotal: null, reason: null, budgetInitial: this.joinedBudget(r) };
  }

  // ——— 公开04 ———

  private fiscal(): FiscalFacts | null {
    const sides = this.forms("final-04");
    const inc = sides.find((t) => (t.side ?? "").startsWith("收入"));
    const exp = sides.find((t) => (t.side ?? "").startsWith("支出"));
    if (!inc && !exp) return null;
    const first = (t: Table | undefined, re: RegExp, role: ColumnRole = "actual") => {
      const r = t?.rows.find((x) => re.test(stripNumbering(x.name)) && x.level <= 1);
      return t && r ? this.fig(t, r.amounts[role]) : null;
    };
    const expTotalRow = this.row(exp, /^本年支出合计$/);
    const byFund: FiscalFacts["byFund"] = [
      ["general", /^一般公共预算财政拨款(收入)?$/, "srcGeneral", "一般公共预算财政拨款"],
      ["fund", /^政府性基金预算财政拨款(收入)?$/, "srcFund", "政府性基金预算财政拨款"],
      ["capital", /^国有资本经营预算财政拨款(收入)?$/, "srcCapital", "国有资本经营预算财政拨款"],
    ].map(([key, re, role, name]) => ({
      key: key as "general" | "fund" | "capital",
      name: name as string,
      income: first(inc, re as RegExp),
      expenditure: exp && expTotalRow ? this.fig(exp, expTotalRow.amounts[role as ColumnRole]) : null,
    }));
    return {
      incomeTotal: first(inc, /^总计$/),
      expenditureTotal: first(exp, /^总计$/),
      incomeThisYear: first(inc, /^本年收入合计$/),
      expenditureThisYear: first(exp, /^本年支出合计$/),
      carryIn: first(inc, /^年初(财政拨款)?结转和?结余$/),
      carryOut: first(exp, /^年末(财政拨款)?结转和?结余$/),
      byFund,
      previousIncomeTotal: null,
      previousExpenditureTotal: null,
      budgetInitial: null,
      reason: this.textReason("fiscalReason"),
    };
  }

  // ——— 公开05, or the unit's own 功能分类 table ———

  private codedLine(t: Table, r: TableRow): CodedLine {
    const l = this.linesByRow.get(r);
    const budgetInitial = t.roles.budgetInitial
      ? this.fig(t, r.amounts.budgetInitial, "budgetInitial")
      : l?.budgetFrom
        ? this.joinedBudget(r)
        : null;
    return {
      code: r.code ?? "",
      name: r.name.trim(),
      level: levelOfCode(r.code ?? ""),
      actual: this.fig(t, r.amounts.actual ?? r.amounts.rowTotal),
      basic: t.roles.expBasic ? this.fig(t, r.amounts.expBasic) : null,
      project: t.roles.expProject ? this.fig(t, r.amounts.expProject) : null,
      budgetInitial,
      budgetFinal: t.roles.budgetFinal ? this.fig(t, r.amounts.budgetFinal, "budgetFinal") : null,
      budget: t.roles.budget ? this.fig(t, r.amounts.budget, "budget") : null,
      previous: t.roles.previous ? this.fig(t, r.amounts.previous) : null,
      ...this.reasons(t, r),
    };
  }

  private totalLine(t: Table): CodedLine | null {
    const r = t.rows.find((x) => x.isTotal && x.totalKind !== "subtotal" && x.totalKind !== "grand");
    if (r) {
      const line = { ...this.codedLine(t, r), code: "", name: "合计" };
      const classes = t.rows.filter((x) => x.code && x.code.length === 3).map((x) => this.fig(t, x.amounts.actual ?? x.amounts.rowTotal));
      line.actual = this.blankTotal(line.actual, r.amounts.actual ?? r.amounts.rowTotal, classes);
      return line;
    }
    // No 合计 row: the sum of the top lines (the 类, or whatever level the table starts at), per column.
    const coded = t.rows.filter((x) => x.code && !x.isTotal);
    const top = Math.min(...coded.map((x) => x.code!.length));
    const classes = coded.filter((x) => x.code!.length === top).map((x) => this.codedLine(t, x));
    if (classes.length === 0) return null;
    const sum = (pick: (l: CodedLine) => Figure | null | undefined) =>
      classes.some((l) => pick(l) === null || pick(l) === undefined) ? null : this.sumOf(classes.map((l) => pick(l) ?? null));
    return {
      code: "",
      name: "合计",
      level: 1,
      actual: sum((l) => l.actual),
      basic: sum((l) => l.basic),
      project: sum((l) => l.project),
      budgetInitial: sum((l) => l.budgetInitial),
      budgetFinal: sum((l) => l.budgetFinal),
      budget: sum((l) => l.budget),
      previous: sum((l) => l.previous),
      reason: null,
    };
  }

  private general(): GeneralFacts | null {
    const form = this.forms("final-05")[0];
    const own = this.a.tables.find(
      (t) => !t.form && t.codeScheme === "function" && (t.kind === "budget-actual" || t.kind === "comparison") && t.roles.actual,
    );
    const t = form ?? own;
    if (!t) return null;
    const total = this.totalLine(t);
    if (!total) return null;
    const lines = t.rows.filter((r) => r.code && !r.isTotal).map((r) => this.codedLine(t, r));
    const scope = form || /一般公共预算/.test(t.title) ? "general" : "unknown";
    return { total, lines, allSpending: null, scope, sheet: t.sheet };
  }

  // ——— 公开06, or the unit's own 经济分类 table ———

  private basic(general: GeneralFacts | null): BasicFacts | null {
    const sides = this.forms("final-06");
    if (sides.length > 0) {
      const lines = sides.flatMap((t) => t.rows.filter((r) => r.code && !r.isTotal).map((r) => this.codedLine(t, r)));
      const side = (re: RegExp) => sides.find((t) => re.test(t.side ?? ""));
      const totalOf = (t: Table | undefined) => {
        const r = t?.rows.find((x) => x.isTotal);
        return t && r ? this.fig(t, r.amounts.actual) : null;
      };
      const personnelTable = side(/人员/);
      const publicTable = side(/公用/);
      const isPersonnel = (c: string) => c.startsWith("301") || c.startsWith("303");
      const personnelItems = lines.filter((l) => l.level === 2 && isPersonnel(l.code));
      const publicItems = lines.filter((l) => l.level === 2 && !isPersonnel(l.code));
      const personnel =
        totalOf(personnelTable) ?? this.sumOf(lines.filter((l) => l.level === 1 && isPersonnel(l.code)).map((l) => l.actual));
      const pub = totalOf(publicTable) ?? this.sumOf(lines.filter((l) => l.level === 1 && !isPersonnel(l.code)).map((l) => l.actual));
      const actual = general?.total.basic ?? this.sumOf([personnel, pub]);
      return {
        total: { actual, budgetInitial: null },
        personnel: { total: personnel, items: personnelItems },
        public: { total: pub, items: publicItems },
        classes: lines.filter((l) => l.level === 1).sort((x, y) => (x.code < y.code ? -1 : 1)),
        scope: "general",
      };
    }
    const t = this.a.tables.find((x) => !x.form && x.codeScheme === "economic" && x.kind === "budget-actual" && x.roles.actual);
    if (!t) return null;
    const lines = t.rows.filter((r) => r.code && !r.isTotal).map((r) => this.codedLine(t, r));
    const classes = lines.filter((l) => l.code.length === 3);
    const items = lines.filter((l) => l.code.length === 5);
    const isPersonnel = (c: string) => c.startsWith("301") || c.startsWith("303");
    const total = this.totalLine(t);
    return {
      total: total ?? { actual: null },
      personnel: {
        total: this.sumOf(classes.filter((l) => isPersonnel(l.code)).map((l) => l.actual)),
        items: items.filter((l) => isPersonnel(l.code)),
      },
      public: {
        total: this.sumOf(classes.filter((l) => !isPersonnel(l.code)).map((l) => l.actual)),
        items: items.filter((l) => !isPersonnel(l.code)),
      },
      classes,
      scope: /一般公共预算/.test(t.title) ? "general" : "all",
    };
  }

  // ——— 三公 ———

  private sangongFigure(t: Table, i: SangongItem, field: "actual" | "budget" | "previous"): Figure | null {
    const cell = i.sources[field];
    if (cell)
      return this.fig(
        t,
        cell,
        field === "budget" ? (t.roles.budgetFinal ? "budgetFinal" : t.roles.budget ? "budget" : "budgetInitial") : undefined,
      );
    const v = i[field];
    if (v === null) return null;
    // A computed item (车 = 购置 + 运行 where the table has no 车 row).
    return { fen: v, sheet: t.sheet, cell: i.cell ?? "", unit: t.unit, decimals: 2, doubt: null };
  }

  private compared(t: Table, i: SangongItem, budgetKind: SangongFacts["budgetKind"]): Compared {
    const budget = this.sangongFigure(t, i, "budget");
    const row = t.rows.find((r) => r.cell === i.cell);
    return {
      actual: this.sangongFigure(t, i, "actual"),
      previous: this.sangongFigure(t, i, "previous"),
      budgetInitial: budgetKind === "initial" ? budget : null,
      budgetFinal: budgetKind === "final" ? budget : null,
      budget: budgetKind === null ? budget : null,
      ...this.reasons(t, row),
    };
  }

  private sangong(): SangongFacts | null {
    const sg = this.a.sangong;
    if (!sg) return null;
    const t = this.tableOf(sg.tableId);
    if (!t) return null;
    const budgetKind: SangongFacts["budgetKind"] = t.roles.budgetInitial ? "initial" : t.roles.budgetFinal ? "final" : null;
    const items: SangongLine[] = sg.items.map((i) => ({
      key: i.key as SangongLine["key"],
      name: sangongName(i),
      ...this.compared(t, i, budgetKind),
    }));
    const total = this.compared(t, sg.total, budgetKind);
    const main = items.filter((i) => i.key === "abroad" || i.key === "car" || i.key === "reception");
    total.actual = this.blankTotal(
      total.actual,
      sg.total.sources.actual,
      main.map((i) => i.actual ?? null),
    );
    const stat = (re: RegExp) => this.staffCount(re);
    const texts = this.texts();
    if (!total.reasonVsPrevious && texts.sangongReason) total.reasonVsPrevious = texts.sangongReason;
    return {
      total,
      items,
      budgetKind,
      scope: t.form ? (/一般公共预算/.test(t.title) ? "general" : "fiscal") : null,
      stats: {
        abroadGroups: stat(/出国.*团组/),
        abroadPeople: stat(/出国.*人(次|数)/),
        carsBought: stat(/(购置|新购).*(车|辆)/),
        carsHeld: stat(/(保有量|公务用车.*(辆|数量)$|车辆数)/),
        receptionBatches: stat(/接待.*批次/),
        receptionPeople: stat(/接待.*人(次|数)/),
        foreignBatches: stat(/外事接待.*批次/),
        foreignPeople: stat(/外事接待.*人(次|数)/),
      },
    };
  }

  private related(key: "meeting" | "training" | "office" | "operation"): Compared | null {
    const sg = this.a.sangong;
    const t = sg ? this.tableOf(sg.tableId) : undefined;
    const i = sg?.related.find((x) => x.key === key);
    if (!sg || !t || !i) return null;
    const budgetKind: SangongFacts["budgetKind"] = t.roles.budgetInitial ? "initial" : t.roles.budgetFinal ? "final" : null;
    return this.compared(t, i, budgetKind);
  }

  /** 会议费/培训费 from the 三公 table's related rows, else the 经济分类 lines 30215/30216 (公开06: 基本支出 only). */
  private generalSpending(): GeneralSpendingFacts | null {
    const fromCode = (code: string): (Compared & { scope: "general" | "all" }) | null => {
      for (const t of [...this.forms("final-06"), ...this.a.tables.filter((x) => !x.form && x.codeScheme === "economic")]) {
        const r = t.rows.find((x) => x.code === code);
        if (r) return { ...this.codedLine(t, r), scope: t.form || /一般公共预算/.test(t.title) ? "general" : "all" };
      }
      return null;
    };
    const meeting = this.related("meeting") ?? fromCode("30215");
    const training = this.related("training") ?? fromCode("30216");
    const office = this.related("office");
    const festivals = this.entryAmount(/节庆|晚会|论坛|赛事/);
    if (!meeting && !training && !office && !festivals) return null;
    return {
      meeting: meeting
        ? { ...meeting, meetings: this.entryCount(/会议(次数|个数)/), people: this.entryCount(/(参会|会议).*人(次|数)/) }
        : null,
      training: training
        ? { ...training, sessions: this.entryCount(/培训(期数|次数)/), people: this.entryCount(/(参训|培训).*人(次|数)/) }
        : null,
      office,
      festivals,
    };
  }

  private operating(): Compared | null {
    const r = this.related("operation");
    if (r) return { ...r, reasonVsPrevious: r.reasonVsPrevious ?? this.textReason("operatingReason") };
    const fig = this.entryAmount(/^机关运行经费/);
    return fig
      ? { actual: fig, previous: this.entryAmount(/^上年机关运行经费/), reasonVsPrevious: this.textReason("operatingReason") }
      : null;
  }

  // ——— 公开08 / 公开09 ———

  private fund(id: "final-08" | "final-09"): FundFacts | null {
    const t = this.forms(id)[0];
    if (!t) return null;
    const r = t.rows.find((x) => x.isTotal && x.totalKind !== "subtotal");
    const pick = (role: ColumnRole) => (r && t.roles[role] ? this.fig(t, r.amounts[role]) : null);
    const lines = t.rows.filter((x) => x.code && !x.isTotal).map((x) => this.codedLine(t, x));
    const expenditure = pick("actual") ?? pick("rowTotal");
    const facts: FundFacts = {
      empty: false,
      sheet: t.sheet,
      carryIn: pick("carryIn"),
      income: pick("income"),
      expenditure,
      basic: pick("expBasic"),
      project: pick("expProject"),
      carryOut: pick("carryOut"),
      previousExpenditure: null,
      lines,
    };
    const all = [facts.carryIn, facts.income, facts.expenditure, facts.basic, facts.project, facts.carryOut, ...lines.map((l) => l.actual)];
    facts.empty = all.every((x) => !x || x.fen === 0);
    return facts;
  }

  // ——— 政府采购, 国有资产 (input sheet) ———

  private procurement(): ProcurementFacts | null {
    const total = this.entryAmount(/^政府采购(支出)?总额/);
    if (!total) return null;
    return {
      total,
      goods: this.entryAmount(/^(政府采购)?货物/),
      works: this.entryAmount(/^(政府采购)?工程/),
      services: this.entryAmount(/^(政府采购)?服务/),
      sme: this.entryAmount(/中小企业/),
      small: this.entryAmount(/小微企业/),
    };
  }

  private assets(): AssetFacts | null {
    const vehicles = this.entryCount(/^(车辆(总数|数)?|共有车辆|车辆合计)/);
    const generalEquipment = this.entryCount(/50万元以上通用设备/);
    const specialEquipment = this.entryCount(/100万元以上专用设备/);
    const equipment100 = this.entryCount(/100万元（含）以上设备|100万元\(含\)以上设备/);
    const total = this.entryAmount(/^资产总额/);
    if (!vehicles && !generalEquipment && !specialEquipment && !equipment100 && !total) return null;
    const kinds = (this.a.texts.entries ?? [])
      .filter((e) => /用车$/.test(e.key) && !/^车辆/.test(e.key))
      .map((e) => ({ name: e.key, count: this.entryCount(new RegExp(`^${escapeRe(e.key)}$`)) }))
      .filter((k): k is { name: string; count: Count } => k.count !== null);
    return { vehicles, vehicleKinds: kinds, generalEquipment, specialEquipment, equipment100, total };
  }

  // ——— 部门整体支出绩效自评表 (财预〔2020〕10号) ———

  /**
   * The national 自评表 as the recogniser read it (recognise/selfeval.ts): the 年度资金总额 row (年初/全年预算, 执行数,
   * 分值, 得分), the goals, and the 绩效指标 rows (一级/二级/三级, 指标值, 实际完成值, 分值, 得分, 偏差原因). The 部门整体
   * form first; a 项目 form when it is the only one.
   */
  private selfEval(): ReportFacts["selfEval"] {
    const all = this.a.selfEvaluations;
    const s = all.find((x) => x.form === "selfeval-dept") ?? all.find((x) => x.form === "selfeval-project");
    if (!s) return null;
    const pts = (c: AmountCell | undefined, t: Table): Points | null =>
      c && !c.bad && c.value !== null ? { hundredths: c.value, sheet: t.sheet, cell: c.cell } : null;
    const head = s.funds;
    const funds = head?.rows.find((r) => r.isTotal) ?? head?.rows[0];
    const indicators: NonNullable<ReportFacts["selfEval"]>["indicators"] = [];
    const t = s.indicators;
    for (const r of t?.rows ?? []) {
      if (r.isTotal) continue;
      // "指标1：工程完工率", or with the colon lost in a copy ("指标1工程完工率"): the 三级指标 is what follows.
      const name = (r.labels.level3 ?? r.name).replace(/^指标\d+[:：]?(?=\D)/, "").trim();
      // A line with no 分值, 得分, 指标值 or 完成值 is a note under the table, not an indicator.
      const said = r.amounts.maxScore?.value != null || r.amounts.score?.value != null || r.texts?.target || r.texts?.result;
      if (!name || !said) continue;
      indicators.push({
        level1: r.labels.level1 ?? "",
        level2: r.labels.level2 ?? "",
        name,
        target: r.texts?.target ?? null,
        result: r.texts?.result ?? null,
        max: pts(r.amounts.maxScore, t!),
        score: pts(r.amounts.score, t!),
        deviation: this.reasonOf(t!, r),
      });
    }
    const goal = (text: string | null): Reason | null => (text && s.goals.cell ? { text, sheet: s.sheet, cell: s.goals.cell } : null);
    return {
      sheet: s.sheet,
      project: s.form === "selfeval-project" && s.subject ? { text: s.subject.text, sheet: s.sheet, cell: s.subject.cell } : null,
      funds: {
        initial: head && funds ? this.fig(head, funds.amounts.budgetInitial) : null,
        final: head && funds ? this.fig(head, funds.amounts.budgetFinal) : null,
        actual: head && funds ? this.fig(head, funds.amounts.actual) : null,
        rate: null,
        max: head && funds ? pts(funds.amounts.maxScore, head) : null,
        score: head && funds ? pts(funds.amounts.score, head) : null,
      },
      goal: goal(s.goals.expected),
      goalResult: goal(s.goals.achieved),
      total: t ? pts(t.rows.find((r) => r.isTotal && r.amounts.score?.value != null)?.amounts.score, t) : null,
      indicators,
    };
  }

  // ——— 绩效 ———

  private performance(): PerformanceFacts | null {
    const a = this.a;
    const sheet = a.scoringSheet;
    const r = a.scoring;
    if (!sheet && !r) return null;
    const pts = (h: number | null, s: string | null = null, c: string | null = null): Points | null =>
      h === null ? null : { hundredths: h, sheet: s, cell: c };
    const adjustments: { name: string; points: Points }[] = [];
    const groups: PerformanceFacts["groups"] = [];
    const ADJUST = /加分|扣分|奖励|创先争优|减分/;
    if (sheet) {
      for (const item of sheet.items) {
        const g = item.level1 ?? "";
        if (ADJUST.test(g)) {
          if (item.score !== null) {
            const negative = /扣分|减分/.test(g) && item.score > 0;
            adjustments.push({
              name: item.name,
              points: { hundredths: negative ? -item.score : item.score, sheet: sheet.sheet, cell: item.cell },
            });
          }
          continue;
        }
        let group = groups.find((x) => x.name === g);
        if (!group) {
          group = { name: g, max: null, score: null, items: [] };
          groups.push(group);
        }
        const line: ScoreLine = {
          group: g,
          name: item.name,
          max: pts(item.max, sheet.sheet, item.cell),
          score: pts(item.score, sheet.sheet, item.cell),
          note: null,
        };
        group.items.push(line);
      }
    } else if (r) {
      for (const i of r.items) {
        let group = groups.find((x) => x.name === i.indicator.level1);
        if (!group) {
          group = { name: i.indicator.level1, max: null, score: null, items: [] };
          groups.push(group);
        }
        group.items.push({ group: i.indicator.level1, name: i.indicator.name, max: pts(i.weight), score: pts(i.score), note: null });
      }
    }
    for (const g of groups) {
      g.max = g.items.some((i) => i.max === null) ? null : pts(sumFen(g.items.map((i) => i.max!.hundredths)));
      g.score = g.items.some((i) => i.score === null) ? null : pts(sumFen(g.items.map((i) => i.score!.hundredths)));
    }
    // The bonus list: the workbook's 加分项 table (a repeated item counted once), else the clerk's settings.
    const bonusTable = a.tables.find((x) => x.kind === "bonus");
    if (bonusTable) {
      const seen = new Set<string>();
      for (const row of bonusTable.rows) {
        const v = row.amounts.score;
        if (row.isTotal || !v || v.bad || !v.value) continue;
        const key = squash(row.name).replace(/[“”"'《》]/g, "");
        if (seen.has(key) || /^(加分)?合计$/.test(key)) continue;
        seen.add(key);
        adjustments.push({ name: row.name.trim(), points: { hundredths: v.value, sheet: bonusTable.sheet, cell: v.cell } });
      }
    } else if (r && !sheet)
      for (const b of r.bonus) adjustments.push({ name: b.name, points: { hundredths: b.points, sheet: null, cell: null } });
    const adjustmentTotal = adjustments.length > 0 ? pts(sumFen(adjustments.map((x) => x.points.hundredths))) : null;
    const pending = groups.reduce((n, g) => n + g.items.filter((i) => i.score === null).length, 0);
    const baseFen = groups.some((g) => g.score === null) ? null : sumFen(groups.map((g) => g.score!.hundredths));
    const base = pts(baseFen);
    let total: Points | null = null;
    let grade: string | null = null;
    if (baseFen !== null) {
      const capped = !sheet && r ? r.bonusTotal : (adjustmentTotal?.hundredths ?? 0);
      total = pts(baseFen + capped);
      grade = sheet ? gradeFor(baseFen + capped, r) : (r?.grade ?? null);
    }
    const stated = sheet?.bonusTotal ?? null;
    return {
      framework: sheet ? null : (r?.framework.name ?? null),
      base,
      adjustments,
      adjustmentTotal,
      statedAdjustmentTotal:
        stated !== null && adjustmentTotal && stated !== adjustmentTotal.hundredths ? pts(stated, sheet?.sheet ?? null) : null,
      total,
      grade,
      pending,
      groups,
      evaluated: sheet !== null || (r?.items.some((i) => i.status === "manual") ?? false),
      projects: this.entryCount(/^(绩效)?自评(的)?项目(个数|数)/),
      projectFunds: this.entryAmount(/^(绩效)?自评(项目)?(涉及)?(资金|金额)/),
    };
  }
}

/** The grade of a total in the framework's bands (优 ≥ 90 …), as the scoring does. */
function gradeFor(total: number, r: CheckResult["scoring"]): string | null {
  return gradeOf(total, r?.framework.grades ?? DEFAULT_GRADES);
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

export const sangongName = (i: { item: string }) =>
  i.item
    .replace(/^([(（]?[一二三四五六七八九十\d]+[)）]?[、.．]?)/, "")
    .replace(/^其中[:：]?/, "")
    .trim();

export type { Fen };
