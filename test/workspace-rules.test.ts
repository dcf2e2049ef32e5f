// The cross-file rules beyond their fixture folders: the exact text of KH405's quick fix in each
// date form, that fix-all leaves it to a person, and what happens to the citing plans when the
// cited plan leaves the index or moves.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { checkText } from '../server/src/engine/check.js';
import { applyEdits, fixAll } from '../server/src/engine/fixes.js';
import { ruleById } from '../server/src/engine/rules/index.js';
import { fileUri, indexFolders } from '../server/src/node/indexer.js';
import { summarizePlan } from '../server/src/engine/workspace/summary.js';
import type { PlanIndex } from '../server/src/engine/workspace/plan-index.js';
import { FIXTURES } from './helpers/fixtures.js';

const FOLDER = join(FIXTURES, 'rules', 'KH405', 'citing-wrong-date');
const CITED = fileUri(join(FOLDER, '121-KH-LDLD.md'));
const CITING = fileUri(join(FOLDER, '84-KH-CDN.md'));
const KH405 = ruleById('KH405')!;
const KH208 = ruleById('KH208')!;
const KH404 = ruleById('KH404')!;

/** A plan citing 121/KH-LĐLĐ (issued 12/5/2021) with `citation`. */
function citing(citation: string): string {
  return readFileSync(join(FOLDER, '84-KH-CDN.md'), 'utf8').split('\n').slice(0, 9).concat(['', citation, '']).join('\n');
}

describe('KH405 across files', () => {
  let index: PlanIndex;

  beforeEach(async () => {
    ({ index } = await indexFolders([FOLDER]));
  });

  const check = (text: string) => checkText(text, { rules: [KH405], workspace: { uri: CITING, index } }).diagnostics;

  it.each([
    ['Thực hiện Kế hoạch số 121/KH-LĐLĐ ngày 20/5/2021 của LĐLĐ tỉnh;', 'Thực hiện Kế hoạch số 121/KH-LĐLĐ ngày 12/5/2021 của LĐLĐ tỉnh;'],
    ['Thực hiện Kế hoạch số 121/KH-LĐLĐ ngày 02/05/2021 của LĐLĐ tỉnh;', 'Thực hiện Kế hoạch số 121/KH-LĐLĐ ngày 12/05/2021 của LĐLĐ tỉnh;'],
    ['Thực hiện Kế hoạch số 121/KH-LĐLĐ ngày 20.5.2021 của LĐLĐ tỉnh;', 'Thực hiện Kế hoạch số 121/KH-LĐLĐ ngày 12.5.2021 của LĐLĐ tỉnh;'],
    ['Thực hiện Kế hoạch số 121/KH-LĐLĐ ngày 20 tháng 5 năm 2021 của LĐLĐ tỉnh;', 'Thực hiện Kế hoạch số 121/KH-LĐLĐ ngày 12 tháng 5 năm 2021 của LĐLĐ tỉnh;'],
  ])('offers to write the cited plan\'s date the way the citation writes dates: %s', (wrong, right) => {
    const text = citing(wrong);
    const [diagnostic] = check(text);
    expect(diagnostic?.fix?.title.vi).toBe('Sửa ngày thành 12/5/2021');
    expect(diagnostic!.fix!.safety).toBe('review');
    expect(applyEdits(text, diagnostic!.fix!.edits).text).toBe(citing(right));
    // Which of the two plans is wrong is for a person to say: fix-all leaves it.
    expect(fixAll(text, check).text).toBe(text);
  });

  it('says nothing more once the cited plan is deleted, and names its new file after a move', () => {
    const text = citing('Thực hiện Kế hoạch số 121/KH-LĐLĐ ngày 20/5/2021 của LĐLĐ tỉnh;');
    expect(check(text)[0]!.related![0]!.uri).toBe(CITED);
    const moved = fileUri(join(FOLDER, 'luu-tru', '121-KH-LDLD.md'));
    index.rename(CITED, moved);
    const afterMove = check(text)[0]!;
    expect(afterMove.message.vi).toContain('(121-KH-LDLD.md)');
    expect(afterMove.related![0]!.uri).toBe(moved);
    index.delete(moved);
    expect(check(text)).toEqual([]);
  });
});

describe('KH208 across files', () => {
  it('does not count the plan itself, whatever the case and spacing of its number', async () => {
    const folder = join(FIXTURES, 'rules', 'KH208', 'blank-and-spaced');
    const { index } = await indexFolders([folder]);
    const own = fileUri(join(folder, '21-KH-PGDDT.md'));
    const text = readFileSync(join(folder, '21-KH-PGDDT.md'), 'utf8');
    const [duplicate] = checkText(text, { rules: [KH208], workspace: { uri: own, index } }).diagnostics;
    expect(duplicate?.message.vi).toBe('Số 21/KH-PGDĐT đã được dùng cho kế hoạch khác năm 2026: 21-KH-PGDDT-spaced.md');
    index.delete(fileUri(join(folder, '21-KH-PGDDT-spaced.md')));
    expect(checkText(text, { rules: [KH208], workspace: { uri: own, index } }).diagnostics).toEqual([]);
  });
});

