// Which plans of the folder a citation can name. Numbers start again every year, so a plan of
// another year than the cited date is another document; and a plan issued after the citing plan
// cannot be the one it cites. Shared by KH405, navigation and the signing report.
import { dayNumber } from '../dates.js';
import type { IndexedPlan, PlanIndex } from './plan-index.js';
import type { PlanSummary } from './summary.js';

type SummaryDate = PlanSummary['date'];

export function couldBeCited(planDate: SummaryDate, citedYear: number | undefined, citingDay: number | undefined): boolean {
  if (!planDate) return true;
  return (citedYear === undefined || planDate.year === citedYear) && (citingDay === undefined || dayNumber(planDate)! <= citingDay);
}

/**
 * The plans other than `self` a citation of `symbol` (dated in `citedYear` when known) can name,
 * from a plan issued on `citingDay` (a day number, when known).
 */
export function plansCitedAs(index: PlanIndex, self: string, symbol: string, citedYear: number | undefined, citingDay: number | undefined): IndexedPlan[] {
  return index.plansNumbered(symbol).filter((plan) => plan.uri !== self && couldBeCited(plan.summary.date, citedYear, citingDay));
}
