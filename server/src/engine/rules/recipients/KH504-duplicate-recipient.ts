import type { RecipientEntry } from '../../model.js';
import { defineRule } from '../../rule.js';
import { namesEqual } from '../../agency-names.js';

export const duplicateRecipient = defineRule({
  meta: {
    id: 'KH504',
    slug: 'duplicate-recipient',
    area: 'recipients',
    defaultSeverity: 'warning',
    title: { vi: 'Nơi nhận bị lặp', en: 'Duplicate recipient' },
    description: {
      vi: 'Một cơ quan, đơn vị chỉ ghi một lần trong Nơi nhận, kể cả khi một lần viết tắt và một lần viết đầy đủ ("Sở GDĐT" và "Sở Giáo dục và Đào tạo").',
      en: 'An agency is listed once among the recipients, even when written once abbreviated and once in full ("Sở GDĐT" and "Sở Giáo dục và Đào tạo").',
    },
    fixes: [],
  },
  check({ model, report }) {
    const seen: RecipientEntry[] = [];
    for (const entry of model.recipients?.entries ?? []) {
      if (entry.isArchive || !entry.name) continue;
      const first = seen.find((earlier) => namesEqual(earlier.name, entry.name));
      if (!first) {
        seen.push(entry);
        continue;
      }
      report({
        range: entry.range,
        message: {
          vi: `"${entry.name}" đã có trong Nơi nhận ("${first.name}", dòng ${first.line + 1})`,
          en: `"${entry.name}" is already among the recipients ("${first.name}", line ${first.line + 1})`,
        },
        related: [{ range: first.range, message: { vi: `Lần ghi đầu tiên: "${first.name}"`, en: `First listed here: "${first.name}"` } }],
      });
    }
  },
});
