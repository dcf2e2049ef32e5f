import { citedDocuments } from '../../citations.js';
import type { Citation } from '../../model.js';
import { defineRule } from '../../rule.js';
import { DOCUMENT_TYPES, documentTypeOf } from '../../vocabulary.js';

// Codes a Công văn's symbol cannot start with: they name a document type and nothing else.
// CT, CĐ, TT, TC ... are left out: they also abbreviate bodies (Cục Thuế, Công đoàn, Trung tâm).
const TYPE_ONLY_CODES = new Set(['KH', 'QĐ', 'NQ', 'TB', 'TTr', 'HD', 'BC', 'NĐ', 'QyĐ', 'CTr', 'KL']);

const typeByCode = new Map(DOCUMENT_TYPES.flatMap((type) => (type.code ? [[type.code, type.name] as const] : [])));

export const citationTypeMismatch = defineRule({
  meta: {
    id: 'KH403',
    slug: 'citation-type-mismatch',
    area: 'citations',
    defaultSeverity: 'error',
    title: { vi: 'Tên loại không khớp ký hiệu', en: 'Type word disagrees with the symbol' },
    description: {
      vi: 'Ký hiệu của văn bản bắt đầu bằng chữ viết tắt tên loại (Kế hoạch KH, Quyết định QĐ, Chỉ thị CT, Chương trình CTr ... theo Nghị định 30/2020/NĐ-CP, Phụ lục III); tên loại viết trước số phải khớp với chữ viết tắt đó. Công văn không có chữ viết tắt tên loại.',
      en: 'A document\'s symbol starts with its type code (Kế hoạch KH, Quyết định QĐ, Chỉ thị CT, Chương trình CTr ... per Decree 30/2020/ND-CP, Annex III); the type word before the number must agree with it. A Công văn has no type code.',
    },
    fixes: [],
  },
  check({ model, report }) {
    for (const citation of citedDocuments(model)) {
      const type = citation.typeWord ? documentTypeOf(citation.typeWord) : undefined;
      const code = citation.typeCode;
      if (!type || !code || !citation.typeRange) continue;
      const range = { start: citation.typeRange.start, end: citation.symbolRange.end };
      const codeMeaning = typeByCode.get(code);
      const meaning = codeMeaning ? ` (${codeMeaning})` : '';
      if (!type.code) {
        if (type.name !== 'Công văn' || !TYPE_ONLY_CODES.has(code)) continue;
        report({
          range,
          message: {
            vi: `Công văn không có chữ viết tắt tên loại, nhưng ký hiệu ${citation.symbol} mang mã ${code}${meaning}`,
            en: `A Công văn has no type code, but the symbol ${citation.symbol} carries ${code}${meaning}`,
          },
        });
        continue;
      }
      if (agrees(citation, type.code, code)) continue;
      report({
        range,
        message: {
          vi: `Tên loại "${type.name}" không khớp ký hiệu ${citation.symbol}: ${type.name} mang mã ${type.code}, ký hiệu mang mã ${code}${meaning}`,
          en: `The type word "${type.name}" disagrees with the symbol ${citation.symbol}: ${type.name} is coded ${type.code}, the symbol carries ${code}${meaning}`,
        },
      });
    }
  },
});

function agrees(citation: Citation, expected: string, code: string): boolean {
  if (code.toUpperCase() === expected.toUpperCase()) return true;
  // Joint documents add capitals to the code: KHLT, KHPH, TTLT.
  if (code.startsWith(expected) && /^\p{Lu}+$/u.test(code.slice(expected.length))) return true;
  // The Party codes its Quy định "QĐi" (Hướng dẫn 36-HD/VPTW).
  return citation.form === 'party' && expected === 'QyĐ' && code === 'QĐi';
}
