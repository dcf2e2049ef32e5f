// Which kind of plan this is (state, Party, trade union, Youth Union), from its header and signature.
import type { PlanHeader, ProfileName, Signature } from '../model.js';

const UNION = /CÔNG ĐOÀN|LIÊN ĐOÀN LAO ĐỘNG/u;
/** Youth Union and Young Pioneers bodies: "ĐOÀN TRƯỜNG THPT …", "THÀNH ĐOÀN HÀ NỘI", "BCH ĐOÀN XÃ", "LIÊN ĐỘI …". */
const YOUTH = /(?:^|\s)(?:THÀNH|TỈNH|HUYỆN|QUẬN|THỊ|CHI)\s+ĐOÀN(?:\s|$)|(?:^|\s)ĐOÀN\s+(?:TRƯỜNG|XÃ|PHƯỜNG|THỊ\s+TRẤN|KHỐI|TNCS)(?:\s|$)|BCH\s+ĐOÀN|LIÊN\s+ĐỘI|HỘI\s+ĐỒNG\s+ĐỘI/u;

export function detectProfile(header: PlanHeader, signature: Signature | undefined): ProfileName {
  const agencies = [header.parentAgency?.text, header.agency?.text].filter(Boolean).join(' ');
  if (header.youthHeader) return 'doan';
  if (header.partyHeader) return 'dang';
  if (UNION.test(agencies)) return 'congdoan';
  // The Youth Union numbers its plans as the Party does ("225-KH/TWĐTN"): its name decides before the number.
  if (YOUTH.test(agencies)) return 'doan';
  if (header.number?.form === 'party') return 'dang';
  const issuer = header.number?.issuerCode ?? '';
  if (/^(CĐ|CDN|CĐN|CĐCS|LĐLĐ|TLĐ)/u.test(issuer)) return 'congdoan';
  if (!agencies && /BAN (CHẤP HÀNH|THƯỜNG VỤ) (CĐCS|CÔNG ĐOÀN)/u.test(signature?.authority?.text ?? '')) return 'congdoan';
  return 'nd30';
}
