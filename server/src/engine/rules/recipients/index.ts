import type { Rule } from '../../rule.js';

export const recipientsRules: Rule[] = [];
