import type { HeadingForm, PlanModel, Section } from '../../model.js';
import { type RuleReport, defineRule } from '../../rule.js';
import type { TextEdit } from '../../types.js';
import { describeForm, formKey, headingDepth, isTitleForm, referenceForm, shortLabel } from './layout.js';

export const headingLevel = defineRule({
  meta: {
    id: 'KH104',
    slug: 'heading-level',
    area: 'sections',
    defaultSeverity: 'warning',
    title: { vi: 'Các mục cùng cấp trình bày khác nhau', en: 'Sections of one rank written differently' },
    description: {
      vi: 'Các mục cùng cấp (A, B...; I, II...; 1, 2...) phải trình bày giống nhau: cùng cấp tiêu đề Markdown, hoặc cùng in đậm, hoặc cùng là dòng thường. Mục lệch được so với cách trình bày của đa số. Sửa nhanh: chỉ đổi dấu Markdown (#, **), không đổi chữ.',
      en: 'Sections of one rank (A, B...; I, II...; 1, 2...) are written alike: the same Markdown heading level, or all bold, or all plain lines. The odd one is compared with the form most of them use. Quick fix: changes only the Markdown marks (#, **), never the words.',
    },
    fixes: ['safe'],
  },
  check({ model, report }) {
    const groups = model.allSections.filter((section) => section.scheme === 'group');
    const groupForm = compareRank(model, groups, undefined, report);
    const romanForm = compareRank(model, model.allSections.filter((section) => section.scheme === 'roman'), headingDepth(groupForm), report);
    // Numbered paragraphs are list items, not titles: only item titles written as headings or bold count.
    const items = model.allSections.filter((section) => section.scheme === 'arabic' && isTitleForm(section));
    compareRank(model, items, headingDepth(romanForm), report);
  },
});

/** Reports the sections of one rank whose form differs from the reference form; returns that form. */
function compareRank(model: PlanModel, sections: Section[], parentDepth: number | undefined, report: (problem: RuleReport) => void): HeadingForm | undefined {
  const reference = referenceForm(sections, parentDepth) ?? referenceForm(sections);
  if (!reference || sections.length < 2) return reference;
  for (const section of sections) {
    if (formKey(section.form) === formKey(reference)) continue;
    const actual = describeForm(section.form);
    const expected = describeForm(reference);
    const edits = reformEdits(model, section, reference);
    report({
      range: section.range,
      message: {
        vi: `Mục ${shortLabel(section)} viết bằng ${actual.vi}, các mục cùng cấp viết bằng ${expected.vi}`,
        en: `Section ${shortLabel(section)} is written as ${actual.en}; its peers are written as ${expected.en}`,
      },
      fix: edits ? { title: { vi: `Trình bày như các mục cùng cấp: ${expected.vi}`, en: `Write it like its peers: ${expected.en}` }, edits, safety: 'safe' } : undefined,
    });
  }
  return reference;
}

/** Markup-only edits that write a title line in another form; undefined when the line's markup is not simple. */
function reformEdits(model: PlanModel, section: Section, target: HeadingForm): TextEdit[] | undefined {
  const { start, end } = section.range;
  if (start.line !== end.line) return undefined;
  const line = start.line;
  const source = model.index.lineText(line);
  const at = (character: number) => ({ line, character });
  const replace = (from: number, to: number, newText: string): TextEdit => ({ range: { start: at(from), end: at(to) }, newText });
  const indent = /^[ \t]*/u.exec(source)![0].length;
  const atx = /^( {0,3})(#{1,6})([ \t]+)/u.exec(source);
  const current = section.form;
  const wrapped = source.slice(start.character - 2, start.character) === '**' && source.slice(end.character, end.character + 2) === '**';

  if (current.kind === 'heading') {
    // Setext headings and closing hashes ("## Title ##") are left to the author.
    if (!atx || /[ \t]#+[ \t]*(?:<!--.*-->[ \t]*)?$/u.test(source)) return undefined;
    const markerStart = atx[1]!.length;
    const markerEnd = atx[0].length;
    if (target.kind === 'heading') return [replace(markerStart, markerStart + atx[2]!.length, '#'.repeat(target.depth))];
    if (target.kind === 'bold') {
      if (current.strong) return [replace(markerStart, markerEnd, '')];
      return [replace(markerStart, markerEnd, '**'), replace(end.character, end.character, '**')];
    }
    if (current.strong) return wrapped ? [replace(markerStart, markerEnd, ''), replace(start.character - 2, start.character, ''), replace(end.character, end.character + 2, '')] : undefined;
    return [replace(markerStart, markerEnd, '')];
  }
  if (target.kind === 'heading') return [replace(indent, indent, `${'#'.repeat(target.depth)} `)];
  if (current.kind === 'plain' && target.kind === 'bold') return [replace(start.character, start.character, '**'), replace(end.character, end.character, '**')];
  if (current.kind === 'bold' && target.kind === 'plain' && wrapped) return [replace(start.character - 2, start.character, ''), replace(end.character, end.character + 2, '')];
  return undefined;
}
