// Words and codes of Vietnamese administrative documents, from Nghị định 30/2020/NĐ-CP Phụ lục III
// and the legal-document types of Luật Ban hành văn bản quy phạm pháp luật.
import { compareKey } from './text.js';

export interface DocumentType {
  name: string;
  /** Type code in the symbol; undefined for types that carry none (Công văn, Luật). */
  code?: string;
  /** Legal documents carry the year inside their number ("56/2017/NĐ-CP"). */
  legal?: boolean;
}

export const DOCUMENT_TYPES: DocumentType[] = [
  { name: 'Kế hoạch', code: 'KH' },
  { name: 'Quyết định', code: 'QĐ' },
  { name: 'Chỉ thị', code: 'CT' },
  { name: 'Chương trình', code: 'CTr' },
  { name: 'Hướng dẫn', code: 'HD' },
  { name: 'Thông báo', code: 'TB' },
  { name: 'Thông cáo', code: 'TC' },
  { name: 'Báo cáo', code: 'BC' },
  { name: 'Nghị quyết', code: 'NQ' },
  { name: 'Quy chế', code: 'QC' },
  { name: 'Quy định', code: 'QyĐ' },
  { name: 'Phương án', code: 'PA' },
  { name: 'Đề án', code: 'ĐA' },
  { name: 'Dự án', code: 'DA' },
  { name: 'Biên bản', code: 'BB' },
  { name: 'Tờ trình', code: 'TTr' },
  { name: 'Công điện', code: 'CĐ' },
  { name: 'Kết luận', code: 'KL' },
  { name: 'Công văn' },
  { name: 'Nghị định', code: 'NĐ', legal: true },
  { name: 'Thông tư liên tịch', code: 'TTLT', legal: true },
  { name: 'Thông tư', code: 'TT', legal: true },
  { name: 'Luật' },
  { name: 'Pháp lệnh', code: 'PL', legal: true },
];

/** Party documents use their own codes (Hướng dẫn 36-HD/VPTW). */
export const PARTY_CODES = new Set(['KH', 'CT', 'NQ', 'QĐ', 'HD', 'TB', 'BC', 'KL', 'CTr', 'QC', 'QyĐ', 'TTr', 'ĐA']);

const typesByKey = new Map(DOCUMENT_TYPES.map((type) => [compareKey(type.name), type]));

export function documentTypeOf(word: string): DocumentType | undefined {
  return typesByKey.get(compareKey(word));
}

/** Alternation of the type words, longest first, for regular expressions (case-insensitive). */
export const TYPE_WORD_PATTERN = DOCUMENT_TYPES.map((type) => type.name)
  .sort((a, b) => b.length - a.length)
  .join('|');

export const SIGNING_PREFIXES = ['TM.', 'KT.', 'TL.', 'TUQ.', 'Q.', 'T/M', 'K/T', 'T/L'] as const;

// JavaScript's \b only knows ASCII letters ("PHÓ\b" never matches "PHÓ TRƯỞNG"), so words ending in
// a Vietnamese letter are closed with a look-ahead instead.

/** Titles of deputies: a "KT." signature is signed by one of them. */
export const DEPUTY_TITLE = /^PHÓ(?=\s|$)/u;

/** Academic degrees and honorary titles that ND30 (Phụ lục I, II.7.c) keeps out of the signer's name line. */
export const ACADEMIC_TITLES = /^(GS|PGS|TS|ThS|TSKH|BS|KS|CN|NGND|NGƯT|NSND|NSƯT|Thạc sĩ|Tiến sĩ|Giáo sư|Phó giáo sư|Bác sĩ|Kỹ sư|Cử nhân)(?:\.|(?=\s))/u;

/**
 * A signer's name typed in capitals ("NGUYỄN VĂN AN"): a common surname, then one to four words,
 * and none of the words of titles and collectives ("ĐOÀN CHỦ TỊCH" is a title, not Mr Đoàn).
 */
export const UPPER_CASE_NAME =
  /^(?!.*(?:^|\s)(?:TRƯỞNG|PHÓ|CHỦ TỊCH|GIÁM ĐỐC|BÍ THƯ|BAN|ỦY|UỶ|HỘI|PHÒNG|VĂN PHÒNG)(?=\s|$))(?:NGUYỄN|TRẦN|LÊ|PHẠM|HOÀNG|HUỲNH|PHAN|VŨ|VÕ|ĐẶNG|BÙI|ĐỖ|HỒ|NGÔ|DƯƠNG|LÝ|ĐINH|ĐÀO|ĐOÀN|LÂM|MAI|TRỊNH|TRƯƠNG|CAO|LƯU|LƯƠNG|HÀ|TẠ|TÔ|VƯƠNG|QUÁCH|THÁI|KIỀU|TRIỆU|PHÙNG|CHU|LA|LỤC|KHỔNG|ĐƯƠNG)(?:\s+\p{Lu}+){1,4}$/u;

/**
 * Abbreviations any Vietnamese civil-service reader knows; KH701 does not ask for their definition.
 * Only names used across the whole public service belong here: the state and political system
 * (UBND, HĐND, MTTQ, TW, the Party committees of symbols, BCH, BTV, BCĐ, TNCS, VP), ND30's own "VT" and
 * signing prefixes, the type codes of Phụ lục III, the national school levels (THCS, THPT),
 * national services everyone meets (BHXH, BHYT, CNTT, PCCC, ATGT, and GDĐT, written "GD&ĐT" too:
 * the education offices of every province and district), common words (STT, VN, TP, TNHH, CTCP)
 * and international names in their original form (Phụ lục II, 1.b). Abbreviations of one sector
 * or office (LĐLĐ, CĐCS, CNVCLĐ, CBGVNV, GV, NV, MN) are plain only inside it: a plan that uses
 * them defines them in brackets, or the office lists them in "abbreviations"; the issuer's own
 * name in the header defines its initials (KH701).
 */
export const WELL_KNOWN_ABBREVIATIONS = [
  'UBND', 'HĐND', 'MTTQ', 'TW', 'TU', 'HU', 'QU', 'ĐU', 'BCH', 'BTV', 'BCĐ', 'TNCS',
  'VT', 'VP', 'TM', 'KT', 'TL', 'TUQ', 'CP',
  ...DOCUMENT_TYPES.flatMap((type) => (type.code && type.code === type.code.toUpperCase() ? [type.code] : [])),
  'THCS', 'THPT', 'BHXH', 'BHYT', 'CNTT', 'PCCC', 'ATGT', 'GDĐT',
  'STT', 'VN', 'TP', 'TNHH', 'CTCP',
  'COVID', 'UNICEF', 'UNESCO', 'UNDP', 'ASEAN', 'WHO', 'WTO',
];