// Every rule against its fixtures, as strictly as markdownlint's tests: exactly the marked lines
// are reported, each finding's range, severity, fix safety and messages are those pinned in the
// fixture's results file, and after fix-all no safe fix is left. A rule without fixtures fails
// here, so none can be added untested.
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkText } from '../server/src/engine/check.js';
import { ruleDocsPath, type Rule, type WorkspaceView } from '../server/src/engine/rule.js';
import { fixAll, isAppliedByFixAll } from '../server/src/engine/fixes.js';
import { RULES } from '../server/src/engine/rules/index.js';
import type { Diagnostic, FixSafety } from '../server/src/engine/types.js';
import { fileUri, indexFolders } from '../server/src/node/indexer.js';
import { withMetadataHeaders } from './helpers/rule-docs.js';
import { type RuleFixture, SEEDS, resultsPath, resultsText, ruleFixtures, seedFiles, workspaceFixtures } from './helpers/fixtures.js';

const safetiesOffered = (diagnostics: readonly Diagnostic[]): FixSafety[] =>
  [...new Set(diagnostics.flatMap((d) => (d.fix ? [d.fix.safety] : [])))].sort();

/** The rule's findings on one fixture, pinned; then what fix-all leaves. */
async function expectPinnedFindings(rule: Rule, fixture: RuleFixture, workspace?: WorkspaceView): Promise<void> {
  const check = (text: string, rules: readonly Rule[] = [rule]) => checkText(text, { rules, workspace }).diagnostics;
  const diagnostics = check(fixture.text);
  const marked = fixture.expected.filter((e) => e.endsWith(`:${rule.meta.id}`));
  expect(diagnostics.map((d) => `${d.range.start.line}:${d.ruleId}`).sort(), 'the <!-- expect --> markers').toEqual(marked);
  for (const d of diagnostics) expect([d.message.vi, d.message.en], 'a message in each language').not.toContain('');
  // The results file pins what the markers state, and more: both are held against the same findings.
  await expect(resultsText(diagnostics), 'the results file').toMatchFileSnapshot(resultsPath(fixture.path));

  const fixed = fixAll(fixture.text, check).text;
  if (fixture.fixed !== undefined) expect(fixed, 'the .fixed.md text').toBe(fixture.fixed);
  expect(check(fixed).filter((d) => isAppliedByFixAll(d.fix)), 'safe fixes left after fix-all').toEqual([]);
  // Every rule's fixes together converge too: none undoes another's or leaves one behind.
  const fixedByAll = fixAll(fixture.text, (text) => check(text, RULES)).text;
  expect(check(fixedByAll, RULES).filter((d) => isAppliedByFixAll(d.fix)), 'safe fixes left after fix-all of every rule').toEqual([]);
}

describe.each(RULES.map((rule) => [rule.meta.id, rule] as const))('%s', (id, rule) => {
  const fixtures = ruleFixtures(id);
  const workspaces = workspaceFixtures(id);
  const all = [...fixtures, ...workspaces.flatMap((w) => w.files)];

  it('has its documentation page, in Vietnamese then English, each header made from the metadata', async () => {
    const page = join(__dirname, '..', ruleDocsPath(id));
    expect(existsSync(page), page).toBe(true);
    const text = readFileSync(page, 'utf8');
    expect(text.startsWith(`# ${id} \`${rule.meta.slug}\``)).toBe(true);
    expect(text).toMatch(/^## What it checks$/m);
    await expect(withMetadataHeaders(text, rule.meta), 'the headers (vitest -u rewrites them)').toMatchFileSnapshot(page);
  });

  it('has a positive and a negative fixture', () => {
    expect(all.some((f) => f.expected.some((e) => e.endsWith(`:${id}`)))).toBe(true);
    expect(all.some((f) => !f.expected.some((e) => e.endsWith(`:${id}`)))).toBe(true);
  });

  it('offers exactly the fix safety levels its metadata declares', async () => {
    const onFixtures = fixtures.flatMap((fixture) => checkText(fixture.text, { rules: [rule] }).diagnostics);
    for (const workspace of workspaces) {
      const { index } = await indexFolders([workspace.dir]);
      for (const file of workspace.files) onFixtures.push(...checkText(file.text, { rules: [rule], workspace: { uri: fileUri(file.path), index } }).diagnostics);
    }
    expect(safetiesOffered(onFixtures), 'on its fixtures').toEqual([...rule.meta.fixes].sort());
    const onSeeds = seedFiles().flatMap((seed) => checkText(readFileSync(join(SEEDS, seed), 'utf8'), { rules: [rule] }).diagnostics);
    for (const safety of safetiesOffered(onSeeds)) expect(rule.meta.fixes, 'on the seeds').toContain(safety);
  });

  it.each(workspaces.map((w) => [w.name, w] as const))('workspace %s', async (_name, workspace) => {
    const { index } = await indexFolders([workspace.dir]);
    for (const file of workspace.files) await expectPinnedFindings(rule, file, { uri: fileUri(file.path), index });
  });

  it.each(fixtures.map((f) => [f.name, f] as const))('%s', (_name, fixture) => expectPinnedFindings(rule, fixture));
});
