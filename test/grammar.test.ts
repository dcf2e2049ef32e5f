// The TextMate injection grammar (syntaxes/kehoach.injection.tmLanguage.json), tokenized the way
// VS Code does it: vscode-textmate + Oniguruma, injected into VS Code's own Markdown grammar
// (shipped as plain JSON by the tm-grammars package, with the HTML grammars Markdown embeds).
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import * as vsctm from 'vscode-textmate';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildModel } from '../server/src/engine/extract.js';
import { FIXTURES, SEEDS, hasSeeds, seedFiles } from './helpers/fixtures.js';

const ROOT = join(__dirname, '..');
const INJECTION_PATH = join(ROOT, 'syntaxes', 'kehoach.injection.tmLanguage.json');
const INJECTION_SCOPE = 'markdown.kehoach.injection';
const TM_GRAMMARS = join(ROOT, 'node_modules', 'tm-grammars', 'grammars');
const GRAMMAR_FILES: Record<string, string> = {
  'text.html.markdown': join(TM_GRAMMARS, 'markdown.json'),
  'text.html.derivative': join(TM_GRAMMARS, 'html-derivative.json'),
  'text.html.basic': join(TM_GRAMMARS, 'html.json'),
  [INJECTION_SCOPE]: INJECTION_PATH,
};

interface Token {
  text: string;
  start: number;
  scopes: string[];
}

let markdown: vsctm.IGrammar;

beforeAll(async () => {
  const wasm = readFileSync(join(ROOT, 'node_modules', 'vscode-oniguruma', 'release', 'onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const registry = new vsctm.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
      createOnigString: (text: string) => new oniguruma.OnigString(text),
    }),
    // Languages embedded in fenced code blocks are not needed: unknown scopes load as nothing.
    loadGrammar: async (scopeName) => {
      const file = GRAMMAR_FILES[scopeName];
      return file ? vsctm.parseRawGrammar(readFileSync(file, 'utf8'), file) : null;
    },
    // What VS Code does for a grammar contributed with "injectTo": ["text.html.markdown"].
    getInjections: (scopeName) => (scopeName === 'text.html.markdown' ? [INJECTION_SCOPE] : undefined),
  });
  const grammar = await registry.loadGrammar('text.html.markdown');
  if (!grammar) throw new Error('the Markdown grammar did not load');
  markdown = grammar;
});

function tokenize(text: string): { lines: string[]; tokens: Token[][] } {
  const lines = text.split(/\r?\n/);
  let stack = vsctm.INITIAL;
  const tokens = lines.map((line) => {
    const result = markdown.tokenizeLine(line, stack);
    stack = result.ruleStack;
    return result.tokens.map((t) => ({ text: line.slice(t.startIndex, t.endIndex), start: t.startIndex, scopes: t.scopes }));
  });
  return { lines, tokens };
}

const kehoachScopes = (token: Token): string[] => token.scopes.filter((scope) => scope.endsWith('.kehoach'));

/** The scopes of the token `tokenText` on the first line containing `lineText`. */
function scopesOf(tokenized: ReturnType<typeof tokenize>, lineText: string, tokenText: string): string[] {
  const line = tokenized.lines.findIndex((text) => text.includes(lineText));
  expect(line, `a line containing ${JSON.stringify(lineText)}`).toBeGreaterThanOrEqual(0);
  const token = tokenized.tokens[line]!.find((t) => t.text === tokenText);
  const seen = tokenized.tokens[line]!.map((t) => `[${t.text}]`).join('');
  expect(token, `token ${JSON.stringify(tokenText)} on line ${line + 1}, tokens: ${seen}`).toBeDefined();
  return token!.scopes;
}

/** Whether every token overlapping [start, end) of a line carries a scope matching `scope`. */
function covered(tokenized: ReturnType<typeof tokenize>, line: number, start: number, end: number, scope: RegExp): boolean {
  const overlapping = tokenized.tokens[line]!.filter((t) => t.start < end && t.start + t.text.length > start);
  return overlapping.length > 0 && overlapping.every((t) => t.scopes.some((s) => scope.test(s)));
}

