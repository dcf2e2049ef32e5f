// Dates and citations, line by line. A date a citation gives is that citation's date; the date of
// the place-date line is the issue date the header already read, the same object.
import { findCitations } from '../citations.js';
import { type FoundDate, dateProblem, findDates } from '../dates.js';
import type { Citation, DateMention, PlanHeader, TextLine } from '../model.js';
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

/** A citation's number ("12/KH-…", "20-CT/TW", "56/2017/NĐ-CP"): a line without one cites nothing. */
export const SYMBOL_START = /\d\s*[/\-–—‐−]\s*(?:\d{4}\s*[/\-–—‐−]\s*)?\p{Lu}/u;

/**
 * Every date and citation of the plan; `basis` is the TextLine range [start, end) of the preamble.
 * The folder index needs only the citations (and their dates): `citationsOnly` skips the other lines.
 */
export function readMentions(plan: PlanLines, header: PlanHeader, basis: { start: number; end: number }, citationsOnly = false): Mentions {
  const dates: DateMention[] = [];
  const citations: Citation[] = [];
  const seen = new Set<string>();
  const issueDate = header.placeDate?.date;
  for (const line of plan.lines) {
    if (line.kind === 'html') continue;
    if (!/\d/.test(line.nfc) || (citationsOnly && !SYMBOL_START.test(line.nfc))) continue;
    const found = findDates(line.nfc);
    const citationsHere = header.number && line.line === header.number.line ? [] : findCitations(line.nfc, found);
    const citedDates = new Set(citationsHere.map((cite) => cite.dateIndex));
    const mentions = found.map((date, k) =>
      issueDate && k === 0 && line.index === issueDate.textLine ? issueDate : dateMention(plan, line, date, citedDates.has(k) ? 'citation' : date.kind),
    );
    for (const cite of citationsHere) {
      const type = cite.typeWord ? documentTypeOf(cite.typeWord) : undefined;
      const firstMention = !seen.has(cite.symbol);
      seen.add(cite.symbol);
      citations.push({
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
        date: cite.dateIndex !== undefined ? mentions[cite.dateIndex] : undefined,
        issuer: cite.issuer,
        issuerRange: cite.issuerStart !== undefined ? lineRange(plan.index, line, cite.issuerStart, cite.issuerEnd) : undefined,
        range: lineRange(plan.index, line, cite.start, cite.end),
        symbolRange: lineRange(plan.index, line, cite.symbolStart, cite.symbolEnd),
        typeRange: cite.typeStart !== undefined ? lineRange(plan.index, line, cite.typeStart, cite.typeStart + cite.typeWord.length) : undefined,
        textLine: line.index,
        inBasis: line.index >= basis.start && line.index < basis.end,
        firstMention,
      });
    }
    dates.push(...mentions);
  }
  return { dates, citations };
}
