/** The words of the result sheets: titles, notes, headers, flags. */
export const SHEET_TEXT = {
  scoringNote: (framework: string, source: string, grades: string) =>
    `${framework}。依据：${source}。定量指标由工作簿数据计算；“待评分”的指标请在“得分”列填写，小计、合计和等级随之更新。等级：${grades}。`,
} as const;
