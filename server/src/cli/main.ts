// The `kehoach` command line. Each subcommand lives in commands/ and registers itself here.
import { Command, CommanderError } from 'commander';
import { ConfigError } from '../engine/config.js';
import type { Locale } from '../engine/types.js';
import { version } from '../../../package.json';
import type { CommandContext, RegisterCommand } from './command.js';
import { registerCheckCommand } from './commands/check.js';
import { registerDeadlinesCommand } from './commands/deadlines.js';
import { registerNewCommand } from './commands/new.js';
import { registerSchemaCommand } from './commands/schema.js';
import { formatConfigError } from './configs.js';
import { registerExportCommand } from './export.js';
import { EXIT_USAGE, UsageError } from './errors.js';
import { provideVietnameseDictionary } from '../node/dictionary.js';

const COMMANDS: RegisterCommand[] = [registerCheckCommand, registerSchemaCommand, registerExportCommand, registerNewCommand, registerDeadlinesCommand];

/** --locale is read before parsing so that help and usage errors are in that language too. */
function localeFromArgs(args: readonly string[]): Locale {
  const index = args.findIndex((arg) => arg === '--locale' || arg.startsWith('--locale='));
  if (index < 0) return 'vi';
  const value = args[index]!.includes('=') ? args[index]!.split('=')[1] : args[index + 1];
  return value === 'en' ? 'en' : 'vi';
}

async function main(argv: readonly string[]): Promise<number> {
  provideVietnameseDictionary();
  const locale = localeFromArgs(argv.slice(2));
  const context: CommandContext = { locale, t: (vi, en) => (locale === 'en' ? en : vi) };
  const program = new Command('kehoach')
    .description(context.t('Kiểm tra kế hoạch hành chính viết bằng Markdown (Nghị định 30/2020/NĐ-CP)', 'Check Vietnamese administrative plans written in Markdown (Decree 30/2020/ND-CP)'))
    .version(version, '-v, --version', context.t('In số phiên bản', 'Print the version'))
    .helpOption('-h, --help', context.t('Hiện hướng dẫn', 'Show help'))
    .helpCommand('help [command]', context.t('Hiện hướng dẫn của một lệnh', 'Show help for a command'))
    .showHelpAfterError()
    .exitOverride();
  for (const register of COMMANDS) register(program, context);
  try {
    await program.parseAsync([...argv]);
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (error) {
    // Commander has already printed its message; help and --version end normally.
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : EXIT_USAGE;
    if (error instanceof ConfigError) process.stderr.write(`${formatConfigError(error, process.cwd())}\n`);
    else if (error instanceof UsageError) process.stderr.write(`kehoach: ${error.message}\n`);
    else process.stderr.write(`kehoach: ${context.t('lỗi nội bộ', 'internal error')}: ${error instanceof Error ? error.message : String(error)}\n`);
    return EXIT_USAGE;
  }
}

// `kehoach check | head` closes the pipe early: stop quietly, as other command-line tools do.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(process.exitCode);
});

main(process.argv).then((code) => {
  process.exitCode = code;
});
