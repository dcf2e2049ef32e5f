import type { Rule } from '../../rule.js';
import { missingRecipients } from './KH501-missing-recipients.js';
import { recipientFormat } from './KH502-recipient-format.js';
import { missingArchive } from './KH503-missing-archive.js';
import { duplicateRecipient } from './KH504-duplicate-recipient.js';
import { sourceNotInformed } from './KH505-source-not-informed.js';
import { taskUnitNotInformed } from './KH506-task-unit-not-informed.js';

export const recipientsRules: Rule[] = [missingRecipients, recipientFormat, missingArchive, duplicateRecipient, sourceNotInformed, taskUnitNotInformed];
