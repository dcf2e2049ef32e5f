// `kehoach check <folder>` with the cross-file rules: the real CLI as a process on copies of the
// office fixture and on a generated folder of 240 plans (big enough for the disk cache), in every
// format, with one process and with worker processes loading the run's index.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type * as Sarif from 'sarif';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliRun, runCli } from './helpers/cli.js';
import { FIXTURES } from './helpers/fixtures.js';
import { plan } from './helpers/workspace.js';
import { buildServer } from './lsp-harness.js';

interface JsonOutput {
  files: Array<{ path: string; isPlan: boolean; diagnostics: Array<{ ruleId: string; message: string; range: unknown; related?: Array<{ path?: string; range: unknown; message: string }> }> }>;
}

const temps: string[] = [];

function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  temps.push(dir);
  return dir;
}

/** The CLI with its own cache folder, so runs never touch the user's ~/.cache. */
function kehoach(args: string[], cwd: string, cacheHome: string): Promise<CliRun> {
  return runCli(args, { cwd, env: { XDG_CACHE_HOME: cacheHome } });
}

const findings = (output: JsonOutput, ruleId: string): Array<[string, string]> =>
  output.files.flatMap((file) => file.diagnostics.filter((d) => d.ruleId === ruleId).map((d): [string, string] => [file.path, d.message]));

beforeAll(() => buildServer());

