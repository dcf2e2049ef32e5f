// npm run demo: VS Code for the web with the extension installed, on a copy of the example plans,
// for trying kehoach without installing VS Code. Serves on 127.0.0.1 only, port $PORT or 8080.
// The copy lives in a temporary folder, so edits and fixes made in the demo leave examples/ alone.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHome, installExtension, startCodeServer } from '../../test/e2e/support/code-server';
import { E2E_CACHE, EXAMPLES, ROOT } from '../../test/e2e/support/paths';

const DEFAULT_PORT = 8080;

function run(command: string, args: string[]): void {
  execFileSync(command, args, { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
}

const port = process.env.PORT ? Number(process.env.PORT) : DEFAULT_PORT;
if (!Number.isInteger(port) || port < 0 || port > 65_535) {
  console.error(`PORT must be a port number, not "${process.env.PORT}".`);
  process.exit(2);
}

run('bash', [join(ROOT, 'scripts', 'e2e', 'setup.sh')]);
run('npm', ['run', '--silent', 'package']);
const { name, version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { name: string; version: string };

const plans = mkdtempSync(join(tmpdir(), 'kehoach-demo-'));
cpSync(EXAMPLES, plans, { recursive: true });
// A fresh profile each time: the extension just built, and no state left from an earlier demo.
const homeDir = join(E2E_CACHE, 'demo');
rmSync(homeDir, { recursive: true, force: true });
mkdirSync(homeDir, { recursive: true });
const home = createHome(homeDir, { 'kehoach.locale': 'vi' });
await installExtension(home, join(ROOT, 'dist', `${name}-${version}.vsix`));
const server = await startCodeServer(home, plans, port);

console.log(`
kehoach ${version} in VS Code for the web

  Open ${server.url}/ in a browser (on another computer: ssh -L ${port}:127.0.0.1:${port} <this machine>).
  The example plans are copied to ${plans}; examples/ is not changed.
  Problem messages are in Vietnamese; settings "kehoach.locale": "en" switches them to English.
  Stop with Ctrl+C.
`);

let stopping = false;
const stop = async (): Promise<void> => {
  if (stopping) return;
  stopping = true;
  await server.stop();
  rmSync(plans, { recursive: true, force: true });
  process.exit(0);
};
void server.exited.then((code) => {
  if (stopping) return;
  console.error(`code-server stopped (exit code ${code}):\n${server.output().slice(-2000)}`);
  process.exit(1);
});
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
