// The profile's sections against the plan's, for every shell: which are missing and where each
// goes, and the edits inserting one there (its title in the form of the plan's other sections,
// the Roman number of its place, the sections after it renumbered). KH101's fix, the editor's
// "insert a section" command and section completion all write a section through this module.
import { buildModel } from '../extract.js';
import { lineRange } from '../extract/lines.js';
import { applyEdits } from '../fixes.js';
import type { HeadingForm, PlanModel, Section, TextLine } from '../model.js';
import type { Profile, SectionRequirement } from '../profile.js';
import { isClosingSentence } from '../extract/closing.js';
import { numberedTitle, referenceForm, sectionLabel, titleMarkdown } from '../rules/sections/layout.js';
import { topOfDocument } from '../rules/header/header-lines.js';
import { compareKey, isUpperCaseText, toRoman } from '../text.js';
import type { Localized, Range, TextEdit } from '../types.js';

/** A profile section the plan lacks, and where it belongs. */
export interface MissingRequirement {
  requirement: SectionRequirement;
  /** Where a finding about it is shown: the section it goes before, or the line it goes after. */
  range: Range;
  /** "đặt trước mục III. ..." / "goes before III. ...", when the plan has a section to name. */
  where?: Localized;
  /** Whether the plan's numbering leaves a place to insert it (not under letter groups A., B.). */
  insertable: boolean;
}

export interface SectionInsertion {
  /** The inserted title as numbered: "III. KINH PHÍ THỰC HIỆN". */
  label: string;
  edits: TextEdit[];
}

/** A title the plan has for a profile section: a numbered top-level section, or an unnumbered title line. */
interface PresentTitle {
  key?: string;
  /** Source line of the title. */
  line: number;
  range: Range;
  label: string;
}

/** Where new text goes: before a source line, or after the end of one. */
type Anchor = { before: number } | { after: number };

interface Place {
  missing: MissingRequirement;
  /** How many numbered top-level sections come before the place. */
  position: number;
  anchor?: Anchor;
}

/** Keys of the profile sections the plan has, numbered or not, at any level. */
export function presentSectionKeys(model: PlanModel, profile: Profile): Set<string> {
  const present = new Set<string>();
  const names = titleKeys(profile);
  for (const section of model.allSections) {
    const key = section.key ?? names.get(compareKey(section.title));
    if (key) present.add(key);
  }
  for (const { key } of unnumberedTitles(model, names)) present.add(key);
  return present;
}

/** Whether the plan has the section, or one the profile accepts in its place. */
export function hasSection(present: ReadonlySet<string>, requirement: SectionRequirement): boolean {
  return present.has(requirement.key) || (requirement.satisfiedBy ?? []).some((key) => present.has(key));
}

/** The profile's sections the plan lacks, in the profile's order, each with its place. */
export function missingSections(model: PlanModel, profile: Profile): MissingRequirement[] {
  const present = presentSectionKeys(model, profile);
  const titles = presentTitles(model, profile);
  return profile.sections
    .filter((requirement) => !hasSection(present, requirement))
    .map((requirement) => placeOf(model, profile, titles, requirement).missing);
}

/**
 * Edits inserting the profile section `key` where the profile's order puts it; undefined when the
 * plan has it already, the profile has no such section, or the plan's numbering leaves no place.
 */
export function insertSection(model: PlanModel, profile: Profile, key: string): SectionInsertion | undefined {
  const requirement = profile.sections.find((candidate) => candidate.key === key);
  if (!requirement || hasSection(presentSectionKeys(model, profile), requirement)) return undefined;
  const place = placeOf(model, profile, presentTitles(model, profile), requirement);
  if (!place.missing.insertable || !place.anchor) return undefined;
  const siblings = model.sections;
  const { label, line: title } = newSectionTitle(siblings, place.position + 1, requirement.title);
  const edits: TextEdit[] = [];
  const { anchor } = place;
  if ('before' in anchor) {
    const previousBlank = anchor.before === 0 || model.index.lineText(anchor.before - 1).trim() === '';
    const at = { line: anchor.before, character: 0 };
    // New lines take the line break of the lines around them.
    const eol = model.index.lineBreak(Math.max(0, anchor.before - 1));
    edits.push({ range: { start: at, end: at }, newText: `${previousBlank ? '' : eol}${title}${eol}${eol}` });
  } else {
    const at = { line: anchor.after, character: model.index.lineText(anchor.after).length };
    const eol = model.index.lineBreak(anchor.after);
    // Text right below would otherwise run on into the new title's paragraph.
    const textBelow = anchor.after + 1 < model.index.lineCount && model.index.lineText(anchor.after + 1).trim() !== '';
    edits.push({ range: { start: at, end: at }, newText: `${eol}${eol}${title}${textBelow ? eol : ''}` });
  }
  edits.push(...renumberSections(siblings.slice(place.position), place.position + 1));
  // Appended to a draft with no recipients or signature yet, the title could be read as the
  // signature: then it is inserted only if it reads back as that section, or fix-all (which checks
  // again after each pass) would insert it again and again. Elsewhere it is read as a section, and
  // the second parse is not paid.
  if (!('before' in anchor) && !model.recipients && !model.signature) {
    const inserted = buildModel(applyEdits(model.source, edits).text, { profileFor: () => profile });
    if (!presentSectionKeys(inserted, profile).has(requirement.key)) return undefined;
  }
  return { label, edits };
}

