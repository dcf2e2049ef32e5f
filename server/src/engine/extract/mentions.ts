// Dates and citations, line by line. A date a citation gives is that citation's date; the date of
// the place-date line is the issue date the header already read, the same object.
import { findCitations } from '../citations.js';
import { type FoundDate, dateProblem, findDates } from '../dates.js';
import type { Citation, DateMention, PlanHeader, TextLine } from '../model.js';
import type { Range } from '../types.js';
import { documentTypeOf } from '../vocabulary.js';
import { type PlanLines, lineRange } from './lines.js';

export function dateMention(plan: PlanLines, line: TextLine, date: FoundDate, kind = date.kind): DateMention {
  const mention: DateMention = {
    kind,
    raw: date.raw,
    range: lineRange(plan.index, line, date.start, date.end),
    textLine: line.index,
    day: date.day,
    month: date.month,
    year: date.year,
    endYear: date.endYear,
    sharedYear: date.sharedYear,
    numeric: date.numeric,
  };
  mention.invalid = dateProblem(mention);
  return mention;
}

export interface Mentions {
  dates: DateMention[];
  citations: Citation[];
}

/** A citation's number ("12/KH-…", "20-CT/TW", "56/2017/NĐ-CP", or miswritten "298 KH/TWĐTN"): a line without one cites nothing. */
export const SYMBOL_START = /\d\s*[/\-–—‐−]\s*(?:\d{4}\s*[/\-–—‐−]\s*)?\p{Lu}|\d\s+\p{Lu}[\p{Ll}&]*\p{Lu}[\p{L}&]*\d*(?:\s*[/\-–—‐−]\s*|\s+)\p{Lu}/u;

/**
 * Every date and citation of the plan; `basis` is the TextLine range [start, end) of the preamble.
 * The folder index needs only the citations (and their dates): `citationsOnly` skips the other lines.
 */
export function readMentions(plan: PlanLines, header: PlanHeader, basis: { start: number; end: number }, citationsOnly = false): Mentions {
  const dates: DateMention[] = [];
  const citations: Citation[] = [];
  const seen = new Set<string>();
  const issueDate = header.placeDate?.date;
  /** Dates of the next line, when a citation of this line took one of them: found once, for both lines. */
  let carried: { index: number; found: FoundDate[]; cited: Map<number, Citation> } | undefined;
  for (const line of plan.lines) {
    if (line.kind === 'html') continue;
    if (!/\d/.test(line.nfc) || (citationsOnly && carried?.index !== line.index && !SYMBOL_START.test(line.nfc))) continue;
    const found = carried?.index === line.index ? carried.found : findDates(line.nfc);
    const citedFromAbove = carried?.index === line.index ? carried.cited : undefined;
    carried = undefined;
    const following = plan.lines[line.index + 1];
    // A paragraph hard-wrapped in the middle of a citation: "... 90/QĐ-TTg ngày" / "18/01/2022 của ...".
    const next = following && following.block === line.block && following.kind !== 'html' ? following : undefined;
    let nextDates: FoundDate[] | undefined;
    const nextLine = next && {
      text: next.nfc,
      get dates(): FoundDate[] {
        return (nextDates ??= findDates(next.nfc));
      },
    };
    const citationsHere = header.number && line.line === header.number.line ? [] : findCitations(line.nfc, found, nextLine);
    const citedDates = new Set(citationsHere.map((cite) => cite.dateIndex));
    const mentions = found.map((date, k) => {
      if (issueDate && k === 0 && line.index === issueDate.textLine) return issueDate;
      const mention = dateMention(plan, line, date, citedDates.has(k) || citedFromAbove?.has(k) ? 'citation' : date.kind);
      const above = citedFromAbove?.get(k);
      if (above) above.date = mention;
      return mention;
    });
    const length = line.nfc.length;
    /** A position of the joined text, on this line or past its end on the next one. */
    const rangeAt = (start: number, end: number): Range =>
      start > length
        ? lineRange(plan.index, next!, start - length - 1, end - length - 1)
        : end > length
          ? { start: lineRange(plan.index, line, start, length).start, end: lineRange(plan.index, next!, 0, end - length - 1).end }
          : lineRange(plan.index, line, start, end);
    for (const cite of citationsHere) {
      const type = cite.typeWord ? documentTypeOf(cite.typeWord) : undefined;
      const firstMention = !seen.has(cite.symbol);
      seen.add(cite.symbol);
      const citation: Citation = {
        typeWord: cite.typeWord,
        typeName: type?.name,
        expectedTypeCode: type?.code,
        symbolRaw: cite.symbolRaw,
        symbol: cite.symbol,
        number: cite.number,
        numberYear: cite.numberYear,
        typeCode: cite.typeCode,
        issuerCode: cite.issuerCode,
        form: cite.form,
        formatProblems: cite.formatProblems,
        hasSoWord: cite.hasSoWord,
        date: cite.dateIndex !== undefined && cite.dateIndex < found.length ? mentions[cite.dateIndex] : undefined,
        issuer: cite.issuer,
        issuerRange: cite.issuerStart !== undefined ? rangeAt(cite.issuerStart, cite.issuerEnd!) : undefined,
        range: rangeAt(cite.start, cite.end),
        symbolRange: lineRange(plan.index, line, cite.symbolStart, cite.symbolEnd),
        typeRange: cite.typeStart !== undefined ? lineRange(plan.index, line, cite.typeStart, cite.typeStart + cite.typeWord.length) : undefined,
        textLine: line.index,
        inBasis: line.index >= basis.start && line.index < basis.end,
        firstMention,
      };
      // The date is on the next line: its mention is made there, and given to the citation then.
      if (cite.dateIndex !== undefined && cite.dateIndex >= found.length) {
        carried ??= { index: next!.index, found: nextLine!.dates, cited: new Map() };
        carried.cited.set(cite.dateIndex - found.length, citation);
      }
      citations.push(citation);
    }
    dates.push(...mentions);
  }
  return { dates, citations };
}
