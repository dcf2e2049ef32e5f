import type { Section } from '../../model.js';
import { type RuleReport, defineRule } from '../../rule.js';
import { toRoman } from '../../text.js';
import { isTitleForm, romanSequences } from './layout.js';

export const sectionNumbering = defineRule({
  meta: {
    id: 'KH103',
    slug: 'section-numbering',
    area: 'sections',
    defaultSeverity: 'warning',
    title: { vi: 'Đánh số mục sai', en: 'Wrong section numbering' },
    description: {
      vi: 'Các mục lớn đánh số La Mã liên tục (I, II, III...), các ý trong mỗi mục đánh số Ả Rập liên tục (1, 2, 3...): không bỏ số, không lặp số. Sửa nhanh: đánh số lại, chỉ sửa chữ số.',
      en: 'Sections are numbered I, II, III... and the items inside each section 1, 2, 3..., with no number skipped or repeated. Quick fix: renumber, changing only the numerals.',
    },
    fixes: ['safe'],
  },
  check({ model, report }) {
    reportArabicTopLevel(model.sections, report);
    for (const sequence of romanSequences(model)) {
      // A new run at I means parts the parser did not see as groups: each run counts from I.
      for (const run of splitAtOne(sequence)) checkRun(run, report);
    }
    for (const section of model.allSections) {
      if (section.scheme !== 'roman') continue;
      const items = section.children.filter((child) => child.scheme === 'arabic');
      if (splitAtOne(items).length === 1) checkRun(items, report, section);
      else {
        // Numbers starting again at 1 are a nested list written flat: only the titles can be checked.
        const titles = items.filter(isTitleForm);
        if (titles.length >= 2 && splitAtOne(titles).length === 1) checkRun(titles, report, section);
      }
    }
  },
});

/**
 * A plan without Roman sections that numbers its top-level sections 1., 2. is reported once, at
 * the first: every number would change, and the items under them may be numbered 1.1., 2.1. after
 * them, so no fix is offered.
 */
function reportArabicTopLevel(top: readonly Section[], report: (problem: RuleReport) => void): void {
  const arabic = top.filter((section) => section.scheme === 'arabic');
  if (arabic.length === 0) return;
  const numbers = arabic.map((section) => `${section.number}${section.separator}`).join(', ');
  report({
    range: arabic[0]!.numberRange,
    message: {
      vi: `Các mục lớn đánh số bằng chữ số Ả Rập (${numbers}): mục lớn của kế hoạch đánh số La Mã (I, II, III...)`,
      en: `The top-level sections are numbered in Arabic numerals (${numbers}): a plan numbers them in Roman numerals (I, II, III...)`,
    },
  });
}

function splitAtOne(sections: readonly Section[]): Section[][] {
  const runs: Section[][] = [];
  for (const section of sections) {
    if (runs.length === 0 || section.ordinal === 1) runs.push([section]);
    else runs[runs.length - 1]!.push(section);
  }
  return runs;
}

/**
 * Reports each section whose number is not its place in the run, with the number it should have.
 * Items (1., 2.) are named with the Roman section they belong to.
 */
function checkRun(run: readonly Section[], report: (problem: RuleReport) => void, parent?: Section): void {
  const write = (value: number): string => (parent ? String(value) : toRoman(value));
  const inside = parent ? { vi: ` (trong mục ${parent.number})`, en: ` (in section ${parent.number})` } : { vi: '', en: '' };
  const seen = new Set<number>();
  run.forEach((section, i) => {
    const expected = i + 1;
    const previous = i > 0 ? run[i - 1]!.ordinal : 0;
    const repeated = seen.has(section.ordinal);
    seen.add(section.ordinal);
    if (section.ordinal === expected) return;
    const should = write(expected);
    const name = { vi: `Mục ${section.number}${inside.vi}`, en: `Section ${section.number}${inside.en}` };
    let why: { vi: string; en: string };
    if (repeated) why = { vi: 'đánh số lặp lại', en: 'repeats an earlier number' };
    else if (i === 0) why = { vi: 'là mục đầu tiên', en: 'is the first one' };
    else if (section.ordinal > previous + 1) {
      const skipped = write(previous + 1);
      why = { vi: `bỏ qua số ${skipped}`, en: `skips ${skipped}` };
    } else if (section.ordinal === previous + 1) why = { vi: 'nối tiếp số sai của mục trước', en: 'continues a wrong number before it' };
    else why = { vi: 'đánh số sai thứ tự', en: 'is out of sequence' };
    report({
      range: section.numberRange,
      message: {
        vi: `${name.vi} ${why.vi}: đáng lẽ là ${should}`,
        en: `${name.en} ${why.en}: it should be ${should}`,
      },
      fix: {
        title: { vi: `Đánh số lại thành ${should}`, en: `Renumber as ${should}` },
        edits: [{ range: section.numberRange, newText: should }],
        safety: 'safe',
      },
    });
  });
}
