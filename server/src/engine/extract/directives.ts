// What the author tells the checker in the text: front matter ("kehoach: false") and
// kehoach-disable comments.
import type { PlanModel, Suppression } from '../model.js';
import type { PlanLines } from './lines.js';

export function readFrontMatter(plan: PlanLines, end: number): PlanModel['frontMatter'] {
  const block = plan.source.slice(0, end);
  const flag = /^kehoach\s*:\s*(true|false|yes|no)\s*$/imu.exec(block);
  return { kehoach: flag ? flag[1] === 'true' || flag[1] === 'yes' : undefined, range: plan.index.range(0, end) };
}

export function readSuppressions(plan: PlanLines): Suppression[] {
  const result: Suppression[] = [];
  // Scanned in the source, so comments inside a paragraph count as well as comment blocks.
  const directive = /<!--\s*kehoach-(disable-next-line|disable|enable)\b([^>]*?)-->/gu;
  for (const m of plan.source.matchAll(directive)) {
    const kind = m[1] as Suppression['kind'];
    const ruleIds = (m[2] ?? '').split(/[\s,]+/u).filter((id) => /^KH\d{3}$/iu.test(id)).map((id) => id.toUpperCase());
    const range = plan.index.range(m.index!, m.index! + m[0].length);
    const suppression: Suppression = { kind, ruleIds, line: range.start.line, range };
    if (kind === 'disable-next-line') suppression.targetLine = nextNonBlankLine(plan, range.end.line + 1);
    result.push(suppression);
  }
  return result;
}

function nextNonBlankLine(plan: PlanLines, from: number): number {
  for (let line = from; line < plan.index.lineCount; line++) {
    if (plan.index.lineText(line).trim() !== '') return line;
  }
  return from;
}
