// The cheap scanner: TextLines without a Markdown parse, for the folder index. It follows
// CommonMark's block structure closely enough for the parts a plan's identity lives in (header,
// citations, reporting deadlines, recipients) and builds TextLines only for those lines, so that indexing thousands of
// plans takes seconds. The recognisers of extract/ read its lines as they read the parser's; a
// property test checks that both readings give the same identity.
import type { PlanLines } from './extract/lines.js';
import { SYMBOL_START } from './extract/mentions.js';
import { REPORT_LINE } from './extract/reports.js';
import { unpasteLines } from './extract/pasted.js';
import { type Piece, markdownLines, trimmedLine } from './markdown.js';
import type { BlockKind, TextLine } from './model.js';
import { LineIndex, frontMatterEnd, toNfc } from './text.js';

/** The first visible lines, where the header's title is looked for (extract/header.ts looks at 60). */
const HEADER_LINES = 64;
/** Lines kept after an upper-case title: the summary, and number or date lines under it. */
const AFTER_TITLE = 12;
const TITLE = /^KẾ\s+HOẠCH(?=$|[\s:*]|\p{P})/u;
/** "Nơi nhận" through emphasis and escapes: from its first line on, every line is kept. */
const RECIPIENTS_WORD = /n[*_\\]*ơ[*_\\]*i[*_\\\s]+n[*_\\]*h[*_\\]*ậ[*_\\]*n/iu;

