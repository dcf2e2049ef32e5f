// Turns Markdown into TextLines: the author's visible text, one entry per visual line, with a
// map back to source offsets. The only place that knows about mdast.
import type { Nodes, Parent, PhrasingContent, Root, RootContent } from 'mdast';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTable } from 'micromark-extension-gfm-table';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { BlockKind, TextLine } from './model.js';
import { chunkStarts } from './chunks.js';
import { type LineIndex, frontMatterEnd, lineBreakLength, toNfc } from './text.js';

// Only the GFM table extension, not all of GFM: drafts lay out the header and the recipients and
// signature side by side in pipe tables; autolinks, footnotes and task lists are not needed.
const parser = unified()
  .use(remarkParse)
  .data('micromarkExtensions', [gfmTable()])
  .data('fromMarkdownExtensions', [gfmTableFromMarkdown()]);

// A chunk without "|" has no table: the table extension's checks on every line are left out.
const plainParser = unified().use(remarkParse);

export function parseMarkdown(source: string): Root {
  return parser.parse(source);
}

/**
 * The TextLines of a document: front matter left out, lines numbered, text in NFC. Without a
 * cache, from one parse of the whole text (the reference); with one, from its chunks
 * (chunks.ts), each parsed alone and only when the cache does not hold its text already.
 */
export function markdownLines(source: string, index: LineIndex, cache?: ChunkCache): TextLine[] {
  const fmEnd = frontMatterEnd(source);
  // Front matter is blanked (same length, same line breaks) so offsets stay true.
  const markdown = fmEnd > 0 ? source.slice(0, fmEnd).replace(/[^\r\n]/g, ' ') + source.slice(fmEnd) : source;
  const starts = cache?.cuts(markdown);
  if (!cache || !starts) {
    const lines = parseChunk(markdown).lines;
    for (const line of lines) line.line = index.positionAt(line.offsets[0]!).line;
    return lines;
  }
  const chunks = cache.take(starts.map((start, i) => markdown.slice(start, starts[i + 1] ?? markdown.length)));
  const lines: TextLine[] = [];
  let blocks = 0;
  let tables = 0;
  chunks.forEach((chunk, i) => {
    const start = starts[i]!;
    for (const line of chunk.lines) {
      const offsets = new Int32Array(line.offsets.length);
      for (let k = 0; k < offsets.length; k++) offsets[k] = line.offsets[k]! + start;
      lines.push({
        ...line,
        index: lines.length,
        offsets,
        line: index.positionAt(offsets[0]!).line,
        block: line.block + blocks,
        table: line.table && { ...line.table, table: line.table.table + tables },
      });
    }
    blocks += chunk.blocks;
    tables += chunk.tables;
  });
  return lines;
}

/** A chunk's TextLines as if it were a whole document: offsets from its start, blocks and tables numbered from 0. */
interface ParsedChunk {
  readonly lines: TextLine[];
  readonly blocks: number;
  readonly tables: number;
}

function parseChunk(markdown: string): ParsedChunk {
  const builder = new TextLineBuilder(markdown);
  const lines = builder.build(markdown.includes('|') ? parseMarkdown(markdown) : plainParser.parse(markdown));
  for (const line of lines) {
    const nfc = toNfc(line.text);
    line.nfc = nfc.text;
    line.nfcMap = nfc.map;
  }
  return { lines, blocks: builder.blocks, tables: builder.tables };
}

/**
 * The parsed chunks of one document, keyed by their text and owned by whoever checks it again and
 * again (the language server, one per open document): a check re-parses only the chunks whose
 * text is new. Each check keeps the chunks it used and drops the others.
 */
export class ChunkCache {
  private chunks = new Map<string, ParsedChunk>();

  /** `cuts` says where a text is cut into chunks: chunkStarts, or (to test every cut) blockBoundaries. */
  constructor(readonly cuts: (markdown: string) => number[] | undefined = chunkStarts) {}

  /** Chunks parsed and chunks reused by the last check. */
  parsed = 0;
  reused = 0;

  take(texts: readonly string[]): ParsedChunk[] {
    const kept = new Map<string, ParsedChunk>();
    this.parsed = 0;
    this.reused = 0;
    const result = texts.map((text) => {
      let chunk = kept.get(text) ?? this.chunks.get(text);
      if (chunk) this.reused++;
      else {
        chunk = parseChunk(text);
        this.parsed++;
      }
      kept.set(text, chunk);
      return chunk;
    });
    this.chunks = kept;
    return result;
  }
}

/** Visible text gathered for one line, with each character's source offset and markup. */
export interface Piece {
  text: string;
  offsets: number[];
  strong: boolean[];
  emphasized: boolean[];
  /** No markup at all: nothing strong or emphasized (the flags may be left empty). */
  plain?: boolean;
}

