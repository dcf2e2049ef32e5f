// The packaged extension (.vsix) in real VS Code: code-server serves the workbench, headless
// Chromium shows it, and each step is done as a person does it, with the keyboard. The steps share
// one workbench and run in order; each leaves a screenshot in test/artifacts/e2e, and a failure
// adds a screenshot and the text of what the workbench showed.
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { CITATION, DEFECTS_PLAN, EXPECTED_DEFECTS, EXPECTED_RULE_LINES, MISSING_SECTION_TITLE, PLAN_SUMMARY } from './fixtures/defects';
import { type CodeServerHome, type RunningCodeServer, createHome, installExtension, removeHome, startCodeServer } from './support/code-server';
import { EXAMPLES, FIXTURE_PLANS, ROOT } from './support/paths';
import { Workbench, commandTitle, launchChromium, writeArtifact } from './support/workbench';

/** Diagnostics appear once the extension has activated and the server has checked the plan. */
const FIRST_CHECK_TIMEOUT = 60_000;
const UPDATE_TIMEOUT = 20_000;

interface CliDiagnostic {
  ruleId: string;
  range: { start: { line: number } };
}

interface CliCheck {
  /** Rule and 1-based line of each problem, sorted like Workbench.problemsOf. */
  ruleLines: Array<{ rule: string; line: number }>;
  counts: { errors: number; warnings: number; infos: number };
}

/** The command line's own check of a file: the reference the editor must agree with. */
function cliCheck(file: string): CliCheck {
  const run = spawnSync(process.execPath, [join(ROOT, 'bin', 'kehoach.js'), 'check', '--format', 'json', file], { encoding: 'utf8' });
  const report = JSON.parse(run.stdout) as { files: Array<{ diagnostics: CliDiagnostic[] }>; summary: CliCheck['counts'] };
  const ruleLines = report.files
    .flatMap((entry) => entry.diagnostics)
    .map((diagnostic) => ({ rule: diagnostic.ruleId, line: diagnostic.range.start.line + 1 }))
    .sort((a, b) => a.line - b.line || a.rule.localeCompare(b.rule));
  const { errors, warnings, infos } = report.summary;
  return { ruleLines, counts: { errors, warnings, infos } };
}

/** The status bar item's tooltip (part of its accessible label) for these counts. */
function statusCounts({ errors, warnings, infos }: CliCheck['counts']): string {
  return `This plan has ${errors} error(s), ${warnings} warning(s) and ${infos} note(s).`;
}

/** True when every line of `original` is still in `edited`, in order: an edit only added text. */
function keepsEveryLine(original: string, edited: string): boolean {
  const remaining = edited.split('\n');
  let index = 0;
  return original.split('\n').every((line) => {
    while (index < remaining.length && remaining[index] !== line) index++;
    return index++ < remaining.length;
  });
}

