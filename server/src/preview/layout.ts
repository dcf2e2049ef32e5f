// Places a plan on the printed page: which line of the draft goes to which part of the form
// (header columns, title, body, recipients, signature), with the problems marked on the
// characters they point at. Works only from the engine's PlanModel: the draft is never parsed
// again. The HTML preview and the .docx export both render this layout.
import type { PlanModel, Section, TextLine } from '../engine/model.js';
import type { Diagnostic, Locale, Range, Severity } from '../engine/types.js';
import type { Role } from './style.js';

/** A run of the draft's visible text, with the problems that cover it (indices into `PrintLayout.problems`). */
export interface TextInline {
  kind: 'text';
  text: string;
  problems: number[];
}

/** HTML written in the draft: shown as the characters the author typed, never interpreted. */
export interface RawInline {
  kind: 'raw';
  text: string;
}

export interface BreakInline {
  kind: 'break';
}

export type Inline = TextInline | RawInline | BreakInline;

export interface Paragraph {
  kind: 'paragraph';
  role: Role;
  /** 0-based source line of the paragraph's first character; absent for placeholders. */
  line?: number;
  inlines: Inline[];
  /** Emphasis the author put on the whole paragraph. */
  bold?: boolean;
  italic?: boolean;
  /** A line drawn under the paragraph: as long as the text, or a short centred one (1/3 of the column). */
  ruleBelow?: 'text' | 'short';
  /** Problems that belong here but cover no visible character (a missing part, an end-of-line position). */
  notes: number[];
  /** Stands for a part the draft lacks; shown in the preview only. */
  placeholder?: boolean;
}

export interface TableBlock {
  kind: 'table';
  line: number;
  rows: Paragraph[][];
}

export type Block = Paragraph | TableBlock;

export interface LayoutProblem {
  ruleId: string;
  severity: Severity;
  message: string;
  /** 0-based source line where the problem starts. */
  line: number;
}

export interface PrintLayout {
  /** Party documents carry "ĐẢNG CỘNG SẢN VIỆT NAM" instead of the national motto. */
  variant: 'state' | 'party';
  header: { left: Paragraph[]; right: Paragraph[] };
  /** Lines of the header zone that are no known part, printed under the header. */
  headerNotes: Block[];
  /** The document type ("KẾ HOẠCH") and the summary. */
  title: Paragraph[];
  body: Block[];
  closing: { recipients: Paragraph[]; signature: Paragraph[] };
  /** Anything after the closing block (annexes, stray lines). */
  after: Block[];
  problems: LayoutProblem[];
}

export interface LayoutOptions {
  diagnostics?: readonly Diagnostic[];
  locale?: Locale;
  /** Show a greyed label where a part of the form is missing (the preview does, exports do not). */
  placeholders?: boolean;
}

const PLACEHOLDERS: Record<string, { vi: string; en: string }> = {
  agency: { vi: '[Tên cơ quan ban hành]', en: '[Issuing agency]' },
  number: { vi: '[Số: …/KH-…]', en: '[Number: …/KH-…]' },
  partyNumber: { vi: '[Số …-KH/…]', en: '[Number …-KH/…]' },
  motto: { vi: '[Quốc hiệu, Tiêu ngữ]', en: '[National motto]' },
  placeDate: { vi: '[Địa danh, ngày … tháng … năm …]', en: '[Place, date of issue]' },
  title: { vi: '[KẾ HOẠCH]', en: '[KẾ HOẠCH title]' },
  summary: { vi: '[Trích yếu nội dung]', en: '[Summary]' },
  recipients: { vi: '[Nơi nhận]', en: '[Recipients]' },
  signature: { vi: '[Quyền hạn, chức vụ, họ tên người ký]', en: '[Signing authority, title, name]' },
};

/** Header lines that only draw the rules under the agency or motto ("_____", "***"). */
const DECORATION = /^[_\-–—=.*\s]+$/u;
/** Markdown hard line break: two trailing spaces or a backslash before the line ending. */
const HARD_BREAK = /(?: {2,}|\t|\\)(?:\r\n|\r|\n)/u;
const COMMENT = /<!--[\s\S]*?(?:-->|$)/gu;
const BR_TAG = /<br\s*\/?>/iu;
const ONLY_BR_TAGS = /^(?:\s*<br\s*\/?>)+\s*$/iu;

