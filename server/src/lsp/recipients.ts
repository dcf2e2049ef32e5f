// The recipients the workspace's plans use, counted for completing a plan's "Nơi nhận" (completion.ts).
import { compareKey } from '../engine/text.js';

/** Recipient entry key -> the entry as first written and the number of plans using it. */
export type RecipientCounts = Map<string, { text: string; count: number }>;

/** Counts each recipient once per plan, keyed so that spelling variants of one entry meet. */
export function addRecipients(counts: RecipientCounts, entries: readonly string[]): void {
  const seen = new Set<string>();
  for (const entry of entries) {
    const text = recipientBody(entry);
    const key = compareKey(text);
    if (!key || seen.has(key)) continue;
    seen.add(key);
    const known = counts.get(key);
    if (known) known.count++;
    else counts.set(key, { text, count: 1 });
  }
}

/** An entry without its leading dash and closing punctuation: "- Sở GDĐT (b/c);" -> "Sở GDĐT (b/c)". */
export function recipientBody(entry: string): string {
  return entry
    .replace(/^[-+•–*]\s*/u, '')
    .replace(/(?:\.\/\.|[;.,:\s])+$/u, '')
    .trim();
}
