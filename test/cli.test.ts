// The real `kehoach` command line, built once and run as a process on copies of a small project.
// Exact expectations use KH201 (missing-number) alone; everything else checks behaviour that does
// not depend on what the other rules say.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type * as Sarif from 'sarif';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkText } from '../server/src/engine/check.js';
import { configJsonSchema, parseConfig } from '../server/src/engine/config.js';
import { fixAll } from '../server/src/engine/fixes.js';
import { ruleDocsUrl } from '../server/src/engine/rule.js';
import { RULES } from '../server/src/engine/rules/index.js';
// @ts-expect-error: the plan builder is plain JavaScript without types, shared with the benchmark.
import { longDecomposedPlan } from '../scripts/long-plan.mjs';
import { splitLines } from '../server/src/engine/text.js';
import { type CliRun, runCli } from './helpers/cli.js';
import { FIXTURES, SEEDS, seedFiles } from './helpers/fixtures.js';
import { firstLostLetter } from './helpers/words.js';

const ROOT = join(__dirname, '..');
const PROJECT = join(FIXTURES, 'cli', 'project');
const KH201_MESSAGE = { vi: 'Thiếu dòng số, ký hiệu (Số: .../KH-...)', en: 'Missing the number and symbol line (Số: .../KH-...)' };

/** Every rule off except KH201, whose message and position are known. */
const ONLY_KH201 = JSON.stringify({ rules: Object.fromEntries(RULES.map((rule) => [rule.meta.id, rule.meta.id === 'KH201' ? 'error' : 'off'])) });

const temps: string[] = [];

/** A fresh copy of the fixture project; its own .kehoach.json keeps configs above /tmp out. */
function project(config = '{}'): string {
  const dir = mkdtempSync(join(tmpdir(), 'kehoach-cli-'));
  temps.push(dir);
  cpSync(PROJECT, dir, { recursive: true });
  writeFileSync(join(dir, '.kehoach.json'), config);
  return dir;
}

function json(run: CliRun): any {
  expect(run.stderr).not.toMatch(/\n\s+at /);
  return JSON.parse(run.stdout);
}

beforeAll(() => {
  execFileSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs')], { stdio: 'inherit' });
}, 120_000);