interface Slice {
  line: TextLine;
  /** Indices into `line.text`. */
  from: number;
  to: number;
}

interface PlacedProblem {
  start: number;
  end: number;
}

export function layoutPlan(model: PlanModel, options: LayoutOptions = {}): PrintLayout {
  return new LayoutBuilder(model, options).build();
}

class LayoutBuilder {
  private readonly locale: Locale;
  private readonly lines: TextLine[];
  private readonly consumed = new Set<number>();
  private readonly problems: LayoutProblem[] = [];
  private readonly spans: PlacedProblem[] = [];
  private readonly placed = new Set<number>();
  /** Every paragraph with a source line, in the order built, to attach unplaced problems to. */
  private readonly anchored: Paragraph[] = [];
  private readonly sectionAt = new Map<number, Section>();

  constructor(
    private readonly model: PlanModel,
    private readonly options: LayoutOptions,
  ) {
    this.locale = options.locale ?? 'vi';
    this.lines = model.lines;
    for (const diagnostic of options.diagnostics ?? []) {
      this.problems.push({
        ruleId: diagnostic.ruleId,
        severity: diagnostic.severity,
        message: diagnostic.message[this.locale],
        line: diagnostic.range.start.line,
      });
      this.spans.push({ start: model.index.offsetAt(diagnostic.range.start), end: model.index.offsetAt(diagnostic.range.end) });
    }
    for (const section of model.allSections) this.sectionAt.set(section.textLine, section);
  }

  build(): PrintLayout {
    const { header } = this.model;
    // The Youth Union sets its header as the Party does.
    const organisationHeader = header.partyHeader ?? header.youthHeader;
    const variant = organisationHeader || header.number?.form === 'party' ? 'party' : 'state';

    const left: Paragraph[] = [];
    const right: Paragraph[] = [];
    this.push(left, this.part('parentAgency', header.parentAgency?.range));
    const agency = this.part('agency', header.agency?.range) ?? this.placeholder('agency', 'agency');
    if (agency) {
      if (variant === 'state') agency.ruleBelow = 'short';
      left.push(agency);
      if (variant === 'party' && !agency.placeholder) left.push(this.decoration('partyStar', '*'));
    }
    this.push(left, this.part('number', header.number?.range) ?? this.placeholder('number', variant === 'party' ? 'partyNumber' : 'number'));

    if (organisationHeader) {
      const party = this.part('partyHeader', organisationHeader.range)!;
      party.ruleBelow = 'text';
      right.push(party);
    } else {
      this.push(right, this.part('motto', header.motto?.range));
      const tagline = this.part('tagline', header.tagline?.range);
      if (tagline) {
        tagline.ruleBelow = 'text';
        right.push(tagline);
      }
      if (!header.motto && !header.tagline) this.push(right, this.placeholder('motto', 'motto'));
    }
    this.push(right, this.part('placeDate', header.placeDate?.range) ?? this.placeholder('placeDate', 'placeDate'));

    const title: Paragraph[] = [];
    this.push(title, this.part('title', header.title?.range) ?? this.placeholder('title', 'title'));
    const summary = this.part('summary', header.summary?.range, 'lines') ?? (header.title ? this.placeholder('summary', 'summary') : undefined);
    if (summary) {
      summary.ruleBelow = 'short';
      title.push(summary);
    }

    // Header-zone lines that are no known part: decorations are redrawn by the layout, the rest is kept.
    for (let i = 0; i < header.endTextLine; i++) {
      const line = this.lines[i]!;
      if (!this.consumed.has(i) && line.kind !== 'html' && DECORATION.test(line.nfc)) this.consumed.add(i);
    }
    const headerNotes = this.blocks(0, header.endTextLine, 'headerNote');

    const closingStart = Math.max(this.model.closingStart, header.endTextLine);
    const recipients = this.recipients();
    const signature = this.signature();
    const body = this.blocks(header.endTextLine, closingStart, 'body');
    const after = this.blocks(closingStart, this.lines.length, 'body');

    const layout: PrintLayout = {
      variant,
      header: { left, right },
      headerNotes,
      title,
      body,
      closing: { recipients, signature },
      after,
      problems: this.problems,
    };
    this.attachUnplaced();
    return layout;
  }

  private push(list: Paragraph[], paragraph: Paragraph | undefined): void {
    if (paragraph) list.push(paragraph);
  }

