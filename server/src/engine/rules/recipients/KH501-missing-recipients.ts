import type { PlanModel } from '../../model.js';
import { defineRule, documentAnchor } from '../../rule.js';
import type { Range } from '../../types.js';

export const missingRecipients = defineRule({
  meta: {
    id: 'KH501',
    slug: 'missing-recipients',
    area: 'recipients',
    defaultSeverity: 'error',
    title: { vi: 'Thiếu nơi nhận', en: 'Missing recipients' },
    description: {
      vi: 'Kế hoạch phải có phần "Nơi nhận:" liệt kê các cơ quan, đơn vị nhận văn bản và nơi lưu (Nghị định 30/2020/NĐ-CP, Phụ lục I, mục II.9).',
      en: 'A plan must end with a "Nơi nhận:" block listing the receiving agencies and the archive (Decree 30/2020/ND-CP, Annex I, II.9).',
    },
    fixes: [],
  },
  check({ model, report }) {
    if (!model.recipients) {
      report({
        range: closingAnchor(model),
        message: {
          vi: 'Thiếu phần Nơi nhận (Nơi nhận: - ...; - Lưu: VT, ...)',
          en: 'Missing the recipients block (Nơi nhận: - ...; - Lưu: VT, ...)',
        },
      });
    } else if (model.recipients.entries.length === 0) {
      report({
        range: model.recipients.heading.range,
        message: { vi: 'Phần Nơi nhận không liệt kê nơi nhận nào', en: 'The recipients block lists no recipient' },
      });
    }
  },
});

/** Where the recipients belong: beside the signature, else after the last line of text. */
function closingAnchor(model: PlanModel): Range {
  if (model.signature) return model.signature.range;
  const last = [...model.lines].reverse().find((line) => line.kind !== 'html');
  if (!last) return documentAnchor(model);
  const start = model.index.positionAt(last.offsets[0]!);
  return { start, end: model.index.positionAt(last.offsets[last.text.length]!) };
}
