// Finds every date in a line of text, in all the forms Vietnamese plans use (anatomy §5).
import type { DateKind, DateMention, PlanModel } from './model.js';
import type { Localized } from './types.js';

export interface FoundDate {
  kind: DateKind;
  start: number;
  end: number;
  raw: string;
  day?: number;
  month?: number;
  year?: number;
  endYear?: number;
  sharedYear?: boolean;
  numeric: boolean;
}

type Matcher = { pattern: RegExp; build: (m: RegExpExecArray) => Omit<FoundDate, 'start' | 'end' | 'raw'> | undefined };

const int = (value: string | undefined): number | undefined => (value === undefined ? undefined : Number.parseInt(value, 10));
const DASH = '[-–—]';
// A year: four digits, or a mistyped longer one that still starts like a year ("20219").
const YEAR = String.raw`(?:(?:19|20)\d{3,4}|\d{4})(?!\d)`;

// Ordered by priority: a longer, more specific form claims its text before a shorter one.
const MATCHERS: Matcher[] = [
  {
    // ngày 05 tháng 5 hàng năm / ngày 18/11 hằng năm: recurring every year, no year.
    pattern: /(?:ngày\s+)?(\d{1,2})\s*(?:tháng\s+|\/\s*)(\d{1,2})\s+h[àằ]ng\s+năm/giu,
    build: (m) => ({ kind: 'yearly', day: int(m[1]), month: int(m[2]), numeric: !/tháng/iu.test(m[0]) }),
  },
  {
    pattern: /ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})(?:\s*,?\s*năm\s+(\d{1,6}))?(?![\d/])/giu,
    build: (m) => ({ kind: 'date', day: int(m[1]), month: int(m[2]), year: int(m[3]), numeric: false }),
  },
  {
    // dd/mm/yyyy; a short or overlong year only with "/", since "1.2.10" and "5-10-15" are not dates.
    pattern: new RegExp(String.raw`(?<![\d/.,])(\d{1,2})(?:(/)(\d{1,2})/(${YEAR}|\d{3})|([.-])(\d{1,2})\5(\d{4}))(?![\d/]|\.\d)`, 'gu'),
    build: (m) => ({ kind: 'date', day: int(m[1]), month: int(m[3] ?? m[6]), year: int(m[4] ?? m[7]), numeric: true }),
  },
  {
    pattern: new RegExp(`(?:giai\\s+đoạn|năm\\s+học|niên\\s+khóa|niên\\s+khoá|nhiệm\\s+kỳ|thời\\s+kỳ)\\s+(\\d{4})\\s*${DASH}\\s*(\\d{4})(?!\\d)`, 'giu'),
    build: (m) => ({ kind: 'period', year: int(m[1]), endYear: int(m[2]), numeric: false }),
  },
  {
    pattern: /từ\s+năm\s+(\d{4})\s+đến\s+năm\s+(\d{4})(?!\d)/giu,
    build: (m) => ({ kind: 'period', year: int(m[1]), endYear: int(m[2]), numeric: false }),
  },
  {
    pattern: new RegExp(String.raw`tháng\s+(\d{1,2})\s*(?:\/\s*|,?\s*năm\s+)(${YEAR})`, 'giu'),
    build: (m) => ({ kind: 'month', month: int(m[1]), year: int(m[2]), numeric: /\//.test(m[0]) }),
  },
  {
    pattern: new RegExp(String.raw`(?:đến|tới|vào|trước)\s+năm\s+(${YEAR})`, 'giu'),
    build: (m) => ({ kind: 'target-year', year: int(m[1]), numeric: false }),
  },
  {
    // Exactly four digits: "năm" also means "five", and "mỗi năm 15000 lượt" is a count.
    pattern: /(?<!\p{L})năm\s+(\d{4})(?!\d)/giu,
    build: (m) => ({ kind: 'year', year: int(m[1]), numeric: false }),
  },
];

// The words that make the date after them a deadline; the numeric form leaves "ngày" before the date.
const DEADLINE_BEFORE = /(?:trước|chậm\s+nhất(?:\s+là|\s+vào)?|hạn\s+chót|hạn\s+cuối|không\s+muộn\s+hơn|hạn\s+nộp|thời\s+hạn(?:\s+(?:hoàn\s+thành|nộp|gửi|báo\s+cáo))?)\s*:?\s*(?:ngày\s*)?$/iu;

/** All dates in a line (NFC text), without overlaps, in text order. */
export function findDates(text: string): FoundDate[] {
  if (!/\d/.test(text)) return [];
  const found: FoundDate[] = [];
  const taken: Array<[number, number]> = [];
  for (const { pattern, build } of MATCHERS) {
    pattern.lastIndex = 0;
    for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
      const start = m.index;
      const end = start + m[0].length;
      if (taken.some(([a, b]) => start < b && end > a)) continue;
      const fields = build(m);
      if (!fields) continue;
      taken.push([start, end]);
      found.push({ ...fields, start, end, raw: m[0] });
    }
  }
  found.sort((a, b) => a.start - b.start);
  shareYears(text, found);
  for (const date of found) {
    if (date.kind === 'date' && DEADLINE_BEFORE.test(text.slice(Math.max(0, date.start - 30), date.start))) date.kind = 'deadline';
  }
  // "trước ngày 05/5 và ngày 05/11": every date of the enumeration is a deadline.
  for (let i = 1; i < found.length; i++) {
    const previous = found[i - 1]!;
    const date = found[i]!;
    if (previous.kind === 'deadline' && date.kind === 'date' && /^[\s*,]*(?:và|hoặc|,)[\s*]*$/iu.test(text.slice(previous.end, date.start))) date.kind = 'deadline';
  }
  return found;
}

