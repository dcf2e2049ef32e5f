// Renders one plan identity (organisations.mjs) as a Markdown draft: the header as plain lines or
// a two-column table, the title and summary, the basis citations, numbered sections of the body,
// the closing sentence, the recipients and the signing block. Every part takes one of the shapes
// drafts really have (PLAN-ANATOMY.md §3), and a share of plans carries the defects the linter
// looks for, so the benchmark exercises the rules' slow paths too.
import { dayNumber } from './organisations.mjs';
import {
  ABBREVIATIONS, ACADEMIC_TITLES, CLOSINGS, FUNDING_TEXTS, LAWS, NATIONAL_DOCUMENTS, OBJECTS, OPENERS, ORGANISATION_UNITS,
  OTHER_RECIPIENTS, PURPOSES, RECIPIENT_NOTES, SCOPES, SECTIONS, TAILS, TARGET_GROUPS, TARGET_OUTCOMES, TASK_TITLES,
} from './vocabulary.mjs';

/** Probability of each defect; drawn independently per plan. */
const DEFECTS = {
  dropSection: 0.07, swapSections: 0.03, skipNumber: 0.04, repeatNumber: 0.03, mixedHeadingLevels: 0.08, emptySection: 0.03,
  missingNumber: 0.03, badNumber: 0.03, missingPlaceDate: 0.02, issueDateFormat: 0.1, invalidDate: 0.03, missingTitle: 0.02, missingAgency: 0.08,
  citationAfterIssue: 0.04, deadlineBeforeIssue: 0.04, periodBackwards: 0.02, unresolved: 0.04,
  missingBasis: 0.03, citationIncomplete: 0.05, typeMismatch: 0.03, citationConflict: 0.03, citationFormat: 0.06, yearMismatch: 0.03,
  missingRecipients: 0.03, recipientPunctuation: 0.1, missingArchive: 0.04, duplicateRecipient: 0.03,
  missingSignature: 0.02, wrongAuthority: 0.03, academicTitle: 0.02,
  nfdWhole: 0.03, nfdParagraph: 0.04, oldTonePlacement: 0.08, ocrArtefacts: 0.05, crlf: 0.05,
};

const capitalize = (text) => text[0].toUpperCase() + text.slice(1);
const lowerFirst = (text) => text[0].toLowerCase() + text.slice(1);
const pad = (n, zero) => (zero && n < 10 ? `0${n}` : String(n));

/** A date `days` after (or before, when negative) another. */
function shift([day, month, year], days) {
  const d = new Date(Date.UTC(year, month - 1, day) + days * 86_400_000);
  return [d.getUTCDate(), d.getUTCMonth() + 1, d.getUTCFullYear()];
}

class PlanWriter {
  /** @param {import('./organisations.mjs').PlanIdentity} identity @param {import('./random.mjs').Random} rng */
  constructor(identity, rng, targetBytes) {
    this.identity = identity;
    this.office = identity.office;
    this.rng = rng;
    this.targetBytes = targetBytes;
    this.date = identity.date;
    this.year = identity.date[2];
    const defects = new Set();
    for (const [name, p] of Object.entries(DEFECTS)) if (rng.chance(p)) defects.add(name);
    this.defects = defects;
    const periodStart = this.year - rng.int(0, 1);
    const periodEnd = periodStart + rng.pick([2, 3, 4, 5, 9]);
    const drawn = defects.has('periodBackwards') ? [periodEnd, periodStart] : [periodStart, periodEnd];
    this.topic = topicText(identity.topic, this.date, drawn, rng.chance(0.7) ? '-' : ' - ');
    /** The years the plan covers, as its summary states them; targets and deadlines stay inside. */
    this.period = periodOf(identity.topic, this.date, drawn);
    this.abbreviations = rng.sample(ABBREVIATIONS, rng.int(1, 4));
    /** Abbreviations already written once (the first use may define it in brackets). */
    this.abbreviationsUsed = new Set();
    // Plan-wide style, as one drafter keeps one habit (mostly).
    this.sectionForm = rng.weighted([[35, 'plain'], [20, 'bold'], [45, 'heading']]);
    this.sectionDepth = rng.int(1, 4);
    this.sectionBoldInHeading = rng.chance(0.5);
    this.itemForm = rng.weighted([[40, 'plain'], [30, 'bold'], [20, 'heading'], [10, 'boldItalic']]);
    this.bullet = rng.weighted([[55, '-'], [10, '+'], [10, '*'], [8, '•'], [7, '–'], [10, '']]);
    this.looseBullets = rng.chance(0.5);
    this.usedSymbols = [];
  }

