// .kehoach.json: JSONC parsing, validation errors that name the file, line, column and key,
// the walk up to the nearest file, and what a configuration changes in a check.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkText } from '../server/src/engine/check.js';
import { ConfigError, DEFAULT_CONFIG, DEFAULT_MAX_FILE_SIZE, configJsonSchema, parseConfig } from '../server/src/engine/config.js';
import { RULES } from '../server/src/engine/rules/index.js';
import type { Locale } from '../server/src/engine/types.js';
import { FIXTURES } from './helpers/fixtures.js';
import { findConfigFile, loadConfigFile } from '../server/src/node/files.js';

const CONFIGS = join(FIXTURES, 'config');
const MISSING_NUMBER = readFileSync(join(FIXTURES, 'rules', 'KH201', 'missing.md'), 'utf8');

function configError(name: string, locale: Locale = 'vi'): ConfigError {
  const file = join(CONFIGS, name);
  try {
    parseConfig(readFileSync(file, 'utf8'), file, locale);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return error as ConfigError;
  }
  throw new Error(`${name} was accepted`);
}

describe('parseConfig', () => {
  it('reads JSON with comments and trailing commas', () => {
    const config = loadConfigFile(join(CONFIGS, 'comments.json'));
    expect(config).toEqual({
      path: join(CONFIGS, 'comments.json'),
      profile: 'nd30',
      sections: undefined,
      rules: { KH201: 'warning', KH702: 'off' },
      abbreviations: ['PGDĐT'],
      words: [],
      locale: 'en',
      maxFileSize: 500000,
      ignore: [],
    });
  });

  it('fills in the defaults for an empty object', () => {
    expect(parseConfig('{}', 'x.json')).toMatchObject({ rules: {}, abbreviations: [], maxFileSize: DEFAULT_MAX_FILE_SIZE, ignore: [] });
  });

  // Lines and columns are 0-based in ConfigError; the CLI prints them from 1.
  it.each([
    ['unknown-key.json', 2, 2, 'rulez', /^'rulez' không phải khóa cấu hình; có phải ý bạn là 'rules'\? \(các khóa có: '\$schema', 'profile', /],
    ['wrong-type.json', 2, 2, 'maxFileSize', /mong đợi số/],
    ['bad-severity.json', 3, 4, 'rules.KH201', /"off"\|"info"\|"warning"\|"error"/],
    ['bad-rule-id.json', 2, 4, 'rules.KH1', /^KH1 không phải mã quy tắc; có phải ý bạn là KH101 \(missing-section\)\?$/],
    ['unknown-rule-id.json', 4, 4, 'rules.KH999', /^KH999 không phải mã quy tắc; có phải ý bạn là KH704 \(capitalization\)\?$/],
    // Equally few edits from KH201...KH208: the numerically closest.
    ['near-rule-id.json', 2, 4, 'rules.KH209', /^KH209 không phải mã quy tắc; có phải ý bạn là KH208 \(duplicate-number\)\?$/],
    ['rule-slug-as-id.json', 2, 4, 'rules.recipient-format', /^recipient-format không phải mã quy tắc; có phải ý bạn là KH502 \(recipient-format\)\?$/],
    ['bad-section.json', 3, 22, 'sections.1.title', /ít nhất|>=1/],
    ['syntax-error.json', 2, 2, '', /JSON không hợp lệ \(CommaExpected\)/],
    ['office-bad-symbol.json', 3, 4, 'office.symbol', /^phải là chữ viết tắt tên cơ quan dùng trong ký hiệu, như "PGDĐT" hay "LĐLĐ"$/],
    ['office-bad-signer.json', 5, 16, 'office.signer.authority', /^phải viết hoa như trên bản in$/],
    ['words-phrase.json', 2, 20, 'words.1', /^mỗi mục là một âm tiết, không dấu cách hay dấu gạch \(quy tắc chính tả tra từng âm tiết\): ghi "Zalo", "eOffice", không ghi "Zalo OA"$/],
  ])('%s: error at line %i, column %i, key "%s", in Vietnamese', (name, line, column, key, detail) => {
    const error = configError(name);
    expect(error.file).toBe(join(CONFIGS, name));
    expect({ line: error.line, column: error.column, key: error.key }).toEqual({ line, column, key });
    expect(error.detail).toMatch(detail);
    expect(error.message).toBe(`${join(CONFIGS, name)}:${line + 1}:${column + 1}: ${key ? `${key}: ` : ''}${error.detail}`);
  });

  it.each([
    ['unknown-key.json', /^'rulez' is not a configuration key; did you mean 'rules'\? \(known keys: /],
    ['wrong-type.json', /expected number, received string/],
    ['bad-severity.json', /Invalid option/],
    ['unknown-rule-id.json', /^KH999 is not a rule ID; did you mean KH704 \(capitalization\)\?$/],
    ['syntax-error.json', /invalid JSON \(CommaExpected\)/],
    ['office-bad-symbol.json', /^must be the agency code used in symbols, such as "PGDĐT" or "LĐLĐ"$/],
    ['words-phrase.json', /^each entry is one syllable, without spaces or hyphens \(the spelling rule looks up each syllable\): write "Zalo", "eOffice", not "Zalo OA"$/],
  ])('%s: the error in English', (name, detail) => {
    expect(configError(name, 'en').detail).toMatch(detail);
  });

  it('knows exactly the rule IDs of the rules\' metadata, and so does the JSON Schema', () => {
    const ids = RULES.map((rule) => rule.meta.id);
    expect(parseConfig(JSON.stringify({ rules: Object.fromEntries(ids.map((id) => [id, 'off'])) }), 'x.json').rules).toEqual(Object.fromEntries(ids.map((id) => [id, 'off'])));
    const rules = (configJsonSchema() as { properties: { rules: { properties: Record<string, { description: string }>; additionalProperties: boolean } } }).properties.rules;
    expect(Object.keys(rules.properties)).toEqual(ids);
    expect(rules.additionalProperties).toBe(false);
    expect(rules.properties.KH502!.description).toBe('recipient-format: Sai dấu câu ở nơi nhận (Recipient entry punctuation)');
  });

  it.each([
    ['{\n  "profle": "dang"\n}', 1, 2, 'profle', 'profile'],
    ['{ "sections": [{ "key": "a", "title": "A", "alias": [] }] }', 0, 43, 'sections.0.alias', 'aliases'],
    ['{ "office": { "agency": "A", "symbol": "UBND", "place": "X", "signer": { "title": "B", "name": "Lê Lan", "titel": "C" } } }', 0, '{ "office": { "agency": "A", "symbol": "UBND", "place": "X", "signer": { "title": "B", "name": "Lê Lan", '.length, 'office.signer.titel', 'title'],
  ])('an unknown key at any depth names the nearest known key: %s', (text, line, column, key, nearest) => {
    const error = (() => {
      try {
        parseConfig(text, 'x.json');
      } catch (caught) {
        return caught as ConfigError;
      }
      throw new Error('no error');
    })();
    expect({ line: error.line, column: error.column, key: error.key }).toEqual({ line, column, key });
    expect(error.detail).toContain(`có phải ý bạn là '${nearest}'?`);
  });

  it('the JSON Schema refuses unknown keys in every object, as the zod schema does', () => {
    const objects: Array<{ additionalProperties?: unknown }> = [];
    const walk = (node: unknown): void => {
      if (!node || typeof node !== 'object') return;
      if ((node as { type?: string }).type === 'object') objects.push(node as { additionalProperties?: unknown });
      for (const child of Object.values(node)) walk(child);
    };
    walk(configJsonSchema());
    expect(objects.length).toBeGreaterThanOrEqual(4);
    for (const object of objects) expect(object.additionalProperties).toBe(false);
  });

  it('rejects an empty file', () => {
    expect(() => parseConfig('  // nothing\n', 'empty.json')).toThrow(ConfigError);
  });
});

describe('findConfigFile', () => {
  let temp: string | undefined;
  afterEach(() => {
    if (temp) rmSync(temp, { recursive: true, force: true });
    temp = undefined;
  });

  it('walks up from a file to the nearest .kehoach.json', () => {
    expect(findConfigFile(join(CONFIGS, 'walk', 'a', 'b', 'ke-hoach.md'))).toBe(join(CONFIGS, 'walk', '.kehoach.json'));
    expect(findConfigFile(join(CONFIGS, 'walk', 'a'))).toBe(join(CONFIGS, 'walk', '.kehoach.json'));
  });

  it('prefers the nearest file', () => {
    temp = mkdtempSync(join(tmpdir(), 'kehoach-config-'));
    writeFileSync(join(temp, '.kehoach.json'), '{}');
    const inner = join(temp, 'inner');
    mkdirSync(join(inner, 'deeper'), { recursive: true });
    writeFileSync(join(inner, '.kehoach.json'), '{ "locale": "en" }');
    expect(findConfigFile(join(inner, 'deeper', 'ke-hoach.md'))).toBe(join(inner, '.kehoach.json'));
    expect(findConfigFile(join(temp, 'ke-hoach.md'))).toBe(join(temp, '.kehoach.json'));
  });

  it('finds nothing in a folder without one (below the folder itself)', () => {
    temp = mkdtempSync(join(tmpdir(), 'kehoach-config-'));
    const found = findConfigFile(join(temp, 'ke-hoach.md'));
    // A file above the temporary folder is outside this test's control; none may be inside it.
    expect(found === undefined || !found.startsWith(temp)).toBe(true);
  });
});

describe('what a configuration changes', () => {
  const kh201 = (config = DEFAULT_CONFIG) => checkText(MISSING_NUMBER, { config }).diagnostics.filter((d) => d.ruleId === 'KH201');

  it('reports KH201 as an error by default', () => {
    expect(kh201().map((d) => d.severity)).toEqual(['error']);
  });

  it('removes the diagnostics of a rule set to off', () => {
    expect(kh201(parseConfig('{ "rules": { "KH201": "off" } }', 'x.json'))).toEqual([]);
  });

  it('changes the severity of a rule', () => {
    expect(kh201(parseConfig('{ "rules": { "KH201": "info" } }', 'x.json')).map((d) => d.severity)).toEqual(['info']);
  });

  it('uses the configured profile instead of the detected one', () => {
    expect(checkText(MISSING_NUMBER).profile.name).toBe('nd30');
    expect(checkText(MISSING_NUMBER, { config: parseConfig('{ "profile": "dang" }', 'x.json') }).profile.name).toBe('dang');
    expect(checkText(MISSING_NUMBER, { config: parseConfig('{ "profile": "congdoan" }', 'x.json') }).profile.name).toBe('congdoan');
  });

  it('replaces the profile sections with the configured ones', () => {
    const config = parseConfig('{ "sections": [{ "key": "tasks", "title": "NỘI DUNG", "aliases": ["NHIỆM VỤ"] }] }', 'x.json');
    expect(checkText(MISSING_NUMBER, { config }).profile.sections).toEqual([{ key: 'tasks', title: 'NỘI DUNG', aliases: ['NHIỆM VỤ'], severity: 'error' }]);
  });
});
