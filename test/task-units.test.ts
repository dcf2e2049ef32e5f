// Who is given a task (extract/responsibility.ts) and KH506 on top of it: the units that head the
// parts of "Tổ chức thực hiện" are read with their positions, and the quick fix adds exactly one
// recipient line above "Lưu", written as the list's lines are, without touching another character.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkText } from '../server/src/engine/check.js';
import { applyEdits } from '../server/src/engine/fixes.js';
import { taskUnitNotInformed } from '../server/src/engine/rules/recipients/KH506-task-unit-not-informed.js';
import { FIXTURES } from './helpers/fixtures.js';

const FIXTURE = join(FIXTURES, 'rules', 'KH506', 'unit-not-informed.md');

describe('units given a task', () => {
  it('reads the heads of the parts of "Tổ chức thực hiện" and the labelled lines, each where it is written', () => {
    const text = readFileSync(FIXTURE, 'utf8');
    const { model } = checkText(text);
    const lines = text.split('\n');
    expect(model.responsibilities.map((r) => [r.role, r.unit, lines[r.range.start.line]!.slice(r.range.start.character, r.range.end.character)])).toEqual([
      ['executor', 'Phòng Giáo dục và Đào tạo', 'Phòng Giáo dục và Đào tạo'],
      ['executor', 'Trung tâm Y tế huyện', 'Trung tâm Y tế huyện'],
      ['executor', 'Các trường tiểu học và trung học cơ sở', 'Các trường tiểu học và trung học cơ sở'],
      ['lead', 'Trạm y tế xã Vân Từ', 'Trạm y tế xã Vân Từ'],
      ['support', 'Công an huyện Phú Xuyên', 'Công an huyện Phú Xuyên'],
    ]);
  });

  it('stops a heading unit at the colon that opens its duties', () => {
    const { model } = checkText('# KẾ HOẠCH\n\nI. TỔ CHỨC THỰC HIỆN\n\n1. Phòng Y tế: hướng dẫn các trường\n\n2. Giao nhiệm vụ cho các tổ\n');
    expect(model.responsibilities.map((r) => r.unit)).toEqual(['Phòng Y tế']);
  });
});

describe('KH506 quick fix', () => {
  it('adds the unit as the last entry before "Lưu", and only that line', () => {
    const text = readFileSync(FIXTURE, 'utf8');
    const diagnostics = checkText(text, { rules: [taskUnitNotInformed] }).diagnostics;
    const trungTam = diagnostics.find((d) => d.message.vi.startsWith('Trung tâm Y tế huyện'))!;
    expect(trungTam.fix?.title.vi).toBe('Thêm "Trung tâm Y tế huyện" vào Nơi nhận');
    const fixed = applyEdits(text, trungTam.fix!.edits).text;
    expect(fixed.slice(fixed.indexOf('Nơi nhận:'), fixed.indexOf('KT.'))).toBe(
      'Nơi nhận:\n\n- UBND huyện (b/c);\n- Các trường TH, THCS;\n- Trung tâm Y tế huyện;\n- Lưu: VT, PGDĐT.\n\n',
    );
    expect(fixed.replace('- Trung tâm Y tế huyện;\n', '')).toBe(text);
    const after = checkText(fixed, { rules: [taskUnitNotInformed] }).diagnostics.map((d) => d.message.vi);
    expect(after).toHaveLength(2);
    expect(after.some((message) => message.startsWith('Trung tâm Y tế huyện'))).toBe(false);
  });

  it('offers no edit when the recipients are not a Markdown list', () => {
    const text = readFileSync(FIXTURE, 'utf8').replace('- UBND huyện (b/c);\n- Các trường TH, THCS;\n- Lưu: VT, PGDĐT.', '| - UBND huyện (b/c); - Lưu: VT, PGDĐT. | |\n|---|---|');
    const diagnostics = checkText(text, { rules: [taskUnitNotInformed] }).diagnostics;
    expect(diagnostics.length).toBeGreaterThan(0);
    for (const d of diagnostics) expect(d.fix).toBeUndefined();
  });
});
