// The one line interface every recogniser reads: TextLines, from the Markdown parse (the model) or
// from the cheap scanner (the folder index), with the source they came from. Recognisers are pure
// functions of a PlanLines and of what earlier recognisers returned; none changes another's result.
import type { Part, TextLine } from '../model.js';
import type { LineIndex } from '../text.js';
import type { Range } from '../types.js';

export interface PlanLines {
  source: string;
  index: LineIndex;
  /** Visible lines in document order; `lines[i].index === i`. The scanner may leave out lines no identity needs. */
  lines: readonly TextLine[];
}

/** Source range of characters [start, end) of a line's NFC text. */
export function lineRange(index: LineIndex, line: TextLine, start = 0, end = line.nfc.length): Range {
  const toText = (i: number): number => (line.nfcMap ? line.nfcMap[i]! : i);
  const a = toText(Math.max(0, Math.min(start, line.nfc.length)));
  const b = toText(Math.max(0, Math.min(end, line.nfc.length)));
  const startOffset = line.offsets[a]!;
  const endOffset = b > 0 && b > a ? line.offsets[b - 1]! + 1 : startOffset;
  return index.range(startOffset, Math.max(startOffset, endOffset));
}

/** Characters [start, end) of a line's NFC text as a Part. */
export function partOf(plan: PlanLines, line: TextLine, start = 0, end = line.nfc.length): Part {
  return { text: line.nfc.slice(start, end), range: lineRange(plan.index, line, start, end), line: line.line };
}

/** Parts spanning several lines, read as one ("BAN CHẤP HÀNH" + "CÔNG ĐOÀN CƠ SỞ"). */
export function joinParts(a: Part, b: Part): Part {
  return { text: `${a.text} ${b.text}`, range: { start: a.range.start, end: b.range.end }, line: a.line };
}

export function within(inner: Range, outer: Range): boolean {
  const before = (a: Range['start'], b: Range['start']): boolean => a.line < b.line || (a.line === b.line && a.character <= b.character);
  return before(outer.start, inner.start) && before(inner.end, outer.end);
}
