// Whether a Markdown text is a plan. A cheap text test, no parse:
// a "KẾ HOẠCH" title or a "Số .../KH" line near the top, or front matter "kehoach: true".
import { frontMatterEnd, splitLines } from './text.js';

const HEAD_CHARS = 4000;

export function looksLikePlan(text: string): boolean {
  const head = text.slice(0, HEAD_CHARS).normalize('NFC');
  const frontMatter = head.slice(0, frontMatterEnd(head));
  if (frontMatter) {
    const flag = /^kehoach\s*:\s*(\S+)/m.exec(frontMatter);
    if (flag) return flag[1] === 'true' || flag[1] === 'yes';
  }
  const lines = splitLines(head).slice(0, 40);
  return lines.some((line) => {
    const text = line.replace(/[#*_|>\s]+/g, ' ').trim();
    // The title starts its line, or follows the rest of a header typed on one line (extract/pasted.ts
    // splits such a line); "Kế hoạch" alone on its line is a title in sentence case.
    if (/^KẾ\s+HOẠCH(?:$|\s|:)/u.test(text) || /^Kế\s+hoạch$/u.test(text) || /(?:^|\s)Số\s*:?\s*[\d.…_ ]*[-/]\s*KH/u.test(text)) return true;
    // Inside a line only with the rest of a header around it: "BÁO CÁO … THỰC HIỆN KẾ HOẠCH" is no plan.
    return /\sKẾ\s+HOẠCH(?:$|\s|:)/u.test(text) && /Số\s*:|CỘNG\s+H(?:OÀ|ÒA)|,\s*ngày/u.test(text);
  });
}
