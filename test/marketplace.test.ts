// `npm run package` refuses a package the Marketplace would refuse or show broken: each check
// against the real manifest (no problem) and against one broken copy of it (its problem named).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a build script in plain JavaScript, without declarations
import { installedRequirements, marketplaceProblems, trackedFiles } from '../scripts/marketplace.mjs';

const ROOT = join(__dirname, '..');
const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
const tracked: Set<string> = trackedFiles(ROOT);
/** What vsce lists for the real package: every file the manifest names. */
const listing = [
  'out/client.js',
  'images/icon.png',
  'snippets/kehoach.code-snippets',
  'syntaxes/kehoach.injection.tmLanguage.json',
  'schemas/kehoach.schema.json',
  'README.md',
];

const problemsOf = (changes: { manifest?: object; readme?: string; listing?: string[]; requirements?: object } = {}): string[] =>
  marketplaceProblems({
    root: ROOT,
    manifest: { ...manifest, ...changes.manifest },
    readme: changes.readme ?? readme,
    listing: changes.listing ?? listing,
    tracked,
    requirements: changes.requirements ?? installedRequirements(),
  });

describe('marketplace readiness', () => {
  it('finds nothing wrong with the real manifest and README', () => {
    expect(tracked.has('README.md'), 'the test runs in a git checkout').toBe(true);
    expect(problemsOf()).toEqual([]);
  });

  it('refuses a missing, non-PNG or absent icon', () => {
    expect(problemsOf({ manifest: { icon: 'images/nope.png' } })).toContain('the icon images/nope.png does not exist');
    expect(problemsOf({ manifest: { icon: 'images/icon.svg' } })).toContain(
      'the icon images/icon.svg is not a PNG file (the Marketplace shows only PNG icons)',
    );
    expect(problemsOf({ manifest: { icon: undefined } })).toContain('package.json has no "icon"');
  });

  it('refuses README images that would not load from the Marketplace', () => {
    const withImage = (image: string): string => `${readme}\n${image}\n`;
    expect(problemsOf({ manifest: { repository: undefined } })).toContain(
      'README image docs/screenshots/problems.png is relative, and package.json has no GitHub or GitLab "repository" to load it from',
    );
    expect(problemsOf({ readme: withImage('![](docs/screenshots/missing.png)') })).toContain(
      'README image docs/screenshots/missing.png does not exist',
    );
    // On disk but not committed: node_modules is never tracked.
    expect(problemsOf({ readme: withImage('<img src="node_modules/semver/package.json">') })).toContain(
      'README image node_modules/semver/package.json is not committed, so the Marketplace cannot load it from the repository',
    );
    expect(problemsOf({ readme: withImage('![icon](images/icon.svg)') })).toContain(
      'README image images/icon.svg: the Marketplace refuses SVG images in the README',
    );
    expect(problemsOf({ readme: withImage('![x](http://example.org/a.png)') })).toContain(
      'README image http://example.org/a.png: the Marketplace loads images over https only',
    );
    expect(problemsOf({ readme: withImage('![x](https://example.org/a.png)') })).toEqual([]);
  });

  it('refuses an engines.vscode below what the code is built against', () => {
    const requirements = installedRequirements();
    expect(Object.values(requirements)).toContain('1.91.0');
    expect(problemsOf({ manifest: { engines: { vscode: '^1.82.0' } } })).toEqual([
      'engines.vscode ^1.82.0 admits VS Code 1.82.0, but the VS Code API the client is compiled against (@types/vscode) needs 1.91.0',
    ]);
    expect(problemsOf({ manifest: { engines: { vscode: 'latest' } } })).toEqual([
      "package.json's engines.vscode (latest) is not a version range",
    ]);
  });

  it('refuses a package missing a file the manifest names', () => {
    expect(problemsOf({ listing: listing.filter((file) => file !== 'out/client.js') })).toEqual([
      'package.json names out/client.js, which is not in the package',
    ]);
  });
});