describe('KH404 across files', () => {
  const folder = join(FIXTURES, 'rules', 'KH404', 'majority');
  const file = (name: string): { uri: string; text: string } => ({ uri: fileUri(join(folder, name)), text: readFileSync(join(folder, name), 'utf8') });

  it('tells the plan that disagrees with most of the folder, naming the plans that agree', async () => {
    const { index } = await indexFolders([folder]);
    const odd = file('23-KH-THCS.md');
    const [diagnostic] = checkText(odd.text, { rules: [KH404], workspace: { uri: odd.uri, index } }).diagnostics;
    expect(diagnostic?.message.vi).toBe(
      'Kế hoạch số 120/KH-PGDĐT được dẫn với ngày 2/9/2026, nhưng 3 kế hoạch khác trong thư mục dẫn văn bản này ngày 1/9/2026 (20-KH-THCS.md, 21-KH-THCS.md, 22-KH-THCS.md)',
    );
    expect(diagnostic?.message.en).toBe(
      'Kế hoạch số 120/KH-PGDĐT is cited as dated 2/9/2026, but 3 other plans of the folder cite it as dated 1/9/2026 (20-KH-THCS.md, 21-KH-THCS.md, 22-KH-THCS.md)',
    );
    expect(diagnostic?.related?.map((related) => [related.uri, related.range.start.line])).toEqual([
      [fileUri(join(folder, '20-KH-THCS.md')), 10],
      [fileUri(join(folder, '21-KH-THCS.md')), 10],
      [fileUri(join(folder, '22-KH-THCS.md')), 10],
    ]);
  });

  it('follows the index: once the folder is split evenly, both sides are told', async () => {
    const { index } = await indexFolders([folder]);
    const agreeing = file('21-KH-THCS.md');
    expect(checkText(agreeing.text, { rules: [KH404], workspace: { uri: agreeing.uri, index } }).diagnostics).toEqual([]);
    // Plan 20 now gives 2/9 too: two plans say 1/9, two say 2/9.
    const changed = file('20-KH-THCS.md');
    index.set(changed.uri, summarizePlan(changed.text.replace('ngày 01/9/2026 của', 'ngày 02/9/2026 của')));
    const [split] = checkText(agreeing.text, { rules: [KH404], workspace: { uri: agreeing.uri, index } }).diagnostics;
    expect(split?.message.vi).toBe('Kế hoạch số 120/KH-PGDĐT được dẫn với ngày 1/9/2026, nhưng 2 kế hoạch khác trong thư mục dẫn văn bản này ngày 2/9/2026 (20-KH-THCS.md, 23-KH-THCS.md)');
    const odd = file('23-KH-THCS.md');
    expect(checkText(odd.text, { rules: [KH404], workspace: { uri: odd.uri, index } }).diagnostics).toHaveLength(1);
  });

  it('leaves a document the plan itself cites with two dates to the report inside the plan', async () => {
    const { index } = await indexFolders([folder]);
    const odd = file('23-KH-THCS.md');
    const text = `${odd.text}\nCăn cứ Kế hoạch số 120/KH-PGDĐT ngày 01/9/2026 của Phòng Giáo dục và Đào tạo;\n`;
    const diagnostics = checkText(text, { rules: [KH404], workspace: { uri: odd.uri, index } }).diagnostics;
    expect(diagnostics.map((diagnostic) => diagnostic.message.en)).toEqual(['Kế hoạch số 120/KH-PGDĐT is cited here as dated 1/9/2026, but an earlier citation gives 2/9/2026']);
  });

  it('takes the same number in another year for another document, unless the number carries its year', async () => {
    const { index } = await indexFolders([folder]);
    const odd = file('23-KH-THCS.md');
    const nextYear = odd.text.replace('ngày 02/9/2026', 'ngày 02/9/2027').replace('năm 2026', 'năm 2027');
    expect(checkText(nextYear, { rules: [KH404], workspace: { uri: odd.uri, index } }).diagnostics).toEqual([]);
    // A decree cited by three plans as of 2020 and by this one as of 2021 is the same decree.
    for (const name of ['20-KH-THCS.md', '21-KH-THCS.md', '22-KH-THCS.md']) {
      const plan = file(name);
      index.set(plan.uri, summarizePlan(`${plan.text}\nCăn cứ Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ;\n`));
    }
    const decree = `${odd.text}\nCăn cứ Nghị định số 30/2020/NĐ-CP ngày 05/3/2021 của Chính phủ;\n`;
    const messages = checkText(decree, { rules: [KH404], workspace: { uri: odd.uri, index } }).diagnostics.map((diagnostic) => diagnostic.message.vi);
    expect(messages).toContain(
      'Nghị định số 30/2020/NĐ-CP được dẫn với ngày 5/3/2021, nhưng 3 kế hoạch khác trong thư mục dẫn văn bản này ngày 5/3/2020 (20-KH-THCS.md, 21-KH-THCS.md, 22-KH-THCS.md)',
    );
  });

  it('names five plans at most, and counts the rest', async () => {
    const { index } = await indexFolders([folder]);
    const base = file('20-KH-THCS.md').text;
    for (let n = 30; n < 40; n++) index.set(fileUri(join(folder, `${n}-KH-THCS.md`)), summarizePlan(base.replace('20/KH-THCS', `${n}/KH-THCS`)));
    const odd = file('23-KH-THCS.md');
    const [diagnostic] = checkText(odd.text, { rules: [KH404], workspace: { uri: odd.uri, index } }).diagnostics;
    expect(diagnostic?.message.vi).toContain('nhưng 13 kế hoạch khác trong thư mục dẫn văn bản này ngày 1/9/2026 (20-KH-THCS.md, 21-KH-THCS.md, 22-KH-THCS.md, 30-KH-THCS.md, 31-KH-THCS.md, …)');
    expect(diagnostic?.related).toHaveLength(5);
  });
});
