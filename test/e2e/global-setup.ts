// Runs once before the end-to-end tests: installs code-server, Chromium and Neovim when missing
// (scripts/e2e/setup.sh, a few seconds when everything is cached), builds the language server and
// packages the extension. KEHOACH_VSIX=<file> tests that package instead of building one.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { ROOT } from './support/paths';

declare module 'vitest' {
  export interface ProvidedContext {
    vsix: string;
  }
}

function run(command: string, args: string[]): void {
  execFileSync(command, args, { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
}

export default function setup(project: TestProject): void {
  run('bash', [join(ROOT, 'scripts', 'e2e', 'setup.sh')]);
  run('npm', ['run', '--silent', 'build']);
  let vsix = process.env.KEHOACH_VSIX;
  if (!vsix) {
    const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { name: string; version: string; scripts: Record<string, string> };
    if (!manifest.scripts.package) throw new Error('package.json has no "package" script: the end-to-end tests need `npm run package` to build the .vsix.');
    run('npm', ['run', '--silent', 'package']);
    vsix = join(ROOT, 'dist', `${manifest.name}-${manifest.version}.vsix`);
  }
  if (!existsSync(vsix)) throw new Error(`No extension package at ${vsix}.`);
  project.provide('vsix', vsix);
}
