// Who carries out a task: labelled lines ("Chủ trì: Phòng GDĐT", "Đơn vị phối hợp: …", "Đơn vị
// thực hiện: …") and a unit that opens its sentence with "chủ trì" ("Phòng Lao động - Thương binh
// và Xã hội chủ trì, tổng hợp …"). Only a unit named by an agency word is taken, so a sentence
// about a duty ("Chủ trì thực hiện công tác …") names no unit.
import type { PlanLines } from './lines.js';

export type ResponsibleRole = 'lead' | 'support' | 'executor';

export interface Responsibility {
  role: ResponsibleRole;
  unit: string;
  textLine: number;
}

const LABELLED = /^[\s\-+*•]*(?:đơn vị\s+)?(chủ trì|phối hợp|thực hiện)\s*:\s*(.+?)[\s.;]*$/iu;
const LEADING_UNIT = /^[\s\-+*•]*((?:Phòng|Sở|Ban|Ủy ban|Uỷ ban|UBND|Trường|Hội|Liên đoàn|Đoàn|Công an|Trung tâm|Văn phòng|Các)\s[^,.;:]{1,80}?)\s+chủ trì(?=[\s,.;:]|$)/u;
const ROLE: Record<string, ResponsibleRole> = { 'chủ trì': 'lead', 'phối hợp': 'support', 'thực hiện': 'executor' };

export function readResponsibilities(plan: PlanLines, start: number, end: number): Responsibility[] {
  const found: Responsibility[] = [];
  for (let index = start; index < end; index++) {
    const text = plan.lines[index]!.nfc;
    const labelled = LABELLED.exec(text);
    if (labelled) {
      found.push({ role: ROLE[labelled[1]!.toLowerCase()]!, unit: labelled[2]!, textLine: index });
      continue;
    }
    const leading = LEADING_UNIT.exec(text);
    if (leading) found.push({ role: 'lead', unit: leading[1]!, textLine: index });
  }
  return found;
}
