// The language server's answers without a connection: createPlanService over an in-memory
// workspace, asked as the features ask it. Fast, so every case of hover, completion, code
// actions, the outline and navigation is tried here; the stdio tests prove the wiring.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CodeAction, Diagnostic as LspDiagnostic, DocumentSymbol, MarkupContent, TextDocumentEdit } from 'vscode-languageserver';
import { ruleDocsUrl } from '../server/src/engine/rule.js';
import { applyEdits } from '../server/src/engine/fixes.js';
import { checkText } from '../server/src/engine/check.js';
import { DEFAULT_CONFIG } from '../server/src/engine/config.js';
import { plan } from './helpers/workspace.js';
import { at, lineOf } from './lsp-harness.js';
import { memoryService } from './plan-service-harness.js';

const PLAN = readFileSync(join(__dirname, 'fixtures', 'lsp', 'plan.md'), 'utf8');
const FIXABLE = PLAN.replace('ngày 18 tháng 5 năm 2021', 'ngày 8 tháng 5 năm 2021').replace('trung học cơ sở;', 'trung học cơ sở');
const URI = 'untitled:plan.md';

/** The diagnostics as the editor got them, for code action requests. */
function sent(text: string): LspDiagnostic[] {
  return checkText(text).diagnostics.map((d) => ({ range: d.range, code: d.ruleId, source: 'kehoach', message: d.message.vi, codeDescription: { href: ruleDocsUrl(d.ruleId) } }));
}

function editsOf(action: CodeAction): TextDocumentEdit {
  return (action.edit!.documentChanges as TextDocumentEdit[])[0]!;
}

const hoverText = async (text: string, position: { line: number; character: number }): Promise<string | undefined> => {
  const { service, open } = memoryService();
  open(URI, text);
  return ((await service.hover(URI, position))?.contents as MarkupContent | undefined)?.value;
};

describe('hover', () => {
  it('explains a citation, and a date against the date of issue', async () => {
    expect(await hoverText(PLAN, at(PLAN, '121/KH-UBND', 2))).toContain('- Số, ký hiệu: `121/KH-UBND`');
    expect(await hoverText(PLAN, at(PLAN, '30/6/2021', 1))).toBe('**Thời hạn**: 30/6/2021 (Thứ Tư)\n\nRơi vào 43 ngày sau kế hoạch này (18/5/2021).');
    expect(await hoverText(PLAN, at(PLAN, 'ngày 18 tháng 5', 3))).toBe('**Ngày ban hành kế hoạch**: ngày 18 tháng 5 năm 2021 (Thứ Ba)\n\nĐây là ngày ban hành của kế hoạch.');
  });

  it('says nothing away from citations and dates, or outside a plan', async () => {
    expect(await hoverText(PLAN, at(PLAN, 'Nâng cao nhận thức'))).toBeUndefined();
    expect(await hoverText('# Ghi chú ngày 12/5/2021\n', { line: 0, character: 16 })).toBeUndefined();
  });

  it('writes in English for an English editor', async () => {
    const { service, open } = memoryService({ clientLocale: 'en' });
    open(URI, PLAN);
    const hover = await service.hover(URI, at(PLAN, '30/6/2021', 1));
    expect((hover!.contents as MarkupContent).value).toBe('**Deadline**: 30/6/2021 (Wednesday)\n\nFalls 43 days after this plan (18/5/2021).');
  });

  it('adds the plan of the folder a citation names', async () => {
    const { service, open, addFile } = memoryService();
    addFile('file:///office/12.md', plan(12));
    const citing = plan(13, { cites: [[12, '10/6']] });
    open(URI, citing);
    const value = ((await service.hover(URI, at(citing, '12/KH-PGDĐT', 1)))!.contents as MarkupContent).value;
    expect(value).toContain('**Kế hoạch trong thư mục** · `12.md`');
    expect(value).toContain('- Trích yếu: Tổ chức hoạt động số 12 năm học 2021-2022');
  });
});

