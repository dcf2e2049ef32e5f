// Lines as clerks paste them, put back in the shape the recognisers read. A header copied from a
// web page or Word loses its table: its two columns arrive as "a | b |" rows without a separator
// row, or typed on one line ("PHÒNG GD&ĐT … Số: 12/KH-… CỘNG HÒA … Hà Nội, ngày …"), or wrapped
// ("CỘNG HÒA XÃ HỘI" / "CHỦ NGHĨA VIỆT NAM"). Both readings (Markdown parse and scanner) pass their
// lines through here, so each part is then read once, in its place.
import type { TextLine } from '../model.js';
import { isUpperCaseText } from '../text.js';
import { headerWordsOf } from './decorations.js';
import { NAME_LINE, SIGNING_PREFIX } from './signing.js';

/** How far down a header is looked for. */
const HEADER_ZONE = 40;
/** Tables made here are numbered from here, apart from the parser's. */
const PASTED_TABLES = 1_000_000;

/** A row of cells pasted without a table: "a | b |", "| a | b", "Số: 335/KH-UBND |". */
const PIPE_ROW = /^\||\|$|\s\|\s/u;
/** Where a header part starts inside a longer line. */
const HEADER_ANCHORS = [
  /CỘNG\s+H(?:OÀ|ÒA)\s+XÃ\s+HỘI\s+CHỦ\s+NGHĨA\s+VIỆT\s+NAM/gu,
  /Độc\s+lập\s*[-–—]\s*Tự\s+do\s*[-–—]\s*Hạnh\s+phúc/giu,
  /ĐẢNG\s+CỘNG\s+SẢN\s+VIỆT\s+NAM/gu,
  /ĐOÀN\s+TNCS\s+HỒ\s+CHÍ\s+MINH|ĐỘI\s+TNTP\s+HỒ\s+CHÍ\s+MINH/gu,
  /(?<=^|\s)Số\s*[:.]?\s*(?=[\d.…_ /])/gu,
  /(?<=^|\s)KẾ\s+HOẠCH(?=$|\s)/gu,
  // The basis typed on after the title: "… NGOẠI KHÓA THÁNG 11/2017 Căn cứ nhiệm vụ năm học …".
  /(?<=\S\s+)(?:Căn\s+cứ|Thực\s+hiện)\s/gu,
];
/** Columns typed apart with spaces: "BAN CHẤP HÀNH TRUNG ƯƠNG        ĐOÀN TNCS HỒ CHÍ MINH". */
const COLUMN_GAP = /\S(\s{3,}|\t+)(?=\p{Lu})/gu;
/** ", ngày" after a place name: the place-date starts at the place. */
const DATE_WORD = /,\s*ngày(?=\s+(?:\d|tháng\b|[.…_])|\s*$)/gu;
/** How far from the end a closing typed on one line is looked for. */
const CLOSING_ZONE = 40;
/** "Nơi nhận: - A; - B;": an entry starts after the colon or a semicolon. */
const INLINE_ENTRY = /(?<=[:;])\s*(?=[-+•]\s)/gu;
/** Inside a signing block on one line: a later prefix, or the signer's own title ("… PHÓ CHỦ TỊCH"). */
const SIGNING_CUT = /(?<=\S)\s+(?=(?:TM|KT|TL|TUQ|T\/M|K\/T|T\/L)\.?\s|PHÓ\s+\p{Lu})/gu;
/** A bare agency type whose place the next line gives: "ỦY BAN NHÂN DÂN" / "TỈNH NINH BÌNH". */
const BARE_AGENCY = /^(?:ỦY|UỶ)\s+BAN\s+NHÂN\s+DÂN$|^HỘI\s+ĐỒNG\s+NHÂN\s+DÂN$/u;
const PLACE_LEVEL = /^(?:TỈNH|THÀNH\s+PHỐ|HUYỆN|QUẬN|THỊ\s+XÃ|XÃ|PHƯỜNG|THỊ\s+TRẤN)\s/u;

