// The fuzz run against the built language server over stdio, shared by the short run in `npm test`
// (test/fuzz.test.ts) and the long one (`npm run fuzz`, scripts/fuzz.ts). fast-check draws the
// edits from a seed, so a run is replayed by its seed: typing, pastes, deletions past the end, split
// surrogate pairs, NUL, CRLF and lone-CR breaks, full texts with a reused or backward version. After
// every publication and every answer it checks that each range lies inside the client's copy of the
// text; it counts requests unanswered past 2 s and exits of the process as findings.
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { type CodeAction, type Diagnostic, type DocumentSymbol, type FoldingRange, LSPErrorCodes, type Range, type TextDocumentEdit } from 'vscode-languageserver-protocol';
import { LspClient } from '../lsp-harness';
import { typed } from './mutations';

/** An answer later than this is a finding (never asserted as a time in the test suite). */
export const ANSWER_BOUND_MS = 2000;
/** Requests are sent after every this many edits, without waiting for the answers. */
const EDITS_PER_REQUESTS = 10;
/** After this many edits the run waits for the answers outstanding, as a person pausing would. */
const EDITS_PER_PAUSE = 50;

type Edit =
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'paste'; at: number; from: number; length: number }
  | { kind: 'replace-all'; version: 'reused' | 'backward'; from: number; length: number };

const fraction = fc.double({ min: 0, max: 1.2, noNaN: true });
const edit: fc.Arbitrary<Edit> = fc.oneof(
  { weight: 8, arbitrary: fc.record({ kind: fc.constant('insert' as const), at: fraction, text: typed }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('delete' as const), at: fraction, length: fc.nat({ max: 2000 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('paste' as const), at: fraction, from: fraction, length: fc.nat({ max: 20_000 }) }) },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('replace-all' as const), version: fc.constantFrom('reused' as const, 'backward' as const), from: fraction, length: fc.nat({ max: 30_000 }) }),
  },
);

export interface FuzzOptions {
  seed: number;
  edits: number;
  /** Plans to start from and paste from. */
  plans: string[];
  settings?: Record<string, unknown>;
  log?(message: string): void;
}

export interface FuzzFindings {
  seed: number;
  edits: number;
  publications: number;
  requests: number;
  /** Requests refused with ContentModified (an answer: the client asks again). */
  refused: number;
  /** Ranges outside the client's copy of the text, with where they came from. */
  outOfRange: string[];
  /** Requests answered after ANSWER_BOUND_MS, and those never answered. */
  late: number;
  unanswered: number;
  /** Other errors answered to requests. */
  errors: string[];
  exits: number;
}

function offsetOf(fraction: number, text: string): number {
  return Math.floor(fraction * text.length);
}

