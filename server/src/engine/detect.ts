// Whether a Markdown file found while walking a folder is a plan. A cheap text test, no parse:
// a "KẾ HOẠCH" title or a "Số .../KH" line near the top, or front matter "kehoach: true".
import { isUtf8 } from 'node:buffer';

const HEAD_CHARS = 4000;

export function looksLikePlan(text: string): boolean {
  const head = text.slice(0, HEAD_CHARS).normalize('NFC');
  const frontMatter = /^---[ \t]*\r?\n([\s\S]*?)\r?\n---/.exec(head);
  if (frontMatter) {
    const flag = /^kehoach\s*:\s*(\S+)/m.exec(frontMatter[1]!);
    if (flag) return flag[1] === 'true' || flag[1] === 'yes';
  }
  const lines = head.split('\n').slice(0, 40);
  return lines.some((line) => {
    const text = line.replace(/[#*_|>\s]+/g, ' ').trim();
    // The title starts its line, or follows the rest of a header typed on one line (extract/pasted.ts
    // splits such a line); "Kế hoạch" alone on its line is a title in sentence case.
    if (/^KẾ\s+HOẠCH(?:$|\s|:)/u.test(text) || /^Kế\s+hoạch$/u.test(text) || /(?:^|\s)Số\s*:?\s*[\d.…_ ]*[-/]\s*KH/u.test(text)) return true;
    // Inside a line only with the rest of a header around it: "BÁO CÁO … THỰC HIỆN KẾ HOẠCH" is no plan.
    return /\sKẾ\s+HOẠCH(?:$|\s|:)/u.test(text) && /Số\s*:|CỘNG\s+H(?:OÀ|ÒA)|,\s*ngày/u.test(text);
  });
}

/** A file that is not text: a NUL byte, or many bytes that are not valid UTF-8, near the start. */
export function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 8000);
  if (sample.includes(0)) return true;
  // Valid UTF-8 up to a character cut by the sample's end has at most 3 replacements, too few to
  // count from 100 bytes on; checking that natively spares decoding every file of a folder.
  if (sample.length >= 100 && isUtf8(sample.subarray(0, sample.length - cutCharacterLength(sample)))) return false;
  const decoded = new TextDecoder('utf-8', { fatal: false }).decode(sample);
  const replacements = decoded.split('\uFFFD').length - 1;
  return replacements > sample.length / 100 + 2;
}

/** Bytes at the end of `bytes` that start a multi-byte character without finishing it. */
function cutCharacterLength(bytes: Uint8Array): number {
  for (let back = 1; back <= Math.min(3, bytes.length); back++) {
    const byte = bytes[bytes.length - back]!;
    if ((byte & 0xc0) === 0x80) continue;
    const needed = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return needed > back ? back : 0;
  }
  return 0;
}
