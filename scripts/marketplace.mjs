// What the Marketplace would refuse or show broken, checked before a .vsix is made: the icon, the
// README's images (the Marketplace loads relative ones from the repository, so they must be
// committed there), the lowest VS Code the manifest admits against the APIs the code is built
// with, and that every file the manifest names is in the package vsce lists.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import semver from 'semver';

const require = createRequire(import.meta.url);
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
/** The Marketplace shows the icon at 128 px; a smaller one is blurred. */
const MIN_ICON_PIXELS = 128;
/** Markdown images and HTML <img>: what the Marketplace page will try to load. */
const README_IMAGE = /!\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)|<img\b[^>]*\bsrc\s*=\s*["']([^"']+)["']/gi;

/** The problems of an icon file, or none. */
function iconProblems(root, icon) {
  if (typeof icon !== 'string' || icon === '') return ['package.json has no "icon"'];
  const path = join(root, icon);
  if (!existsSync(path)) return [`the icon ${icon} does not exist`];
  const bytes = readFileSync(path);
  if (!bytes.subarray(0, 8).equals(PNG_SIGNATURE)) return [`the icon ${icon} is not a PNG file (the Marketplace shows only PNG icons)`];
  // IHDR is the first chunk: width and height are its first two 32-bit fields.
  const width = bytes.readUInt32BE(16);
  const height = bytes.readUInt32BE(20);
  if (width < MIN_ICON_PIXELS || height < MIN_ICON_PIXELS) return [`the icon ${icon} is ${width}×${height}, under ${MIN_ICON_PIXELS}×${MIN_ICON_PIXELS}`];
  return [];
}

/** Relative README images load from the GitHub repository's files, so they must be tracked there. */
function readmeImageProblems(root, manifest, readme, trackedFiles) {
  const problems = [];
  const repository = typeof manifest.repository === 'string' ? manifest.repository : manifest.repository?.url;
  for (const match of readme.matchAll(README_IMAGE)) {
    const source = match[1] ?? match[2];
    if (/^https:\/\//i.test(source)) continue;
    if (/^[a-z][a-z0-9+.-]*:/i.test(source)) {
      problems.push(`README image ${source}: the Marketplace loads images over https only`);
      continue;
    }
    const path = decodeURI(source.replace(/^\.\//, '').replace(/[?#].*$/, ''));
    if (/\.svg$/i.test(path)) problems.push(`README image ${source}: the Marketplace refuses SVG images in the README`);
    if (!repository || !/github\.com|gitlab\.com/.test(repository)) {
      problems.push(`README image ${source} is relative, and package.json has no GitHub or GitLab "repository" to load it from`);
    } else if (!existsSync(join(root, path))) {
      problems.push(`README image ${source} does not exist`);
    } else if (!trackedFiles.has(path)) {
      problems.push(`README image ${source} is not committed, so the Marketplace cannot load it from the repository`);
    }
  }
  return problems;
}

/**
 * The manifest's lowest VS Code must have every API the code compiles against (@types/vscode)
 * and every bundled library's own minimum (vscode-languageclient's engines).
 */
function engineProblems(manifest, requirements) {
  const range = manifest.engines?.vscode;
  const lowest = range && semver.validRange(range) ? semver.minVersion(range) : null;
  if (!lowest) return [`package.json's engines.vscode (${range ?? 'missing'}) is not a version range`];
  const problems = [];
  for (const [what, needed] of Object.entries(requirements)) {
    if (semver.lt(lowest, needed)) problems.push(`engines.vscode ${range} admits VS Code ${lowest}, but ${what} needs ${needed}`);
  }
  return problems;
}

/** Every file the manifest points to must be in the package vsce lists. */
function listingProblems(manifest, listing) {
  const shipped = new Set(listing.map((file) => file.replace(/^\.\//, '')));
  const named = [
    manifest.main,
    manifest.browser,
    manifest.icon,
    ...(manifest.contributes?.snippets ?? []).map((snippet) => snippet.path),
    ...(manifest.contributes?.grammars ?? []).map((grammar) => grammar.path),
    ...(manifest.contributes?.jsonValidation ?? []).map((validation) => validation.url).filter((url) => !/^https?:/.test(url)),
  ].filter((path) => typeof path === 'string');
  return named
    .map((path) => path.replace(/^\.\//, ''))
    .filter((path) => !shipped.has(path))
    .map((path) => `package.json names ${path}, which is not in the package`);
}

/** The lowest VS Code each part needs, read from the installed packages. */
export function installedRequirements() {
  const types = require('@types/vscode/package.json').version;
  const client = require('vscode-languageclient/package.json').engines.vscode;
  return {
    'the VS Code API the client is compiled against (@types/vscode)': semver.coerce(types).version,
    'vscode-languageclient': semver.minVersion(client).version,
  };
}

export function trackedFiles(root) {
  try {
    return new Set(execFileSync('git', ['ls-files', '-z'], { cwd: root, encoding: 'utf8' }).split('\0').filter(Boolean));
  } catch {
    // Not a git checkout (an unpacked source archive): nothing is known to be committed.
    return new Set();
  }
}

/** Every reason the Marketplace would refuse the package or show it broken, in English (a build log). */
export function marketplaceProblems({ root, manifest, readme, listing, tracked, requirements }) {
  return [
    ...iconProblems(root, manifest.icon),
    ...readmeImageProblems(root, manifest, readme, tracked),
    ...engineProblems(manifest, requirements),
    ...listingProblems(manifest, listing),
  ];
}
