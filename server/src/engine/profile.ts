// Requirement profiles: which sections a plan must have, in which order, under which names.
import type { ProfileName } from './model.js';
import type { SeveritySetting } from './types.js';

export interface SectionRequirement {
  key: string;
  /** Canonical title, upper case, as inserted by the KH101 fix. */
  title: string;
  aliases: string[];
  /** How a missing section is reported; 'off' for optional sections (still used for ordering). */
  severity: SeveritySetting;
  /** Other section keys whose presence satisfies this requirement ("purpose" or "goals"). */
  satisfiedBy?: string[];
}

export interface Profile {
  name: ProfileName;
  /** Sections in their expected order. */
  sections: SectionRequirement[];
  /** The number form: "Số: 12/KH-UBND" (state) or "Số 45-KH/TU" (Party). */
  numberForm: 'state' | 'party';
  /** Which heading the plan carries beside the agency. */
  headerKind: 'motto' | 'party' | 'youth';
}

const STANDARD_SECTIONS: SectionRequirement[] = [
  {
    key: 'purpose',
    title: 'MỤC ĐÍCH, YÊU CẦU',
    aliases: ['MỤC ĐÍCH YÊU CẦU', 'MỤC ĐÍCH VÀ YÊU CẦU', 'MỤC ĐÍCH', 'YÊU CẦU'],
    severity: 'error',
    satisfiedBy: ['goals'],
  },
  {
    key: 'goals',
    title: 'MỤC TIÊU',
    aliases: ['MỤC TIÊU, CHỈ TIÊU', 'MỤC TIÊU VÀ CHỈ TIÊU', 'MỘT SỐ CHỈ TIÊU CHỦ YẾU', 'CHỈ TIÊU', 'MỤC TIÊU, NHIỆM VỤ'],
    severity: 'off',
  },
  {
    key: 'tasks',
    title: 'NHIỆM VỤ, GIẢI PHÁP',
    aliases: [
      'NỘI DUNG',
      'NỘI DUNG HOẠT ĐỘNG',
      'NHIỆM VỤ VÀ GIẢI PHÁP',
      'NHIỆM VỤ, GIẢI PHÁP CHỦ YẾU',
      'NHIỆM VỤ GIẢI PHÁP TRỌNG TÂM',
      'NHIỆM VỤ',
      'NỘI DUNG THỰC HIỆN',
      'CÁC NHIỆM VỤ, GIẢI PHÁP',
      'NỘI DUNG, NHIỆM VỤ',
      'NHIỆM VỤ TRỌNG TÂM',
      'HÌNH THỨC THỰC HIỆN',
    ],
    severity: 'error',
  },
  { key: 'funding', title: 'KINH PHÍ THỰC HIỆN', aliases: ['KINH PHÍ', 'KINH PHÍ HOẠT ĐỘNG'], severity: 'warning' },
  { key: 'organisation', title: 'TỔ CHỨC THỰC HIỆN', aliases: ['PHÂN CÔNG NHIỆM VỤ', 'TRÁCH NHIỆM THỰC HIỆN'], severity: 'error' },
  {
    key: 'reporting',
    title: 'CHẾ ĐỘ BÁO CÁO',
    aliases: ['TỔNG KẾT, ĐÁNH GIÁ - THÔNG TIN BÁO CÁO', 'THÔNG TIN BÁO CÁO', 'CHẾ ĐỘ THÔNG TIN BÁO CÁO', 'TỔNG KẾT, ĐÁNH GIÁ', 'KIỂM TRA, BÁO CÁO'],
    severity: 'off',
  },
];

export const PROFILES: Record<ProfileName, Profile> = {
  nd30: { name: 'nd30', sections: STANDARD_SECTIONS, numberForm: 'state', headerKind: 'motto' },
  dang: { name: 'dang', sections: STANDARD_SECTIONS, numberForm: 'party', headerKind: 'party' },
  congdoan: { name: 'congdoan', sections: STANDARD_SECTIONS, numberForm: 'state', headerKind: 'motto' },
  doan: { name: 'doan', sections: STANDARD_SECTIONS, numberForm: 'party', headerKind: 'youth' },
};
