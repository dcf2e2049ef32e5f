// Packs the VS Code extension into dist/<name>-<version>.vsix with @vscode/vsce.
// The repository's package.json lists npm's "files" (the CLI package), and vsce refuses a
// .vscodeignore beside a "files" list, so the extension is packed from a staging folder that
// holds exactly what it runs with: the bundles, manifest, translations, schema, grammar,
// snippets, icon, README and LICENSE. No sources, tests, source maps or node_modules.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { installedRequirements, marketplaceProblems, trackedFiles } from './marketplace.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const vsce = join(dirname(require.resolve('@vscode/vsce/package.json')), 'vsce');

/** What the .vsix holds, besides the manifest vsce writes. */
const SHIPPED = [
  'out/client.js',
  'out/server.js',
  // The language server itself, in a worker thread of out/server.js.
  'out/server-worker.js',
  // The language server's workspace indexing threads.
  'out/index-worker.js',
  // dictionary-vi (GPL) with its licence, read at run time by the spelling rule; not bundled.
  'out/dictionaries',
  // Paged.js (MIT) with its licence, loaded by the preview webview to lay the sheet out on pages.
  'out/pagedjs',
  'schemas/kehoach.schema.json',
  'syntaxes',
  'snippets',
  'l10n',
  'images/icon.png',
  'package.nls.json',
  'package.nls.vi.json',
  'README.md',
  'LICENSE',
];
/** Keys of package.json that concern npm and development, not the installed extension. */
const NPM_ONLY = ['private', 'bin', 'scripts', 'overrides', 'dependencies', 'devDependencies', 'files'];
const MAX_BYTES = 3 * 1024 * 1024;
/** Anything like this in the package is a packaging mistake. */
const FORBIDDEN = /(^|\/)(test|node_modules|server\/src|client\/src)\/|\.(ts|map|tmp)$/;

execFileSync(process.execPath, [join(root, 'scripts', 'build.mjs'), '--production'], { cwd: root, stdio: 'inherit' });

const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const stage = join(root, 'dist', 'vsix-stage');
rmSync(stage, { recursive: true, force: true });
mkdirSync(stage, { recursive: true });
for (const path of SHIPPED) {
  if (!existsSync(join(root, path))) throw new Error(`${path} is missing; run npm run build first`);
  cpSync(join(root, path), join(stage, path), { recursive: true });
}
const manifest = { ...pkg, files: SHIPPED };
for (const key of NPM_ONLY.filter((key) => key !== 'files')) delete manifest[key];
writeFileSync(join(stage, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);

const listing = execFileSync(process.execPath, [vsce, 'ls', '--no-dependencies'], { cwd: stage, encoding: 'utf8' })
  .split('\n')
  .map((line) => line.trim())
  .filter(Boolean)
  .sort();
const problems = marketplaceProblems({
  root,
  manifest,
  readme: readFileSync(join(root, 'README.md'), 'utf8'),
  listing,
  tracked: trackedFiles(root),
  requirements: installedRequirements(),
});
const forbidden = listing.filter((file) => FORBIDDEN.test(file));
if (forbidden.length > 0) problems.push(`the package holds files it must not ship: ${forbidden.join(', ')}`);
if (problems.length > 0) {
  rmSync(stage, { recursive: true, force: true });
  throw new Error(`the Marketplace would refuse this package or show it broken:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
}

const vsix = join(root, 'dist', `${pkg.name}-${pkg.version}.vsix`);
execFileSync(process.execPath, [vsce, 'package', '--no-dependencies', '--out', vsix], { cwd: stage, stdio: 'inherit' });
rmSync(stage, { recursive: true, force: true });

const size = statSync(vsix).size;
process.stdout.write(`\n${vsix} (${(size / 1024).toFixed(0)} KB):\n${listing.map((file) => `  ${file}`).join('\n')}\n`);
if (size > MAX_BYTES) throw new Error(`the package is ${size} bytes, over the ${MAX_BYTES} byte budget`);