function linesOf(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

function inside(range: Range, lines: string[]): boolean {
  const ok = (position: Range['start']): boolean => position.line >= 0 && position.line < lines.length && position.character >= 0 && position.character <= lines[position.line]!.length;
  const ordered = range.start.line < range.end.line || (range.start.line === range.end.line && range.start.character <= range.end.character);
  return ok(range.start) && ok(range.end) && ordered;
}

function symbolRanges(symbols: DocumentSymbol[]): Range[] {
  return symbols.flatMap((symbol) => [symbol.range, symbol.selectionRange, ...symbolRanges(symbol.children ?? [])]);
}

export async function fuzzServer(options: FuzzOptions): Promise<FuzzFindings> {
  const { seed, plans } = options;
  const [edits] = fc.sample(fc.array(edit, { minLength: options.edits, maxLength: options.edits }), { seed, numRuns: 1 });
  const findings: FuzzFindings = { seed, edits: options.edits, publications: 0, requests: 0, refused: 0, outOfRange: [], late: 0, unanswered: 0, errors: [], exits: 0 };
  const { client } = await LspClient.start({ settings: options.settings ?? {} });
  const exited = (): void => {
    findings.exits++;
  };
  client.child.on('exit', exited);
  const uri = `untitled:fuzz-${seed}.md`;
  const corpus = plans.join('\n');
  /** Every text sent with each version number (a reused number names several). */
  const sent = new Map<number, string[]>();
  let document = TextDocument.create(uri, 'markdown', 1, plans[0]!);
  let highest = 1;
  sent.set(1, [document.getText()]);
  const outside = (what: string, ranges: Range[], texts: string[]): void => {
    for (const range of ranges) if (!texts.some((text) => inside(range, linesOf(text)))) findings.outOfRange.push(`${what} ${JSON.stringify(range)}`);
  };
  let checkedPublications = 0;
  const checkPublications = (): void => {
    for (const { version, diagnostics } of (client.published.get(uri) ?? []).slice(checkedPublications)) {
      findings.publications++;
      outside(`diagnostic (v${version})`, diagnostics.map((diagnostic: Diagnostic) => diagnostic.range), sent.get(version ?? -1) ?? []);
    }
    checkedPublications = client.publicationCount(uri);
  };
  const outstanding: Array<Promise<void>> = [];
  let unanswered = 0;
  const ask = <T>(method: string, params: object, check: (answer: T, text: string, version: number) => void): void => {
    const text = document.getText();
    const version = document.version;
    findings.requests++;
    const started = Date.now();
    let answered = false;
    unanswered++;
    const late = setTimeout(() => findings.late++, ANSWER_BOUND_MS);
    outstanding.push(
      client.connection.sendRequest<T>(method, { textDocument: { uri }, ...params }).then(
        (answer) => {
          answered = true;
          if (answer !== null) check(answer, text, version);
        },
        (error: { code?: number; message?: string }) => {
          answered = true;
          if (error.code === LSPErrorCodes.ContentModified) findings.refused++;
          else findings.errors.push(`${method}: ${error.message}`);
        },
      ).finally(() => {
        unanswered--;
        if (answered && Date.now() - started <= ANSWER_BOUND_MS) clearTimeout(late);
      }),
    );
  };
  const askAll = (): void => {
    ask<DocumentSymbol[]>('textDocument/documentSymbol', {}, (symbols, text) => outside('symbol', symbolRanges(symbols), [text]));
    ask<FoldingRange[]>('textDocument/foldingRange', {}, (ranges, text) => {
      const lineCount = linesOf(text).length;
      for (const range of ranges) if (range.startLine < 0 || range.endLine >= lineCount || range.startLine > range.endLine) findings.outOfRange.push(`folding ${JSON.stringify(range)}`);
    });
    const lines = linesOf(document.getText());
    const whole = { start: { line: 0, character: 0 }, end: { line: lines.length - 1, character: lines.at(-1)!.length } };
    ask<CodeAction[]>('textDocument/codeAction', { range: whole, context: { diagnostics: [], only: ['source.fixAll.kehoach', 'quickfix'] } }, (actions, text, version) => {
      for (const action of actions) {
        for (const change of (action.edit?.documentChanges ?? []) as TextDocumentEdit[]) {
          if (change.textDocument.version !== version) findings.outOfRange.push(`code action edit for v${change.textDocument.version} asked at v${version}`);
          outside('code action edit', change.edits.map((item) => item.range), [text]);
        }
      }
    });
  };

  await client.open(uri, document.getText());
  for (let i = 0; i < edits!.length; i++) {
    const step = edits![i]!;
    const text = document.getText();
    if (step.kind === 'replace-all') {
      const start = offsetOf(step.from, corpus);
      const next = corpus.slice(start, start + step.length);
      const version = step.version === 'reused' ? document.version : Math.max(1, document.version - 2);
      document = TextDocument.create(uri, 'markdown', version, next);
      await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text: next }] });
    } else {
      const at = offsetOf(step.at, text);
      const start = document.positionAt(at);
      // A deletion may reach past the end: both sides clamp it the same way.
      const end = step.kind === 'delete' ? { line: start.line + Math.floor(step.length / 40), character: start.character + (step.length % 40) } : start;
      const pasted = step.kind === 'paste' ? corpus.slice(offsetOf(step.from, corpus), offsetOf(step.from, corpus) + step.length) : '';
      const newText = step.kind === 'insert' ? step.text : pasted;
      highest++;
      const change = { range: { start, end }, text: newText };
      document = TextDocument.update(document, [change], highest);
      await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: highest }, contentChanges: [change] });
    }
    highest = Math.max(highest, document.version);
    sent.set(document.version, [...(sent.get(document.version) ?? []), document.getText()]);
    checkPublications();
    if ((i + 1) % EDITS_PER_REQUESTS === 0) askAll();
    if ((i + 1) % EDITS_PER_PAUSE === 0) {
      await Promise.all(outstanding.splice(0));
      checkPublications();
      options.log?.(`seed ${seed}: ${i + 1} edits, ${findings.outOfRange.length} out of range, ${findings.late} late, ${findings.exits} exits`);
    }
  }
  askAll();
  // The answers still outstanding, each given ANSWER_BOUND_MS and then more before counted as never given.
  let giveUp: NodeJS.Timeout | undefined;
  await Promise.race([Promise.all(outstanding), new Promise((resolve) => (giveUp = setTimeout(resolve, 60_000)))]);
  clearTimeout(giveUp);
  findings.unanswered = unanswered;
  checkPublications();
  client.child.off('exit', exited);
  await client.stop();
  return findings;
}
