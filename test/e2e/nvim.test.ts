// A second editor: Neovim (0.7+, headless) runs `kehoach-lsp --stdio`, reads the diagnostics of a
// plan with known defects, and applies the KH101 quick fix through its own LSP client. Proves the
// server works outside VS Code. Skipped, with a message, when nvim is not installed.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFECTS_PLAN, EXPECTED_RULE_LINES, MISSING_SECTION_TITLE } from './fixtures/defects';
import { FIXTURE_PLANS, ROOT } from './support/paths';

const nvimFound = spawnSync('nvim', ['--version'], { stdio: 'ignore' }).status === 0;
if (!nvimFound) console.warn('nvim is not installed: the Neovim test is skipped (scripts/e2e/setup.sh installs it).');

interface ReportedDiagnostic {
  code: string;
  line: number;
  message: string;
}

interface NvimResult {
  failure?: string;
  diagnostics?: ReportedDiagnostic[];
  actions?: string[];
  text?: string;
  diagnosticsAfterFix?: ReportedDiagnostic[];
  log: string[];
}

const ruleLines = (diagnostics: ReportedDiagnostic[] = []) => diagnostics.map(({ code, line }) => ({ rule: code, line }));

describe.skipIf(!nvimFound)('Neovim with kehoach-lsp --stdio', () => {
  const folder = mkdtempSync(join(tmpdir(), 'kehoach-nvim-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('shows the defects of a plan and applies the quick fix for a missing section', () => {
    const plan = join(folder, DEFECTS_PLAN);
    copyFileSync(join(FIXTURE_PLANS, DEFECTS_PLAN), plan);
    const resultPath = join(folder, 'result.json');
    const run = spawnSync('nvim', ['--headless', '--clean', '-n', '-i', 'NONE', '-u', join(__dirname, 'nvim', 'check-plan.lua')], {
      cwd: folder,
      env: { ...process.env, KEHOACH_SERVER: join(ROOT, 'bin', 'kehoach-lsp.js'), KEHOACH_PLAN: plan, KEHOACH_RESULT: resultPath },
      encoding: 'utf8',
      timeout: 60_000,
    });
    let result: NvimResult;
    try {
      result = JSON.parse(readFileSync(resultPath, 'utf8')) as NvimResult;
    } catch {
      throw new Error(`Neovim wrote no result (exit ${run.status}, signal ${run.signal}).\n${run.stdout}\n${run.stderr}`);
    }
    expect(result.failure, `Neovim reported a failure; server log:\n${result.log.join('\n')}`).toBeUndefined();
    expect(run.status).toBe(0);

    expect(ruleLines(result.diagnostics)).toEqual(EXPECTED_RULE_LINES);
    expect(result.diagnostics?.find((diagnostic) => diagnostic.code === 'KH101')?.message).toContain(MISSING_SECTION_TITLE);

    expect(result.actions?.[0]).toContain(MISSING_SECTION_TITLE);
    expect(result.text).toMatch(new RegExp(`^IV\\. ${MISSING_SECTION_TITLE}$`, 'm'));
    const after = ruleLines(result.diagnosticsAfterFix).map(({ rule }) => rule);
    expect(after).not.toContain('KH101');
    expect(after).toEqual(expect.arrayContaining(['KH204', 'KH403', 'KH103', 'KH502']));
  });
});
