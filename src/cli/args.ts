import { z } from "zod";

/** CLI arguments, validated like every other boundary. */
const Threshold = z.coerce.number().min(0).max(1000);

export const CheckArgs = z.object({
  command: z.literal("check"),
  workbook: z.string().min(1),
  json: z.boolean().default(false),
  threshold: Threshold.optional(),
  floor: z.coerce.number().min(0).optional(),
  settings: z.string().optional(),
  /** The 预算 workbook of the same unit and year, compared with this 决算 workbook line by line. */
  budget: z.string().min(1).optional(),
});

export const SheetsArgs = z.object({
  command: z.literal("sheets"),
  workbook: z.string().min(1),
  output: z.string().min(1),
  /** Overwrite an existing output file (never the input). */
  force: z.boolean().default(false),
  threshold: Threshold.optional(),
  floor: z.coerce.number().min(0).optional(),
  settings: z.string().optional(),
  budget: z.string().min(1).optional(),
});

export const ReportArgs = z.object({
  command: z.literal("report"),
  workbook: z.string().min(1),
  output: z.string().min(1),
  force: z.boolean().default(false),
  template: z.enum(["performance", "final-accounts", "self-evaluation"]).optional(),
  /** The unit's own Word template (.docx with {字段} and {#循环}…{/循环}), filled instead of drawing the draft. */
  templateFile: z
    .string()
    .min(1)
    .refine((p) => /\.docx$/i.test(p), "模板须为 .docx 文件 / the template must be a .docx file")
    .optional(),
  fonts: z.enum(["gb", "windows"]).default("gb"),
  threshold: Threshold.optional(),
  floor: z.coerce.number().min(0).optional(),
  settings: z.string().optional(),
  budget: z.string().min(1).optional(),
});

export const AuditArgs = z.object({
  command: z.literal("audit"),
  workbook: z.string().min(1), // the report (positional); --workbook names the workbook
  against: z.string().optional(),
  json: z.boolean().default(false),
  settings: z.string().optional(),
});

export const CliArgs = z.discriminatedUnion("command", [CheckArgs, SheetsArgs, ReportArgs, AuditArgs]);
export type CliArgs = z.infer<typeof CliArgs>;

export const USAGE = `用法 / Usage:
  juesuan check <工作簿.xlsx | 文件夹> [--budget <预算工作簿.xlsx | 文件夹>] [--json] [--threshold <百分比>] [--floor <万元>] [--settings <设置.json>]
  juesuan sheets <工作簿.xlsx> -o <输出.xlsx> [--force] [--budget <预算工作簿.xlsx>] [--threshold <百分比>] [--floor <万元>]
                 [--settings <设置.json>]
  juesuan report <工作簿.xlsx> -o <输出.docx> [--force] [--budget <预算工作簿.xlsx>] [--template performance|final-accounts|self-evaluation]
                 [--fonts gb|windows] [--template-file <本单位模板.docx>] [--settings <设置.json>]
  （--force：输出文件已存在时覆盖它；输入文件本身永远不会被覆盖）
  （check、report、audit 也读取旧版 .xls 工作簿；sheets 的结果表写在 .xlsx 副本中，需要 .xlsx）
  juesuan audit  <报告.docx|.txt> [--workbook <工作簿.xlsx>] [--json]`;

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}

/** argv (after node and script) → validated arguments. */
export function parseArgs(argv: string[]): CliArgs {
  const [command, ...rest] = argv;
  const raw: Record<string, unknown> = { command };
  const positional: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    const next = () => {
      const v = rest[++i];
      if (v === undefined) throw new UsageError(`${a} 需要一个值 / ${a} needs a value`);
      return v;
    };
    if (a === "--json") raw.json = true;
    else if (a === "--force") raw.force = true;
    else if (a === "--threshold") raw.threshold = next();
    else if (a === "--floor") raw.floor = next();
    else if (a === "--settings") raw.settings = next();
    else if (a === "-o" || a === "--output") raw.output = next();
    else if (a === "--template") raw.template = next();
    else if (a === "--template-file") raw.templateFile = next();
    else if (a === "--fonts") raw.fonts = next();
    else if (a === "--workbook") raw.against = next();
    else if (a === "--budget") raw.budget = next();
    else if (a.startsWith("-")) throw new UsageError(`未知选项 ${a} / unknown option ${a}`);
    else positional.push(a);
  }
  if (positional.length !== 1) throw new UsageError("需要且只需要一个文件路径 / exactly one input file is needed");
  raw.workbook = positional[0];
  const parsed = CliArgs.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue.path.join(".") || "command";
    throw new UsageError(`参数有误（${where}）：${issue.message} / invalid argument (${where})`);
  }
  return parsed.data;
}
