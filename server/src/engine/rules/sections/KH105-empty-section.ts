import type { PlanModel, Section } from '../../model.js';
import { defineRule } from '../../rule.js';
import { isClosingRemark } from '../../extract/closing.js';
import { isTitleForm, shortLabel } from './layout.js';

export const emptySection = defineRule({
  meta: {
    id: 'KH105',
    slug: 'empty-section',
    area: 'sections',
    defaultSeverity: 'error',
    title: { vi: 'Mục chưa có nội dung', en: 'Empty section' },
    description: {
      vi: 'Mục có tiêu đề nhưng chưa có nội dung: thường là bản nháp chưa viết xong, hoặc mục vừa được chèn bằng sửa nhanh của KH101. Áp dụng cho nhóm (A, B...), mục La Mã và các tiểu mục Ả Rập viết thành tiêu đề hay in đậm.',
      en: 'A section with a title and nothing under it: usually an unfinished draft, or a section just inserted by the KH101 quick fix. Applies to groups (A, B...), Roman sections, and Arabic items written as headings or bold titles.',
    },
    fixes: [],
  },
  check({ model, profile, report }) {
    for (const section of model.allSections) {
      // A numbered paragraph is an item whose text is its own content.
      const titled = section.rank <= 1 || (section.scheme === 'arabic' && isTitleForm(section));
      if (!titled || hasContent(model, section)) continue;
      // An empty profile section weighs what its absence weighs (KH101): an empty funding section,
      // only recommended, is a warning, so inserting it never turns a warning into an error.
      const requirement = profile.sections.find((r) => r.key === section.key);
      const severity = requirement && requirement.severity !== 'off' && requirement.severity !== 'error' ? requirement.severity : undefined;
      report({
        range: section.range,
        message: { vi: `Mục ${shortLabel(section)} chưa có nội dung`, en: `Section ${shortLabel(section)} has no content` },
        severity,
      });
    }
  },
});

/** Any text under the title, down to the next section of the same or a higher rank; the plan's closing sentence does not count. */
function hasContent(model: PlanModel, section: Section): boolean {
  for (let i = section.textLine + 1; i <= section.lastTextLine; i++) {
    const line = model.lines[i];
    if (!line || line.kind === 'html') continue;
    // "Trên đây là Kế hoạch …" closes the plan; a last line of body text may end with "./." too and counts.
    if (isClosingRemark(line.nfc) && !model.lines.slice(i + 1, section.lastTextLine + 1).some((rest) => rest.kind !== 'html')) continue;
    return true;
  }
  return false;
}