  private placeholder(role: Role, key: keyof typeof PLACEHOLDERS): Paragraph | undefined {
    if (!this.options.placeholders) return undefined;
    return { kind: 'paragraph', role, inlines: [{ kind: 'text', text: PLACEHOLDERS[key]![this.locale], problems: [] }], notes: [], placeholder: true };
  }

  private decoration(role: Role, text: string): Paragraph {
    return { kind: 'paragraph', role, inlines: [{ kind: 'text', text, problems: [] }], notes: [] };
  }

  /** The paragraph showing the draft's text inside a range (one part of the model). */
  private part(role: Role, range: Range | undefined, joinLines: 'markdown' | 'lines' = 'markdown'): Paragraph | undefined {
    if (!range) return undefined;
    const slices = this.slicesOf(range);
    if (slices.length === 0) return undefined;
    return this.paragraph(role, slices, joinLines);
  }

  private paragraph(role: Role, slices: Slice[], joinLines: 'markdown' | 'lines'): Paragraph {
    const inlines: Inline[] = [];
    slices.forEach((slice, k) => {
      if (k > 0) {
        const previous = slices[k - 1]!;
        if (joinLines === 'lines' || this.hardBreakBetween(previous.line, slice.line)) inlines.push({ kind: 'break' });
        else inlines.push({ kind: 'text', text: ' ', problems: [] });
      }
      inlines.push(...this.inlines(slice));
      this.consumed.add(slice.line.index);
    });
    const paragraph: Paragraph = { kind: 'paragraph', role, line: slices[0]!.line.line, inlines: mergeInlines(inlines), notes: [] };
    this.anchored.push(paragraph);
    return paragraph;
  }

  private hardBreakBetween(a: TextLine, b: TextLine): boolean {
    const end = a.offsets[a.text.length - 1]! + 1;
    const between = this.model.source.slice(end, b.offsets[0]!);
    return HARD_BREAK.test(between) || BR_TAG.test(between);
  }

  /** The parts of TextLines whose characters fall inside a source range, in order. */
  private slicesOf(range: Range): Slice[] {
    const start = this.model.index.offsetAt(range.start);
    const end = this.model.index.offsetAt(range.end);
    const slices: Slice[] = [];
    for (const line of this.lines) {
      const last = line.text.length - 1;
      if (last < 0 || line.offsets[last]! < start || line.offsets[0]! >= Math.max(end, start + 1)) continue;
      let from = 0;
      while (from <= last && line.offsets[from]! < start) from++;
      let to = last + 1;
      while (to > from && line.offsets[to - 1]! >= end) to--;
      if (to > from) slices.push({ line, from, to });
    }
    return slices;
  }

  /** Visible text with problem spans, and the raw HTML hidden between its characters shown as text. */
  private inlines({ line, from, to }: Slice): Inline[] {
    const out: Inline[] = [];
    const lineStart = line.offsets[0]!;
    const lineEnd = line.offsets[line.text.length - 1]! + 1;
    const candidates: number[] = [];
    this.spans.forEach((span, i) => {
      if (span.start < lineEnd && (span.end > lineStart || (span.start === span.end && span.start >= lineStart))) candidates.push(i);
    });
    if (from === 0) this.rawBetween(out, this.gapStartBefore(line), lineStart, 'edge');
    let run = '';
    let runKey = '';
    let runProblems: number[] = [];
    const flush = (): void => {
      if (run) out.push({ kind: 'text', text: run.normalize('NFC'), problems: runProblems });
      run = '';
    };
    for (let i = from; i < to; i++) {
      const offset = line.offsets[i]!;
      const covering = candidates.filter((k) => {
        const span = this.spans[k]!;
        return span.start === span.end ? offset === span.start : span.start <= offset && offset < span.end;
      });
      const key = covering.join(',');
      if (key !== runKey) {
        flush();
        runKey = key;
        runProblems = covering;
        for (const k of covering) this.placed.add(k);
      }
      run += line.text[i];
      if (i + 1 < to && line.offsets[i + 1]! > offset + 1) {
        const before = out.length;
        flush();
        this.rawBetween(out, offset + 1, line.offsets[i + 1]!, 'inside');
        // Nothing hidden there: keep the run going.
        if (out.length === before + 1 && out[before]!.kind === 'text') {
          const text = out.pop() as TextInline;
          run = text.text;
        }
      }
    }
    flush();
    if (to === line.text.length) this.rawBetween(out, lineEnd, this.gapEndAfter(line), 'edge');
    return out;
  }

