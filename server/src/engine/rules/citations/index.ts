import type { Rule } from '../../rule.js';

export const citationsRules: Rule[] = [];
