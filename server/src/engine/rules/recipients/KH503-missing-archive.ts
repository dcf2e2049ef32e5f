import type { PlanModel, RecipientEntry } from '../../model.js';
import { defineRule } from '../../rule.js';
import { compareKey } from '../../text.js';
import type { Fix, Localized, TextEdit } from '../../types.js';
import { ENTRY_DASH, entryText } from './entry-text.js';

const ARCHIVE = /^(Lưu)(\s*)(:?)(\s*)(.*)$/iu;
/** The clerk's office, abbreviated as ND30 asks or written out. */
const CLERK = /^(?:vt|văn thư)(?:\s|$)/u;

export const missingArchive = defineRule({
  meta: {
    id: 'KH503',
    slug: 'missing-archive',
    area: 'recipients',
    defaultSeverity: 'warning',
    title: { vi: 'Thiếu dòng lưu văn bản', en: 'Missing archive entry' },
    description: {
      vi: 'Dòng cuối cùng của Nơi nhận là "Lưu: VT, <đơn vị soạn thảo>." (Nghị định 30/2020/NĐ-CP, Phụ lục I, mục II.9); văn bản Đảng ghi "Lưu Văn phòng <cấp ủy>.".',
      en: 'The last recipient line is "Lưu: VT, <drafting unit>." (Decree 30/2020/ND-CP, Annex I, II.9); Party documents write "Lưu Văn phòng <committee>.".',
    },
    fixes: ['safe'],
  },
  check({ model, profile, report }) {
    const entries = model.recipients?.entries ?? [];
    const last = entries[entries.length - 1];
    if (!last) return;
    // Party documents keep their copy at the committee's office: "Lưu Văn phòng Huyện ủy." (Hướng dẫn 36-HD/VPTW).
    const party = profile.name === 'dang';
    const archive = [...entries].reverse().find((entry) => entry.isArchive);
    if (!archive) {
      report({
        range: last.range,
        message: party
          ? { vi: 'Nơi nhận thiếu dòng lưu văn bản "- Lưu Văn phòng ..." ở cuối', en: 'The recipients lack the archive line "- Lưu Văn phòng ..." at the end' }
          : { vi: 'Nơi nhận thiếu dòng lưu văn bản "- Lưu: VT, ..." ở cuối', en: 'The recipients lack the archive line "- Lưu: VT, ..." at the end' },
        // Which committee's office keeps a Party plan is the author's to write.
        fix: party ? undefined : appendArchive(model, last),
      });
      return;
    }
    if (archive !== last) {
      report({
        range: archive.range,
        message: {
          vi: `Dòng "${archive.name}" phải là dòng cuối cùng của Nơi nhận`,
          en: `"${archive.name}" must be the last line of the recipients`,
        },
      });
    }
    const form = party ? undefined : archiveForm(model, archive);
    if (form) report({ range: archive.range, message: form.message, fix: { title: form.title, edits: [form.edit], safety: 'safe' } });
  },
});

/** "Lưu CDN." lacks the colon and the clerk; "Lưu VT." the colon; "Lưu: CTTT." the clerk. */
function archiveForm(model: PlanModel, archive: RecipientEntry): { message: Localized; title: Localized; edit: TextEdit } | undefined {
  const dash = ENTRY_DASH.exec(archive.text)?.[0].length ?? 0;
  const parts = ARCHIVE.exec(archive.text.slice(dash));
  if (!parts) return undefined;
  const [, word, space, colon, , rest] = parts;
  const restKey = compareKey(rest!);
  const hasClerk = CLERK.test(restKey);
  if (colon && hasClerk) return undefined;
  const { at } = entryText(model, archive);
  const afterWord = dash + word!.length;
  if (hasClerk) {
    return {
      message: { vi: `Thiếu dấu hai chấm sau "Lưu" trong "${archive.name}"`, en: `Missing the colon after "Lưu" in "${archive.name}"` },
      title: { vi: 'Thêm dấu hai chấm sau "Lưu"', en: 'Add the colon after "Lưu"' },
      edit: { range: at(afterWord), newText: space ? ':' : ': ' },
    };
  }
  const message = colon
    ? { vi: `Dòng lưu "${archive.name}" thiếu "VT" (Văn thư) ngay sau "Lưu:"`, en: `The archive line "${archive.name}" lacks "VT" (the clerk's office) right after "Lưu:"` }
    : {
        vi: `Dòng lưu "${archive.name}" thiếu dấu hai chấm và "VT" (Văn thư): cần ghi "Lưu: VT, ..."`,
        en: `The archive line "${archive.name}" lacks the colon and "VT" (the clerk's office): write "Lưu: VT, ..."`,
      };
  const title = { vi: 'Thêm "VT" vào dòng lưu', en: 'Add "VT" to the archive line' };
  const restStart = archive.text.length - rest!.length;
  if (colon) {
    // "Lưu: CTTT." -> "Lưu: VT, CTTT."; "Lưu:" -> "Lưu: VT".
    return restKey
      ? { message, title, edit: { range: at(restStart), newText: 'VT, ' } }
      : { message, title, edit: { range: at(afterWord + space!.length + 1), newText: ' VT' } };
  }
  // "Lưu CDN." -> "Lưu: VT, CDN."; "Lưu." -> "Lưu: VT.".
  const newText = restKey ? (space ? ': VT,' : ': VT, ') : ': VT';
  return { message, title, edit: { range: at(afterWord), newText } };
}

/** A new last line "- Lưu: VT." written the way the list around it is written. */
function appendArchive(model: PlanModel, last: RecipientEntry): Fix {
  const title = { vi: 'Thêm dòng "- Lưu: VT."', en: 'Add the line "- Lưu: VT."' };
  const { line, from, at } = entryText(model, last);
  const dash = ENTRY_DASH.exec(last.text)?.[0] ?? '- ';
  if (line.kind === 'tableCell') {
    // A table cell holds its lines together with <br>.
    return { title, edits: [{ range: at(last.text.length), newText: `<br>${dash}Lưu: VT.` }], safety: 'safe' };
  }
  const source = model.index.text;
  const endLine = at(last.text.length).end.line;
  const lineStart = model.index.lineStarts[endLine]!;
  const lineEnd = model.index.lineEnd(endLine);
  const nameStart = model.index.offsetAt(at(last.hasDash ? ENTRY_DASH.exec(last.text)![0].length : 0).start);
  // Repeat what precedes the entry on its line (indentation, "> ", an escaped dash), else a plain dash.
  let prefix = from === 0 ? source.slice(lineStart, nameStart) : '';
  if (!/^[\s>]*(?:\\?[-+•–*]\s*)?$/u.test(prefix)) prefix = '';
  if (!/[-+•–*]/u.test(prefix)) prefix += dash;
  // Lines of one paragraph joined by hard breaks keep that form.
  const previous = endLine > 0 ? model.index.lineText(endLine - 1) : '';
  const hardBreak = line.kind === 'paragraph' && !line.firstInBlock ? (/ {2,}$/u.exec(previous)?.[0] ?? (previous.endsWith('\\') ? '\\' : '')) : '';
  const end = model.index.positionAt(lineEnd);
  return { title, edits: [{ range: { start: end, end }, newText: `${hardBreak}${model.index.lineBreak(endLine)}${prefix}Lưu: VT.` }], safety: 'safe' };
}
