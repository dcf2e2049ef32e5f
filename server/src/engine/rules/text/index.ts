import type { Rule } from '../../rule.js';
import { undefinedAbbreviation } from './KH701-undefined-abbreviation.js';
import { unicodeNormalization } from './KH702-unicode-normalization.js';

export const textRules: Rule[] = [undefinedAbbreviation, unicodeNormalization];
