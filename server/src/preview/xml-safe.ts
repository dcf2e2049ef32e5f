// Code points XML 1.0 forbids (C0 controls but tab, LF and CR; U+FFFE, U+FFFF; a surrogate without
// its pair): one in word/document.xml makes Word refuse the file, one in the HTML is a parse error.
// The export replaces each with U+FFFD, one UTF-16 unit for one, so nothing else moves.
const XML_FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/gu;

export function xmlSafe(text: string): string {
  return text.replace(XML_FORBIDDEN, '\uFFFD');
}

/** How many code points xmlSafe replaces in `text`, for the export's notice. */
export function countXmlForbidden(text: string): number {
  return text.match(XML_FORBIDDEN)?.length ?? 0;
}
