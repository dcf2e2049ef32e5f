import { type CapitalFault, type CapitalFaultKind, capitalFaults } from '../../capitals.js';
import { lineRange } from '../../extract/lines.js';
import { lineTextCache } from '../../line-cache.js';
import type { TextLine } from '../../model.js';
import { defineRule } from '../../rule.js';
import type { Localized } from '../../types.js';

const faultsOfLine = lineTextCache(capitalFaults);

const MESSAGES: Record<CapitalFaultKind, (fault: CapitalFault) => Localized> = {
  'place-word': ({ written, correct }) => ({
    vi: `Danh từ chung chỉ đơn vị hành chính viết thường trước tên riêng: "${correct}", không phải "${written}" (Nghị định 30/2020/NĐ-CP, Phụ lục II, mục III.1.a)`,
    en: `The common noun of an administrative unit is lower case before its name: "${correct}", not "${written}" (Decree 30/2020/ND-CP, Annex II, III.1.a)`,
  }),
  'place-number': ({ written, correct }) => ({
    vi: `Đơn vị hành chính đặt tên bằng chữ số viết hoa cả danh từ chung: "${correct}", không phải "${written}" (Nghị định 30/2020/NĐ-CP, Phụ lục II, mục III.1.b)`,
    en: `An administrative unit named by a number capitalises its common noun: "${correct}", not "${written}" (Decree 30/2020/ND-CP, Annex II, III.1.b)`,
  }),
  'fixed-name': ({ written, correct }) => ({
    vi: `Tên cơ quan chỉ viết hoa chữ cái đầu của từ chỉ loại hình: "${correct}", không phải "${written}" (Nghị định 30/2020/NĐ-CP, Phụ lục II, mục IV.1.a)`,
    en: `An agency's name capitalises only the first letter of its type: "${correct}", not "${written}" (Decree 30/2020/ND-CP, Annex II, IV.1.a)`,
  }),
  'agency-type': ({ written, correct }) => ({
    vi: `Tên một cơ quan, tổ chức cụ thể viết hoa chữ cái đầu của từ chỉ loại hình: "${correct}", không phải "${written}" (Nghị định 30/2020/NĐ-CP, Phụ lục II, mục IV.1.a)`,
    en: `The name of a specific agency capitalises the first letter of its type: "${correct}", not "${written}" (Decree 30/2020/ND-CP, Annex II, IV.1.a)`,
  }),
  'law-name': ({ written, correct }) => ({
    vi: `Tên loại văn bản viết hoa chữ cái đầu khi nói đến một văn bản cụ thể: "${correct}", không phải "${written}" (Nghị định 30/2020/NĐ-CP, Phụ lục II, mục V.6)`,
    en: `A document type is capitalised when it names a specific document: "${correct}", not "${written}" (Decree 30/2020/ND-CP, Annex II, V.6)`,
  }),
  article: ({ written, correct }) => ({
    vi: `Điều, chương của một văn bản cụ thể viết hoa chữ cái đầu: "${correct}", không phải "${written}" (Nghị định 30/2020/NĐ-CP, Phụ lục II, mục V.7)`,
    en: `An article or chapter of a specific document is capitalised: "${correct}", not "${written}" (Decree 30/2020/ND-CP, Annex II, V.7)`,
  }),
};

/** Running text: after the header, before the signature, not raw HTML. */
function runningText(lines: readonly TextLine[], start: number, end: number): TextLine[] {
  return lines.slice(start, end).filter((line) => line.kind !== 'html');
}

/**
 * ND30 Phụ lục II in running text (capitals.ts reads each line), and V.6 in citations: a citation
 * by number and symbol always names one document, so a lower-case type word there ("theo quyết
 * định số 12/QĐ-UBND") is certainly wrong; the citation recogniser finds the type word, and this
 * rule only reads its case. Fixes are offered for review, not applied by fix-all: fix-all never
 * changes the author's words.
 */
