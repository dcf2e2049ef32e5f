// `kehoach deadlines [paths] --format table|json|ics`: every plan's deadlines (engine/operations/
// deadlines.ts), in date order, with the file and line they are on. The calendar is written by the
// `ics` library (RFC 5545 folding, escaping and UIDs are its business, not ours).
import { readFileSync } from 'node:fs';
import { type Command, Option } from 'commander';
import { createEvents, type EventAttributes } from 'ics';
import { buildModel } from '../../engine/extract.js';
import { type Deadline, deadlinesOf } from '../../engine/operations/deadlines.js';
import { looksLikePlan } from '../../engine/detect.js';
import { readPlanBytes } from '../../node/encoding.js';
import type { CommandContext } from '../command.js';
import { comparePaths, discover, displayPath } from '../discover.js';
import { UsageError } from '../errors.js';

interface DeadlinesOptions {
  format: 'table' | 'json' | 'ics';
}

interface ListedDeadline extends Deadline {
  file: string;
}

/** Dated ones first by date (a yearly one by its month and day), then file and line. */
function compareDeadlines(a: ListedDeadline, b: ListedDeadline): number {
  const key = (d: Deadline) => [d.year ?? 0, d.month ?? 0, d.day ?? 0];
  const [ka, kb] = [key(a), key(b)];
  for (let i = 0; i < 3; i++) if (ka[i] !== kb[i]) return ka[i]! - kb[i]!;
  return comparePaths(a.file, b.file) || a.range.start.line - b.range.start.line;
}

function shownDate(d: Deadline): string {
  const day = d.day ? `${String(d.day).padStart(2, '0')}/` : '';
  const month = d.month ? String(d.month).padStart(2, '0') : '';
  return d.year ? `${day}${month}/${d.year}` : `${day}${month}`;
}

/** An all-day event on the deadline, repeated every year for a yearly one; none without a day or a year. */
function calendarEvent(d: ListedDeadline, t: CommandContext['t']): EventAttributes[] {
  const year = d.year ?? d.issueYear;
  if (!d.day || !d.month || !year) return [];
  // DTEND of an all-day event is the next day (RFC 5545 3.6.1); the library writes the duration as "P1DT".
  const next = new Date(Date.UTC(year, d.month - 1, d.day + 1));
  return [
    {
      start: [year, d.month, d.day],
      end: [next.getUTCFullYear(), next.getUTCMonth() + 1, next.getUTCDate()],
      title: `${t('Thời hạn', 'Deadline')}: ${d.task ?? d.line}`,
      description: `${d.line}\n${d.file}:${d.range.start.line + 1}`,
      productId: 'kehoach',
      ...(d.recurrence === 'yearly' ? { recurrenceRule: 'FREQ=YEARLY' } : {}),
    },
  ];
}

export function registerDeadlinesCommand(program: Command, { t }: CommandContext): void {
  program
    .command('deadlines')
    .description(t('Liệt kê thời hạn trong các kế hoạch', 'List the deadlines in plans'))
    .argument('[paths...]', t('tệp, thư mục hoặc mẫu glob (mặc định: thư mục hiện tại)', 'files, folders or globs (default: the current folder)'))
    .addOption(new Option('-f, --format <format>', t('định dạng kết quả', 'output format')).choices(['table', 'json', 'ics']).default('table'))
    .addOption(new Option('--locale <locale>', t('ngôn ngữ thông báo', 'message language')).choices(['vi', 'en']))
    .action(async (paths: string[], options: DeadlinesOptions) => {
      const cwd = process.cwd();
      const { targets, unmatched } = await discover(paths.length > 0 ? paths : ['.'], cwd);
      if (unmatched.length > 0) throw new UsageError(t(`không tìm thấy ${unmatched.join(', ')}`, `${unmatched.join(', ')} not found`));
      const listed: ListedDeadline[] = [];
      for (const target of targets) {
        const read = readPlanBytes(readFileSync(target.path));
        if (read.kind !== 'text' || (!target.explicit && !looksLikePlan(read.text))) continue;
        const file = displayPath(target.path, cwd);
        for (const deadline of deadlinesOf(buildModel(read.text))) listed.push({ ...deadline, file });
      }
      listed.sort(compareDeadlines);
      if (options.format === 'ics') {
        const { error, value } = createEvents(listed.flatMap((d) => calendarEvent(d, t)));
        if (error || !value) throw new UsageError(t(`không ghi được lịch: ${String(error)}`, `could not write the calendar: ${String(error)}`));
        process.stdout.write(value);
        return;
      }
      if (options.format === 'json') {
        process.stdout.write(`${JSON.stringify(listed, null, 2)}\n`);
        return;
      }
      const header = [t('Thời hạn', 'Deadline'), t('Lặp lại', 'Repeats'), t('Nhiệm vụ', 'Task'), t('Chủ trì', 'Lead'), t('Tệp', 'File')];
      const rows = listed.map((d) => [shownDate(d), d.recurrence ? t('hằng năm', 'yearly') : '', d.task ?? '', d.responsible.filter((r) => r.role === 'lead').map((r) => r.unit).join('; '), `${d.file}:${d.range.start.line + 1}`]);
      const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
      for (const row of [header, ...rows]) process.stdout.write(`${row.map((cell, i) => cell.padEnd(widths[i]!)).join('  ').trimEnd()}\n`);
    });
}