describe('completion', () => {
  const complete = async (text: string, position: { line: number; character: number }, triggerKind: 1 | 2 = 1) => {
    const { service, open } = memoryService();
    open(URI, text);
    return service.completion(URI, position, { triggerKind, snippets: true });
  };

  it('offers section titles numbered for the place, in the form of the plan\'s sections', async () => {
    const text = PLAN.replace(/^([IV]+\. [A-ZĐ].*)$/gmu, '**$1**').replace('Tổ chức tập huấn cho giáo viên chủ nhiệm.\n\n', 'Tổ chức tập huấn cho giáo viên chủ nhiệm.\n\n\n\n');
    const line = lineOf(text, 'Tổ chức tập huấn') + 2;
    const list = await complete(text, { line, character: 0 });
    const funding = list!.items.find((item) => item.label === 'III. KINH PHÍ THỰC HIỆN')!;
    expect(funding.detail).toBe('Đã có (mục III)');
    expect(funding.textEdit).toEqual({ range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText: '**III. KINH PHÍ THỰC HIỆN**' });
    const renumbered = funding.additionalTextEdits!.map((edit) => edit.newText);
    expect(renumbered).toEqual(['IV', 'V']);
  });

  it('offers document types after "Căn cứ", as snippets or plain text', async () => {
    const text = PLAN.replace('Thực hiện Kế hoạch số 121', 'Căn cứ \n\nThực hiện Kế hoạch số 121');
    const list = await complete(text, at(text, 'Căn cứ ', 7), 2);
    const decision = list!.items.find((item) => item.label === 'Quyết định')!;
    expect((decision.textEdit as { newText: string }).newText).toBe('Quyết định số ${1:số}/QĐ-${2:cơ quan} ngày ${3:ngày/tháng/năm} của ${4:cơ quan ban hành}');
    const { service, open } = memoryService();
    open(URI, text);
    const plain = await service.completion(URI, at(text, 'Căn cứ ', 7), { triggerKind: 2, snippets: false });
    expect((plain!.items.find((item) => item.label === 'Quyết định')!.textEdit as { newText: string }).newText).toBe('Quyết định số ');
  });

  it('offers signing prefixes in the signature block only', async () => {
    const text = PLAN.replace('KT. TRƯỞNG PHÒNG', 'K');
    const line = lineOf(text, 'PHÓ TRƯỞNG PHÒNG') - 2;
    expect((await complete(text, { line, character: 1 }))!.items.map((item) => item.label)).toEqual(['TM.', 'KT.', 'TL.', 'TUQ.', 'Q.']);
  });

  it('offers the office\'s signer of .kehoach.json first, as a whole signing block', async () => {
    const text = PLAN.replace('KT. TRƯỞNG PHÒNG', 'K');
    const line = lineOf(text, 'PHÓ TRƯỞNG PHÒNG') - 2;
    const office = { agency: 'PHÒNG GIÁO DỤC VÀ ĐÀO TẠO', symbol: 'PGDĐT', place: 'Quận 8', signer: { authority: 'KT. TRƯỞNG PHÒNG', title: 'PHÓ TRƯỞNG PHÒNG', name: 'Lê Thị Lan' } };
    const { service, open } = memoryService({ config: { ...DEFAULT_CONFIG, office } });
    open(URI, text);
    const list = await service.completion(URI, { line, character: 1 }, { triggerKind: 1, snippets: true });
    expect(list!.items.map((item) => item.label)).toEqual(['KT. TRƯỞNG PHÒNG', 'TM.', 'KT.', 'TL.', 'TUQ.', 'Q.']);
    expect(list!.items[0]!.textEdit).toEqual({ range: { start: { line, character: 0 }, end: { line, character: 1 } }, newText: '**KT. TRƯỞNG PHÒNG**  \n**PHÓ TRƯỞNG PHÒNG**\n\n**Lê Thị Lan**\n' });
  });

  it('offers the recipients of the folder\'s plans not yet listed', async () => {
    const { service, open, addFile } = memoryService();
    addFile('file:///office/other.md', PLAN.replace('- Lưu: VT.', '- Phòng Nội vụ Quận 8;\n- Lưu: VT.'));
    const text = PLAN.replace('- Lưu: VT.', '- \n- Lưu: VT.');
    open(URI, text);
    const line = lineOf(text, '- Lưu') - 1;
    const list = await service.completion(URI, { line, character: 2 }, { triggerKind: 1, snippets: true });
    expect(list!.items.map((item) => item.label)).toEqual(['Phòng Nội vụ Quận 8']);
    expect(list!.items[0]!.textEdit).toEqual({ range: { start: { line, character: 0 }, end: { line, character: 2 } }, newText: '- Phòng Nội vụ Quận 8;' });
  });

  it('answers nothing past the end of the document', async () => {
    expect(await complete(PLAN, { line: 999, character: 0 })).toBeNull();
  });
});

