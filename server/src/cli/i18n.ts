// The command line's own words (rule messages come from the rules). Vietnamese first.
import type { Locale, Localized, Severity } from '../engine/types.js';

const SEVERITY_WORDS: Record<Locale, Record<Severity, string>> = {
  vi: { error: 'lỗi', warning: 'cảnh báo', info: 'thông tin' },
  en: { error: 'error', warning: 'warning', info: 'info' },
};

export function severityWord(severity: Severity, locale: Locale): string {
  return SEVERITY_WORDS[locale][severity];
}

function formatBytes(bytes: number, locale: Locale): string {
  const megabytes = bytes / (1024 * 1024);
  const number = megabytes >= 0.1 ? megabytes.toFixed(1) : (bytes / 1024).toFixed(1);
  const unit = megabytes >= 0.1 ? 'MB' : 'KB';
  return `${locale === 'vi' ? number.replace('.', ',') : number} ${unit}`;
}

/** What a path that is not a regular file is, as `stat` tells it. */
const SPECIAL_KINDS: Record<string, Localized> = {
  fifo: { vi: 'một đường ống có tên (FIFO)', en: 'a named pipe (FIFO)' },
  socket: { vi: 'một socket', en: 'a socket' },
  device: { vi: 'một thiết bị', en: 'a device' },
};

export const messages = {
  /** A file not checked: an error when it was named on the command line, else a notice. */
  unchecked: (path: string, why: string, refused: boolean, locale: Locale) =>
    refused
      ? locale === 'vi' ? `Không kiểm tra được ${path}: ${why}` : `Cannot check ${path}: ${why}`
      : locale === 'vi' ? `Bỏ qua ${path}: ${why}` : `Skipped ${path}: ${why}`,
  whyBinary: (locale: Locale) => (locale === 'vi' ? 'tệp nhị phân, không phải văn bản' : 'a binary file, not text'),
  whyTooLarge: (size: number, limit: number, locale: Locale) =>
    locale === 'vi'
      ? `tệp ${formatBytes(size, locale)}, lớn hơn giới hạn ${formatBytes(limit, locale)} (maxFileSize)`
      : `${formatBytes(size, locale)}, larger than the ${formatBytes(limit, locale)} limit (maxFileSize)`,
  whyUnreadable: (reason: string, locale: Locale) => (locale === 'vi' ? `không đọc được tệp (${reason})` : `cannot read the file (${reason})`),
  whySymlinkLoop: (locale: Locale) =>
    locale === 'vi' ? 'liên kết tượng trưng trỏ vòng (ELOOP), không dẫn tới tệp nào' : 'a symbolic link loop (ELOOP) that leads to no file',
  whySpecialFile: (kind: string, locale: Locale) =>
    locale === 'vi' ? `không phải tệp thường mà là ${SPECIAL_KINDS[kind]?.vi ?? kind}` : `not a regular file but ${SPECIAL_KINDS[kind]?.en ?? kind}`,
  whyNoMarkdown: (locale: Locale) => (locale === 'vi' ? 'thư mục không có tệp Markdown nào' : 'a folder with no Markdown file'),
  hintSkipUnreadable: (locale: Locale) =>
    locale === 'vi' ? 'Dùng --skip-unreadable để bỏ qua các tệp này và kiểm tra tiếp.' : 'Use --skip-unreadable to skip these files and go on.',
  skippedFailed: (path: string, reason: string, locale: Locale) =>
    locale === 'vi' ? `Không kiểm tra được ${path}: lỗi nội bộ (${reason})` : `Could not check ${path}: internal error (${reason})`,
  fixNotWrittenChanged: (path: string, locale: Locale) =>
    locale === 'vi'
      ? `Không sửa ${path}: tệp đã thay đổi trong lúc kiểm tra`
      : `Did not fix ${path}: the file changed while it was being checked`,
  fixNotWrittenEncoding: (path: string, encoding: string, locale: Locale) =>
    locale === 'vi'
      ? `Không sửa ${path}: tệp có byte không hợp lệ trong bảng mã ${encoding}, ghi lại sẽ làm mất dữ liệu`
      : `Did not fix ${path}: the file has bytes that are not valid ${encoding}, writing it back would lose them`,
  fixNotWrittenError: (path: string, reason: string, locale: Locale) =>
    locale === 'vi' ? `Không ghi được bản sửa vào ${path} (${reason})` : `Could not write the fixes to ${path} (${reason})`,
  notFound: (pattern: string, locale: Locale) =>
    locale === 'vi' ? `Không tìm thấy tệp nào khớp với "${pattern}"` : `No file matches "${pattern}"`,
  stdinWithOthers: (locale: Locale) =>
    locale === 'vi' ? 'Không dùng "-" (đọc từ stdin) cùng với đường dẫn khác' : 'Do not combine "-" (read stdin) with other paths',
  stdinWithFix: (locale: Locale) =>
    locale === 'vi' ? '--fix không dùng được khi đọc từ stdin' : '--fix cannot be used when reading stdin',
  workerFailed: (reason: string, locale: Locale) =>
    locale === 'vi' ? `Tiến trình kiểm tra song song bị lỗi: ${reason}` : `A parallel checking process failed: ${reason}`,
  configProblem: (locale: Locale) => (locale === 'vi' ? 'Tệp cấu hình không hợp lệ, chưa kiểm tra tệp nào.' : 'Invalid configuration file; no file was checked.'),
  summary(counts: { problems: number; errors: number; warnings: number; infos: number; plans: number; files: number }, locale: Locale): string {
    const { problems, errors, warnings, infos, plans, files } = counts;
    if (locale === 'vi') {
      const where = `${plans} kế hoạch (${files} tệp)`;
      return problems === 0
        ? `Không có vấn đề nào trong ${where}.`
        : `${problems} vấn đề (${errors} lỗi, ${warnings} cảnh báo, ${infos} thông tin) trong ${where}.`;
    }
    const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
    const where = `${plural(plans, 'plan')} (${plural(files, 'file')})`;
    return problems === 0
      ? `No problems in ${where}.`
      : `${plural(problems, 'problem')} (${plural(errors, 'error')}, ${plural(warnings, 'warning')}, ${plural(infos, 'info')}) in ${where}.`;
  },
  fixableHint: (count: number, locale: Locale) =>
    locale === 'vi' ? `${count} vấn đề có thể sửa tự động với --fix.` : `${count} of them can be fixed automatically with --fix.`,
  fixedCount: (fixes: number, files: number, locale: Locale) =>
    locale === 'vi' ? `Đã sửa ${fixes} vấn đề trong ${files} tệp.` : `Fixed ${fixes} problem${fixes === 1 ? '' : 's'} in ${files} file${files === 1 ? '' : 's'}.`,
};
