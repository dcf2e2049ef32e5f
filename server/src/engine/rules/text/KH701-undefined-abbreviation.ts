import { nameHasCode } from '../../agency-names.js';
import { defineRule } from '../../rule.js';
import type { Position } from '../../types.js';

/** "GD&ĐT", "GD-ĐT" and "GDĐT" are one abbreviation. */
function bare(abbreviation: string): string {
  return abbreviation.normalize('NFC').replace(/[&-]/gu, '');
}

function before(a: Position, b: Position): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}

export const undefinedAbbreviation = defineRule({
  meta: {
    id: 'KH701',
    slug: 'undefined-abbreviation',
    area: 'text',
    defaultSeverity: 'info',
    title: { vi: 'Chữ viết tắt chưa được giải thích', en: 'Undefined abbreviation' },
    description: {
      vi: 'Chữ viết tắt không phổ biến phải được viết đầy đủ ở lần dùng đầu tiên, kèm chữ viết tắt trong ngoặc đơn, ví dụ "công nhân, viên chức, lao động (CNVCLĐ)". Chữ viết tắt phải ngắn gọn, dễ hiểu (Nghị định 30/2020/NĐ-CP, Phụ lục I, mục II.3.b).',
      en: 'An abbreviation that is not widely known is written out at its first use with the abbreviation in brackets, e.g. "công nhân, viên chức, lao động (CNVCLĐ)". Abbreviations must be short and easy to understand (Decree 30/2020/ND-CP, Annex I, II.3.b).',
    },
    fixes: [],
  },
  check({ model, knownAbbreviations, report }) {
    const known = new Set([...knownAbbreviations].map(bare));
    const { definitions, uses } = model.abbreviations;
    const issuers = [model.header.parentAgency?.text, model.header.agency?.text].filter((name) => name !== undefined);
    const reported = new Set<string>();
    for (const use of uses) {
      const key = bare(use.abbreviation);
      if (reported.has(key) || known.has(key)) continue;
      // "LĐLĐ" under "LIÊN ĐOÀN LAO ĐỘNG HUYỆN YÊN ĐỊNH": the header spells out the issuer's initials.
      // Two letters match the initials of some pair of words too often to count.
      if (key.length >= 3 && issuers.some((name) => nameHasCode(name, key))) continue;
      reported.add(key);
      const definition = definitions.find((d) => bare(d.abbreviation) === key);
      if (definition && !before(use.range.start, definition.range.start)) continue;
      report({
        range: use.range,
        message: definition
          ? {
              vi: `Chữ viết tắt "${use.abbreviation}" được dùng trước khi được giải thích (dòng ${definition.line + 1}); giải thích ở lần dùng đầu tiên`,
              en: `The abbreviation "${use.abbreviation}" is used before it is defined (line ${definition.line + 1}); define it at its first use`,
            }
          : {
              vi: `Chữ viết tắt "${use.abbreviation}" chưa được giải thích: ghi đầy đủ ở lần dùng đầu tiên, kèm "(${use.abbreviation})"`,
              en: `The abbreviation "${use.abbreviation}" is not defined: write it out at its first use, followed by "(${use.abbreviation})"`,
            },
        related: definition ? [{ range: definition.range, message: { vi: 'Nơi giải thích', en: 'Defined here' } }] : undefined,
      });
    }
  },
});
