// Who carries out a task: labelled lines ("Chủ trì: Phòng GDĐT", "Đơn vị phối hợp: …", "Đơn vị
// thực hiện: …"), a unit that opens its sentence with "chủ trì" ("Phòng Lao động - Thương binh
// và Xã hội chủ trì, tổng hợp …"), and a unit that heads a part of "Tổ chức thực hiện" ("1. Phòng
// Giáo dục và Đào tạo", "2. Các trường mầm non"). Only a unit named by an agency word is taken
// from a sentence or a heading, so a sentence about a duty ("Chủ trì thực hiện công tác …") names no unit.
import type { Section } from '../model.js';
import type { Range } from '../types.js';
import { type PlanLines, lineRange } from './lines.js';

export type ResponsibleRole = 'lead' | 'support' | 'executor';

export interface Responsibility {
  role: ResponsibleRole;
  unit: string;
  textLine: number;
  /** Where the unit is written. */
  range: Range;
}

const LABELLED = /^[\s\-+*•]*(?:đơn vị\s+)?(chủ trì|phối hợp|thực hiện)\s*:\s*(.+?)[\s.;]*$/diu;
const AGENCY_WORD = String.raw`(?:Phòng|Sở|Ban|Ủy ban|Uỷ ban|UBND|Trường|Hội|Liên đoàn|Đoàn|Công an|Trung tâm|Văn phòng|Các)\s`;
const LEADING_UNIT = new RegExp(String.raw`^[\s\-+*•]*(${AGENCY_WORD}[^,.;:]{1,80}?)\s+chủ trì(?=[\s,.;:]|$)`, 'du');
/** A heading that names a unit: the unit ends at a colon, a bracket or a dash that opens its duties. */
const HEADING_UNIT = new RegExp(String.raw`^(${AGENCY_WORD}[^:(–]{1,120}?)\s*(?:[:(–]|$)`, 'du');
const ROLE: Record<string, ResponsibleRole> = { 'chủ trì': 'lead', 'phối hợp': 'support', 'thực hiện': 'executor' };

export function readResponsibilities(plan: PlanLines, start: number, end: number, sections: readonly Section[]): Responsibility[] {
  const found: Responsibility[] = [];
  const at = (index: number, match: RegExpExecArray, group: number): Range => lineRange(plan.index, plan.lines[index]!, ...match.indices![group]!);
  for (let index = start; index < end; index++) {
    const text = plan.lines[index]!.nfc;
    const labelled = LABELLED.exec(text);
    if (labelled) {
      found.push({ role: ROLE[labelled[1]!.toLowerCase()]!, unit: labelled[2]!, textLine: index, range: at(index, labelled, 2) });
      continue;
    }
    const leading = LEADING_UNIT.exec(text);
    if (leading) found.push({ role: 'lead', unit: leading[1]!, textLine: index, range: at(index, leading, 1) });
  }
  for (const section of sections) {
    if (section.key !== 'organisation') continue;
    for (const part of section.children) {
      const heading = HEADING_UNIT.exec(part.title);
      if (!heading) continue;
      const line = plan.lines[part.textLine]!;
      const offset = line.nfc.indexOf(part.title);
      if (offset < 0) continue;
      const [from, to] = heading.indices![1]!;
      found.push({ role: 'executor', unit: heading[1]!.trim(), textLine: part.textLine, range: lineRange(plan.index, line, offset + from, offset + to) });
    }
  }
  return found.sort((a, b) => a.textLine - b.textLine);
}
