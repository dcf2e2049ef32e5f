// `kehoach new --from`: the real CLI as a process drafts a plan implementing each seed plan, for
// the office of the folder's .kehoach.json; the draft has no error, and in a folder check its
// citation resolves to the parent (a wrong date in it is then reported against the parent).
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildModel } from '../server/src/engine/extract.js';
import { summaryOfModel } from '../server/src/engine/workspace/summary.js';
import { SEEDS, hasSeeds, seedFiles } from './helpers/fixtures.js';
import { ROOT, buildServer } from './lsp-harness.js';

const CLI = join(ROOT, 'out', 'cli.js');
const OFFICE = {
  office: {
    agency: 'TRƯỜNG TIỂU HỌC VĂN YÊN',
    name: 'Trường Tiểu học Văn Yên',
    parentAgency: 'PHÒNG GIÁO DỤC VÀ ĐÀO TẠO QUẬN HÀ ĐÔNG',
    symbol: 'THVY',
    place: 'Hà Đông',
    signer: { authority: 'KT. HIỆU TRƯỞNG', title: 'PHÓ HIỆU TRƯỞNG', name: 'Lê Thị Lan' },
  },
};

interface JsonOutput {
  files: Array<{ path: string; diagnostics: Array<{ ruleId: string; severity: string; message: string; related?: Array<{ path?: string }> }> }>;
}

const temps: string[] = [];

function officeFolder(config: unknown = OFFICE): string {
  const dir = mkdtempSync(join(tmpdir(), 'kehoach-new-'));
  temps.push(dir);
  writeFileSync(join(dir, '.kehoach.json'), JSON.stringify(config));
  return dir;
}

function kehoach(args: string[], cwd: string): { code: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, XDG_CACHE_HOME: join(cwd, '.cache') } });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

function check(dir: string): JsonOutput {
  return JSON.parse(kehoach(['check', '.', '--format', 'json'], dir).stdout) as JsonOutput;
}

beforeAll(() => buildServer());
afterAll(() => {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

const numberedSeeds = seedFiles().filter((file) => summaryOfModel(buildModel(readFileSync(join(SEEDS, file), 'utf8'))).symbol);

describe.skipIf(!hasSeeds)('kehoach new --from a seed plan', () => {
  it('has seeds with a number to cite', () => {
    expect(numberedSeeds.length).toBeGreaterThanOrEqual(3);
  });

  it.each(numberedSeeds)('%s: a draft without error whose citation resolves to the parent', (seed) => {
    const dir = officeFolder();
    copyFileSync(join(SEEDS, seed), join(dir, 'parent.md'));
    const parent = summaryOfModel(buildModel(readFileSync(join(dir, 'parent.md'), 'utf8')));
    const run = kehoach(['new', '--from', 'parent.md', '-o', 'child.md', '--date', `${parent.date!.year}-12-28`], dir);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const draft = readFileSync(join(dir, 'child.md'), 'utf8');
    const child = buildModel(draft);
    expect(child.header.number?.value).toBe('/KH-THVY');
    expect(child.header.placeDate?.date).toMatchObject({ day: 28, month: 12, year: parent.date!.year });
    const basis = child.citations.find((citation) => citation.inBasis)!;
    expect(basis).toMatchObject({ typeName: 'Kế hoạch', symbol: parent.symbol, date: { day: parent.date!.day, month: parent.date!.month } });
    expect(child.recipients!.entries[0]!.annotations).toContain('để b/c');
    expect(child.signature).toMatchObject({ prefix: { text: 'KT.' }, name: { text: 'Lê Thị Lan' } });
    const tasks = buildModel(readFileSync(join(dir, 'parent.md'), 'utf8')).allSections.find((section) => section.key === 'tasks')!.children;
    expect(child.allSections.find((section) => section.key === 'tasks')!.children.map((task) => task.title)).toEqual(tasks.map((task) => task.title.replace(/[.:;]+$/u, '')));

    const childFindings = check(dir).files.find((file) => file.path === 'child.md')!.diagnostics;
    expect(childFindings.filter((finding) => finding.severity === 'error')).toEqual([]);

    // Resolved: a wrong day in the citations (summary and basis) is reported against the parent plan.
    const cited = basis.date!;
    const wrongDay = cited.day === 1 ? 2 : 1;
    writeFileSync(join(dir, 'child.md'), draft.replaceAll(cited.raw, `${wrongDay}/${cited.month}/${cited.year}`));
    const unresolved = check(dir).files.find((file) => file.path === 'child.md')!.diagnostics.filter((finding) => finding.ruleId === 'KH405');
    expect(unresolved.map((finding) => finding.related?.[0]?.path)).toEqual(['parent.md', 'parent.md']);
  });

  it('writes a Party committee\'s draft in the Party\'s forms (number, header, recipients)', () => {
    const party = { profile: 'dang', office: { agency: 'HUYỆN ỦY TIÊN YÊN', name: 'Huyện ủy Tiên Yên', parentAgency: 'ĐẢNG BỘ TỈNH QUẢNG NINH', symbol: 'HU', place: 'Tiên Yên', signer: { authority: 'T/M BAN THƯỜNG VỤ', title: 'BÍ THƯ', name: 'Nguyễn Văn An' } } };
    const dir = officeFolder(party);
    copyFileSync(join(SEEDS, numberedSeeds[0]!), join(dir, 'parent.md'));
    expect(kehoach(['new', '--from', 'parent.md', '-o', 'child.md', '--date', '2021-12-28'], dir).code).toBe(0);
    const child = buildModel(readFileSync(join(dir, 'child.md'), 'utf8'));
    expect({ number: child.header.number?.form, party: child.header.partyHeader?.text, profile: child.detectedProfile }).toEqual({ number: 'party', party: 'ĐẢNG CỘNG SẢN VIỆT NAM', profile: 'dang' });
    expect(child.recipients!.entries.map((entry) => entry.terminator)).toEqual([',', ',', '.']);
    const findings = check(dir).files.find((file) => file.path === 'child.md')!.diagnostics;
    expect(findings.filter((finding) => finding.severity !== 'info')).toEqual([]);
  });

  it('explains why a parent without a number cannot be cited', () => {
    const unnumbered = seedFiles().find((file) => !numberedSeeds.includes(file))!;
    const dir = officeFolder();
    copyFileSync(join(SEEDS, unnumbered), join(dir, 'parent.md'));
    const run = kehoach(['new', '--from', 'parent.md'], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('kehoach: Kế hoạch này chưa có số, ký hiệu nên chưa trích dẫn được; hãy soạn từ bản đã ban hành\n');
  });
});

describe('kehoach new without an office', () => {
  it('names the block to add, and writes nothing over an existing file', () => {
    const dir = officeFolder({});
    writeFileSync(join(dir, 'parent.md'), readFileSync(join(ROOT, 'test', 'fixtures', 'real', 'state-ubnd-tinh-bac-ninh-2017-ho-tich.md')));
    const run = kehoach(['new', '--from', 'parent.md', '--locale', 'en'], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`kehoach: No drafting office: add an "office" block (agency, symbol, place, signer) to ${join(dir, '.kehoach.json')}\n`);
    expect(kehoach(['new', '--from', 'parent.md', '-o', 'parent.md'], dir).stderr).toBe('kehoach: parent.md đã có; chọn tên tệp khác\n');
  });
});
