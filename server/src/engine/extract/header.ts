// The header: agency lines, motto and tagline (or the Party's header), number, place and date,
// then the title "KẾ HOẠCH" and the summary under it.
import { findDates } from '../dates.js';
import type { PlaceDate, PlanHeader, TextLine } from '../model.js';
import { compareKey, isUpperCaseText } from '../text.js';
import { isBasisNotSummary, looksLikeBasis } from './basis.js';
import { headerWordsOf, isRule } from './decorations.js';
import { type PlanLines, lineRange, partOf } from './lines.js';
import { dateMention } from './mentions.js';
import { NUMBER_LINE, isNumberLine, isNumberValue, readPlanNumber } from './number.js';
import { isRomanSectionTitle } from './sections.js';

// A draft may leave the day blank until signing: "Hà Nội, ngày    tháng 5 năm 2026".
// A line that starts with a figure is a wrapped citation ("18/01/2022 của …"), never the place.
const PLACE_DATE = /^(?!\d)(.{1,60}?)\s*,?\s*(ngày\s+(?:\d|\.|…|_|tháng\b)|\d{1,2}\/\d{1,2}\/\d{2,5})/iu;
/** The title alone on its line, in any case, as compareKey spells it. */
const TITLE_KEY = compareKey('kế hoạch');
/** How far down the title is looked for. */
const HEADER_LIMIT = 60;

/** Whether the line starts with the title, and how long the title word is. */
function titleAt(line: TextLine): number | undefined {
  const upper = /^(KẾ\s+HOẠCH)(?=$|[\s:*]|\p{P})/u.exec(line.nfc);
  if (upper) return upper[1]!.length;
  // A heading or a line of its own may spell the type in lower case ("# Kế hoạch tổ chức ..."); KH206 reports the case.
  if (line.kind !== 'heading' && (line.nfc.length > 12 || compareKey(line.nfc) !== TITLE_KEY)) return undefined;
  return /^(kế\s+hoạch)(?=$|[\s:*]|\p{P})(?!\s+(?:số|\d))/iu.exec(line.nfc)?.[1]!.length;
}

export function readHeader(plan: PlanLines): PlanHeader {
  const { lines } = plan;
  const limit = Math.min(lines.length, HEADER_LIMIT);
  let titleIndex = -1;
  let titleLength = 0;
  for (let i = 0; i < limit; i++) {
    const line = lines[i]!;
    if (line.kind === 'html') continue;
    const length = titleAt(line);
    if (length !== undefined) {
      titleIndex = i;
      titleLength = length;
      break;
    }
    if (i > 0 && isRomanSectionTitle(line.nfc)) break;
  }
  const header = new HeaderParts(plan);
  const zoneEnd = titleIndex >= 0 ? titleIndex : firstBodyLine(lines, limit);
  for (let i = 0; i < zoneEnd; i++) header.read(lines[i]!);
  if (titleIndex < 0) return header.result(zoneEnd);
  const titleLine = lines[titleIndex]!;
  header.title = partOf(plan, titleLine, 0, titleLength);
  let end = titleIndex + 1;
  const rest = titleLine.nfc.slice(titleLength).replace(/^[\s:–-]+/u, '');
  if (rest) header.summary = partOf(plan, titleLine, titleLine.nfc.length - rest.length);
  else {
    const summary = summaryLines(lines, titleIndex + 1);
    if (summary.length > 0) {
      const first = summary[0]!;
      const last = summary[summary.length - 1]!;
      header.summary = {
        text: summary.map((line) => line.nfc).join(' '),
        range: { start: lineRange(plan.index, first).start, end: lineRange(plan.index, last).end },
        line: first.line,
      };
      end = last.index + 1;
    }
  }
  // Number and date lines written just under the title still belong to the header.
  for (let i = end; i < Math.min(lines.length, end + 3); i++) {
    const line = lines[i]!;
    if ((!header.number && isNumberLine(line.nfc)) || (!header.placeDate && PLACE_DATE.test(line.nfc) && line.nfc.length < 90 && !looksLikeBasis(line))) {
      header.read(line);
      end = i + 1;
    }
  }
  return header.result(end);
}

/** The summary under a title line of its own: up to four lines of one block. */
function summaryLines(lines: readonly TextLine[], from: number): TextLine[] {
  const summary: TextLine[] = [];
  for (let i = from; i < lines.length && summary.length < 4; i++) {
    const line = lines[i]!;
    if (line.kind === 'html') continue;
    if (summary.length === 0 && (isBasisNotSummary(line) || line.kind === 'tableCell' || /^nơi\s+nhận\b/u.test(compareKey(line.nfc)))) break;
    if (summary.length > 0 && (line.block !== summary[0]!.block || looksLikeBasis(line))) break;
    // A plan without blank lines runs on into its first section: the summary stops there.
    if (isRomanSectionTitle(line.nfc)) break;
    summary.push(line);
  }
  return summary;
}

/** Without a title, the header ends at the first section or basis line (or after twelve lines). */
function firstBodyLine(lines: readonly TextLine[], limit: number): number {
  for (let i = 0; i < limit; i++) {
    const line = lines[i]!;
    if (/^[IVXL]+\s*[.)/:-]\s*\S/u.test(line.nfc) || looksLikeBasis(line)) return i;
  }
  return Math.min(limit, 12);
}

/** The header's parts as its lines are read, top to bottom. */
class HeaderParts implements Omit<PlanHeader, 'endTextLine'> {
  parentAgency?: PlanHeader['parentAgency'];
  agency?: PlanHeader['agency'];
  motto?: PlanHeader['motto'];
  tagline?: PlanHeader['tagline'];
  partyHeader?: PlanHeader['partyHeader'];
  youthHeader?: PlanHeader['youthHeader'];
  number?: PlanHeader['number'];
  placeDate?: PlanHeader['placeDate'];
  title?: PlanHeader['title'];
  summary?: PlanHeader['summary'];

  constructor(private readonly plan: PlanLines) {}

  read(line: TextLine): void {
    const text = line.nfc;
    const words = headerWordsOf(text);
    if (words) {
      this[words] = partOf(this.plan, line);
      return;
    }
    const number = NUMBER_LINE.exec(text);
    // The number itself is often left blank until registration: "Số:      /KH-UBND".
    if (number && !this.number && isNumberValue(number[2]!)) {
      this.number = readPlanNumber(this.plan, line, number);
      return;
    }
    const placeDate = PLACE_DATE.exec(text);
    if (placeDate && !this.placeDate) {
      this.placeDate = this.readPlaceDate(line, placeDate[1]!);
      return;
    }
    if (isRule(text)) return;
    if (isUpperCaseText(text, 0.05) && text.length <= 120) this.readAgency(line);
  }

  private readPlaceDate(line: TextLine, place: string): PlaceDate {
    const placeDate: PlaceDate = { ...partOf(this.plan, line), place: place.replace(/[\s,*]+$/u, '') };
    const date = findDates(line.nfc)[0];
    if (date) placeDate.date = dateMention(this.plan, line, date, 'issue');
    return placeDate;
  }

  /** The lower agency line is the issuer, the one above it the parent agency. */
  private readAgency(line: TextLine): void {
    const part = partOf(this.plan, line);
    if (!this.agency) this.agency = part;
    else if (!this.parentAgency) {
      this.parentAgency = this.agency;
      this.agency = part;
    } else this.agency = { ...this.agency, text: `${this.agency.text} ${part.text}`, range: { start: this.agency.range.start, end: part.range.end } };
  }

  result(endTextLine: number): PlanHeader {
    const { plan: _plan, ...parts } = this;
    return { ...parts, endTextLine };
  }
}
