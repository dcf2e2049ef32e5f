// Bundles the CLI, the language server and the VS Code client with esbuild into out/.
// One bundle per entry point: the .vsix and the npm bin ship no node_modules of their own.
// Then writes schemas/kehoach.schema.json (the JSON Schema of .kehoach.json) from the built CLI,
// so the schema always matches the zod schema the checker validates with.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const production = process.argv.includes('--production');

// Node bundles: CommonJS for Node 20.
const NODE = {
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  // ESM-only dependencies (fdir, under tinyglobby) read import.meta.url, which a CommonJS bundle lacks.
  banner: { js: "const __importMetaUrl = require('url').pathToFileURL(__filename).href;" },
  define: { 'import.meta.url': '__importMetaUrl' },
};

/** Fails the build on any Node built-in a browser bundle would reach: it could not run in VS Code for the Web. */
const refuseNodeBuiltins = {
  name: 'refuse-node-builtins',
  setup(build) {
    const builtins = new Set(builtinModules);
    build.onResolve({ filter: /^[a-z_:/]+$/ }, ({ path, importer }) =>
      path.startsWith('node:') || builtins.has(path.split('/')[0]) ? { errors: [{ text: `Node built-in "${path}" imported by ${importer} in a browser bundle` }] } : undefined,
    );
  },
};

// Browser bundles (VS Code for the Web): the worker is a classic script, the client CommonJS for the web extension host.
const BROWSER = { platform: 'browser', target: 'es2022', plugins: [refuseNodeBuiltins] };

/** [entry point, output file, options] */
const ENTRIES = [
  ['server/src/cli/main.ts', 'out/cli.js', NODE],
  ['server/src/cli/worker.ts', 'out/worker.js', NODE],
  ['server/src/lsp/main.ts', 'out/server.js', NODE],
  // The language server itself, in a worker thread of out/server.js.
  ['server/src/lsp/worker.ts', 'out/server-worker.js', NODE],
  // Worker thread of the workspace indexer, started by the CLI and the language server.
  ['server/src/node/index-worker.ts', 'out/index-worker.js', NODE],
  // The VS Code API is provided by the editor at run time.
  ['client/src/extension.ts', 'out/client.js', { ...NODE, external: ['vscode'] }],
  // The language server in a web worker, and the web client that starts it.
  // "worker": packages with a DOM build (decode-named-character-reference) give their worker-safe one.
  ['server/src/lsp/browser-worker.ts', 'out/browser-server.js', { ...BROWSER, format: 'iife', conditions: ['worker'] }],
  ['client/src/browser.ts', 'out/browser-client.js', { ...BROWSER, format: 'cjs', external: ['vscode'] }],
];

/**
 * Replaces a file through a temporary file and a rename: test files that build in parallel and a
 * CLI running meanwhile never read half a bundle. Unchanged files are not rewritten.
 */
function writeAtomic(path, content) {
  try {
    if (readFileSync(path).equals(Buffer.from(content))) return;
  } catch {
    // Not there yet.
  }
  mkdirSync(dirname(path), { recursive: true });
  const temp = `${path}.${process.pid}.tmp`;
  writeFileSync(temp, content);
  renameSync(temp, path);
}

const results = await Promise.all(
  ENTRIES.map(([entry, outfile, extra]) =>
    build({
      entryPoints: [join(root, entry)],
      outfile: join(root, outfile),
      write: false,
      bundle: true,
      // jsonc-parser's "main" is a UMD build whose dynamic requires esbuild cannot follow; its ESM build bundles.
      alias: { 'jsonc-parser': 'jsonc-parser/lib/esm/main.js' },
      sourcemap: !production,
      minify: production,
      legalComments: 'none',
      logLevel: 'warning',
      ...extra,
    }),
  ),
);
for (const result of results) for (const file of result.outputFiles) writeAtomic(file.path, file.contents);

// The Vietnamese dictionary (GPL) ships beside the bundle with its licence, not inside it:
// server/src/node/dictionary.ts reads it from out/dictionaries/vi.
for (const file of ['index.aff', 'index.dic', 'license']) {
  writeAtomic(join(root, 'out', 'dictionaries', 'vi', file), readFileSync(join(root, 'node_modules', 'dictionary-vi', file)));
}

// Paged.js (MIT), which lays the preview out on A4 pages, ships beside the bundle with its licence:
// the webview loads it as a resource of the extension (PAGED_SCRIPT in server/src/preview/webview.ts).
writeAtomic(join(root, 'out', 'pagedjs', 'paged.min.js'), readFileSync(join(root, 'node_modules', 'pagedjs', 'dist', 'paged.min.js')));
writeAtomic(join(root, 'out', 'pagedjs', 'LICENSE.md'), readFileSync(join(root, 'node_modules', 'pagedjs', 'LICENSE.md')));

const schema = execFileSync(process.execPath, [join(root, 'out', 'cli.js'), 'schema'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
writeAtomic(join(root, 'schemas', 'kehoach.schema.json'), schema);
