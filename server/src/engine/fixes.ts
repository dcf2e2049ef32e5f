// Applying fixes. One pass of fix-all takes the safe fixes of one check in the order the check
// reports them, keeps each fix whose edits touch none of the fixes kept before it (a fix is applied
// whole or not at all), and builds the new text once; the fixes left out are found again, at fresh
// positions, by the next pass's check. Every step is linear in the text and the edits (log factor
// aside), so a plan of a megabyte with thousands of fixes is fixed in a few checks' time.
import { LineIndex } from './text.js';
import type { Diagnostic, Fix, TextEdit } from './types.js';

/** How many check-and-fix passes fix-all makes at most; see fixAll. */
export const MAX_FIX_PASSES = 10;

/**
 * Whether fix-all, `kehoach check --fix` and the editor's fix-on-save apply this fix (the editor
 * also marks it as the preferred quick fix); any other fix waits for a person to choose it.
 */
export function isAppliedByFixAll(fix: Fix | undefined): fix is Fix {
  return fix?.safety === 'safe';
}

/** An edit with its offsets in the text it was made for. */
interface LocatedEdit {
  edit: TextEdit;
  start: number;
  end: number;
}

function locate(index: LineIndex, edit: TextEdit): LocatedEdit {
  return { edit, start: index.offsetAt(edit.range.start), end: index.offsetAt(edit.range.end) };
}

/**
 * Applies non-overlapping edits in one build of the text; returns the new text and the edits that
 * were skipped: an edit starting inside an earlier one, or a second insertion at the same point
 * (their order would be a guess; the first given is kept).
 */
export function applyEdits(text: string, edits: readonly TextEdit[]): { text: string; skipped: TextEdit[] } {
  const index = new LineIndex(text);
  // A stable sort: edits at the same place keep the order they were given in.
  const located = edits.map((edit) => locate(index, edit)).sort((a, b) => a.start - b.start || a.end - b.end);
  const accepted: LocatedEdit[] = [];
  const skipped: TextEdit[] = [];
  let lastEnd = -1;
  for (const item of located) {
    const previous = accepted[accepted.length - 1];
    const secondInsertion = previous !== undefined && item.start === item.end && item.start === lastEnd && previous.start === item.start;
    if (item.start < lastEnd || secondInsertion) {
      skipped.push(item.edit);
      continue;
    }
    accepted.push(item);
    lastEnd = item.end;
  }
  const parts: string[] = [];
  let copied = 0;
  for (const { edit, start, end } of accepted) {
    parts.push(text.slice(copied, start), edit.newText);
    copied = end;
  }
  parts.push(text.slice(copied));
  return { text: parts.join(''), skipped };
}

/**
 * Applies the safe fixes of the given diagnostics once. A fix is kept when none of its edits
 * touches an edit of a fix kept before it: two replacements may meet end to start, but an insertion
 * clashes with anything at or around its point. Earlier diagnostics win; the others wait for the
 * next pass.
 */
export function applyFixes(text: string, diagnostics: readonly Diagnostic[]): { text: string; applied: number } {
  const index = new LineIndex(text);
  const claimed = new ClaimedSpans(text.length);
  const edits: TextEdit[] = [];
  let applied = 0;
  for (const diagnostic of diagnostics) {
    if (!isAppliedByFixAll(diagnostic.fix)) continue;
    const spans = diagnostic.fix.edits.map((edit) => locate(index, edit));
    if (spans.some((span) => claimed.touches(span.start, span.end))) continue;
    for (const span of spans) claimed.claim(span.start, span.end);
    edits.push(...diagnostic.fix.edits);
    applied++;
  }
  return { text: applyEdits(text, edits).text, applied };
}

export interface FixAllOptions {
  /** The diagnostics of the text as given, when it has been checked already: the first pass uses them. */
  checked?: readonly Diagnostic[];
  maxPasses?: number;
}

/**
 * Re-checks and re-applies until no safe fix is left or a pass changes nothing, so fixes that
 * clashed are applied one after another against fresh positions. After `maxPasses` passes it stops
 * with the text as fixed so far: the fixes still left are reported by the next check, as findings
 * that can still be fixed, and never half applied.
 */
export function fixAll(text: string, check: (text: string) => readonly Diagnostic[], options: FixAllOptions = {}): { text: string; applied: number } {
  const maxPasses = options.maxPasses ?? MAX_FIX_PASSES;
  let current = text;
  let total = 0;
  for (let pass = 0; pass < maxPasses; pass++) {
    const diagnostics = pass === 0 && options.checked ? options.checked : check(current);
    const safe = diagnostics.filter((d) => isAppliedByFixAll(d.fix));
    if (safe.length === 0) break;
    const { text: next, applied } = applyFixes(current, safe);
    if (applied === 0 || next === current) break;
    total += applied;
    current = next;
  }
  return { text: current, applied: total };
}

/**
 * The spans of the text the kept fixes edit, asked "does [start, end] touch any of them?" in
 * logarithmic time. A replacement claims the characters it replaces, an insertion its point; a
 * replacement touches claimed characters inside it or an insertion point from its start to its end,
 * and an insertion touches an insertion at its point or a character on either side of it.
 */
class ClaimedSpans {
  private readonly characters: ClaimCounts;
  private readonly points: ClaimCounts;

  constructor(length: number) {
    this.characters = new ClaimCounts(length);
    this.points = new ClaimCounts(length + 1);
  }

  touches(start: number, end: number): boolean {
    if (start === end) return this.points.any(start, start) || this.characters.any(start - 1, start);
    return this.characters.any(start, end - 1) || this.points.any(start, end);
  }

  claim(start: number, end: number): void {
    if (start === end) this.points.mark(start);
    else for (let at = start; at < end; at++) this.characters.mark(at);
  }
}

/** Marked positions 0 … size-1, counted in a Fenwick tree: marking and "any marked in [from, to]?" cost log(size). */
class ClaimCounts {
  private readonly marked: Uint8Array;
  private readonly tree: Uint32Array;

  constructor(private readonly size: number) {
    this.marked = new Uint8Array(size);
    this.tree = new Uint32Array(size + 1);
  }

  mark(position: number): void {
    // A position claimed twice (edits of one fix may overlap) is counted once, so claiming stays linear.
    if (position < 0 || position >= this.size || this.marked[position]) return;
    this.marked[position] = 1;
    for (let i = position + 1; i <= this.size; i += i & -i) this.tree[i]!++;
  }

  any(from: number, to: number): boolean {
    const low = Math.max(0, from);
    const high = Math.min(this.size - 1, to);
    return low <= high && this.countBefore(high + 1) > this.countBefore(low);
  }

  /** How many positions below `end` are marked. */
  private countBefore(end: number): number {
    let count = 0;
    for (let i = end; i > 0; i -= i & -i) count += this.tree[i]!;
    return count;
  }
}
