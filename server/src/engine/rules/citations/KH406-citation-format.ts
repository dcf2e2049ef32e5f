import { citedDocuments } from '../../citations.js';
import { normalizeSymbol } from '../../extract/number.js';
import type { Citation, PlanModel } from '../../model.js';
import { defineRule } from '../../rule.js';
import type { Fix, Localized } from '../../types.js';

const PROBLEMS: Record<string, Localized> = {
  spaces: { vi: 'có khoảng trắng thừa', en: 'has stray spaces' },
  dash: { vi: 'dùng dấu gạch dài thay cho dấu gạch nối (-)', en: 'uses a long dash instead of a hyphen (-)' },
  // Both forms are named: a Party or Đoàn document told to write "380/TB-TW" would be miswritten again.
  separators: {
    vi: 'sai dấu phân cách (văn bản nhà nước: 12/KH-UBND, "/" sau số và "-" giữa các nhóm chữ; văn bản của Đảng, Đoàn: 12-KH/TU, "-" sau số và "/" trước cơ quan)',
    en: 'has wrong separators (state documents: 12/KH-UBND, "/" after the number and "-" between the groups of letters; Party and Youth Union documents: 12-KH/TU, "-" after the number and "/" before the issuer)',
  },
};

export const citationFormat = defineRule({
  meta: {
    id: 'KH406',
    slug: 'citation-format',
    area: 'citations',
    defaultSeverity: 'warning',
    title: { vi: 'Số, ký hiệu viện dẫn viết sai', en: 'Malformed number/symbol in a citation' },
    description: {
      vi: 'Số, ký hiệu của văn bản được dẫn viết liền, không cách chữ: giữa số và ký hiệu có dấu gạch chéo (/), giữa các nhóm chữ viết tắt có dấu gạch nối (-) (Nghị định 30/2020/NĐ-CP, Phụ lục I, mục II.3.c). Sửa nhanh: bỏ khoảng trắng thừa và thay dấu gạch dài bằng dấu gạch nối.',
      en: 'A cited number/symbol is written without spaces: "/" between the number and the symbol, "-" between the groups of letters (Decree 30/2020/ND-CP, Annex I, II.3.c). Quick fix: remove the stray spaces and turn long dashes into hyphens.',
    },
    fixes: ['safe'],
  },
  check({ model, report }) {
    for (const citation of citedDocuments(model)) {
      // Spaces and dashes are only a slip when the symbol has a proper shape once they are fixed.
      const problems = citation.formatProblems.filter((problem) => (problem === 'separators' ? true : citation.form !== 'unknown' && problem in PROBLEMS));
      if (problems.length === 0) continue;
      const describe = (locale: keyof Localized): string => problems.map((problem) => PROBLEMS[problem]![locale]).join(', ');
      const correctable = !problems.includes('separators');
      report({
        range: citation.symbolRange,
        message: correctable
          ? {
              vi: `Số, ký hiệu "${citation.symbolRaw}" ${describe('vi')}; viết đúng: ${citation.symbol}`,
              en: `The number/symbol "${citation.symbolRaw}" ${describe('en')}; write it ${citation.symbol}`,
            }
          : {
              vi: `Số, ký hiệu "${citation.symbolRaw}" ${describe('vi')}`,
              en: `The number/symbol "${citation.symbolRaw}" ${describe('en')}`,
            },
        fix: correctable ? fixFor(model, citation) : undefined,
      });
    }
  },
});

/** Removes the spaces and straightens the dashes in the source text itself: no letter is touched. */
function fixFor(model: PlanModel, citation: Citation): Fix | undefined {
  const start = model.index.offsetAt(citation.symbolRange.start);
  const end = model.index.offsetAt(citation.symbolRange.end);
  const written = model.source.slice(start, end);
  const newText = written.replace(/\s+/gu, '').replace(/[–—‐−]/gu, '-');
  // Markup or a line break inside the symbol: leave it to the author.
  if (normalizeSymbol(written) !== citation.symbol || newText.normalize('NFC') !== citation.symbol) return undefined;
  return {
    title: { vi: `Viết liền số, ký hiệu: ${newText}`, en: `Write the number/symbol as ${newText}` },
    edits: [{ range: citation.symbolRange, newText }],
    safety: 'safe',
  };
}
