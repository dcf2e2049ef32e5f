// `kehoach export [--format html|docx] <plan.md> [-o <file>]`: the printed form of one plan, as a
// standalone HTML page or a Word document laid out per Nghị định 30/2020/NĐ-CP Phụ lục I.
// Exit code 0 when the file was written (whatever problems the plan has), 2 for usage errors,
// unreadable input or an output that cannot be written. The plan itself is never written.
import { readFileSync, statSync } from 'node:fs';
import { basename, dirname, extname, join, relative, resolve } from 'node:path';
import { type Command, Option } from 'commander';
import { looksLikePlan } from '../engine/detect.js';
import type { Locale } from '../engine/types.js';
import { EXPORT_FORMATS, type ExportFormat, exportPlan, formatOfPath } from '../preview/exporter.js';
import { planTextOf } from './analyze.js';
import { countXmlForbidden } from '../preview/xml-safe.js';
import type { CommandContext } from './command.js';
import { ConfigResolver } from './configs.js';
import { EXIT_OK, UsageError } from './errors.js';
import { writeFileSafely } from '../node/write.js';

interface ExportCommandOptions {
  format?: ExportFormat;
  output?: string;
  config?: string;
  locale?: Locale;
  problems?: boolean;
}

const STDIO = '-';

export function registerExportCommand(program: Command, context: CommandContext): void {
  const { t } = context;
  program
    .command('export')
    .description(
      t(
        'Xuất bản in của một kế hoạch (thể thức Nghị định 30/2020/NĐ-CP) ra trang HTML hoặc tệp Word .docx',
        'Export the printed form of a plan (Decree 30/2020/ND-CP layout) as an HTML page or a Word .docx file',
      ),
    )
    .argument('<plan>', t('tệp kế hoạch Markdown, hoặc "-" để đọc từ stdin', 'the Markdown plan, or "-" to read stdin'))
    .addOption(
      new Option('-f, --format <format>', t('html hoặc docx (mặc định: theo đuôi của tệp -o, không có thì docx)', 'html or docx (default: from the -o file extension, else docx)')).choices(
        EXPORT_FORMATS,
      ),
    )
    .option('-o, --output <file>', t('tệp ghi ra, "-" là stdout (mặc định: cạnh tệp kế hoạch, đổi đuôi)', 'file to write, "-" for stdout (default: beside the plan, extension changed)'))
    .option('-c, --config <file>', t('dùng tệp cấu hình này thay cho .kehoach.json gần nhất', 'use this configuration file instead of the nearest .kehoach.json'))
    .option('--problems', t('HTML: đánh dấu các vấn đề trên trang như bản xem trước', 'HTML: mark the problems on the page as the preview does'))
    .addOption(new Option('--locale <locale>', t('ngôn ngữ thông báo', 'message language')).choices(['vi', 'en']))
    .action(async (plan: string, options: ExportCommandOptions) => {
      process.exitCode = await runExport(plan, options, context);
    });
}

export async function runExport(plan: string, options: ExportCommandOptions, context: CommandContext): Promise<number> {
  const cwd = process.cwd();
  const fromStdin = plan === STDIO;
  const planPath = fromStdin ? undefined : resolve(cwd, plan);
  const configs = new ConfigResolver(options.locale ?? context.locale, options.config);
  const config = planPath ? configs.configFor(planPath) : configs.configFor(cwd, true);
  const locale = options.locale ?? config.locale ?? context.locale;
  const t = (vi: string, en: string): string => (locale === 'en' ? en : vi);

  const overwritesPlan = (path: string | undefined): void => {
    if (planPath && path === planPath) {
      throw new UsageError(t(`Tệp ghi ra trùng với tệp kế hoạch ${plan}; chọn tên khác bằng -o`, `The output is the plan itself (${plan}); choose another name with -o`));
    }
  };
  if (options.output && options.output !== STDIO) overwritesPlan(resolve(cwd, options.output));
  const format = chooseFormat(options, t);
  const output = options.output ?? (planPath ? replaceExtension(planPath, format) : undefined);
  if (!output) throw new UsageError(t('Khi đọc từ stdin cần chỉ rõ tệp ghi ra bằng -o', 'Reading stdin needs an output file given with -o'));
  const outputPath = output === STDIO ? undefined : resolve(cwd, output);
  overwritesPlan(outputPath);

  const bytes = planPath ? readPlan(planPath, plan, config.maxFileSize, t) : await readStdin();
  const text = planTextOf(bytes, plan, locale);
  const forbidden = countXmlForbidden(text);
  if (forbidden > 0) {
    process.stderr.write(`${t(`Lưu ý: ${plan} có ${forbidden} ký tự điều khiển hoặc ký tự không hợp lệ trong XML, được thay bằng � khi xuất`, `Note: ${plan} has ${forbidden} control or XML-invalid character(s), replaced with � in the export`)}\n`);
  }
  if (!looksLikePlan(text)) {
    process.stderr.write(`${t(`Lưu ý: ${plan} không giống một kế hoạch (không thấy tiêu đề KẾ HOẠCH hay số .../KH-...)`, `Note: ${plan} does not look like a plan (no KẾ HOẠCH title or .../KH-... number)`)}\n`);
  }

  const result = await exportPlan(text, format, { config, locale, problems: options.problems });
  if (outputPath) writeNewFile(outputPath, result.bytes, t);
  else process.stdout.write(result.bytes);

  const errors = result.check.diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = result.check.diagnostics.filter((d) => d.severity === 'warning').length;
  const shown = outputPath ? relative(cwd, outputPath).split('\\').join('/') || outputPath : 'stdout';
  const lines = [t(`Đã xuất ${shown} (${format})`, `Wrote ${shown} (${format})`)];
  if (errors + warnings > 0) {
    lines.push(
      t(
        `Kế hoạch còn ${errors} lỗi, ${warnings} cảnh báo; xem bằng: kehoach check ${plan}`,
        `The plan still has ${errors} error(s) and ${warnings} warning(s); see them with: kehoach check ${plan}`,
      ),
    );
  }
  process.stderr.write(`${lines.join('\n')}\n`);
  return EXIT_OK;
}

