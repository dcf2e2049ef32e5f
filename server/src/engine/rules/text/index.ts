import type { Rule } from '../../rule.js';
import { undefinedAbbreviation } from './KH701-undefined-abbreviation.js';
import { unicodeNormalization } from './KH702-unicode-normalization.js';
import { spelling } from './KH703-spelling.js';
import { capitalization } from './KH704-capitalization.js';

export const textRules: Rule[] = [undefinedAbbreviation, unicodeNormalization, spelling, capitalization];
