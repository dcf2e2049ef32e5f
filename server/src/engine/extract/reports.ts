// Reporting deadlines: a line that asks for a report by a date ("Các trường báo cáo kết quả về Phòng
// GDĐT trước ngày 25/5/2026"), with whom the report goes to when the line says it. Read on the
// model's lines and on the cheap scanner's (which keeps the lines REPORT_LINE finds), so that a
// child plan can be held to its parent's deadlines in the folder index.
import { findDates } from '../dates.js';
import type { Range } from '../types.js';
import { type PlanLines, lineRange } from './lines.js';

export interface ReportDeadline {
  /** Whom the report goes to, as written after "về", "cho", "lên", "gửi" ("Phòng GDĐT"); undefined when the line does not say. */
  to?: string;
  day: number;
  month: number;
  year?: number;
  textLine: number;
  /** The date. */
  range: Range;
}

/**
 * A line that may ask for a report by a date; the scanner keeps such lines for the index. It reads
 * raw text, composed or not ("á" may be "a" and a combining acute).
 */
export const REPORT_LINE = /b(?:á|a\u0301)o\s+c(?:á|a\u0301)o[^]*?(?:\d{1,2}\s*[/.-]\s*\d{1,2}|ng(?:à|a\u0300)y\s+\d)/iu;
const REPORT_TO = /báo\s+cáo(?:\s+(?:kết\s+quả|tiến\s+độ|tình\s+hình|sơ\s+kết|tổng\s+kết|định\s+kỳ)(?:\s+[^\s,;]+){0,4}?)?\s+(?:về|cho|lên|gửi(?:\s+về)?)\s+(.+?)(?=\s+(?:trước|chậm\s+nhất|trong|vào|qua|theo|bằng|để)\s|[,;.(]|$)/giu;

export function readReports(plan: PlanLines, start: number, end: number): ReportDeadline[] {
  const found: ReportDeadline[] = [];
  for (let index = start; index < end && index < plan.lines.length; index++) {
    const line = plan.lines[index]!;
    const text = line.nfc;
    if (!REPORT_LINE.test(text)) continue;
    const reportAt = text.search(/báo\s+cáo/iu);
    // "Các trường báo cáo về Phòng trước ngày 10/5; Phòng báo cáo về Sở trước ngày 25/5": each date goes with the report before it.
    const recipients = [...text.matchAll(REPORT_TO)].map((m) => ({ at: m.index, to: m[1]!.trim() }));
    for (const date of findDates(text)) {
      if (date.kind !== 'deadline' || date.start < reportAt || date.day === undefined || date.month === undefined) continue;
      const to = recipients.filter((recipient) => recipient.at < date.start).at(-1)?.to;
      found.push({ to, day: date.day, month: date.month, year: date.year, textLine: index, range: lineRange(plan.index, line, date.start, date.end) });
    }
  }
  return found;
}