function chooseFormat(options: ExportCommandOptions, t: (vi: string, en: string) => string): ExportFormat {
  const fromOutput = options.output && options.output !== STDIO ? formatOfPath(options.output) : undefined;
  if (options.format && options.output && options.output !== STDIO && fromOutput !== options.format) {
    throw new UsageError(
      t(
        `Tệp ghi ra ${options.output} không có đuôi .${options.format} của định dạng --format ${options.format}`,
        `The output ${options.output} lacks the .${options.format} extension of --format ${options.format}`,
      ),
    );
  }
  if (!options.format && options.output && options.output !== STDIO && !fromOutput) {
    throw new UsageError(
      t(
        `Không biết xuất ${options.output} theo định dạng nào: dùng đuôi .docx hoặc .html, hoặc --format`,
        `Cannot tell the format of ${options.output}: use a .docx or .html extension, or --format`,
      ),
    );
  }
  return options.format ?? fromOutput ?? 'docx';
}

function replaceExtension(path: string, format: ExportFormat): string {
  const ext = extname(path);
  return join(dirname(path), `${basename(path, ext)}.${format}`);
}

function readPlan(path: string, shown: string, maxFileSize: number, t: (vi: string, en: string) => string): Buffer {
  let size: number;
  try {
    const stat = statSync(path);
    if (stat.isDirectory()) throw new UsageError(t(`${shown} là một thư mục; export nhận một tệp kế hoạch`, `${shown} is a folder; export takes one plan file`));
    size = stat.size;
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(
      isCode(error, 'ENOENT') ? t(`Không tìm thấy tệp ${shown}`, `No such file: ${shown}`) : t(`Không đọc được ${shown} (${codeOf(error)})`, `Cannot read ${shown} (${codeOf(error)})`),
    );
  }
  if (size > maxFileSize) {
    throw new UsageError(t(`${shown} lớn hơn giới hạn ${maxFileSize} byte (maxFileSize)`, `${shown} is larger than the ${maxFileSize} byte limit (maxFileSize)`));
  }
  try {
    return readFileSync(path);
  } catch (error) {
    throw new UsageError(t(`Không đọc được ${shown} (${codeOf(error)})`, `Cannot read ${shown} (${codeOf(error)})`));
  }
}

async function readStdin(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Through a temporary file and a rename (node/write.ts), so a failed export never leaves half a file behind. */
function writeNewFile(path: string, content: Uint8Array, t: (vi: string, en: string) => string): void {
  const folder = dirname(path);
  try {
    if (!statSync(folder).isDirectory()) throw new Error('ENOTDIR');
  } catch {
    throw new UsageError(t(`Không có thư mục ${folder} để ghi tệp`, `No folder ${folder} to write the file in`));
  }
  try {
    writeFileSafely(path, content);
  } catch (error) {
    throw new UsageError(t(`Không ghi được ${path} (${codeOf(error)})`, `Cannot write ${path} (${codeOf(error)})`));
  }
}

function isCode(error: unknown, code: string): boolean {
  return codeOf(error) === code;
}

function codeOf(error: unknown): string {
  if (error && typeof error === 'object' && 'code' in error && typeof error.code === 'string') return error.code;
  return error instanceof Error ? error.message : String(error);
}
