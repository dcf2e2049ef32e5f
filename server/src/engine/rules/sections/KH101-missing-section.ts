import { buildModel, lineRange } from '../../extract.js';
import { applyEdits } from '../../fixes.js';
import type { HeadingForm, PlanModel, Section, TextLine } from '../../model.js';
import type { Profile, SectionRequirement } from '../../profile.js';
import { defineRule } from '../../rule.js';
import { compareKey, isUpperCaseText, toRoman } from '../../text.js';
import type { Fix, Localized, Range, TextEdit } from '../../types.js';
import { topOfDocument } from '../header/header-lines.js';
import { isClosingSentence, referenceForm, sectionLabel, titleMarkdown } from './layout.js';

export const missingSection = defineRule({
  meta: {
    id: 'KH101',
    slug: 'missing-section',
    area: 'sections',
    defaultSeverity: 'error',
    title: { vi: 'Thiếu mục bắt buộc', en: 'Missing required section' },
    description: {
      vi: 'Kế hoạch phải có các mục mà hồ sơ yêu cầu: MỤC ĐÍCH, YÊU CẦU (hoặc MỤC TIÊU), NHIỆM VỤ, GIẢI PHÁP và TỔ CHỨC THỰC HIỆN; nên có KINH PHÍ THỰC HIỆN. Sửa nhanh: chèn tiêu đề mục còn thiếu vào đúng chỗ và đánh số lại các mục sau.',
      en: 'A plan must have the sections its profile requires: MỤC ĐÍCH, YÊU CẦU (or MỤC TIÊU), NHIỆM VỤ, GIẢI PHÁP and TỔ CHỨC THỰC HIỆN; KINH PHÍ THỰC HIỆN is recommended. Quick fix: insert the missing title in its place and renumber the sections after it.',
    },
    fixes: ['safe'],
  },
  check({ model, profile, report }) {
    const present = presentKeys(model, profile);
    for (const requirement of profile.sections) {
      if (requirement.severity === 'off') continue;
      if (present.has(requirement.key) || requirement.satisfiedBy?.some((key) => present.has(key))) continue;
      const place = insertionPlace(model, profile, requirement);
      const alternatives = (requirement.satisfiedBy ?? [])
        .map((key) => profile.sections.find((other) => other.key === key)?.title)
        .filter((title): title is string => title !== undefined);
      const name = [requirement.title, ...alternatives];
      report({
        range: place.range,
        severity: requirement.severity,
        message: {
          vi: `Thiếu mục ${name.join(' hoặc ')}${place.where ? ` (${place.where.vi})` : ''}`,
          en: `Missing section ${name.join(' or ')}${place.where ? ` (${place.where.en})` : ''}`,
        },
        fix: place.fix,
      });
    }
  },
});

/** Keys of the profile sections the plan has, numbered or not, at any level. */
function presentKeys(model: PlanModel, profile: Profile): Set<string> {
  const names = new Map<string, string>();
  for (const requirement of profile.sections) {
    for (const name of [requirement.title, ...requirement.aliases]) names.set(compareKey(name), requirement.key);
  }
  const present = new Set<string>();
  for (const section of model.allSections) {
    const key = section.key ?? names.get(compareKey(section.title));
    if (key) present.add(key);
  }
  // A title the author left unnumbered ("## TỔ CHỨC THỰC HIỆN") is still the section.
  for (let i = model.header.endTextLine; i < model.closingStart; i++) {
    const line = model.lines[i]!;
    if (line.kind === 'html' || line.table || !(line.kind === 'heading' || line.strong || isUpperCaseText(line.nfc, 0.05))) continue;
    const key = names.get(compareKey(line.nfc));
    if (key) present.add(key);
  }
  return present;
}

interface Place {
  range: Range;
  where?: Localized;
  fix?: () => Fix | undefined;
}

/** Where new text goes: before a source line, or after the end of one. */
type Anchor = { before: number } | { after: number };

/**
 * Where the missing section belongs: after the last present section that comes before it in the
 * profile's order, else before the first one that comes after it. The fix inserts its title there,
 * numbered for that place, and renumbers the Roman sections that follow.
 */
