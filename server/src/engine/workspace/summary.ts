// A plan's identity card for the workspace index: number, date, issuer, title, period, citations,
// recipients. A projection of what the model's recognisers read; for a folder they read the cheap
// scanner's lines (scan.ts), not a Markdown parse, so that indexing thousands of plans takes seconds.
import { findDates } from '../dates.js';
import { readClosing } from '../extract/closing.js';
import { readHeader } from '../extract/header.js';
import { readMentions } from '../extract/mentions.js';
import { type ReportDeadline, readReports } from '../extract/reports.js';
import { planSymbol } from '../extract/number.js';
import type { Citation, DateMention, PlanHeader, PlanModel, Recipients } from '../model.js';
import { scanPlanLines } from '../scan.js';
import type { Range } from '../types.js';

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
  /** The reports the plan asks for by a date, and to whom (a child plan is held to them: KH304). */
  reports: ReportSummary[];
}

export interface ReportSummary {
  to?: string;
  day: number;
  month: number;
  year?: number;
}

/** The index's summary of a plan: the same recognisers as the model's, over the cheap scanner's lines. */
export function summarizePlan(source: string): PlanSummary {
  const plan = scanPlanLines(source);
  const header = readHeader(plan);
  const closing = readClosing(plan, header.endTextLine);
  const { citations } = readMentions(plan, header, { start: header.endTextLine, end: closing.start }, true);
  return detached(summaryOf(header, closing.recipients, citations, readReports(plan, header.endTextLine, closing.start)));
}

/** The summary a checked document's model gives: for open documents, and to prove both readings agree. */
export function summaryOfModel(model: PlanModel): PlanSummary {
  return summaryOf(model.header, model.recipients, model.citations, model.reports);
}

/** A whole date that exists, as the index keeps it; undefined for partial or impossible ones. */
function dayOf(date: DateMention | undefined): { day: number; month: number; year: number } | undefined {
  if (!date || date.invalid || date.day === undefined || date.month === undefined || date.year === undefined) return undefined;
  return { day: date.day, month: date.month, year: date.year };
}

function summaryOf(header: PlanHeader, recipients: Recipients | undefined, citations: readonly Citation[], reports: readonly ReportDeadline[]): PlanSummary {
  const summary: PlanSummary = { citations: [], recipients: [], reports: reports.map(reportSummary) };
  const symbol = planSymbol(header.number);
  if (symbol) {
    summary.symbol = symbol;
    summary.numberRange = header.number!.valueRange;
  }
  const issued = header.placeDate?.date;
  const issuedDay = dayOf(issued);
  if (issued && issuedDay) {
    summary.date = issuedDay;
    summary.dateRange = issued.range;
  }
  if (header.agency) summary.agency = header.agency.text;
  if (header.title) summary.title = header.title.text;
  if (header.summary) summary.summary = header.summary.text;
  const period = header.summary ? findDates(header.summary.text).find((date) => date.kind === 'period') : undefined;
  if (period) summary.period = { from: period.year!, to: period.endYear! };
  for (const citation of citations) {
    const date = citation.date;
    summary.citations.push({
      typeWord: citation.typeName ?? citation.typeWord,
      symbol: citation.symbol,
      typeCode: citation.typeCode,
      date: dayOf(date),
      issuer: citation.issuer,
      range: citation.range,
      dateRange: date?.range,
    });
  }
  summary.recipients = (recipients?.entries ?? []).map((entry) => entry.label);
  return summary;
}

function reportSummary({ to, day, month, year }: ReportDeadline): ReportSummary {
  const report: ReportSummary = { day, month };
  if (year !== undefined) report.year = year;
  if (to !== undefined) report.to = to;
  return report;
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
  for (const report of summary.reports) if (report.to) report.to = own(report.to);
  for (const citation of summary.citations) {
    citation.typeWord = own(citation.typeWord);
    citation.symbol = own(citation.symbol);
    if (citation.issuer) citation.issuer = own(citation.issuer);
  }
  return summary;
}
