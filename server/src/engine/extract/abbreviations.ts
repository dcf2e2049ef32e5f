// Abbreviations defined in brackets ("Công đoàn cơ sở (CĐCS)") and used in the text.
import type { AbbreviationDefinition, AbbreviationUse, Citation, PlanModel } from '../model.js';
import { isUpperCaseText, romanToNumber } from '../text.js';
import { type PlanLines, partOf, within } from './lines.js';

const ABBREVIATION = String.raw`[\p{Lu}][\p{Lu}&\-]*[\p{Lu}]`;
/** Between two abbreviations defined in one bracket: "phổ cập giáo dục, xóa mù chữ (PCGD XMC)". */
const JOINT = String.raw`\s*[,;/]\s*|\s+(?:và\s+)?`;
const DEFINITION = new RegExp(String.raw`\(\s*(${ABBREVIATION}(?:(?:${JOINT})${ABBREVIATION})*)\s*\)`, 'gu');
const EACH_DEFINED = new RegExp(ABBREVIATION, 'gu');
const USE = /(?<![\p{L}\p{N}/&-])([\p{Lu}][\p{Lu}&]*[\p{Lu}](?:-[\p{Lu}]+)*)(?![\p{L}\p{N}&])/gu;

/** Definitions and uses in TextLines [start, end); codes inside a citation's symbol are not uses. */
export function readAbbreviations(plan: PlanLines, start: number, end: number, citations: readonly Citation[]): PlanModel['abbreviations'] {
  const definitions: AbbreviationDefinition[] = [];
  const uses: AbbreviationUse[] = [];
  const symbolLines = new Map<number, Citation[]>();
  for (const citation of citations) {
    const list = symbolLines.get(citation.textLine) ?? [];
    list.push(citation);
    symbolLines.set(citation.textLine, list);
  }
  for (let i = start; i < end; i++) {
    const line = plan.lines[i]!;
    // Definitions and uses both need two capitals in a row; most lines have none.
    if (line.kind === 'html' || !/\p{Lu}\p{Lu}/u.test(line.nfc) || isUpperCaseText(line.nfc, 0.3)) continue;
    for (const m of line.nfc.matchAll(DEFINITION)) {
      const inside = m.index! + m[0].indexOf(m[1]!);
      for (const each of m[1]!.matchAll(EACH_DEFINED)) {
        const at = inside + each.index!;
        definitions.push({ abbreviation: each[0], textLine: i, ...partOf(plan, line, at, at + each[0].length) });
      }
    }
    const lineCitations = symbolLines.get(i) ?? [];
    // "TẾT TRUNG THU": the words of an upper-case Vietnamese phrase are words even without tone marks.
    const phrases = [...line.nfc.matchAll(/\p{Lu}+(?:[ \t]+\p{Lu}+)+/gu)].filter((p) => /[^A-ZĐ\s]/u.test(p[0]));
    for (const m of line.nfc.matchAll(USE)) {
      const token = m[1]!;
      if (!Number.isNaN(romanToNumber(token))) continue;
      // Only ASCII letters and Đ: upper-case Vietnamese words with tone marks are words, not abbreviations.
      if (/[^A-ZĐ&-]/u.test(token)) continue;
      if (phrases.some((p) => m.index! >= p.index! && m.index! < p.index! + p[0].length)) continue;
      const part = partOf(plan, line, m.index!, m.index! + token.length);
      if (lineCitations.some((c) => within(part.range, c.symbolRange))) continue;
      uses.push({ abbreviation: token, textLine: i, ...part });
    }
  }
  return { definitions, uses };
}
