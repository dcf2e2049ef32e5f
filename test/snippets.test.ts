// The snippets in snippets/kehoach.code-snippets: valid VS Code snippet syntax, Vietnamese
// descriptions, and whole plans that, expanded with their defaults, pass the engine.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkText } from '../server/src/engine/check.js';
import { buildModel } from '../server/src/engine/extract.js';

const SNIPPET_FILE = join(__dirname, '..', 'snippets', 'kehoach.code-snippets');

interface SnippetEntry {
  prefix: string | string[];
  body: string | string[];
  description: string;
}

// ---------------------------------------------------------------------------------------------
// A small expander for the VS Code snippet syntax
// (https://code.visualstudio.com/docs/editor/userdefinedsnippets#_grammar): tab stops, placeholders,
// choices, variables, and regular-expression transforms of both. It resolves every placeholder to
// its default (or a chosen option) and every variable to a fixed value, and throws on anything it
// does not understand, so a typo in a snippet fails the test instead of reaching the user.
// A transformed mirror ("${1/regex/format/}") gets the value VS Code gives it once the author tabs
// past the placeholder; on insertion VS Code shows the untransformed value until then.

type FormatPart =
  | string
  | { group: number; op: 'plain' | 'upcase' | 'downcase' | 'capitalize' }
  | { group: number; op: 'conditional'; ifValue: string; elseValue: string }
  | { group: number; op: 'otherwise'; elseValue: string };

interface Transform {
  regex: RegExp;
  format: FormatPart[];
}

type SnippetNode =
  | { kind: 'text'; value: string }
  | { kind: 'tabstop'; index: number; children?: SnippetNode[]; choices?: string[]; transform?: Transform }
  | { kind: 'variable'; name: string; children?: SnippetNode[]; transform?: Transform };

class SnippetSyntaxError extends Error {}

class SnippetParser {
  private pos = 0;

  constructor(private readonly source: string) {}

  parse(): SnippetNode[] {
    const nodes = this.parseNodes(false);
    if (this.pos < this.source.length) this.fail('unexpected "}"');
    return nodes;
  }

  private fail(message: string): never {
    throw new SnippetSyntaxError(`${message} at ${this.pos} in ${JSON.stringify(this.source)}`);
  }

  private peek(offset = 0): string | undefined {
    return this.source[this.pos + offset];
  }

  private parseNodes(inPlaceholder: boolean): SnippetNode[] {
    const nodes: SnippetNode[] = [];
    let text = '';
    const flush = (): void => {
      if (text) nodes.push({ kind: 'text', value: text });
      text = '';
    };
    while (this.pos < this.source.length) {
      const ch = this.peek()!;
      if (ch === '\\' && ['$', '}', '\\'].includes(this.peek(1) ?? '')) {
        text += this.peek(1);
        this.pos += 2;
      } else if (ch === '}' && inPlaceholder) {
        break;
      } else if (ch === '$') {
        const node = this.parseDollar();
        if (node) {
          flush();
          nodes.push(node);
        } else {
          text += '$';
          this.pos++;
        }
      } else {
        text += ch;
        this.pos++;
      }
    }
    flush();
    return nodes;
  }

