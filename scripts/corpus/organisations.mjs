// The offices that issue the corpus's plans, arranged as in real life (province -> district ->
// school, state / trade union / Party lines), and the identity of every plan each office issues
// (number, date, topic, the plans of the level above it implements). Plans in one office cite the
// same parent plans, as real plans do, so a workspace-wide check sees real cross-references.
import { COMMUNES, FAMILY_NAMES, GIVEN_NAMES, MIDDLE_NAMES, PROVINCES, SCHOOL_KINDS, TOPICS } from './vocabulary.mjs';

/**
 * @typedef {{ prefix?: string, authority?: string, title: string }} Signing
 * @typedef {{
 *   slug: string, line: 'state' | 'union' | 'party', level: number,
 *   parentAgency?: string, agency: string, code: string, place: string, district?: string,
 *   name: string, shortName: string, parents: Office[], signings: Signing[], signer: string,
 *   weight: number, plans: PlanIdentity[],
 * }} Office
 * @typedef {{ office: Office, number: number, date: [number, number, number], topic: string,
 *   implements: PlanIdentity[], targetBytes: number, seed: number }} PlanIdentity
 */

const upper = (text) => text.toUpperCase();

/** "Nguyễn Thị Lan". */
export function personName(rng) {
  return `${rng.pick(FAMILY_NAMES)} ${rng.pick(MIDDLE_NAMES)} ${rng.pick(GIVEN_NAMES)}`;
}

/** Initials of a place name without diacritics' effect on letters: "Kim Thư" -> "KT". */
function initials(name) {
  return name
    .split(/\s+/)
    .map((word) => word[0])
    .join('')
    .toUpperCase();
}

