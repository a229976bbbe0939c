/** What the WPS 表格 / WPS 文字 add-in says to the clerk (src/wps and its pane entry): Chinese, plain, one place. */
/**
 * The very hidden sheet in which WPS 表格 keeps the clerk's settings (WPS's PluginStorage is not saved with the file);
 * the .xlsx reader looks for it too, so the Word/WPS 文字 pane and the command line start from the same choices.
 */
export const WPS_SETTINGS_SHEET = "决算助手设置";

export const WPS_TEXT = {
  addinName: "决算助手",
  documentPaneTitle: "决算助手 · WPS 文字",
  tabLabel: "决算助手",
  groupLabel: "决算核对",
  checkButton: "一键检查",
  openButton: "打开助手",
  hideButton: "收起面板",
  checkTip: "识别预算/决算表，核对并写出「差异分析」等结果表（不打开窗格）",
  openTip: "打开决算助手任务窗格",
  notInEt: "请在 WPS 表格中打开决算助手（没有找到 WPS 表格的接口）",
  notInWps: "请在 WPS 文字中打开决算助手（没有找到 WPS 文字的接口）",
  noWorkbook: "请先打开要检查的工作簿",
  /** The embedded browser lacks BigInt (Chromium before 67): the exact arithmetic of the check cannot run. */
  noBigInt: "此版本 WPS 的内置浏览器过旧，无法运行决算助手的精确计算；请升级 WPS 到较新版本（内核 Chromium 67 及以上），或改用命令行版本。",
  noDocument: "请先打开或新建一个文字文档",
  hostFailed: (what: string) => `WPS 未能${what}`,
  lastCommandFailed: (message: string) => `上次“一键检查”未完成：${message}`,
  settingsInvalid: (path: string) => `工作簿中保存的设置无效，已使用默认设置（${path}）`,
  savedTo: (where: string) => `已保存到${where}`,
  workbookFolder: (path: string) => `工作簿所在文件夹（${path}）`,
  desktop: (path: string) => `桌面（${path}）`,
  insertPaths: {
    docx: "整份文档插入（保留公文样式和页面设置）",
    html: "以 HTML 文件插入（保留标题、段落和表格，字体可能需要调整）",
    newDocument: "已作为新文档打开",
  },
  fileNotWritten: (path: string) => `临时文件未能写入：${path}`,
  steps: {
    listSheets: "读取工作表",
    readSheet: (name: string) => `读取工作表「${name}」`,
    writeSheets: "写入结果表",
    removeSheets: "删除结果表",
    select: (where: string) => `选中 ${where}`,
    saveSettings: "保存设置",
    saveFile: "保存报告文件",
    insertReport: "插入报告",
    readDocument: "读取当前文档",
  },
} as const;
