import type { Rule } from '../../rule.js';

export const signatureRules: Rule[] = [];
