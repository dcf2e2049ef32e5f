// .kehoach.json: found by walking up from the plan, JSONC, validated with zod. A bad file is
// reported with its path, line and key; the caller decides whether to go on with defaults.
import { type Node, type ParseError, findNodeAtLocation, parseTree, printParseErrorCode } from 'jsonc-parser';
import { z } from 'zod';
import type { ProfileName } from './model.js';
import { PROFILES, type Profile, type SectionRequirement } from './profile.js';
import { NAME_LINE, SIGNING_PREFIX } from './extract/signing.js';
import { parseSymbol } from './extract/number.js';
import { RULES } from './rules/index.js';
import { LineIndex } from './text.js';
import type { Locale, SeveritySetting } from './types.js';

export const CONFIG_FILE_NAME = '.kehoach.json';
export const DEFAULT_MAX_FILE_SIZE = 2 * 1024 * 1024;

const severitySetting = z.enum(['off', 'info', 'warning', 'error']);

const sectionSchema = z
  .object({
    key: z.string().min(1).describe('Khóa của mục (purpose, goals, tasks, funding, organisation, reporting hoặc khóa riêng).'),
    title: z.string().min(1).describe('Tên chuẩn của mục, viết hoa, dùng khi chèn mục còn thiếu.'),
    aliases: z.array(z.string().min(1)).default([]).describe('Các tên khác được chấp nhận cho mục này.'),
    severity: severitySetting.default('error').describe('Mức báo khi thiếu mục; "off" nếu mục không bắt buộc.'),
    satisfiedBy: z.array(z.string()).optional().describe('Các khóa mục khác có thể thay thế mục này.'),
  })
  .strict();

/** One key per rule of the metadata, so that the schema completes the IDs and a mistyped one is an error. */
const ruleSeveritiesSchema = z
  .object(
    Object.fromEntries(
      RULES.map(({ meta }) => [meta.id, severitySetting.optional().describe(`${meta.slug}: ${meta.title.vi} (${meta.title.en})`)]),
    ),
  )
  .strict();

/** A line of the header or signature: written in capitals, as it is printed. */
const upperCaseLine = z.string().trim().min(1).refine((value) => value === value.toLocaleUpperCase('vi'), { params: { refusal: 'upperCase' } });

/**
 * The office that drafts the plans: its header, its symbol code and its signer, written once and
 * used by `kehoach new`, the drafting code actions and completion.
 */
const officeSchema = z
  .object({
    agency: upperCaseLine.describe('Tên cơ quan ban hành, viết hoa: "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO".'),
    name: z.string().trim().min(1).optional().describe('Tên cơ quan viết trong câu văn, khi khác cách viết thường của tên trên: "Trường Tiểu học Văn Yên".'),
    parentAgency: upperCaseLine.optional().describe('Tên cơ quan chủ quản, viết hoa: "ỦY BAN NHÂN DÂN QUẬN HÀ ĐÔNG".'),
    symbol: z
      .string()
      .trim()
      .refine((value) => { const parsed = parseSymbol(`1/KH-${value}`); return parsed.form === 'state' && parsed.formatProblems.length === 0 && parsed.issuerCode === value; }, { params: { refusal: 'symbol' } })
      .describe('Chữ viết tắt tên cơ quan trong ký hiệu văn bản: "PGDĐT" (Số: .../KH-PGDĐT).'),
    place: z.string().trim().min(1).describe('Địa danh ghi trước ngày ban hành: "Hà Đông".'),
    signer: z
      .object({
        authority: upperCaseLine
          .refine((value) => SIGNING_PREFIX.test(value), { params: { refusal: 'authority' } })
          .optional()
          .describe('Quyền hạn ký, khi không phải người đứng đầu ký: "KT. TRƯỞNG PHÒNG", "TM. BAN CHẤP HÀNH".'),
        title: upperCaseLine.describe('Chức vụ của người ký: "PHÓ TRƯỞNG PHÒNG".'),
        name: z.string().trim().refine((value) => NAME_LINE.test(value), { params: { refusal: 'name' } }).describe('Họ và tên người ký: "Lê Thị Lan".'),
      })
      .strict()
      .describe('Người ký kế hoạch.'),
  })
  .strict();

/**
 * An office word is one syllable: KH703 looks words up syllable by syllable, so a phrase would never
 * match, and accepting its syllables anywhere would silence them outside the phrase too.
 */
const officeWord = z.string().min(1).refine((value) => /^[\p{L}\p{M}\p{N}]+$/u.test(value), { params: { refusal: 'syllable' } });