describe('code actions', () => {
  const actions = async (text: string, diagnostics: LspDiagnostic[], only?: string[], triggerKind: 1 | 2 = 1) => {
    const { service, open } = memoryService();
    open(URI, text);
    return (await service.codeActions(URI, { diagnostics, only, triggerKind }))!;
  };

  it('offers the rule\'s fix, preferred, at the document\'s version, and a disable comment', async () => {
    const date = sent(FIXABLE).find((d) => d.code === 'KH204')!;
    const found = await actions(FIXABLE, [date], ['quickfix']);
    expect(found.map((action) => action.title)).toEqual(['Viết ngày ban hành theo thể thức', 'Tắt KH204 cho dòng này', 'Sửa mọi lỗi sửa tự động được (kehoach)']);
    const fix = found[0]!;
    expect(fix.isPreferred).toBe(true);
    expect(editsOf(fix)).toEqual({ textDocument: { uri: URI, version: 1 }, edits: [{ range: { start: { line: 10, character: 13 }, end: { line: 10, character: 14 } }, newText: '08' }] });
  });

  it('matches diagnostics by rule and range: one of an older text gets nothing', async () => {
    const date = sent(FIXABLE).find((d) => d.code === 'KH204')!;
    const moved = { ...date, range: { start: { line: 3, character: 0 }, end: { line: 3, character: 1 } } };
    expect(await actions(FIXABLE, [moved], ['quickfix'])).toEqual([]);
  });

  it('fixes everything safe in one edit for source.fixAll.kehoach', async () => {
    const found = await actions(FIXABLE, [], ['source.fixAll.kehoach']);
    expect(found.map((action) => action.kind)).toEqual(['source.fixAll.kehoach']);
    const { edits } = editsOf(found[0]!);
    expect(applyEdits(FIXABLE, edits).text).toBe(PLAN.replace('ngày 18 tháng 5', 'ngày 08 tháng 5'));
  });

  it('leaves fix-all out when the lightbulb asks automatically', async () => {
    const found = await actions(FIXABLE, sent(FIXABLE), undefined, 2);
    expect(found.some((action) => action.title.startsWith('Sửa mọi lỗi'))).toBe(false);
    expect(found.filter((action) => action.isPreferred)).toHaveLength(2);
  });

  it('disables a rule around a whole table for a line inside it', async () => {
    const text = PLAN.replace('Các trường triển khai đầy đủ, đúng tiến độ.', '| Việc | Hạn |\n|---|---|\n| Tập huấn | ngày 31/6/2021 |');
    const inTable = sent(text).find((d) => d.range.start.line === lineOf(text, '| Tập huấn'));
    expect(inTable).toBeDefined();
    const disable = (await actions(text, [inTable!], ['quickfix'])).find((action) => action.title.startsWith('Tắt'))!;
    const after = applyEdits(text, editsOf(disable).edits).text;
    expect(after).toContain('<!-- kehoach-disable KH205 -->\n| Việc | Hạn |');
    expect(after).toContain('| Tập huấn | ngày 31/6/2021 |\n<!-- kehoach-enable KH205 -->');
  });
});

describe('document symbols and folding', () => {
  it('outlines the header, the basis, the sections, recipients and signature', async () => {
    const { service, open } = memoryService();
    open(URI, PLAN);
    const symbols = (await service.documentSymbols(URI)) as DocumentSymbol[];
    expect(symbols.map((symbol) => symbol.name)).toEqual([
      'Phần đầu',
      'Căn cứ',
      'I. MỤC ĐÍCH, YÊU CẦU',
      'II. NHIỆM VỤ, GIẢI PHÁP',
      'III. KINH PHÍ THỰC HIỆN',
      'IV. TỔ CHỨC THỰC HIỆN',
      'Nơi nhận',
      'KT. TRƯỞNG PHÒNG PHÓ TRƯỞNG PHÒNG Nguyễn Văn An',
    ]);
    expect(symbols[3]!.children!.map((symbol) => symbol.name)).toEqual(['1. Tuyên truyền', '2. Tập huấn']);
  });

  it('names the parts in English for an English editor', async () => {
    const { service, open } = memoryService({ clientLocale: 'en' });
    open(URI, PLAN);
    expect(((await service.documentSymbols(URI)) as DocumentSymbol[]).map((symbol) => symbol.name).slice(0, 2)).toEqual(['Header', 'Basis']);
  });

  it('outlines a plan written with headings and bold lines alike', async () => {
    const { service, open } = memoryService();
    const headings = PLAN.replace(/^([IV]+\. [A-ZĐ].*)$/gmu, '## $1').replace(/^(\d\. .*)$/gmu, '**$1**');
    open(URI, headings);
    const symbols = (await service.documentSymbols(URI)) as DocumentSymbol[];
    expect(symbols.filter((symbol) => /^[IV]+\./u.test(symbol.name)).map((symbol) => symbol.children!.length)).toEqual([2, 2, 0, 0]);
  });

  it('folds each section down to its last line', async () => {
    const { service, open } = memoryService();
    open(URI, PLAN);
    expect((await service.foldingRanges(URI))!.map((range) => `${range.startLine}-${range.endLine}`)).toEqual(['0-14', '18-26', '20-22', '24-26', '28-36', '30-32', '34-36', '38-40', '42-46', '48-52']);
  });

  it('answers nothing for a document that is not a plan or not open', async () => {
    const { service, open } = memoryService();
    open(URI, '# Ghi chú\n\nViệc cần làm.\n');
    expect(await service.documentSymbols(URI)).toBeNull();
    expect(await service.documentSymbols('untitled:closed.md')).toBeNull();
  });
});

