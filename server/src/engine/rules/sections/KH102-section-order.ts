import type { Section } from '../../model.js';
import { defineRule } from '../../rule.js';
import { sectionLabel } from './layout.js';

export const sectionOrder = defineRule({
  meta: {
    id: 'KH102',
    slug: 'section-order',
    area: 'sections',
    defaultSeverity: 'warning',
    title: { vi: 'Các mục sai thứ tự', en: 'Sections out of order' },
    description: {
      vi: 'Các mục của kế hoạch theo thứ tự của hồ sơ: MỤC ĐÍCH, YÊU CẦU; MỤC TIÊU; NHIỆM VỤ, GIẢI PHÁP; KINH PHÍ THỰC HIỆN; TỔ CHỨC THỰC HIỆN; CHẾ ĐỘ BÁO CÁO. Quy tắc chỉ ra ít mục nhất cần chuyển chỗ.',
      en: 'The sections of a plan follow the order of the profile: purpose, goals, tasks, funding, organisation, reporting. The rule points at the fewest sections that need to move.',
    },
    fixes: [],
  },
  check({ model, profile, report }) {
    const order = (section: Section): number => profile.sections.findIndex((requirement) => requirement.key === section.key);
    const known = model.allSections.filter((section) => section.rank <= 1 && order(section) >= 0);
    const kept = longestOrderedRun(known.map(order));
    known.forEach((section, i) => {
      if (kept.has(i)) return;
      const rank = order(section);
      // Name the section it should precede, else the one it should follow.
      const laterBefore = known.findIndex((other, j) => j < i && kept.has(j) && order(other) > rank);
      let earlierAfter = -1;
      known.forEach((other, j) => {
        if (j > i && kept.has(j) && order(other) < rank) earlierAfter = j;
      });
      const reference = laterBefore >= 0 ? known[laterBefore]! : known[earlierAfter];
      if (!reference) return;
      const before = laterBefore >= 0;
      report({
        range: section.range,
        message: before
          ? {
              vi: `Mục ${sectionLabel(section)} phải đứng trước mục ${sectionLabel(reference)}`,
              en: `Section ${sectionLabel(section)} belongs before ${sectionLabel(reference)}`,
            }
          : {
              vi: `Mục ${sectionLabel(section)} phải đứng sau mục ${sectionLabel(reference)}`,
              en: `Section ${sectionLabel(section)} belongs after ${sectionLabel(reference)}`,
            },
        related: [{ range: reference.range, message: { vi: `Mục ${sectionLabel(reference)}`, en: `Section ${sectionLabel(reference)}` } }],
      });
    });
  },
});

/**
 * Positions of a longest non-decreasing subsequence; among the longest, the one that keeps the
 * earliest sections, so that the sections reported are the ones written later.
 */
function longestOrderedRun(values: readonly number[]): Set<number> {
  const n = values.length;
  // longest[i]: length of the longest non-decreasing run starting at i.
  const longest = new Array<number>(n).fill(1);
  for (let i = n - 2; i >= 0; i--) {
    for (let j = i + 1; j < n; j++) if (values[j]! >= values[i]! && longest[j]! + 1 > longest[i]!) longest[i] = longest[j]! + 1;
  }
  const kept = new Set<number>();
  const best = Math.max(0, ...longest);
  let need = best;
  let floor = -Infinity;
  for (let i = 0; i < n && need > 0; i++) {
    if (values[i]! >= floor && longest[i] === need) {
      kept.add(i);
      floor = values[i]!;
      need--;
    }
  }
  return kept;
}