describe('the injection grammar file', () => {
  const grammar = JSON.parse(readFileSync(INJECTION_PATH, 'utf8')) as Record<string, unknown>;

  it('is contributed to VS Code as an injection into Markdown', () => {
    const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
      contributes?: { grammars?: Array<{ scopeName: string; path: string; injectTo?: string[] }> };
    };
    expect(manifest.contributes?.grammars).toContainEqual({
      scopeName: INJECTION_SCOPE,
      path: './syntaxes/kehoach.injection.tmLanguage.json',
      injectTo: ['text.html.markdown'],
    });
    expect(grammar.scopeName).toBe(INJECTION_SCOPE);
    expect(grammar.injectionSelector).toMatch(/^L:text\.html\.markdown /);
  });

  it('has regular expressions Oniguruma compiles, and scopes ending in .kehoach (or borrowed Markdown ones)', () => {
    const regexes: string[] = [];
    const names: string[] = [];
    const walk = (value: unknown): void => {
      if (Array.isArray(value)) value.forEach(walk);
      else if (value && typeof value === 'object') {
        for (const [key, child] of Object.entries(value)) {
          if (['match', 'begin', 'end', 'while'].includes(key) && typeof child === 'string') regexes.push(child);
          else if ((key === 'name' || key === 'contentName') && typeof child === 'string') names.push(child);
          else walk(child);
        }
      }
    };
    walk(grammar.repository);
    expect(regexes.length).toBeGreaterThan(15);
    for (const regex of regexes) expect(() => new oniguruma.OnigScanner([regex]).dispose(), regex).not.toThrow();
    for (const name of names) expect(name).toMatch(/\.kehoach$|^(punctuation\.definition\.[a-z.]+|markup\.list\.unnumbered)\.markdown$/);
  });
});