/** A piece trimmed of surrounding white space, as a line's text, offsets and markup; undefined when blank. */
export function trimmedLine(piece: Piece): Pick<TextLine, 'text' | 'offsets' | 'strong' | 'emphasized'> | undefined {
  let start = 0;
  let end = piece.text.length;
  while (start < end && isWhiteSpace(piece.text.charCodeAt(start))) start++;
  while (end > start && isWhiteSpace(piece.text.charCodeAt(end - 1))) end--;
  if (start === end) return undefined;
  const text = piece.text.slice(start, end);
  const offsets = new Int32Array(text.length + 1);
  for (let i = 0; i < text.length; i++) offsets[i] = piece.offsets[start + i]!;
  offsets[text.length] = offsets[text.length - 1]! + 1;
  let letters = 0;
  let strong = 0;
  let emphasized = 0;
  if (!piece.plain) {
    for (let i = start; i < end; i++) {
      if (isWhiteSpace(piece.text.charCodeAt(i))) continue;
      letters++;
      if (piece.strong[i]) strong++;
      if (piece.emphasized[i]) emphasized++;
    }
  }
  return { text, offsets, strong: letters > 0 && strong === letters, emphasized: letters > 0 && emphasized === letters };
}

interface BlockContext {
  kind: BlockKind;
  listDepth: number;
  headingDepth?: number;
  table?: { table: number; row: number; column: number };
  /** Source text to put before the block's first line (a list marker such as "1. " or "- "). */
  prefixStart?: number;
}

export class TextLineBuilder {
  readonly lines: TextLine[] = [];
  private block = 0;
  private tableCount = 0;

  /** How many blocks and tables the lines built so far span. */
  get blocks(): number {
    return this.block;
  }

  get tables(): number {
    return this.tableCount;
  }

  constructor(private readonly source: string) {}

  build(root: Root): TextLine[] {
    for (const child of root.children) this.visitBlock(child, 0);
    return this.lines;
  }

  private visitBlock(node: RootContent, listDepth: number, prefixStart?: number): void {
    switch (node.type) {
      case 'heading':
        this.addBlock(node.children, { kind: 'heading', listDepth, headingDepth: node.depth, prefixStart });
        return;
      case 'paragraph':
        this.addBlock(node.children, { kind: 'paragraph', listDepth, prefixStart });
        return;
      case 'list':
        for (const item of node.children) {
          const [first, ...rest] = item.children;
          const itemStart = item.position?.start.offset;
          if (first) this.visitBlock(first, listDepth + 1, itemStart);
          else if (itemStart !== undefined) this.addMarkerOnly(itemStart, item.position!.end.offset!, listDepth + 1);
          for (const child of rest) this.visitBlock(child, listDepth + 1);
        }
        return;
      case 'blockquote':
        for (const child of node.children) this.visitBlock(child, listDepth);
        return;
      case 'table': {
        const table = this.tableCount++;
        node.children.forEach((row, rowIndex) => {
          row.children.forEach((cell, column) => {
            this.addBlock(cell.children, { kind: 'tableCell', listDepth, table: { table, row: rowIndex, column } });
          });
        });
        return;
      }
      case 'html':
        this.addRaw(node, 'html', listDepth);
        return;
      default:
        // Code, thematic breaks and definitions carry no plan text.
        return;
    }
  }

  private addMarkerOnly(start: number, end: number, listDepth: number): void {
    const text = this.source.slice(start, end).replace(/\s+$/, '');
    const offsets = Array.from({ length: text.length + 1 }, (_, i) => start + i);
    this.emit({ text, offsets, strong: [], emphasized: [] }, { kind: 'listItem', listDepth });
    this.block++;
  }

