// The signing block: prefix (TM., KT. …), authority, the signer's title and name.
import type { Part, Signature, TextLine } from '../model.js';
import { isUpperCaseText } from '../text.js';
import { ACADEMIC_TITLES, UPPER_CASE_NAME } from '../vocabulary.js';
import { type PlanLines, joinParts, lineRange, partOf } from './lines.js';
import { isSectionTitleText } from './sections.js';
import { NAME_LINE, SIGNING_PREFIX, isSigningLine } from './signing.js';

/**
 * Where the signature is: beside the recipients in a table, after them, or (some drafts) just
 * above "Nơi nhận:"; without recipients, the trailing run of upper-case and name lines.
 */
export function readSignature(plan: PlanLines, recipientsHeading: number, afterRecipients: number, headerEnd: number): Signature | undefined {
  const { lines } = plan;
  const heading = recipientsHeading >= 0 ? lines[recipientsHeading]! : undefined;
  if (heading?.table) {
    const { table, column } = heading.table;
    const candidates = lines.filter((line) => line.table?.table === table && line.table.column !== column);
    candidates.push(...lines.slice(afterRecipients).filter((line) => !line.table));
    return signatureIn(plan, candidates);
  }
  if (heading) return signatureIn(plan, lines.slice(afterRecipients)) ?? signatureIn(plan, signingRunBefore(lines, recipientsHeading, headerEnd));
  return signatureIn(plan, signingRunBefore(lines, lines.length, headerEnd));
}

/** The run of upper-case, name and signing lines that ends just before line `end`. */
function signingRunBefore(lines: readonly TextLine[], end: number, headerEnd: number): TextLine[] {
  let start = end;
  while (start > headerEnd && end - start < 6) {
    const line = lines[start - 1]!;
    const text = line.nfc;
    // An upper-case section title ("V. TỔ CHỨC THỰC HIỆN") belongs to the body; "Q. HIỆU TRƯỞNG" does not.
    const sectionTitle = !SIGNING_PREFIX.test(text) && isSectionTitleText(text);
    if (!sectionTitle && (line.kind === 'html' || isSigningLine(text))) start--;
    else break;
  }
  return lines.slice(start, end);
}

function signatureIn(plan: PlanLines, lines: TextLine[]): Signature | undefined {
  const candidates = lines.filter((line) => line.kind !== 'html').slice(0, 8);
  if (candidates.length === 0) return undefined;
  const signature: Signature = { range: lineRange(plan.index, candidates[0]!), firstTextLine: candidates[0]!.index };
  const upper: Part[] = [];
  for (const line of candidates) {
    const text = line.nfc;
    const prefix = SIGNING_PREFIX.exec(text);
    if (prefix && !signature.prefix && upper.length === 0) {
      signature.prefix = partOf(plan, line, 0, prefix[0].trimEnd().length);
      const rest = text.slice(prefix[0].length);
      if (rest) upper.push(partOf(plan, line, prefix[0].length));
      continue;
    }
    if (isUpperCaseText(text, 0.05) && !signature.name) {
      // A name typed in capitals under the titles is still the name (KH603 reports the capitals).
      if ((upper.length > 0 || signature.prefix) && UPPER_CASE_NAME.test(text)) {
        signature.name = partOf(plan, line);
        break;
      }
      upper.push(partOf(plan, line));
      continue;
    }
    if (/^\(.*\)$/u.test(text) || /^\[.*\]$/u.test(text)) continue;
    if (!signature.name && (NAME_LINE.test(text) || ACADEMIC_TITLES.test(text)) && text.split(/\s+/).length <= 8) {
      signature.name = partOf(plan, line);
      break;
    }
    if (!signature.name) break;
  }
  if (signature.prefix) {
    if (upper.length >= 2) {
      signature.authority = upper[0];
      signature.title = upper.slice(1).reduce(joinParts);
    } else if (upper.length === 1) signature.authority = upper[0];
  } else if (upper.length >= 1) {
    signature.title = upper[upper.length - 1];
    if (upper.length >= 2) signature.authority = upper.slice(0, -1).reduce(joinParts);
  }
  if (!signature.prefix && !signature.title && !signature.name) return undefined;
  const lastPart = signature.name ?? signature.title ?? signature.authority ?? signature.prefix!;
  signature.range = { start: signature.range.start, end: lastPart.range.end };
  return signature;
}
