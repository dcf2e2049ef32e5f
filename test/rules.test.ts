// Every rule against its fixtures: exactly the expected lines are reported, and fixes produce the
// exact expected text. A rule without fixtures fails here, so none can be added untested.
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkText } from '../server/src/engine/check.js';
import { ruleDocsPath } from '../server/src/engine/rule.js';
import { fixAll } from '../server/src/engine/fixes.js';
import { RULES } from '../server/src/engine/rules/index.js';
import { fileUri, indexFolders } from '../server/src/engine/workspace/indexer.js';
import { ruleFixtures, workspaceFixtures } from './helpers/fixtures.js';

describe.each(RULES.map((rule) => [rule.meta.id, rule] as const))('%s', (id, rule) => {
  const fixtures = ruleFixtures(id);
  const workspaces = workspaceFixtures(id);
  const all = [...fixtures, ...workspaces.flatMap((w) => w.files)];

  it('has its documentation page, in Vietnamese then English', () => {
    const page = join(__dirname, '..', ruleDocsPath(id));
    expect(existsSync(page), page).toBe(true);
    const text = readFileSync(page, 'utf8');
    expect(text.startsWith(`# ${id} \`${rule.meta.slug}\``)).toBe(true);
    expect(text).toMatch(/^## What it checks$/m);
  });

  it('has a positive and a negative fixture', () => {
    expect(all.some((f) => f.expected.some((e) => e.endsWith(`:${id}`)))).toBe(true);
    expect(all.some((f) => !f.expected.some((e) => e.endsWith(`:${id}`)))).toBe(true);
  });

  it.each(workspaces.map((w) => [w.name, w] as const))('workspace %s', async (_name, workspace) => {
    const { index } = await indexFolders([workspace.dir]);
    for (const file of workspace.files) {
      const { diagnostics } = checkText(file.text, { rules: [rule], workspace: { uri: fileUri(file.path), index } });
      const found = diagnostics.map((d) => `${d.range.start.line}:${d.ruleId}`).sort();
      expect(found, file.name).toEqual(file.expected.filter((e) => e.endsWith(`:${id}`)));
    }
  });

  it.each(fixtures.map((f) => [f.name, f] as const))('%s', (_name, fixture) => {
    const { diagnostics } = checkText(fixture.text, { rules: [rule] });
    const found = diagnostics.map((d) => `${d.range.start.line}:${d.ruleId}`).sort();
    expect(found).toEqual(fixture.expected.filter((e) => e.endsWith(`:${id}`)));
    for (const d of diagnostics) {
      expect(d.message.vi.length).toBeGreaterThan(0);
      expect(d.message.en.length).toBeGreaterThan(0);
    }
    if (fixture.fixed !== undefined) {
      const fixed = fixAll(fixture.text, (text) => checkText(text, { rules: [rule] }).diagnostics);
      expect(fixed.text).toBe(fixture.fixed);
    }
  });
});
