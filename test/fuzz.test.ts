// The short, seeded fuzz run (test/fuzz/lsp-fuzz.ts; `npm run fuzz` runs the long one): every range
// the built server sends lies inside the client's text, every request is answered, the process
// lives. And `kehoach check --fix` run twice on mutated plans changes nothing the second time and
// loses no word.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SEEDS, hasSeeds, seedFiles } from './helpers/fixtures';
import { firstLostLetter } from './helpers/words';
import { ROOT, buildServer } from './lsp-harness';
import { fuzzServer } from './fuzz/lsp-fuzz';
import { mutatedPlans } from './fuzz/mutations';

const REAL = join(__dirname, 'fixtures', 'real');
const realPlans = readdirSync(REAL).filter((name) => name.endsWith('.md') && name !== 'SOURCES.md').map((name) => readFileSync(join(REAL, name), 'utf8'));

describe('the language server under random edits', () => {
  it.each([1, 2])('seed %i: ranges inside the text, every request answered, the process alive', async (seed) => {
    const findings = await fuzzServer({ seed, edits: 150, plans: realPlans.slice(seed * 5, seed * 5 + 5), settings: { debounceMs: seed === 1 ? 0 : 150 } });
    expect(findings.outOfRange).toEqual([]);
    expect(findings.unanswered).toBe(0);
    expect(findings.errors).toEqual([]);
    expect(findings.exits).toBe(0);
    expect(findings.publications).toBeGreaterThan(0);
  }, 120_000);
});

describe('kehoach check --fix on mutated plans', () => {
  const folder = mkdtempSync(join(tmpdir(), 'kehoach-fuzz-fix-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));
  const sources = hasSeeds ? seedFiles().map((name) => readFileSync(join(SEEDS, name), 'utf8')) : realPlans.slice(0, 3);
  const plans = mutatedPlans(sources, 7, 3);

  it('changes nothing the second time and loses no word', () => {
    buildServer();
    const paths = plans.map((text, i) => {
      const path = join(folder, `plan-${i}.md`);
      writeFileSync(path, text);
      return path;
    });
    const fix = (): void => {
      try {
        execFileSync(process.execPath, [join(ROOT, 'out', 'cli.js'), 'check', '--fix', ...paths], { stdio: 'ignore' });
      } catch {
        // Findings left after the fixes make the run exit non-zero; the texts are what is checked.
      }
    };
    fix();
    const once = paths.map((path) => readFileSync(path, 'utf8'));
    fix();
    paths.forEach((path, i) => {
      expect(readFileSync(path, 'utf8'), `plan-${i} changed on the second --fix`).toBe(once[i]);
      expect(firstLostLetter(plans[i]!, once[i]!), `plan-${i} lost a word`).toBeUndefined();
    });
  }, 120_000);
});
