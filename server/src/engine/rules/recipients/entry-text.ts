// Source ranges inside one recipient entry, for the fixes that insert or replace punctuation.
import { lineRange } from '../../extract/lines.js';
import type { PlanModel, RecipientEntry, TextLine } from '../../model.js';
import type { Range } from '../../types.js';

export interface EntryText {
  line: TextLine;
  /** Index in the line's NFC text where the entry starts (after "Nơi nhận:" when written on that line). */
  from: number;
  /** Source range of characters [start, end) of the entry's text. */
  at(start: number, end?: number): Range;
}

export function entryText(model: PlanModel, entry: RecipientEntry): EntryText {
  const line = model.lines[entry.textLine]!;
  const from = line.nfc.length - entry.text.length;
  return { line, from, at: (start, end = start) => lineRange(model.index, line, from + start, from + end) };
}

/** The leading dash as written ("- ", "– "), if any. */
export const ENTRY_DASH = /^[-+•–*]\s*/u;

/** Each agency the entries name, and each of an entry that groups several ("Lãnh đạo, CV PGDĐT"); not "Lưu". */
export function recipientAgencies(entries: readonly RecipientEntry[]): string[] {
  return entries
    .filter((entry) => !entry.isArchive)
    .flatMap((entry) => [entry.name, ...entry.name.split(/[;,]/u)].map((name) => name.trim()).filter(Boolean));
}
