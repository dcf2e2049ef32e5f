// What the fuzz runs type into a plan, and plans mutated with it for the `--fix` runs: letters with
// and without diacritics, every kind of line break, NUL, halves of a surrogate pair, plan shapes.
import fc from 'fast-check';

export const typed = fc.constantFrom('a', 'ư', 'ệ', ' ', '\n', '\r\n', '\r', '\0', '#', '|', '*', 'Số: 12/KH-UBND', '😀', '\ud83d', '\ude00', 'ngày 8 tháng 5 năm 2021');

const lineBreaks = fc.constantFrom('\n', '\r\n', '\r', 'mixed');

/** `perPlan` mutations of each plan, drawn from `seed`: its line breaks changed, then a few insertions. */
export function mutatedPlans(plans: readonly string[], seed: number, perPlan: number): string[] {
  const mutation = fc.record({ breaks: lineBreaks, insertions: fc.array(fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), text: typed }), { maxLength: 8 }) });
  const drawn = fc.sample(mutation, { seed, numRuns: plans.length * perPlan });
  return drawn.map(({ breaks, insertions }, i) => {
    const lines = plans[Math.floor(i / perPlan)]!.split(/\r\n|\r|\n/);
    let text = breaks === 'mixed' ? lines.map((line, n) => line + ['\n', '\r\n', '\r'][n % 3]).join('') : lines.join(breaks);
    for (const { at, text: inserted } of insertions) {
      const offset = Math.floor(at * text.length);
      text = text.slice(0, offset) + inserted + text.slice(offset);
    }
    return text;
  });
}
