import { planSymbol } from '../../extract/number.js';
import { namesSameAgency } from '../../agency-names.js';
import { defineRule } from '../../rule.js';
import { fileName } from '../citations/KH405-citation-unresolved.js';

export const duplicateNumber = defineRule({
  meta: {
    id: 'KH208',
    slug: 'duplicate-number',
    area: 'header',
    defaultSeverity: 'error',
    title: { vi: 'Số kế hoạch bị trùng', en: 'Duplicate plan number' },
    description: {
      vi: 'Hai kế hoạch trong thư mục có cùng số, ký hiệu và cùng năm ban hành: số văn bản được đánh liên tục trong một năm, không lặp lại (Nghị định 30/2020/NĐ-CP, Phụ lục I, mục II.3).',
      en: 'Two plans in the folder share a number and symbol in the same year: document numbers run on through a year and never repeat (Decree 30/2020/ND-CP, Annex I, II.3).',
    },
    fixes: [],
  },
  check({ model, workspace, report }) {
    const number = model.header.number;
    const year = model.header.placeDate?.date?.year;
    // A blank number ("Số:      /KH-UBND", a draft awaiting its number) cannot clash.
    if (!workspace || !number?.number || number.form === 'unknown' || year === undefined) return;
    const symbol = planSymbol(number);
    if (!symbol) return;
    // Numbers run per agency: two district committees may both issue a 15/KH-UBND in one year.
    const agency = model.header.agency?.text;
    const others = workspace.index
      .plansNumbered(symbol)
      .filter(
        (plan) =>
          plan.uri !== workspace.uri && plan.summary.date?.year === year && (agency === undefined || plan.summary.agency === undefined || namesSameAgency(agency, plan.summary.agency)),
      );
    if (others.length === 0) return;
    const names = others.map((plan) => fileName(plan.uri)).join(', ');
    report({
      range: number.valueRange,
      message: {
        vi: `Số ${symbol} đã được dùng cho kế hoạch khác năm ${year}: ${names}`,
        en: `Number ${symbol} is already used by another plan of ${year}: ${names}`,
      },
      related: others.map((plan) => ({
        uri: plan.uri,
        range: plan.summary.numberRange ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        message: { vi: `Kế hoạch cùng số (${fileName(plan.uri)})`, en: `Plan with the same number (${fileName(plan.uri)})` },
      })),
    });
  },
});
