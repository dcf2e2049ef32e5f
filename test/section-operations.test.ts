// "Which sections are missing, and insert one": KH101's fix and the editor's insert-section
// command both go through engine/operations/sections.ts. The same plans are fed to both, which
// must make the same edits, and the exact text after them is pinned.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkText } from '../server/src/engine/check.js';
import { applyEdits, fixAll } from '../server/src/engine/fixes.js';
import { toRoman } from '../server/src/engine/text.js';
import type { TextEdit } from '../server/src/engine/types.js';
import type { TextDocumentEdit } from 'vscode-languageserver';
import { memoryService } from './plan-service-harness.js';

const PLAN = readFileSync(join(__dirname, 'fixtures', 'lsp', 'plan.md'), 'utf8');
const WITHOUT_FUNDING = PLAN.replace('III. KINH PHÍ THỰC HIỆN\n\nKinh phí do các trường tự cân đối.\n\n', '').replace('IV. TỔ CHỨC', 'III. TỔ CHỨC');
const HEADINGS = WITHOUT_FUNDING.replace(/^([IV]+\. [A-ZĐ])/gmu, '## $1');
/** The organisation section as an unnumbered heading: still the section, so not missing. */
const UNNUMBERED = HEADINGS.replace('## III. TỔ CHỨC THỰC HIỆN', '## TỔ CHỨC THỰC HIỆN');
const BOLD = WITHOUT_FUNDING.replace(/^([IV]+\. [A-ZĐ].*)$/gmu, '**$1**');
/** Header and basis only: the draft before any section is written. */
const NO_SECTIONS = PLAN.slice(0, PLAN.indexOf('I. MỤC ĐÍCH')) + PLAN.slice(PLAN.indexOf('Nơi nhận:'));

/** The edits of KH101's fix for the missing section `title`. */
function ruleEdits(text: string, title: string): TextEdit[] | undefined {
  const found = checkText(text).diagnostics.find((d) => d.ruleId === 'KH101' && d.message.vi.startsWith(`Thiếu mục ${title}`));
  expect(found, `KH101 reports ${title}`).toBeDefined();
  return found!.fix?.edits;
}

/** The edits of the insert-section command, and the keys the command's picker lists. */
async function commandEdits(text: string, key: string): Promise<{ edits: TextEdit[] | undefined; missing: string[] }> {
  const { service, open } = memoryService();
  const document = open('untitled:plan.md', text);
  const missing = (await service.missingSections(document.uri))!.sections.map((section) => section.key);
  const planned = await service.insertSection(document, key);
  const edits = 'edit' in planned ? (planned.edit.documentChanges![0] as TextDocumentEdit).edits : undefined;
  return { edits, missing };
}

