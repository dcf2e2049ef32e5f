import { caseless, citedDocuments } from '../../citations.js';
import type { PlanModel } from '../../model.js';
import { defineRule, documentAnchor } from '../../rule.js';
import { compareKey } from '../../text.js';
import { TYPE_WORD_PATTERN } from '../../vocabulary.js';

// "Căn cứ Luật Trẻ em năm 2016;", "Thực hiện Nghị quyết Đại hội ...": a document named without a number.
const NAMED_BASIS = new RegExp(
  String.raw`(?:^|[\s(;,])${caseless('(?:căn cứ|thực hiện|triển khai|theo|quán triệt)(?: (?:các|theo|nội dung))? ').replaceAll(' ', String.raw`\s+`)}(?:${caseless(TYPE_WORD_PATTERN)})\s+\p{Lu}`,
  'u',
);

export const missingBasis = defineRule({
  meta: {
    id: 'KH401',
    slug: 'missing-basis',
    area: 'citations',
    defaultSeverity: 'warning',
    title: { vi: 'Thiếu căn cứ ban hành', en: 'Missing basis' },
    description: {
      vi: 'Phần mở đầu của kế hoạch (giữa trích yếu và mục I) phải viện dẫn văn bản làm căn cứ: "Căn cứ ...", "Thực hiện Kế hoạch số ... ngày ... của ..." (Nghị định 30/2020/NĐ-CP, Phụ lục I, mục II.6.a). Một mục "CĂN CỨ" riêng cũng được chấp nhận.',
      en: 'The plan\'s preamble (between the summary and section I) must cite the documents it is based on: "Căn cứ ...", "Thực hiện Kế hoạch số ... ngày ... của ..." (Decree 30/2020/ND-CP, Annex I, II.6.a). A separate "CĂN CỨ" section is accepted too.',
    },
    fixes: [],
  },
  check({ model, report }) {
    if (hasBasis(model)) return;
    report({
      range: model.header.summary?.range ?? documentAnchor(model),
      message: {
        vi: 'Phần mở đầu không viện dẫn văn bản làm căn cứ (Căn cứ/Thực hiện <loại văn bản> số ... ngày ... của ...)',
        en: 'The preamble cites no document as the basis (Căn cứ/Thực hiện <document type> số ... ngày ... của ...)',
      },
    });
  },
});

function hasBasis(model: PlanModel): boolean {
  const { start, end } = model.basisLines;
  const basisSection = model.sections.find((section) => /^(?:căn cứ|cơ sở)(?:\s|$)/u.test(compareKey(section.title)));
  const inSection = (textLine: number): boolean =>
    basisSection !== undefined && textLine >= basisSection.textLine && textLine <= basisSection.lastTextLine;
  // A numbered citation counts in the summary too ("KẾ HOẠCH Thực hiện Kế hoạch số 121/KH-LĐLĐ ...").
  if (citedDocuments(model).some((citation) => citation.textLine < end || inSection(citation.textLine))) return true;
  return model.lines.some(
    (line) => line.kind !== 'html' && ((line.index >= start && line.index < end) || inSection(line.index)) && NAMED_BASIS.test(line.nfc),
  );
}