export function unpasteLines(lines: readonly TextLine[]): TextLine[] {
  const result: TextLine[] = [];
  let pastedTables = 0;
  let header = true;
  let headerEnd = 0;
  for (const line of lines) {
    if (header && (result.length >= HEADER_ZONE || /^[IVX]+\s*[.)–-]\s*\p{Lu}/u.test(line.nfc) || /^[-+•*]?\s*(?:căn\s+cứ|thực\s+hiện|triển\s+khai)\s/iu.test(line.nfc))) {
      header = false;
      headerEnd = result.length;
    }
    if (line.kind !== 'paragraph' || !line.nfc.includes('|') || !PIPE_ROW.test(line.nfc)) {
      result.push(...(header ? headerPieces(line) : [line]));
      continue;
    }
    const table = PASTED_TABLES + pastedTables;
    const previous = result[result.length - 1];
    // Consecutive pipe rows of one paragraph are one table.
    const row = previous?.table?.table === table - 1 && previous.block === line.block ? previous.table.row + 1 : 0;
    if (row === 0) pastedTables++;
    const tableId = row === 0 ? table : table - 1;
    cellsOf(line).forEach((cell, column) => {
      const piece: TextLine = { ...cell, kind: 'tableCell', firstInBlock: true, table: { table: tableId, row, column } };
      result.push(...(header ? headerPieces(piece) : [piece]));
    });
  }
  joinWrapped(result, header ? result.length : headerEnd);
  const closing = Math.max(0, result.length - CLOSING_ZONE);
  for (let i = result.length - 1; i >= closing; i--) {
    const pieces = closingPieces(result[i]!);
    if (pieces.length > 1) result.splice(i, 1, ...pieces);
  }
  result.forEach((line, index) => (line.index = index));
  return result;
}

/** The cells of a pasted row, split at its pipes, trimmed; empty cells dropped. */
function cellsOf(line: TextLine): TextLine[] {
  const cells: TextLine[] = [];
  let start = 0;
  for (let i = 0; i <= line.nfc.length; i++) {
    if (i < line.nfc.length && (line.nfc[i] !== '|' || line.nfc[i - 1] === '\\')) continue;
    const cell = sliceLine(line, start, i);
    if (cell) cells.push(cell);
    start = i + 1;
  }
  return cells;
}

/** A header line holding several parts, split before each; other lines as they are. */
function headerPieces(line: TextLine): TextLine[] {
  const text = line.nfc;
  if (text.length < 12) return [line];
  const cuts = new Set<number>();
  for (const anchor of HEADER_ANCHORS) {
    anchor.lastIndex = 0;
    for (const m of text.matchAll(anchor)) if (m.index! > 0) cuts.add(m.index!);
  }
  for (const m of text.matchAll(COLUMN_GAP)) cuts.add(m.index! + 1 + m[1]!.length);
  for (const m of text.matchAll(DATE_WORD)) {
    const place = placeStart(text, m.index!);
    if (place !== undefined && place > 0) cuts.add(place);
  }
  if (cuts.size === 0) return [line];
  const points = [0, ...[...cuts].sort((a, b) => a - b), text.length];
  const pieces: TextLine[] = [];
  for (let k = 0; k + 1 < points.length; k++) {
    const piece = sliceLine(line, points[k]!, points[k + 1]!);
    if (piece) pieces.push({ ...piece, firstInBlock: line.firstInBlock && pieces.length === 0 });
  }
  return pieces;
}

/**
 * A closing typed on one line (or in one cell), split as it is written on paper: "Nơi nhận: - A;
 * - Lưu: VT." into the heading and its entries; "TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH PHÓ CHỦ TỊCH
 * Phạm Văn A" into prefix and authority, prefix and title, title, name.
 */
function closingPieces(line: TextLine): TextLine[] {
  const text = line.nfc;
  if (line.kind === 'html' || text.length < 16) return [line];
  const cuts: number[] = [];
  if (/^nơi\s+nhận\s*:/iu.test(text)) {
    for (const m of text.matchAll(INLINE_ENTRY)) cuts.push(m.index! + m[0].length);
  } else if (SIGNING_PREFIX.test(text) || /^\p{Lu}+(?:\s+\p{Lu}+)+\s+\p{Lu}\p{Ll}/u.test(text)) {
    for (const m of text.matchAll(SIGNING_CUT)) cuts.push(m.index! + m[0].length);
    // The signer's name closes the block: the capitalised words after the upper-case titles.
    const name = /(?<=\p{Lu}\s+)(\p{Lu}\p{Ll}+(?:\s+\p{Lu}\p{Ll}*)+)$/u.exec(text);
    if (name && NAME_LINE.test(name[1]!)) cuts.push(name.index);
  }
  if (cuts.length === 0) return [line];
  const points = [0, ...new Set(cuts.sort((a, b) => a - b)), text.length];
  const pieces: TextLine[] = [];
  for (let k = 0; k + 1 < points.length; k++) {
    const piece = sliceLine(line, points[k]!, points[k + 1]!);
    if (piece) pieces.push({ ...piece, firstInBlock: line.firstInBlock && pieces.length === 0 });
  }
  return pieces;
}