  // ---- small pieces -------------------------------------------------------------------------

  longDate([day, month, year], zeroDay = this.rng.chance(0.7), zeroMonth = this.rng.chance(0.3)) {
    return `ngày ${pad(day, zeroDay)} tháng ${pad(month, zeroMonth)} năm ${year}`;
  }

  numericDate([day, month, year]) {
    return `${pad(day, this.rng.chance(0.6))}/${pad(month, this.rng.chance(0.5))}/${year}`;
  }

  anyDate(date) {
    return this.rng.chance(0.7) ? `ngày ${this.numericDate(date)}` : this.longDate(date);
  }

  /** A deadline after the plan's date (or before it, for the deadline defect). */
  deadline() {
    const rng = this.rng;
    if (this.defects.has('deadlineBeforeIssue') && rng.chance(0.3)) return `trước ${this.anyDate(shift(this.date, -rng.int(3, 60)))}`;
    return rng.weighted([
      [50, () => `trước ${this.anyDate(shift(this.date, rng.int(10, 300)))}`],
      [12, () => { const d = shift(this.date, rng.int(15, 200)); return `trong tháng ${d[1]}/${d[2]}`; }],
      [8, () => `trước ngày ${rng.int(10, 28)}/${rng.int(1, 12)} hàng năm`],
      [8, () => { const y = shift(this.date, 30)[2]; const d = pad(rng.int(1, 15), true); return `${this.rng.chance(0.5) ? 'trước ' : ''}ngày ${d} tháng ${rng.int(4, 6)} và ngày ${d} tháng ${rng.int(10, 12)} năm ${y}`; }],
      [8, () => `định kỳ ${rng.pick(['6 tháng', 'hằng quý', 'cuối năm'])}`],
      [7, () => `đến năm ${this.period[1]}`],
      [7, () => `trong năm học ${this.topicYearPair()}`],
    ])();
  }

  topicYearPair() {
    return schoolYear(this.date);
  }

  /** An abbreviation; its first use is often its definition, "cơ sở giáo dục (CSGD)". */
  abbreviation() {
    const [abbreviation, expansion] = this.rng.pick(this.abbreviations);
    if (this.abbreviationsUsed.has(abbreviation)) return abbreviation;
    this.abbreviationsUsed.add(abbreviation);
    return this.rng.chance(0.6) ? `${expansion} (${abbreviation})` : abbreviation;
  }

  sentence() {
    const rng = this.rng;
    let text = `${rng.pick(OPENERS)} ${rng.pick(OBJECTS)}`;
    if (rng.chance(0.55)) {
      const scope = rng.pick(SCOPES);
      text += ` ${scope}${scope.endsWith('địa bàn') ? ` ${this.office.district ?? 'tỉnh'}` : ''}`;
    }
    if (rng.chance(0.2)) text += ` cho ${this.abbreviation()}`;
    if (rng.chance(0.5)) text += `, ${rng.pick(PURPOSES)}`;
    if (rng.chance(0.25)) text += `; ${lowerFirst(rng.pick(OPENERS))} ${rng.pick(OBJECTS)}`;
    if (rng.chance(0.12)) text += ` ${this.deadline()}`;
    if (rng.chance(0.07)) text += ` theo ${this.nationalCitation(false)}`;
    if (rng.chance(0.04)) text += ` theo ${this.laterMention()}`;
    text += '.';
    if (rng.chance(0.15)) text += ` ${rng.pick(TAILS)}`;
    return text;
  }

  goalSentence() {
    const rng = this.rng;
    const [start, end] = this.period;
    const first = rng.int(50, 99);
    let text = `${rng.pick(['Phấn đấu', 'Phấn đấu có', 'Bảo đảm', 'Phần đầu'])} ${first}% ${rng.pick(TARGET_GROUPS)} ${rng.pick(TARGET_OUTCOMES)}`;
    // Target years inside the plan's period, as the period-order rule expects of a sound plan.
    const low = Math.min(start, end);
    const high = Math.max(start, end);
    if (rng.chance(0.5)) text += ` vào năm ${rng.int(low, high)} và duy trì ${Math.min(100, first + rng.int(0, 10))}% đến năm ${high}`;
    else text += ` trong giai đoạn ${start}-${end}`;
    return `${text}.`;
  }

