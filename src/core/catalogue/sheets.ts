/** The words of the result sheets: titles, notes, headers, flags, legends, print footers. */
export const SHEET_TEXT = {
  scoringNote: (framework: string, source: string, grades: string) =>
    `${framework}。依据：${source}。定量指标的实际值是引用源数据单元格的公式（源数据是文本或在另一工作簿时写入检查时算出的数值），` +
    `得分按评分规则由实际值算出；蓝色格子请评价人员填写（“得分”，或缺数据时的“实际值”，填入后得分随即算出），重新检查时会保留；` +
    `小计、合计和等级随之更新。等级：${grades}。`,
  /** Above the references the 差异分析 chart reads. */
  chartData: (title: string) => `图表数据：「${title}」最上一级的项目（引用上表）`,
  /** 「差异分析」 with nothing to compare: why, and what was read. */
  nothingToCompare: (tables: string) =>
    `工作簿中没有可做预决算差异分析的表（同一张表里既有预算数又有决算数，或有本年数和上年数）。识别到的表：${tables || "无"}。`,
  notesNote:
    "提示类问题需要书面说明后再报送（与久其决算软件的审核要求一致）。请在蓝色的“说明”列填写；重新检查时说明会保存到工作簿中，不会丢失。",
  findingsNote:
    "本表由任务窗格的“导出问题清单”生成，列出全部检查发现及处理办法；“说明”抄自「审核说明」，请在那里填写。重新检查时本表随之更新。",
  /** Centred footer with Excel's page fields. */
  footer: "第 &P 页，共 &N 页",
  legendLabel: "图例：",
  findingsHeading: (heading: string, n: number) => `${heading}（共 ${n} 项）`,
  noFindings: "未发现问题。",
} as const;

/** One meaning per highlight colour, the same on every result sheet. */
export const LEGEND = {
  error: "需更正",
  warning: "需说明或核实",
  input: "待填写",
} as const;

/** Sheet names and titles of the sheets written beside the analysis. */
export const NOTES_SHEET = "审核说明";
export const FINDINGS_SHEET = "问题清单";

/** Headers of 「绩效评分表」: the clerk's scores are read back by them. */
export const SCORING_HEADERS = {
  level1: "一级指标",
  level2: "二级指标",
  name: "三级指标",
  weight: "分值",
  criterion: "评分标准",
  formula: "计算公式",
  value: "实际值",
  score: "得分",
  source: "数据来源 / 说明",
} as const;

/** Headers of 「审核说明」 and 「问题清单」: the clerk's 说明 are read back by them. */
export const NOTES_HEADERS = {
  index: "序号",
  severity: "级别",
  subject: "项目",
  where: "位置",
  rule: "类型",
  message: "问题",
  advice: "原因与处理",
  note: "说明",
} as const;

/** The findings list at the foot of a result sheet. */
export const FINDINGS_LIST_HEADERS = ["级别", "项目（位置）", "类型", "问题与处理"] as const;
