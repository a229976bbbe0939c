import { AUDIT_REVIEW } from "./review";

/**
 * The words of the task pane (Excel and Word): tabs, orientation, progress, the to-do list, findings, scoring, reports,
 * audit, and Office's error codes turned into a sentence with a remedy. Every sentence the pane shows comes from here.
 */
export const PANE = {
  title: "决算助手",
  subtitle: "预决算差异、三公经费、合计核对、绩效评分与报告；数据只在本机处理",
  tabs: { check: "检查", scoring: "评分", report: "报告", audit: "核对" },
  tabsLabel: "决算助手的功能",
  tooOld: "此版本的 Excel 过旧：决算助手需要 Excel 2016 或更新版本（ExcelApi 1.7）。",
  notInExcel: "请在 Excel 中打开决算助手",
  notInWord: "请在 Word 中打开决算助手",
  storedSettingsBad: (path: string) => `工作簿中保存的设置无效，已使用默认设置（${path}）`,
  lastCommandFailed: (message: string) => `上次“一键检查”未完成：${message}`,

  status: {
    never: "尚未检查本工作簿",
    checked: (time: string) => `上次检查 ${time}`,
    counts: (e: number, w: number, i: number) => `错误 ${e} · 提示 ${w} · 参考 ${i}`,
    awaiting: "等待确认表格列",
  },

  orientation: {
    title: "一键检查会做什么",
    will: [
      "读取本工作簿中的预算、决算、三公经费、人员和评分表；",
      "核对合计与层级、预决算差异、三公经费变动，给绩效指标评分；",
      "新增结果表：",
    ],
    sheets: "「差异分析」「三公经费对比」「绩效评分表」，有提示时另加「审核说明」。",
    never: "不会改动您的任何单元格；再次检查只替换这些结果表。您在结果表里填的得分和说明会保留。",
    undo: "注意：在桌面版 Excel 中，新增工作表会清空撤销记录（Ctrl+Z 无法撤回此前的操作）。结果表可随时用“删除结果表”移除。",
  },
  run: "一键检查",
  rerun: "重新检查",
  steps: {
    read: "正在读取工作表…",
    analyze: "正在识别表格并核对…",
    confirm: "请先确认表格列",
    write: "正在写入结果表…",
    done: "完成",
  },
  errorTitle: "出错了",
  noTables: "没有识别到预算/决算表。表头需要有“科目名称/项目”和“预算数/决算数/上年数”等列。",
  written: (tables: number, sheets: string) => `已识别 ${tables} 张表，结果写入 ${sheets}。`,
  removeSheets: "删除结果表",
  removeConfirm: (sheets: string) => `将删除 ${sheets}。您自己的工作表不会被删除。确定吗？`,
  removed: (sheets: string) => `已删除 ${sheets}。`,
  nothingToRemove: "没有决算助手生成的结果表。",
  exportFindings: "导出问题清单",
  exported: (sheet: string) => `问题清单已写入「${sheet}」。`,
  confirm: "确定",
  cancel: "取消",

  todo: {
    title: "接下来要做",
    errors: (n: number) => `改正 ${n} 处错误（见下方“错误”）`,
    noErrors: "没有需要改正的错误",
    notes: (missing: number, all: number) => `为 ${missing} 条提示填写说明（共 ${all} 条；说明写入「审核说明」）`,
    notesDone: (all: number) => `${all} 条提示都已说明`,
    scores: (n: number) => `在“评分”页填写 ${n} 项评分或完成值`,
    scoresDone: "评分已填完",
    report: "在“报告”页生成报告草稿",
    go: "前往",
  },

  summary: {
    title: (unit: string) => `汇总（${unit}）`,
    line: (budget: string | null, actual: string, diff: string | null, rate: string | null) =>
      `${budget === null ? "" : `预算 ${budget}，`}决算 ${actual}${diff === null ? "" : `，差异 ${diff}（${rate}）`}`,
    noBudgetRate: "无预算",
    sangong: (actual: string, change: string | null, budget: string | null, completion: string) =>
      `三公经费本年 ${actual}${change ? `，${change}` : ""}${budget === null ? "" : `；预算 ${budget}，完成 ${completion}`}。`,
  },

  findings: {
    title: (n: number) => `发现 ${n} 项`,
    none: "未发现问题。",
    groups: { error: "错误（需更正）", warning: "提示（需说明或核实）", info: "参考" },
    why: "原因：",
    todo: "处理：",
    where: (place: string) => `位置 ${place}`,
    noteLabel: "说明（写入「审核说明」）",
    notePlaceholder: "例如：年中追加防汛资金",
    saveNote: "保存说明",
    writeNote: "填写说明",
    editNote: "修改说明",
    noteShown: (note: string) => `说明：${note}`,
    noteSaved: "已保存",
    more: (n: number) => `另有 ${n} 项参考，展开查看`,
  },

  columns: {
    title: "请确认表格列",
    intro: "识别时有拿不准的地方。请确认下面的列和单位，再写入结果表；确认会保存在工作簿中，下次一键即可。",
    budget: "预算列",
    actual: "决算列",
    previous: "上年列",
    unit: "金额单位",
    none: "（无）",
    column: (letter: string, header: string) => `${letter} 列：${header || "（无表头）"}`,
    confirmAndWrite: "确认并写入结果表",
    asRecognised: "按识别结果写入",
    fromRibbon: "有表格的列拿不准，结果表尚未写入。请在任务窗格中确认表格列，再点“一键检查”。",
  },

  settings: {
    title: "设置",
    threshold: "差异率提示线（%）",
    floor: "差异额下限（万元）",
    unit: "显示单位",
    invalid: "请输入 0 到 1000 之间的数",
    apply: "保存并重新检查",
  },

  scoring: {
    title: "绩效评分",
    none: "工作簿中没有可用于评分的预算数据。请先在“检查”页一键检查。",
    framework: "指标体系",
    frameworks: {
      "dept-overall": "部门整体支出绩效评价（投入、过程、产出、效果）",
      "self-evaluation": "部门整体支出绩效自评表（执行率、产出、效益、满意度）",
    } as Record<string, string>,
    total: (total: string, grade: string | null) => `总分 ${total} 分，等级“${grade}”`,
    partial: (score: string, pending: number) => `已得 ${score} 分，尚有 ${pending} 项待评分`,
    group: (name: string, weight: string, score: string | null) => `${name}（${weight} 分）${score === null ? "" : ` · 得 ${score} 分`}`,
    badge: (score: string, weight: string) => `${score} / ${weight} 分`,
    pending: "待评分",
    missing: "缺数据",
    criterion: "评分标准：",
    inputs: "依据：",
    rate: (rate: string) => `实际值 ${rate}%`,
    scoreLabel: (max: string) => `得分（0–${max}）`,
    rateLabel: (formula: string | null) => `完成值（%）${formula ? `：${formula}` : ""}`,
    overMax: "超过分值",
    notNumber: "请输入数字",
    save: "保存评分并重新检查",
    saveHint: "评分也可以直接填在「绩效评分表」的蓝色格子里，重新检查时会保留。",
    editor: "调整分值与参数",
    weightSum: (sum: string, full: string) => `分值合计 ${sum}，应为 ${full}`,
    weight: "分值",
    params: {
      target: "标准（%）",
      perPoint: "每百分点扣分",
      step: "每档（%）",
      perStep: "每档扣分",
      cap: "封顶（%）",
    } as Record<string, string>,
    saveFramework: "保存分值与参数并重新检查",
  },

  report: {
    title: "生成报告",
    intro: "按工作簿中的数字起草报告（Word 文件），每个数字都经过自检；缺的内容留黄色【请填写】。",
    template: "报告类型",
    windowsFonts: "使用 Windows 自带字体（仿宋、楷体），本机没有仿宋_GB2312 时选用",
    generate: "生成报告",
    busy: "正在生成…",
    saved: (title: string, where: string, file: string, todo: number) =>
      `已生成《${title}》，保存到${where}，文件名“${file}”${todo > 0 ? `；有 ${todo} 处【请填写】需补充` : ""}。`,
    clipboard: (todo: number) =>
      `Excel for Mac 不能从任务窗格下载文件。报告已复制到剪贴板（带格式），可直接粘贴到 Word${todo > 0 ? `，有 ${todo} 处【请填写】需补充` : ""}；` +
      "也可以在 Word 中打开“决算助手”，选择本工作簿生成同一份报告。",
    needCheck: "请先在“检查”页一键检查，报告按检查结果起草。",
    /** After the saved/inserted message: what the workbook lacks for the report (DRAFT_GAPS). */
    gap: (why: string) => `注意：${why}`,
  },
  savedWhere: "浏览器（或 Office）的默认下载位置，通常是“下载”文件夹",

  audit: {
    title: "核对报告",
    intro: "检查报告中的合计、增减额、百分比、增减方向和单位，并与本工作簿的表格比对。",
    field: "粘贴报告文字，或选择 Word / 文本文件",
    run: "核对",
    pick: "选择文件…",
    fileLabel: "报告文件",
    counts: AUDIT_REVIEW.counts,
    verdict: AUDIT_REVIEW.verdict,
    paragraph: (n: string) => `第${n}段`,
  },

  word: {
    title: "决算助手 · Word",
    subtitle: "选择决算工作簿，生成报告草稿并插入当前文档；工作簿只在本机读取",
    pick: "选择工作簿…",
    none: "未选择",
    workbookLabel: "决算工作簿",
    reading: "正在读取工作簿…",
    inserting: "正在生成并插入报告…",
    auditing: "正在核对当前文档…",
    loaded: (name: string, tables: number, findings: number, fromWorkbook: boolean) =>
      `「${name}」：识别到 ${tables} 张表，发现 ${findings} 项问题${fromWorkbook ? "；已使用工作簿中保存的设置" : ""}`,
    outline: (title: string) => `《${title}》提纲`,
    cursor: "插入到光标处",
    replace: "替换全文",
    newDoc: "新建文档",
    replaceTitle: "替换全文？",
    replaceBody: "当前文档的全部内容将被报告草稿替换。可以用 Word 的“撤消”（Ctrl+Z）恢复；如不确定，请改用“插入到光标处”或“新建文档”。",
    replaceConfirm: "替换全文",
    inserted: (title: string, path: string, note: string, todo: number) =>
      `已插入《${title}》：${path}${note}。${todo > 0 ? `有 ${todo} 处【请填写】（黄色）需补充。` : ""}`,
    fallback: (why: string) => `（整份插入未成功：${why}）`,
    auditTitle: "核对当前文档",
    auditIntro: (against: string | null) =>
      `检查文档中的合计、增减额、百分比、增减方向和单位${against ? `，并与「${against}」中的数字比对` : "（选择工作簿后还会与表中数字比对）"}。`,
    insertFailed: "Word 未能插入报告",
  },
} as const;

