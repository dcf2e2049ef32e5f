import type { PlanModel } from '../../model.js';
import { defineRule, documentAnchor } from '../../rule.js';
import type { Range } from '../../types.js';

export const missingSignature = defineRule({
  meta: {
    id: 'KH601',
    slug: 'missing-signature',
    area: 'signature',
    defaultSeverity: 'error',
    title: { vi: 'Thiếu phần ký', en: 'Missing signature block' },
    description: {
      vi: 'Cuối kế hoạch phải có quyền hạn, chức vụ và họ tên người ký (Nghị định 30/2020/NĐ-CP, Phụ lục I, mục II.7). Chỉ có họ tên mà không có chức vụ thì không biết người ký với tư cách nào.',
      en: 'A plan ends with the signing authority, the signer\'s title and name (Decree 30/2020/ND-CP, Annex I, II.7). A name without a title does not say in which capacity the plan is signed.',
    },
    fixes: [],
  },
  check({ model, report }) {
    const signature = model.signature;
    if (!signature) {
      report({
        range: closingAnchor(model),
        message: {
          vi: 'Thiếu phần ký: quyền hạn, chức vụ và họ tên người ký (ví dụ KT. TRƯỞNG PHÒNG / PHÓ TRƯỞNG PHÒNG / họ tên)',
          en: 'Missing the signature block: signing authority, title and name (e.g. KT. TRƯỞNG PHÒNG / PHÓ TRƯỞNG PHÒNG / name)',
        },
      });
      return;
    }
    if (!signature.prefix && !signature.authority && !signature.title && signature.name) {
      report({
        range: signature.name.range,
        message: {
          vi: `Phần ký chỉ có họ tên ${signature.name.text}, thiếu chức vụ người ký (ví dụ TRƯỞNG PHÒNG)`,
          en: `The signature block has only the name ${signature.name.text}, without the signer's title (e.g. TRƯỞNG PHÒNG)`,
        },
      });
    }
  },
});

/** Where the signature belongs: beside the recipients, else after the last line of text. */
function closingAnchor(model: PlanModel): Range {
  if (model.recipients) return model.recipients.heading.range;
  const last = [...model.lines].reverse().find((line) => line.kind !== 'html');
  if (!last) return documentAnchor(model);
  return { start: model.index.positionAt(last.offsets[0]!), end: model.index.positionAt(last.offsets[last.text.length]!) };
}
