import { nameHasCode, namesSameAgency } from '../../agency-names.js';
import type { PlanModel } from '../../model.js';
import { defineRule } from '../../rule.js';
import { compareKey } from '../../text.js';
import { ENTRY_DASH, recipientAgencies } from './entry-text.js';
import type { Fix } from '../../types.js';

/**
 * Units that are surely another body than the plan's issuer: a committee ("Ban Giám hiệu", "Ban
 * chỉ đạo"), a union or Youth Union branch of the issuer itself is not, and is left alone.
 */
const OTHER_BODY = /^(?:Phòng|Sở|Trường|UBND|Ủy ban nhân dân|Uỷ ban nhân dân|Công an|Trung tâm|Trạm|Bệnh viện|Các)\s/u;
/** A recipient that sends the plan to everyone named in a part ("Như trên", "Như Mục III"). */
const AS_ABOVE = /^như\s/iu;
/**
 * What a group recipient covers, by the words after "các": "Các phòng, ban, ngành huyện" covers
 * "Phòng Y tế"; "UBND các xã, thị trấn" covers "UBND xã Vân Từ"; "Các đơn vị trực thuộc" all.
 */
const GROUP_COVERS: ReadonlyArray<[RegExp, RegExp]> = [
  [/(?:^| )các .*đơn vị/u, /./u],
  [/(?:^| )các .*cơ sở giáo dục/u, /^(?:trường|các trường|nhóm|các nhóm|lớp|các lớp)(?![\p{L}\p{M}])/u],
  [/(?:^| )các .*phòng/u, /^(?:phòng|các phòng)(?![\p{L}\p{M}])/u],
  [/(?:^| )các .*trường/u, /^(?:trường|các trường)(?![\p{L}\p{M}])/u],
  [/(?:^| )các .*sở/u, /^(?:sở|các sở)(?![\p{L}\p{M}])/u],
  [/(?:^| )các .*xã/u, /^(?:ubnd|ủy ban nhân dân) (?:các )?xã(?![\p{L}\p{M}])/u],
  [/(?:^| )các .*phường/u, /^(?:ubnd|ủy ban nhân dân) (?:các )?phường(?![\p{L}\p{M}])/u],
  [/(?:^| )các .*thị trấn/u, /^(?:ubnd|ủy ban nhân dân) (?:các )?thị trấn(?![\p{L}\p{M}])/u],
];

function informed(unit: string, names: readonly string[]): boolean {
  const unitKey = compareKey(unit);
  return names.some((name) => {
    if (namesSameAgency(name, unit)) return true;
    const key = compareKey(name);
    return GROUP_COVERS.some(([group, member]) => group.test(key) && member.test(unitKey));
  });
}

function isIssuer(model: PlanModel, unit: string): boolean {
  const agency = model.header.agency?.text;
  if (agency && namesSameAgency(agency, unit)) return true;
  const code = model.header.number?.issuerCode;
  return code !== undefined && nameHasCode(unit, code);
}

/** The unit as a new entry just above "Lưu: …", written as the list's entries are; only for a Markdown list. */
function addEntry(model: PlanModel, unit: string): Fix | undefined {
  const archive = model.recipients?.entries.find((entry) => entry.isArchive);
  if (!archive) return undefined;
  const line = model.lines[archive.textLine]!;
  if (line.kind !== 'listItem' || !line.firstInBlock) return undefined;
  const lineStart = model.index.offsetAt({ line: line.line, character: 0 });
  // The list marker, hidden by the parse or kept as text ("- Lưu: VT" reads as a dash and the entry).
  const hidden = model.source.slice(lineStart, line.offsets[0]);
  if (!/^[ \t]*(?:[-+*][ \t]+)?$/u.test(hidden)) return undefined;
  const marker = hidden + (ENTRY_DASH.exec(line.nfc)?.[0] ?? '');
  const eol = model.source.slice(lineStart).match(/\r\n|\r|\n/u)?.[0] ?? '\n';
  const at = { line: line.line, character: 0 };
  return {
    title: { vi: `Thêm "${unit}" vào Nơi nhận`, en: `Add "${unit}" to the recipients` },
    edits: [{ range: { start: at, end: at }, newText: `${marker}${unit};${eol}` }],
    safety: 'review',
  };
}

export const taskUnitNotInformed = defineRule({
  meta: {
    id: 'KH506',
    slug: 'task-unit-not-informed',
    area: 'recipients',
    defaultSeverity: 'warning',
    title: { vi: 'Đơn vị được giao nhiệm vụ không có trong Nơi nhận', en: 'A unit given a task is not among the recipients' },
    description: {
      vi: 'Một đơn vị được giao nhiệm vụ trong kế hoạch (chủ trì, phối hợp, thực hiện, hay đứng đầu một phần của "Tổ chức thực hiện") phải nhận được kế hoạch, nên phải có trong Nơi nhận, đích danh hoặc trong một nhóm ("Các phòng, ban, ngành huyện", "UBND các xã, thị trấn", "Các đơn vị trực thuộc") (Nghị định 30/2020/NĐ-CP, Phụ lục I, mục II.9.a: nơi nhận để thực hiện). Cơ quan ban hành và các ban, đoàn thể của chính cơ quan không bị kiểm tra; "Như trên", "Như Mục III" gửi tất cả. Sửa nhanh thêm đơn vị vào trên dòng "Lưu", cần xem lại.',
      en: 'A unit given a task in the plan (leading, supporting, carrying out, or heading a part of "Tổ chức thực hiện") must receive the plan, so it belongs among the recipients, by name or in a group ("Các phòng, ban, ngành huyện", "UBND các xã, thị trấn", "Các đơn vị trực thuộc") (Decree 30/2020/ND-CP, Annex I, II.9.a: recipients who carry it out). The issuer and its own committees and unions are not checked; "Như trên", "Như Mục III" send it to all. The quick fix adds the unit above the "Lưu" line, for review.',
    },
    fixes: ['review'],
  },
  check({ model, report }) {
    const recipients = model.recipients;
    if (!recipients || recipients.entries.length === 0) return;
    if (recipients.entries.some((entry) => AS_ABOVE.test(entry.name))) return;
    const names = recipientAgencies(recipients.entries);
    const reported: string[] = [];
    for (const { unit, range } of model.responsibilities) {
      if (!OTHER_BODY.test(unit) || isIssuer(model, unit) || informed(unit, names)) continue;
      if (reported.some((earlier) => namesSameAgency(earlier, unit))) continue;
      reported.push(unit);
      report({
        range,
        message: { vi: `${unit} được giao nhiệm vụ nhưng không có trong Nơi nhận`, en: `${unit} is given a task but is not among the recipients` },
        related: [{ range: recipients.heading.range, message: { vi: 'Danh sách nơi nhận', en: 'The recipient list' } }],
        fix: () => addEntry(model, unit),
      });
    }
  },
});
