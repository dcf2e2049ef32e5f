// A long plan with many fixes, for the fix-all benchmark and the tests of fix-all on large input:
// one plan whose first section's body is repeated up to a size, in decomposed Unicode (NFD), so
// every line of text gets a KH702 fix. Copies of a whole plan would not do: past 89 sections KH101
// numbers an inserted section in a way the section recogniser does not read back.

const ROMAN_SECTION = /^(?:#+\s*)?\**[IVXL]+\.\s/u;

/**
 * @param {string} plan a plan with at least two Roman sections ("I. …", "**II. …**", "## III. …")
 * @param {number} bytes the size to reach, in UTF-8 bytes of the decomposed text
 * @returns {string}
 */
export function longDecomposedPlan(plan, bytes) {
  const lines = plan.normalize('NFD').split('\n');
  const first = lines.findIndex((line) => ROMAN_SECTION.test(line));
  const second = lines.findIndex((line, index) => index > first && ROMAN_SECTION.test(line));
  if (first < 0 || second < 0) throw new Error('the plan needs two Roman sections');
  const head = lines.slice(0, first + 1).join('\n');
  const body = lines.slice(first + 1, second).join('\n');
  const rest = lines.slice(second).join('\n');
  const bodyBytes = Buffer.byteLength(body) + 1;
  const copies = Math.max(1, Math.ceil((bytes - Buffer.byteLength(head) - Buffer.byteLength(rest)) / bodyBytes));
  return [head, ...Array.from({ length: copies }, () => body), rest].join('\n');
}
