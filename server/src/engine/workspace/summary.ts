// A plan's identity card for the workspace index: number, date, issuer, title, period, citations,
// recipients. Read with a line scan, not a Markdown parse, so that indexing thousands of plans
// takes seconds: the index needs the header and the citations, not the section tree.
import { findCitations } from '../citations.js';
import { dateProblem, findDates } from '../dates.js';
import { compareKey, isUpperCaseText } from '../text.js';
import type { Range } from '../types.js';
import { documentTypeOf } from '../vocabulary.js';

export interface CitationSummary {
  typeWord: string;
  symbol: string;
  typeCode?: string;
  date?: { day: number; month: number; year: number };
  issuer?: string;
  range: Range;
  symbolRange: Range;
  dateRange?: Range;
  issuerRange?: Range;
}

export interface PlanSummary {
  /** Number and symbol as written, normalised ("354/KH-PGDĐT"); undefined when the plan has none yet. */
  symbol?: string;
  numberRange?: Range;
  date?: { day: number; month: number; year: number };
  dateRange?: Range;
  /** The issuing agency (the lower of the two agency lines). */
  agency?: string;
  title?: string;
  summary?: string;
  /** The plan's period from its title or summary ("giai đoạn 2021-2030"). */
  period?: { from: number; to: number };
  citations: CitationSummary[];
  recipients: string[];
}

interface PlainLine {
  text: string;
  /** Source character (in the raw line) of each character of `text`. */
  map: number[];
  line: number;
}

const HEADER_LINES = 40;

/** Splits raw Markdown lines into plain text pieces: markup removed, table cells and <br> split. */
function plainLines(source: string): PlainLine[] {
  const result: PlainLine[] = [];
  const raw = source.normalize('NFC').split('\n');
  for (let line = 0; line < raw.length; line++) {
    const text = raw[line]!.replace(/\r$/, '');
    if (!text.trim() || /^\s*\|?\s*:?-{3,}/.test(text)) continue;
    let text2 = '';
    const map: number[] = [];
    let i = 0;
    const headingMatch = /^\s{0,3}(#{1,6}\s+|>\s*)/.exec(text);
    if (headingMatch) i = headingMatch[0].length;
    const flush = (): void => {
      const trimmedStart = text2.length - text2.trimStart().length;
      const t = text2.trim();
      if (t) result.push({ text: t, map: map.slice(trimmedStart, trimmedStart + t.length), line });
      text2 = '';
      map.length = 0;
    };
    for (; i < text.length; i++) {
      const ch = text[i]!;
      if (ch === '|') {
        flush();
        continue;
      }
      if (ch === '<' && /^<br\s*\/?>/i.test(text.slice(i, i + 6))) {
        flush();
        i = text.indexOf('>', i);
        continue;
      }
      if (ch === '<' && text.startsWith('<!--', i)) {
        const end = text.indexOf('-->', i + 4);
        i = end === -1 ? text.length : end + 2;
        continue;
      }
      if (ch === '*' || ch === '_' || ch === '\\') continue;
      text2 += ch;
      map.push(i);
    }
    flush();
  }
  return result;
}

function range(piece: PlainLine, start: number, end: number): Range {
  const from = piece.map[start] ?? 0;
  const to = end > start ? (piece.map[end - 1] ?? from) + 1 : from;
  return { start: { line: piece.line, character: from }, end: { line: piece.line, character: to } };
}

export function summarizePlan(source: string): PlanSummary {
  const pieces = plainLines(source);
  const summary: PlanSummary = { citations: [], recipients: [] };
  let titleAt = -1;
  const agencies: string[] = [];
  for (let p = 0; p < pieces.length && pieces[p]!.line < HEADER_LINES; p++) {
    const { text } = pieces[p]!;
    const number = /^Số\s*:?\s*(\d+\s*[/-]\s*[\p{L}&]+(?:\s*[/-]\s*[\p{L}&]+)*)/u.exec(text);
    if (number && !summary.symbol) {
      const start = text.indexOf(number[1]!);
      summary.symbol = number[1]!.replace(/\s+/g, '');
      summary.numberRange = range(pieces[p]!, start, start + number[1]!.length);
      continue;
    }
    if (!summary.date && /,?\s*ngày\s+\d/u.test(text) && text.length < 90 && titleAt < 0) {
      const date = findDates(text).find((d) => d.day !== undefined && d.year !== undefined);
      if (date && !dateProblem(date)) {
        summary.date = { day: date.day!, month: date.month!, year: date.year! };
        summary.dateRange = range(pieces[p]!, date.start, date.end);
      }
      continue;
    }
    if (/^KẾ\s+HOẠCH\b/u.test(text)) {
      titleAt = p;
      const rest = text.replace(/^KẾ\s+HOẠCH[\s:]*/u, '');
      summary.title = 'KẾ HOẠCH';
      if (rest) summary.summary = rest;
      else {
        const next = pieces[p + 1];
        if (next && !/^(?:căn\s+cứ|thực\s+hiện\s+(?:kế|quyết|chỉ|công|nghị|thông))/iu.test(next.text) && !/^[IVX]+\./.test(next.text)) summary.summary = next.text;
      }
      break;
    }
    const key = compareKey(text);
    if (key !== 'cộng hòa xã hội chủ nghĩa việt nam' && key !== 'độc lập tự do hạnh phúc' && key !== 'đảng cộng sản việt nam' && isUpperCaseText(text, 0.05)) agencies.push(text);
  }
  summary.agency = agencies.at(-1);
  const periodSource = summary.summary ?? '';
  const period = findDates(periodSource).find((d) => d.kind === 'period');
  if (period) summary.period = { from: period.year!, to: period.endYear! };

  let inRecipients = false;
  for (const piece of pieces) {
    const { text } = piece;
    if (/^nơi\s+nhận\b/iu.test(text)) {
      inRecipients = true;
      continue;
    }
    if (inRecipients) {
      if (/^[-+•]/u.test(text)) {
        summary.recipients.push(text.replace(/^[-+•]\s*/u, '').replace(/[;.,]\s*$/u, ''));
        continue;
      }
      inRecipients = false;
    }
    if (summary.numberRange && piece.line === summary.numberRange.start.line) continue;
    if (!/\d\s*[/-]/.test(text)) continue;
    const dates = findDates(text);
    for (const cite of findCitations(text, dates)) {
      const date = cite.dateIndex !== undefined ? dates[cite.dateIndex] : undefined;
      summary.citations.push({
        typeWord: documentTypeOf(cite.typeWord)?.name ?? cite.typeWord,
        symbol: cite.symbol,
        typeCode: cite.typeCode,
        date: date && date.day !== undefined && date.month !== undefined && date.year !== undefined && !dateProblem(date) ? { day: date.day, month: date.month, year: date.year } : undefined,
        issuer: cite.issuer,
        range: range(piece, cite.start, cite.end),
        symbolRange: range(piece, cite.symbolStart, cite.symbolEnd),
        dateRange: date ? range(piece, date.start, date.end) : undefined,
        issuerRange: cite.issuerStart !== undefined ? range(piece, cite.issuerStart, cite.issuerEnd!) : undefined,
      });
    }
  }
  return summary;
}
