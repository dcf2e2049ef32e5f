import type { Rule } from '../../rule.js';
import { missingSection } from './KH101-missing-section.js';
import { sectionOrder } from './KH102-section-order.js';
import { sectionNumbering } from './KH103-section-numbering.js';
import { headingLevel } from './KH104-heading-level.js';
import { emptySection } from './KH105-empty-section.js';

export const sectionsRules: Rule[] = [missingSection, sectionOrder, sectionNumbering, headingLevel, emptySection];