  /** Where the source before a TextLine starts: after the previous TextLine on the same source line, or at the line start. */
  private gapStartBefore(line: TextLine): number {
    const previous = this.lines[line.index - 1];
    if (previous && previous.text.length > 0 && previous.line === line.line) return previous.offsets[previous.text.length - 1]! + 1;
    return this.model.index.lineStarts[line.line]!;
  }

  private gapEndAfter(line: TextLine): number {
    const next = this.lines[line.index + 1];
    const end = line.offsets[line.text.length - 1]! + 1;
    const sourceLine = this.model.index.positionAt(end).line;
    if (next && next.line === sourceLine) return next.offsets[0]!;
    return this.model.index.lineEnd(sourceLine);
  }

  /**
   * HTML tags written next to visible characters, shown as the text the author typed. A `<br>` at
   * the edge of a TextLine is where the engine already split the line, so it prints nothing.
   */
  private rawBetween(out: Inline[], start: number, end: number, where: 'edge' | 'inside'): void {
    if (end <= start) return;
    let gap = this.model.source.slice(start, end).replace(COMMENT, '');
    if (where === 'edge') gap = gap.replace(new RegExp(BR_TAG.source, 'giu'), '');
    const open = gap.indexOf('<');
    const close = gap.lastIndexOf('>');
    if (open < 0 || close < open) return;
    const raw = gap.slice(open, close + 1).trim();
    if (!/^<[/!?a-z]/iu.test(raw)) return;
    if (ONLY_BR_TAGS.test(raw)) out.push({ kind: 'break' });
    else out.push({ kind: 'raw', text: raw });
  }

  private recipients(): Paragraph[] {
    const recipients = this.model.recipients;
    if (!recipients) {
      const placeholder = this.placeholder('recipientsHeading', 'recipients');
      return placeholder ? [placeholder] : [];
    }
    const out: Paragraph[] = [];
    this.push(out, this.part('recipientsHeading', recipients.heading.range));
    for (const entry of recipients.entries) this.push(out, this.part('recipient', entry.range));
    return out;
  }

  private signature(): Paragraph[] {
    const signature = this.model.signature;
    if (!signature) {
      const placeholder = this.placeholder('signAuthority', 'signature');
      return placeholder ? [placeholder] : [];
    }
    const parts = [signature.prefix, signature.authority, signature.title, signature.name].filter((part) => part !== undefined);
    const first = signature.firstTextLine;
    const lastOffset = this.model.index.offsetAt(signature.range.end);
    const roleOf = (line: TextLine): Role => {
      const touches = (range: Range | undefined): boolean => range !== undefined && this.slicesOf(range).some((slice) => slice.line === line);
      if (touches(signature.name?.range)) return 'signName';
      if (touches(signature.prefix?.range) || touches(signature.authority?.range)) return 'signAuthority';
      if (touches(signature.title?.range)) return 'signTitle';
      return 'signNote';
    };
    const out: Paragraph[] = [];
    for (let i = first; i < this.lines.length; i++) {
      const line = this.lines[i]!;
      if (line.offsets[0]! >= lastOffset) break;
      if (this.consumed.has(i) || line.kind === 'html') continue;
      const isPart = parts.some((part) => this.slicesOf(part.range).some((slice) => slice.line === line));
      // Between the parts of the signature only short notes belong to it ("(Đã ký)"); recipients in a
      // table beside it are not part of it.
      if (!isPart && !/^[([].*[)\]]$/u.test(line.nfc)) continue;
      out.push(this.paragraph(roleOf(line), [{ line, from: 0, to: line.text.length }], 'lines'));
    }
    return out;
  }

