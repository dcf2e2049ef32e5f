// Applying fixes: edits are applied from the end of the text backwards, overlapping edits are
// dropped (the next pass picks them up), and nothing is applied to a text they were not made for.
import { LineIndex } from './text.js';
import type { Diagnostic, Fix, TextEdit } from './types.js';

/**
 * Whether fix-all, `kehoach check --fix` and the editor's fix-on-save apply this fix (the editor
 * also marks it as the preferred quick fix); any other fix waits for a person to choose it.
 */
export function isAppliedByFixAll(fix: Fix | undefined): fix is Fix {
  return fix?.safety === 'safe';
}

/** Applies non-overlapping edits; returns the new text and the edits that were skipped. */
export function applyEdits(text: string, edits: readonly TextEdit[]): { text: string; skipped: TextEdit[] } {
  const index = new LineIndex(text);
  const located = edits
    .map((edit) => ({ edit, start: index.offsetAt(edit.range.start), end: index.offsetAt(edit.range.end) }))
    .sort((a, b) => a.start - b.start || a.end - b.end);
  const accepted: typeof located = [];
  const skipped: TextEdit[] = [];
  let lastEnd = -1;
  for (const item of located) {
    // Two insertions at one point are ambiguous in order; keep the first.
    if (item.start < lastEnd || (item.start === lastEnd && item.start === item.end && accepted.length > 0 && accepted[accepted.length - 1]!.start === item.start)) {
      skipped.push(item.edit);
      continue;
    }
    accepted.push(item);
    lastEnd = item.end;
  }
  let result = text;
  for (let i = accepted.length - 1; i >= 0; i--) {
    const { edit, start, end } = accepted[i]!;
    result = result.slice(0, start) + edit.newText + result.slice(end);
  }
  return { text: result, skipped };
}

/** Applies the safe fixes of the given diagnostics once; a fix whose edits overlap an earlier one waits for the next pass. */
export function applyFixes(text: string, diagnostics: readonly Diagnostic[]): { text: string; applied: number } {
  const edits: TextEdit[] = [];
  let applied = 0;
  const taken: Array<[number, number]> = [];
  const index = new LineIndex(text);
  for (const diagnostic of diagnostics) {
    if (!isAppliedByFixAll(diagnostic.fix)) continue;
    const spans = diagnostic.fix.edits.map((edit) => [index.offsetAt(edit.range.start), index.offsetAt(edit.range.end)] as [number, number]);
    const clash = spans.some(([a, b]) => taken.some(([c, d]) => a < d && c < b || (a === b && a >= c && a <= d) || (c === d && c >= a && c <= b)));
    if (clash) continue;
    taken.push(...spans);
    edits.push(...diagnostic.fix.edits);
    applied++;
  }
  return { text: applyEdits(text, edits).text, applied };
}

/**
 * Re-checks and re-applies until no safe fix is left (or a pass changes nothing),
 * so fixes that overlap are applied one after another against fresh positions.
 */
export function fixAll(text: string, check: (text: string) => readonly Diagnostic[], maxPasses = 10): { text: string; applied: number } {
  let current = text;
  let total = 0;
  for (let pass = 0; pass < maxPasses; pass++) {
    const safe = check(current).filter((d) => isAppliedByFixAll(d.fix));
    if (safe.length === 0) break;
    const { text: next, applied } = applyFixes(current, safe);
    if (applied === 0 || next === current) break;
    total += applied;
    current = next;
  }
  return { text: current, applied: total };
}
