// The closing part: recipients and signature, wherever they sit (after the body, side by side in a table).
import type { Recipients, Signature } from '../model.js';
import type { PlanLines } from './lines.js';
import { readRecipients, recipientsHeadingIndex } from './recipients.js';
import { readSignature } from './signature.js';

/** "Trên đây là Kế hoạch …": the sentence that closes a plan's body. */
export function isClosingRemark(text: string): boolean {
  return /^trên\s+đây\s+là(?=\s|$)/iu.test(text);
}

/** The closing remark, or a line ending with the end mark "./." (which may also end a last paragraph). */
export function isClosingSentence(text: string): boolean {
  return isClosingRemark(text) || /\.\s*\/\s*\.?\s*$/u.test(text);
}

export interface Closing {
  /** TextLine where the closing part starts; lines.length when there is none. */
  start: number;
  recipients?: Recipients;
  signature?: Signature;
}

export function readClosing(plan: PlanLines, headerEnd: number): Closing {
  const heading = recipientsHeadingIndex(plan, headerEnd);
  const read = heading >= 0 ? readRecipients(plan, heading) : undefined;
  const signature = readSignature(plan, heading, read?.end ?? plan.lines.length, headerEnd);
  const start = Math.min(heading >= 0 ? heading : plan.lines.length, signature?.firstTextLine ?? plan.lines.length);
  return { start, recipients: read?.recipients, signature };
}
