import type { Rule } from '../../rule.js';
import { missingSignature } from './KH601-missing-signature.js';
import { signatureAuthority } from './KH602-signature-authority.js';
import { missingSigner } from './KH603-missing-signer.js';

export const signatureRules: Rule[] = [missingSignature, signatureAuthority, missingSigner];
