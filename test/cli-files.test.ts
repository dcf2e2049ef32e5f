// Files as offices and file systems hand them to the real `kehoach` process: other encodings,
// special files, symlink loops, hard links, temporary files of a killed --fix.
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, linkSync, mkdirSync, watch, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLI, type CliRun, runCli } from './helpers/cli.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES } from './helpers/fixtures.js';
// @ts-expect-error: the plan builder is plain JavaScript without types, shared with the benchmark.
import { longDecomposedPlan } from '../scripts/long-plan.mjs';

const ROOT = join(__dirname, '..');
const PROJECT = join(FIXTURES, 'cli', 'project');

const kehoach = (args: string[], cwd: string): Promise<CliRun> => runCli(args, { cwd, env: { NO_COLOR: '1' } });

const temps: string[] = [];
function project(): string {
  const dir = mkdtempSync(join(tmpdir(), 'kehoach-files-'));
  temps.push(dir);
  cpSync(PROJECT, dir, { recursive: true });
  writeFileSync(join(dir, '.kehoach.json'), '{}');
  return dir;
}

const utf16be = (text: string) => Buffer.from(`\uFEFF${text}`, 'utf16le').swap16();
const utf16le = (text: string) => Buffer.from(`\uFEFF${text}`, 'utf16le');

beforeAll(() => {
  execFileSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs')], { stdio: 'inherit' });
}, 120_000);

