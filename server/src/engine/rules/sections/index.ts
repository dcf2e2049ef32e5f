import type { Rule } from '../../rule.js';

export const sectionsRules: Rule[] = [];
