import type { Part, Signature } from '../../model.js';
import { defineRule } from '../../rule.js';
import type { Localized } from '../../types.js';
import { DEPUTY_TITLE } from '../../vocabulary.js';

/** The same authority in state form (ND30) and Party form (Hướng dẫn 36-HD/VPTW). */
const STATE_TO_PARTY: Record<string, string> = { 'TM.': 'T/M', 'KT.': 'K/T', 'TL.': 'T/L' };
const PARTY_TO_STATE: Record<string, string> = { 'T/M': 'TM.', 'K/T': 'KT.', 'T/L': 'TL.' };

/** A person's title ("CHỦ TỊCH", "TRƯỞNG PHÒNG", "HIỆU TRƯỞNG"), as opposed to a collective or an agency. */
const PERSON_TITLE = /^(?:PHÓ\s+)?(?:CHỦ TỊCH|CHỦ NHIỆM|TỔNG GIÁM ĐỐC|GIÁM ĐỐC|TỔNG BÍ THƯ|BÍ THƯ|THỦ TRƯỞNG|THỦ TƯỚNG|CHÁNH\s|TRƯỞNG\s|\p{Lu}+\s+TRƯỞNG(?=\s|$)|HIỆU PHÓ)/u;
/** A collective leadership or an agency: what "TM." stands before, and what "KT." never does. */
const COLLECTIVE = /^(?:BAN|ỦY BAN|UỶ BAN|HỘI ĐỒNG|THƯỜNG TRỰC|ĐOÀN CHỦ TỊCH|TẬP THỂ|ĐẢNG ỦY|ĐẢNG ĐOÀN|CHI BỘ|CHI ỦY|TỈNH ỦY|THÀNH ỦY|HUYỆN ỦY|QUẬN ỦY|THỊ ỦY)(?=\s|$)/u;
/** "KT. CHỦ TỊCH PHÓ CHỦ TỊCH" under "TM. ỦY BAN NHÂN DÂN": a deputy signing for the head of the collective. */
const NESTED_KT = /^(?:KT\.|K\/T)\s*(.*)$/u;

export const signatureAuthority = defineRule({
  meta: {
    id: 'KH602',
    slug: 'signature-authority',
    area: 'signature',
    defaultSeverity: 'warning',
    title: { vi: 'Ghi sai quyền hạn ký', en: 'Signing authority used wrongly' },
    description: {
      vi: 'TM. đứng trước tên tập thể lãnh đạo hoặc cơ quan; KT. đứng trước chức vụ người đứng đầu và người ký là cấp phó; TL., TUQ., Q. đứng trước chức vụ người đứng đầu (Nghị định 30/2020/NĐ-CP, Phụ lục I, mục II.7.b). Văn bản Đảng ghi T/M, K/T, T/L; văn bản nhà nước và công đoàn ghi TM., KT., TL.',
      en: 'TM. stands before a collective or an agency; KT. before the head\'s title, signed by a deputy; TL., TUQ., Q. before the head\'s title (Decree 30/2020/ND-CP, Annex I, II.7.b). Party documents write T/M, K/T, T/L; state and union documents TM., KT., TL.',
    },
    fixes: [],
  },
  check({ model, profile, report }) {
    const signature = model.signature;
    const prefix = signature?.prefix;
    if (!signature || !prefix) return;
    const written = prefix.text.replace(/\s+/gu, '');
    const party = profile.name === 'dang';
    const other = party ? STATE_TO_PARTY[written] : PARTY_TO_STATE[written];
    if (other) {
      report({
        range: prefix.range,
        message: party
          ? { vi: `Văn bản Đảng ghi "${other}" thay cho "${written}"`, en: `A Party document writes "${other}" rather than "${written}"` }
          : { vi: `"${written}" là cách ghi của văn bản Đảng; văn bản này ghi "${other}"`, en: `"${written}" is the Party form; this document writes "${other}"` },
      });
    }
    const kind = (PARTY_TO_STATE[written] ?? written).replace(/\.$/u, '');
    const problem = authorityProblem(kind, written, signature);
    if (problem) report({ range: problem.part.range, message: problem.message });
  },
});

function authorityProblem(kind: string, written: string, signature: Signature): { part: Part; message: Localized } | undefined {
  const { authority, title } = signature;
  const prefix = signature.prefix!;
  if (!authority) {
    return {
      part: prefix,
      message: {
        vi: `Sau "${written}" thiếu ${kind === 'TM' ? 'tên tập thể lãnh đạo hoặc cơ quan' : 'chức vụ người đứng đầu'}`,
        en: `"${written}" is not followed by ${kind === 'TM' ? 'the collective or the agency' : "the head's title"}`,
      },
    };
  }
  if (kind === 'TM') {
    if (PERSON_TITLE.test(authority.text)) {
      return {
        part: authority,
        message: {
          vi: `"${written}" đứng trước tên tập thể hoặc cơ quan, không đứng trước chức vụ "${authority.text}" (người đứng đầu tự ký thì không ghi quyền hạn; cấp phó ký thay ghi KT.)`,
          en: `"${written}" stands before a collective or an agency, not before the title "${authority.text}" (the head signing writes no authority; a deputy signing for the head writes KT.)`,
        },
      };
    }
    if (!title) {
      return {
        part: authority,
        message: { vi: `Sau "${written} ${authority.text}" thiếu chức vụ của người ký (ví dụ CHỦ TỊCH)`, en: `"${written} ${authority.text}" lacks the signer's title (e.g. CHỦ TỊCH)` },
      };
    }
    const nested = NESTED_KT.exec(title.text);
    if (nested && !/(?:^|\s)PHÓ(?=\s|$)/u.test(nested[1]!)) {
      return { part: title, message: deputyMissing(title.text) };
    }
    return undefined;
  }
  if (kind === 'KT') {
    if (COLLECTIVE.test(authority.text)) {
      return {
        part: authority,
        message: {
          vi: `"${written}" đứng trước chức vụ người đứng đầu, không đứng trước tên tập thể "${authority.text}" (ký thay mặt tập thể ghi TM.)`,
          en: `"${written}" stands before the head's title, not before the collective "${authority.text}" (signing on behalf of a collective is TM.)`,
        },
      };
    }
    if (!title) {
      return {
        part: authority,
        message: {
          vi: `Sau "${written} ${authority.text}" thiếu dòng chức vụ cấp phó của người ký (PHÓ ${authority.text})`,
          en: `"${written} ${authority.text}" lacks the deputy's title on the next line (PHÓ ${authority.text})`,
        },
      };
    }
    if (!DEPUTY_TITLE.test(title.text)) return { part: title, message: deputyMissing(title.text) };
    return undefined;
  }
  if ((kind === 'TL' || kind === 'TUQ') && !title) {
    return {
      part: authority,
      message: {
        vi: `Sau "${written} ${authority.text}" thiếu chức vụ của người được giao ký`,
        en: `"${written} ${authority.text}" lacks the title of the person who signs`,
      },
    };
  }
  return undefined;
}

function deputyMissing(title: string): Localized {
  return {
    vi: `Người ký thay (KT.) là cấp phó: "${title}" không phải chức vụ cấp phó (PHÓ ...)`,
    en: `A deputy signs for the head (KT.): "${title}" is not a deputy's title (PHÓ ...)`,
  };
}