  /** Bulleted (or plain) paragraphs: an array of blocks. */
  bullets(count, make = () => this.sentence()) {
    const lines = [];
    for (let i = 0; i < count; i++) {
      let text = make();
      if (this.bullet && this.rng.chance(0.3)) text = text.replace(/\.$/, ';');
      lines.push(this.bullet ? `${this.bullet} ${text}` : text);
    }
    // Loose bullets are separate paragraphs (blank line between), tight ones one block.
    if (!this.bullet || this.looseBullets) return lines;
    return [lines.join('\n')];
  }

  // ---- citations ----------------------------------------------------------------------------

  symbolOf(identity) {
    const { office, number } = identity;
    return office.line === 'party' ? `${number}-KH/${office.code}` : `${number}/KH-${office.code}`;
  }

  /** A citation of one of the parent plans this plan implements. */
  parentCitation(parent, first) {
    const rng = this.rng;
    let symbol = this.symbolOf(parent);
    let date = parent.date;
    if (this.defects.has('citationAfterIssue') && first) date = shift(this.date, rng.int(1, 40));
    else if (this.defects.has('unresolved') && first) date = shift(parent.date, -rng.int(1, 9));
    if (this.defects.has('citationFormat') && rng.chance(0.6)) {
      symbol = rng.pick([symbol.replace('/', ' /'), symbol.replace('-', '- '), symbol.replace('/', '/ ')]);
    }
    let typeWord = rng.chance(0.9) ? 'Kế hoạch' : 'kế hoạch';
    if (this.defects.has('typeMismatch') && first) typeWord = rng.pick(['Quyết định', 'Chỉ thị', 'Hướng dẫn']);
    this.usedSymbols.push([typeWord, symbol, date, parent.office.name]);
    const withDate = !(this.defects.has('citationIncomplete') && first);
    const issuer = rng.chance(0.6) ? parent.office.name : parent.office.shortName;
    const about = rng.chance(0.7) ? ` về ${rng.chance(0.5) ? 'việc ' : ''}${topicText(parent.topic, parent.date, [parent.date[2], parent.date[2] + 4], '-')}` : '';
    return `${typeWord}${rng.chance(0.85) ? ' số' : ''} ${symbol}${rng.chance(0.15) ? ',' : ''}${withDate ? ` ${this.anyDate(date)}` : ''} của ${issuer}${about}`;
  }

  /** A document of the centre issued before this plan (a plan cannot implement a later one), or a law. */
  nationalCitation(withIssuer = true) {
    const rng = this.rng;
    const day = dayNumber(this.date);
    const documents = NATIONAL_DOCUMENTS.filter(([, , date]) => dayNumber(date) < day);
    if (documents.length === 0 || rng.chance(0.15)) {
      const laws = LAWS.filter((law) => Number(law.slice(-4)) <= this.year);
      return rng.pick(laws.length > 0 ? laws : LAWS.slice(0, 1));
    }
    const [typeWord, symbol, [d, m, y], issuer] = rng.pick(documents);
    const year = this.defects.has('yearMismatch') && /\/\d{4}\//.test(symbol) && rng.chance(0.5) ? y + 1 : y;
    this.usedSymbols.push([typeWord, symbol, [d, m, year], issuer]);
    return `${typeWord}${rng.chance(0.7) ? ' số' : ''} ${symbol} ${this.anyDate([d, m, year])}${withIssuer || rng.chance(0.8) ? ` của ${issuer}` : ''}`;
  }

  /** A later mention: type and number only, or (for the conflict defect) with a different date. */
  laterMention() {
    if (this.usedSymbols.length === 0) return this.nationalCitation();
    const [typeWord, symbol, date, issuer] = this.rng.pick(this.usedSymbols);
    if (this.defects.has('citationConflict')) return `${typeWord} số ${symbol} ${this.anyDate(shift(date, this.rng.int(2, 40)))} của ${issuer}`;
    return `${typeWord} số ${symbol}`;
  }