  /** A tab stop, placeholder, choice or variable at "$"; undefined when the "$" is plain text. */
  private parseDollar(): SnippetNode | undefined {
    const rest = this.source.slice(this.pos + 1);
    const simple = /^(\d+|[A-Za-z_][A-Za-z0-9_]*)/.exec(rest);
    if (simple) {
      this.pos += 1 + simple[1]!.length;
      return /^\d/.test(simple[1]!) ? { kind: 'tabstop', index: Number(simple[1]) } : { kind: 'variable', name: simple[1]! };
    }
    const complex = /^\{(\d+|[A-Za-z_][A-Za-z0-9_]*)/.exec(rest);
    if (!complex) return undefined;
    this.pos += 2 + complex[1]!.length;
    const node: SnippetNode = /^\d/.test(complex[1]!)
      ? { kind: 'tabstop', index: Number(complex[1]) }
      : { kind: 'variable', name: complex[1]! };
    const next = this.peek();
    if (next === '}') {
      this.pos++;
    } else if (next === ':') {
      this.pos++;
      node.children = this.parseNodes(true);
      this.expect('}');
    } else if (next === '|' && node.kind === 'tabstop') {
      this.pos++;
      node.choices = this.parseChoices();
    } else if (next === '/') {
      this.pos++;
      node.transform = this.parseTransform();
    } else {
      this.fail(`unexpected ${JSON.stringify(next ?? 'end')} after "\${${complex[1]}"`);
    }
    return node;
  }

  private expect(ch: string): void {
    if (this.peek() !== ch) this.fail(`expected "${ch}"`);
    this.pos++;
  }

  private parseChoices(): string[] {
    const choices: string[] = [];
    let current = '';
    for (;;) {
      const ch = this.peek();
      if (ch === undefined) this.fail('unterminated choice');
      if (ch === '\\' && [',', '|', '\\'].includes(this.peek(1) ?? '')) {
        current += this.peek(1);
        this.pos += 2;
      } else if (ch === ',') {
        choices.push(current);
        current = '';
        this.pos++;
      } else if (ch === '|' && this.peek(1) === '}') {
        choices.push(current);
        this.pos += 2;
        return choices;
      } else {
        current += ch;
        this.pos++;
      }
    }
  }

  /** "regex/format/options}" after "${name/". */
  private parseTransform(): Transform {
    let regex = '';
    while (this.peek() !== '/') {
      if (this.peek() === undefined) this.fail('unterminated transform');
      if (this.peek() === '\\' && this.peek(1) === '/') {
        regex += '/';
        this.pos += 2;
      } else regex += this.source[this.pos++];
    }
    this.pos++;
    const format: FormatPart[] = [];
    let text = '';
    while (this.peek() !== '/') {
      const ch = this.peek();
      if (ch === undefined) this.fail('unterminated transform format');
      if (ch === '\\' && ['$', '/', '\\'].includes(this.peek(1) ?? '')) {
        text += this.peek(1);
        this.pos += 2;
        continue;
      }
      const m = /^\$(?:(\d+)|\{(\d+)(?::(?:\/(upcase|downcase|capitalize)|\+([^}]*)|\?([^:}]*):([^}]*)|-?([^}]*)))?\})/.exec(
        this.source.slice(this.pos),
      );
      if (ch === '$' && m) {
        if (text) format.push(text);
        text = '';
        const group = Number(m[1] ?? m[2]);
        if (m[3] !== undefined) format.push({ group, op: m[3] as 'upcase' | 'downcase' | 'capitalize' });
        else if (m[4] !== undefined) format.push({ group, op: 'conditional', ifValue: m[4], elseValue: '' });
        else if (m[5] !== undefined) format.push({ group, op: 'conditional', ifValue: m[5], elseValue: m[6]! });
        else if (m[7] !== undefined) format.push({ group, op: 'otherwise', elseValue: m[7] });
        else format.push({ group, op: 'plain' });
        this.pos += m[0].length;
        continue;
      }
      text += ch;
      this.pos++;
    }
    if (text) format.push(text);
    this.pos++;
    const options = /^[a-z]*/.exec(this.source.slice(this.pos))![0];
    this.pos += options.length;
    this.expect('}');
    if (/[^gimsu]/.test(options)) this.fail(`unknown regular-expression option in "${options}"`);
    return { regex: new RegExp(regex, options), format };
  }
}

interface ExpandOptions {
  variables: Record<string, string>;
  /** Which option a choice takes (default: the first). */
  choose?: (index: number, choices: string[]) => string;
}

interface Expansion {
  text: string;
  /** Tab-stop indices in order of first appearance. */
  tabstops: number[];
}

function applyTransform(value: string, transform: Transform): string {
  return value.replace(transform.regex, (...args: unknown[]) => {
    // The callback gets the match, the groups, then the offset (the first number).
    const groups = args.slice(0, args.findIndex((arg) => typeof arg === 'number')) as Array<string | undefined>;
    return transform.format
      .map((part) => {
        if (typeof part === 'string') return part;
        const captured = groups[part.group] ?? '';
        switch (part.op) {
          case 'plain':
            return captured;
          case 'upcase':
            return captured.toLocaleUpperCase('vi');
          case 'downcase':
            return captured.toLocaleLowerCase('vi');
          case 'capitalize':
            return captured.charAt(0).toLocaleUpperCase('vi') + captured.slice(1);
          case 'conditional':
            return captured ? part.ifValue : part.elseValue;
          case 'otherwise':
            return captured || part.elseValue;
        }
      })
      .join('');
  });
}

