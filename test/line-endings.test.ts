// One notion of a line, LSP's: "\r\n", "\n" and a lone "\r" all end a line. A plan saved with any
// of them (or a mix) reads exactly as the same plan with "\n": the same findings on the same lines,
// the same identity in the folder index, and fix-all keeps each line's own ending.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkText } from '../server/src/engine/check.js';
import { fixAll } from '../server/src/engine/fixes.js';
import { LineIndex, splitLines } from '../server/src/engine/text.js';
import { summarizePlan } from '../server/src/engine/workspace/summary.js';
import { FIXTURES, SEEDS, seedFiles } from './helpers/fixtures.js';
import { firstLostLetter } from './helpers/words.js';

const REAL = join(FIXTURES, 'real');
const plans = [
  ...seedFiles().map((file) => ({ name: `seed ${file}`, path: join(SEEDS, file) })),
  ...readdirSync(REAL).filter((file) => file.endsWith('.md') && file !== 'SOURCES.md').sort().map((file) => ({ name: file, path: join(REAL, file) })),
];

const BREAKS = ['\r', '\r\n', '\n'];
const VARIANTS: Record<string, (lines: string[]) => string> = {
  'CR only': (lines) => lines.join('\r'),
  CRLF: (lines) => lines.join('\r\n'),
  // Each line ends differently from the one before it: CR, CRLF, LF, CR ...
  mixed: (lines) => lines.map((line, n) => (n + 1 < lines.length ? line + BREAKS[n % 3] : line)).join(''),
};

const findings = (text: string): string[] =>
  checkText(text).diagnostics.map((d) => `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.ruleId} ${d.message.vi}`);
const check = (text: string) => checkText(text).diagnostics;

describe('LineIndex', () => {
  it('ends a line at \\r\\n, \\n and a lone \\r, as LSP does', () => {
    const index = new LineIndex('a\rb\r\nc\nd');
    expect(index.lineStarts).toEqual([0, 2, 5, 7]);
    expect([0, 1, 2, 3].map((line) => index.lineText(line))).toEqual(['a', 'b', 'c', 'd']);
    expect([0, 1, 2, 3].map((line) => index.lineBreak(line))).toEqual(['\r', '\r\n', '\n', '\n']);
    expect(index.positionAt(4)).toEqual({ line: 1, character: 2 });
    expect(index.offsetAt({ line: 1, character: 99 })).toBe(3);
    expect(splitLines('a\rb\r\nc\nd')).toEqual(['a', 'b', 'c', 'd']);
  });
});

describe.each(Object.entries(VARIANTS))('a plan saved with %s line breaks', (_, convert) => {
  it.each(plans)('$name reads as with LF: findings line for line, the same index card', ({ path }) => {
    const lines = splitLines(readFileSync(path, 'utf8'));
    const lf = lines.join('\n');
    const converted = convert(lines);
    expect(findings(converted)).toEqual(findings(lf));
    expect(summarizePlan(converted)).toEqual(summarizePlan(lf));
  });

  it.each(plans)('$name: fix-all gives the LF result, keeps each line ending, is idempotent and keeps every word', ({ path }) => {
    const lines = splitLines(readFileSync(path, 'utf8'));
    const converted = convert(lines);
    const fixed = fixAll(converted, check).text;
    expect(splitLines(fixed)).toEqual(splitLines(fixAll(lines.join('\n'), check).text));
    // The lines that were there keep their break; inserted lines take a neighbour's.
    const breaksOf = (text: string): string[] => text.match(/\r\n|\r|\n/gu) ?? [];
    const kinds = new Set(breaksOf(converted));
    expect(breaksOf(fixed).every((lineBreak) => kinds.has(lineBreak))).toBe(true);
    expect(fixAll(fixed, check).text).toBe(fixed);
    expect(firstLostLetter(converted, fixed)).toBeUndefined();
  });
});