  // ---- parts of the plan ----------------------------------------------------------------------

  issueDateLine() {
    const rng = this.rng;
    const [day, month, year] = this.date;
    const place = this.office.place;
    let text = `${place}, ngày ${pad(day, true)} tháng ${pad(month, month <= 2)} năm ${year}`;
    if (this.defects.has('issueDateFormat')) {
      text = rng.pick([
        `${place}, ngày ${day} tháng ${month} năm ${year}`,
        `${place}, ngày ${pad(day, true)}/${pad(month, true)}/${year}`,
        `${place} ngày ${pad(day, true)} tháng ${pad(month, month <= 2)} năm ${year}`,
        `${place}, ngày ${pad(day, true)} tháng ${pad(month, true)} năm ${year}`,
      ]);
    }
    return rng.chance(0.4) ? `*${text}*` : text;
  }

  numberLine() {
    const rng = this.rng;
    const party = this.office.line === 'party';
    let symbol = party ? `${this.identity.number}-KH/${this.office.code}` : `${this.identity.number}/KH-${this.office.code}`;
    if (this.defects.has('badNumber')) {
      symbol = rng.pick([symbol.replace('KH', 'QĐ'), symbol.replace(/[/-]KH/, ' KH'), symbol.replace('-', '.'), `${symbol}/`]);
    }
    return party ? `Số ${symbol}` : `Số: ${symbol}`;
  }

  header() {
    const rng = this.rng;
    const office = this.office;
    const d = this.defects;
    const party = office.line === 'party';
    const agencyLines = d.has('missingAgency') ? [] : [office.parentAgency, office.agency].filter(Boolean);
    const motto = d.has('missingAgency') ? [] : party ? ['ĐẢNG CỘNG SẢN VIỆT NAM'] : ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc'];
    const number = d.has('missingNumber') ? '' : this.numberLine();
    const placeDate = d.has('missingPlaceDate') ? '' : this.issueDateLine();
    const form = agencyLines.length === 0 ? 'lines' : rng.weighted([[50, 'lines'], [25, 'table'], [25, 'tableBreaks']]);
    const bold = (text) => (rng.chance(0.5) ? `**${text}**` : text);
    if (form === 'table') {
      // One row per line: parent | motto, agency | tagline, number | date.
      const left = [...agencyLines, number];
      const right = [...motto, placeDate];
      while (left.length < right.length) left.splice(left.length - 1, 0, '');
      while (right.length < left.length) right.splice(right.length - 1, 0, '');
      const rows = left.map((cell, i) => `| ${i < left.length - 1 ? bold(cell) : cell} | ${i < right.length - 1 ? bold(right[i]) : right[i]} |`.replace(/\| {2}\|/g, '| |'));
      rows.splice(1, 0, '|---|---|');
      return [rows.join('\n')];
    }
    if (form === 'tableBreaks') {
      const left = agencyLines.map(bold).join('<br>');
      const right = motto.map(bold).join('<br>');
      return [`| ${left} | ${right} |\n|:---:|:---:|\n| ${number} | ${placeDate} |`];
    }
    const blocks = [];
    const joined = rng.chance(0.3);
    if (agencyLines.length > 0) blocks.push(joined ? agencyLines.map(bold).join('  \n') : agencyLines.map(bold).join('\n\n'));
    if (rng.chance(0.2)) blocks.push(rng.pick(['---', '\\_\\_\\_\\_\\_\\_\\_\\_', '\\-\\-\\-\\-\\-\\-']));
    if (motto.length > 0) blocks.push(joined ? motto.map(bold).join('  \n') : motto.map(bold).join('\n\n'));
    if (number) blocks.push(number);
    if (placeDate) blocks.push(placeDate);
    return blocks;
  }

  title() {
    const rng = this.rng;
    const summary = capitalize(this.topic);
    const blocks = [];
    if (!this.defects.has('missingTitle')) {
      blocks.push(rng.weighted([[30, 'KẾ HOẠCH'], [25, '**KẾ HOẠCH**'], [25, '## **KẾ HOẠCH**'], [10, '# KẾ HOẠCH'], [10, '## KẾ HOẠCH']]));
    }
    if (rng.chance(0.15)) {
      // Summary over two or three short lines, as centred titles are typed.
      const words = summary.split(' ');
      const cut = Math.max(1, Math.floor(words.length / 2));
      blocks.push(`${words.slice(0, cut).join(' ')}\n${words.slice(cut).join(' ')}`);
    } else {
      blocks.push(rng.weighted([[35, summary], [25, `**${summary}**`], [25, `### **${summary}**`], [15, `### ${summary}`]]));
    }
    return blocks;
  }

