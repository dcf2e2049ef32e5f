import type { Rule } from '../../rule.js';
import { missingBasis } from './KH401-missing-basis.js';
import { citationIncomplete } from './KH402-citation-incomplete.js';
import { citationTypeMismatch } from './KH403-citation-type-mismatch.js';
import { citationConflict } from './KH404-citation-conflict.js';
import { citationUnresolved } from './KH405-citation-unresolved.js';
import { citationFormat } from './KH406-citation-format.js';
import { citationYearMismatch } from './KH407-citation-year-mismatch.js';

export const citationsRules: Rule[] = [missingBasis, citationIncomplete, citationTypeMismatch, citationConflict, citationUnresolved, citationFormat, citationYearMismatch];