/**
 * A new top-level section title numbered `ordinal`, written as most of `siblings` are (heading
 * level, bold or plain, their separator). A plain line is read as a title only in upper case.
 */
export function newSectionTitle(siblings: readonly Section[], ordinal: number, title: string): { label: string; line: string } {
  const separator = mostCommon(siblings.map((section) => section.separator)) ?? '.';
  let form: HeadingForm = referenceForm(siblings) ?? { kind: 'plain' };
  if (form.kind === 'plain' && !isUpperCaseText(title, 0.15)) form = { kind: 'bold' };
  const number = toRoman(ordinal);
  return { label: numberedTitle(number, separator, title), line: titleMarkdown(form, number, separator, title) };
}

/** The sections `following` a new section numbered `ordinal - 1`, numbered on from `ordinal + 1`. */
export function renumberSections(following: readonly Section[], ordinal: number): TextEdit[] {
  const edits: TextEdit[] = [];
  following.forEach((section, i) => {
    const renumbered = toRoman(ordinal + 1 + i);
    if (section.number !== renumbered) edits.push({ range: section.numberRange, newText: renumbered });
  });
  return edits;
}

/**
 * Where a missing section belongs: after the last title present that comes before it in the
 * profile's order, else before the first one that comes after it, else after the last section.
 */
function placeOf(model: PlanModel, profile: Profile, titles: readonly PresentTitle[], requirement: SectionRequirement): Place {
  const order = (key: string | undefined): number => profile.sections.findIndex((candidate) => candidate.key === key);
  const missing = order(requirement.key);
  const siblings = model.sections;
  // Plans grouped under letters (A., B.) number their sections per group: no safe place to insert.
  const insertable = siblings.every((section) => section.scheme === 'roman');
  const previous = titles.reduce<number>((found, title, i) => (order(title.key) >= 0 && order(title.key) < missing ? i : found), -1);
  const next = previous >= 0 ? previous + 1 : titles.findIndex((title) => order(title.key) > missing);
  const following = next >= 0 ? titles[next] : undefined;
  const numberedBefore = (line: number): number => siblings.filter((section) => section.range.start.line < line).length;
  if (following) {
    return {
      missing: { requirement, range: following.range, where: { vi: `đặt trước mục ${following.label}`, en: `goes before ${following.label}` }, insertable },
      position: numberedBefore(following.line),
      anchor: { before: following.line },
    };
  }
  const last = siblings[siblings.length - 1];
  const end = lastContentLine(model, last);
  if (!end) return { missing: { requirement, range: topOfDocument(model), insertable: false }, position: siblings.length };
  const range = lineRange(model.index, end.line);
  const where = last ? { vi: `đặt sau mục ${sectionLabel(last)}`, en: `goes after ${sectionLabel(last)}` } : undefined;
  return {
    missing: { requirement, range, where, insertable },
    position: siblings.length,
    anchor: end.closing ? { before: end.closing.line } : { after: range.end.line },
  };
}

/** The plan's titles of profile sections in document order: its top-level sections and the unnumbered titles. */
function presentTitles(model: PlanModel, profile: Profile): PresentTitle[] {
  const names = titleKeys(profile);
  const numbered = model.sections.map(
    (section): PresentTitle => ({ key: section.key ?? names.get(compareKey(section.title)), line: section.range.start.line, range: section.range, label: sectionLabel(section) }),
  );
  const unnumbered = unnumberedTitles(model, names).map(
    ({ key, line }): PresentTitle => ({ key, line: line.line, range: lineRange(model.index, line), label: line.nfc.trim() }),
  );
  return [...numbered, ...unnumbered].sort((a, b) => a.line - b.line);
}

/** Comparison key of every title and alias of the profile's sections -> the section's key. */
function titleKeys(profile: Profile): Map<string, string> {
  const names = new Map<string, string>();
  for (const requirement of profile.sections) {
    for (const name of [requirement.title, ...requirement.aliases]) names.set(compareKey(name), requirement.key);
  }
  return names;
}

/** A title the author left unnumbered ("## TỔ CHỨC THỰC HIỆN") is still the section. */
function unnumberedTitles(model: PlanModel, names: ReadonlyMap<string, string>): Array<{ key: string; line: TextLine }> {
  const found: Array<{ key: string; line: TextLine }> = [];
  for (let i = model.header.endTextLine; i < model.closingStart; i++) {
    const line = model.lines[i]!;
    if (line.kind === 'html' || line.table || !(line.kind === 'heading' || line.strong || isUpperCaseText(line.nfc, 0.05))) continue;
    const key = names.get(compareKey(line.nfc));
    if (key) found.push({ key, line });
  }
  return found;
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

function mostCommon(values: readonly string[]): string | undefined {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  let best: string | undefined;
  for (const [value, count] of counts) if (best === undefined || count > counts.get(best)!) best = value;
  return best;
}
