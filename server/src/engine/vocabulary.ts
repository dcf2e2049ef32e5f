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

/** Titles of deputies: a "KT." signature is signed by one of them. */
export const DEPUTY_TITLE = /^PHÓ\b/u;

export const ACADEMIC_TITLES = /^(GS|PGS|TS|ThS|TSKH|BS|KS|CN|NGND|NGƯT|NSND|NSƯT|Thạc sĩ|Tiến sĩ|Giáo sư|Phó giáo sư|Bác sĩ|Kỹ sư|Cử nhân)\b\.?/u;

/** Abbreviations any Vietnamese civil-service reader knows; KH701 does not ask for their definition. */
export const WELL_KNOWN_ABBREVIATIONS = [
  'UBND', 'HĐND', 'MTTQ', 'TW', 'TU', 'HU', 'QU', 'ĐU', 'BCH', 'BTV', 'BCĐ', 'VT', 'VP',
  'GDĐT', 'GD&ĐT', 'SGDĐT', 'PGDĐT', 'LĐLĐ', 'LĐTBXH', 'LĐ-TB&XH', 'CĐCS', 'CĐ', 'CNVCLĐ', 'CBCCVC', 'CBGVNV',
  'THCS', 'THPT', 'TH', 'MN', 'MG', 'GDTX', 'GDNN', 'CNTT', 'ATGT', 'PCCC', 'BHXH', 'BHYT',
  'CB', 'GV', 'NV', 'HS', 'SV', 'TP', 'TX', 'TT', 'KT', 'TM', 'TL', 'TUQ',
  'CP', 'TTG', 'QĐ', 'NĐ', 'KH', 'CT', 'NQ', 'HD', 'TB', 'BC', 'ĐTN', 'TNCS', 'HLHPN', 'HCCB', 'HND',
  'COVID', 'UNICEF', 'ASEAN', 'WHO', 'VN', 'STT', 'ĐT', 'TNHH', 'CTCP',
];