  private addRaw(node: Nodes, kind: BlockKind, listDepth: number): void {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start === undefined || end === undefined) return;
    let lineStart = start;
    let first = true;
    for (let i = start; i <= end; i++) {
      const breakLength = i === end ? 1 : lineBreakLength(this.source, i);
      if (breakLength === 0) continue;
      const offsets = Array.from({ length: i - lineStart + 1 }, (_, k) => lineStart + k);
      this.emit({ text: this.source.slice(lineStart, i), offsets, strong: [], emphasized: [] }, { kind, listDepth }, first);
      first = false;
      i += breakLength - 1;
      lineStart = i + 1;
    }
    this.block++;
  }

  private addBlock(children: PhrasingContent[], context: BlockContext): void {
    const piece: Piece = { text: '', offsets: [], strong: [], emphasized: [] };
    let kind = context.kind;
    if (context.prefixStart !== undefined) {
      // Keep the list marker ("1. ", "- ", "+ ") as text: numbering and recipient dashes live there.
      const contentStart = children[0]?.position?.start.offset;
      if (contentStart !== undefined && contentStart > context.prefixStart) {
        const marker = this.source.slice(context.prefixStart, contentStart);
        if (!/[\r\n]/.test(marker)) {
          appendExact(piece, marker, context.prefixStart, false, false);
          kind = 'listItem';
        }
      }
    }
    for (const child of children) this.collect(child, piece, false, false);
    // Split into visual lines at soft line endings and hard breaks.
    let from = 0;
    let first = true;
    for (let i = 0; i <= piece.text.length; i++) {
      const breakLength = i === piece.text.length ? 1 : lineBreakLength(piece.text, i);
      if (breakLength > 0) {
        const line = slicePiece(piece, from, i);
        this.emit(line, { ...context, kind }, first);
        first = false;
        i += breakLength - 1;
        from = i + 1;
      }
    }
    this.block++;
  }

  private collect(node: PhrasingContent, piece: Piece, strong: boolean, emphasized: boolean): void {
    switch (node.type) {
      case 'text':
      case 'inlineCode':
        appendAligned(piece, this.source, node.value, node.position?.start.offset, node.position?.end.offset, strong, emphasized);
        return;
      case 'html':
        // "<br>" is how table cells and Word conversions break lines; other inline HTML is invisible.
        if (/^<br\s*\/?>$/i.test(node.value)) this.collect({ type: 'break', position: node.position }, piece, strong, emphasized);
        return;
      case 'break': {
        const at = node.position?.start.offset ?? 0;
        piece.text += '\n';
        piece.offsets.push(at);
        piece.strong.push(strong);
        piece.emphasized.push(emphasized);
        return;
      }
      case 'strong':
        for (const child of node.children) this.collect(child, piece, true, true);
        return;
      case 'emphasis':
        for (const child of node.children) this.collect(child, piece, strong, true);
        return;
      case 'delete':
      case 'link':
      case 'linkReference':
        for (const child of (node as Parent).children as PhrasingContent[]) this.collect(child, piece, strong, emphasized);
        return;
      default:
        // Inline HTML (comments, tags), images and footnote references are not visible text.
        return;
    }
  }

  private emit(piece: Piece, context: BlockContext, firstInBlock = true): void {
    const line = trimmedLine(piece);
    if (!line) return;
    this.lines.push({
      index: this.lines.length,
      ...line,
      nfc: line.text,
      line: 0,
      kind: context.kind,
      block: this.block,
      firstInBlock,
      headingDepth: context.headingDepth,
      listDepth: context.listDepth,
      table: context.table,
    });
  }
}

/** The characters of the RegExp class \s (ECMAScript WhiteSpace and LineTerminator), without a regex call per character. */
export function isWhiteSpace(code: number): boolean {
  if (code < 0x80) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  return (
    code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 ||
    code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff
  );
}

function slicePiece(piece: Piece, from: number, to: number): Piece {
  return {
    text: piece.text.slice(from, to),
    offsets: piece.offsets.slice(from, to),
    strong: piece.strong.slice(from, to),
    emphasized: piece.emphasized.slice(from, to),
  };
}

function appendExact(piece: Piece, text: string, start: number, strong: boolean, emphasized: boolean): void {
  for (let i = 0; i < text.length; i++) {
    piece.text += text[i];
    piece.offsets.push(start + i);
    piece.strong.push(strong);
    piece.emphasized.push(emphasized);
  }
}

/**
 * Appends a node's value with the source offset of every character. When the value differs from
 * the source slice (escapes, entities, indentation stripped from continuation lines), each
 * character is matched to the next equal source character, never past the node's end.
 */
function appendAligned(
  piece: Piece,
  source: string,
  value: string,
  start: number | undefined,
  end: number | undefined,
  strong: boolean,
  emphasized: boolean,
): void {
  if (start === undefined || end === undefined) return;
  if (end - start === value.length && source.startsWith(value, start)) {
    piece.text += value;
    for (let i = 0; i < value.length; i++) piece.offsets.push(start + i);
  } else {
    piece.text += value;
    let j = start;
    for (let i = 0; i < value.length; i++) {
      let k = j;
      while (k < end && source[k] !== value[i]) k++;
      if (k < end) j = k;
      piece.offsets.push(Math.min(j, Math.max(start, end - 1)));
      if (j < end) j++;
    }
  }
  for (let i = 0; i < value.length; i++) {
    piece.strong.push(strong);
    piece.emphasized.push(emphasized);
  }
}
