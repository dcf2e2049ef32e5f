import type { Rule } from '../../rule.js';
import { invalidDate } from './KH205-invalid-date.js';
import { citationAfterIssue } from './KH301-citation-after-issue.js';
import { deadlineBeforeIssue } from './KH302-deadline-before-issue.js';
import { periodOrder } from './KH303-period-order.js';
import { outsideParentPlan } from './KH304-outside-parent-plan.js';

export const datesRules: Rule[] = [invalidDate, citationAfterIssue, deadlineBeforeIssue, periodOrder, outsideParentPlan];