function expandSnippet(body: string, options: ExpandOptions): Expansion {
  const nodes = new SnippetParser(body).parse();
  const values = new Map<number, string>();
  const tabstops: number[] = [];
  const choose = options.choose ?? ((_index: number, choices: string[]) => choices[0]!);

  // First pass: the value of each tab stop is given by its first placeholder or choice.
  const define = (list: SnippetNode[]): void => {
    for (const node of list) {
      if (node.kind === 'tabstop') {
        if (!tabstops.includes(node.index)) tabstops.push(node.index);
        if (!values.has(node.index) && node.choices) values.set(node.index, choose(node.index, node.choices));
        else if (!values.has(node.index) && node.children) values.set(node.index, render(node.children));
      }
      if (node.kind !== 'text' && node.children) define(node.children);
    }
  };
  const render = (list: SnippetNode[]): string =>
    list
      .map((node) => {
        if (node.kind === 'text') return node.value;
        if (node.kind === 'variable') {
          const value = options.variables[node.name];
          if (value === undefined) {
            if (node.children) return render(node.children);
            throw new SnippetSyntaxError(`unknown variable ${node.name}`);
          }
          return node.transform ? applyTransform(value, node.transform) : value;
        }
        const value = values.get(node.index) ?? (node.children ? render(node.children) : '');
        return node.transform ? applyTransform(value, node.transform) : value;
      })
      .join('');
  define(nodes);
  return { text: render(nodes), tabstops };
}

const bodyText = (entry: SnippetEntry): string => (Array.isArray(entry.body) ? entry.body.join('\n') : entry.body);

/** The date variables of VS Code for a given day (it pads day and month to two digits). */
function dateVariables(year: number, month: number, day: number): Record<string, string> {
  return {
    CURRENT_YEAR: String(year),
    CURRENT_MONTH: String(month).padStart(2, '0'),
    CURRENT_DATE: String(day).padStart(2, '0'),
  };
}

const TODAY = dateVariables(2026, 3, 5);

function expand(entry: SnippetEntry, variables = TODAY, choose?: ExpandOptions['choose']): string {
  return expandSnippet(bodyText(entry), { variables, choose }).text;
}

// ---------------------------------------------------------------------------------------------

const snippets = JSON.parse(readFileSync(SNIPPET_FILE, 'utf8')) as Record<string, SnippetEntry>;
const entries = Object.entries(snippets);

const WHOLE_PLANS = {
  'Kế hoạch (cơ quan nhà nước, NĐ30)': 'nd30',
  'Kế hoạch (cấp ủy Đảng)': 'dang',
  'Kế hoạch (công đoàn cơ sở)': 'congdoan',
} as const;

/** Errors and warnings: a template should not greet its user with either. */
function problemsOf(text: string): string[] {
  return checkText(text)
    .diagnostics.filter((d) => d.severity !== 'info')
    .map((d) => `${d.ruleId} ${d.severity} line ${d.range.start.line + 1}: ${d.message.vi}`);
}

function snippet(name: string): SnippetEntry {
  const entry = snippets[name];
  if (!entry) throw new Error(`no snippet named ${name}`);
  return entry;
}

/** The state plan expanded, cut just before its signature, to try other closing parts in it. */
function statePlanUpTo(marker: string): string {
  const text = expand(snippet('Kế hoạch (cơ quan nhà nước, NĐ30)'));
  const at = text.indexOf(marker);
  expect(at).toBeGreaterThan(0);
  return text.slice(0, at);
}

