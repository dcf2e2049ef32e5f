import type { DateMention, PlanModel } from '../../model.js';
import { defineRule } from '../../rule.js';
import type { Range } from '../../types.js';

/** The plan's own period, from its title or summary ("giai đoạn 2021 - 2025, định hướng đến năm 2030"). */
interface PlanPeriod {
  start: number;
  end: number;
  range: Range;
}

export const periodOrder = defineRule({
  meta: {
    id: 'KH303',
    slug: 'period-order',
    area: 'dates',
    defaultSeverity: 'warning',
    title: { vi: 'Giai đoạn ngược hoặc năm mục tiêu ngoài giai đoạn', en: 'Backward period or target year outside the period' },
    description: {
      vi: 'Một giai đoạn phải chạy xuôi ("giai đoạn 2021-2030", không phải "2030-2021"), và năm mục tiêu trong phần nội dung ("đến năm 2025") phải nằm trong giai đoạn của kế hoạch nêu ở trích yếu, kể cả phần định hướng, tầm nhìn.',
      en: 'A period must run forwards ("giai đoạn 2021-2030", not "2030-2021"), and a target year in the body ("đến năm 2025") must lie within the plan\'s period given in its summary, orientation included.',
    },
    fixes: [],
  },
  check({ model, report }) {
    for (const date of model.dates) {
      if (date.kind !== 'period' || date.invalid || date.year === undefined || date.endYear === undefined) continue;
      if (date.endYear >= date.year) continue;
      report({
        range: date.range,
        message: {
          vi: `Giai đoạn "${date.raw}" chạy ngược: năm kết thúc ${date.endYear} trước năm bắt đầu ${date.year}`,
          en: `The period "${date.raw}" runs backwards: it ends in ${date.endYear}, before it starts in ${date.year}`,
        },
      });
    }
    const period = planPeriod(model);
    if (!period) return;
    for (const date of model.dates) {
      if (date.kind !== 'target-year' || date.invalid || date.year === undefined || date.year <= period.end) continue;
      if (date.textLine < model.basisLines.end || date.textLine >= model.closingStart) continue;
      if (isVision(model, date) || describesCitedDocument(model, date)) continue;
      report({
        range: date.range,
        message: {
          vi: `Năm mục tiêu ${date.year} ("${date.raw}") nằm ngoài giai đoạn của kế hoạch (${period.start}-${period.end})`,
          en: `The target year ${date.year} ("${date.raw}") lies outside the plan's period (${period.start}-${period.end})`,
        },
        related: [{ range: period.range, message: { vi: 'Giai đoạn của kế hoạch', en: 'The plan\'s period' } }],
      });
    }
  },
});

function planPeriod(model: PlanModel): PlanPeriod | undefined {
  const zones = [model.header.title?.range, model.header.summary?.range].filter((range): range is Range => range !== undefined);
  const inTitle = model.dates.filter((date) => !date.invalid && zones.some((zone) => within(date.range, zone)));
  const periods = inTitle.filter((date) => date.kind === 'period' && date.endYear !== undefined && date.endYear >= date.year!);
  if (periods.length === 0) return undefined;
  const horizon = inTitle.filter((date) => date.kind === 'target-year');
  return {
    start: Math.min(...periods.map((date) => date.year!)),
    end: Math.max(...periods.map((date) => date.endYear!), ...horizon.map((date) => date.year!)),
    range: periods[0]!.range,
  };
}

/** Source text just before a date, in NFC. */
function textBefore(model: PlanModel, date: DateMention, length: number): string {
  const start = model.index.offsetAt(date.range.start);
  return model.source.slice(Math.max(0, start - length), start).normalize('NFC');
}

/** "tầm nhìn đến năm 2045", "định hướng đến năm 2030": a long-term vision, not a target of this plan. */
function isVision(model: PlanModel, date: DateMention): boolean {
  return /(?:tầm\s+nhìn|định\s+hướng)[\s*_,:]*$/iu.test(textBefore(model, date, 30));
}

/** "Quyết định số 123/QĐ-TTg ... phê duyệt Chiến lược ... đến năm 2030": the horizon of a cited document. */
function describesCitedDocument(model: PlanModel, date: DateMention): boolean {
  const start = model.index.offsetAt(date.range.start);
  return model.citations.some((citation) => {
    if (citation.textLine !== date.textLine) return false;
    const end = model.index.offsetAt(citation.range.end);
    return end <= start && !/;|\.\s/u.test(model.source.slice(end, start));
  });
}

function within(inner: Range, outer: Range): boolean {
  const notBefore = (a: Range['start'], b: Range['start']): boolean => a.line > b.line || (a.line === b.line && a.character >= b.character);
  return notBefore(inner.start, outer.start) && notBefore(outer.end, inner.end);
}