/** "ngày 05 tháng 5 và ngày 05 tháng 11 năm 2023": the first date takes the year of the second. */
function shareYears(text: string, dates: FoundDate[]): void {
  for (let i = dates.length - 2; i >= 0; i--) {
    const date = dates[i]!;
    const next = dates[i + 1]!;
    if (date.kind !== 'date' || date.year !== undefined || date.numeric) continue;
    if (next.year === undefined || next.kind !== 'date') continue;
    const between = text.slice(date.end, next.start);
    if (/^[\s*,]*(?:và|hoặc|đến|,|-|–)[\s*]*$/iu.test(between)) {
      date.year = next.year;
      date.sharedYear = true;
    }
  }
}

function daysInMonth(month: number, year: number | undefined): number {
  if (month === 2) {
    if (year === undefined) return 29;
    return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  }
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Why a date cannot exist, or undefined when it can. */
export function dateProblem(date: Pick<DateMention, 'day' | 'month' | 'year' | 'endYear'>): Localized | undefined {
  const { day, month, year, endYear } = date;
  for (const y of [year, endYear]) {
    if (y !== undefined && (y < 1000 || y > 9999)) return { vi: `năm ${y} không có 4 chữ số`, en: `year ${y} does not have 4 digits` };
  }
  if (month !== undefined && (month < 1 || month > 12)) return { vi: `không có tháng ${month}`, en: `there is no month ${month}` };
  if (day !== undefined) {
    if (day < 1) return { vi: `không có ngày ${day}`, en: `there is no day ${day}` };
    if (month !== undefined && day > daysInMonth(month, year)) {
      const suffix = year !== undefined ? `/${year}` : '';
      return {
        vi: `tháng ${month}${suffix} không có ngày ${day}`,
        en: `month ${month}${suffix} has no day ${day}`,
      };
    }
  }
  return undefined;
}

/** Days since the epoch, for ordering complete dates; undefined when the date lacks a part or is invalid. */
export function dayNumber(date: Pick<DateMention, 'day' | 'month' | 'year' | 'invalid'>): number | undefined {
  if (date.invalid || date.day === undefined || date.month === undefined || date.year === undefined) return undefined;
  return Date.UTC(date.year, date.month - 1, date.day) / 86_400_000;
}

export function formatDate(date: Pick<DateMention, 'day' | 'month' | 'year'>): string {
  return [date.day, date.month, date.year].filter((part) => part !== undefined).join('/');
}

/** A date spelt as ND30 writes the issue date: "ngày 05 tháng 01 năm 2026", but "tháng 6". */
export function spelledDate(date: { day: number; month: number; year: number }): string {
  const day = String(date.day).padStart(2, '0');
  const month = date.month <= 2 ? String(date.month).padStart(2, '0') : String(date.month);
  return `ngày ${day} tháng ${month} năm ${date.year}`;
}

type Comparable = Pick<DateMention, 'day' | 'month' | 'year' | 'invalid'>;

/**
 * Orders two dates at the precision both give (day, else month, else year): negative when `a`
 * is earlier, 0 when they cannot be told apart, undefined when either has no year or cannot exist.
 */
export function compareDates(a: Comparable, b: Comparable): number | undefined {
  if (a.invalid || b.invalid || a.year === undefined || b.year === undefined) return undefined;
  if (a.year !== b.year) return a.year - b.year;
  if (a.month === undefined || b.month === undefined) return 0;
  if (a.month !== b.month) return a.month - b.month;
  if (a.day === undefined || b.day === undefined) return 0;
  return a.day - b.day;
}

/** The plan's own issue date when it is complete and real; date-order rules stay silent without it. */
export function issueDateOf(model: PlanModel): DateMention | undefined {
  const date = model.header.placeDate?.date;
  return date && dayNumber(date) !== undefined ? date : undefined;
}
