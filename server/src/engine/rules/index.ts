// Every single-document rule, grouped by the area of the plan it checks.
import type { Rule } from '../rule.js';
import { citationsRules } from './citations/index.js';
import { datesRules } from './dates/index.js';
import { headerRules } from './header/index.js';
import { recipientsRules } from './recipients/index.js';
import { sectionsRules } from './sections/index.js';
import { signatureRules } from './signature/index.js';
import { textRules } from './text/index.js';

export const RULES: readonly Rule[] = [
  ...sectionsRules,
  ...headerRules,
  ...datesRules,
  ...citationsRules,
  ...recipientsRules,
  ...signatureRules,
  ...textRules,
];

/** The rules that may offer a safe fix: all that fix-all needs to run. */
export const RULES_WITH_SAFE_FIXES: readonly Rule[] = RULES.filter((rule) => rule.meta.fixes.includes('safe'));

export function ruleById(id: string): Rule | undefined {
  return RULES.find((rule) => rule.meta.id === id);
}
