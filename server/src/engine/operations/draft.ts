// A new plan implementing a parent plan, written from the parent's model and the office's identity
// (.kehoach.json's `office`): the office's header dated the given day with the number left blank,
// a summary and a basis citing the parent in full, the profile's sections with the parent's period
// and tasks, the parent's issuer among the recipients, and the office's signer. Every fact about
// the parent comes from its recognisers (the model), never from its text.
import { agencyInSentence } from '../agency-names.js';
import { type OfficeConfig, type ResolvedConfig, profileFor } from '../config.js';
import { buildModel } from '../extract.js';
import { formatDate, spelledDate } from '../dates.js';
import type { PlanModel } from '../model.js';
import type { Profile, SectionRequirement } from '../profile.js';
import { toRoman } from '../text.js';
import type { Localized } from '../types.js';
import { documentTypeOf } from '../vocabulary.js';
import { summaryOfModel } from '../workspace/summary.js';

/** A piece of the draft: text as it stays, or a field the author fills in, shown with its example. */
export type DraftPiece = string | { field: string };

export interface DraftOptions {
  office: OfficeConfig;
  /** The office's profile: its header, number form and sections. */
  profile: Profile;
  /** The day the draft is dated (today, in the shells). */
  date: { day: number; month: number; year: number };
}

export class DraftError extends Error {
  constructor(readonly reason: Localized) {
    super(reason.en);
    this.name = 'DraftError';
  }
}

const field = (example: string): DraftPiece => ({ field: example });

/** The draft implementing the plan `parentSource` for the office of `config`, dated `date`. */
export function draftForOffice(parentSource: string, config: ResolvedConfig, date: DraftOptions['date']): DraftPiece[] {
  if (!config.office) {
    throw new DraftError({
      vi: `Chưa khai báo cơ quan soạn thảo: thêm khối "office" (agency, symbol, place, signer) vào ${config.path ?? '.kehoach.json'}`,
      en: `No drafting office: add an "office" block (agency, symbol, place, signer) to ${config.path ?? '.kehoach.json'}`,
    });
  }
  const profile = profileFor(config, config.profile ?? 'nd30');
  return draftImplementingPlan(buildModel(parentSource), { office: config.office, profile, date });
}

/** The pieces of a plan implementing `parent`; throws DraftError when the parent cannot be cited. */
export function draftImplementingPlan(parent: PlanModel, options: DraftOptions): DraftPiece[] {
  const { office, profile, date } = options;
  const identity = summaryOfModel(parent);
  if (!identity.symbol) {
    throw new DraftError({
      vi: 'Kế hoạch này chưa có số, ký hiệu nên chưa trích dẫn được; hãy soạn từ bản đã ban hành',
      en: 'This plan has no number and symbol yet, so it cannot be cited; draft from the issued plan',
    });
  }
  const typeName = documentTypeOf(identity.title ?? '')?.name ?? 'Kế hoạch';
  const number = parent.header.number;
  // The issuer as the header names it; a parent without an agency line gives its code to replace.
  const issuer: DraftPiece = identity.agency ? agencyInSentence(identity.agency) : field(number?.issuerCode ?? 'cơ quan ban hành');
  const issued = identity.date ? ` ngày ${formatDate(identity.date)}` : '';
  const parentName = `${typeName} số ${identity.symbol}`;
  const subject = identity.summary ? ` về ${lowerFirst(identity.summary)}` : '';
  const period = identity.period ? ` giai đoạn ${identity.period.from}-${identity.period.to}` : '';
  const ourAgency = office.name ?? agencyInSentence(office.agency);
  // Party documents end each recipient with a comma (Hướng dẫn 36-HD/VPTW), others with a semicolon.
  const entryEnd = profile.headerKind === 'party' ? ',' : ';';
  const pieces: DraftPiece[] = [
    ...header(office, profile, date),
    `\n\n# KẾ HOẠCH\n\n**Triển khai thực hiện ${parentName}${issued} của `,
    issuer,
    `${subject}**\n\n*Thực hiện ${parentName}${issued} của `,
    issuer,
    `${subject};*\n\n${ourAgency} xây dựng Kế hoạch triển khai thực hiện như sau:\n`,
  ];
  const sections = profile.sections.filter((requirement) => requirement.severity !== 'off');
  sections.forEach((requirement, i) => {
    pieces.push(`\n## ${toRoman(i + 1)}. ${requirement.title}\n\n`, ...sectionBody(requirement, parent, { parentName, ourAgency, period }));
  });
  pieces.push(
    // The office is named before the citation: after it, "của" would read as the parent's issuer.
    `\nTrên đây là Kế hoạch của ${ourAgency} triển khai thực hiện ${parentName}. Đề nghị `,
    field('các đơn vị'),
    ' nghiêm túc triển khai thực hiện./.\n\n**Nơi nhận:**\n\n- ',
    issuer,
    ` (để b/c)${entryEnd}\n- `,
    field('Các đơn vị trực thuộc'),
    `${entryEnd}\n`,
    ...archiveEntry(office, profile),
    '\n',
    signingBlock(office),
  );
  return pieces;
}

