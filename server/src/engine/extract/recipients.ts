// The recipient list: "Nơi nhận:" and its entries ("- Sở GDĐT;", "- Lưu: VT, CTTT.").
import type { RecipientEntry, Recipients, TextLine } from '../model.js';
import { compareKey, isUpperCaseText } from '../text.js';
import { type PlanLines, partOf } from './lines.js';
import { NAME_LINE, SIGNING_PREFIX } from './signing.js';

const ENTRY_DASH = /^[-+•–*]\s*/u;
/** The number of a numbered recipient entry: "1. ", "2) ". */
const ENTRY_NUMBER = /^\d{1,2}[.)]\s+/u;

/** Whether a line is the recipients' heading ("Nơi nhận:", alone or with the first entry after it). */
export function isRecipientsHeading(line: TextLine): boolean {
  return line.nfc.length < 40 && /nhận/iu.test(line.nfc) && /^nơi\s+nhận\b/u.test(compareKey(line.nfc));
}

/** The last "Nơi nhận" line at or after `from`, or -1. */
export function recipientsHeadingIndex(plan: PlanLines, from: number): number {
  for (let i = plan.lines.length - 1; i >= from; i--) if (isRecipientsHeading(plan.lines[i]!)) return i;
  return -1;
}

/** The recipients starting at their heading; `end` is the TextLine after the last entry. */
export function readRecipients(plan: PlanLines, headingIndex: number): { recipients: Recipients; end: number } {
  const { lines } = plan;
  const heading = lines[headingIndex]!;
  const entries: RecipientEntry[] = [];
  let previous = heading;
  const colon = heading.nfc.indexOf(':');
  // "Nơi nhận: - Sở GDĐT;" on one line.
  const inline = colon >= 0 ? heading.nfc.slice(colon + 1).trim() : '';
  if (inline) entries.push(readEntry(plan, heading, heading.nfc.length - inline.length));
  let i = headingIndex + 1;
  for (; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.kind === 'html') continue;
    if (heading.table && (!line.table || line.table.table !== heading.table.table || line.table.column !== heading.table.column)) {
      if (line.table?.table === heading.table.table) continue;
      break;
    }
    if (!isEntryLine(line, previous, entries)) break;
    entries.push(readEntry(plan, line, 0));
    previous = line;
  }
  return { recipients: { heading: partOf(plan, heading, 0, colon >= 0 ? colon + 1 : heading.nfc.length), entries }, end: i };
}

function isEntryLine(line: TextLine, previous: TextLine, entries: RecipientEntry[]): boolean {
  const text = line.nfc;
  if (ENTRY_DASH.test(text)) return !SIGNING_PREFIX.test(text.replace(ENTRY_DASH, ''));
  if (SIGNING_PREFIX.test(text) || (isUpperCaseText(text, 0.05) && !/[;,]$/u.test(text))) return false;
  const last = entries[entries.length - 1];
  if (last?.isArchive && last.terminator === '.') return false;
  if (line.block === previous.block) return true;
  if (/^lưu\b/iu.test(text)) return true;
  // "1. Sở GDĐT;": a numbered list is still a list of recipients (KH502 asks for dashes).
  if (line.kind === 'listItem' && ENTRY_NUMBER.test(text)) return true;
  return /;$/u.test(text) && !NAME_LINE.test(text);
}

function readEntry(plan: PlanLines, line: TextLine, from: number): RecipientEntry {
  const text = line.nfc.slice(from);
  const dash = ENTRY_DASH.exec(text);
  const body = text.slice(dash?.[0].length ?? ENTRY_NUMBER.exec(text)?.[0].length ?? 0);
  const terminatorMatch = /([;.,:]|\.\/\.)?\s*$/u.exec(body);
  const terminator = terminatorMatch?.[1] ?? '';
  const annotations = [...body.matchAll(/\(([^)]+)\)/gu)].map((m) => m[1]!.trim());
  const name = body
    .slice(0, body.length - (terminatorMatch?.[0].length ?? 0))
    .replace(/\s*\([^)]*\)\s*/gu, ' ')
    .replace(/[;,.\s]+$/u, '')
    .trim();
  return {
    ...partOf(plan, line, from),
    name,
    label: body.slice(0, body.length - (terminatorMatch?.[0].length ?? 0)).trim(),
    hasDash: dash !== null,
    terminator,
    annotations,
    isArchive: /^lưu\b/iu.test(body),
    textLine: line.index,
  };
}
