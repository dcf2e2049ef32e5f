// What the section rules share: how a title is written (heading level, bold, plain), the form most
// sections of a rank use, the Roman sections that number one after another, and the text of a title.
import type { HeadingForm, PlanModel, Section } from '../../model.js';
import type { Localized } from '../../types.js';

/** Heading levels compare by depth only: "#### I." and "#### **I.**" render at the same level. */
export function formKey(form: HeadingForm): string {
  return form.kind === 'heading' ? `h${form.depth}` : form.kind;
}

export function describeForm(form: HeadingForm): Localized {
  if (form.kind === 'heading') {
    const marks = '#'.repeat(form.depth);
    return { vi: `tiêu đề cấp ${form.depth} (${marks})`, en: `a level-${form.depth} heading (${marks})` };
  }
  if (form.kind === 'bold') return { vi: 'dòng in đậm (**...**)', en: 'a bold line (**...**)' };
  return { vi: 'dòng chữ thường', en: 'a plain line' };
}

/**
 * The form most of the given titles use; on a tie, the form of the earliest. Heading forms not
 * deeper than `parentDepth` are left out: a subsection cannot sit above its own section.
 */
export function referenceForm(sections: readonly Section[], parentDepth?: number): HeadingForm | undefined {
  const counts = new Map<string, { form: HeadingForm; count: number; first: number }>();
  sections.forEach((section, position) => {
    const { form } = section;
    if (parentDepth !== undefined && form.kind === 'heading' && form.depth <= parentDepth) return;
    const key = formKey(form);
    const entry = counts.get(key);
    if (entry) entry.count++;
    else counts.set(key, { form, count: 1, first: position });
  });
  let best: { form: HeadingForm; count: number; first: number } | undefined;
  for (const entry of counts.values()) {
    if (!best || entry.count > best.count || (entry.count === best.count && entry.first < best.first)) best = entry;
  }
  return best?.form;
}

/** Heading depth of a form, for comparing ranks; undefined for bold and plain lines. */
export function headingDepth(form: HeadingForm | undefined): number | undefined {
  return form?.kind === 'heading' ? form.depth : undefined;
}

/** "III. TỔ CHỨC THỰC HIỆN", "III – TỔ CHỨC THỰC HIỆN", "III TỔ CHỨC THỰC HIỆN": as the author numbered it. */
export function sectionLabel(section: Section): string {
  return numberedTitle(section.number, section.separator, section.title);
}

/** A number, its separator and a title as a person writes them: a dash stands between spaces, a dot or a colon follows the number. */
export function numberedTitle(number: string, separator: string, title: string): string {
  const numbered = /^[-–—]$/u.test(separator) ? `${number} ${separator}` : `${number}${separator}`;
  return title === '' ? numbered : `${numbered} ${title}`;
}

/** A title line in Markdown, written in the given form. */
export function titleMarkdown(form: HeadingForm, number: string, separator: string, title: string): string {
  const text = numberedTitle(number, separator, title);
  if (form.kind === 'heading') return `${'#'.repeat(form.depth)} ${form.strong ? `**${text}**` : text}`;
  if (form.kind === 'bold') return `**${text}**`;
  return text;
}

/** The sentence that closes a plan ("Trên đây là Kế hoạch ... ./."), which belongs to no section. */
/**
 * Roman sections numbered as one sequence: the top-level ones, and those inside each letter group
 * (A., B.), which start again at I.
 */
export function romanSequences(model: PlanModel): Section[][] {
  const sequences: Section[][] = [];
  const top = model.sections.filter((section) => section.scheme === 'roman');
  if (top.length > 0) sequences.push(top);
  for (const group of model.sections.filter((section) => section.scheme === 'group')) {
    const inner = group.children.filter((section) => section.scheme === 'roman');
    if (inner.length > 0) sequences.push(inner);
  }
  return sequences;
}

/** Sections written as titles: headings and bold lines. Plain numbered paragraphs are items of a list. */
export function isTitleForm(section: Section): boolean {
  return section.form.kind !== 'plain';
}

/** "III. TỔ CHỨC THỰC HIỆN", shortened when the title is a long sentence. */
export function shortLabel(section: Section, length = 48): string {
  const label = sectionLabel(section);
  return label.length <= length ? label : `${label.slice(0, length - 1).trimEnd()}…`;
}