export const capitalization = defineRule({
  meta: {
    id: 'KH704',
    slug: 'capitalization',
    area: 'text',
    defaultSeverity: 'info',
    title: { vi: 'Viết hoa sai quy định', en: 'Capitalisation against the rules' },
    description: {
      vi: 'Nghị định 30/2020/NĐ-CP, Phụ lục II, trong những trường hợp chữ viết đúng chắc chắn chỉ từ câu chữ: danh từ chung chỉ đơn vị hành chính viết hoa giữa câu ("UBND Huyện Phú Xuyên", mục III.1.a) hoặc viết thường trước chữ số ("quận 8", mục III.1.b); "Ủy ban nhân dân", "Hội đồng nhân dân" viết hoa cả "Nhân dân" (mục IV.1.a); từ chỉ loại hình của một cơ quan cụ thể viết thường ("phòng GDĐT", "trường THCS Buôn Trấp", mục IV.1.a); tên loại văn bản viết thường khi nói đến một văn bản cụ thể ("luật Giáo dục", "quyết định số 12/QĐ-UBND", mục V.6); điều, chương của một văn bản viết thường ("điều 5 của Luật", mục V.7). Đầu câu, đầu dòng, tên trong ngoặc kép, "Thành phố Hồ Chí Minh", địa danh có thể mang tên người, phần đầu văn bản và khối chữ ký không bị kiểm tra. Sửa nhanh chỉ đổi chữ hoa, chữ thường; không tự áp dụng khi sửa tất cả.',
      en: 'Decree 30/2020/ND-CP, Annex II, where the right form is certain from the words alone: the common noun of an administrative unit capitalised in mid-sentence ("UBND Huyện Phú Xuyên", III.1.a) or in lower case before a number ("quận 8", III.1.b); "Ủy ban nhân dân", "Hội đồng nhân dân" written with "Nhân dân" capitalised (IV.1.a); the type word of a specific agency in lower case ("phòng GDĐT", "trường THCS Buôn Trấp", IV.1.a); a document type in lower case when it names one document ("luật Giáo dục", "quyết định số 12/QĐ-UBND", V.6); an article or chapter of a document in lower case ("điều 5 của Luật", V.7). Sentence and line starts, quoted titles, "Thành phố Hồ Chí Minh", places that may be named after a person, the header and the signing block are not checked. The quick fix changes letter case only; fix-all does not apply it.',
    },
    fixes: ['review'],
  },
  check({ model, report }) {
    for (const line of runningText(model.lines, model.header.endTextLine, model.signature?.firstTextLine ?? model.lines.length)) {
      for (const fault of faultsOfLine(line.nfc)) {
        report({
          range: lineRange(model.index, line, fault.start, fault.end),
          message: MESSAGES[fault.kind](fault),
          fix: {
            title: { vi: `Viết lại: "${fault.correct}"`, en: `Rewrite: "${fault.correct}"` },
            edits: fault.edits.map((edit) => ({ range: lineRange(model.index, line, edit.at, edit.at + 1), newText: edit.letter })),
            safety: 'review',
          },
        });
      }
    }
    for (const citation of model.citations) {
      const { typeWord, typeRange } = citation;
      if (!typeRange || !citation.typeName || !/^\p{Ll}/u.test(typeWord)) continue;
      const written = typeWord.charAt(0).toUpperCase() + typeWord.slice(1);
      report({
        range: typeRange,
        message: {
          vi: `Tên loại văn bản viết hoa chữ cái đầu khi trích dẫn một văn bản cụ thể: "${written}", không phải "${typeWord}" (Nghị định 30/2020/NĐ-CP, Phụ lục II, mục V.6)`,
          en: `A document type is capitalised when citing a specific document: "${written}", not "${typeWord}" (Decree 30/2020/ND-CP, Annex II, V.6)`,
        },
        fix: {
          title: { vi: `Viết hoa: "${written}"`, en: `Capitalise: "${written}"` },
          edits: [{ range: { start: typeRange.start, end: { line: typeRange.start.line, character: typeRange.start.character + 1 } }, newText: written.charAt(0) }],
          safety: 'review',
        },
      });
    }
  },
});
