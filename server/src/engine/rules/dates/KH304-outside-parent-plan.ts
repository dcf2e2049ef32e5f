import { namesSameAgency } from '../../agency-names.js';
import { citationName, citesParentPlan } from '../../citations.js';
import { dayNumber, formatDate, issueDateOf } from '../../dates.js';
import { within } from '../../extract/lines.js';
import { defineRule } from '../../rule.js';
import { plansCitedAs } from '../../workspace/resolve.js';
import { fileName } from '../citations/KH405-citation-unresolved.js';

export const outsideParentPlan = defineRule({
  meta: {
    id: 'KH304',
    slug: 'outside-parent-plan',
    area: 'dates',
    defaultSeverity: 'warning',
    title: { vi: 'Thời gian không khớp với kế hoạch cấp trên', en: 'Dates that do not fit the parent plan' },
    description: {
      vi: 'Khi kế hoạch cấp trên mà kế hoạch này thực hiện có trong thư mục: giai đoạn của kế hoạch nằm ngoài giai đoạn của kế hoạch cấp trên, hoặc hạn báo cáo cơ quan cấp trên muộn hơn mọi hạn báo cáo mà kế hoạch cấp trên yêu cầu. Một năm học vắt qua năm cuối của giai đoạn không bị báo. Không có sửa nhanh: chỉ người viết biết ngày nào đúng.',
      en: 'When the parent plan this plan implements is in the folder: the plan\'s period lies outside the parent\'s, or its deadline for reporting to the parent\'s issuer falls after every reporting deadline the parent sets. A school year that runs past the period\'s last year is not reported. No quick fix: only the author knows which date is right.',
    },
    fixes: [],
  },
  check({ model, workspace, report }) {
    if (!workspace) return;
    const issued = issueDateOf(model);
    // The plan's own period, as the index reads it: from the summary under the title.
    const summaryRange = model.header.summary?.range;
    const periodDate = summaryRange ? model.dates.find((date) => date.kind === 'period' && within(date.range, summaryRange)) : undefined;
    const period = periodDate?.year !== undefined && periodDate.endYear !== undefined ? { from: periodDate.year, to: periodDate.endYear } : undefined;
    for (const citation of model.citations) {
      if (!citesParentPlan(citation)) continue;
      const targets = plansCitedAs(workspace.index, workspace.uri, citation.symbol, citation.date?.year, issued ? dayNumber(issued) : undefined);
      if (targets.length !== 1) continue;
      const { uri, summary: parent } = targets[0]!;
      const name = `${citationName(citation)} (${fileName(uri)})`;
      const related = [{ uri, range: parent.numberRange ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, message: { vi: name, en: name } }];

      // A school year ("năm học 2025-2026") may run past the period's last year.
      const allowance = period && period.to - period.from === 1 ? 1 : 0;
      if (period && parent.period && periodDate && (period.from < parent.period.from || period.to > parent.period.to + allowance)) {
        report({
          range: periodDate.range,
          message: {
            vi: `Giai đoạn ${period.from}-${period.to} của kế hoạch nằm ngoài giai đoạn ${parent.period.from}-${parent.period.to} của ${name}`,
            en: `The plan's period ${period.from}-${period.to} lies outside the period ${parent.period.from}-${parent.period.to} of ${name}`,
          },
          related,
        });
      }

      const parentAgency = parent.agency;
      if (!parentAgency) continue;
      // The parent's deadlines for reports that come to its own issuer.
      const asked = parent.reports
        .filter((r) => r.to === undefined || namesSameAgency(r.to, parentAgency))
        .map((r) => ({ day: r.day, month: r.month, year: r.year ?? parent.date?.year }))
        .filter((r) => dayNumber(r) !== undefined);
      if (asked.length === 0) continue;
      const latest = asked.reduce((a, b) => (dayNumber(b)! > dayNumber(a)! ? b : a));
      for (const mine of model.reports) {
        if (!mine.to || !namesSameAgency(mine.to, parentAgency)) continue;
        const date = { day: mine.day, month: mine.month, year: mine.year ?? issued?.year };
        const day = dayNumber(date);
        if (day === undefined || day <= dayNumber(latest)!) continue;
        report({
          range: mine.range,
          message: {
            vi: `Hạn báo cáo ${mine.to} (${formatDate(date)}) muộn hơn hạn ${formatDate(latest)} mà ${name} yêu cầu`,
            en: `The deadline for reporting to ${mine.to} (${formatDate(date)}) is later than ${formatDate(latest)}, the deadline ${name} sets`,
          },
          related,
        });
      }
    }
  },
});