describe('the expander itself', () => {
  it('resolves placeholders, choices, mirrors, variables, transforms and escapes', () => {
    const result = expandSnippet('a ${1:x ${2:y}} $1 ${3|p,q|} \\$HOME \\} $CURRENT_YEAR ${CURRENT_MONTH/^0([3-9])/$1/} $0', {
      variables: dateVariables(2026, 4, 9),
    });
    expect(result.text).toBe('a x y x y p $HOME } 2026 4 ');
    expect(result.tabstops).toEqual([1, 2, 3, 0]);
    expect(expandSnippet('${1|Quyết định,Kế hoạch|} ${1/(Kế hoạch)|(Quyết định)/${1:+KH}${2:+QĐ}/}', { variables: {} }).text).toBe('Quyết định QĐ');
  });

  it('rejects what VS Code would not expand as intended', () => {
    expect(() => expandSnippet('${1:unclosed', { variables: {} })).toThrow(SnippetSyntaxError);
    expect(() => expandSnippet('$CURRENT_YAER', { variables: {} })).toThrow(/unknown variable CURRENT_YAER/);
    expect(() => expandSnippet('${1|a,b}', { variables: {} })).toThrow(SnippetSyntaxError);
  });
});

describe('snippets/kehoach.code-snippets', () => {
  it('is contributed to VS Code for Markdown', () => {
    const manifest = JSON.parse(readFileSync(join(__dirname, '..', 'package.json'), 'utf8')) as {
      contributes?: { snippets?: Array<{ language: string; path: string }> };
    };
    expect(manifest.contributes?.snippets).toContainEqual({ language: 'markdown', path: './snippets/kehoach.code-snippets' });
  });

  it('is JSON with a prefix, a body and a Vietnamese description for every snippet', () => {
    expect(entries.length).toBeGreaterThanOrEqual(12);
    for (const [name, entry] of entries) {
      const prefixes = Array.isArray(entry.prefix) ? entry.prefix : [entry.prefix];
      expect(prefixes.length, name).toBeGreaterThan(0);
      for (const prefix of prefixes) expect(prefix, name).toMatch(/^[\p{Ll}\d][\p{Ll}\p{M}\d-]*$/u);
      // One prefix without diacritics for keyboards without a Vietnamese input method.
      expect(prefixes.some((prefix) => /^[a-z0-9-]+$/.test(prefix)), name).toBe(true);
      const body = Array.isArray(entry.body) ? entry.body : [entry.body];
      expect(body.every((line) => typeof line === 'string'), name).toBe(true);
      expect(entry.description, name).toMatch(/[ạảãàáâậầấẩẫăắằặẳẵđêềếệểễôồốộổỗơờớợởỡưừứựửữ]/u);
      expect(entry.description.normalize('NFC'), name).toBe(entry.description);
      expect(bodyText(entry).normalize('NFC'), name).toBe(bodyText(entry));
    }
  });

  it('gives every prefix to one snippet only', () => {
    const seen = new Map<string, string>();
    for (const [name, entry] of entries) {
      for (const prefix of Array.isArray(entry.prefix) ? entry.prefix : [entry.prefix]) {
        expect(seen.get(prefix), `${prefix} in ${name}`).toBeUndefined();
        seen.set(prefix, name);
      }
    }
  });

  it.each(entries)('%s: parses, and numbers its tab stops 1..n with at most one $0', (_name, entry) => {
    const { tabstops } = expandSnippet(bodyText(entry), { variables: TODAY });
    const numbered = tabstops.filter((index) => index > 0).sort((a, b) => a - b);
    expect(numbered).toEqual(numbered.map((_, i) => i + 1));
    expect(bodyText(entry).match(/\$0(?!\d)|\$\{0[:}]/g)?.length ?? 0).toBeLessThanOrEqual(1);
  });
});

