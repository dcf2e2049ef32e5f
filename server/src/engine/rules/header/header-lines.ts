// Header rules work on the text of the line a header part was found on.
import { lineRange } from '../../extract/lines.js';
import type { Part, PlanModel, TextLine } from '../../model.js';
import type { Range } from '../../types.js';

/** The TextLine a part starts on (a table row holds several parts on one source line). */
export function textLineOf(model: PlanModel, part: Part): TextLine | undefined {
  const { line, character } = part.range.start;
  return model.lines.find((candidate) => {
    if (candidate.line !== line) return false;
    const start = lineRange(model.index, candidate).start;
    return start.line === line && start.character === character;
  });
}

/**
 * No part of the header block above the title was found: no agency, motto, Party or Youth Union
 * header, number or place-date (a draft pasted without it, or a header not recognised). KH207 then
 * says so once, and KH201 and KH203 stay silent rather than repeat it; KH206 too when the title is
 * missing as well.
 */
export function headerUnread(model: PlanModel): boolean {
  const h = model.header;
  return !h.agency && !h.parentAgency && !h.motto && !h.tagline && !h.partyHeader && !h.youthHeader && !h.number && !h.placeDate;
}

/** The first line of text: where something missing from the top of the plan is reported. */
export function topOfDocument(model: PlanModel): Range {
  const first = model.lines.find((line) => line.kind !== 'html');
  return first ? lineRange(model.index, first) : { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
}
