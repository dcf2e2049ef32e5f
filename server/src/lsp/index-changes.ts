// Which open plans a change to the index concerns, so that only those are checked again: a plan
// whose number is the changed plan's (KH208), one citing it (KH405), and one citing a document
// the changed plan cites too (KH404 across files).
import { symbolKey } from '../engine/extract/number.js';
import type { PlanSummary } from '../engine/workspace/summary.js';
import type { PlanModel } from '../engine/model.js';

/**
 * What the cross-file rules read of a summary. Positions of citations are left out: moving text
 * in one plan should not re-check every plan citing the same documents (their related locations
 * catch up at the next check); the number's line is kept, since KH405 points at it.
 */
export function summaryIdentity(summary: PlanSummary | undefined): string {
  if (!summary) return '';
  return JSON.stringify([
    summary.symbol,
    summary.numberRange?.start.line,
    summary.date,
    summary.agency,
    summary.title,
    summary.summary,
    summary.citations.map((citation) => [citation.symbol, citation.date, citation.issuer, citation.typeWord]),
  ]);
}

/** Symbol keys of the plan before and after a change: its own number and every document it cites. */
export function symbolsTouched(before: PlanSummary | undefined, after: PlanSummary | undefined): Set<string> {
  const touched = new Set<string>();
  for (const summary of [before, after]) {
    if (!summary) continue;
    if (summary.symbol) touched.add(symbolKey(summary.symbol));
    for (const citation of summary.citations) touched.add(symbolKey(citation.symbol));
  }
  return touched;
}

/** Whether a checked plan reads any of the touched symbols: its own number or one it cites. */
export function concernsPlan(model: PlanModel, touched: ReadonlySet<string>): boolean {
  const number = model.header.number?.value;
  if (number && touched.has(symbolKey(number))) return true;
  return model.citations.some((citation) => touched.has(symbolKey(citation.symbol)));
}
