import { caseless, citedDocuments } from '../../citations.js';
import { lineRange } from '../../extract/lines.js';
import type { PlanModel, TextLine } from '../../model.js';
import { defineRule, documentAnchor } from '../../rule.js';
import { compareKey } from '../../text.js';
import { TYPE_WORD_PATTERN } from '../../vocabulary.js';

// "Căn cứ Luật Trẻ em năm 2016;", "Thực hiện Nghị quyết Đại hội ...": a document named without a number.
const NAMED_BASIS = new RegExp(
  String.raw`(?:^|[\s(;,])${caseless('(?:căn cứ|thực hiện|triển khai|theo|quán triệt)(?: (?:các|theo|nội dung))? ').replaceAll(' ', String.raw`\s+`)}(?:${caseless(TYPE_WORD_PATTERN)})\s+\p{Lu}`,
  'u',
);
// "Thực hiện Chương trình công tác Đội … của Hội đồng Đội tỉnh Quảng Bình": a document named by its issuer.
const ISSUED_BASIS = new RegExp(
  String.raw`(?:^|[-+•*;,\s])${caseless('(?:căn cứ|thực hiện|triển khai|quán triệt)').replaceAll(' ', String.raw`\s+`)}\s+(?:${caseless(TYPE_WORD_PATTERN)})\s.{0,160}?\s${caseless('của')}\s+\p{Lu}`,
  'u',
);
/** A basis sentence that names no document: "Căn cứ kế hoạch, nhiệm vụ của nhà trường". */
const VAGUE_BASIS = /^[-+•*\s]*(?:căn\s+cứ|thực\s+hiện|triển\s+khai|quán\s+triệt)\s/iu;

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
    const vague = basisLines(model).find((line) => VAGUE_BASIS.test(line.nfc));
    if (vague) {
      report({
        range: lineRange(model.index, vague),
        message: {
          vi: `Phần căn cứ không nêu văn bản cụ thể (loại văn bản, số, ngày, cơ quan ban hành): “${shorten(vague.nfc)}”`,
          en: `The basis names no specific document (type, number, date, issuer): “${shorten(vague.nfc)}”`,
        },
      });
      return;
    }
    report({
      range: model.header.summary?.range ?? documentAnchor(model),
      message: {
        vi: 'Phần mở đầu không viện dẫn văn bản làm căn cứ (Căn cứ/Thực hiện <loại văn bản> số ... ngày ... của ...)',
        en: 'The preamble cites no document as the basis (Căn cứ/Thực hiện <document type> số ... ngày ... của ...)',
      },
    });
  },
});

/** The preamble's lines, and those of a "CĂN CỨ" section. */
function basisLines(model: PlanModel): TextLine[] {
  const { start, end } = model.basisLines;
  const basisSection = model.sections.find((section) => /^(?:căn cứ|cơ sở)(?:\s|$)/u.test(compareKey(section.title)));
  return model.lines.filter(
    (line) =>
      line.kind !== 'html' &&
      ((line.index >= start && line.index < end) || (basisSection !== undefined && line.index >= basisSection.textLine && line.index <= basisSection.lastTextLine)),
  );
}

function hasBasis(model: PlanModel): boolean {
  const lines = basisLines(model);
  const inBasis = new Set(lines.map((line) => line.index));
  // A numbered citation counts in the summary too ("KẾ HOẠCH Thực hiện Kế hoạch số 121/KH-LĐLĐ ...").
  if (citedDocuments(model).some((citation) => citation.textLine < model.basisLines.end || inBasis.has(citation.textLine))) return true;
  return lines.some((line) => NAMED_BASIS.test(line.nfc) || ISSUED_BASIS.test(line.nfc));
}

function shorten(text: string): string {
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
}
