import { defineRule } from '../../rule.js';
import type { TextEdit } from '../../types.js';

/** One character with the combining marks after it. */
const CLUSTER = /\P{M}\p{M}*/gu;
const WORD = /[\p{L}\p{M}\p{N}]/u;

export const unicodeNormalization = defineRule({
  meta: {
    id: 'KH702',
    slug: 'unicode-normalization',
    area: 'text',
    defaultSeverity: 'warning',
    title: { vi: 'Chữ không ở dạng Unicode dựng sẵn (NFC)', en: 'Text not in Unicode NFC' },
    description: {
      vi: 'Văn bản dùng bộ mã Unicode theo TCVN 6909:2001 (Nghị định 30/2020/NĐ-CP, Phụ lục I, mục I.4). Chữ dán từ một số phần mềm cũ ở dạng tổ hợp (NFD): trông giống hệt nhưng tìm kiếm, so sánh và sắp xếp sai. Sửa nhanh đổi sang dạng dựng sẵn (NFC), chữ giữ nguyên.',
      en: 'Documents use Unicode per TCVN 6909:2001 (Decree 30/2020/ND-CP, Annex I, I.4). Text pasted from some old tools is decomposed (NFD): it looks the same but searching, comparing and sorting fail. The quick fix recomposes it (NFC); the words stay the same.',
    },
    fixes: ['safe'],
  },
  check({ model, report }) {
    const { index } = model;
    for (let line = 0; line < index.lineCount; line++) {
      const text = index.lineText(line);
      if (text.normalize('NFC') === text) continue;
      const runs: Array<{ start: number; end: number }> = [];
      for (const m of text.matchAll(CLUSTER)) {
        if (m[0].normalize('NFC') === m[0]) continue;
        const start = m.index!;
        const previous = runs[runs.length - 1];
        if (previous && previous.end === start) previous.end = start + m[0].length;
        else runs.push({ start, end: start + m[0].length });
      }
      if (runs.length === 0) continue;
      const words = new Set(runs.map((run) => wordAround(text, run.start).start));
      const first = wordAround(text, runs[0]!.start);
      const last = wordAround(text, runs[runs.length - 1]!.start);
      const word = text.slice(first.start, first.end).normalize('NFC');
      const more = words.size - 1;
      const lineStart = index.lineStarts[line]!;
      const edits: TextEdit[] = runs.map((run) => ({
        range: index.range(lineStart + run.start, lineStart + run.end),
        newText: text.slice(run.start, run.end).normalize('NFC'),
      }));
      report({
        range: index.range(lineStart + first.start, lineStart + last.end),
        message: {
          vi: `Chữ "${word}"${more > 0 ? ` và ${more} chữ khác trên dòng` : ''} không ở dạng Unicode dựng sẵn (NFC)`,
          en: `"${word}"${more > 0 ? ` and ${more} more word${more > 1 ? 's' : ''} on the line` : ''} ${more > 0 ? 'are' : 'is'} not in Unicode NFC`,
        },
        fix: { title: { vi: 'Chuyển sang Unicode dựng sẵn (NFC)', en: 'Normalise to Unicode NFC' }, edits, safety: 'safe' },
      });
    }
  },
});

/** The word (letters, marks, digits) around a position. */
function wordAround(text: string, at: number): { start: number; end: number } {
  let start = at;
  let end = at;
  while (start > 0 && WORD.test(text[start - 1]!)) start--;
  while (end < text.length && WORD.test(text[end]!)) end++;
  return { start, end };
}
