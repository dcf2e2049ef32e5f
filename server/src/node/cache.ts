// The workspace index on disk: one file per indexed folder set, mapping each Markdown file's path
// to its size, modification time and packed summary, so a warm start re-reads only what changed.
// Summaries are packed into arrays (ranges as [line, start, end]): the cache of 10,000 plans is
// about a third of its plain JSON size, and parsing it is the bulk of a warm start.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import type { Range } from '../engine/types.js';
import type { CitationSummary, PlanSummary } from '../engine/workspace/summary.js';

/** Bump when PlanSummary, the packing or the summarizer's results change: older caches are then ignored. */
export const CACHE_VERSION = 7;
const HEADER = `kehoach-index ${CACHE_VERSION}`;

type PackedRange = [number, number, number] | [number, number, number, number];
type PackedDate = [number, number, number];
type PackedCitation = [
  typeWord: string,
  symbol: string,
  typeCode: string | null,
  date: PackedDate | null,
  issuer: string | null,
  range: PackedRange,
  dateRange: PackedRange | null,
];
export type PackedSummary = [
  symbol: string | null,
  numberRange: PackedRange | null,
  date: PackedDate | null,
  dateRange: PackedRange | null,
  agency: string | null,
  title: string | null,
  summary: string | null,
  period: [number, number] | null,
  citations: PackedCitation[],
  recipients: string[],
  reports: PackedReport[],
];
/** Day, month, year (0 when not written), to whom (null when not said). */
type PackedReport = [number, number, number, string | null];

function packRange(range: Range): PackedRange {
  return range.start.line === range.end.line
    ? [range.start.line, range.start.character, range.end.character]
    : [range.start.line, range.start.character, range.end.line, range.end.character];
}

function unpackRange(packed: PackedRange): Range {
  return packed.length === 3
    ? { start: { line: packed[0], character: packed[1] }, end: { line: packed[0], character: packed[2] } }
    : { start: { line: packed[0], character: packed[1] }, end: { line: packed[2], character: packed[3] } };
}

const packDate = (date: { day: number; month: number; year: number } | undefined): PackedDate | null => (date ? [date.day, date.month, date.year] : null);
const orNull = <T>(value: T | undefined): T | null => (value === undefined ? null : value);

export function packSummary(summary: PlanSummary): PackedSummary {
  return [
    orNull(summary.symbol),
    summary.numberRange ? packRange(summary.numberRange) : null,
    packDate(summary.date),
    summary.dateRange ? packRange(summary.dateRange) : null,
    orNull(summary.agency),
    orNull(summary.title),
    orNull(summary.summary),
    summary.period ? [summary.period.from, summary.period.to] : null,
    summary.citations.map((citation) => [
      citation.typeWord,
      citation.symbol,
      orNull(citation.typeCode),
      packDate(citation.date),
      orNull(citation.issuer),
      packRange(citation.range),
      citation.dateRange ? packRange(citation.dateRange) : null,
    ]),
    summary.recipients,
    summary.reports.map((report) => [report.day, report.month, report.year ?? 0, orNull(report.to)]),
  ];
}

type SummaryDate = NonNullable<PlanSummary['date']>;

/**
 * Shares equal strings and dates between the summaries it unpacks: thousands of plans cite the
 * same documents, of the same issuers, on the same dates, and one copy of each is a fifth of the
 * index's memory. Shared dates are frozen, since another summary holds the same object.
 */
export class Interner {
  private readonly strings = new Map<string, string>();
  private readonly dates = new Map<number, SummaryDate>();

  string(text: string): string {
    const known = this.strings.get(text);
    if (known !== undefined) return known;
    this.strings.set(text, text);
    return text;
  }

  date(packed: PackedDate | null): SummaryDate | undefined {
    if (!packed) return undefined;
    const key = (packed[2] * 13 + packed[1]) * 32 + packed[0];
    let date = this.dates.get(key);
    if (!date) this.dates.set(key, (date = Object.freeze({ day: packed[0], month: packed[1], year: packed[2] })));
    return date;
  }
}

/** The summary back; optional fields that were absent stay absent. Pass one interner for many summaries. */
export function unpackSummary(packed: PackedSummary, intern = new Interner()): PlanSummary {
  const [symbol, numberRange, date, dateRange, agency, title, text, period, citations, recipients, reports] = packed;
  const summary: PlanSummary = {
    citations: citations.map((citation) => unpackCitation(citation, intern)),
    recipients: recipients.map((recipient) => intern.string(recipient)),
    reports: reports.map(([day, month, year, to]) => {
      const report: PlanSummary['reports'][number] = { day, month };
      if (year !== 0) report.year = year;
      if (to !== null) report.to = intern.string(to);
      return report;
    }),
  };
  if (symbol !== null) summary.symbol = symbol;
  if (numberRange) summary.numberRange = unpackRange(numberRange);
  if (date) summary.date = intern.date(date);
  if (dateRange) summary.dateRange = unpackRange(dateRange);
  if (agency !== null) summary.agency = intern.string(agency);
  if (title !== null) summary.title = title;
  if (text !== null) summary.summary = text;
  if (period) summary.period = { from: period[0], to: period[1] };
  return summary;
}