/** Why a value is refused, for each custom check above. */
const REFUSAL_DETAILS: Record<string, { vi: string; en: string }> = {
  upperCase: { vi: 'phải viết hoa như trên bản in', en: 'must be written in capitals, as printed' },
  symbol: { vi: 'phải là chữ viết tắt tên cơ quan dùng trong ký hiệu, như "PGDĐT" hay "LĐLĐ"', en: 'must be the agency code used in symbols, such as "PGDĐT" or "LĐLĐ"' },
  authority: { vi: 'phải bắt đầu bằng TM., KT., TL., TUQ. hoặc Q.', en: 'must start with TM., KT., TL., TUQ. or Q.' },
  name: { vi: 'phải là họ và tên, mỗi tiếng viết hoa chữ đầu: "Lê Thị Lan"', en: 'must be a full name, each word capitalised: "Lê Thị Lan"' },
  syllable: {
    vi: 'mỗi mục là một âm tiết, không dấu cách hay dấu gạch (quy tắc chính tả tra từng âm tiết): ghi "Zalo", "eOffice", không ghi "Zalo OA"',
    en: 'each entry is one syllable, without spaces or hyphens (the spelling rule looks up each syllable): write "Zalo", "eOffice", not "Zalo OA"',
  },
};

export type OfficeConfig = z.infer<typeof officeSchema>;

export const configSchema = z
  .object({
    $schema: z.string().optional(),
    profile: z.enum(['nd30', 'dang', 'congdoan', 'doan']).optional().describe('Hồ sơ yêu cầu: nd30 (mặc định), dang (văn bản Đảng), congdoan (Công đoàn), doan (Đoàn TNCS Hồ Chí Minh). Bỏ trống để tự nhận biết.'),
    sections: z.array(sectionSchema).optional().describe('Các mục của kế hoạch theo thứ tự mong đợi; thay cho danh sách mục của hồ sơ.'),
    rules: ruleSeveritiesSchema.optional().describe('Mức báo cho từng quy tắc: off, info, warning, error.'),
    abbreviations: z.array(z.string().min(1)).optional().describe('Các chữ viết tắt cơ quan đã quen dùng, không cần giải thích.'),
    words: z.array(officeWord).optional().describe('Các từ riêng của cơ quan mà quy tắc chính tả (KH703) chấp nhận, mỗi mục một âm tiết.'),
    locale: z.enum(['vi', 'en']).optional().describe('Ngôn ngữ của thông báo.'),
    maxFileSize: z.number().int().positive().optional().describe('Kích thước tệp tối đa được kiểm tra (byte); tệp lớn hơn được bỏ qua kèm thông báo.'),
    ignore: z.array(z.string()).optional().describe('Các mẫu glob của tệp không kiểm tra.'),
    office: officeSchema.optional().describe('Cơ quan soạn kế hoạch: tên, ký hiệu, địa danh và người ký, dùng khi soạn kế hoạch mới.'),
  })
  .strict();

export type ConfigFile = z.infer<typeof configSchema>;

export interface ResolvedConfig {
  /** The file it came from, when there was one. */
  path?: string;
  profile?: ProfileName;
  sections?: SectionRequirement[];
  /** Absent for a rule left at its default severity. */
  rules: Partial<Record<string, SeveritySetting>>;
  abbreviations: string[];
  /** The office's own words, accepted by the spelling rule. */
  words: string[];
  locale?: Locale;
  maxFileSize: number;
  ignore: string[];
  office?: OfficeConfig;
}

export const DEFAULT_CONFIG: ResolvedConfig = { rules: {}, abbreviations: [], words: [], maxFileSize: DEFAULT_MAX_FILE_SIZE, ignore: [] };

export class ConfigError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly column: number,
    readonly key: string,
    readonly detail: string,
  ) {
    super(`${file}:${line + 1}:${column + 1}: ${key ? `${key}: ` : ''}${detail}`);
    this.name = 'ConfigError';
  }
}

