// The printed form of a plan, from Nghị định 30/2020/NĐ-CP Phụ lục I: page, margins, font and the
// type of every element. The HTML preview and the .docx export both read these numbers, so the
// two can only differ where the media differ.

/** A4 portrait; margins inside the ranges of Phụ lục I, I.3 (top/bottom 20-25, left 30-35, right 15-20 mm). */
export const PAGE = {
  widthMm: 210,
  heightMm: 297,
  marginMm: { top: 20, bottom: 20, left: 30, right: 15 },
} as const;

/** Width of the text area. */
export const TEXT_WIDTH_MM = PAGE.widthMm - PAGE.marginMm.left - PAGE.marginMm.right;

/** "Số trang văn bản … cỡ chữ 13 đến 14, kiểu chữ đứng … canh giữa … trong phần lề trên … không hiển thị số trang thứ nhất" (I.7). */
export const PAGE_NUMBER_PT = 13;

/** Times New Roman (Phụ lục I, I.4); the others share its metrics or its look where it is not installed. */
export const FONT_FAMILY = 'Times New Roman';
export const FONT_FALLBACKS = ['Liberation Serif', 'Tinos', 'Noto Serif', 'serif'] as const;

/** "Khi xuống dòng, chữ đầu dòng lùi vào 1 cm hoặc 1,27 cm" (II.6.e). */
export const FIRST_LINE_INDENT_MM = 10;
/** "Khoảng cách giữa các đoạn văn tối thiểu là 6pt; giữa các dòng từ dòng đơn đến 1,5 lines" (II.6.e). */
export const PARAGRAPH_SPACING_PT = 6;
export const BODY_LINE_SPACING = 1.15;

/** The two header columns: agency and number left, motto and date right (Phụ lục I, IV). */
export const HEADER_COLUMNS_MM = { left: 66, right: TEXT_WIDTH_MM - 66 } as const;
/** The closing columns: recipients left, signature right. */
export const CLOSING_COLUMNS_MM = { left: 82, right: TEXT_WIDTH_MM - 82 } as const;
/** Room left between the signer's title and name for the signature and the seal. */
export const SIGNATURE_GAP_PT = 64;

/** Every kind of printed line the layout produces. */
export type Role =
  | 'parentAgency'
  | 'agency'
  | 'partyStar'
  | 'number'
  | 'motto'
  | 'tagline'
  | 'partyHeader'
  | 'placeDate'
  | 'headerNote'
  | 'title'
  | 'summary'
  | 'body'
  | 'section'
  | 'item'
  | 'point'
  | 'tableCell'
  | 'raw'
  | 'recipientsHeading'
  | 'recipient'
  | 'signAuthority'
  | 'signTitle'
  | 'signName'
  | 'signNote';

export type Alignment = 'left' | 'center' | 'justify';

export interface RoleStyle {
  /** Font size in points. */
  size: number;
  bold?: boolean;
  italic?: boolean;
  /** Printed in capitals whatever the draft's case. */
  upper?: boolean;
  align: Alignment;
  /** First-line indent of body paragraphs. */
  indent?: boolean;
  /** Source text shown as it is, in a fixed-width font (raw HTML of the draft). */
  mono?: boolean;
}

// Sizes follow the "Cỡ chữ" example column of Phụ lục I, V; each lies inside the range the decree allows.
export const ROLE_STYLES: Record<Role, RoleStyle> = {
  // Tên cơ quan chủ quản: in hoa, 12-13, đứng. Tên cơ quan ban hành: in hoa, 12-13, đứng, đậm.
  parentAgency: { size: 12, upper: true, align: 'center' },
  agency: { size: 12, bold: true, upper: true, align: 'center' },
  // Party documents (Hướng dẫn 36-HD/VPTW) put a star under the issuing committee.
  partyStar: { size: 12, align: 'center' },
  // Số, ký hiệu: 13, đứng.
  number: { size: 13, align: 'center' },
  // Quốc hiệu: in hoa, 12-13, đứng, đậm. Tiêu ngữ: 13-14, đứng, đậm.
  motto: { size: 12, bold: true, upper: true, align: 'center' },
  tagline: { size: 13, bold: true, align: 'center' },
  // "ĐẢNG CỘNG SẢN VIỆT NAM": in hoa, 15, đứng, đậm (Hướng dẫn 36-HD/VPTW).
  partyHeader: { size: 15, bold: true, upper: true, align: 'center' },
  // Địa danh và thời gian: 13-14, nghiêng.
  placeDate: { size: 13, italic: true, align: 'center' },
  headerNote: { size: 13, align: 'center' },
  // Tên loại: in hoa, 13-14, đứng, đậm. Trích yếu: 13-14, đứng, đậm.
  title: { size: 14, bold: true, upper: true, align: 'center' },
  summary: { size: 14, bold: true, align: 'center' },
  // Nội dung: 13-14, canh đều, lùi đầu dòng.
  body: { size: 14, align: 'justify', indent: true },
  // Số thứ tự và tiêu đề của mục: in hoa, 13-14, đứng, đậm.
  section: { size: 14, bold: true, upper: true, align: 'justify', indent: true },
  // Khoản có tiêu đề: in thường, đậm.
  item: { size: 14, bold: true, align: 'justify', indent: true },
  point: { size: 14, italic: true, align: 'justify', indent: true },
  tableCell: { size: 13, align: 'left' },
  raw: { size: 11, align: 'left', mono: true },
  // "Nơi nhận": 12, nghiêng, đậm. Tên nơi nhận: 11, đứng.
  recipientsHeading: { size: 12, bold: true, italic: true, align: 'left' },
  recipient: { size: 11, align: 'left' },
  // Quyền hạn, chức vụ: in hoa, 13-14, đứng, đậm. Họ tên: 13-14, đứng, đậm.
  signAuthority: { size: 14, bold: true, upper: true, align: 'center' },
  signTitle: { size: 14, bold: true, upper: true, align: 'center' },
  signName: { size: 14, bold: true, align: 'center' },
  signNote: { size: 14, italic: true, align: 'center' },
};

/**
 * The width of a line of Times New Roman, near enough to draw the rule under the tagline or the
 * Party header as long as the text (the .docx cannot measure text). Advances in ems, measured on
 * LibreOffice renderings of Vietnamese text: capitals are wider, spaces and dashes narrower.
 */
export function estimatedWidthPt(text: string, sizePt: number, bold = false): number {
  let ems = 0;
  for (const ch of text) {
    if (/\s/u.test(ch)) ems += 0.25;
    else if (/\p{Lu}/u.test(ch)) ems += bold ? 0.68 : 0.64;
    else if (/[\p{Ll}\p{N}]/u.test(ch)) ems += bold ? 0.52 : 0.48;
    else ems += 0.33;
  }
  return ems * sizePt;
}

export const MM_PER_PT = 25.4 / 72;