/**
 * Office's error codes (OfficeExtension.Error.code) as the clerk should read them: what happened and what to do. Codes
 * not listed fall back to `other`.
 */
export const OFFICE_ERRORS: Record<string, { what: string; remedy: string }> = {
  AccessDenied: {
    what: "Excel 拒绝了这次操作（工作簿或工作表受保护，或文件是只读的）",
    remedy: "请在“审阅”选项卡中撤消工作簿/工作表保护，或另存一份可编辑的副本后再试。",
  },
  InvalidOperation: {
    what: "Excel 当前不允许这次操作",
    remedy: "请关闭正在打开的对话框、退出筛选或单元格编辑状态后再试。",
  },
  ItemNotFound: {
    what: "找不到要操作的工作表或单元格（可能已被改名或删除）",
    remedy: "请重新检查一次，让决算助手按当前的工作表重新定位。",
  },
  ItemAlreadyExists: {
    what: "已有同名的工作表",
    remedy: "请把您自己的同名工作表改名，或删除决算助手的结果表后再试。",
  },
  GeneralException: {
    what: "Excel 内部出错",
    remedy: "请保存工作簿、关闭后重新打开再试；仍不行时，重启 Excel。",
  },
  RichApiRequestPayloadTooLarge: {
    what: "一次要写入的数据超过了 Excel 网页版的限制（5 MB）",
    remedy: "请删去工作簿中不需要的大表后再试，或在桌面版 Excel 中运行。",
  },
  RequestPayloadSizeLimitExceeded: {
    what: "一次要写入的数据超过了 Excel 网页版的限制（5 MB）",
    remedy: "请删去工作簿中不需要的大表后再试，或在桌面版 Excel 中运行。",
  },
  InsertDeleteConflict: {
    what: "插入或删除行列与工作表中的其他内容冲突（例如合并单元格或表格）",
    remedy: "请检查结果表附近的合并单元格或筛选，取消后再试。",
  },
  EditModeCellEditing: {
    what: "有单元格正处于编辑状态",
    remedy: "请按 Enter 或 Esc 结束单元格编辑，再点一次。",
  },
  InvalidArgument: {
    what: "Excel 不接受这次写入的内容",
    remedy: "请重新检查一次；仍不行时，请把工作簿和这条提示一起反馈给我们。",
  },
  ApiNotAvailable: {
    what: "此版本的 Office 不支持这项功能",
    remedy: "请更新 Office，或在 Excel 网页版中使用。",
  },
  Unauthenticated: {
    what: "登录已过期",
    remedy: "请在 Office 中重新登录后再试。",
  },
  ServiceNotAvailable: {
    what: "Office 服务暂时不可用",
    remedy: "请稍后再试。",
  },
  NotImplemented: {
    what: "此版本的 Office 不支持这项功能",
    remedy: "请更新 Office，或在 Excel 网页版中使用。",
  },
  other: {
    what: "Excel 出错",
    remedy: "请保存工作簿后再试一次；仍不行时，关闭并重新打开工作簿。",
  },
};

/** "Excel 拒绝了…。请…（错误代码：AccessDenied）": the sentence, the remedy, and the code for whoever helps. */
export function officeErrorText(code: string, doing: string | null = null): string {
  const e = OFFICE_ERRORS[code] ?? OFFICE_ERRORS.other;
  return `${doing ? `${doing}时，` : ""}${e.what}。${e.remedy}（错误代码：${code}）`;
}

export const PANE_ERRORS = {
  program: (message: string) => `程序错误：${message}。请把这条提示反馈给我们。`,
} as const;