describe.sequential('the packaged extension in VS Code for the web', () => {
  const folder = mkdtempSync(join(tmpdir(), 'kehoach-e2e-plans-'));
  const planPath = join(folder, DEFECTS_PLAN);
  let home: CodeServerHome;
  let server: RunningCodeServer | undefined;
  let browser: Browser | undefined;
  let workbench: Workbench;

  beforeAll(async () => {
    cpSync(EXAMPLES, folder, { recursive: true });
    copyFileSync(join(FIXTURE_PLANS, DEFECTS_PLAN), planPath);
    home = createHome(undefined, {
      // Messages in Vietnamese, as most users of the extension read them.
      'kehoach.locale': 'vi',
      // Saving is a step of its own (code-server saves after a second by default).
      'files.autoSave': 'off',
    });
    await installExtension(home, inject('vsix'));
    server = await startCodeServer(home, folder);
    browser = await launchChromium();
    workbench = new Workbench(await browser.newPage({ viewport: { width: 1280, height: 800 } }));
    await workbench.open(server.url);
    await workbench.openFile(DEFECTS_PLAN);
  });

  // Each step starts where the one before left the workbench: after a failure the rest are skipped.
  let failedStep: string | undefined;
  beforeEach(({ skip }) => {
    if (failedStep) skip(`"${failedStep}" failed`);
  });

  afterEach(async ({ task }) => {
    if (task.result?.state !== 'fail' || !workbench) return;
    failedStep = task.name;
    const name = task.name.replace(/[^\p{L}\p{N}]+/gu, '-').slice(0, 60);
    const screenshot = await workbench.screenshot(`FAILED-${name}`);
    const text = await workbench.describe();
    const report = writeArtifact(`FAILED-${name}.txt`, `${text}\n--- code-server\n${server?.output().slice(-4000) ?? ''}`);
    console.error(`Step "${task.name}" failed; screenshot ${screenshot}, report ${report}.\n${text}`);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (home) removeHome(home);
    rmSync(folder, { recursive: true, force: true });
  });

  it('lists the plan defects in the Problems view, on their lines, in Vietnamese', async () => {
    await workbench.showProblems();
    await expect.poll(() => workbench.problemsOf(DEFECTS_PLAN), { timeout: FIRST_CHECK_TIMEOUT }).toEqual(EXPECTED_RULE_LINES);
    const problems = await workbench.problems();
    for (const expected of EXPECTED_DEFECTS) {
      expect(problems.find((problem) => problem.rule === expected.rule)?.severity, expected.rule).toBe(expected.severity);
    }
    expect(problems.find((problem) => problem.rule === 'KH101')?.message).toContain(`Thiếu mục ${MISSING_SECTION_TITLE}`);
    await workbench.screenshot('problems');
    await workbench.documentationScreenshot('problems', workbench.page.locator('.part.editor'), workbench.page.locator('.part.panel'));
  });

  it('counts the problems in the status bar', async () => {
    const count = (severity: string): number => EXPECTED_DEFECTS.filter((defect) => defect.severity === severity).length;
    const counts = { errors: count('error'), warnings: count('warning'), infos: count('info') };
    await expect.poll(() => workbench.statusItem.getAttribute('aria-label')).toContain(statusCounts(counts));
    await workbench.screenshot('status-bar');
  });

  it('shows the details of a citation on hover', async () => {
    await workbench.editor.click();
    await workbench.goTo(CITATION.line, CITATION.column);
    // Show Hover from the keyboard: Ctrl+K Ctrl+I.
    await workbench.page.keyboard.press('Control+K');
    await workbench.page.keyboard.press('Control+I');
    const hover = workbench.page.locator('.monaco-hover:visible', { hasText: CITATION.symbol });
    await hover.waitFor();
    await expect.poll(() => hover.innerText()).toContain(CITATION.issuer);
    await workbench.settled(hover);
    await workbench.screenshot('hover');
    await workbench.page.keyboard.press('Escape');
    await hover.waitFor({ state: 'hidden' });
  });

  it('inserts the missing section with the quick fix, from the keyboard', async () => {
    const original = readFileSync(planPath, 'utf8');
    await workbench.selectProblem('KH101');
    // Enter opens the problem in the editor, Ctrl+. the quick fixes there.
    await workbench.page.keyboard.press('Enter');
    await workbench.page.locator('.monaco-editor.focused').waitFor();
    await workbench.page.keyboard.press('Control+.');
    const menu = workbench.page.locator('.action-widget');
    await menu.waitFor();
    const fixTitle = `Chèn mục IV. ${MISSING_SECTION_TITLE}`;
    const focused = menu.locator('.monaco-list-row.focused');
    for (let moves = 0; !(await focused.innerText()).includes(fixTitle); moves++) {
      if (moves > 10) throw new Error(`No quick fix "${fixTitle}" in the menu:\n${await menu.innerText()}`);
      await workbench.page.keyboard.press('ArrowDown');
    }
    await workbench.settled(menu);
    await workbench.screenshot('quick-fix-menu');
    await workbench.documentationScreenshot('quick-fix', workbench.page.locator('.part.editor'), menu);
    await workbench.page.keyboard.press('Enter');
    await menu.waitFor({ state: 'hidden' });

    await workbench.editor.locator('.view-line', { hasText: `IV. ${MISSING_SECTION_TITLE}` }).waitFor();
    await expect.poll(async () => (await workbench.problemsOf(DEFECTS_PLAN)).map((problem) => problem.rule), { timeout: UPDATE_TIMEOUT }).not.toContain('KH101');
    await workbench.screenshot('quick-fix-applied');
    await workbench.save();
    const saved = readFileSync(planPath, 'utf8');
    expect(saved).toMatch(new RegExp(`^III\\. KINH PHÍ THỰC HIỆN$[\\s\\S]*^IV\\. ${MISSING_SECTION_TITLE}$[\\s\\S]*^Nơi nhận:$`, 'm'));
    expect(keepsEveryLine(original, saved), 'the quick fix only adds lines').toBe(true);
  });

  it('fixes every auto-fixable problem with the fix-all command, as the command line does', async () => {
    // The command line's --fix on a copy of the same text is the reference.
    const reference = mkdtempSync(join(tmpdir(), 'kehoach-e2e-cli-'));
    try {
      cpSync(folder, reference, { recursive: true });
      const referencePlan = join(reference, DEFECTS_PLAN);
      spawnSync(process.execPath, [join(ROOT, 'bin', 'kehoach.js'), 'check', '--fix', referencePlan], { cwd: reference });
      const expectedText = readFileSync(referencePlan, 'utf8');
      expect(expectedText).not.toBe(readFileSync(planPath, 'utf8'));

      await workbench.editor.click();
      await workbench.runCommand(commandTitle('kehoach.fixAll'));
      await workbench.page.locator('.tab.active.dirty').waitFor();
      await workbench.save();
      expect(readFileSync(planPath, 'utf8')).toBe(expectedText);

      const cli = cliCheck(referencePlan);
      await expect.poll(() => workbench.problemsOf(DEFECTS_PLAN), { timeout: UPDATE_TIMEOUT }).toEqual(cli.ruleLines);
      await expect.poll(() => workbench.statusItem.getAttribute('aria-label')).toContain(statusCounts(cli.counts));
      const rules = (await workbench.problemsOf(DEFECTS_PLAN)).map((problem) => problem.rule);
      for (const fixed of ['KH204', 'KH103', 'KH502']) expect(rules).not.toContain(fixed);
      expect(rules).toContain('KH403');
      await workbench.screenshot('fix-all');
    } finally {
      rmSync(reference, { recursive: true, force: true });
    }
  });

  it('shows the sections in the Outline view', async () => {
    await workbench.runCommand('Explorer: Focus on Outline View');
    const outline = workbench.page.locator('.outline-pane');
    await outline.locator('.monaco-list-row').first().waitFor();
    // Room for the top level of the outline: fold the file list away and the outline's own groups.
    await workbench.page.locator('.pane-header[aria-label^="Explorer Section"][aria-expanded="true"]').click();
    await outline.locator('.monaco-list').focus();
    // List: Collapse All.
    await workbench.page.keyboard.press('Control+ArrowLeft');
    for (const section of ['I. MỤC ĐÍCH, YÊU CẦU', 'II. NHIỆM VỤ, GIẢI PHÁP', 'III. KINH PHÍ THỰC HIỆN', `IV. ${MISSING_SECTION_TITLE}`]) {
      await outline.locator('.monaco-list-row', { hasText: section }).waitFor();
    }
    await workbench.screenshot('outline');
    await workbench.page.locator('.pane-header[aria-label^="Explorer Section"][aria-expanded="false"]').click();
  });

  it('opens the print preview beside the plan', async () => {
    // The panel closed (Ctrl+J), the sheet gets the window's height.
    await workbench.page.keyboard.press('Control+J');
    await workbench.page.locator('.part.panel').waitFor({ state: 'hidden' });
    await workbench.editor.click();
    await workbench.runCommand(commandTitle('kehoach.showPreview'));
    const sheet = workbench.webview();
    await sheet.getByText(PLAN_SUMMARY).first().waitFor();
    await sheet.getByText(`IV. ${MISSING_SECTION_TITLE}`).first().waitFor();
    await workbench.screenshot('preview');
    await workbench.documentationScreenshot('preview', workbench.page.locator('.part.editor'));
  });
});
