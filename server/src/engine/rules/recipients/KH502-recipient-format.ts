import type { PlanModel, RecipientEntry } from '../../model.js';
import { defineRule } from '../../rule.js';
import type { TextEdit } from '../../types.js';
import { ENTRY_DASH, entryText } from './entry-text.js';

/** A terminator written before the bracketed notes: "- Các CĐCS; (để thực hiện)". */
const TERMINATOR_BEFORE_NOTES = /([;.,:])(\s*)((?:\([^()]*\)\s*)+)$/u;
/** Numbered entries ("1. Sở GDĐT;") get no dash from the fix: it would nest a list inside a list. */
const NUMBERED = /^\d+[.)]\s/u;

export const recipientFormat = defineRule({
  meta: {
    id: 'KH502',
    slug: 'recipient-format',
    area: 'recipients',
    defaultSeverity: 'warning',
    title: { vi: 'Sai dấu câu ở nơi nhận', en: 'Recipient entry punctuation' },
    description: {
      vi: 'Mỗi nơi nhận trên một dòng riêng, đầu dòng có gạch đầu dòng (-), cuối dòng có dấu chấm phẩy (;), dòng cuối cùng kết thúc bằng dấu chấm (.) (Nghị định 30/2020/NĐ-CP, Phụ lục I, mục II.9). Văn bản Đảng kết thúc mỗi dòng bằng dấu phẩy (,).',
      en: 'Each recipient goes on its own line starting with a dash (-) and ending with a semicolon (;); the last line ends with a full stop (.) (Decree 30/2020/ND-CP, Annex I, II.9). Party documents end each line with a comma (,).',
    },
    fixes: ['safe'],
  },
  check({ model, profile, report }) {
    const entries = model.recipients?.entries ?? [];
    // Party documents (Hướng dẫn 36-HD/VPTW) separate recipients with commas.
    const separator = profile.name === 'dang' ? ',' : ';';
    const dash = dashStyle(model, entries);
    entries.forEach((entry, i) => {
      const last = i === entries.length - 1;
      const found = problemsOf(model, entry, last ? '.' : separator, dash);
      if (found.vi.length === 0) return;
      report({
        range: entry.range,
        message: {
          vi: `Nơi nhận "${entry.name}": ${found.vi.join('; ')}`,
          en: `Recipient "${entry.name}": ${found.en.join('; ')}`,
        },
        fix: found.edits.length > 0 ? { title: { vi: 'Sửa dấu câu của dòng nơi nhận', en: 'Fix the punctuation of the recipient entry' }, edits: found.edits, safety: 'safe' } : undefined,
      });
    });
  },
});

const PUNCTUATION_NAMES = {
  ';': { vi: 'dấu chấm phẩy (;)', en: 'a semicolon (;)' },
  ',': { vi: 'dấu phẩy (,)', en: 'a comma (,)' },
  '.': { vi: 'dấu chấm (.)', en: 'a full stop (.)' },
};

/**
 * The dash the other entries use. Outside Markdown lists it is written "\\- " (or "– ") so that it
 * stays text; a plain "- " there would turn the line into a list item.
 */
function dashStyle(model: PlanModel, entries: readonly RecipientEntry[]): string {
  for (const entry of entries) {
    const { line, at } = entryText(model, entry);
    const dash = ENTRY_DASH.exec(entry.text)?.[0];
    if (!dash || line.kind === 'listItem') continue;
    const escaped = model.index.text[model.index.offsetAt(at(0).start) - 1] === '\\';
    return `${escaped ? '\\' : ''}${dash.trimEnd()} `;
  }
  return '- ';
}

function problemsOf(model: PlanModel, entry: RecipientEntry, expected: keyof typeof PUNCTUATION_NAMES, dash: string): { vi: string[]; en: string[]; edits: TextEdit[] } {
  const text = entry.text;
  const { at } = entryText(model, entry);
  const vi: string[] = [];
  const en: string[] = [];
  const edits: TextEdit[] = [];
  const { vi: expectedVi, en: expectedEn } = PUNCTUATION_NAMES[expected];

  if (!entry.hasDash) {
    vi.push('thiếu gạch đầu dòng (-)');
    en.push('no leading dash (-)');
    if (!NUMBERED.test(text)) edits.push({ range: at(0), newText: dash });
  }

  const misplaced = TERMINATOR_BEFORE_NOTES.exec(text);
  if (misplaced) {
    const [, mark, space, notes] = misplaced;
    const markAt = misplaced.index;
    vi.push(`dấu "${mark}" đặt trước ghi chú "${notes!.trim()}", cần đặt ${expectedVi} sau ghi chú`);
    en.push(`"${mark}" stands before the note "${notes!.trim()}"; put ${expectedEn} after the note`);
    // The mark goes; a space keeps the name apart from the note when none followed the mark.
    edits.push({ range: at(markAt, markAt + 1), newText: space ? '' : ' ' });
    edits.push({ range: at(text.length), newText: expected });
  } else {
    const terminator = /(?:\.\.\.|…)$/u.test(text) ? '' : entry.terminator;
    if (terminator === '') {
      vi.push(`thiếu ${expectedVi} ở cuối dòng`);
      en.push(`missing ${expectedEn} at the end`);
      edits.push({ range: at(text.length), newText: expected });
    } else if (terminator !== expected && !(expected === '.' && terminator === './.')) {
      vi.push(`kết thúc bằng "${terminator}" thay vì ${expectedVi}${expected === '.' ? ' của dòng cuối' : ''}`);
      en.push(`ends with "${terminator}" instead of ${expectedEn}${expected === '.' ? ' on the last line' : ''}`);
      edits.push({ range: at(text.length - terminator.length, text.length), newText: expected });
    }
  }

  if (entry.name.includes(';')) {
    vi.push('ghi nhiều nơi nhận trên một dòng, mỗi cơ quan hoặc nhóm cần một dòng riêng');
    en.push('several recipients share one line; each agency or group needs its own line');
  }
  return { vi, en, edits };
}