describe('whole-plan snippets', () => {
  it.each(Object.entries(WHOLE_PLANS))('%s expands to a plan the engine accepts (%s)', (name, profile) => {
    const text = expand(snippet(name));
    expect(problemsOf(text)).toEqual([]);
    const { model } = checkText(text);
    expect(model.detectedProfile).toBe(profile);
    expect(model.header.number?.form).toBe(profile === 'dang' ? 'party' : 'state');
    expect(model.header.number?.typeCode).toBe('KH');
    expect(model.header.placeDate?.date?.kind).toBe('issue');
    expect(model.header.title?.text).toBe('KẾ HOẠCH');
    expect(model.header.summary?.text.length).toBeGreaterThan(10);
    expect(profile === 'dang' ? model.header.partyHeader : model.header.motto).toBeDefined();
    expect(model.citations.filter((c) => c.inBasis).length).toBeGreaterThan(0);
    const keys = model.sections.map((s) => s.key);
    expect(keys).toContain('purpose');
    expect(keys).toContain('tasks');
    expect(keys).toContain('organisation');
    const entriesOfRecipients = model.recipients?.entries ?? [];
    expect(entriesOfRecipients.length).toBeGreaterThanOrEqual(3);
    expect(entriesOfRecipients[entriesOfRecipients.length - 1]!.isArchive).toBe(true);
    expect(model.signature?.name?.text).toMatch(/^Nguyễn/u);
    if (profile !== 'nd30') expect(model.signature?.prefix?.text).toBe(profile === 'dang' ? 'T/M' : 'TM.');
  });

  it.each([
    [2026, 1, 5, 'ngày 05 tháng 01 năm 2026'],
    [2026, 2, 28, 'ngày 28 tháng 02 năm 2026'],
    [2026, 3, 9, 'ngày 09 tháng 3 năm 2026'],
    [2026, 9, 30, 'ngày 30 tháng 9 năm 2026'],
    [2026, 10, 1, 'ngày 01 tháng 10 năm 2026'],
    [2026, 12, 31, 'ngày 31 tháng 12 năm 2026'],
  ])('fills the issue date of %i-%i-%i in the ND30 form', (year, month, day, expected) => {
    const variables = dateVariables(year, month, day);
    expect(expand(snippet('Địa danh và ngày ban hành (hôm nay)'), variables)).toBe(`*Hà Nội, ${expected}*`);
    for (const name of Object.keys(WHOLE_PLANS)) {
      const text = expand(snippet(name), variables);
      expect(text).toContain(`, ${expected}*`);
      expect(checkText(text).diagnostics.filter((d) => d.ruleId === 'KH204' || d.ruleId === 'KH205')).toEqual([]);
      expect(problemsOf(text), name).toEqual([]);
    }
  });
});

