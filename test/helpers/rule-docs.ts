// The header of a rule's page (docs/rules/KHnnn.md), in Vietnamese then English, made from the
// rule's metadata: the title line, then its area, default severity and fix safety. The rules
// test holds every page against it; `vitest -u` writes it into the pages.
import type { FixSafety, Locale, RuleArea, RuleMeta, Severity } from '../../server/src/engine/types.js';

const AREAS: Record<RuleArea, { vi: string; en: string }> = {
  sections: { vi: 'các mục', en: 'sections' },
  header: { vi: 'phần đầu', en: 'header' },
  dates: { vi: 'ngày tháng', en: 'dates' },
  citations: { vi: 'viện dẫn', en: 'citations' },
  recipients: { vi: 'nơi nhận', en: 'recipients' },
  signature: { vi: 'chữ ký', en: 'signature' },
  text: { vi: 'văn bản', en: 'text' },
};

const SEVERITIES: Record<Severity, string> = { error: 'lỗi', warning: 'cảnh báo', info: 'thông tin' };

const FIX_SAFETIES: Record<FixSafety, { vi: string; en: string }> = {
  safe: { vi: 'an toàn (`safe`), áp dụng khi sửa tất cả và `--fix`', en: 'safe (`safe`), applied by fix-all and `--fix`' },
  review: { vi: 'cần xem lại (`review`), không tự áp dụng khi sửa tất cả', en: 'for review (`review`), never applied by fix-all' },
};

function factsLine(meta: RuleMeta, locale: Locale): string {
  const fixes = meta.fixes.map((safety) => FIX_SAFETIES[safety][locale]);
  if (locale === 'en') {
    const fix = fixes.length > 0 ? `yes, ${fixes.join('; or ')}` : 'no';
    return `Default severity: **${meta.defaultSeverity}** · Area: ${AREAS[meta.area].en} · Quick fix: ${fix}`;
  }
  const fix = fixes.length > 0 ? `có, ${fixes.join('; hoặc ')}` : 'không';
  return `Mức mặc định: **${SEVERITIES[meta.defaultSeverity]}** (\`${meta.defaultSeverity}\`) · Nhóm: ${AREAS[meta.area].vi} · Sửa nhanh: ${fix}`;
}

const FACTS_START = { vi: 'Mức mặc định:', en: 'Default severity:' };

/**
 * The page with both headers rewritten from the metadata: each is the "# KHnnn `slug` — title"
 * line, a blank line and the facts line (inserted when the page has none).
 */
export function withMetadataHeaders(page: string, meta: RuleMeta): string {
  const lines = page.split('\n');
  const titles = lines.flatMap((line, i) => (line.startsWith(`# ${meta.id} `) ? [i] : []));
  (['en', 'vi'] as const).forEach((locale) => {
    // The English part follows the Vietnamese one: rewritten first, the Vietnamese lines keep their places.
    const at = locale === 'vi' ? titles[0] : titles[1];
    if (at === undefined) return;
    const hasFacts = lines[at + 2]?.startsWith(FACTS_START[locale]) ?? false;
    lines.splice(at, hasFacts ? 3 : 2, `# ${meta.id} \`${meta.slug}\` — ${meta.title[locale]}`, '', factsLine(meta, locale), ...(hasFacts ? [] : ['']));
  });
  return lines.join('\n');
}