  basis() {
    const rng = this.rng;
    const intro = `${this.office.name} xây dựng Kế hoạch ${this.topic} với các nội dung cụ thể như sau:`;
    if (this.defects.has('missingBasis')) return [`Căn cứ tình hình thực tế của đơn vị, ${intro}`];
    const citations = this.identity.implements.map((parent, i) => this.parentCitation(parent, i === 0));
    for (let i = rng.int(citations.length === 0 ? 1 : 0, 2); i > 0; i--) citations.push(this.nationalCitation());
    const form = rng.weighted([[45, 'paragraph'], [35, 'lines'], [20, 'italic']]);
    if (form === 'paragraph') return [`${rng.pick(['Thực hiện', 'Căn cứ'])} ${citations.join('; ')}, ${intro}`];
    const lines = citations.map((c, i) => `${i === 0 || rng.chance(0.5) ? rng.pick(['Căn cứ', 'Thực hiện']) : 'Căn cứ'} ${c};`);
    return [...(form === 'italic' ? lines.map((line) => `*${line}*`) : lines), intro];
  }

  sectionTitle(key) {
    const titles = SECTIONS[key];
    return this.rng.chance(0.6) ? titles[0] : this.rng.pick(titles);
  }

  sectionHeading(number, title, off) {
    const rng = this.rng;
    const separator = rng.chance(0.95) ? '.' : rng.pick(['/', ' -', ')']);
    const dot = rng.chance(0.05) ? '.' : '';
    const text = `${number}${separator} ${title}${dot}`;
    let form = this.sectionForm;
    let depth = this.sectionDepth;
    if (off) {
      // The mixed-levels defect: this one section is written differently from the others.
      if (form === 'heading') depth = depth === 1 ? 2 : depth - 1;
      else form = form === 'plain' ? 'bold' : 'heading';
    }
    if (form === 'plain') return text;
    if (form === 'bold') return `**${text}**`;
    return `${'#'.repeat(depth)} ${this.sectionBoldInHeading ? `**${text}**` : text}`;
  }

  itemHeading(number, title) {
    const text = `${number}. ${title}`;
    switch (this.itemForm) {
      case 'bold':
        return `**${text}**`;
      case 'boldItalic':
        return `***${text}***`;
      case 'heading':
        return `${'#'.repeat(Math.min(6, (this.sectionForm === 'heading' ? this.sectionDepth : 3) + 1))} ${this.rng.chance(0.5) ? `**${text}**` : text}`;
      default:
        return text;
    }
  }

  purposeBody() {
    const rng = this.rng;
    if (rng.chance(0.3)) return this.bullets(rng.int(2, 5));
    return [this.itemHeading(1, 'Mục đích'), ...this.bullets(rng.int(2, 4)), this.itemHeading(2, 'Yêu cầu'), ...this.bullets(rng.int(2, 4))];
  }

  goalsBody() {
    const rng = this.rng;
    if (rng.chance(0.3)) return this.bullets(rng.int(2, 5), () => this.goalSentence());
    const specific = rng.chance(0.3)
      ? Array.from({ length: rng.int(3, 7) }, (_, i) => `(${i + 1}). ${this.goalSentence()}`)
      : this.bullets(rng.int(2, 6), () => this.goalSentence());
    return [this.itemHeading(1, 'Mục tiêu chung'), this.sentence() + ' ' + this.sentence(), this.itemHeading(2, 'Mục tiêu cụ thể'), ...specific];
  }

  activityTable() {
    const rng = this.rng;
    const rows = ['| TT | Nội dung công việc | Thời gian thực hiện | Đơn vị chủ trì | Đơn vị phối hợp |', '|:---:|---|---|---|---|'];
    for (let i = 1, n = rng.int(4, 12); i <= n; i++) {
      const when = rng.chance(0.5) ? capitalize(this.deadline()) : `Tháng ${shift(this.date, rng.int(10, 300)).slice(1).join('/')}`;
      rows.push(`| ${i} | ${rng.pick(OPENERS)} ${rng.pick(OBJECTS)} | ${when} | ${rng.pick(ORGANISATION_UNITS)} | ${rng.pick(ORGANISATION_UNITS)} |`);
    }
    return rows.join('\n');
  }