const BLANK = /^[ \t]*$/;
const ATX = /^ {0,3}(#{1,6})(?=[ \t]|$)/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const THEMATIC = /^ {0,3}(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$/;
const SETEXT = /^ {0,3}(=+|-+)[ \t]*$/;
const LIST_ITEM = /^([ \t]*)([-+*]|\d{1,9}[.)])([ \t]+|$)/;
const TABLE_DELIMITER = /^[ \t]*\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/;
const HTML_COMMENT = /^ {0,3}<!--/;
const HTML_BLOCK = /^ {0,3}<\/?(?:address|article|aside|blockquote|body|center|details|div|dl|figure|footer|form|h[1-6]|head|header|hr|html|li|main|nav|ol|p|section|table|tbody|td|tfoot|th|thead|title|tr|ul)(?=[\s/>]|$)/i;
const HTML_TAG_LINE = /^ {0,3}(?:<[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?\/?>|<\/[A-Za-z][A-Za-z0-9-]*\s*>)[ \t]*$/;

interface Context {
  kind: BlockKind;
  listDepth: number;
  headingDepth?: number;
  table?: TextLine['table'];
}

export function scanPlanLines(source: string): PlanLines {
  const index = new LineIndex(source);
  // Block quotes nest every other block; plans hardly use them, and those that do are parsed.
  return { source, index, lines: unpasteLines(new Scanner(index).scan() ?? markdownLines(source, index)) };
}

class Scanner {
  private readonly lines: TextLine[] = [];
  private block = 0;
  private tables = 0;
  /** The open paragraph (or list item, or setext heading): its lines, read as one when it ends. */
  private paragraph?: { context: Context; rows: { n: number; start: number; text: string }[]; literal: number; /** Content column of the item holding the block (0 outside lists). */ container: number; item?: boolean };
  /** Content columns of the open list items, outermost first. */
  private items: number[] = [];
  private closingFrom = Infinity;
  /** A list marker with nothing after it, waiting for the next line to say whether the item has text. */
  private emptyItem?: { n: number; start: number; marker: string; listDepth: number; column: number };
  /** The previous line was indented code: micromark lets a list interrupt it only as it would a paragraph. */
  private afterCode = false;
  /** Where the header zone ends, once its title is seen. */
  private headerLines = HEADER_LINES;

  private readonly source: string;

  constructor(private readonly index: LineIndex) {
    this.source = index.text;
  }

  /** The document's TextLines, or undefined when it holds a block quote (left to the parser). */
  scan(): TextLine[] | undefined {
    const source = this.source;
    const raw = this.index.lineStarts.map((start, n) => ({ start, end: this.index.lineEnd(n) }));
    const bodyStart = frontMatterEnd(source);
    this.closingFrom = closingLine(source, bodyStart, raw);
    /** An open code fence: its marker, and the content column of the list item it is in. */
    let fence: { marker: string; column: number } | undefined;
    let htmlEnd: 'comment' | 'blank' | undefined;
    let table: { columns: number; table: number; row: number } | undefined;
    for (let n = 0; n < raw.length; n++) {
      const { start, end } = raw[n]!;
      if (start < bodyStart) continue;
      const text = source.slice(start, end);
      if (fence !== undefined) {
        // The fence ends with its closing marker, or with the list item it is in.
        const close = FENCE.exec(text.slice(fence.column));
        const leftItem = !BLANK.test(text) && indentOf(text) < fence.column;
        if (!leftItem) {
          if (close && close[1]![0] === fence.marker[0] && close[1]!.length >= fence.marker.length && BLANK.test(text.slice(fence.column + close[0].length))) fence = undefined;
          continue;
        }
        fence = undefined;
      }
      if (htmlEnd !== undefined) {
        if (htmlEnd === 'blank' && BLANK.test(text)) {
          htmlEnd = undefined;
          this.block++;
          continue;
        }
        this.emitRaw(n, start, text, false);
        if (htmlEnd === 'comment' && text.includes('-->')) {
          htmlEnd = undefined;
          this.block++;
        }
        continue;
      }
      let firstAt = 0;
      while (firstAt < text.length && (text.charCodeAt(firstAt) === 32 || text.charCodeAt(firstAt) === 9)) firstAt++;
      if (this.emptyItem && (firstAt === text.length || indentOf(text) < this.emptyItem.column)) this.showEmptyItem();
      this.emptyItem = undefined;
      if (firstAt === text.length) {
        this.endParagraph();
        table = undefined;
        this.afterCode = false;
        continue;
      }
      const first = text.charCodeAt(firstAt);
      const indent = firstAt === 0 ? 0 : indentOf(text);
      if (first === 62 /* > */) return undefined;
      // Most lines go on a paragraph and start with a letter: no block can start there.
      if (this.paragraph && !table && isLetter(first) && !text.includes('|')) {
        this.paragraph.rows.push({ n, start, text });
        continue;
      }
      // Leave the list items this line is not inside (a lazy paragraph line stays in its item).
      // The innermost open item the line is indented into: a block may start there.
      let base = 0;
      for (let k = this.items.length - 1; k >= 0; k--) {
        if (this.items[k]! <= indent) {
          base = this.items[k]!;
          break;
        }
      }
      const lazy = this.paragraph !== undefined && !interrupts(text.slice(base), indent - base < 4);
      if (!lazy) while (this.items.length > 0 && indent < this.items[this.items.length - 1]!) this.items.pop();
      const inItem = this.items.length > 0 ? this.items[this.items.length - 1]! : 0;
      if (indent - inItem >= 4 && !this.paragraph && !table) {
        this.afterCode = true; // indented code
        continue;
      }
      const afterCode = this.afterCode;
      this.afterCode = false;
      // A letter cannot start a block other than a paragraph (or a table's first row, which holds a pipe).
      if (!this.paragraph && !table && isLetter(first) && !text.includes('|')) {
        this.paragraph = { context: { kind: 'paragraph', listDepth: this.items.length }, rows: [{ n, start, text }], literal: 0, container: inItem };
        continue;
      }
      if (table) {
        if (!interrupts(text, true)) {
          this.tableRow(n, start, text, table);
          continue;
        }
        table = undefined;
      }
      const fenceOpen = indent >= inItem ? opensFence(text.slice(inItem)) : undefined;
      if (fenceOpen) {
        this.endParagraph();
        fence = { marker: fenceOpen, column: inItem };
        continue;
      }
      // Block starts are read from the item's content column ("1. A" then "   # B" is a heading in the item).
      const shift = indent >= inItem ? inItem : 0;
      const rel = text.slice(shift);
      const atx = ATX.exec(rel);
      if (atx) {
        this.endParagraph();
        const content = rel.slice(atx[0].length).replace(/(?:^|[ \t]+)#+[ \t]*$/, '');
        this.paragraph = { context: { kind: 'heading', listDepth: this.items.length, headingDepth: atx[1]!.length }, rows: [{ n, start: start + shift + atx[0].length, text: content }], literal: 0, container: inItem };
        this.endParagraph();
        continue;
      }
      if (this.paragraph?.item && indent >= this.paragraph.container && SETEXT.test(text.slice(this.paragraph.container))) {
        // An item's text underlined as a setext heading: the underline shows nothing.
        this.endParagraph();
        continue;
      }
      if (this.paragraph && SETEXT.exec(text) && this.paragraph.context.kind === 'paragraph') {
        // The paragraph above was a setext heading.
        this.paragraph.context = { ...this.paragraph.context, kind: 'heading', headingDepth: text.trim()[0] === '=' ? 1 : 2 };
        this.endParagraph();
        continue;
      }
      if (THEMATIC.test(rel)) {
        this.endParagraph();
        continue;
      }
      if (HTML_COMMENT.test(rel) || HTML_BLOCK.test(rel) || (!this.paragraph && HTML_TAG_LINE.test(rel))) {
        this.endParagraph();
        this.emitRaw(n, start, text, true);
        if (HTML_COMMENT.test(rel)) {
          if (text.includes('-->')) this.block++;
          else htmlEnd = 'comment';
        } else htmlEnd = 'blank';
        continue;
      }
      const item = LIST_ITEM.exec(text);
      if (item && indent - inItem < 4 && this.startsItem(item, text, afterCode)) {
        this.endParagraph();
        while (this.items.length > 0 && item[1]!.length < this.items[this.items.length - 1]!) this.items.pop();
        // "- 1. Mục đích": an item whose content starts another item opens both.
        let markerStart = item[1]!.length;
        let marker = item[2]!;
        let gap = item[3]!;
        for (;;) {
          const markerEnd = markerStart + marker.length + gap.length;
          this.items.push(gap.length > 4 ? markerStart + marker.length + 1 : markerEnd);
          const inner = /^([-+*]|\d{1,9}[.)])([ \t]+)(?=\S)/.exec(text.slice(markerEnd));
          if (!inner) break;
          markerStart = markerEnd;
          marker = inner[1]!;
          gap = inner[2]!;
        }
        const markerEnd = markerStart + marker.length + gap.length;
        const content = text.slice(markerEnd);
        const itemFence = opensFence(content);
        if (itemFence) fence = { marker: itemFence, column: this.items[this.items.length - 1]! };
        // An item holding only a rule or a fence shows no text; one holding a heading keeps its marks.
        if (itemFence || THEMATIC.test(content)) continue;
        // An item whose content is a table's first row, its delimiter row indented into the item.
        const below = raw[n + 1];
        const column = this.items[this.items.length - 1]!;
        if (below && content.includes('|')) {
          const delimiter = source.slice(below.start, below.end);
          if (indentOf(delimiter) >= column && TABLE_DELIMITER.test(delimiter) && cellsOf(content).length === cellsOf(delimiter).length) {
            table = { columns: cellsOf(content).length, table: this.tables++, row: 0 };
            this.tableRow(n, start + markerEnd, content, table);
            n++;
            continue;
          }
        }
        if (HTML_COMMENT.test(content) || HTML_BLOCK.test(content)) {
          this.emitRaw(n, start + markerEnd, content, true);
          if (!HTML_COMMENT.test(content)) htmlEnd = 'blank';
          else if (content.includes('-->')) this.block++;
          else htmlEnd = 'comment';
          continue;
        }
        const heading = ATX.exec(content);
        const literal = marker.length + gap.length + (heading ? heading[0].length + 1 : 0);
        if (BLANK.test(content)) {
          // An item that starts empty: the next line, indented into it, is its text; else it shows its marker.
          this.emptyItem = { n, start: start + markerStart, marker, listDepth: this.items.length, column: markerStart + marker.length + 1 };
          this.items[this.items.length - 1] = this.emptyItem.column;
          continue;
        }
        this.paragraph = { context: { kind: 'listItem', listDepth: this.items.length }, rows: [{ n, start: start + markerStart, text: text.slice(markerStart) }], literal, container: this.items[this.items.length - 1]!, item: true };
        if (heading) this.endParagraph();
        continue;
      }
      const next = raw[n + 1];
      if (next && indent >= inItem && indent - inItem < 4 && text.includes('|') && TABLE_DELIMITER.test(source.slice(next.start, next.end))) {
        const columns = cellsOf(text).length;
        if (columns === cellsOf(source.slice(next.start, next.end)).length) {
          this.endParagraph();
          table = { columns, table: this.tables++, row: 0 };
          this.tableRow(n, start, text, table);
          n++;
          continue;
        }
      }
      this.paragraph ??= { context: { kind: 'paragraph', listDepth: this.items.length }, rows: [], literal: 0, container: inItem };
      this.paragraph.rows.push({ n, start, text });
    }
    this.endParagraph();
    if (this.emptyItem) this.showEmptyItem();
    return this.lines;
  }

  /** A list marker starts an item unless it would interrupt a paragraph it cannot (CommonMark 5.2). */
  private startsItem(item: RegExpExecArray, text: string, afterCode: boolean): boolean {
    const empty = text.slice(item[0].length).trim() === '';
    if (!this.paragraph) return !afterCode || (!empty && (/^[-+*]$/.test(item[2]!) || /^1[.)]$/.test(item[2]!)));
    // A line left of the item's content starts its next sibling, whatever its number.
    if (indentOf(text) < this.paragraph.container) return true;
    return !empty && (/^[-+*]$/.test(item[2]!) || /^1[.)]$/.test(item[2]!));
  }

  /** An empty item's line: its marker alone. */
  private showEmptyItem(): void {
    const item = this.emptyItem!;
    if (this.wanted(item.n)) {
      const offsets = Array.from({ length: item.marker.length }, (_, i) => item.start + i);
      this.push(item.n, { text: item.marker, offsets, strong: [], emphasized: [], plain: true }, { kind: 'listItem', listDepth: item.listDepth }, true);
    }
    this.block++;
    this.emptyItem = undefined;
  }

  /** Reads the open block's lines as one text (emphasis may span them) and emits its visual lines. */
  private endParagraph(): void {
    const paragraph = this.paragraph;
    if (!paragraph) return;
    this.paragraph = undefined;
    const { rows, context, literal } = paragraph;
    // Without markup no emphasis can span rows: each row is a line of its own, read only when wanted.
    if (!rows.some((row) => MARKUP.test(row.text))) {
      let afterSymbol = false;
      rows.forEach((row, k) => {
        const hasSymbol = SYMBOL_START.test(row.text);
        if (this.wanted(row.n) || hasSymbol || afterSymbol || REPORT_LINE.test(row.text)) {
          const offsets = new Array<number>(row.text.length);
          for (let i = 0; i < row.text.length; i++) offsets[i] = row.start + i;
          this.push(row.n, { text: row.text, offsets, strong: [], emphasized: [], plain: true }, context, k === 0);
        }
        afterSymbol = hasSymbol;
      });
    } else if (rows.some((row) => this.wanted(row.n) || SYMBOL_START.test(row.text) || REPORT_LINE.test(row.text))) {
      let text = '';
      const at: number[] = [];
      rows.forEach((row, k) => {
        if (k > 0) {
          text += '\n';
          at.push(row.start - 1);
        }
        text += row.text;
        for (let i = 0; i < row.text.length; i++) at.push(row.start + i);
      });
      let row = 0;
      let afterSymbol = false;
      inline(text, at, literal).forEach((piece, k) => {
        while (row < rows.length - 1 && piece.offsets.length > 0 && piece.offsets[0]! >= rows[row + 1]!.start) row++;
        const n = rows[row]!.n;
        const hasSymbol = SYMBOL_START.test(piece.text);
        if (this.wanted(n) || hasSymbol || afterSymbol || REPORT_LINE.test(piece.text)) this.push(n, piece, context, k === 0);
        afterSymbol = hasSymbol;
      });
    }
    this.block++;
  }

  private wanted(rawLine: number): boolean {
    return this.lines.length < this.headerLines || rawLine >= this.closingFrom;
  }

  private tableRow(n: number, start: number, text: string, table: { columns: number; table: number; row: number }): void {
    const cells = cellsOf(text);
    cells.forEach((cell, column) => {
      this.paragraph = { context: { kind: 'tableCell', listDepth: this.items.length, table: { table: table.table, row: table.row, column } }, rows: [{ n, start: start + cell.start, text: text.slice(cell.start, cell.end) }], literal: 0, container: 0 };
      this.endParagraph();
    });
    table.row++;
  }

  private emitRaw(n: number, start: number, text: string, first: boolean): void {
    if (!this.wanted(n)) return;
    const offsets = Array.from({ length: text.length }, (_, i) => start + i);
    this.push(n, { text, offsets, strong: [], emphasized: [] }, { kind: 'html', listDepth: this.items.length }, first);
  }

  private push(n: number, piece: Piece, context: Context, firstInBlock: boolean): void {
    const line = trimmedLine(piece);
    if (!line) return;
    const nfc = toNfc(line.text);
    if (this.headerLines === HEADER_LINES && TITLE.test(nfc.text)) this.headerLines = Math.min(HEADER_LINES, this.lines.length + 1 + AFTER_TITLE);
    this.lines.push({
      index: this.lines.length,
      ...line,
      nfc: nfc.text,
      nfcMap: nfc.map,
      line: n,
      kind: context.kind,
      block: this.block,
      firstInBlock,
      headingDepth: context.headingDepth,
      listDepth: context.listDepth,
      table: context.table,
    });
  }
}

