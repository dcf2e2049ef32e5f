// The invariants of ARCHITECTURE.md that a test can hold: the engine imports nothing from VS Code,
// the LSP libraries or Node's file, process and thread modules (shells hand it text, a configuration
// and a workspace view, which also lets it run in a browser), and the client takes from the server
// only its protocols and two pure helpers.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/** Modules a file loads at run time (`import type` is erased by the build, so types may be shared). */
function importsOf(path: string): string[] {
  return [...readFileSync(path, 'utf8').matchAll(/^(?:import|export)(?!\s+type\s)[^'"]*from\s+['"]([^'"]+)['"]/gmu)].map((m) => m[1]!);
}

describe('layers', () => {
  it('the engine imports no VS Code, LSP or Node I/O module', () => {
    const forbidden = /^(?:vscode|vscode-languageserver|vscode-languageclient|vscode-jsonrpc)(?:\/|$)|^node:(?:fs|path|os|child_process|worker_threads|buffer|url|crypto|net)(?:\/|$)/u;
    const offending = sources(join(ROOT, 'server/src/engine')).flatMap((path) => importsOf(path).filter((spec) => forbidden.test(spec)).map((spec) => `${relative(ROOT, path)}: ${spec}`));
    expect(offending).toEqual([]);
  });

  it('the client imports of the server only its protocols and two pure helpers', () => {
    // Protocol types, the webview's HTML shell, and looksLikePlan (which documents get a preview button).
    const allowed = /\/(?:lsp\/protocol|lsp\/workspace-protocol|preview\/protocol|preview\/webview|engine\/detect)(?:\.js)?$/u;
    const offending = sources(join(ROOT, 'client/src')).flatMap((path) =>
      importsOf(path)
        .filter((spec) => /server\/src\//u.test(spec) && !allowed.test(spec))
        .map((spec) => `${relative(ROOT, path)}: ${spec}`),
    );
    expect(offending).toEqual([]);
  });
});