  /** One item of the tasks section: a numbered title and its bullets, sometimes sub-items or a table. */
  taskItem(number) {
    const rng = this.rng;
    const blocks = [this.itemHeading(number, rng.pick(TASK_TITLES))];
    if (rng.chance(0.15)) {
      const letters = 'abcdđeg';
      for (let i = 0, n = rng.int(2, 4); i < n; i++) {
        blocks.push(`${letters[i]}) ${rng.pick(TASK_TITLES)}`, ...this.bullets(rng.int(1, 3)));
      }
    } else if (rng.chance(0.12)) {
      for (let i = 1, n = rng.int(2, 3); i <= n; i++) blocks.push(`${number}.${i}. ${rng.pick(ORGANISATION_UNITS)}`, ...this.bullets(rng.int(1, 3)));
    } else {
      blocks.push(...this.bullets(rng.int(2, 6)));
    }
    if (rng.chance(0.08)) blocks.push(this.activityTable());
    if (rng.chance(0.05)) blocks.push(`¹ *Văn bản của Trung ương*: ${Array.from({ length: rng.int(3, 8) }, () => this.nationalCitation()).join('; ')}.`);
    if (this.defects.has('invalidDate') && rng.chance(0.3)) {
      blocks.push(`- Hoàn thành ${rng.pick(OBJECTS)} trước ${rng.pick(['ngày 31/02/' + this.year, 'ngày 30 tháng 2 năm ' + this.year, 'ngày 15/13/' + this.year, 'ngày 04/12/2' + this.year])}.`);
    }
    return blocks;
  }

  organisationBody() {
    const rng = this.rng;
    const units = rng.sample(ORGANISATION_UNITS, rng.int(2, 4));
    const blocks = [];
    units.forEach((unit, i) => {
      blocks.push(this.itemHeading(i + 1, unit), ...this.bullets(rng.int(1, 3)));
      if (rng.chance(0.5)) blocks.push(`${this.bullet ? `${this.bullet} ` : ''}Báo cáo kết quả thực hiện về ${this.office.name} ${this.deadline()}.`);
    });
    return blocks;
  }

  reportingBody() {
    return [`Các đơn vị báo cáo kết quả thực hiện về ${this.office.shortName} ${this.deadline()} để tổng hợp báo cáo ${this.identity.implements[0]?.office.name ?? 'cấp trên'}.`];
  }

  fundingBody() {
    return [this.rng.pick(FUNDING_TEXTS).replace('{year}', String(this.year))];
  }

  /** The body sections, the tasks section grown until the plan reaches its size. */
  sections(bytesSoFar) {
    const rng = this.rng;
    const d = this.defects;
    const keys = [];
    const opening = rng.weighted([[45, ['purpose', 'goals']], [35, ['purpose']], [20, ['goals']]]);
    keys.push(...opening, 'tasks');
    if (rng.chance(0.7)) keys.push('funding');
    keys.push('organisation');
    if (rng.chance(0.3)) keys.push('reporting');
    if (d.has('dropSection')) keys.splice(keys.indexOf(rng.pick(['purpose', 'goals', 'tasks', 'funding', 'organisation'].filter((k) => keys.includes(k)))), 1);
    if (d.has('swapSections') && keys.length > 2) {
      const i = rng.int(0, keys.length - 2);
      [keys[i], keys[i + 1]] = [keys[i + 1], keys[i]];
    }
    const numbers = keys.map((_, i) => i + 1);
    if (d.has('skipNumber')) for (let i = rng.int(1, numbers.length - 1); i < numbers.length; i++) numbers[i]++;
    if (d.has('repeatNumber') && numbers.length > 2) {
      const i = rng.int(1, numbers.length - 1);
      numbers[i] = numbers[i - 1];
    }
    const offIndex = d.has('mixedHeadingLevels') ? rng.int(1, keys.length - 1) : -1;
    const emptyIndex = d.has('emptySection') ? rng.int(0, keys.length - 1) : -1;
    const bodies = keys.map((key, i) => {
      if (i === emptyIndex) return [];
      switch (key) {
        case 'purpose': return this.purposeBody();
        case 'goals': return this.goalsBody();
        case 'funding': return this.fundingBody();
        case 'organisation': return this.organisationBody();
        case 'reporting': return this.reportingBody();
        default: return [];
      }
    });
    const tasksIndex = keys.indexOf('tasks');
    if (tasksIndex >= 0 && tasksIndex !== emptyIndex) {
      let bytes = bytesSoFar + bodies.flat().reduce((sum, block) => sum + Buffer.byteLength(block) + 2, 0);
      const tasks = bodies[tasksIndex];
      for (let item = 1; item <= 2 || bytes < this.targetBytes; item++) {
        const blocks = this.taskItem(item);
        for (const block of blocks) bytes += Buffer.byteLength(block) + 2;
        tasks.push(...blocks);
      }
    }
    return keys.flatMap((key, i) => [this.sectionHeading(toRoman(numbers[i]), this.sectionTitle(key), i === offIndex), ...bodies[i]]);
  }