describe('highlighting the parts of a plan (test/fixtures/grammar/forms.md)', () => {
  let forms: ReturnType<typeof tokenize>;
  beforeAll(() => {
    forms = tokenize(readFileSync(join(FIXTURES, 'grammar', 'forms.md'), 'utf8'));
  });

  it.each([
    // [a line containing, token, scope]
    ['| Số: 15/KH-PGDĐT |', '15/KH-PGDĐT', 'variable.other.constant.plan-number.kehoach'],
    ['| Số: 15/KH-PGDĐT |', 'Số', 'keyword.other.label.plan-number.kehoach'],
    ['Số: 354/KH-PGDĐT', '354/KH-PGDĐT', 'variable.other.constant.plan-number.kehoach'],
    ['Số 45-KH/TU', '45-KH/TU', 'variable.other.constant.plan-number.kehoach'],
    ['Số:      /KH-UBND', '/KH-UBND', 'variable.other.constant.plan-number.kehoach'],
    ['Thanh Trì, ngày', 'ngày 06 tháng 01 năm 2026', 'constant.numeric.date.kehoach'],
    ['Cẩm Phả, ngày', 'ngày 11 tháng 5 năm 2021', 'constant.numeric.date.kehoach'],
  ])('header: on "%s", %s is %s', (line, token, scope) => {
    expect(scopesOf(forms, line, token)).toContain(scope);
  });

  it.each([
    ['I. MỤC ĐÍCH, YÊU CẦU', 'I', 'MỤC ĐÍCH, YÊU CẦU'],
    ['**II. MỤC TIÊU**', 'II', 'MỤC TIÊU'],
    ['### III. NHIỆM VỤ, GIẢI PHÁP', 'III', 'NHIỆM VỤ, GIẢI PHÁP'],
    ['#### **IV. KINH PHÍ THỰC HIỆN**', 'IV', 'KINH PHÍ THỰC HIỆN'],
    ['V. TỔNG KẾT, ĐÁNH GIÁ - THÔNG TIN BÁO CÁO.', 'V', 'TỔNG KẾT, ĐÁNH GIÁ - THÔNG TIN BÁO CÁO'],
    ['VI. TỔ CHỨC THỰC HIỆN', 'VI', 'TỔ CHỨC THỰC HIỆN'],
  ])('section title "%s": numeral %s and title %s', (line, numeral, title) => {
    expect(scopesOf(forms, line, numeral)).toEqual(
      expect.arrayContaining(['markup.heading.section.kehoach', 'constant.numeric.section-number.kehoach']),
    );
    expect(scopesOf(forms, line, title)).toContain('entity.name.section.kehoach');
  });

  it('recognises a section title written in decomposed Unicode (NFD), as old tools paste it', () => {
    const title = 'MỤC ĐÍCH, YÊU CẦU'.normalize('NFD');
    const nfd = tokenize(`## II. ${title}\n`);
    expect(scopesOf(nfd, 'II.', title)).toContain('entity.name.section.kehoach');
  });

  it('keeps the Markdown scopes of headings and bold around a section title', () => {
    expect(scopesOf(forms, '### III.', 'NHIỆM VỤ, GIẢI PHÁP')).toContain('markup.heading.markdown');
    expect(scopesOf(forms, '**II. MỤC TIÊU**', 'MỤC TIÊU')).toContain('markup.bold.markdown');
    expect(scopesOf(forms, '#### **IV.', 'KINH PHÍ THỰC HIỆN')).toEqual(expect.arrayContaining(['markup.heading.markdown', 'markup.bold.markdown']));
  });

  it.each([
    ['Thực hiện Kế hoạch số 902', 'Kế hoạch', '902/KH-SGDĐT'],
    ['Kế hoạch 215/KH-UBND', 'Kế hoạch', '215/KH-UBND'],
    ['kế hoạch số 23/KH- LĐLĐ', 'kế hoạch', '23/KH- LĐLĐ'],
    ['Nghị định 56/2017', 'Nghị định', '56/2017/NĐ-CP'],
    ['Chỉ thị số 20-CT/TW', 'Chỉ thị', '20-CT/TW'],
    ['Quyết định số 782', 'Quyết định', '782/QĐ-TTg'],
    ['Thông tư số 13/2021', 'Thông tư', '13/2021/TT-BLĐTBXH'],
    ['Công văn số 126', 'Công văn', '126/SGDĐT-CTTT'],
  ])('citation on "%s": type word %s and symbol %s', (line, typeWord, symbol) => {
    expect(scopesOf(forms, line, typeWord)).toEqual(expect.arrayContaining(['meta.citation.kehoach', 'entity.name.type.document.kehoach']));
    expect(scopesOf(forms, line, symbol)).toEqual(expect.arrayContaining(['meta.citation.kehoach', 'string.other.link.citation.kehoach']));
  });

  it.each([
    ['ngày 01/4/2021', 'constant.numeric.date.kehoach'],
    ['ngày 27 tháng 5 năm 2021', 'constant.numeric.date.kehoach'],
    ['ngày 18/11 hàng năm', 'constant.numeric.date.yearly.kehoach'],
    ['ngày 05 tháng 5', 'constant.numeric.date.kehoach'],
    ['ngày 05 tháng 11 năm 2023', 'constant.numeric.date.kehoach'],
    ['ngày 31/03/2021', 'constant.numeric.date.kehoach'],
    ['Tháng 12/2013', 'constant.numeric.date.month.kehoach'],
    ['năm 2023', 'constant.numeric.date.year.kehoach'],
    ['năm học 2020-2021', 'constant.numeric.date.period.kehoach'],
    ['giai đoạn 2021 - 2025', 'constant.numeric.date.period.kehoach'],
    ['đến năm 2030', 'constant.numeric.date.target-year.kehoach'],
    ['niên khóa 2022–2023', 'constant.numeric.date.period.kehoach'],
  ])('date %s is %s', (date, scope) => {
    expect(scopesOf(forms, date, date)).toContain(scope);
  });

  it('recipients in a block: the label, each entry and its terminator, the archive entry', () => {
    expect(scopesOf(forms, '##### **Nơi nhận:**', 'Nơi nhận')).toEqual(
      expect.arrayContaining(['meta.recipients.kehoach', 'keyword.other.recipients.kehoach']),
    );
    expect(scopesOf(forms, '- Sở GDĐT (b/c);', 'Sở GDĐT (b/c)')).toContain('entity.name.tag.recipient.kehoach');
    expect(scopesOf(forms, '- Sở GDĐT (b/c);', ';')).toContain('punctuation.terminator.kehoach');
    expect(scopesOf(forms, '- Sở GDĐT (b/c);', '-')).toContain('punctuation.definition.list.begin.markdown');
    expect(scopesOf(forms, '- Lưu: VT, CTTT.', 'Lưu')).toContain('keyword.other.archive.kehoach');
    expect(scopesOf(forms, '- Lưu: VT, CTTT.', 'VT, CTTT')).toContain('constant.language.archive.kehoach');
    expect(scopesOf(forms, '***Nơi nhận:***', 'Nơi nhận')).toContain('keyword.other.recipients.kehoach');
    expect(scopesOf(forms, '- Lưu Văn phòng Huyện ủy.', 'Lưu')).toContain('keyword.other.archive.kehoach');
  });

  it('recipients block ends at the signature, which is not a recipient', () => {
    const signing = scopesOf(forms, 'KT. TRƯỞNG PHÒNG', 'KT.');
    expect(signing).toContain('storage.modifier.signing.kehoach');
    expect(signing).not.toContain('meta.recipients.kehoach');
  });

  it('recipients beside the signature in a table cell, separated by <br>', () => {
    const line = '| **Nơi nhận:**<br>- UBND huyện';
    expect(scopesOf(forms, line, 'Nơi nhận')).toContain('keyword.other.recipients.kehoach');
    expect(scopesOf(forms, line, 'UBND huyện (b/c)')).toContain('entity.name.tag.recipient.kehoach');
    expect(scopesOf(forms, line, 'Lưu')).toContain('keyword.other.archive.kehoach');
    expect(scopesOf(forms, line, 'VT')).toContain('constant.language.archive.kehoach');
    expect(scopesOf(forms, line, 'TL.')).toContain('storage.modifier.signing.kehoach');
    expect(scopesOf(forms, line, 'CHÁNH VĂN PHÒNG')).not.toContain('entity.name.tag.recipient.kehoach');
  });

  it.each([
    ['KT. TRƯỞNG PHÒNG', 'KT.'],
    ['**TM.BAN CHẤP HÀNH', 'TM.'],
    ['**T/M BAN THƯỜNG VỤ**', 'T/M'],
    ['TUQ. GIÁM ĐỐC', 'TUQ.'],
    ['Q. HIỆU TRƯỞNG', 'Q.'],
  ])('signing prefix on "%s": %s', (line, prefix) => {
    expect(scopesOf(forms, line, prefix)).toContain('storage.modifier.signing.kehoach');
  });
});

