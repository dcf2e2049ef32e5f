// The basis ("Căn cứ …", "Thực hiện …") between the title and the first section.
import type { TextLine } from '../model.js';

/** "Căn cứ Luật …", "Thực hiện Kế hoạch số 12/KH-UBND …": a basis line with a document number in it. */
export function looksLikeBasis(line: TextLine): boolean {
  // (?=\s) rather than \b: \b does not see "ứ" as a word character.
  return /^(?:căn\s+cứ|thực\s+hiện|triển\s+khai|theo)(?=\s)/iu.test(line.nfc) && /\d+\s*[/-]\s*\d*\s*[\p{Lu}]/u.test(line.nfc);
}

/**
 * Under the title, "Thực hiện Chỉ thị số 20-CT/TW ..." may be the summary itself. It is the basis
 * when it reads like one: dated, ending with ";" or ",", or in italics as ND30 sets the basis.
 */
export function isBasisNotSummary(line: TextLine): boolean {
  return looksLikeBasis(line) && (/[;,]$/u.test(line.nfc) || /ngày\s+\d/iu.test(line.nfc) || (line.emphasized && !line.strong));
}
