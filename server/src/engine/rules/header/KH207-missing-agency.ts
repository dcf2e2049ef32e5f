import { defineRule } from '../../rule.js';
import type { Localized } from '../../types.js';
import { headerUnread, topOfDocument } from './header-lines.js';

const MOTTO = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
const TAGLINE = 'Độc lập - Tự do - Hạnh phúc';
const PARTY = 'ĐẢNG CỘNG SẢN VIỆT NAM';
const YOUTH = 'ĐOÀN TNCS HỒ CHÍ MINH';

export const missingAgency = defineRule({
  meta: {
    id: 'KH207',
    slug: 'missing-agency',
    area: 'header',
    defaultSeverity: 'error',
    title: { vi: 'Thiếu tên cơ quan ban hành hoặc Quốc hiệu', en: 'Missing issuing agency or national motto' },
    description: {
      vi: `Phần đầu kế hoạch có tên cơ quan, tổ chức ban hành (viết in hoa, bên trái) và Quốc hiệu, Tiêu ngữ "${MOTTO}" / "${TAGLINE}" (bên phải) (Nghị định 30/2020/NĐ-CP, Phụ lục I, mục II.1 và II.2). Văn bản của Đảng thay Quốc hiệu bằng dòng "${PARTY}", văn bản của Đoàn thanh niên bằng dòng "${YOUTH}". Bản chuyển từ Word hay mất bảng phần đầu: quy tắc này phát hiện việc đó.`,
      en: `A plan's header carries the issuing agency (capitals, on the left) and the national motto "${MOTTO}" / "${TAGLINE}" (on the right) (Decree 30/2020/ND-CP, Annex I, II.1 and II.2). Party documents carry "${PARTY}" instead of the motto, Youth Union documents "${YOUTH}". Conversions from Word often lose the header table: this rule notices.`,
    },
    fixes: [],
  },
  check({ model, profile, report }) {
    const { header } = model;
    if (headerUnread(model)) {
      const title = model.header.title ? { vi: '', en: '' } : { vi: ', tên loại “KẾ HOẠCH”', en: ' and the document type “KẾ HOẠCH”' };
      report({
        range: topOfDocument(model),
        message: {
          vi: `Không thấy phần đầu văn bản: tên cơ quan ban hành, Quốc hiệu và Tiêu ngữ, số và ký hiệu, địa danh và ngày tháng${title.vi}`,
          en: `No header found: the issuing agency, the national motto, the number, the place and date${title.en} are all missing`,
        },
      });
      return;
    }
    const missing: Localized[] = [];
    if (!header.agency) missing.push({ vi: 'tên cơ quan, tổ chức ban hành', en: 'the issuing agency' });
    if (profile.headerKind === 'party') {
      if (!header.partyHeader) missing.push({ vi: `dòng “${PARTY}”`, en: `the Party header “${PARTY}”` });
    } else if (profile.headerKind === 'youth') {
      if (!header.youthHeader) missing.push({ vi: `dòng “${YOUTH}”`, en: `the Youth Union header “${YOUTH}”` });
    } else if (!header.motto && !header.tagline) {
      missing.push({ vi: `Quốc hiệu và Tiêu ngữ “${MOTTO} – ${TAGLINE}”`, en: `the national motto “${MOTTO} – ${TAGLINE}”` });
    } else if (!header.motto) {
      missing.push({ vi: `Quốc hiệu “${MOTTO}”`, en: `the national name “${MOTTO}”` });
    } else if (!header.tagline) {
      missing.push({ vi: `Tiêu ngữ “${TAGLINE}”`, en: `the motto “${TAGLINE}”` });
    }
    if (missing.length === 0) return;
    report({
      range: topOfDocument(model),
      message: { vi: `Thiếu ${missing.map((m) => m.vi).join('; thiếu ')}`, en: `Missing ${missing.map((m) => m.en).join('; missing ')}` },
    });
  },
});