describe('navigation between plans', () => {
  const folder = () => {
    const memory = memoryService();
    memory.addFile('file:///office/12.md', plan(12));
    memory.addFile('file:///office/14.md', plan(14, { cites: [[12, '10/6']], day: '20' }));
    return memory;
  };

  it('goes from a citation to the cited plan\'s number line', async () => {
    const { service, open } = folder();
    const citing = plan(13, { cites: [[12, '10/6']], day: '15' });
    open(URI, citing);
    const locations = await service.definition(URI, at(citing, '12/KH-PGDĐT', 1));
    expect(locations).toEqual([{ uri: 'file:///office/12.md', range: { start: { line: 8, character: 4 }, end: { line: 8, character: 15 } } }]);
    expect(await service.definition(URI, at(citing, 'Tổ chức hoạt động'))).toBeNull();
  });

  it('lists the plans citing this one from its Số line, with the declaration when asked', async () => {
    const { service, open } = folder();
    const cited = plan(12);
    open('file:///office/12.md', cited);
    const numberLine = at(cited, 'Số: 12', 6);
    const citing = await service.references('file:///office/12.md', numberLine, false);
    expect(citing!.map((location) => location.uri)).toEqual(['file:///office/14.md']);
    const withDeclaration = await service.references('file:///office/12.md', numberLine, true);
    expect(withDeclaration!.map((location) => location.uri)).toEqual(['file:///office/12.md', 'file:///office/14.md']);
  });

  it('counts the citing plans in a code lens above the number', async () => {
    const { service, open } = folder();
    open('file:///office/12.md', plan(12));
    const lenses = await service.codeLenses('file:///office/12.md');
    expect(lenses!.map((lens) => lens.command!.title)).toEqual(['Được 1 kế hoạch trích dẫn']);
  });

  it('finds plans by number and by words of their title', () => {
    const { service } = folder();
    expect(service.workspaceSymbols('14/KH').map((symbol) => symbol.name)).toEqual(['14/KH-PGDĐT — Tổ chức hoạt động số 14 năm học 2021-2022']);
  });
});

describe('versions', () => {
  it('answers from the current version only: a command for an older one is refused', async () => {
    const { service, open } = memoryService();
    const first = open(URI, FIXABLE);
    open(URI, `${FIXABLE}\n`);
    expect(await service.fixAll(first)).toEqual({ applied: false, reason: 'stale' });
    const planned = await service.fixAll({ uri: URI, version: 2 });
    expect('edit' in planned && (planned.edit.documentChanges![0] as TextDocumentEdit).textDocument).toEqual({ uri: URI, version: 2 });
  });

  it('says why a section cannot be inserted', async () => {
    const { service, open } = memoryService();
    const document = open(URI, PLAN);
    expect(await service.insertSection(document, 'nonsense')).toEqual({ applied: false, reason: 'unknown-section' });
    expect(await service.insertSection(document, 'funding')).toEqual({ applied: false, reason: 'nothing' });
    const notes = open('untitled:notes.md', '# Ghi chú\n');
    expect(await service.insertSection(notes, 'funding')).toEqual({ applied: false, reason: 'not-plan' });
  });
});
