import type { PlanModel } from '../../model.js';
import { insertSection, missingSections } from '../../operations/sections.js';
import type { Profile } from '../../profile.js';
import { defineRule } from '../../rule.js';
import type { Fix } from '../../types.js';

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
    for (const { requirement, range, where, insertable } of missingSections(model, profile)) {
      if (requirement.severity === 'off') continue;
      const alternatives = (requirement.satisfiedBy ?? [])
        .map((key) => profile.sections.find((other) => other.key === key)?.title)
        .filter((title): title is string => title !== undefined);
      const name = [requirement.title, ...alternatives];
      report({
        range,
        severity: requirement.severity,
        message: {
          vi: `Thiếu mục ${name.join(' hoặc ')}${where ? ` (${where.vi})` : ''}`,
          en: `Missing section ${name.join(' or ')}${where ? ` (${where.en})` : ''}`,
        },
        fix: insertable ? () => insertionFix(model, profile, requirement.key) : undefined,
      });
    }
  },
});

/** The shared insertion (engine/operations/sections.ts) as this rule's fix. */
function insertionFix(model: PlanModel, profile: Profile, key: string): Fix | undefined {
  const inserted = insertSection(model, profile, key);
  return inserted && { title: { vi: `Chèn mục ${inserted.label}`, en: `Insert section ${inserted.label}` }, edits: inserted.edits, safety: 'safe' };
}