export function slugify(text) {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** All offices, parents before children. */
export function buildOffices(rng) {
  /** @type {Office[]} */
  const offices = [];
  const add = (office) => {
    const full = { plans: [], parents: [], weight: 1, ...office, signer: personName(rng) };
    offices.push(full);
    return full;
  };
  for (const province of PROVINCES) {
    const unit = province.city ? 'thành phố' : 'tỉnh';
    const where = `${unit} ${province.name}`;
    const provinceSlug = slugify(province.name);
    const capital = province.districts[0][1];
    const committee = add({
      slug: `${provinceSlug}/ubnd`, line: 'state', level: 1, agency: upper(`ỦY BAN NHÂN DÂN ${where}`), code: 'UBND', place: province.city ? province.name : capital,
      name: `Ủy ban nhân dân ${where}`, shortName: `UBND ${unit}`,
      signings: [{ prefix: 'TM.', authority: 'ỦY BAN NHÂN DÂN', title: 'CHỦ TỊCH' }, { prefix: 'KT.', authority: 'CHỦ TỊCH', title: 'PHÓ CHỦ TỊCH' }],
    });
    const department = add({
      slug: `${provinceSlug}/so-gddt`, line: 'state', level: 2, parentAgency: upper(`UBND ${where}`), agency: 'SỞ GIÁO DỤC VÀ ĐÀO TẠO', code: 'SGDĐT', place: province.city ? province.name : capital,
      name: `Sở Giáo dục và Đào tạo ${province.name}`, shortName: 'Sở GDĐT', parents: [committee],
      signings: [{ title: 'GIÁM ĐỐC' }, { prefix: 'KT.', authority: 'GIÁM ĐỐC', title: 'PHÓ GIÁM ĐỐC' }],
    });
    const federation = add({
      slug: `${provinceSlug}/ldld`, line: 'union', level: 2, parentAgency: 'TỔNG LĐLĐ VIỆT NAM', agency: upper(`LIÊN ĐOÀN LAO ĐỘNG ${where}`), code: 'LĐLĐ', place: province.city ? province.name : capital,
      name: `Ban Thường vụ Liên đoàn Lao động ${unit}`, shortName: `LĐLĐ ${unit}`,
      signings: [{ prefix: 'TM.', authority: 'BAN THƯỜNG VỤ', title: 'CHỦ TỊCH' }, { prefix: 'TM.', authority: 'BAN THƯỜNG VỤ', title: 'PHÓ CHỦ TỊCH' }],
    });
    const partyCommittee = add({
      slug: `${provinceSlug}/tinh-uy`, line: 'party', level: 1, parentAgency: upper(`ĐẢNG BỘ ${where}`), agency: province.city ? 'THÀNH ỦY' : 'TỈNH ỦY', code: 'TU', place: province.city ? province.name : capital,
      name: province.city ? 'Thành ủy' : 'Tỉnh ủy', shortName: `Ban Thường vụ ${province.city ? 'Thành' : 'Tỉnh'} ủy`,
      signings: [{ prefix: 'T/M', authority: 'BAN THƯỜNG VỤ', title: 'PHÓ BÍ THƯ' }, { prefix: 'T/M', authority: 'BAN THƯỜNG VỤ', title: 'BÍ THƯ' }],
    });
    for (const [kind, district] of province.districts) {
      const districtWhere = `${kind} ${district}`;
      const districtSlug = `${provinceSlug}/${slugify(district)}`;
      const districtCommittee = add({
        slug: `${districtSlug}/ubnd`, line: 'state', level: 3, agency: upper(`ỦY BAN NHÂN DÂN ${districtWhere}`), code: 'UBND', place: district, district,
        name: `Ủy ban nhân dân ${districtWhere}`, shortName: `UBND ${kind}`, parents: [committee],
        signings: [{ prefix: 'TM.', authority: 'ỦY BAN NHÂN DÂN', title: 'CHỦ TỊCH' }, { prefix: 'KT.', authority: 'CHỦ TỊCH', title: 'PHÓ CHỦ TỊCH' }],
      });
      const office = add({
        slug: `${districtSlug}/pgddt`, line: 'state', level: 4, parentAgency: upper(`UBND ${districtWhere}`), agency: 'PHÒNG GIÁO DỤC VÀ ĐÀO TẠO', code: 'PGDĐT', place: district, district,
        name: `Phòng Giáo dục và Đào tạo ${districtWhere}`, shortName: 'Phòng GDĐT', parents: [department, districtCommittee], weight: 2,
        signings: [{ title: 'TRƯỞNG PHÒNG' }, { prefix: 'KT.', authority: 'TRƯỞNG PHÒNG', title: 'PHÓ TRƯỞNG PHÒNG' }],
      });
      add({
        slug: `${districtSlug}/ldtbxh`, line: 'state', level: 4, parentAgency: upper(`UBND ${districtWhere}`), agency: 'PHÒNG LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI', code: 'LĐTBXH', place: district, district,
        name: `Phòng Lao động - Thương binh và Xã hội ${districtWhere}`, shortName: 'Phòng LĐ-TB&XH', parents: [districtCommittee],
        signings: [{ title: 'TRƯỞNG PHÒNG' }, { prefix: 'KT.', authority: 'TRƯỞNG PHÒNG', title: 'PHÓ TRƯỞNG PHÒNG' }],
      });
      const districtFederation = add({
        slug: `${districtSlug}/ldld`, line: 'union', level: 3, parentAgency: upper(`LĐLĐ ${where}`), agency: upper(`LIÊN ĐOÀN LAO ĐỘNG ${districtWhere}`), code: 'LĐLĐ', place: district, district,
        name: `Liên đoàn Lao động ${districtWhere}`, shortName: `LĐLĐ ${kind}`, parents: [federation],
        signings: [{ prefix: 'TM.', authority: 'BAN THƯỜNG VỤ', title: 'CHỦ TỊCH' }],
      });
      const educationUnion = add({
        slug: `${districtSlug}/cdgd`, line: 'union', level: 4, parentAgency: upper(`LĐLĐ ${districtWhere}`), agency: upper(`CÔNG ĐOÀN GIÁO DỤC ${districtWhere}`), code: 'CĐGD', place: district, district,
        name: `Công đoàn Giáo dục ${districtWhere}`, shortName: 'Công đoàn Giáo dục', parents: [districtFederation, federation],
        signings: [{ prefix: 'TM.', authority: 'BAN THƯỜNG VỤ', title: 'CHỦ TỊCH' }, { prefix: 'TM.', authority: 'BAN THƯỜNG VỤ', title: 'PHÓ CHỦ TỊCH' }],
      });
      const partyWord = { quận: 'QUẬN ỦY', huyện: 'HUYỆN ỦY', 'thành phố': 'THÀNH ỦY', 'thị xã': 'THỊ ỦY' }[kind];
      const districtParty = add({
        slug: `${districtSlug}/huyen-uy`, line: 'party', level: 3, parentAgency: upper(`ĐẢNG BỘ ${where}`), agency: `${partyWord} ${upper(district)}`, code: { quận: 'QU', huyện: 'HU', 'thành phố': 'TU', 'thị xã': 'TX' }[kind], place: district, district,
        name: `Ban Thường vụ ${partyWord[0]}${partyWord.slice(1).toLowerCase()}`, shortName: `Ban Thường vụ ${partyWord[0]}${partyWord.slice(1).toLowerCase()}`, parents: [partyCommittee],
        signings: [{ prefix: 'T/M', authority: 'BAN THƯỜNG VỤ', title: 'PHÓ BÍ THƯ' }],
      });
      for (const commune of rng.sample(COMMUNES, 3)) {
        const kindOfSchool = rng.pick(SCHOOL_KINDS);
        const schoolName = `${kindOfSchool.name} ${upper(commune)}`;
        const schoolSlug = `${districtSlug}/${slugify(`${kindOfSchool.short} ${commune}`)}`;
        add({
          slug: schoolSlug, line: 'state', level: 5, parentAgency: upper(`PHÒNG GDĐT ${districtWhere}`), agency: schoolName, code: `${kindOfSchool.code}${initials(commune)}`, place: commune, district,
          name: `${kindOfSchool.display} ${commune}`, shortName: 'Nhà trường', parents: [office], weight: 1.2,
          signings: [{ title: 'HIỆU TRƯỞNG' }, { prefix: 'KT.', authority: 'HIỆU TRƯỞNG', title: 'PHÓ HIỆU TRƯỞNG' }],
        });
        add({
          slug: `${schoolSlug}-cdcs`, line: 'union', level: 5, parentAgency: upper(`CÔNG ĐOÀN GIÁO DỤC ${districtWhere}`), agency: `CÔNG ĐOÀN ${schoolName}`, code: 'CĐCS', place: commune, district,
          name: `Công đoàn ${kindOfSchool.display} ${commune}`, shortName: 'BCH Công đoàn', parents: [educationUnion],
          signings: [{ prefix: 'TM.', authority: 'BAN CHẤP HÀNH', title: 'CHỦ TỊCH' }, { prefix: 'TM.', authority: 'BAN CHẤP HÀNH CĐCS', title: 'CHỦ TỊCH' }],
        });
        if (rng.chance(0.4)) {
          add({
            slug: `${schoolSlug}-chi-bo`, line: 'party', level: 5, parentAgency: upper(`ĐẢNG BỘ ${districtWhere}`), agency: `CHI BỘ ${schoolName}`, code: 'CB', place: commune, district,
            name: `Chi bộ ${kindOfSchool.display} ${commune}`, shortName: 'Chi bộ', parents: [districtParty], weight: 0.6,
            signings: [{ prefix: 'T/M', authority: 'CHI BỘ', title: 'BÍ THƯ' }],
          });
        }
      }
    }
  }
  return offices;
}

const YEARS = [2019, 2020, 2021, 2022, 2023, 2024];

/** Days in a month of a year. */
export function daysIn(month, year) {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Sortable day number of a [day, month, year] date. */
export function dayNumber([day, month, year]) {
  return Date.UTC(year, month - 1, day) / 86_400_000;
}

/** A plan's size in bytes: most plans 5-25 KB, a few long ones of 30-60 KB. */
function planSize(rng) {
  if (rng.chance(0.05)) return rng.int(30_000, 56_000);
  return Math.round(Math.min(28_000, Math.max(3_500, rng.logNormal(9_500, 0.45))));
}

/**
 * Gives `count` plans to the offices in proportion to their weights, parents first, each with a
 * date, a number (restarting every year, as registers do) and the parent plans it implements.
 * @param {Office[]} offices
 * @returns {PlanIdentity[]}
 */
export function assignPlans(offices, count, rng) {
  const totalWeight = offices.reduce((sum, office) => sum + office.weight, 0);
  let remaining = count;
  offices.forEach((office, i) => {
    const share = i === offices.length - 1 ? remaining : Math.min(remaining, Math.round((count * office.weight) / totalWeight));
    remaining -= share;
    const dates = [];
    for (let k = 0; k < share; k++) {
      const year = rng.pick(YEARS);
      const month = rng.int(1, 12);
      dates.push([rng.int(1, daysIn(month, year)), month, year]);
    }
    dates.sort((a, b) => dayNumber(a) - dayNumber(b));
    let number = 0;
    let year = 0;
    for (const date of dates) {
      if (date[2] !== year) {
        year = date[2];
        number = rng.int(1, 30);
      }
      number += rng.int(1, office.level <= 2 ? 60 : 12);
      const implemented = implementedPlans(office, date, rng);
      const topic = implemented.length > 0 && rng.chance(0.75) ? implemented[0].topic : rng.pick(TOPICS);
      office.plans.push({ office, number, date, topic, implements: implemented, targetBytes: planSize(rng), seed: Math.floor(rng.next() * 4294967296) });
    }
  });
  return offices.flatMap((office) => office.plans);
}

/** Up to two recent plans of the parent offices, dated before `date`. */
function implementedPlans(office, date, rng) {
  const day = dayNumber(date);
  const candidates = [];
  for (const parent of office.parents) {
    const before = parent.plans.filter((plan) => dayNumber(plan.date) < day && day - dayNumber(plan.date) < 400);
    candidates.push(...before.slice(-4));
  }
  return rng.sample(candidates, rng.int(1, 2));
}
