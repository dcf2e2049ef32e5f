import type { Rule } from '../../rule.js';

export const datesRules: Rule[] = [];
