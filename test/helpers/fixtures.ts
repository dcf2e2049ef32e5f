// Rule fixtures with inline expectations, as markdownlint does: a line that should be reported
// ends with "<!-- expect KH502 -->" (several IDs allowed), and "name.results.json" beside the
// fixture pins each finding's range, severity, fix safety and messages. A fixture "name.md" may
// have a "name.fixed.md" beside it: the exact text after applying that rule's safe fixes.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Diagnostic, FixSafety, Range, Severity } from '../../server/src/engine/types.js';

export const FIXTURES = join(__dirname, '..', 'fixtures');
export const SEEDS = join(__dirname, '..', '..', '..', 'shared', 'seeds');
export const hasSeeds = existsSync(SEEDS);

export interface RuleFixture {
  name: string;
  path: string;
  text: string;
  /** "line:RULE" pairs, 0-based lines. */
  expected: string[];
  fixed?: string;
}

export function expectationsOf(text: string): string[] {
  const expected: string[] = [];
  text.split('\n').forEach((line, number) => {
    for (const m of line.matchAll(/<!--\s*expect\s+([^>]*?)-->/g)) {
      for (const id of m[1]!.split(/[\s,]+/).filter(Boolean)) expected.push(`${number}:${id}`);
    }
  });
  return expected.sort();
}

/** One finding as a results file pins it. */
export interface PinnedFinding {
  rule: string;
  /** "line:character-line:character", 0-based as in LSP. */
  range: string;
  severity: Severity;
  fix?: FixSafety;
  vi: string;
  en: string;
}

const rangeText = ({ start, end }: Range): string => `${start.line}:${start.character}-${end.line}:${end.character}`;

export function pinnedFinding(diagnostic: Diagnostic): PinnedFinding {
  const { ruleId: rule, range, severity, fix, message } = diagnostic;
  return { rule, range: rangeText(range), severity, ...(fix ? { fix: fix.safety } : {}), vi: message.vi, en: message.en };
}

/** The results file's text: the findings in the order the engine reports them. */
export function resultsText(diagnostics: readonly Diagnostic[]): string {
  return `${JSON.stringify(diagnostics.map(pinnedFinding), null, 2)}\n`;
}

export function resultsPath(fixturePath: string): string {
  return fixturePath.replace(/\.md$/, '.results.json');
}

export function ruleFixtures(ruleId: string): RuleFixture[] {
  const dir = join(FIXTURES, 'rules', ruleId);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((file) => file.endsWith('.md') && !file.endsWith('.fixed.md'))
    .sort()
    .map((file) => {
      const path = join(dir, file);
      const text = readFileSync(path, 'utf8');
      const fixedPath = path.replace(/\.md$/, '.fixed.md');
      return {
        name: file,
        path,
        text,
        expected: expectationsOf(text),
        fixed: existsSync(fixedPath) ? readFileSync(fixedPath, 'utf8') : undefined,
      };
    });
}

export interface WorkspaceFixture {
  name: string;
  dir: string;
  files: RuleFixture[];
}

/** Folders under a rule's fixtures: each is a workspace of plans checked together (cross-file rules). */
export function workspaceFixtures(ruleId: string): WorkspaceFixture[] {
  const dir = join(FIXTURES, 'rules', ruleId);
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const folder = join(dir, name);
      const files = readdirSync(folder)
        .filter((file) => file.endsWith('.md'))
        .sort()
        .map((file) => {
          const path = join(folder, file);
          const text = readFileSync(path, 'utf8');
          return { name: file, path, text, expected: expectationsOf(text) };
        });
      return { name, dir: folder, files };
    });
}

export function seedFiles(): string[] {
  return hasSeeds ? readdirSync(SEEDS).filter((file) => file.endsWith('.md')).sort() : [];
}