afterAll(() => {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

describe('encodings', () => {
  it('checks UTF-16 LE and BE plans as their UTF-8 copy, and --fix writes them back in their own encoding', async () => {
    const dir = project();
    const text = readFileSync(join(dir, 'plans', 'can-sua.md'), 'utf8');
    writeFileSync(join(dir, 'plans', 'le.md'), utf16le(text));
    writeFileSync(join(dir, 'plans', 'be.md'), utf16be(text));
    const run = await kehoach(['check', 'plans/can-sua.md', 'plans/le.md', 'plans/be.md', '--format', 'json'], dir);
    const files = JSON.parse(run.stdout).files;
    const ranges = (path: string) => files.find((f: any) => f.path === path).diagnostics.map((d: any) => `${d.ruleId}@${d.range.start.line}:${d.range.start.character}`);
    expect(ranges('plans/can-sua.md').length).toBeGreaterThan(0);
    expect(ranges('plans/le.md')).toEqual(ranges('plans/can-sua.md'));
    expect(ranges('plans/be.md')).toEqual(ranges('plans/can-sua.md'));

    await kehoach(['check', '--fix', 'plans/can-sua.md', 'plans/le.md', 'plans/be.md'], dir);
    const fixed = readFileSync(join(dir, 'plans', 'can-sua.md'), 'utf8');
    expect(fixed).not.toBe(text);
    expect(readFileSync(join(dir, 'plans', 'le.md')).equals(utf16le(fixed))).toBe(true);
    expect(readFileSync(join(dir, 'plans', 'be.md')).equals(utf16be(fixed))).toBe(true);
  });

  it('names a legacy 8-bit encoding with a guess instead of skipping silently', async () => {
    const dir = project();
    // "KẾ HOẠCH ... Số: 1/KH-UBND" in Windows-1258: Ê then a combining acute byte, A then a combining dot below.
    const line = Buffer.concat([Buffer.from('K'), Buffer.from([0xca, 0xec]), Buffer.from(' HOA'), Buffer.from([0xf2]), Buffer.from('CH\nS'), Buffer.from([0xf4, 0xec]), Buffer.from(': 1/KH-UBND\n')]);
    writeFileSync(join(dir, 'plans', 'cu.md'), Buffer.concat(Array.from({ length: 20 }, () => line)));
    const named = await kehoach(['check', 'plans/cu.md'], dir);
    expect(named.code).toBe(2);
    expect(named.stderr).toMatch(/Không kiểm tra được plans\/cu\.md: không phải UTF-8, có lẽ là bảng mã cũ Windows-1258/);
    const walked = await kehoach(['check', '.', '--locale', 'en'], dir);
    expect(walked.stderr).toMatch(/Skipped plans\/cu\.md: not UTF-8, probably the legacy Windows-1258 encoding/);
    expect(walked.code).not.toBe(2);
  });
});

describe('paths that cannot be checked', () => {
  it('a FIFO, a symlink loop and a file over the limit are exit 2 with their own reason, or notices with --skip-unreadable', async () => {
    const dir = project();
    execFileSync('mkfifo', [join(dir, 'ong.md')]);
    symlinkSync('vong.md', join(dir, 'vong.md'));
    writeFileSync(join(dir, '.kehoach.json'), '{"maxFileSize":100}');
    for (const [name, reason] of [
      ['ong.md', 'không phải tệp thường mà là một đường ống có tên (FIFO)'],
      ['vong.md', 'liên kết tượng trưng trỏ vòng (ELOOP)'],
      ['plans/day-du.md', 'lớn hơn giới hạn'],
    ] as const) {
      const run = await kehoach(['check', name], dir);
      expect(run.code, name).toBe(2);
      expect(run.stderr).toContain(`Không kiểm tra được ${name}: `);
      expect(run.stderr).toContain(reason);
    }
    const skipping = await kehoach(['check', 'ong.md', 'vong.md', '--skip-unreadable', '--format', 'json'], dir);
    expect(skipping.code).toBe(0);
    expect(JSON.parse(skipping.stdout).files.map((f: any) => [f.path, f.skipped.reason])).toEqual([
      ['ong.md', 'special'],
      ['vong.md', 'symlink-loop'],
    ]);
    expect(skipping.stderr).toContain('Bỏ qua ong.md');
  });
});

describe('--fix writes', () => {
  it('keeps hard links and symbolic links to a plan, and leaves no temporary file', async () => {
    const dir = project();
    const plan = join(dir, 'plans', 'can-sua.md');
    const before = readFileSync(plan, 'utf8');
    linkSync(plan, join(dir, 'cung-inode.md'));
    symlinkSync(join('plans', 'can-sua.md'), join(dir, 'lien-ket.md'));
    const { ino } = statSync(plan);
    await kehoach(['check', '--fix', 'lien-ket.md'], dir);
    const after = readFileSync(plan, 'utf8');
    expect(after).not.toBe(before);
    expect(statSync(plan).ino).toBe(ino);
    expect(readFileSync(join(dir, 'cung-inode.md'), 'utf8')).toBe(after);
    expect(readdirSync(join(dir, 'plans')).filter((name) => name.endsWith('.kehoach-tmp'))).toEqual([]);
  });

  it('removes the temporary file a killed run left beside the plan', async () => {
    const dir = project();
    // A process id that no longer runs: a child that has exited.
    const gone = execFileSync(process.execPath, ['-p', 'process.pid'], { encoding: 'utf8' }).trim();
    const stale = join(dir, 'plans', `.can-sua.md.${gone}-0badc0de.kehoach-tmp`);
    writeFileSync(stale, 'half a plan');
    mkdirSync(join(dir, 'khac'));
    await kehoach(['check', '--fix', 'plans/can-sua.md'], dir);
    expect(readdirSync(join(dir, 'plans')).filter((name) => name.endsWith('.kehoach-tmp'))).toEqual([]);
  });

  it('ends on SIGTERM during a --fix run with no temporary file left and every plan whole, old or fixed', async () => {
    const dir = project();
    const plans = join(dir, 'plans');
    const large: string = longDecomposedPlan(readFileSync(join(plans, 'day-du.md'), 'utf8'), 150_000);
    rmSync(plans, { recursive: true });
    mkdirSync(plans);
    const names = Array.from({ length: 8 }, (_, i) => `lon-${i}.md`);
    for (const name of names) writeFileSync(join(plans, name), large);
    // What each plan is once fixed, from an uninterrupted run on a copy.
    const copy = project();
    rmSync(join(copy, 'plans'), { recursive: true });
    cpSync(plans, join(copy, 'plans'), { recursive: true });
    await kehoach(['check', '--fix', 'plans'], copy);
    const fixed = readFileSync(join(copy, 'plans', names[0]!), 'utf8');
    expect(fixed).not.toBe(large);

    const child = spawn(process.execPath, [CLI, 'check', '--fix', 'plans'], { cwd: dir, stdio: 'ignore' });
    // Killed as soon as the first temporary file appears, while plans are still being fixed.
    const watcher = watch(plans, (_event, name) => {
      if (name?.endsWith('.kehoach-tmp') && child.signalCode === null && !child.killed) child.kill('SIGTERM');
    });
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    watcher.close();
    // 128 + 15, as the shell reports a process ended by SIGTERM.
    expect(code).toBe(143);
    expect(readdirSync(plans).sort()).toEqual([...names].sort());
    const states = names.map((name) => readFileSync(join(plans, name), 'utf8')).map((text) => (text === large ? 'old' : text === fixed ? 'fixed' : 'broken'));
    expect(states).not.toContain('broken');
    expect(states).toContain('old');
  }, 120_000);
});
