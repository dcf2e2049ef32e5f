// Starts VS Code for the web (code-server, installed by scripts/e2e/setup.sh) with its own user
// data and extensions folders, so neither the tests nor the demo touch ~/.config or ~/.local.
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { CODE_SERVER_ENTRY } from './paths';

/** User settings that keep first-run pages, tips and dialogs out of the way. */
const QUIET_SETTINGS = {
  'workbench.startupEditor': 'none',
  'security.workspace.trust.enabled': false,
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'extensions.ignoreRecommendations': true,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'chat.commandCenter.enabled': false,
  'chat.disableAIFeatures': true,
  'editor.minimap.enabled': false,
  'workbench.colorTheme': 'Default Light Modern',
  'window.commandCenter': false,
};

export interface CodeServerHome {
  /** Holds config.yaml, user-data/ and extensions/. */
  dir: string;
  userDataDir: string;
  extensionsDir: string;
  config: string;
}

/** A fresh home for one code-server: its settings written, nothing installed yet. */
export function createHome(dir = mkdtempSync(join(tmpdir(), 'kehoach-code-server-')), settings: Record<string, unknown> = {}): CodeServerHome {
  const home = { dir, userDataDir: join(dir, 'user-data'), extensionsDir: join(dir, 'extensions'), config: join(dir, 'config.yaml') };
  mkdirSync(join(home.userDataDir, 'User'), { recursive: true });
  mkdirSync(home.extensionsDir, { recursive: true });
  writeFileSync(join(home.userDataDir, 'User', 'settings.json'), `${JSON.stringify({ ...QUIET_SETTINGS, ...settings }, null, 2)}\n`);
  // Without a config file code-server writes one with a random password into ~/.config.
  writeFileSync(home.config, 'auth: none\n');
  return home;
}

function homeArgs(home: CodeServerHome): string[] {
  return ['--config', home.config, '--user-data-dir', home.userDataDir, '--extensions-dir', home.extensionsDir];
}

/** code-server reads $PORT over --bind-addr: the caller's PORT must not leak into the tests. */
function environment(): NodeJS.ProcessEnv {
  const { PORT: _ignored, ...rest } = process.env;
  return rest;
}

export function assertInstalled(): void {
  if (!existsSync(CODE_SERVER_ENTRY)) throw new Error(`code-server is not installed at ${CODE_SERVER_ENTRY}: run scripts/e2e/setup.sh first.`);
}

export async function installExtension(home: CodeServerHome, vsix: string): Promise<void> {
  assertInstalled();
  await promisify(execFile)(process.execPath, [CODE_SERVER_ENTRY, ...homeArgs(home), '--force', '--install-extension', vsix], {
    env: environment(),
    timeout: 120_000,
  });
}

export interface RunningCodeServer {
  url: string;
  /** Everything code-server printed, for failure reports. */
  output(): string;
  /** Settles when code-server exits, with its exit code (null after a signal). */
  exited: Promise<number | null>;
  stop(): Promise<void>;
}

const LISTENING = /HTTP server listening on (http:\/\/\S+?)\/?\s/;

/**
 * Serves `folder` on 127.0.0.1:`port` (0: a free port chosen by the system) and resolves once
 * code-server says where it listens.
 */
export function startCodeServer(home: CodeServerHome, folder: string, port = 0, extraArgs: string[] = []): Promise<RunningCodeServer> {
  assertInstalled();
  const child: ChildProcess = spawn(
    process.execPath,
    [
      CODE_SERVER_ENTRY,
      ...homeArgs(home),
      '--auth',
      'none',
      '--bind-addr',
      `127.0.0.1:${port}`,
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
      '--ignore-last-opened',
      ...extraArgs,
      folder,
    ],
    { env: environment(), stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  };
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer): void => {
      output += chunk.toString('utf8');
      const listening = LISTENING.exec(output);
      if (listening) {
        child.stdout?.off('data', onData);
        child.stdout?.on('data', (more: Buffer) => (output += more.toString('utf8')));
        resolve({ url: listening[1]!, output: () => output, exited, stop });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.once('exit', (code, signal) => reject(new Error(`code-server exited (${code ?? signal}) before listening:\n${output}`)));
  });
}

export function removeHome(home: CodeServerHome): void {
  rmSync(home.dir, { recursive: true, force: true });
}
