import type { Rule } from '../../rule.js';
import { missingNumber } from './KH201-missing-number.js';
import { numberFormat } from './KH202-number-format.js';
import { missingDate } from './KH203-missing-date.js';
import { dateFormat } from './KH204-date-format.js';
import { missingTitle } from './KH206-missing-title.js';
import { missingAgency } from './KH207-missing-agency.js';
import { duplicateNumber } from './KH208-duplicate-number.js';

export const headerRules: Rule[] = [missingNumber, numberFormat, missingDate, dateFormat, missingTitle, missingAgency, duplicateNumber];
