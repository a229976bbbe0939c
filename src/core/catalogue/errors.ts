/** Messages for input the product cannot use and for the named failures shown to the user: Chinese first, English after. */
export const INPUT_ERRORS = {
  noTables: {
    zh: (file: string) => `没有识别到预算/决算表：${file}。表头需要有“科目名称/项目”和“预算数/决算数/上年数”等列。`,
    en: (file: string) => `No budget/final-accounts table found in ${file}.`,
  },
} as const;

export const DRAFT_ERRORS = {
  selfCheck: (problems: string) => `报告自检未通过：${problems}`,
  auditFinding: (message: string) => `核对未通过：${message}`,
} as const;