  closing() {
    const template = this.rng.pick(CLOSINGS);
    return [template.replace('{topic}', this.topic).replace('{issuer}', this.office.name)];
  }

  recipientEntries() {
    const rng = this.rng;
    const entries = [];
    for (const parent of this.office.parents) if (rng.chance(0.8)) entries.push(`${parent.shortName} ${rng.pick(RECIPIENT_NOTES)}`);
    entries.push(...rng.sample(OTHER_RECIPIENTS, rng.int(1, 4)));
    if (this.defects.has('duplicateRecipient')) entries.push(entries[0]);
    const archive = `Lưu: VT${rng.chance(0.6) ? `, ${this.abbreviation()}` : ''}`;
    if (!this.defects.has('missingArchive')) entries.push(archive);
    else if (rng.chance(0.5)) entries.splice(0, 0, archive);
    const lines = entries.map((entry, i) => `- ${entry}${i === entries.length - 1 ? '.' : ';'}`);
    if (this.defects.has('recipientPunctuation')) {
      const i = rng.int(0, lines.length - 1);
      lines[i] = rng.pick([lines[i].replace(/[;.]$/, ''), lines[i].replace(/;$/, ','), lines[i].replace(/^- /, '')]);
    }
    return lines;
  }

  signingLines() {
    const rng = this.rng;
    const d = this.defects;
    if (d.has('missingSignature')) return [];
    let { prefix, authority, title } = rng.pick(this.office.signings);
    if (d.has('wrongAuthority')) {
      if (prefix === 'KT.') title = authority;
      else if (this.office.line !== 'party' && rng.chance(0.5)) prefix = 'T/M';
      else prefix = 'KT.';
    }
    const name = d.has('academicTitle') ? `${rng.pick(ACADEMIC_TITLES)} ${this.office.signer}` : this.office.signer;
    const lines = [];
    if (prefix) lines.push(rng.chance(0.8) ? `${prefix} ${authority}` : `${prefix}${authority}`);
    lines.push(title);
    return [...lines, name];
  }

  closingBlock() {
    const rng = this.rng;
    const recipients = this.defects.has('missingRecipients') ? [] : this.recipientEntries();
    const signing = this.signingLines();
    const heading = rng.weighted([[35, 'Nơi nhận:'], [25, '**Nơi nhận:**'], [15, '***Nơi nhận:***'], [15, '##### **Nơi nhận:**'], [10, '*Nơi nhận:*']]);
    const form = rng.weighted([[60, 'blocks'], [25, 'tableBreaks'], [15, 'tableRows']]);
    const bold = rng.chance(0.5);
    const strong = (text) => (bold ? `**${text}**` : text);
    if (form === 'tableBreaks' && recipients.length > 0) {
      const left = ['**Nơi nhận:**', ...recipients].join('<br>');
      const right = signing.length > 0 ? [...signing.slice(0, -1).map(strong), '', '', strong(signing[signing.length - 1])].join('<br>') : '';
      return [`| ${left} | ${right} |\n|---|---|`];
    }
    if (form === 'tableRows' && recipients.length > 0) {
      const right = signing.length > 0 ? [...signing.slice(0, -1).map(strong), '', strong(signing[signing.length - 1])] : [];
      const rows = Math.max(recipients.length, right.length);
      const out = [`| **Nơi nhận:** | ${right[0] ?? ''} |`, '|---|---|'];
      for (let i = 0; i < rows; i++) out.push(`| ${recipients[i] ?? ''} | ${right[i + 1] ?? ''} |`);
      return [out.join('\n')];
    }
    const blocks = [];
    if (recipients.length > 0) {
      blocks.push(heading);
      if (rng.chance(0.3)) blocks.push(recipients.join('  \n'));
      else blocks.push(recipients.join('\n'));
    }
    if (signing.length > 0) {
      const head = signing.slice(0, -1).map(strong);
      if (rng.chance(0.5)) blocks.push(`${head.join('  \n')}`);
      else blocks.push(...head);
      if (rng.chance(0.2)) blocks.push('*(Đã ký)*');
      blocks.push(strong(signing[signing.length - 1]));
    }
    return blocks;
  }

