import type { Rule } from '../../rule.js';
import { missingNumber } from './KH201-missing-number.js';

export const headerRules: Rule[] = [missingNumber];