/** Whether a line starts a block that ends an open paragraph (rather than continuing it lazily). */
function interrupts(text: string, mayStartItem: boolean): boolean {
  return FENCE.test(text) || ATX.test(text) || THEMATIC.test(text) || HTML_COMMENT.test(text) || HTML_BLOCK.test(text) || (mayStartItem && LIST_ITEM.test(text) && !BLANK.test(text.replace(LIST_ITEM, '')));
}

/** The marker of a code fence opening this line ("```", "~~~~"), if it opens one. */
function opensFence(text: string): string | undefined {
  const open = FENCE.exec(text);
  if (!open || (open[1]![0] === '`' && text.slice(open[0].length).includes('`'))) return undefined;
  return open[1]!;
}

/** The first source line from which every line is kept: the first "Nơi nhận" after the front matter. */
function closingLine(source: string, bodyStart: number, raw: readonly { start: number }[]): number {
  // A draft in NFD (decomposed tone marks) says "Nơi nhận" too; its offsets change with NFC, so it is read line by line.
  if (/[\u0300-\u036f]/u.test(source)) {
    const line = raw.findIndex((row, n) => row.start >= bodyStart && RECIPIENTS_WORD.test(source.slice(row.start, raw[n + 1]?.start ?? source.length).normalize('NFC')));
    return line < 0 ? Infinity : line;
  }
  const word = new RegExp(RECIPIENTS_WORD.source, 'giu');
  word.lastIndex = bodyStart;
  const match = word.exec(source);
  if (!match) return Infinity;
  const at = match.index;
  let low = 0;
  let high = raw.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (raw[middle]!.start <= at) low = middle;
    else high = middle - 1;
  }
  return low;
}