  render() {
    const rng = this.rng;
    const front = [...this.header(), ...this.title(), ...this.basis()];
    const back = [...this.closing(), ...this.closingBlock()];
    const fixedBytes = [...front, ...back].reduce((sum, block) => sum + Buffer.byteLength(block) + 2, 0);
    let blocks = [...front, ...this.sections(fixedBytes), ...back];
    if (this.defects.has('nfdParagraph')) {
      const i = rng.int(0, blocks.length - 1);
      blocks[i] = blocks[i].normalize('NFD');
    }
    if (this.defects.has('ocrArtefacts')) blocks = this.ocrArtefacts(blocks);
    let text = blocks.join(rng.chance(0.1) ? '\n\n\n' : '\n\n') + '\n';
    if (rng.chance(0.5)) text = `\n${text}`;
    if (this.defects.has('oldTonePlacement')) text = text.replace(/hòa/g, 'hoà').replace(/Hòa/g, 'Hoà').replace(/thủy/g, 'thuỷ').replace(/khỏe/g, 'khoẻ');
    if (this.defects.has('nfdWhole')) text = text.normalize('NFD');
    if (this.defects.has('crlf')) text = text.replace(/\n/g, '\r\n');
    return text;
  }

  /** Page numbers between paragraphs, a paragraph broken across a page, a word split by OCR. */
  ocrArtefacts(blocks) {
    const rng = this.rng;
    const out = [];
    let page = 2;
    for (const block of blocks) {
      if (block.length > 300 && rng.chance(0.1) && !block.includes('|')) {
        const cut = block.indexOf(' ', Math.floor(block.length / 2));
        out.push(block.slice(0, cut), String(page++), block.slice(cut + 1));
        continue;
      }
      out.push(rng.chance(0.05) ? block.replace(/ (\p{L})(\p{L}{3,}) /u, ' $1 $2 ') : block);
    }
    return out;
  }
}

function schoolYear([, month, year]) {
  const start = month >= 8 ? year : year - 1;
  return `${start}-${start + 1}`;
}

/** The period a topic template gives the plan: its "giai đoạn", school year or year. */
function periodOf(template, date, drawn) {
  if (template.includes('{period}')) return drawn;
  if (template.includes('{schoolYear}')) return schoolYear(date).split('-').map(Number);
  if (template.includes('{year}')) return [date[2], date[2]];
  const fixed = /(\d{4})\s*-\s*(\d{4})/.exec(template);
  return fixed ? [Number(fixed[1]), Number(fixed[2])] : [date[2], date[2]];
}

/** A topic template with the plan's year, school year and period filled in. */
function topicText(template, date, [from, to], dash) {
  return template
    .replaceAll('{year}', String(date[2]))
    .replaceAll('{schoolYear}', schoolYear(date))
    .replaceAll('{period}', `${from}${dash}${to}`);
}

function toRoman(value) {
  const table = [[10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let rest = value;
  let out = '';
  for (const [n, s] of table) {
    while (rest >= n) {
      out += s;
      rest -= n;
    }
  }
  return out;
}

/**
 * The Markdown text of a plan.
 * @param {import('./organisations.mjs').PlanIdentity} identity
 * @param {import('./random.mjs').Random} rng
 */
export function renderPlan(identity, rng, targetBytes = identity.targetBytes) {
  return new PlanWriter(identity, rng, targetBytes).render();
}