/** Parses and validates config text; throws ConfigError naming the file, line and key, in `locale`. */
export function parseConfig(saved: string, file: string, locale: Locale = 'vi'): ResolvedConfig {
  // Notepad and some Windows tools save a byte order mark; it is no JSON token, and editors do not count it in positions.
  const text = saved.startsWith('\uFEFF') ? saved.slice(1) : saved;
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  const index = new LineIndex(text);
  if (errors.length > 0) {
    const first = errors[0]!;
    const at = index.positionAt(first.offset);
    const detail = locale === 'en' ? 'invalid JSON' : 'JSON không hợp lệ';
    throw new ConfigError(file, at.line, at.character, '', `${detail} (${printParseErrorCode(first.error)})`);
  }
  if (!tree) throw new ConfigError(file, 0, 0, '', locale === 'en' ? 'empty configuration file' : 'tệp cấu hình rỗng');
  const value: unknown = JSON.parse(JSON.stringify(nodeValue(tree)));
  const result = configSchema.safeParse(value, { error: z.locales[locale]().localeError });
  if (!result.success) {
    const issue = result.error.issues[0]!;
    let path = issue.path.map(String);
    // An unknown key is reported at the key itself.
    if (issue.code === 'unrecognized_keys' && issue.keys.length > 0) path = [...path, issue.keys[0]!];
    const node = findNodeAtLocation(tree, path.map((part) => (/^\d+$/.test(part) ? Number(part) : part))) ?? tree;
    const at = index.positionAt(node.parent?.type === 'property' ? node.parent.offset : node.offset);
    const refusal = issue.code === 'custom' ? (issue.params as { refusal?: string } | undefined)?.refusal : undefined;
    const detail =
      issue.code === 'unrecognized_keys' && path[0] === 'rules'
        ? unknownRuleDetail(path[1]!, locale)
        : issue.code === 'unrecognized_keys'
          ? unknownKeyDetail(path[path.length - 1]!, knownKeysAt(issue.path.map(String)), locale)
          : refusal
          ? REFUSAL_DETAILS[refusal]![locale]
          : issue.message;
    throw new ConfigError(file, at.line, at.character, path.join('.'), detail);
  }
  const config = result.data;
  return {
    path: file,
    profile: config.profile,
    sections: config.sections?.map((section) => ({ ...section, aliases: section.aliases ?? [] })),
    rules: config.rules ?? {},
    abbreviations: (config.abbreviations ?? []).map((a) => a.toUpperCase()),
    words: config.words ?? [],
    locale: config.locale,
    maxFileSize: config.maxFileSize ?? DEFAULT_MAX_FILE_SIZE,
    ignore: config.ignore ?? [],
    office: config.office,
  };
}

/** "KH999 không phải mã quy tắc; có phải ý bạn là KH702 (unicode-normalization)?" */
function unknownRuleDetail(key: string, locale: Locale): string {
  const { id, slug } = nearestRule(key);
  return locale === 'en' ? `${key} is not a rule ID; did you mean ${id} (${slug})?` : `${key} không phải mã quy tắc; có phải ý bạn là ${id} (${slug})?`;
}

/** "'profle' không phải khóa cấu hình; có phải ý bạn là 'profile'?" */
function unknownKeyDetail(key: string, known: string[], locale: Locale): string {
  const nearest = [...known].sort((a, b) => editDistance(key.toLowerCase(), a.toLowerCase()) - editDistance(key.toLowerCase(), b.toLowerCase()))[0];
  const list = known.map((k) => `'${k}'`).join(', ');
  if (locale === 'en') return `'${key}' is not a configuration key; did you mean '${nearest}'? (known keys: ${list})`;
  return `'${key}' không phải khóa cấu hình; có phải ý bạn là '${nearest}'? (các khóa có: ${list})`;
}

/** The keys the schema allows in the object at `path` of the configuration. */
function knownKeysAt(path: readonly string[]): string[] {
  let schema: z.ZodType = configSchema;
  const unwrap = (type: z.ZodType): z.ZodType =>
    type instanceof z.ZodOptional || type instanceof z.ZodDefault ? unwrap(type.unwrap() as z.ZodType) : type;
  for (const part of path) {
    const current = unwrap(schema);
    if (current instanceof z.ZodArray) schema = current.element as z.ZodType;
    else if (current instanceof z.ZodObject) schema = current.shape[part] as z.ZodType;
  }
  const object = unwrap(schema);
  return object instanceof z.ZodObject ? Object.keys(object.shape) : [];
}

/**
 * The rule whose ID (or slug, for a key written as a slug) is the fewest edits away; among
 * equally near IDs, the numerically closest (KH209 → KH208).
 */
function nearestRule(key: string): { id: string; slug: string } {
  const number = Number(/\d+/.exec(key)?.[0] ?? Number.NaN);
  const ranked = RULES.map(({ meta }) => ({
    meta,
    distance: Math.min(editDistance(key.toUpperCase(), meta.id), editDistance(key.toLowerCase(), meta.slug)),
    gap: Number.isNaN(number) ? 0 : Math.abs(Number(meta.id.slice(2)) - number),
  })).sort((a, b) => a.distance - b.distance || a.gap - b.gap);
  return ranked[0]!.meta;
}

/** Levenshtein distance: insertions, deletions and substitutions of one character. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}

function nodeValue(node: Node): unknown {
  switch (node.type) {
    case 'object':
      return Object.fromEntries((node.children ?? []).map((property) => [property.children![0]!.value, property.children![1] ? nodeValue(property.children![1]) : undefined]));
    case 'array':
      return (node.children ?? []).map(nodeValue);
    default:
      return node.value;
  }
}

export function profileFor(config: ResolvedConfig, detected: ProfileName): Profile {
  const base = PROFILES[config.profile ?? detected];
  return config.sections ? { ...base, sections: config.sections } : base;
}

/** JSON Schema of .kehoach.json, generated from the zod schema. */
export function configJsonSchema(): unknown {
  return z.toJSONSchema(configSchema, { io: 'input' });
}