/** A letter: ASCII, or any code point from Latin-1 up (Vietnamese letters, never a Markdown mark). */
function isLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code >= 0xc0;
}

function indentOf(text: string): number {
  let column = 0;
  for (const ch of text) {
    if (ch === ' ') column++;
    else if (ch === '\t') column += 4 - (column % 4);
    else break;
  }
  return column;
}

/** A table row's cells: between unescaped pipes, the outer pipes optional. */
function cellsOf(row: string): { start: number; end: number }[] {
  const cells: { start: number; end: number }[] = [];
  let start = 0;
  const trimmed = row.trimStart();
  if (trimmed.startsWith('|')) start = row.length - trimmed.length + 1;
  for (let i = start; i <= row.length; i++) {
    if (i === row.length || (row[i] === '|' && row[i - 1] !== '\\')) {
      cells.push({ start, end: i });
      start = i + 1;
    }
  }
  const last = cells[cells.length - 1];
  if (cells.length > 1 && last && row.slice(last.start, last.end).trim() === '') cells.pop();
  return cells;
}


interface Delimiter {
  char: string;
  /** Index in `chars` of the run's first character. */
  at: number;
  length: number;
  remaining: number;
  canOpen: boolean;
  canClose: boolean;
}

const PUNCTUATION = /[\p{P}\p{S}]/u;
/** Characters that may start inline markup. */
const MARKUP = /[\\`*_<&[]/;
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', nbsp: '\u00a0', apos: "'" };

/**
 * Inline markup of one line, removed as remark removes it: emphasis (CommonMark's delimiter runs),
 * escapes, code spans, links and images, entities, HTML; a "<br>" splits the line.
 */
function inline(text: string, offsets: readonly number[], literal: number): Piece[] {
  // Most lines hold no markup at all: their pieces are slices of the text.
  if (!MARKUP.test(text)) {
    const pieces: Piece[] = [];
    for (let from = 0; from <= text.length; ) {
      let to = text.indexOf('\n', from);
      if (to === -1) to = text.length;
      pieces.push({ text: text.slice(from, to), offsets: offsets.slice(from, to), strong: [], emphasized: [], plain: true });
      from = to + 1;
    }
    return pieces;
  }
  const chars: { ch: string; at: number; strong: number; em: number; gone?: boolean }[] = [];
  const delimiters: Delimiter[] = [];
  const breaks: number[] = [];
  for (let i = 0; i < literal; i++) chars.push({ ch: text[i]!, at: offsets[i]!, strong: 0, em: 0 });
  for (let i = literal; i < text.length; ) {
    const ch = text[i]!;
    if (ch === '\\' && i + 1 < text.length && /[!-/:-@[-`{-~]/.test(text[i + 1]!)) {
      chars.push({ ch: text[i + 1]!, at: offsets[i + 1]!, strong: 0, em: 0 });
      i += 2;
      continue;
    }
    if (ch === '`') {
      const run = /^`+/.exec(text.slice(i))![0];
      const close = text.indexOf(run, i + run.length);
      if (close > 0 && text[close + run.length] !== '`') {
        let from = i + run.length;
        let to = close;
        if (/^[ \n]/.test(text[from]!) && /[ \n]/.test(text[to - 1]!) && text.slice(from, to).trim() !== '') (from++, to--);
        for (let k = from; k < to; k++) {
          if (text[k] === '\n') breaks.push(chars.length);
          else chars.push({ ch: text[k]!, at: offsets[k]!, strong: 0, em: 0 });
        }
        i = close + run.length;
        continue;
      }
      for (let k = 0; k < run.length; k++) chars.push({ ch: '`', at: offsets[i + k]!, strong: 0, em: 0 });
      i += run.length;
      continue;
    }
    if (ch === '<') {
      if (text.startsWith('<!--', i)) {
        const close = text.indexOf('-->', i + 4);
        if (close >= 0) {
          i = close + 3;
          continue;
        }
      }
      const tag = /^<\/?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?\/?>/.exec(text.slice(i));
      if (tag) {
        if (/^<br\s*\/?>$/i.test(tag[0])) breaks.push(chars.length);
        i += tag[0].length;
        continue;
      }
    }
    if (ch === '&') {
      const entity = /^&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([A-Za-z]+));/.exec(text.slice(i));
      const value = entity && (entity[1] ? String.fromCodePoint(Number(entity[1])) : entity[2] ? String.fromCodePoint(parseInt(entity[2], 16)) : ENTITIES[entity[3]!]);
      if (entity && value) {
        chars.push({ ch: value, at: offsets[i]!, strong: 0, em: 0 });
        i += entity[0].length;
        continue;
      }
    }
    if (ch === '!' && text[i + 1] === '[') {
      const image = /^!\[[^\]]*\]\([^)]*\)/.exec(text.slice(i));
      if (image) {
        i += image[0].length;
        continue;
      }
    }
    if (ch === '[') {
      const link = /^\[([^\]]*)\]\([^)]*\)/.exec(text.slice(i));
      if (link) {
        for (let k = 0; k < link[1]!.length; k++) chars.push({ ch: link[1]![k]!, at: offsets[i + 1 + k]!, strong: 0, em: 0 });
        i += link[0].length;
        continue;
      }
    }
    if (ch === '*' || ch === '_') {
      let end = i;
      while (text[end] === ch) end++;
      const before = i > 0 ? text[i - 1]! : ' ';
      const after = end < text.length ? text[end]! : ' ';
      const left = !/\s/.test(after) && (!PUNCTUATION.test(after) || /\s/.test(before) || PUNCTUATION.test(before));
      const right = !/\s/.test(before) && (!PUNCTUATION.test(before) || /\s/.test(after) || PUNCTUATION.test(after));
      const canOpen = ch === '*' ? left : left && (!right || PUNCTUATION.test(before));
      const canClose = ch === '*' ? right : right && (!left || PUNCTUATION.test(after));
      delimiters.push({ char: ch, at: chars.length, length: end - i, remaining: end - i, canOpen, canClose });
      for (let k = i; k < end; k++) chars.push({ ch, at: offsets[k]!, strong: 0, em: 0 });
      i = end;
      continue;
    }
    if (ch === '\n') breaks.push(chars.length);
    else chars.push({ ch, at: offsets[i]!, strong: 0, em: 0 });
    i++;
  }
  matchEmphasis(chars, delimiters);
  const pieces: Piece[] = [];
  let piece: Piece = { text: '', offsets: [], strong: [], emphasized: [] };
  let nextBreak = 0;
  chars.forEach((c, k) => {
    while (nextBreak < breaks.length && breaks[nextBreak] === k) {
      pieces.push(piece);
      piece = { text: '', offsets: [], strong: [], emphasized: [] };
      nextBreak++;
    }
    if (c.gone) return;
    piece.text += c.ch;
    piece.offsets.push(c.at);
    piece.strong.push(c.strong > 0);
    piece.emphasized.push(c.strong > 0 || c.em > 0);
  });
  pieces.push(piece);
  return pieces;
}

