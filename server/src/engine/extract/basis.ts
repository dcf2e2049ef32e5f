// The basis ("Căn cứ …", "Thực hiện …") between the title and the first section.
import type { TextLine } from '../model.js';
import { isUpperCaseText } from '../text.js';

/** "Căn cứ Luật …", "Thực hiện Kế hoạch số 12/KH-UBND …": a basis line with a document number in it. */
export function looksLikeBasis(line: TextLine): boolean {
  // (?=\s) rather than \b: \b does not see "ứ" as a word character.
  return /^(?:căn\s+cứ|thực\s+hiện|triển\s+khai|theo)(?=\s)/iu.test(line.nfc) && /\d+\s*[/-]\s*\d*\s*[\p{Lu}]/u.test(line.nfc);
}

/**
 * Under the title, "Thực hiện Chỉ thị số 20-CT/TW ngày …" may be the summary itself. It is the basis
 * when it reads like one: "Căn cứ …", ending with ";" or ",", or in italics as ND30 sets the basis.
 */
export function isBasisNotSummary(line: TextLine): boolean {
  // A summary in capitals ("THỰC HIỆN CHỈ THỊ SỐ 19/CT-TTG NGÀY 16 THÁNG 7 NĂM 2021") is never the basis.
  if (!looksLikeBasis(line) || isUpperCaseText(line.nfc, 0.05)) return false;
  return /^căn\s+cứ/iu.test(line.nfc) || /[;,]$/u.test(line.nfc) || (line.emphasized && !line.strong);
}
