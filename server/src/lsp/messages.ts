// Every text the language server shows to a person, in Vietnamese and English. Rule messages
// come from the rules themselves; these are the server's own (hover, completion, actions).
import type { DateKind } from '../engine/model.js';
import type { Locale, Localized } from '../engine/types.js';
import type { SectionRequirementLevel } from './protocol.js';

export function pick(locale: Locale, text: Localized): string {
  return text[locale];
}

const megabytes = (bytes: number): string => (bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, '');

export const MESSAGES = {
  tooLarge: (size: number, limit: number): Localized => ({
    vi: `Tệp lớn ${megabytes(size).replace('.', ',')} MB, vượt giới hạn ${megabytes(limit).replace('.', ',')} MB nên không được kiểm tra (tăng "maxFileSize" trong .kehoach.json nếu cần).`,
    en: `The file is ${megabytes(size)} MB, over the ${megabytes(limit)} MB limit, so it is not checked (raise "maxFileSize" in .kehoach.json if needed).`,
  }),
  checkFailed: (detail: string): Localized => ({
    vi: `kehoach không kiểm tra được tài liệu này do lỗi nội bộ: ${detail}. Xem nhật ký (lệnh "Kế hoạch: Xem nhật ký").`,
    en: `kehoach could not check this document because of an internal error: ${detail}. See the log ("Kehoach: Show Log").`,
  }),
  configProblem: (key: string, detail: string): Localized => ({
    vi: `Tệp cấu hình không dùng được${key ? ` (khóa "${key}")` : ''}: ${detail}. Các kế hoạch đang được kiểm tra với cấu hình mặc định.`,
    en: `The configuration file cannot be used${key ? ` (key "${key}")` : ''}: ${detail}. Plans are checked with the default configuration meanwhile.`,
  }),
  disableForLine: (ruleId: string): Localized => ({ vi: `Tắt ${ruleId} cho dòng này`, en: `Disable ${ruleId} for this line` }),
  disableForTable: (ruleId: string): Localized => ({ vi: `Tắt ${ruleId} cho bảng này`, en: `Disable ${ruleId} for this table` }),
  fixAll: { vi: 'Sửa mọi lỗi sửa tự động được (kehoach)', en: 'Fix all auto-fixable problems (kehoach)' } as Localized,
  outline: {
    header: { vi: 'Phần đầu', en: 'Header' } as Localized,
    basis: { vi: 'Căn cứ', en: 'Basis' } as Localized,
    recipients: { vi: 'Nơi nhận', en: 'Recipients' } as Localized,
    signature: { vi: 'Chữ ký', en: 'Signature' } as Localized,
  },
  hover: {
    citation: { vi: 'Văn bản được dẫn', en: 'Cited document' } as Localized,
    type: { vi: 'Loại văn bản', en: 'Type' } as Localized,
    unknownType: { vi: '(không ghi loại)', en: '(no type word)' } as Localized,
    symbol: { vi: 'Số, ký hiệu', en: 'Number and symbol' } as Localized,
    date: { vi: 'Ngày ban hành', en: 'Date of issue' } as Localized,
    noDate: { vi: '(chưa ghi ngày)', en: '(no date given)' } as Localized,
    issuer: { vi: 'Cơ quan ban hành', en: 'Issued by' } as Localized,
    noIssuer: { vi: '(chưa ghi cơ quan ban hành)', en: '(no issuer given)' } as Localized,
    laterMention: { vi: 'Lần nhắc lại; lần đầu đã ghi đủ thông tin.', en: 'A later mention; the first one gives the details.' } as Localized,
    forms: {
      state: { vi: 'văn bản hành chính', en: 'administrative document' },
      party: { vi: 'văn bản của Đảng', en: 'Party document' },
      legal: { vi: 'văn bản quy phạm pháp luật', en: 'legal document' },
      unknown: { vi: 'không rõ dạng số, ký hiệu', en: 'number form not recognised' },
    } as Record<'state' | 'party' | 'legal' | 'unknown', Localized>,
    sameDay: { vi: 'Cùng ngày với kế hoạch này.', en: 'The same day as this plan.' } as Localized,
    daysBefore: (days: number, planDate: string, subject: Localized): Localized => ({
      vi: `${subject.vi} ${days} ngày trước kế hoạch này (${planDate}).`,
      en: `${subject.en} ${days} day${days === 1 ? '' : 's'} before this plan (${planDate}).`,
    }),
    daysAfter: (days: number, planDate: string, subject: Localized): Localized => ({
      vi: `${subject.vi} ${days} ngày sau kế hoạch này (${planDate}).`,
      en: `${subject.en} ${days} day${days === 1 ? '' : 's'} after this plan (${planDate}).`,
    }),
    issued: { vi: 'Ban hành', en: 'Issued' } as Localized,
    falls: { vi: 'Rơi vào', en: 'Falls' } as Localized,
    citedAfterPlan: {
      vi: 'Một văn bản làm căn cứ không thể ban hành sau kế hoạch.',
      en: 'A document the plan is based on cannot be issued after the plan.',
    } as Localized,
    noPlanDate: { vi: 'Kế hoạch chưa có ngày ban hành đầy đủ để so sánh.', en: 'The plan has no complete date of issue to compare with.' } as Localized,
    periodYears: (from: number, to: number): Localized => ({
      vi: `Giai đoạn ${from}–${to} (${to - from + 1} năm).`,
      en: `Period ${from}–${to} (${to - from + 1} years).`,
    }),
    periodBackwards: { vi: 'Giai đoạn chạy ngược: năm cuối trước năm đầu.', en: 'The period runs backwards: its last year comes before its first.' } as Localized,
    planYearInPeriod: (year: number): Localized => ({ vi: `Năm ban hành kế hoạch (${year}) nằm trong giai đoạn.`, en: `The plan's year (${year}) lies inside the period.` }),
    planYearOutsidePeriod: (year: number): Localized => ({ vi: `Năm ban hành kế hoạch (${year}) nằm ngoài giai đoạn.`, en: `The plan's year (${year}) lies outside the period.` }),
    yearsFromPlan: (years: number, planYear: number): Localized =>
      years === 0
        ? { vi: `Cùng năm ban hành kế hoạch (${planYear}).`, en: `The plan's own year (${planYear}).` }
        : years > 0
          ? { vi: `${years} năm sau năm ban hành kế hoạch (${planYear}).`, en: `${years} year${years === 1 ? '' : 's'} after the plan's year (${planYear}).` }
          : { vi: `${-years} năm trước năm ban hành kế hoạch (${planYear}).`, en: `${-years} year${years === -1 ? '' : 's'} before the plan's year (${planYear}).` },
    isIssueDate: { vi: 'Đây là ngày ban hành của kế hoạch.', en: 'This is the plan\'s date of issue.' } as Localized,
    yearly: (day: number | undefined, month: number | undefined): Localized => ({
      vi: `Lặp lại hằng năm${day && month ? ` vào ngày ${day}/${month}` : ''}.`,
      en: `Recurs every year${day && month ? ` on ${day}/${month}` : ''}.`,
    }),
    invalid: { vi: 'Ngày không tồn tại', en: 'The date does not exist' } as Localized,
  },
  dateKinds: {
    issue: { vi: 'Ngày ban hành kế hoạch', en: 'Date of issue of the plan' },
    citation: { vi: 'Ngày của văn bản được dẫn', en: 'Date of a cited document' },
    deadline: { vi: 'Thời hạn', en: 'Deadline' },
    period: { vi: 'Giai đoạn', en: 'Period' },
    'target-year': { vi: 'Năm mục tiêu', en: 'Target year' },
    yearly: { vi: 'Mốc hằng năm', en: 'Yearly date' },
    month: { vi: 'Tháng', en: 'Month' },
    year: { vi: 'Năm', en: 'Year' },
    date: { vi: 'Ngày', en: 'Date' },
  } as Record<DateKind, Localized>,
  weekdays: [
    { vi: 'Chủ nhật', en: 'Sunday' },
    { vi: 'Thứ Hai', en: 'Monday' },
    { vi: 'Thứ Ba', en: 'Tuesday' },
    { vi: 'Thứ Tư', en: 'Wednesday' },
    { vi: 'Thứ Năm', en: 'Thursday' },
    { vi: 'Thứ Sáu', en: 'Friday' },
    { vi: 'Thứ Bảy', en: 'Saturday' },
  ] as Localized[],
  completion: {
    requirement: {
      required: { vi: 'bắt buộc', en: 'required' },
      recommended: { vi: 'nên có', en: 'recommended' },
      optional: { vi: 'tùy chọn', en: 'optional' },
    } as Record<SectionRequirementLevel, Localized>,
    missing: (requirement: Localized): Localized => ({ vi: `Chưa có — ${requirement.vi}`, en: `Missing — ${requirement.en}` }),
    present: (number: string): Localized => ({ vi: `Đã có (mục ${number})`, en: `Already present (section ${number})` }),
    sectionDoc: (profile: string, aliases: string[]): Localized => ({
      vi: `Mục theo hồ sơ **${profile}**.${aliases.length ? ` Tên khác được chấp nhận: ${aliases.join(' · ')}.` : ''}`,
      en: `Section of the **${profile}** profile.${aliases.length ? ` Other accepted titles: ${aliases.join(' · ')}.` : ''}`,
    }),
    documentType: (code: string | undefined): Localized =>
      code
        ? { vi: `Loại văn bản, ký hiệu ${code}`, en: `Document type, code ${code}` }
        : { vi: 'Loại văn bản không có ký hiệu loại', en: 'Document type without a type code' },
    recipientUses: (count: number): Localized => ({
      vi: `Đã dùng trong ${count} kế hoạch của thư mục`,
      en: `Used in ${count} plan${count === 1 ? '' : 's'} of the workspace`,
    }),
    signing: {
      'TM.': { vi: 'Thay mặt tập thể lãnh đạo (TM. ỦY BAN NHÂN DÂN, TM. BAN THƯỜNG VỤ); người đứng đầu ký.', en: 'On behalf of a collective body (TM. ỦY BAN NHÂN DÂN); its head signs.' },
      'KT.': { vi: 'Ký thay người đứng đầu; người ký là cấp phó (KT. TRƯỞNG PHÒNG / PHÓ TRƯỞNG PHÒNG).', en: 'Signed for the head by a deputy (KT. TRƯỞNG PHÒNG / PHÓ TRƯỞNG PHÒNG).' },
      'TL.': { vi: 'Thừa lệnh người đứng đầu; người ký là trưởng một đơn vị được giao.', en: 'By order of the head; signed by the head of a delegated unit.' },
      'TUQ.': { vi: 'Thừa ủy quyền người đứng đầu, theo văn bản ủy quyền.', en: 'Under the head\'s written authorisation.' },
      'Q.': { vi: 'Quyền: cấp phó được giao quyền người đứng đầu (Q. GIÁM ĐỐC).', en: 'Acting head (Q. GIÁM ĐỐC).' },
      'T/M': { vi: 'Thay mặt tập thể trong văn bản của Đảng (T/M BAN THƯỜNG VỤ).', en: 'On behalf of a collective body, in Party documents (T/M BAN THƯỜNG VỤ).' },
    } as Record<string, Localized>,
  },
  insertSectionLabel: { vi: 'Chèn mục còn thiếu', en: 'Insert a missing section' } as Localized,
  drafting: {
    fromCitation: (symbol: string): Localized => ({ vi: `Soạn kế hoạch thực hiện Kế hoạch số ${symbol}`, en: `Draft a plan implementing plan ${symbol}` }),
    fromThisPlan: { vi: 'Soạn kế hoạch thực hiện kế hoạch này', en: 'Draft a plan implementing this plan' } as Localized,
    parentUnreadable: { vi: 'Không đọc được kế hoạch cấp trên', en: 'The parent plan cannot be read' } as Localized,
  },
} as const;