describe('one section operation for KH101 and the insert-section command', () => {
  const cases: Array<{ name: string; text: string; key: string; title: string; missing: string[]; after: string }> = [
    {
      name: 'plain numbered sections',
      text: WITHOUT_FUNDING,
      key: 'funding',
      title: 'KINH PHÍ THỰC HIỆN',
      missing: ['funding', 'goals', 'reporting'],
      after: WITHOUT_FUNDING.replace('III. TỔ CHỨC THỰC HIỆN', 'III. KINH PHÍ THỰC HIỆN\n\nIV. TỔ CHỨC THỰC HIỆN'),
    },
    {
      name: 'an unnumbered ## TỔ CHỨC THỰC HIỆN heading',
      text: UNNUMBERED,
      key: 'funding',
      title: 'KINH PHÍ THỰC HIỆN',
      missing: ['funding', 'goals', 'reporting'],
      after: UNNUMBERED.replace('## TỔ CHỨC THỰC HIỆN', '## III. KINH PHÍ THỰC HIỆN\n\n## TỔ CHỨC THỰC HIỆN'),
    },
    {
      name: 'bold-paragraph sections',
      text: BOLD,
      key: 'funding',
      title: 'KINH PHÍ THỰC HIỆN',
      missing: ['funding', 'goals', 'reporting'],
      after: BOLD.replace('**III. TỔ CHỨC THỰC HIỆN**', '**III. KINH PHÍ THỰC HIỆN**\n\n**IV. TỔ CHỨC THỰC HIỆN**'),
    },
    {
      name: 'no sections yet',
      text: NO_SECTIONS,
      key: 'purpose',
      title: 'MỤC ĐÍCH, YÊU CẦU',
      missing: ['purpose', 'tasks', 'organisation', 'funding', 'goals', 'reporting'],
      after: NO_SECTIONS.replace('Nơi nhận:', 'I. MỤC ĐÍCH, YÊU CẦU\n\nNơi nhận:'),
    },
  ];

  for (const { name, text, key, title, missing, after } of cases) {
    it(`agrees on ${name}`, async () => {
      const fromRule = ruleEdits(text, title);
      const fromCommand = await commandEdits(text, key);
      expect(fromCommand.missing).toEqual(missing);
      expect(fromRule).toBeDefined();
      expect(fromCommand.edits).toEqual(fromRule);
      expect(applyEdits(text, fromRule!).text).toBe(after);
    });
  }

  it('lists no section that an unnumbered title already holds, and inserts none there', async () => {
    const { missing, edits } = await commandEdits(UNNUMBERED, 'organisation');
    expect(missing).not.toContain('organisation');
    expect(edits).toBeUndefined();
    expect(checkText(UNNUMBERED).diagnostics.filter((d) => d.ruleId === 'KH101').map((d) => d.message.vi)).toEqual([
      'Thiếu mục KINH PHÍ THỰC HIỆN (đặt trước mục TỔ CHỨC THỰC HIỆN)',
    ]);
  });

  it('inserts nowhere when the sections are grouped under letters, in both', async () => {
    const grouped = WITHOUT_FUNDING.replace('I. MỤC ĐÍCH, YÊU CẦU', 'A. PHẦN CHUNG\n\nI. MỤC ĐÍCH, YÊU CẦU');
    expect(ruleEdits(grouped, 'KINH PHÍ THỰC HIỆN')).toBeUndefined();
    expect((await commandEdits(grouped, 'funding')).edits).toBeUndefined();
  });
});

describe('a long plan past the 89th section', () => {
  // Ninety activities between II and TỔ CHỨC: inserting the funding section renumbers the later
  // ones up to XCIV, which the section reader must read back, or fix-all inserts it again.
  const activities = Array.from({ length: 90 }, (_, i) => `${toRoman(i + 3)}. HOẠT ĐỘNG THỨ ${i + 1}\n\nNội dung hoạt động.\n\n`).join('');
  const text = WITHOUT_FUNDING.replace('III. TỔ CHỨC THỰC HIỆN', `${activities}${toRoman(93)}. TỔ CHỨC THỰC HIỆN`);

  it('reads sections numbered XC and above, and a lone C. stays a group', () => {
    const titles = checkText(text).model.allSections.map((section) => section.number);
    expect(titles).toContain('XC');
    expect(titles).toContain('XCIII');
    const group = checkText(WITHOUT_FUNDING.replace('II. NHIỆM VỤ, GIẢI PHÁP', 'C. NHIỆM VỤ, GIẢI PHÁP'));
    expect(group.model.allSections.find((section) => section.number === 'C')?.rank).toBe(0);
  });

  it('fix-all inserts the missing funding section once', () => {
    const fixed = fixAll(text, (current) => checkText(current).diagnostics).text;
    expect(fixed.match(/KINH PHÍ THỰC HIỆN/gu)).toHaveLength(1);
    expect(fixed).toContain('III. KINH PHÍ THỰC HIỆN\n\nIV. HOẠT ĐỘNG THỨ 1');
    expect(fixed).toContain(`${toRoman(94)}. TỔ CHỨC THỰC HIỆN`);
    expect(fixAll(fixed, (current) => checkText(current).diagnostics).applied).toBe(0);
  });
});