  /** The draft's lines [start, end) not yet placed, as paragraphs, section titles, raw HTML and tables. */
  private blocks(start: number, end: number, role: Role): Block[] {
    const out: Block[] = [];
    let i = start;
    while (i < end) {
      const line = this.lines[i]!;
      if (this.consumed.has(i)) {
        i++;
        continue;
      }
      if (line.kind === 'tableCell' && line.table) {
        const table = line.table.table;
        const cells: TextLine[] = [];
        while (i < end && this.lines[i]!.table?.table === table) {
          if (!this.consumed.has(i)) cells.push(this.lines[i]!);
          i++;
        }
        out.push(this.table(cells));
        continue;
      }
      const section = this.sectionAt.get(i);
      if (section) {
        const paragraph = this.paragraph(sectionRole(section, line), [{ line, from: 0, to: line.text.length }], 'markdown');
        if (line.strong && paragraph.role !== 'section') paragraph.bold = true;
        out.push(paragraph);
        i++;
        continue;
      }
      const group: TextLine[] = [line];
      i++;
      while (i < end && !this.consumed.has(i) && this.lines[i]!.block === line.block && !this.sectionAt.has(i)) group.push(this.lines[i++]!);
      if (line.kind === 'html') {
        const raw = this.rawBlock(group);
        if (raw) out.push(raw);
        continue;
      }
      const paragraph = this.paragraph(role, group.map((l) => ({ line: l, from: 0, to: l.text.length })), role === 'headerNote' ? 'lines' : 'markdown');
      if (group.every((l) => l.strong)) paragraph.bold = true;
      else if (group.every((l) => l.emphasized)) paragraph.italic = true;
      out.push(paragraph);
    }
    return out;
  }

  /** An HTML block of the draft, as text; comments alone print nothing. */
  private rawBlock(group: TextLine[]): Paragraph | undefined {
    for (const line of group) this.consumed.add(line.index);
    const text = group.map((line) => line.text).join('\n');
    if (text.replace(COMMENT, '').trim() === '') return undefined;
    const inlines: Inline[] = [];
    group.forEach((line, k) => {
      if (k > 0) inlines.push({ kind: 'break' });
      inlines.push({ kind: 'raw', text: line.text });
    });
    const paragraph: Paragraph = { kind: 'paragraph', role: 'raw', line: group[0]!.line, inlines, notes: [] };
    this.anchored.push(paragraph);
    return paragraph;
  }

  private table(cells: TextLine[]): TableBlock {
    const rows: Paragraph[][] = [];
    let columns = 0;
    const byCell = new Map<string, TextLine[]>();
    for (const cell of cells) {
      const { row, column } = cell.table!;
      columns = Math.max(columns, column + 1);
      const key = `${row}:${column}`;
      byCell.set(key, [...(byCell.get(key) ?? []), cell]);
    }
    const rowCount = Math.max(0, ...cells.map((cell) => cell.table!.row + 1));
    for (let row = 0; row < rowCount; row++) {
      const paragraphs: Paragraph[] = [];
      for (let column = 0; column < columns; column++) {
        const lines = byCell.get(`${row}:${column}`);
        if (lines) {
          const paragraph = this.paragraph('tableCell', lines.map((line) => ({ line, from: 0, to: line.text.length })), 'lines');
          if (row === 0 || lines.every((line) => line.strong)) paragraph.bold = true;
          paragraphs.push(paragraph);
        } else paragraphs.push({ kind: 'paragraph', role: 'tableCell', inlines: [], notes: [] });
      }
      rows.push(paragraphs);
    }
    return { kind: 'table', line: cells[0]?.line ?? 0, rows };
  }

  /** Problems that cover no visible character go to the closest paragraph at or before their line. */
  private attachUnplaced(): void {
    const ordered = [...this.anchored].sort((a, b) => a.line! - b.line!);
    this.problems.forEach((problem, i) => {
      if (this.placed.has(i)) return;
      let target = ordered[0];
      for (const paragraph of ordered) {
        if (paragraph.line! <= problem.line) target = paragraph;
        else break;
      }
      target?.notes.push(i);
    });
  }
}

/** Roman sections print bold in capitals; a numbered item or a lettered point prints as a title only when it reads as one. */
function sectionRole(section: Section, line: TextLine): Role {
  if (section.rank <= 1) return 'section';
  const titleLike = line.strong || (line.nfc.length <= 160 && !/[.;,]$/u.test(line.nfc));
  if (!titleLike) return 'body';
  return section.rank === 2 ? 'item' : 'point';
}

/** Joins neighbouring text runs that carry the same problems. */
function mergeInlines(inlines: Inline[]): Inline[] {
  const out: Inline[] = [];
  for (const inline of inlines) {
    const last = out[out.length - 1];
    if (inline.kind === 'text' && last?.kind === 'text' && last.problems.join(',') === inline.problems.join(',')) {
      out[out.length - 1] = { ...last, text: last.text + inline.text };
    } else if (inline.kind !== 'text' || inline.text !== '') out.push(inline);
  }
  return out;
}
