// A plan's deadlines, for every shell that lists them (`kehoach deadlines`): each deadline the
// mentions recogniser found (dates.ts's "trước ngày …", yearly "… hằng năm"), with the task
// (innermost section) it belongs to. Read from the model only; no text is matched here.
import { issueDateOf } from '../dates.js';
import type { Responsibility } from '../extract/responsibility.js';
import type { PlanModel } from '../model.js';
import type { Range } from '../types.js';

export interface Deadline {
  day?: number;
  month?: number;
  year?: number;
  /** 'yearly' for a date repeated every year ("trước ngày 18/11 hằng năm"). */
  recurrence?: 'yearly';
  /** The year of the plan's issue date: the first year of a yearly deadline, or of one written without a year. */
  issueYear?: number;
  /** The date as written. */
  raw: string;
  /** Title of the innermost section holding the deadline, when there is one. */
  task?: string;
  /** The units named in that section as leading, supporting or carrying out the task. */
  responsible: Pick<Responsibility, 'role' | 'unit'>[];
  /** The visible text of the line the deadline is on. */
  line: string;
  range: Range;
}

export function deadlinesOf(model: PlanModel): Deadline[] {
  const deadlines: Deadline[] = [];
  const issueYear = issueDateOf(model)?.year;
  for (const date of model.dates) {
    if (date.kind !== 'deadline' && date.kind !== 'yearly') continue;
    if (date.invalid) continue;
    let task: (typeof model.allSections)[number] | undefined;
    for (const section of model.allSections) {
      if (section.textLine <= date.textLine && date.textLine <= section.lastTextLine && section.rank > (task?.rank ?? -1)) task = section;
    }
    const responsible = model.responsibilities
      .filter((r) => (task ? task.textLine <= r.textLine && r.textLine <= task.lastTextLine : r.textLine === date.textLine))
      .map(({ role, unit }) => ({ role, unit }));
    deadlines.push({
      day: date.day,
      month: date.month,
      year: date.year,
      recurrence: date.kind === 'yearly' ? 'yearly' : undefined,
      issueYear,
      raw: date.raw,
      task: task?.title,
      responsible,
      line: model.lines[date.textLine]?.text.trim() ?? '',
      range: date.range,
    });
  }
  return deadlines;
}