function insertionPlace(model: PlanModel, profile: Profile, requirement: SectionRequirement): Place {
  const order = (key: string | undefined): number => profile.sections.findIndex((r) => r.key === key);
  const missing = order(requirement.key);
  const siblings = model.sections;
  // Plans grouped under letters (A., B.) number their sections per group: no safe place to insert.
  const fixable = siblings.length > 0 && siblings.every((section) => section.scheme === 'roman');
  let position = siblings.length;
  const previous = siblings.reduce<number>((found, section, i) => (order(section.key) >= 0 && order(section.key) < missing ? i : found), -1);
  if (previous >= 0) position = previous + 1;
  else {
    const next = siblings.findIndex((section) => order(section.key) > missing);
    if (next >= 0) position = next;
  }

  const following = siblings[position];
  if (following) {
    return {
      range: following.range,
      where: { vi: `đặt trước mục ${sectionLabel(following)}`, en: `goes before ${sectionLabel(following)}` },
      fix: fixable ? () => insertFix(model, profile, siblings, position, requirement, { before: following.range.start.line }) : undefined,
    };
  }
  const last = siblings[siblings.length - 1];
  const end = lastContentLine(model, last);
  if (!end) return { range: topOfDocument(model) };
  const range = lineRange(model.index, end.line);
  if (!last) return { range };
  const anchor: Anchor = end.closing ? { before: end.closing.line } : { after: range.end.line };
  return {
    range,
    where: { vi: `đặt sau mục ${sectionLabel(last)}`, en: `goes after ${sectionLabel(last)}` },
    fix: fixable ? () => insertFix(model, profile, siblings, position, requirement, anchor) : undefined,
  };
}

/** The last line of the body before the closing sentence, and the closing sentence when there is one. */
function lastContentLine(model: PlanModel, last: Section | undefined): { line: TextLine; closing?: TextLine } | undefined {
  const from = last ? last.textLine : model.header.endTextLine;
  const to = last ? last.lastTextLine : model.closingStart - 1;
  let closing: TextLine | undefined;
  for (let i = to; i >= from; i--) {
    const line = model.lines[i];
    if (!line || line.kind === 'html') continue;
    if (!closing && i > from && isClosingSentence(line.nfc)) {
      closing = line;
      continue;
    }
    return { line, closing };
  }
  return undefined;
}

function insertFix(
  model: PlanModel,
  profile: Profile,
  siblings: readonly Section[],
  position: number,
  requirement: SectionRequirement,
  anchor: Anchor,
): Fix | undefined {
  const eol = model.source.includes('\r\n') ? '\r\n' : '\n';
  const separator = mostCommon(siblings.map((section) => section.separator)) ?? '.';
  let form: HeadingForm = referenceForm(siblings) ?? { kind: 'plain' };
  // A plain line is recognised as a section title only when upper case.
  if (form.kind === 'plain' && !isUpperCaseText(requirement.title, 0.15)) form = { kind: 'bold' };
  const number = toRoman(position + 1);
  const title = titleMarkdown(form, number, separator, requirement.title);
  const edits: TextEdit[] = [];
  if ('before' in anchor) {
    const previousBlank = anchor.before === 0 || model.index.lineText(anchor.before - 1).trim() === '';
    const at = { line: anchor.before, character: 0 };
    edits.push({ range: { start: at, end: at }, newText: `${previousBlank ? '' : eol}${title}${eol}${eol}` });
  } else {
    const at = { line: anchor.after, character: model.index.lineText(anchor.after).length };
    edits.push({ range: { start: at, end: at }, newText: `${eol}${eol}${title}` });
  }
  siblings.slice(position).forEach((section, i) => {
    const renumbered = toRoman(position + 2 + i);
    if (section.number !== renumbered) edits.push({ range: section.numberRange, newText: renumbered });
  });
  // Appended to a draft with no recipients or signature yet, the title could be read as the
  // signature: then it is offered only if it reads back as that section, or fix-all (which checks
  // again after each pass) would insert it again and again. Elsewhere it is read as a section, and
  // the second parse is not paid.
  const appendedToOpenEnd = !('before' in anchor) && !model.recipients && !model.signature;
  if (appendedToOpenEnd) {
    const fixed = buildModel(applyEdits(model.source, edits).text, { profileFor: () => profile });
    if (!presentKeys(fixed, profile).has(requirement.key)) return undefined;
  }
  return {
    title: { vi: `Chèn mục ${number}${separator} ${requirement.title}`, en: `Insert section ${number}${separator} ${requirement.title}` },
    edits,
    safety: 'safe',
  };
}

function mostCommon(values: readonly string[]): string | undefined {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  let best: string | undefined;
  for (const [value, count] of counts) if (best === undefined || count > counts.get(best)!) best = value;
  return best;
}
