// Runs once before the end-to-end tests: installs code-server, Chromium and Neovim when missing
// (scripts/e2e/setup.sh, a few seconds when everything is cached) and packages the extension
// (which builds out/). KEHOACH_VSIX=<file> tests that package instead of building one.
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
  let vsix = process.env.KEHOACH_VSIX;
  // Neovim runs bin/kehoach-lsp.js from out/: `package` builds it, else `build` does.
  if (vsix) run('npm', ['run', '--silent', 'build']);
  else {
    const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { name: string; version: string };
    run('npm', ['run', '--silent', 'package']);
    vsix = join(ROOT, 'dist', `${manifest.name}-${manifest.version}.vsix`);
  }
  if (!existsSync(vsix)) throw new Error(`No extension package at ${vsix}.`);
  project.provide('vsix', vsix);
}
