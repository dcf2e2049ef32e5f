// The profile's sections against the plan's: which are missing, how a new one is written (its
// Roman number for the place, the Markdown form of its neighbours) and where it goes.
import type { CheckResult } from '../engine/check.js';
import { lineRange } from '../engine/extract.js';
import type { PlanModel, Section } from '../engine/model.js';
import type { SectionRequirement } from '../engine/profile.js';
import { toRoman } from '../engine/text.js';
import type { TextEdit } from '../engine/types.js';
import { lineBreakOf } from './edits.js';
import type { SectionRequirementLevel } from './protocol.js';

/** Sections of the Roman rank (I., II. ...), the ones the profile speaks of. */
export function romanSections(model: PlanModel): Section[] {
  return model.allSections.filter((section) => section.rank === 1);
}

export function requirementLevel(requirement: SectionRequirement): SectionRequirementLevel {
  return requirement.severity === 'error' ? 'required' : requirement.severity === 'off' ? 'optional' : 'recommended';
}

/** Whether the plan has the section, or one the profile accepts in its place. */
export function hasSection(model: PlanModel, requirement: SectionRequirement): boolean {
  const keys = new Set(model.allSections.map((section) => section.key).filter(Boolean));
  return keys.has(requirement.key) || (requirement.satisfiedBy ?? []).some((key) => keys.has(key));
}

/** The profile's sections the plan lacks, required ones first, each group in the profile's order. */
export function missingSections(check: CheckResult): SectionRequirement[] {
  const rank: Record<SectionRequirementLevel, number> = { required: 0, recommended: 1, optional: 2 };
  return check.profile.sections
    .filter((requirement) => !hasSection(check.model, requirement))
    .map((requirement, order) => ({ requirement, order }))
    .sort((a, b) => rank[requirementLevel(a.requirement)] - rank[requirementLevel(b.requirement)] || a.order - b.order)
    .map(({ requirement }) => requirement);
}

/** A title line in the same Markdown form as `model`'s other sections ("## II. X", "**II. X**", "II. X"). */
export function sectionTitleLine(reference: Section | undefined, number: string, title: string): string {
  const text = `${number}${reference?.separator ?? '.'} ${title}`;
  const form = reference?.form ?? { kind: 'plain' as const };
  if (form.kind === 'heading') return `${'#'.repeat(form.depth)} ${form.strong ? `**${text}**` : text}`;
  if (form.kind === 'bold') return `**${text}**`;
  return text;
}

/** The number a section placed after `before` takes: one more than the last one's, or its rank in the list. */
export function ordinalAfter(before: readonly Section[]): number {
  const last = before[before.length - 1];
  return last?.scheme === 'roman' ? last.ordinal + 1 : before.length + 1;
}

/** Roman sections that follow `ordinal` in an unbroken sequence, renumbered one up. */
export function renumberEdits(following: readonly Section[], ordinal: number): TextEdit[] {
  const edits: TextEdit[] = [];
  let expected = ordinal;
  for (const section of following) {
    if (section.scheme !== 'roman' || section.ordinal !== expected) break;
    edits.push({ range: section.numberRange, newText: toRoman(expected + 1) });
    expected++;
  }
  return edits;
}

/**
 * Edits inserting a missing section where the profile's order puts it: before the first present
 * section that comes later in the profile, else after the last section (before the closing
 * "Trên đây là ..." sentence). The sections after it are renumbered; no existing word changes.
 */
export function insertSectionEdits(check: CheckResult, requirement: SectionRequirement): TextEdit[] {
  const { model, profile } = check;
  const order = new Map(profile.sections.map((section, i) => [section.key, i]));
  const position = order.get(requirement.key) ?? profile.sections.length;
  const sections = romanSections(model);
  const eol = lineBreakOf(model.source);
  const next = sections.find((section) => section.key !== undefined && (order.get(section.key) ?? -1) > position);
  if (next) {
    const at = sections.indexOf(next);
    const ordinal = ordinalAfter(sections.slice(0, at));
    const previousLine = next.range.start.line > 0 ? model.index.lineText(next.range.start.line - 1) : '';
    const title = sectionTitleLine(next, toRoman(ordinal), requirement.title);
    const insert: TextEdit = {
      range: { start: { line: next.range.start.line, character: 0 }, end: { line: next.range.start.line, character: 0 } },
      newText: `${previousLine.trim() ? eol : ''}${title}${eol}${eol}`,
    };
    return [insert, ...renumberEdits(sections.slice(at), ordinal)];
  }
  const last = sections[sections.length - 1];
  const title = sectionTitleLine(last, toRoman(ordinalAfter(sections)), requirement.title);
  const closingSentence = last ? closingSentenceLine(model, last) : undefined;
  if (closingSentence !== undefined) {
    const at = { line: closingSentence, character: 0 };
    return [{ range: { start: at, end: at }, newText: `${title}${eol}${eol}` }];
  }
  const endLine = last ? lineRange(model.index, model.lines[last.lastTextLine]!).end.line : lastLineBefore(model, model.closingStart);
  const end = { line: endLine, character: model.index.lineText(endLine).length };
  // Text right below would otherwise run on into the new title's paragraph.
  const after = endLine + 1 < model.index.lineCount && model.index.lineText(endLine + 1).trim() ? eol : '';
  return [{ range: { start: end, end }, newText: `${eol}${eol}${title}${after}` }];
}

/** The line of "Trên đây là kế hoạch ..." when the last section ends with it (after a blank line). */
function closingSentenceLine(model: PlanModel, last: Section): number | undefined {
  for (let i = last.lastTextLine; i > last.textLine; i--) {
    const line = model.lines[i]!;
    if (!line.firstInBlock) continue;
    if (!/^Trên\s+đây\b/iu.test(line.nfc)) return undefined;
    const above = line.line > 0 ? model.index.lineText(line.line - 1) : 'x';
    return above.trim() === '' ? line.line : undefined;
  }
  return undefined;
}

/** Source line of the last text before TextLine `end` (the basis, when the plan has no sections). */
function lastLineBefore(model: PlanModel, end: number): number {
  const line = model.lines[Math.min(end, model.lines.length) - 1];
  return line ? lineRange(model.index, line).end.line : Math.max(0, model.index.lineCount - 1);
}