describe('no highlighting where there is no plan part (test/fixtures/grammar/prose.md)', () => {
  it('gives ordinary prose, fractions, percentages, phone numbers and code no kehoach scope', () => {
    const prose = tokenize(readFileSync(join(FIXTURES, 'grammar', 'prose.md'), 'utf8'));
    const highlighted = prose.tokens.flatMap((tokens, line) =>
      tokens.filter((t) => kehoachScopes(t).length > 0).map((t) => `line ${line + 1} "${t.text}": ${kehoachScopes(t).join(' ')}`),
    );
    expect(highlighted).toEqual([]);
  });
});

// The grammar and the engine read the same text: where the engine finds a date, a citation or a
// Roman section, the editor should colour it, and the editor should colour no citation or date the
// engine does not know.
const AGREEMENT_FILES = [
  ...readdirSync(join(ROOT, 'examples'))
    .filter((file) => file.endsWith('.md'))
    .map((file) => join(ROOT, 'examples', file)),
  ...seedFiles().map((file) => join(SEEDS, file)),
];

describe.each(AGREEMENT_FILES.map((path) => [relative(ROOT, path), path]))('agreement with the engine on %s', (_name, path) => {
  it('colours every date, citation symbol and Roman section title the engine finds, and no other', () => {
    const text = readFileSync(path, 'utf8');
    const model = buildModel(text);
    const tokenized = tokenize(text);
    const missing: string[] = [];
    for (const date of model.dates) {
      const { start, end } = date.range;
      if (start.line === end.line && !covered(tokenized, start.line, start.character, end.character, /^constant\.numeric\.date\b.*\.kehoach$/)) {
        missing.push(`date "${date.raw}" line ${start.line + 1}`);
      }
    }
    for (const citation of model.citations) {
      const { start, end } = citation.symbolRange;
      if (!covered(tokenized, start.line, start.character, end.character, /^(string\.other\.link\.citation|variable\.other\.constant\.plan-number)\.kehoach$/)) {
        missing.push(`citation "${citation.symbolRaw}" line ${start.line + 1}`);
      }
    }
    for (const section of model.allSections.filter((s) => s.scheme === 'roman')) {
      const { start, end } = section.titleRange;
      const titleEnd = end.character - (section.title.endsWith('.') ? 1 : 0);
      if (!covered(tokenized, start.line, start.character, titleEnd, /^entity\.name\.section\.kehoach$/)) missing.push(`section "${section.title}"`);
    }
    const extra: string[] = [];
    tokenized.tokens.forEach((tokens, line) => {
      for (const token of tokens) {
        const end = token.start + token.text.length;
        const inRange = (r: { start: { line: number; character: number }; end: { character: number } }): boolean =>
          r.start.line === line && r.start.character < end && r.end.character > token.start;
        if (token.scopes.includes('string.other.link.citation.kehoach') && !model.citations.some((c) => inRange(c.symbolRange))) {
          extra.push(`citation "${token.text}" line ${line + 1}`);
        }
        if (token.scopes.some((s) => /^constant\.numeric\.date\b/.test(s)) && !model.dates.some((d) => inRange(d.range))) {
          extra.push(`date "${token.text}" line ${line + 1}`);
        }
      }
    });
    expect({ missing, extra }).toEqual({ missing: [], extra: [] });
  });
});

describe.runIf(hasSeeds)('the real seed plans', () => {
  it.each(seedFiles())('%s: the number line, the recipient label and the archive entry are coloured', (file) => {
    const text = readFileSync(join(SEEDS, file), 'utf8');
    const tokenized = tokenize(text);
    const model = buildModel(text);
    const all = tokenized.tokens.flat();
    if (model.header.number?.value) expect(all.find((t) => t.text === model.header.number!.value)?.scopes).toContain('variable.other.constant.plan-number.kehoach');
    expect(all.some((t) => t.scopes.includes('keyword.other.recipients.kehoach'))).toBe(true);
    const archive = model.recipients?.entries.find((e) => e.isArchive);
    if (archive) {
      const { line, character } = archive.range.start;
      const at = tokenized.lines[line]!.indexOf('Lưu', character);
      expect(covered(tokenized, line, at, at + 3, /^keyword\.other\.archive\.kehoach$/)).toBe(true);
    }
  });
});