function unpackCitation(packed: PackedCitation, intern: Interner): CitationSummary {
  const [typeWord, symbol, typeCode, date, issuer, range, dateRange] = packed;
  const citation: CitationSummary = { typeWord: intern.string(typeWord), symbol: intern.string(symbol), range: unpackRange(range) };
  if (typeCode !== null) citation.typeCode = intern.string(typeCode);
  if (date) citation.date = intern.date(date);
  if (issuer !== null) citation.issuer = intern.string(issuer);
  if (dateRange) citation.dateRange = unpackRange(dateRange);
  return citation;
}

/** The cache of a folder set: under `baseDir` when given (the editor's storage), else the user's cache folder. */
export function cachePathFor(folders: readonly string[], baseDir?: string): string {
  const key = createHash('sha256')
    .update([...folders].map((folder) => resolve(folder)).sort().join('\n'))
    .digest('hex')
    .slice(0, 24);
  return join(baseDir ?? userCacheDir(), `index-${key}.json`);
}

/** ${XDG_CACHE_HOME:-~/.cache}/kehoach (the XDG base directory convention). */
export function userCacheDir(): string {
  const xdg = process.env.XDG_CACHE_HOME;
  return join(xdg && xdg.startsWith('/') ? xdg : join(homedir(), '.cache'), 'kehoach');
}

/**
 * The cache file: a header line, then one line per file read, `"path"<TAB>size<TAB>mtimeMs<TAB>summary`
 * (the packed summary as JSON, or 0 for a file that is not a plan). Lines are parsed only when
 * looked up, so loading holds the text and not a tree of every entry at once.
 */
export class IndexCache {
  private readonly old = new Map<string, string>();
  private readonly lines: string[] = [];
  private reused = 0;

  /** The cache at `path`, or an empty one when there is none or it is of another version. */
  static read(path: string | undefined): IndexCache {
    const cache = new IndexCache();
    if (!path) return cache;
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch {
      return cache;
    }
    const lines = text.split('\n');
    if (lines[0] !== HEADER) return cache;
    for (let i = 1; i < lines.length; i++) {
      const line = lines[i]!;
      const tab = line.indexOf('\t');
      if (tab < 0) continue;
      try {
        cache.old.set(JSON.parse(line.slice(0, tab)) as string, line);
      } catch {
        // A damaged line only costs that file a re-read.
      }
    }
    return cache;
  }

  /**
   * The cached summary of a file that still has this size and modification time (null: not a
   * plan), kept for the next write; undefined when the file must be read.
   */
  lookup(path: string, size: number, mtimeMs: number): PackedSummary | null | undefined {
    const line = this.old.get(path);
    if (!line) return undefined;
    const [, sizeText, mtimeText, summaryText] = line.split('\t');
    if (Number(sizeText) !== size || Number(mtimeText) !== mtimeMs || summaryText === undefined) return undefined;
    try {
      const summary = summaryText === '0' ? null : (JSON.parse(summaryText) as PackedSummary);
      this.lines.push(line);
      this.reused++;
      return summary;
    } catch {
      return undefined;
    }
  }

  /** Every plan of the file, whatever its size and time: for loading a whole index (the CLI's worker processes). */
  *summaries(): IterableIterator<[path: string, summary: PackedSummary]> {
    for (const [path, line] of this.old) {
      const summaryText = line.slice(line.lastIndexOf('\t') + 1);
      if (summaryText === '0') continue;
      try {
        yield [path, JSON.parse(summaryText) as PackedSummary];
      } catch {
        // A damaged line: that plan is missing from the index, like an unreadable file.
      }
    }
  }

  put(path: string, size: number, mtimeMs: number, summary: PackedSummary | null): void {
    this.lines.push(`${JSON.stringify(path)}\t${size}\t${mtimeMs}\t${summary ? JSON.stringify(summary) : '0'}`);
  }

  /** Whether the next write would change the file: new entries, or old ones gone. */
  get changed(): boolean {
    return this.lines.length !== this.reused || this.old.size !== this.reused;
  }

  /** Writes through a temporary file and a rename, so a concurrent reader never sees half a cache. */
  write(path: string): boolean {
    const temp = `${path}.${process.pid}.tmp`;
    try {
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(temp, `${[HEADER, ...this.lines].join('\n')}\n`);
      renameSync(temp, path);
      return true;
    } catch {
      // A cache that cannot be written only costs the next start its speed.
      rmSync(temp, { force: true });
      return false;
    }
  }
}
