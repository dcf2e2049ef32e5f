// `kehoach check [paths|globs|-]`: finds the plans, checks them (in parallel with --jobs), applies
// safe fixes with --fix, and writes one of three formats. Exit code 0 without error-severity
// problems, 1 with some, 2 for usage or configuration errors.
import { join, resolve } from 'node:path';
import { type Command, InvalidArgumentError, Option } from 'commander';
import { ConfigError, type ResolvedConfig } from '../../engine/config.js';

import type { Locale } from '../../engine/types.js';
import { analyzeFile, analyzeText } from '../analyze.js';
import type { CommandContext } from '../command.js';
import { ConfigResolver, formatConfigError } from '../configs.js';
import { comparePaths, discover, displayPath } from '../discover.js';
import { EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, UsageError } from '../errors.js';
import { jsonReporter } from '../formats/json.js';
import { FORMATS, type FormatName, type Reporter, type ReporterOptions } from '../formats/reporter.js';
import { sarifReporter } from '../formats/sarif.js';
import { stylishReporter } from '../formats/stylish.js';
import { messages } from '../i18n.js';
import { type FileJob, runInWorkers } from '../pool.js';
import type { FileReport, FileResult, Summary } from '../results.js';
import { type CheckIndex, indexForCheck } from '../workspace.js';
import { readPlanBytes } from '../../node/encoding.js';

export interface CheckOptions {
  format: FormatName;
  fix?: boolean;
  config?: string;
  locale?: Locale;
  quiet?: boolean;
  jobs: number;
  stdinFilename?: string;
  skipUnreadable?: boolean;
}

const REPORTERS: Record<FormatName, (options: ReporterOptions) => Reporter> = {
  stylish: stylishReporter,
  json: jsonReporter,
  sarif: sarifReporter,
};

/** Colour on a terminal only; NO_COLOR turns it off and FORCE_COLOR on (https://no-color.org). */
function useColor(): boolean {
  if (process.env.NO_COLOR) return false;
  if (process.env.FORCE_COLOR && process.env.FORCE_COLOR !== '0') return true;
  return process.stdout.isTTY === true;
}

