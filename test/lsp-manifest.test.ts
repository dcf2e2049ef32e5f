// The extension manifest against the code: every contributed setting is one the server reads,
// every command is registered, every user-facing string has its Vietnamese and English text.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, parseSettings } from '../server/src/lsp/settings';

const ROOT = join(__dirname, '..');
const read = (path: string): string => readFileSync(join(ROOT, path), 'utf8');
const pkg = JSON.parse(read('package.json'));
const nlsEnglish: Record<string, string> = JSON.parse(read('package.nls.json'));
const nlsVietnamese: Record<string, string> = JSON.parse(read('package.nls.vi.json'));
const bundleVietnamese: Record<string, string> = JSON.parse(read('l10n/bundle.l10n.vi.json'));
const clientSources = readdirSync(join(ROOT, 'client', 'src'))
  .filter((file) => file.endsWith('.ts'))
  .map((file) => read(join('client', 'src', file)));

describe('extension manifest', () => {
  it('runs in VS Code 1.91 and later, in untrusted workspaces, activated by Markdown or a .kehoach.json', () => {
    expect(pkg.engines.vscode).toBe('^1.91.0');
    expect(pkg.main).toBe('./out/client.js');
    expect(pkg.activationEvents).toEqual(['onLanguage:markdown', 'workspaceContains:**/.kehoach.json']);
    expect(pkg.capabilities.untrustedWorkspaces).toEqual({ supported: true });
    expect(pkg.capabilities.virtualWorkspaces.supported).toBe('limited');
    expect(pkg.contributes.jsonValidation).toEqual([{ fileMatch: '.kehoach.json', url: './schemas/kehoach.schema.json' }]);
    expect(pkg.contributes.languages).toContainEqual({ id: 'jsonc', filenames: ['.kehoach.json'] });
  });

  it('contributes exactly the settings the server reads, with the server\'s defaults', () => {
    const properties = pkg.contributes.configuration.properties as Record<string, { default: unknown }>;
    const serverKeys = Object.keys(DEFAULT_SETTINGS).map((key) => `kehoach.${key}`);
    expect(Object.keys(properties).sort()).toEqual([...serverKeys, 'kehoach.trace.server'].sort());
    for (const [key, value] of Object.entries(DEFAULT_SETTINGS)) expect(properties[`kehoach.${key}`]!.default).toEqual(value);
    // The defaults the editor shows are the ones the server falls back to.
    const contributed = Object.fromEntries(Object.entries(properties).map(([key, property]) => [key.replace(/^kehoach\./, ''), property.default]));
    expect(parseSettings(contributed)).toEqual(DEFAULT_SETTINGS);
  });

  it('registers in the client every command it contributes, and no other', () => {
    const registered = clientSources.flatMap((source) => [...source.matchAll(/registerCommand\('(kehoach\.[\w.]+)'/g)].map((m) => m[1]));
    const contributed = pkg.contributes.commands.map((command: { command: string }) => command.command);
    expect([...registered].sort()).toEqual([...contributed].sort());
  });

  it('translates every %key% of the manifest into English and Vietnamese, and has no unused key', () => {
    const keys = [...new Set([...JSON.stringify(pkg).matchAll(/"%([\w.]+)%"/g)].map((m) => m[1]!))].sort();
    expect(Object.keys(nlsEnglish).sort()).toEqual(keys);
    expect(Object.keys(nlsVietnamese).sort()).toEqual(keys);
    for (const key of keys) expect(nlsVietnamese[key]).not.toBe(nlsEnglish[key]);
  });

  it('has a Vietnamese translation for every string the client shows, and no unused one', () => {
    const strings = new Set(clientSources.flatMap((source) => [...source.matchAll(/l10n\.t\(\s*'((?:[^'\\]|\\.)*)'/g)].map((m) => m[1]!.replace(/\\'/g, "'"))));
    expect(Object.keys(bundleVietnamese).sort()).toEqual([...strings].sort());
    for (const [english, vietnamese] of Object.entries(bundleVietnamese)) {
      // Placeholders survive translation.
      expect(vietnamese.match(/\{\d\}/g)?.sort() ?? []).toEqual(english.match(/\{\d\}/g)?.sort() ?? []);
    }
  });
});
