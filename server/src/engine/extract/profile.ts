// Which kind of plan this is (state, Party, trade union), from its header and signature.
import type { PlanHeader, ProfileName, Signature } from '../model.js';

export function detectProfile(header: PlanHeader, signature: Signature | undefined): ProfileName {
  if (header.partyHeader || header.number?.form === 'party') return 'dang';
  const agencies = [header.parentAgency?.text, header.agency?.text].filter(Boolean).join(' ');
  if (/CÔNG ĐOÀN|LIÊN ĐOÀN LAO ĐỘNG/u.test(agencies)) return 'congdoan';
  const issuer = header.number?.issuerCode ?? '';
  if (/^(CĐ|CDN|CĐN|CĐCS|LĐLĐ|TLĐ)/u.test(issuer)) return 'congdoan';
  if (!agencies && /BAN (CHẤP HÀNH|THƯỜNG VỤ) (CĐCS|CÔNG ĐOÀN)/u.test(signature?.authority?.text ?? '')) return 'congdoan';
  return 'nd30';
}