async function readStdin(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function notice(text: string): void {
  process.stderr.write(`${text}\n`);
}

/** The file named by `-`: checked as a plan whatever it looks like; never written back. */
async function checkStdin(config: ResolvedConfig, locale: Locale, shownPath: string): Promise<FileResult> {
  const read = readPlanBytes(await readStdin());
  if (read.kind !== 'text') {
    const skipped = read.kind === 'binary' ? { reason: 'binary' as const, why: messages.whyBinary(locale) } : { reason: 'not-utf8' as const, why: read.guess[locale] };
    return { isPlan: false, diagnostics: [], skipped: { reason: skipped.reason, message: messages.unchecked(shownPath, skipped.why, true, locale) } };
  }
  return { isPlan: true, diagnostics: analyzeText(read.text, config, locale, false).diagnostics };
}

/** The jobs for the files the arguments name, in path order, each with its configuration. */
async function planJobs(args: readonly string[], options: CheckOptions, configs: ConfigResolver, cwd: string): Promise<{ jobs: FileJob[]; configErrors: ConfigError[]; emptyFolders: string[] }> {
  const { targets, unmatched, emptyFolders } = await discover(args.length > 0 ? args : ['.'], cwd);
  if (unmatched.length > 0) throw new UsageError(unmatched.map((arg) => messages.notFound(arg, options.locale ?? 'vi')).join('\n'));
  const configErrors = new Map<string, ConfigError>();
  const jobs: FileJob[] = [];
  for (const target of targets) {
    try {
      const config = configs.configFor(target.path);
      if (!target.explicit && configs.isIgnored(target.path)) continue;
      const locale = options.locale ?? config.locale ?? 'vi';
      const refuseUnchecked = target.explicit && !options.skipUnreadable;
      jobs.push({ task: { path: target.path, explicit: target.explicit, config, locale, fix: options.fix === true, refuseUnchecked }, displayPath: displayPath(target.path, cwd) });
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      configErrors.set(error.file, error);
    }
  }
  return { jobs: jobs.sort((a, b) => comparePaths(a.displayPath, b.displayPath)), configErrors: [...configErrors.values()], emptyFolders };
}

/** Language of the output's own words: --locale, else the configuration of the working folder. */
function outputLocale(options: CheckOptions, configs: ConfigResolver, cwd: string): Locale {
  if (options.locale) return options.locale;
  try {
    return configs.configFor(cwd, true).locale ?? 'vi';
  } catch {
    return 'vi';
  }
}

export async function runCheck(args: readonly string[], options: CheckOptions): Promise<number> {
  const cwd = process.cwd();
  const errorLocale = options.locale ?? 'vi';
  const configs = new ConfigResolver(errorLocale, options.config);
  const fromStdin = args.includes('-');
  if (fromStdin && args.length > 1) throw new UsageError(messages.stdinWithOthers(errorLocale));
  if (fromStdin && options.fix) throw new UsageError(messages.stdinWithFix(errorLocale));

  let jobs: FileJob[] = [];
  let stdinJob: { config: ResolvedConfig; path: string } | undefined;
  let configErrors: ConfigError[] = [];
  let emptyFolders: string[] = [];
  if (fromStdin) {
    const named = options.stdinFilename ? resolve(cwd, options.stdinFilename) : undefined;
    try {
      stdinJob = { config: named ? configs.configFor(named) : configs.configFor(cwd, true), path: named ? displayPath(named, cwd) : '<stdin>' };
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      configErrors = [error];
    }
  } else {
    ({ jobs, configErrors, emptyFolders } = await planJobs(args, options, configs, cwd));
  }
  // A bad configuration stops the run before anything is checked: results would be misleading.
  if (configErrors.length > 0) {
    for (const error of configErrors) notice(formatConfigError(error, cwd));
    notice(messages.configProblem(errorLocale));
    return EXIT_USAGE;
  }

  // The files checked together are each other's workspace: the cross-file rules compare them.
  let index: CheckIndex | undefined;
  if (jobs.length > 1) {
    index = await indexForCheck(
      jobs.map((job) => job.task.path),
      {
        key: (args.length > 0 ? args : ['.']).map((arg) => resolve(cwd, arg)),
        jobs: options.jobs,
        maxFileSize: jobs.reduce((largest, job) => Math.max(largest, job.task.config.maxFileSize), 0),
      },
    );
    for (const job of jobs) job.task.index = index.snapshot;
  }
  try {
    return await checkJobs(jobs, stdinJob, emptyFolders, options, configs, cwd);
  } finally {
    index?.dispose();
  }
}

async function checkJobs(jobs: FileJob[], stdinJob: { config: ResolvedConfig; path: string } | undefined, emptyFolders: string[], options: CheckOptions, configs: ConfigResolver, cwd: string): Promise<number> {
  const errorLocale = options.locale ?? 'vi';
  const locale = outputLocale(options, configs, cwd);
  const reporter = REPORTERS[options.format]({ write: (text) => process.stdout.write(text), locale, color: useColor(), cwd });
  const summary: Summary = { files: 0, plans: 0, errors: 0, warnings: 0, infos: 0, skipped: 0, ...(options.fix ? { fixed: 0, fixedFiles: 0 } : {}) };
  let failed = false;
  let refused = false;
  const emit = (path: string, result: FileResult, refuseUnchecked = true) => {
    const diagnostics = options.quiet ? result.diagnostics.filter((d) => d.severity === 'error') : result.diagnostics;
    const report: FileReport = { path, ...result, diagnostics };
    summary.files++;
    if (result.isPlan) summary.plans++;
    if (result.skipped) {
      summary.skipped++;
      failed ||= result.skipped.reason === 'failed';
      refused ||= refuseUnchecked;
      notice(result.skipped.message);
    }
    if (result.fixNotWritten) notice(result.fixNotWritten);
    if (result.fixed) {
      summary.fixed! += result.fixed;
      summary.fixedFiles!++;
    }
    for (const d of diagnostics) {
      if (d.severity === 'error') summary.errors++;
      else if (d.severity === 'warning') summary.warnings++;
      else summary.infos++;
    }
    reporter.file(report);
  };

  reporter.begin();
  for (const folder of emptyFolders) {
    const shown = displayPath(folder, cwd);
    const refuseUnchecked = !options.skipUnreadable;
    emit(shown, { isPlan: false, diagnostics: [], skipped: { reason: 'no-markdown', message: messages.unchecked(shown, messages.whyNoMarkdown(errorLocale), refuseUnchecked, errorLocale) } }, refuseUnchecked);
  }
  if (stdinJob) {
    const stdinLocale = options.locale ?? stdinJob.config.locale ?? 'vi';
    emit(stdinJob.path, await checkStdin(stdinJob.config, stdinLocale, stdinJob.path));
  } else if (options.jobs > 1 && jobs.length > 1) {
    // Results arrive in completion order; they are written in path order.
    const arrived = new Map<number, FileResult>();
    let nextToWrite = 0;
    try {
      await runInWorkers(join(__dirname, 'worker.js'), jobs, options.jobs, (index, result) => {
        arrived.set(index, result);
        for (let ready = arrived.get(nextToWrite); ready; ready = arrived.get(nextToWrite)) {
          arrived.delete(nextToWrite);
          emit(jobs[nextToWrite]!.displayPath, ready, jobs[nextToWrite]!.task.refuseUnchecked);
          nextToWrite++;
        }
      });
    } catch (error) {
      notice(messages.workerFailed(error instanceof Error ? error.message : String(error), errorLocale));
      return EXIT_USAGE;
    }
  } else {
    for (const job of jobs) {
      emit(job.displayPath, analyzeFile(job.task, job.displayPath), job.task.refuseUnchecked);
      // A turn of the event loop between files: a signal (Ctrl-C, SIGTERM) is handled only then,
      // so a long --fix run stops after the file it is on instead of at the end.
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
  reporter.end(summary);
  if (refused) notice(messages.hintSkipUnreadable(errorLocale));
  // A named file left unchecked fails the run: a green CI must mean every named plan was checked.
  if (failed || refused) return EXIT_USAGE;
  return summary.errors > 0 ? EXIT_PROBLEMS : EXIT_OK;
}

function parseJobs(value: string): number {
  const jobs = Number(value);
  if (!Number.isInteger(jobs) || jobs < 1) throw new InvalidArgumentError('N ≥ 1');
  return jobs;
}

export function registerCheckCommand(program: Command, { t }: CommandContext): void {
  program
    .command('check')
    .description(t('Kiểm tra các kế hoạch: tệp, thư mục, mẫu glob, hoặc "-" để đọc từ stdin', 'Check plans: files, folders, glob patterns, or "-" to read stdin'))
    .argument('[paths...]', t('tệp, thư mục hoặc mẫu glob (mặc định: thư mục hiện tại)', 'files, folders or glob patterns (default: the current folder)'))
    .addOption(new Option('-f, --format <format>', t('định dạng kết quả', 'output format')).choices(FORMATS).default('stylish'))
    .option('--fix', t('sửa các lỗi sửa được an toàn và ghi lại tệp', 'apply the safe fixes and write the files back'))
    .option('-c, --config <file>', t('dùng tệp cấu hình này cho mọi tệp (thay cho .kehoach.json gần nhất)', 'use this configuration file for every file (instead of the nearest .kehoach.json)'))
    .addOption(new Option('--locale <locale>', t('ngôn ngữ thông báo (mặc định: theo cấu hình, không có thì vi)', 'message language (default: from the configuration, else vi)')).choices(['vi', 'en']))
    .option('-q, --quiet', t('chỉ báo lỗi, bỏ qua cảnh báo và thông tin', 'report errors only, not warnings or infos'))
    .option('-j, --jobs <n>', t('số tiến trình kiểm tra song song', 'number of parallel checking processes'), parseJobs, 1)
    .option('--skip-unreadable', t('tệp được chỉ tên mà không đọc được thì chỉ báo và bỏ qua, không dừng với mã 2', 'a named file that cannot be read is skipped with a notice instead of ending with exit code 2'))
    .option('--stdin-filename <path>', t('đường dẫn hiển thị và dùng để tìm cấu hình khi đọc từ stdin', 'path shown and used to find the configuration when reading stdin'))
    .action(async (paths: string[], options: CheckOptions) => {
      process.exitCode = await runCheck(paths, options);
    });
}
