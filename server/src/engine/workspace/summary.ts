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
  /** The whole citation, from its type word to its symbol (references point at it). */
  range: Range;
  /** The cited date (KH404 points at it from other plans). Other parts' positions are not kept: the index holds 100,000 citations. */
  dateRange?: Range;
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
  /** Source character (in the raw line) of each character of `text`; absent when it is `offset + i`. */
  map?: number[];
  offset: number;
  line: number;
}

const HEADER_LINES = 40;
const TABLE_RULE = /^\s*\|?\s*:?-{3,}/;
const BLOCK_MARKER = /^\s{0,3}(#{1,6}\s+|>\s*)/;
/** Characters that make a cell need the character pass: emphasis and escapes. */
const EMPHASIS = /[*_\\]/;
/** What a citation's symbol needs ("12/KH-…", "20-CT/TW", "56/2017/NĐ-CP"): lines without it are not searched. */
const SYMBOL_START = /\d\s*[/\-–—‐−]\s*(?:\d{4}\s*[/\-–—‐−]\s*)?\p{Lu}/u;

/**
 * Splits one raw Markdown line into plain text pieces: markup removed, table cells and <br> split.
 * Most lines and cells carry no markup and become pieces that are slices of the line.
 */
function piecesOf(raw: string, line: number): PlainLine[] {
  const text = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
  if (!text.trim() || TABLE_RULE.test(text)) return [];
  const headingMatch = BLOCK_MARKER.exec(text);
  const from = headingMatch ? headingMatch[0].length : 0;
  const result: PlainLine[] = [];
  // Tags need the character pass over the whole line (a comment may span cells).
  if (text.includes('<', from)) {
    markupPieces(text, from, text.length, line, result);
    return result;
  }
  for (let cellStart = from; cellStart <= text.length; ) {
    let cellEnd = text.indexOf('|', cellStart);
    if (cellEnd === -1) cellEnd = text.length;
    if (EMPHASIS.test(text.slice(cellStart, cellEnd))) markupPieces(text, cellStart, cellEnd, line, result);
    else {
      const cell = text.slice(cellStart, cellEnd);
      const trimmed = cell.trim();
      if (trimmed) result.push({ text: trimmed, offset: cellStart + cell.length - cell.trimStart().length, line });
    }
    cellStart = cellEnd + 1;
  }
  return result;
}

/** The character pass over text[from, to): drops emphasis, escapes and comments, splits at cells and <br>. */
function markupPieces(text: string, from: number, to: number, line: number, result: PlainLine[]): void {
  let plain = '';
  const map: number[] = [];
  const flush = (): void => {
    const trimmedStart = plain.length - plain.trimStart().length;
    const t = plain.trim();
    if (t) result.push({ text: t, map: map.slice(trimmedStart, trimmedStart + t.length), offset: 0, line });
    plain = '';
    map.length = 0;
  };
  for (let i = from; i < to; i++) {
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
    plain += ch;
    map.push(i);
  }
  flush();
}

/** Column in the raw line of the piece's character `i`; undefined past its end. */
function columnOf(piece: PlainLine, i: number): number | undefined {
  if (piece.map) return piece.map[i];
  return i >= 0 && i < piece.text.length ? piece.offset + i : undefined;
}

function range(piece: PlainLine, start: number, end: number): Range {
  const from = columnOf(piece, start) ?? 0;
  const to = end > start ? (columnOf(piece, end - 1) ?? from) + 1 : from;
  return { start: { line: piece.line, character: from }, end: { line: piece.line, character: to } };
}

/** The motto, tagline and Party header, compared without spaces: OCR splits words ("CHỦ N GHĨA"). */
const MOTTO_KEYS = new Set(['cộnghòaxãhộichủnghĩaviệtnam', 'độclậptựdohạnhphúc', 'đảngcộngsảnviệtnam']);

/** "Nơi nhận" in any case, once emphasis and escapes are taken out. */
const RECIPIENTS_WORD = /n[*_\\]*h[*_\\]*ậ[*_\\]*n/iu;

export function summarizePlan(source: string): PlanSummary {
  const lines = source.normalize('NFC').split('\n');
  const piecesCache: PlainLine[][] = [];
  const pieces = (line: number): PlainLine[] => (piecesCache[line] ??= piecesOf(lines[line]!, line));
  /** The first piece after piece `k` of `line`, looking on through the following lines. */
  const pieceAfter = (line: number, k: number): PlainLine | undefined => {
    if (k + 1 < pieces(line).length) return pieces(line)[k + 1];
    for (let next = line + 1; next < lines.length; next++) if (pieces(next).length > 0) return pieces(next)[0];
    return undefined;
  };
  const summary: PlanSummary = { citations: [], recipients: [] };
  let titleFound = false;
  const agencies: string[] = [];
  header: for (let line = 0; line < Math.min(HEADER_LINES, lines.length); line++) {
    const here = pieces(line);
    for (let k = 0; k < here.length; k++) {
      const piece = here[k]!;
      const { text } = piece;
      const number = /^Số\s*:?\s*(\d+\s*[/-]\s*[\p{L}&]+(?:\s*[/-]\s*[\p{L}&]+)*)/u.exec(text);
      if (number && !summary.symbol) {
        const start = text.indexOf(number[1]!);
        summary.symbol = number[1]!.replace(/\s+/g, '');
        summary.numberRange = range(piece, start, start + number[1]!.length);
        continue;
      }
      if (!summary.date && /,?\s*ngày\s+\d/u.test(text) && text.length < 90 && !titleFound) {
        const date = findDates(text).find((d) => d.day !== undefined && d.year !== undefined);
        if (date && !dateProblem(date)) {
          summary.date = { day: date.day!, month: date.month!, year: date.year! };
          summary.dateRange = range(piece, date.start, date.end);
        }
        continue;
      }
      if (/^KẾ\s+HOẠCH\b/u.test(text)) {
        titleFound = true;
        const rest = text.replace(/^KẾ\s+HOẠCH[\s:]*/u, '');
        summary.title = 'KẾ HOẠCH';
        if (rest) summary.summary = rest;
        else {
          const next = pieceAfter(line, k);
          if (next && !/^(?:căn\s+cứ|thực\s+hiện\s+(?:kế|quyết|chỉ|công|nghị|thông))/iu.test(next.text) && !/^[IVX]+\./.test(next.text)) summary.summary = next.text;
        }
        break header;
      }
      if (!MOTTO_KEYS.has(compareKey(text).replace(/ /g, '')) && isUpperCaseText(text, 0.05)) agencies.push(text);
    }
  }
  summary.agency = agencies.at(-1);
  const periodSource = summary.summary ?? '';
  const period = findDates(periodSource).find((d) => d.kind === 'period');
  if (period) summary.period = { from: period.year!, to: period.endYear! };

  let inRecipients = false;
  for (let line = 0; line < lines.length; line++) {
    // Only three kinds of line matter here: recipients, the "Nơi nhận" that starts them, and
    // lines with digits (citations). Skipping the rest unsplit is most of the speed.
    const raw = lines[line]!;
    if (!inRecipients && !/\d/.test(raw) && !(/[ậẬ]/.test(raw) && RECIPIENTS_WORD.test(raw))) continue;
    for (const piece of pieces(line)) {
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
      if (!/\d\s*[/-]/.test(text) || !SYMBOL_START.test(text)) continue;
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
          dateRange: date ? range(piece, date.start, date.end) : undefined,
        });
      }
    }
  }
  return detached(summary);
}

/**
 * V8 keeps a substring as a view into its source, so a summary holding pieces of the text would
 * keep the whole file alive: 10,000 indexed plans would hold every byte of them. Copies them.
 */
function detached(summary: PlanSummary): PlanSummary {
  const own = (text: string): string => (text.length < 13 ? text : (JSON.parse(JSON.stringify(text)) as string));
  if (summary.symbol) summary.symbol = own(summary.symbol);
  if (summary.agency) summary.agency = own(summary.agency);
  if (summary.summary) summary.summary = own(summary.summary);
  summary.recipients = summary.recipients.map(own);
  for (const citation of summary.citations) {
    citation.typeWord = own(citation.typeWord);
    citation.symbol = own(citation.symbol);
    if (citation.issuer) citation.issuer = own(citation.issuer);
  }
  return summary;
}
