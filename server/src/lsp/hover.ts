// Hover on a citation (what is cited, when, by whom, and how that date stands to the plan's) and
// on a date (what kind of date, its weekday, and its distance from the plan's date of issue).
import { type Hover, MarkupKind } from 'vscode-languageserver';
import { dayNumber, formatDate, issueDateOf } from '../engine/dates.js';
import type { Citation, DateMention, PlanModel } from '../engine/model.js';
import type { Locale, Localized, Position, Range } from '../engine/types.js';
import { MESSAGES, pick } from './messages.js';

/** `cited` gives the hover lines of the folder's plan a citation names, when there is one (navigation.ts). */
export function hoverAt(model: PlanModel, position: Position, locale: Locale, cited?: (citation: Citation) => string | undefined): Hover | null {
  const citation = model.citations.find((item) => contains(item.range, position));
  if (citation) {
    const inFolder = cited?.(citation);
    const value = citationHover(model, citation, locale) + (inFolder ? `\n\n---\n\n${inFolder}` : '');
    return { contents: { kind: MarkupKind.Markdown, value }, range: citation.range };
  }
  const date = model.dates.find((item) => contains(item.range, position));
  if (date) return { contents: { kind: MarkupKind.Markdown, value: dateHover(model, date, locale) }, range: date.range };
  return null;
}

function citationHover(model: PlanModel, citation: Citation, locale: Locale): string {
  const t = (text: Localized): string => pick(locale, text);
  const m = MESSAGES.hover;
  const lines = [`**${t(m.citation)}** · ${t(m.forms[citation.form])}`, ''];
  const type = citation.typeName ?? citation.typeWord;
  lines.push(`- ${t(m.type)}: ${type ? escape(type) : t(m.unknownType)}`);
  lines.push(`- ${t(m.symbol)}: \`${citation.symbol}\``);
  const date = citation.date;
  lines.push(`- ${t(m.date)}: ${date ? `${escape(formatDate(date))}${weekdaySuffix(date, locale)}` : t(m.noDate)}`);
  lines.push(`- ${t(m.issuer)}: ${citation.issuer ? escape(citation.issuer) : t(m.noIssuer)}`);
  if (!citation.firstMention && (!date || !citation.issuer)) lines.push('', t(m.laterMention));
  if (date?.invalid) lines.push('', `${t(m.invalid)}: ${t(date.invalid)}.`);
  else if (date) {
    const relation = relationToPlan(model, date, m.issued);
    if (relation) {
      lines.push('', t(relation.text));
      if (relation.after && citation.inBasis) lines.push(t(m.citedAfterPlan));
    }
  }
  return lines.join('\n');
}

function dateHover(model: PlanModel, date: DateMention, locale: Locale): string {
  const t = (text: Localized): string => pick(locale, text);
  const m = MESSAGES.hover;
  const lines = [`**${t(MESSAGES.dateKinds[date.kind])}**: ${escape(date.raw)}${weekdaySuffix(date, locale)}`, ''];
  if (date.invalid) {
    lines.push(`${t(m.invalid)}: ${t(date.invalid)}.`);
    return lines.join('\n');
  }
  const issue = issueDateOf(model);
  if (date.kind === 'issue') {
    lines.push(t(m.isIssueDate));
  } else if (date.kind === 'period' && date.year !== undefined && date.endYear !== undefined) {
    lines.push(t(m.periodYears(date.year, date.endYear)));
    if (date.endYear < date.year) lines.push(t(m.periodBackwards));
    else if (issue?.year !== undefined) {
      const inside = issue.year >= date.year && issue.year <= date.endYear;
      lines.push(t(inside ? m.planYearInPeriod(issue.year) : m.planYearOutsidePeriod(issue.year)));
    }
  } else if (date.kind === 'yearly') {
    lines.push(t(m.yearly(date.day, date.month)));
  } else if (date.day !== undefined) {
    const relation = relationToPlan(model, date, m.falls);
    lines.push(relation ? t(relation.text) : t(m.noPlanDate));
  } else if (date.year !== undefined) {
    lines.push(issue?.year !== undefined ? t(m.yearsFromPlan(date.year - issue.year, issue.year)) : t(m.noPlanDate));
  }
  return lines.join('\n');
}

/** How many days before or after the plan's date of issue a complete date falls. */
function relationToPlan(model: PlanModel, date: DateMention, subject: Localized): { text: Localized; after: boolean } | undefined {
  const issue = issueDateOf(model);
  const day = dayNumber(date);
  const planDay = issue ? dayNumber(issue) : undefined;
  if (!issue || day === undefined || planDay === undefined) return undefined;
  const planDate = formatDate(issue);
  const difference = day - planDay;
  if (difference === 0) return { text: MESSAGES.hover.sameDay, after: false };
  return difference < 0
    ? { text: MESSAGES.hover.daysBefore(-difference, planDate, subject), after: false }
    : { text: MESSAGES.hover.daysAfter(difference, planDate, subject), after: true };
}

function weekdaySuffix(date: DateMention, locale: Locale): string {
  const day = dayNumber(date);
  if (day === undefined) return '';
  const weekday = new Date(day * 86_400_000).getUTCDay();
  return ` (${pick(locale, MESSAGES.weekdays[weekday]!)})`;
}

function contains(range: Range, position: Position): boolean {
  const afterStart = position.line > range.start.line || (position.line === range.start.line && position.character >= range.start.character);
  const beforeEnd = position.line < range.end.line || (position.line === range.end.line && position.character <= range.end.character);
  return afterStart && beforeEnd;
}

/** Plan text shown in Markdown must not turn into markup. */
function escape(text: string): string {
  return text.replace(/[\\`*_{}[\]<>#|]/g, (ch) => `\\${ch}`);
}
