// Where a Markdown document can be cut into parts that parse alone exactly as they parse inside
// the whole: before a line at column 0 that follows a blank line, where CommonMark has closed
// every block (paragraphs, lists, block quotes, tables, indented code) — unless a fenced code
// block or an HTML block of types 1–5 is open at the top level, which blank lines do not close.
// Wherever the top level cannot be told apart from a list item's content, no later cut is made.

/** A top-level HTML block that blank lines do not end (types 1–5), and the text that ends it. */
const HTML_UNTIL_MARKER: ReadonlyArray<{ start: RegExp; end: RegExp }> = [
  { start: /^<(?:script|pre|style|textarea)(?:[ \t>]|$)/i, end: /<\/(?:script|pre|style|textarea)>/i },
  { start: /^<!--/, end: /-->/ },
  { start: /^<\?/, end: /\?>/ },
  { start: /^<![A-Za-z]/, end: />/ },
  { start: /^<!\[CDATA\[/, end: /\]\]>/ },
];
/** Type 6: a block-level tag; it ends at a blank line, and what it holds is not read as Markdown. */
const HTML_BLOCK_TAG =
  /^<\/?(?:address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|details|dialog|dir|div|dl|dt|fieldset|figcaption|figure|footer|form|frame|frameset|h[1-6]|head|header|hr|html|iframe|legend|li|link|main|menu|menuitem|nav|noframes|ol|optgroup|option|p|param|search|section|summary|table|tbody|td|tfoot|th|thead|title|tr|track|ul)(?:[ \t>]|\/>|$)/i;
const BACKTICK_FENCE = /^(`{3,})[^`]*$/;
const TILDE_FENCE = /^(~{3,})/;

type State =
  | { in: 'flow' }
  | { in: 'fence'; char: string; length: number }
  | { in: 'html'; end: RegExp }
  /** A type 6 block, or a line starting with "<" that may be a type 7 block or a paragraph: both end at a blank line. */
  | { in: 'untilBlank'; sure: boolean }
  | { in: 'unsure' };

/**
 * The offsets at which a document can be cut (0 first), or undefined when it must be parsed whole:
 * it has link reference definitions, which a reference anywhere may use.
 */
export function blockBoundaries(markdown: string): number[] | undefined {
  // "]:" is in every definition; the rare text that has it elsewhere is parsed whole too.
  if (markdown.includes(']:')) return undefined;
  const boundaries = [0];
  let state: State = { in: 'flow' };
  let afterBlank = false;
  let start = 0;
  while (state.in !== 'unsure') {
    let end = start;
    while (end < markdown.length && markdown.charCodeAt(end) !== 10 && markdown.charCodeAt(end) !== 13) end++;
    const next = end + (markdown.charCodeAt(end) === 13 && markdown.charCodeAt(end + 1) === 10 ? 2 : 1);
    const line = markdown.slice(start, end);
    state = nextState(state, line, () => {
      if (afterBlank && start > 0) boundaries.push(start);
    });
    afterBlank = state.in === 'flow' && /^[ \t]*$/.test(line);
    if (end >= markdown.length) break;
    start = next;
  }
  return boundaries;
}

/** The state after one line; `atColumnZero` is called when the line may start a chunk. */
function nextState(state: State, line: string, atColumnZero: () => void): State {
  if (state.in === 'fence') {
    const closing = /^ {0,3}(`+|~+)[ \t]*$/.exec(line);
    return closing && closing[1]![0] === state.char && closing[1]!.length >= state.length ? { in: 'flow' } : state;
  }
  if (state.in === 'html') return state.end.test(line) ? { in: 'flow' } : state;
  const blank = /^[ \t]*$/.test(line);
  if (state.in === 'untilBlank') {
    if (blank) return { in: 'flow' };
    // A fence or an HTML block inside what may be a paragraph opens there; inside an HTML block it is text.
    return !state.sure && opener(line) ? { in: 'unsure' } : state;
  }
  if (blank) return state;
  if (line.charCodeAt(0) !== 32 && line.charCodeAt(0) !== 9) atColumnZero();
  const indent = /^ */.exec(line)![0].length;
  // Four columns or more (or a tab) is indented code or a continuation, never a top-level opener.
  if (indent >= 4 || line.charCodeAt(indent) === 9) return state;
  const found = opener(line);
  if (!found) return state;
  // At two or three spaces the line may belong to a list item above: the top level is not known.
  if (indent >= 2) return { in: 'unsure' };
  return found;
}

/** The block a line at the top level opens, when blank lines do not simply end it. */
function opener(line: string): State | undefined {
  const indent = /^ */.exec(line)![0].length;
  if (indent >= 4) return undefined;
  const rest = line.slice(indent);
  const fence = BACKTICK_FENCE.exec(rest) ?? TILDE_FENCE.exec(rest);
  if (fence) return { in: 'fence', char: fence[1]![0]!, length: fence[1]!.length };
  if (rest.charCodeAt(0) !== 60) return undefined;
  for (const html of HTML_UNTIL_MARKER) {
    const start = html.start.exec(rest);
    if (start) return html.end.test(rest.slice(2)) ? { in: 'flow' } : { in: 'html', end: html.end };
  }
  return { in: 'untilBlank', sure: HTML_BLOCK_TAG.test(rest) };
}

/**
 * The chunks a document is parsed in: runs of cuts grouped by content, so that an edit changes
 * only the chunks around it. A cut ends a chunk when the chunk has at least MIN_CHUNK characters
 * and the line after the cut hashes to 0 modulo SPREAD, or when the chunk reached MAX_CHUNK.
 */
const MIN_CHUNK = 512;
const MAX_CHUNK = 8192;
const SPREAD = 4;

export function chunkStarts(markdown: string): number[] | undefined {
  const boundaries = blockBoundaries(markdown);
  if (!boundaries) return undefined;
  const starts = [0];
  for (const at of boundaries) {
    const size = at - starts[starts.length - 1]!;
    if (size >= MAX_CHUNK || (size >= MIN_CHUNK && lineHash(markdown, at) % SPREAD === 0)) starts.push(at);
  }
  return starts;
}

function lineHash(text: string, at: number): number {
  let hash = 2166136261;
  for (let i = at; i < Math.min(text.length, at + 32); i++) {
    const code = text.charCodeAt(i);
    if (code === 10 || code === 13) break;
    hash = Math.imul(hash ^ code, 16777619);
  }
  return hash >>> 0;
}