afterAll(() => {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

describe('formats', () => {
  it('json: the documented shape, paths relative with forward slashes, sorted', async () => {
    const dir = project(ONLY_KH201);
    const run = await runCli(['check', '--format', 'json'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(json(run)).toEqual({
      version: 1,
      files: [
        { path: 'ghi-chu.md', isPlan: false, diagnostics: [] },
        { path: 'plans/can-sua.md', isPlan: true, diagnostics: [] },
        { path: 'plans/day-du.md', isPlan: true, diagnostics: [] },
        {
          path: 'plans/thieu-so.md',
          isPlan: true,
          diagnostics: [
            {
              ruleId: 'KH201',
              slug: 'missing-number',
              severity: 'error',
              message: KH201_MESSAGE.vi,
              range: { start: { line: 8, character: 0 }, end: { line: 8, character: 8 } },
              fixable: false,
            },
          ],
        },
      ],
      summary: { files: 4, plans: 3, errors: 1, warnings: 0, infos: 0, skipped: 0 },
    });
  });

  it('json: an empty run is valid JSON', async () => {
    const dir = project();
    mkdirSync(join(dir, 'trong'));
    mkdirSync(join(dir, 'cung-trong'));
    const run = await runCli(['check', 'trong', '--format', 'json', '--skip-unreadable'], { cwd: dir });
    expect(json(run)).toMatchObject({ version: 1, files: [{ path: 'trong', skipped: { reason: 'no-markdown' } }] });
    expect(run.code).toBe(0);
    // Named without --skip-unreadable, a folder with nothing to check fails the run, still in valid JSON.
    const refused = await runCli(['check', 'cung-trong', '--format', 'json'], { cwd: dir });
    expect(json(refused).summary).toEqual({ files: 1, plans: 0, errors: 0, warnings: 0, infos: 0, skipped: 1 });
    expect(refused.stderr).toContain('Không kiểm tra được cung-trong: thư mục không có tệp Markdown nào');
    expect(refused.code).toBe(2);
  });

  it('stylish: grouped by file, 1-based positions, a summary, no colour outside a terminal', async () => {
    const dir = project(ONLY_KH201);
    const run = await runCli(['check'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stdout).not.toMatch(/\x1b\[/);
    expect(run.stdout).toBe(
      ['plans/thieu-so.md', `  9:1  lỗi  ${KH201_MESSAGE.vi}  KH201/missing-number`, '', '1 vấn đề (1 lỗi, 0 cảnh báo, 0 thông tin) trong 3 kế hoạch (4 tệp).', ''].join('\n'),
    );
  });

  it('stylish: colour when forced (FORCE_COLOR), as on a terminal', async () => {
    const run = await runCli(['check'], { cwd: project(ONLY_KH201), env: { FORCE_COLOR: '1' } });
    expect(run.stdout).toMatch(/\x1b\[31mlỗi/);
  });

  it('stylish: says so when there is no problem', async () => {
    const run = await runCli(['check', 'plans/day-du.md'], { cwd: project(ONLY_KH201) });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('Không có vấn đề nào trong 1 kế hoạch (1 tệp).\n');
  });

  it('sarif: a valid SARIF 2.1.0 log listing every rule, with 1-based regions', async () => {
    const dir = project(ONLY_KH201);
    const run = await runCli(['check', '--format', 'sarif'], { cwd: dir });
    expect(run.code).toBe(1);
    const log = json(run) as Sarif.Log;
    expect(log.version).toBe('2.1.0');
    expect(log.$schema).toMatch(/sarif-2\.1\.0/);
    expect(log.runs).toHaveLength(1);
    const [sarifRun] = log.runs;
    const driver = sarifRun!.tool.driver;
    expect(driver.name).toBe('kehoach');
    expect(driver.version).toBe(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version);
    expect(driver.informationUri).toMatch(/^https:\/\//);
    expect(driver.rules!.map((rule) => rule.id)).toEqual(RULES.map((rule) => rule.meta.id));
    for (const [index, rule] of driver.rules!.entries()) {
      const meta = RULES[index]!.meta;
      expect(rule.name).toBe(meta.slug);
      expect(rule.shortDescription!.text).toBe(meta.title.vi);
      expect(rule.fullDescription!.text).toBe(meta.description.vi);
      expect(rule.helpUri).toBe(ruleDocsUrl(meta.id));
      expect(['error', 'warning', 'note']).toContain(rule.defaultConfiguration!.level);
    }
    expect(sarifRun!.originalUriBaseIds!['%SRCROOT%']!.uri).toMatch(/^file:\/\/.*\/$/);
    expect(sarifRun!.results).toEqual([
      {
        ruleId: 'KH201',
        ruleIndex: RULES.findIndex((rule) => rule.meta.id === 'KH201'),
        level: 'error',
        message: { text: KH201_MESSAGE.vi },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: 'plans/thieu-so.md', uriBaseId: '%SRCROOT%' },
              region: { startLine: 9, startColumn: 1, endLine: 9, endColumn: 9 },
            },
          },
        ],
      },
    ]);
    expect(sarifRun!.invocations).toEqual([{ executionSuccessful: true, toolExecutionNotifications: [] }]);
  });

  it('sarif: every result names a listed rule and a well-formed region (all rules, seed plans)', async () => {
    const dir = project();
    for (const seed of seedFiles()) cpSync(join(SEEDS, seed), join(dir, 'seeds', seed));
    const log = json(await runCli(['check', '--format', 'sarif'], { cwd: dir })) as Sarif.Log;
    const rules = log.runs[0]!.tool.driver.rules!;
    for (const result of log.runs[0]!.results!) {
      expect(rules[result.ruleIndex!]!.id).toBe(result.ruleId);
      expect(['error', 'warning', 'note']).toContain(result.level);
      expect(result.message.text!.length).toBeGreaterThan(0);
      const region = result.locations![0]!.physicalLocation!.region!;
      expect(region.startLine).toBeGreaterThanOrEqual(1);
      expect(region.startColumn).toBeGreaterThanOrEqual(1);
      expect(region.endLine! > region.startLine! || region.endColumn! >= region.startColumn!).toBe(true);
    }
  });
});

describe('exit codes', () => {
  it('0 without error-severity problems, 1 with one', async () => {
    const dir = project(ONLY_KH201);
    expect((await runCli(['check', 'plans/day-du.md'], { cwd: dir })).code).toBe(0);
    expect((await runCli(['check', 'plans/thieu-so.md'], { cwd: dir })).code).toBe(1);
  });

  it('0 when the only problems are warnings', async () => {
    const dir = project(ONLY_KH201.replace('"KH201":"error"', '"KH201":"warning"'));
    const run = await runCli(['check', '--format', 'json'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(json(run).summary).toMatchObject({ errors: 0, warnings: 1 });
  });

  it.each([
    [['check', '--format', 'xml']],
    [['check', '--jobs', '0']],
    [['check', '--locale', 'fr']],
    [['check', '--no-such-option']],
    [['check', 'khong-co.md']],
    [['check', 'khong-co/*.md']],
    [['lenh-la']],
    [[]],
  ])('2 for a usage error: %j', async (args) => {
    const run = await runCli(args, { cwd: project() });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.length).toBeGreaterThan(0);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('0 for --help and --version', async () => {
    expect((await runCli(['--help'], { cwd: ROOT })).code).toBe(0);
    expect((await runCli(['check', '--help'], { cwd: ROOT })).stdout).toMatch(/--format/);
    expect((await runCli(['--version'], { cwd: ROOT })).stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });
});

describe('configuration', () => {
  const BAD = '{\n  // thử\n  "rules": { "KH201": "loud" }\n}\n';

  it('a bad .kehoach.json: file:line:col: key: message in Vietnamese, exit 2, nothing checked', async () => {
    const run = await runCli(['check', '--format', 'json'], { cwd: project(BAD) });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.split('\n')[0]).toMatch(/^\.kehoach\.json:3:14: rules\.KH201: Tùy chọn không hợp lệ/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('reads a .kehoach.json saved with a UTF-8 byte order mark, as Notepad saves it', async () => {
    const run = await runCli(['check', '--format', 'json'], { cwd: project(`\uFEFF${ONLY_KH201}`) });
    expect(run.stderr).toBe('');
    const rules = new Set(json(run).files.flatMap((file: any) => file.diagnostics.map((d: any) => d.ruleId)));
    expect([...rules]).toEqual(['KH201']);
  });

  it('the same error in English with --locale en', async () => {
    const run = await runCli(['check', '--locale', 'en'], { cwd: project(BAD) });
    expect(run.code).toBe(2);
    expect(run.stderr.split('\n')[0]).toMatch(/^\.kehoach\.json:3:14: rules\.KH201: Invalid option/);
  });

  it('a JSON syntax error in a nested config is reported with its path', async () => {
    const dir = project();
    writeFileSync(join(dir, 'plans', '.kehoach.json'), '{ "locale": "vi" "profile": "nd30" }');
    const run = await runCli(['check'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^plans\/\.kehoach\.json:1:18: JSON không hợp lệ/);
  });

  it('--config replaces the nearest file for every file; a missing --config file is exit 2', async () => {
    const dir = project(ONLY_KH201.replace('"KH201":"error"', '"KH201":"off"'));
    writeFileSync(join(dir, 'chi-kh201.json'), ONLY_KH201);
    expect(json(await runCli(['check', '--format', 'json'], { cwd: dir })).summary.errors).toBe(0);
    expect(json(await runCli(['check', '--format', 'json', '--config', 'chi-kh201.json'], { cwd: dir })).summary.errors).toBe(1);
    const missing = await runCli(['check', '--config', 'khong-co.json'], { cwd: dir });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^khong-co\.json:1:1: không đọc được tệp cấu hình \(ENOENT\)/);
  });

  it('the nearest .kehoach.json applies to each file', async () => {
    const dir = project(ONLY_KH201);
    mkdirSync(join(dir, 'khac'));
    cpSync(join(dir, 'plans', 'thieu-so.md'), join(dir, 'khac', 'thieu-so.md'));
    writeFileSync(join(dir, 'khac', '.kehoach.json'), ONLY_KH201.replace('"KH201":"error"', '"KH201":"off"'));
    const files = json(await runCli(['check', '--format', 'json'], { cwd: dir })).files;
    expect(files.find((f: any) => f.path === 'plans/thieu-so.md').diagnostics).toHaveLength(1);
    expect(files.find((f: any) => f.path === 'khac/thieu-so.md').diagnostics).toHaveLength(0);
  });

  it('ignore globs leave out files found by walking, not files named', async () => {
    const dir = project(ONLY_KH201.replace(/}$/, ',"ignore":["plans/thieu-*.md"]}'));
    expect(json(await runCli(['check', '--format', 'json'], { cwd: dir })).files.map((f: any) => f.path)).not.toContain('plans/thieu-so.md');
    expect(json(await runCli(['check', 'plans/thieu-so.md', '--format', 'json'], { cwd: dir })).summary.errors).toBe(1);
  });

  it('messages follow the configured locale unless --locale says otherwise', async () => {
    const dir = project(ONLY_KH201.replace(/}$/, ',"locale":"en"}'));
    const english = await runCli(['check'], { cwd: dir });
    expect(english.stdout).toContain(`9:1  error  ${KH201_MESSAGE.en}  KH201/missing-number`);
    expect(english.stdout).toContain('1 problem (1 error, 0 warnings, 0 infos) in 3 plans (4 files).');
    expect((await runCli(['check', '--locale', 'vi'], { cwd: dir })).stdout).toContain(KH201_MESSAGE.vi);
  });

  it('kehoach schema prints the JSON Schema of .kehoach.json, the one the build writes', async () => {
    const run = await runCli(['schema'], { cwd: ROOT });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual(configJsonSchema());
    expect(readFileSync(join(ROOT, 'schemas', 'kehoach.schema.json'), 'utf8')).toBe(run.stdout);
  });
});

describe('which files', () => {
  it('walks folders for Markdown, lists non-plans unchecked, never enters node_modules or .git', async () => {
    const dir = project(ONLY_KH201);
    // Made here: git would not keep a fixture inside node_modules or .git.
    for (const folder of ['.git', 'node_modules/goi', 'plans/node_modules']) {
      mkdirSync(join(dir, folder), { recursive: true });
      cpSync(join(dir, 'plans', 'thieu-so.md'), join(dir, folder, 'ke-hoach.md'));
    }
    cpSync(join(dir, 'plans', 'thieu-so.md'), join(dir, 'plans', 'KE-HOACH.MARKDOWN'));
    writeFileSync(join(dir, 'plans', 'ghi-chu.txt'), 'KẾ HOẠCH\n');
    const files = json(await runCli(['check', '.', '--format', 'json'], { cwd: dir })).files;
    expect(files.map((f: any) => [f.path, f.isPlan])).toEqual([
      ['ghi-chu.md', false],
      ['plans/KE-HOACH.MARKDOWN', true],
      ['plans/can-sua.md', true],
      ['plans/day-du.md', true],
      ['plans/thieu-so.md', true],
    ]);
    expect(files[0].diagnostics).toEqual([]);
  });

  it('checks a file named on the command line even when it does not look like a plan', async () => {
    const dir = project(ONLY_KH201);
    const result = json(await runCli(['check', 'ghi-chu.md', '--format', 'json'], { cwd: dir }));
    expect(result.files).toMatchObject([{ path: 'ghi-chu.md', isPlan: true, diagnostics: [{ ruleId: 'KH201' }] }]);
  });

  it('expands globs, checking only what looks like a plan; a file found twice is listed once', async () => {
    const dir = project(ONLY_KH201);
    const result = json(await runCli(['check', '*.md', 'plans/*-so.md', 'plans/thieu-so.md', '--format', 'json'], { cwd: dir }));
    expect(result.files.map((f: any) => [f.path, f.isPlan])).toEqual([
      ['ghi-chu.md', false],
      ['plans/thieu-so.md', true],
    ]);
  });

  it('skips binary files and files over maxFileSize, with a notice on stderr and in JSON', async () => {
    const dir = project(ONLY_KH201.replace(/}$/, ',"maxFileSize":4000}'));
    writeFileSync(join(dir, 'plans', 'nhi-phan.md'), Buffer.from([0x4b, 0x45, 0x00, 0x01, 0x02, 0xff, 0x00]));
    const plan = readFileSync(join(dir, 'plans', 'thieu-so.md'), 'utf8');
    writeFileSync(join(dir, 'plans', 'lon.md'), plan + '\nNội dung thêm.\n'.repeat(400));
    const run = await runCli(['check', '--format', 'json'], { cwd: dir });
    const files = json(run).files;
    expect(files.find((f: any) => f.path === 'plans/nhi-phan.md')).toMatchObject({ isPlan: false, diagnostics: [], skipped: { reason: 'binary' } });
    expect(files.find((f: any) => f.path === 'plans/lon.md')).toMatchObject({ isPlan: false, diagnostics: [], skipped: { reason: 'too-large' } });
    expect(json(run).summary).toMatchObject({ files: 6, plans: 3, skipped: 2, errors: 1 });
    expect(run.stderr).toContain('plans/nhi-phan.md');
    expect(run.stderr).toMatch(/plans\/lon\.md.*maxFileSize/);
    expect(run.code).toBe(1);
  });

  it('reads stdin for "-", named by --stdin-filename, which also picks the configuration', async () => {
    const dir = project(ONLY_KH201);
    const input = readFileSync(join(dir, 'plans', 'thieu-so.md'));
    const unnamed = json(await runCli(['check', '-', '--format', 'json'], { cwd: dir, input }));
    expect(unnamed.files).toMatchObject([{ path: '<stdin>', isPlan: true, diagnostics: [{ ruleId: 'KH201', range: { start: { line: 8 } } }] }]);
    const named = json(await runCli(['check', '-', '--stdin-filename', 'plans/moi.md', '--format', 'json'], { cwd: dir, input }));
    expect(named.files[0].path).toBe('plans/moi.md');
    writeFileSync(join(dir, 'plans', '.kehoach.json'), ONLY_KH201.replace('"KH201":"error"', '"KH201":"off"'));
    const configured = await runCli(['check', '-', '--stdin-filename', 'plans/moi.md', '--format', 'json'], { cwd: dir, input });
    expect(configured.code).toBe(0);
    expect(json(configured).files[0].diagnostics).toEqual([]);
  });

  it('refuses "-" with other paths or with --fix', async () => {
    const dir = project();
    expect((await runCli(['check', '-', 'plans'], { cwd: dir, input: '' })).code).toBe(2);
    expect((await runCli(['check', '-', '--fix'], { cwd: dir, input: '' })).code).toBe(2);
  });
});

describe('options', () => {
  it('--quiet reports errors only', async () => {
    const dir = project(ONLY_KH201.replace('"KH201":"error"', '"KH201":"warning"'));
    const loud = json(await runCli(['check', '--format', 'json'], { cwd: dir }));
    expect(loud.summary.warnings).toBe(1);
    const quiet = json(await runCli(['check', '--format', 'json', '--quiet'], { cwd: dir }));
    expect(quiet.summary).toMatchObject({ errors: 0, warnings: 0, infos: 0 });
    expect(quiet.files.every((f: any) => f.diagnostics.length === 0)).toBe(true);
  });

  it('--quiet keeps every error of the full rule set', async () => {
    const dir = project();
    const loud = json(await runCli(['check', '--format', 'json'], { cwd: dir }));
    const quiet = json(await runCli(['check', '--format', 'json', '--quiet'], { cwd: dir }));
    const errorsOf = (result: any) => result.files.flatMap((f: any) => f.diagnostics.filter((d: any) => d.severity === 'error').map((d: any) => `${f.path}:${d.ruleId}:${d.range.start.line}`));
    expect(errorsOf(quiet)).toEqual(errorsOf(loud));
    expect(quiet.files.flatMap((f: any) => f.diagnostics).every((d: any) => d.severity === 'error')).toBe(true);
  });

  it('--locale en', async () => {
    const run = await runCli(['check', '--locale', 'en', '--format', 'json'], { cwd: project(ONLY_KH201) });
    expect(json(run).files[3].diagnostics[0].message).toBe(KH201_MESSAGE.en);
  });
});

describe('--fix', () => {
  function snapshot(dir: string): Map<string, { text: string; ino: number; mtimeMs: number }> {
    const files = new Map<string, { text: string; ino: number; mtimeMs: number }>();
    for (const name of readdirSync(dir, { recursive: true }) as string[]) {
      const path = join(dir, name);
      const stats = statSync(path);
      if (stats.isFile()) files.set(name.split('\\').join('/'), { text: readFileSync(path, 'utf8'), ino: stats.ino, mtimeMs: stats.mtimeMs });
    }
    return files;
  }

  it('writes exactly the engine\'s safe fixes, atomically, touching nothing else; a second run changes nothing', async () => {
    const dir = project();
    const before = snapshot(dir);
    const config = parseConfig('{}', 'x.json');
    const expected = fixAll(before.get('plans/can-sua.md')!.text, (text) => checkText(text, { config }).diagnostics).text;
    // The fixture must give the fixer something to do, or this test proves nothing.
    const unfixed = json(await runCli(['check', '--format', 'json'], { cwd: dir }));
    expect(unfixed.files.find((f: any) => f.path === 'plans/can-sua.md').diagnostics.some((d: any) => d.fixable)).toBe(true);
    expect(expected).not.toBe(before.get('plans/can-sua.md')!.text);

    const fixed = await runCli(['check', '--fix', '--format', 'json'], { cwd: dir });
    const result = json(fixed);
    const after = snapshot(dir);
    expect(after.get('plans/can-sua.md')!.text).toBe(expected);
    // Replaced by rename: a new inode, and no temporary file left behind.
    expect(after.get('plans/can-sua.md')!.ino).not.toBe(before.get('plans/can-sua.md')!.ino);
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
    // Files whose text did not change are not touched at all.
    for (const [name, file] of after) {
      if (name === 'plans/can-sua.md' || file.text !== before.get(name)!.text) continue;
      expect({ name, ino: file.ino, mtimeMs: file.mtimeMs }).toEqual({ name, ino: before.get(name)!.ino, mtimeMs: before.get(name)!.mtimeMs });
    }
    const canSua = result.files.find((f: any) => f.path === 'plans/can-sua.md');
    expect(canSua.fixed).toBeGreaterThan(0);
    expect(canSua.diagnostics.some((d: any) => d.fixable)).toBe(false);
    expect(result.summary.fixed).toBeGreaterThan(0);
    // The remaining problems are those of the fixed text.
    expect(canSua.diagnostics.map((d: any) => `${d.range.start.line}:${d.ruleId}`)).toEqual(
      checkText(expected, { config }).diagnostics.map((d) => `${d.range.start.line}:${d.ruleId}`),
    );

    const again = await runCli(['check', '--fix', '--format', 'json'], { cwd: dir });
    expect(json(again).summary.fixed).toBe(0);
    expect(snapshot(dir)).toEqual(after);
    expect(again.code).toBe(fixed.code);
  });

  it('keeps a byte order mark and CRLF line ends', async () => {
    const dir = project();
    const path = join(dir, 'plans', 'can-sua.md');
    const crlf = '\uFEFF' + readFileSync(path, 'utf8').replace(/\n/g, '\r\n');
    writeFileSync(path, crlf);
    await runCli(['check', '--fix', 'plans/can-sua.md'], { cwd: dir });
    const written = readFileSync(path, 'utf8');
    expect(written).not.toBe(crlf);
    expect(written.startsWith('\uFEFF')).toBe(true);
    expect(written.slice(1).split('\n').slice(0, -1).every((line) => line.endsWith('\r'))).toBe(true);
  });

  it('is idempotent on plans saved with CR-only, CRLF and mixed line breaks, and loses no letter', async () => {
    const dir = project();
    const sources = [join(dir, 'plans', 'can-sua.md'), ...seedFiles().map((seed) => join(SEEDS, seed))];
    const breaks = { cr: ['\r'], crlf: ['\r\n'], mixed: ['\r', '\r\n', '\n'] };
    mkdirSync(join(dir, 'dong'));
    const written = new Map<string, string>();
    sources.forEach((source, n) => {
      const lines = splitLines(readFileSync(source, 'utf8'));
      for (const [kind, cycle] of Object.entries(breaks)) {
        const text = lines.map((line, k) => (k + 1 < lines.length ? line + cycle[k % cycle.length] : line)).join('');
        const name = join('dong', `ke-hoach-${n}-${kind}.md`);
        writeFileSync(join(dir, name), text);
        written.set(name, text);
      }
    });
    const first = json(await runCli(['check', '--fix', '--format', 'json', 'dong'], { cwd: dir }));
    expect(first.summary.fixed).toBeGreaterThan(0);
    const once = new Map([...written.keys()].map((name) => [name, readFileSync(join(dir, name), 'utf8')]));
    const second = json(await runCli(['check', '--fix', '--format', 'json', 'dong'], { cwd: dir }));
    expect(second.summary.fixed).toBe(0);
    for (const [name, text] of written) {
      expect(readFileSync(join(dir, name), 'utf8'), name).toBe(once.get(name));
      expect(firstLostLetter(text, once.get(name)!), name).toBeUndefined();
    }
    // The lines reported are those of the plan saved with LF breaks.
    const linesOf = (path: string) => second.files.find((f: any) => f.path === path).diagnostics.map((d: any) => `${d.range.start.line}:${d.ruleId}`);
    for (let n = 0; n < sources.length; n++) {
      expect(linesOf(`dong/ke-hoach-${n}-cr.md`)).toEqual(linesOf(`dong/ke-hoach-${n}-crlf.md`));
      expect(linesOf(`dong/ke-hoach-${n}-mixed.md`)).toEqual(linesOf(`dong/ke-hoach-${n}-crlf.md`));
    }
  });

  it('does not write a file that is not clean UTF-8', async () => {
    const dir = project();
    const path = join(dir, 'plans', 'can-sua.md');
    const bytes = Buffer.concat([readFileSync(path), Buffer.from([0xc3, 0x28, 0x0a])]);
    writeFileSync(path, bytes);
    const run = await runCli(['check', '--fix', '--format', 'json'], { cwd: dir });
    expect(readFileSync(path).equals(bytes)).toBe(true);
    expect(json(run).files.find((f: any) => f.path === 'plans/can-sua.md').fixNotWritten).toMatch(/UTF-8/);
    expect(run.stderr).toMatch(/plans\/can-sua\.md/);
  });

  it('fixes a 1.5 MB plan in decomposed Unicode to NFC, every word kept', async () => {
    const dir = project();
    const path = join(dir, 'plans', 'lon.md');
    const decomposed: string = longDecomposedPlan(readFileSync(join(dir, 'plans', 'day-du.md'), 'utf8'), 1_500_000);
    writeFileSync(path, decomposed);
    const run = json(await runCli(['check', '--fix', '--format', 'json', 'plans/lon.md'], { cwd: dir }));
    const written = readFileSync(path, 'utf8');
    expect(run.files[0].fixed).toBeGreaterThan(1000);
    expect(run.files[0].diagnostics.filter((d: any) => d.fixable)).toEqual([]);
    expect(written).toBe(written.normalize('NFC'));
    const words = (text: string): Map<string, number> => {
      const counts = new Map<string, number>();
      for (const word of text.normalize('NFC').split(/[^\p{L}\p{M}\p{N}]+/u).filter(Boolean)) counts.set(word, (counts.get(word) ?? 0) + 1);
      return counts;
    };
    const after = words(written);
    const lost = [...words(decomposed)].filter(([word, count]) => (after.get(word) ?? 0) < count);
    expect(lost).toEqual([]);
  });
});

describe('--jobs', () => {
  function manyPlans(): string {
    const dir = project();
    const sources = [...readdirSync(join(dir, 'plans')).map((name) => join(dir, 'plans', name)), ...seedFiles().map((seed) => join(SEEDS, seed))];
    mkdirSync(join(dir, 'nhieu'));
    for (let i = 0; i < 16; i++) cpSync(sources[i % sources.length]!, join(dir, 'nhieu', `ke-hoach-${String(i).padStart(2, '0')}.md`));
    return dir;
  }

  it('--jobs 2 gives the same JSON as --jobs 1', async () => {
    const dir = manyPlans();
    const one = await runCli(['check', '--format', 'json', '--jobs', '1'], { cwd: dir });
    const two = await runCli(['check', '--format', 'json', '--jobs', '2'], { cwd: dir });
    expect(two.code).toBe(one.code);
    expect(two.stdout).toBe(one.stdout);
    expect(JSON.parse(one.stdout).summary.files).toBe(20);
  });

  it('--fix --jobs 2 writes the same files as --fix --jobs 1', async () => {
    const a = manyPlans();
    const b = manyPlans();
    const one = await runCli(['check', '--fix', '--format', 'json', '--jobs', '1'], { cwd: a });
    const two = await runCli(['check', '--fix', '--format', 'json', '--jobs', '3'], { cwd: b });
    expect(two.stdout).toBe(one.stdout);
    for (const name of readdirSync(join(a, 'nhieu'))) {
      expect(readFileSync(join(b, 'nhieu', name), 'utf8')).toBe(readFileSync(join(a, 'nhieu', name), 'utf8'));
    }
  });
});