describe('part snippets', () => {
  it.each([
    ['Kế hoạch', 'KH'],
    ['Quyết định', 'QĐ'],
    ['Chỉ thị', 'CT'],
    ['Chương trình', 'CTr'],
    ['Hướng dẫn', 'HD'],
    ['Thông báo', 'TB'],
  ])('căn cứ: choosing "%s" writes the type code %s into the symbol', (typeWord, code) => {
    const line = expand(snippet('Căn cứ: thực hiện văn bản cấp trên'), TODAY, () => typeWord);
    expect(line).toBe(`Thực hiện ${typeWord} số 123/${code}-UBND ngày 15/01/2025 của Ủy ban nhân dân quận về trích yếu nội dung văn bản;`);
    const plan = expand(snippet('Kế hoạch (cơ quan nhà nước, NĐ30)')).replace(/^\*Thực hiện .*;\*$/mu, `*${line}*`);
    const citation = checkText(plan).model.citations.find((c) => c.inBasis);
    expect(citation?.typeCode).toBe(code);
    expect(citation?.expectedTypeCode).toBe(code);
    expect(problemsOf(plan)).toEqual([]);
  });

  it.each([
    ['MỤC ĐÍCH, YÊU CẦU', 'purpose'],
    ['MỤC TIÊU', 'goals'],
    ['NHIỆM VỤ, GIẢI PHÁP', 'tasks'],
    ['NỘI DUNG', 'tasks'],
    ['KINH PHÍ THỰC HIỆN', 'funding'],
    ['TỔ CHỨC THỰC HIỆN', 'organisation'],
    ['CHẾ ĐỘ BÁO CÁO', 'reporting'],
  ])('mục: the title "%s" is recognised as the %s section', (title, key) => {
    const body = bodyText(snippet('Mục (số La Mã)'));
    const choices = /\$\{2\|(.*)\|\}/.exec(body)![1]!.split(/(?<!\\),/).map((choice) => choice.replace(/\\,/g, ','));
    expect(choices).toContain(title);
    const text = expand(snippet('Mục (số La Mã)'), TODAY, (index, options) => (index === 2 ? title : options[1]!));
    expect(text).toBe(`## II. ${title}\n\n`);
    const model = buildModel(`# KẾ HOẠCH\n\nTóm tắt\n\n${text}Nội dung.\n`);
    expect(model.sections.map((s) => [s.number, s.key])).toEqual([['II', key]]);
  });

  it('nơi nhận: ends with the archive entry, every entry well terminated', () => {
    const closing = expand(snippet('Nơi nhận'));
    expect(closing.split('\n').at(-1)).toBe('- Lưu: VT, CM.');
    const plan = `${statePlanUpTo('**Nơi nhận:**')}${closing}\n\n**TRƯỞNG PHÒNG**\n\n**Nguyễn Văn An**\n`;
    const recipients = checkText(plan).model.recipients!;
    expect(recipients.entries.map((e) => [e.hasDash, e.terminator, e.isArchive])).toEqual([
      [true, ';', false],
      [true, ';', false],
      [true, '.', true],
    ]);
    expect(problemsOf(plan)).toEqual([]);
  });

  it.each([
    ['Ký thay mặt tập thể (TM.)', 'TM.', 'ỦY BAN NHÂN DÂN', 'CHỦ TỊCH'],
    ['Cấp phó ký thay mặt tập thể (TM. + KT.)', 'TM.', 'ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH PHÓ CHỦ TỊCH'],
    ['Ký thay người đứng đầu (KT.)', 'KT.', 'TRƯỞNG PHÒNG', 'PHÓ TRƯỞNG PHÒNG'],
    ['Ký thừa lệnh (TL.)', 'TL.', 'GIÁM ĐỐC', 'CHÁNH VĂN PHÒNG'],
    ['Ký thừa ủy quyền (TUQ.)', 'TUQ.', 'GIÁM ĐỐC', 'TRƯỞNG PHÒNG TỔ CHỨC CÁN BỘ'],
    ['Ký quyền (Q.)', 'Q.', 'HIỆU TRƯỞNG', undefined],
  ])('%s: signs as "%s %s"', (name, prefix, authority, title) => {
    const signing = expand(snippet(name)).replace('Họ và tên', 'Trần Thị Hoa');
    const plan = `${statePlanUpTo('**TRƯỞNG PHÒNG**')}${signing}\n`;
    const signature = checkText(plan).model.signature!;
    expect(signature.prefix?.text).toBe(prefix);
    expect(signature.authority?.text).toBe(authority);
    expect(signature.title?.text).toBe(title);
    expect(signature.name?.text).toBe('Trần Thị Hoa');
    expect(problemsOf(plan)).toEqual([]);
  });

  it('ký T/M: signs a Party plan on behalf of the standing committee', () => {
    const party = expand(snippet('Kế hoạch (cấp ủy Đảng)'));
    const signing = expand(snippet('Ký thay mặt cấp ủy (T/M, văn bản Đảng)')).replace('Họ và tên', 'Trần Văn Hùng');
    const plan = `${party.slice(0, party.indexOf('**T/M'))}${signing}\n`;
    const signature = checkText(plan).model.signature!;
    expect([signature.prefix?.text, signature.authority?.text, signature.title?.text, signature.name?.text]).toEqual([
      'T/M',
      'BAN THƯỜNG VỤ',
      'BÍ THƯ',
      'Trần Văn Hùng',
    ]);
    expect(problemsOf(plan)).toEqual([]);
  });

  it('KT.: the deputy title follows what the author types for the head', () => {
    const body = bodyText(snippet('Ký thay người đứng đầu (KT.)'));
    const typed = expandSnippet(body.replace('${1:TRƯỞNG PHÒNG}', '${1:HIỆU TRƯỞNG}'), { variables: TODAY }).text;
    expect(typed.split('\n').slice(0, 2)).toEqual(['**KT. HIỆU TRƯỞNG**  ', '**PHÓ HIỆU TRƯỞNG**']);
  });
});
