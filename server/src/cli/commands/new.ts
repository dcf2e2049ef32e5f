// `kehoach new --from <parent> [-o file] [--date yyyy-mm-dd]`: drafts a plan implementing the
// parent plan, for the office of the .kehoach.json that applies to the output (or the current
// folder). Writes the draft to the file (never over an existing one) or to standard output.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { type Command, InvalidArgumentError, Option } from 'commander';
import { DraftError, draftForOffice, draftText } from '../../engine/operations/draft.js';
import { planTextOf } from '../analyze.js';
import type { CommandContext } from '../command.js';
import { ConfigResolver } from '../configs.js';
import { UsageError } from '../errors.js';

interface NewOptions {
  from: string;
  output?: string;
  date?: { day: number; month: number; year: number };
  config?: string;
}

function today(): { day: number; month: number; year: number } {
  const now = new Date();
  return { day: now.getDate(), month: now.getMonth() + 1, year: now.getFullYear() };
}

export function registerNewCommand(program: Command, { t, locale }: CommandContext): void {
  const parseDay = (value: string): NewOptions['date'] => {
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
    const date = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : undefined;
    if (!match || !date || date.getUTCDate() !== Number(match[3])) throw new InvalidArgumentError(t('cần một ngày dạng yyyy-mm-dd', 'expected a date as yyyy-mm-dd'));
    return { day: Number(match[3]), month: Number(match[2]), year: Number(match[1]) };
  };
  program
    .command('new')
    .description(t('Soạn kế hoạch thực hiện một kế hoạch cấp trên', 'Draft a plan implementing a plan of the level above'))
    .requiredOption('--from <parent>', t('kế hoạch cấp trên (.md)', 'the parent plan (.md)'))
    .option('-o, --output <file>', t('tệp sẽ ghi bản thảo (mặc định: in ra)', 'file to write the draft to (default: print it)'))
    .option('--date <yyyy-mm-dd>', t('ngày ghi trên bản thảo (mặc định: hôm nay)', 'the date the draft carries (default: today)'), parseDay)
    .addOption(new Option('--locale <locale>', t('ngôn ngữ thông báo', 'message language')).choices(['vi', 'en']))
    .option('-c, --config <file>', t('tệp cấu hình thay cho .kehoach.json gần nhất', 'configuration file instead of the nearest .kehoach.json'))
    .action((options: NewOptions) => {
      const parentPath = resolve(options.from);
      if (!existsSync(parentPath)) throw new UsageError(t(`không tìm thấy ${options.from}`, `${options.from} not found`));
      const output = options.output ? resolve(options.output) : undefined;
      if (output && existsSync(output)) throw new UsageError(t(`${options.output} đã có; chọn tên tệp khác`, `${options.output} exists already; choose another file name`));
      const config = new ConfigResolver(locale, options.config).configFor(output ?? process.cwd(), !output);
      let draft: string;
      try {
        draft = draftText(draftForOffice(planTextOf(readFileSync(parentPath), options.from, locale), config, options.date ?? today()));
      } catch (error) {
        if (error instanceof DraftError) throw new UsageError(error.reason[locale]);
        throw error;
      }
      // 'wx': a file created meanwhile is not overwritten either.
      if (output) writeFileSync(output, draft, { flag: 'wx' });
      else process.stdout.write(draft);
    });
}