/** CommonMark's "process emphasis": pairs delimiter runs, removes the used characters, marks what they enclose. */
function matchEmphasis(chars: { strong: number; em: number; gone?: boolean }[], delimiters: Delimiter[]): void {
  for (let c = 0; c < delimiters.length; c++) {
    const closer = delimiters[c]!;
    if (!closer.canClose) continue;
    for (let o = c - 1; o >= 0 && closer.remaining > 0; o--) {
      const opener = delimiters[o]!;
      if (opener.char !== closer.char || !opener.canOpen || opener.remaining === 0) continue;
      if ((opener.canClose || closer.canOpen) && (opener.length + closer.length) % 3 === 0 && (opener.length % 3 !== 0 || closer.length % 3 !== 0)) continue;
      const use = opener.remaining >= 2 && closer.remaining >= 2 ? 2 : 1;
      const from = opener.at + opener.remaining;
      const to = closer.at + (closer.length - closer.remaining);
      for (let k = from; k < to; k++) {
        if (use === 2) chars[k]!.strong++;
        else chars[k]!.em++;
      }
      for (let k = 0; k < use; k++) {
        chars[opener.at + opener.remaining - 1 - k]!.gone = true;
        chars[to + k]!.gone = true;
      }
      opener.remaining -= use;
      closer.remaining -= use;
      // Delimiters between the pair can no longer match.
      for (let k = o + 1; k < c; k++) delimiters[k]!.remaining = 0;
      if (closer.remaining > 0) o++;
    }
  }
}