/** The draft as a Markdown file: each field holds its example. */
export function draftText(pieces: readonly DraftPiece[]): string {
  return pieces.map((piece) => (typeof piece === 'string' ? piece : piece.field)).join('');
}

/**
 * The draft as a snippet (TextMate syntax, as VS Code and LSP clients take it): fields are tab
 * stops in order, the same example twice is one linked field, and the cursor ends after the text.
 */
export function draftSnippet(pieces: readonly DraftPiece[]): string {
  const stops = new Map<string, number>();
  const escape = (text: string): string => text.replace(/[\\$}]/g, (ch) => `\\${ch}`);
  return `${pieces
    .map((piece) => {
      if (typeof piece === 'string') return escape(piece);
      const known = stops.get(piece.field);
      if (known !== undefined) return `$${known}`;
      stops.set(piece.field, stops.size + 1);
      return `\${${stops.size}:${escape(piece.field)}}`;
    })
    .join('')}$0`;
}

function header(office: OfficeConfig, profile: Profile, date: DraftOptions['date']): DraftPiece[] {
  const agencies = office.parentAgency ? `${office.parentAgency}<br>**${office.agency}**` : `**${office.agency}**`;
  const beside =
    profile.headerKind === 'party'
      ? '**ĐẢNG CỘNG SẢN VIỆT NAM**'
      : profile.headerKind === 'youth'
        ? '**ĐOÀN TNCS HỒ CHÍ MINH**'
        : '**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**<br>**Độc lập - Tự do - Hạnh phúc**';
  // The number is given when the clerk registers the signed plan: the first field to fill in.
  const number = profile.numberForm === 'party' ? ['Số ', field('…'), `-KH/${office.symbol}`] : ['Số: ', field('    '), `/KH-${office.symbol}`];
  return [`| ${agencies} | ${beside} |\n| :---: | :---: |\n| `, ...number, ` | *${office.place}, ${spelledDate(date)}* |`];
}

interface SectionFacts {
  parentName: string;
  ourAgency: string;
  period: string;
}

function sectionBody(requirement: SectionRequirement, parent: PlanModel, facts: SectionFacts): DraftPiece[] {
  switch (requirement.key) {
    case 'purpose':
      return [
        '1. Mục đích\n\n- ',
        field(`Cụ thể hóa các nhiệm vụ của ${facts.parentName} phù hợp với điều kiện của đơn vị${facts.period}`),
        '.\n\n2. Yêu cầu\n\n- ',
        field('Các hoạt động được tổ chức thiết thực, hiệu quả'),
        '.\n',
      ];
    case 'tasks': {
      // The parent's tasks are the starting list; each one's content is the office's to write.
      const tasks = parent.allSections.find((section) => section.key === 'tasks')?.children.map((task) => task.title) ?? [];
      const titles = tasks.length > 0 ? tasks : ['Nhiệm vụ thứ nhất'];
      return titles.flatMap((title, i) => [`${i > 0 ? '\n' : ''}${i + 1}. ${title.replace(/[.:;]+$/u, '')}\n\n- `, field('Nội dung triển khai tại đơn vị'), '.\n']);
    }
    case 'funding':
      return [field('Từ nguồn kinh phí chi thường xuyên của đơn vị'), '.\n'];
    case 'organisation':
      return [`1. ${facts.ourAgency}\n\n- `, field('Hướng dẫn, kiểm tra, đôn đốc các đơn vị thực hiện kế hoạch'), '.\n\n2. ', field('Các đơn vị trực thuộc'), '\n\n- ', field('Xây dựng kế hoạch của đơn vị và tổ chức thực hiện'), '.\n'];
    default:
      return [field('Nội dung của mục'), '.\n'];
  }
}

function archiveEntry(office: OfficeConfig, profile: Profile): DraftPiece[] {
  if (profile.headerKind === 'party') return [`- Lưu Văn phòng ${office.name ?? agencyInSentence(office.agency)}.\n`];
  return ['- Lưu: VT, ', field('CM'), '.\n'];
}

/** The office's signing block: its authority (when not the head), the signer's title and name. */
export function signingBlock(office: OfficeConfig): string {
  const { authority, title, name } = office.signer;
  const lines = authority ? `**${authority}**  \n**${title}**` : `**${title}**`;
  return `${lines}\n\n**${name}**\n`;
}

function lowerFirst(text: string): string {
  const first = text.split(/\s/u)[0] ?? '';
  // "Chương trình", "Kế hoạch" name a document and keep their capital; other words are lowered.
  return documentTypeOf(first) || documentTypeOf(text.split(/\s/u).slice(0, 2).join(' ')) ? text : text[0]!.toLocaleLowerCase('vi') + text.slice(1);
}