/**
 * Where the place name before ", ngày" starts: the capitalised words just before it
 * ("Điện Biên Phủ", "TP. Hồ Chí Minh"); undefined when there are none (a sentence's "ngày").
 */
function placeStart(text: string, dateWord: number): number | undefined {
  const before = text.slice(0, dateWord);
  const words = /(?:(?:^|\s)(?:TP\.|\p{Lu}[\p{L}.]*|\d{1,2}))+$/u.exec(before);
  if (!words) return undefined;
  const start = words.index + (words[0].length - words[0].trimStart().length);
  // A number's symbol ends right before the place: "Số: 12/KH-UBND Hà Nội, ngày …".
  return /^\p{Lu}/u.test(text.slice(start)) ? start : undefined;
}

/** Joins a header part wrapped over two lines (of one paragraph, or one column of a pasted table). */
function joinWrapped(lines: TextLine[], headerEnd: number): void {
  for (let i = 0; i + 1 < Math.min(lines.length, headerEnd); i++) {
    const a = lines[i]!;
    const j = nextInColumn(lines, i);
    if (j === undefined) continue;
    const b = lines[j]!;
    const joined = `${a.nfc} ${b.nfc}`;
    const wrapped =
      (!headerWordsOf(a.nfc) && headerWordsOf(joined) !== undefined) ||
      (/,?\s*ngày$/u.test(a.nfc) && /^(?:\d{1,2}\s+tháng|tháng)\s/u.test(b.nfc)) ||
      (BARE_AGENCY.test(a.nfc) && PLACE_LEVEL.test(b.nfc) && isUpperCaseText(b.nfc, 0.05));
    if (!wrapped) continue;
    lines[i] = joinLines(a, b);
    lines.splice(j, 1);
    headerEnd--;
  }
}

/** The line that continues line i: the next one of its paragraph, or the next cell below it in its pasted column. */
function nextInColumn(lines: readonly TextLine[], i: number): number | undefined {
  const a = lines[i]!;
  for (let j = i + 1; j < lines.length && j <= i + 4; j++) {
    const b = lines[j]!;
    if (a.table) {
      if (b.table?.table === a.table.table && b.table.column === a.table.column) return b.table.row === a.table.row + 1 || b.block === a.block ? j : undefined;
      if (b.table?.table !== a.table.table) return undefined;
      continue;
    }
    return b.block === a.block && !b.table ? j : undefined;
  }
  return undefined;
}

/** Characters [start, end) of a line's NFC text as a line of its own, trimmed; undefined when blank. */
function sliceLine(line: TextLine, start: number, end: number): TextLine | undefined {
  const text = line.nfc;
  while (start < end && /\s/u.test(text[start]!)) start++;
  while (end > start && /\s/u.test(text[end - 1]!)) end--;
  if (start === end) return undefined;
  const offsets = new Int32Array(end - start + 1);
  const sourceIndex = (i: number): number => (line.nfcMap ? line.nfcMap[i]! : i);
  for (let i = start; i < end; i++) offsets[i - start] = line.offsets[sourceIndex(i)]!;
  offsets[end - start] = offsets[end - start - 1]! + 1;
  const slice = text.slice(start, end);
  return { ...line, text: slice, nfc: slice, nfcMap: undefined, offsets };
}

/** Two lines read as one, a space between them (mapped to the first line's end). */
function joinLines(a: TextLine, b: TextLine): TextLine {
  const text = `${a.nfc} ${b.nfc}`;
  const offsets = new Int32Array(text.length + 1);
  const sourceIndex = (line: TextLine, i: number): number => (line.nfcMap ? line.nfcMap[i]! : i);
  for (let i = 0; i < a.nfc.length; i++) offsets[i] = a.offsets[sourceIndex(a, i)]!;
  offsets[a.nfc.length] = offsets[a.nfc.length - 1]! + 1;
  for (let i = 0; i < b.nfc.length; i++) offsets[a.nfc.length + 1 + i] = b.offsets[sourceIndex(b, i)]!;
  offsets[text.length] = offsets[text.length - 1]! + 1;
  return { ...a, text, nfc: text, nfcMap: undefined, offsets, strong: a.strong && b.strong, emphasized: a.emphasized && b.emphasized };
}