afterAll(() => {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

describe('kehoach check on a folder of plans', () => {
  let office: string;
  let cacheHome: string;

  beforeAll(() => {
    const root = tempDir('kehoach-cli-ws-');
    office = join(root, 'office');
    cacheHome = join(root, 'cache');
    cpSync(join(FIXTURES, 'workspace', 'office'), office, { recursive: true });
    // Two plans of 2021 numbered 85/KH-CĐN.
    writeFileSync(join(office, '85-KH-CDN-ban-sao.md'), readFileSync(join(office, '85-KH-CDN.md'), 'utf8').replace('Tổ chức Tháng hành động', 'Bản sao: Tổ chức Tháng hành động'));
  });

  it('reports in JSON a citation that disagrees with the cited plan, pointing at that plan', async () => {
    const run = await kehoach(['check', '--format', 'json', '.'], office, cacheHome);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    const output = JSON.parse(run.stdout) as JsonOutput;
    expect(output.files.map((file) => file.path)).not.toContain('nhap/200-KH-CDN.md');
    expect(findings(output, 'KH405')).toEqual([['84-KH-CDN.md', 'Kế hoạch số 121/KH-LĐLĐ được ghi ngày 20/5/2021, nhưng kế hoạch đó ban hành ngày 12/5/2021 (121-KH-LDLD.md)']]);
    const kh405 = output.files.find((file) => file.path === '84-KH-CDN.md')!.diagnostics.find((d) => d.ruleId === 'KH405')!;
    expect(kh405.related).toEqual([
      { path: '121-KH-LDLD.md', range: { start: { line: 6, character: 4 }, end: { line: 6, character: 15 } }, message: 'Kế hoạch số 121/KH-LĐLĐ (121-KH-LDLD.md)' },
    ]);
    expect(findings(output, 'KH208').map(([path]) => path)).toEqual(['85-KH-CDN-ban-sao.md', '85-KH-CDN.md']);
  });

  it('gives SARIF results related locations in the other files', async () => {
    const run = await kehoach(['check', '--format', 'sarif', '--locale', 'en', '.'], office, cacheHome);
    const log = JSON.parse(run.stdout) as Sarif.Log;
    const kh405 = log.runs[0]!.results!.find((result) => result.ruleId === 'KH405')!;
    expect(kh405.message.text).toBe('Kế hoạch 121/KH-LĐLĐ is cited as dated 20/5/2021, but that plan was issued on 12/5/2021 (121-KH-LDLD.md)');
    expect(kh405.relatedLocations).toEqual([
      {
        id: 0,
        physicalLocation: { artifactLocation: { uri: '121-KH-LDLD.md', uriBaseId: '%SRCROOT%' }, region: { startLine: 7, startColumn: 5, endLine: 7, endColumn: 16 } },
        message: { text: 'Plan 121/KH-LĐLĐ (121-KH-LDLD.md)' },
      },
    ]);
    const kh208 = log.runs[0]!.results!.filter((result) => result.ruleId === 'KH208');
    expect(kh208.map((result) => result.relatedLocations?.[0]?.physicalLocation?.artifactLocation?.uri)).toEqual(['85-KH-CDN.md', '85-KH-CDN-ban-sao.md']);
  });

  it('prints the cross-file findings in the terminal format', async () => {
    const run = await kehoach(['check', '.'], office, cacheHome);
    expect(run.stdout).toContain('nhưng kế hoạch đó ban hành ngày 12/5/2021 (121-KH-LDLD.md)  KH405/citation-unresolved');
    expect(run.stdout).toContain('KH208/duplicate-number');
  });

  it('finds the same with worker processes, and leaves no index file behind', async () => {
    const before = readdirSync(tmpdir()).filter((name) => name.startsWith('kehoach-index-'));
    const one = await kehoach(['check', '--format', 'json', '.'], office, cacheHome);
    const two = await kehoach(['check', '--format', 'json', '--jobs', '2', '.'], office, cacheHome);
    expect(two.stderr).toBe('');
    expect(JSON.parse(two.stdout)).toEqual(JSON.parse(one.stdout));
    expect(readdirSync(tmpdir()).filter((name) => name.startsWith('kehoach-index-'))).toEqual(before);
  });

  it('checks a file named alone without the others', async () => {
    const run = await kehoach(['check', '--format', 'json', '84-KH-CDN.md'], office, cacheHome);
    expect(findings(JSON.parse(run.stdout) as JsonOutput, 'KH405')).toEqual([]);
  });
});

describe('kehoach check on a folder big enough for the index cache', () => {
  let folder: string;
  let cacheHome: string;
  const COUNT = 240;

  beforeAll(() => {
    const root = tempDir('kehoach-cli-big-');
    folder = join(root, 'plans');
    cacheHome = join(root, 'cache');
    mkdirSync(folder);
    // Each plan cites the one before it; every tenth gets the date wrong (the plans are dated 10/6).
    for (let number = 1; number <= COUNT; number++) {
      const cites: Array<[number, string]> = number > 1 ? [[number - 1, number % 10 === 0 ? '11/6' : '10/6']] : [];
      writeFileSync(join(folder, `${number}-KH-PGDDT.md`), plan(number, { cites }));
    }
  });

  it('writes the cache, reuses it, and gives the same findings with one process and with workers', async () => {
    const cold = await kehoach(['check', '--format', 'json', '.'], folder, cacheHome);
    const cacheFiles = readdirSync(join(cacheHome, 'kehoach'));
    expect(cacheFiles).toHaveLength(1);
    const cache = join(cacheHome, 'kehoach', cacheFiles[0]!);
    expect(readFileSync(cache, 'utf8').split('\n').filter((line) => line.includes('-KH-PGDDT.md'))).toHaveLength(COUNT);
    const expected = Array.from({ length: COUNT / 10 }, (_, i) => `${(i + 1) * 10}-KH-PGDDT.md`).sort();
    expect(findings(JSON.parse(cold.stdout) as JsonOutput, 'KH405').map(([path]) => path).sort()).toEqual(expected);

    const workers = await kehoach(['check', '--format', 'json', '--jobs', '2', '.'], folder, cacheHome);
    expect(workers.stderr).toBe('');
    expect(JSON.parse(workers.stdout)).toEqual(JSON.parse(cold.stdout));
    // The workers loaded the cache the main process wrote; it stays for the next run.
    expect(existsSync(cache)).toBe(true);

    // Plan 19 re-dated 11/6, as plan 20 cites it: same size, so only the modification time tells
    // the cache it changed.
    const redated = join(folder, '19-KH-PGDDT.md');
    const before = readFileSync(redated, 'utf8');
    writeFileSync(redated, plan(19, { day: '11', cites: [[18, '10/6']] }));
    expect(readFileSync(redated, 'utf8').length).toBe(before.length);
    const after = await kehoach(['check', '--format', 'json', '--jobs', '2', '.'], folder, cacheHome);
    const paths = findings(JSON.parse(after.stdout) as JsonOutput, 'KH405').map(([path]) => path);
    expect(paths).not.toContain('20-KH-PGDDT.md');
    expect(paths).toHaveLength(expected.length - 1);
  });
});
