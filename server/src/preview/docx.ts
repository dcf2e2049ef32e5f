// The plan as a Word document, from the same layout as the preview: A4 with the margins of
// Phụ lục I, Times New Roman at the sizes of every element, the header and the signature block as
// borderless two-column tables, page numbers from page 2 in the top margin. Problems are never
// written into the document: it is what will be printed and signed.
import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph as DocxParagraph,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { Block, Paragraph, PrintLayout } from './layout.js';
import {
  BODY_LINE_SPACING,
  CLOSING_COLUMNS_MM,
  FIRST_LINE_INDENT_MM,
  FONT_FAMILY,
  HEADER_COLUMNS_MM,
  MM_PER_PT,
  PAGE,
  PAGE_NUMBER_PT,
  PARAGRAPH_SPACING_PT,
  ROLE_STYLES,
  SIGNATURE_GAP_PT,
  TEXT_WIDTH_MM,
  estimatedWidthPt,
} from './style.js';
import { xmlSafe } from './xml-safe.js';

const MONO_FONT = 'Courier New';
/** Twentieths of a point, the unit of spacing in WordprocessingML. */
const pt = (points: number): number => Math.round(points * 20);
// Rounded, not floored as docx's convertMillimetersToTwip does: Word's A4 is 11906 × 16838 twips,
// and a page one twip smaller is a custom size to printer drivers.
const mm = (millimetres: number): number => Math.round((millimetres * 1440) / 25.4);
const halfPoints = (points: number): number => Math.round(points * 2);

const ALIGN = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, justify: AlignmentType.JUSTIFIED } as const;
const SINGLE_LINE = { style: BorderStyle.SINGLE, size: 6, color: '000000' } as const;

export interface DocxOptions {
  title?: string;
}

export async function renderDocx(layout: PrintLayout, options: DocxOptions = {}): Promise<Uint8Array> {
  const children: Array<DocxParagraph | Table> = [
    twoColumns(layout.header.left, layout.header.right, HEADER_COLUMNS_MM),
    ...layout.headerNotes.flatMap((block) => blockToDocx(block, TEXT_WIDTH_MM)),
    ...layout.title.flatMap((p, i) => paragraphToDocx(p, TEXT_WIDTH_MM, { before: i === 0 ? 18 : 0 })),
    spacer(6),
    ...layout.body.flatMap((block) => blockToDocx(block, TEXT_WIDTH_MM)),
    twoColumns(layout.closing.recipients, layout.closing.signature, CLOSING_COLUMNS_MM, 12),
    ...layout.after.flatMap((block) => blockToDocx(block, TEXT_WIDTH_MM)),
  ];
  const { marginMm } = PAGE;
  const document = new Document({
    title: options.title === undefined ? undefined : xmlSafe(options.title),
    creator: 'kehoach',
    styles: {
      default: {
        document: {
          run: { font: FONT_FAMILY, size: halfPoints(ROLE_STYLES.body.size) },
          paragraph: { spacing: { before: 0, after: 0 } },
        },
      },
    },
    sections: [
      {
        properties: {
          titlePage: true,
          page: {
            size: { width: mm(PAGE.widthMm), height: mm(PAGE.heightMm) },
            margin: { top: mm(marginMm.top), bottom: mm(marginMm.bottom), left: mm(marginMm.left), right: mm(marginMm.right), header: mm(10), footer: mm(10) },
          },
        },
        // Phụ lục I, I.7: page numbers centred in the top margin, 13-14 pt, none on the first page.
        headers: {
          default: new Header({
            children: [new DocxParagraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT], size: halfPoints(PAGE_NUMBER_PT) })] })],
          }),
          first: new Header({ children: [new DocxParagraph({ children: [] })] }),
        },
        children,
      },
    ],
  });
  return new Uint8Array(await Packer.toArrayBuffer(document));
}

/** A borderless two-column table: agency | motto at the top, recipients | signature at the end. */
function twoColumns(left: Paragraph[], right: Paragraph[], widths: { left: number; right: number }, beforePt = 0): Table {
  const cell = (paragraphs: Paragraph[], width: number): TableCell =>
    new TableCell({
      width: { size: mm(width), type: WidthType.DXA },
      borders: TableBorders.NONE,
      margins: { top: 0, bottom: 0, left: 0, right: 0 },
      children: paragraphs.length > 0 ? paragraphs.flatMap((p, i) => paragraphToDocx(p, width, { before: i === 0 ? beforePt : undefined })) : [new DocxParagraph({ children: [] })],
    });
  return new Table({
    layout: TableLayoutType.FIXED,
    width: { size: mm(widths.left + widths.right), type: WidthType.DXA },
    columnWidths: [mm(widths.left), mm(widths.right)],
    borders: TableBorders.NONE,
    rows: [new TableRow({ children: [cell(left, widths.left), cell(right, widths.right)] })],
  });
}

function blockToDocx(block: Block, widthMm: number): Array<DocxParagraph | Table> {
  if (block.kind === 'paragraph') return paragraphToDocx(block, widthMm);
  const columns = Math.max(1, ...block.rows.map((row) => row.length));
  const columnMm = widthMm / columns;
  return [
    new Table({
      layout: TableLayoutType.FIXED,
      width: { size: mm(widthMm), type: WidthType.DXA },
      columnWidths: Array.from({ length: columns }, () => mm(columnMm)),
      borders: { top: SINGLE_LINE, bottom: SINGLE_LINE, left: SINGLE_LINE, right: SINGLE_LINE, insideHorizontal: SINGLE_LINE, insideVertical: SINGLE_LINE },
      rows: block.rows.map(
        (row) =>
          new TableRow({
            children: Array.from({ length: columns }, (_, i) => {
              const paragraph = row[i];
              return new TableCell({
                width: { size: mm(columnMm), type: WidthType.DXA },
                margins: { top: pt(2), bottom: pt(2), left: pt(4), right: pt(4) },
                children: paragraph ? paragraphToDocx(paragraph, columnMm) : [new DocxParagraph({ children: [] })],
              });
            }),
          }),
      ),
    }),
    spacer(PARAGRAPH_SPACING_PT),
  ];
}

function paragraphToDocx(p: Paragraph, widthMm: number, spacingOverride: { before?: number } = {}): DocxParagraph[] {
  const style = ROLE_STYLES[p.role];
  const inBody = style.indent === true || p.role === 'raw' || p.role === 'tableCell';
  const size = halfPoints(style.size);
  const bold = style.bold || p.bold;
  const italics = style.italic || p.italic;
  const color = p.placeholder ? '8A8A8A' : undefined;
  const runs: TextRun[] = [];
  for (const inline of p.inlines) {
    if (inline.kind === 'break') runs.push(new TextRun({ break: 1, size }));
    else if (inline.kind === 'raw') runs.push(new TextRun({ text: xmlSafe(inline.text), font: MONO_FONT, size: halfPoints(10), color: '444444' }));
    else runs.push(new TextRun({ text: xmlSafe(inline.text), size, bold, italics, allCaps: style.upper, color }));
  }
  let before = spacingOverride.before;
  if (before === undefined) {
    if (p.role === 'signName') before = SIGNATURE_GAP_PT;
    else if (p.role === 'number' || p.role === 'placeDate') before = 6;
    else before = 0;
  }
  const out = [
    new DocxParagraph({
      alignment: ALIGN[style.align],
      indent: style.indent ? { firstLine: mm(FIRST_LINE_INDENT_MM) } : undefined,
      spacing: {
        before: pt(before),
        after: inBody && p.role !== 'tableCell' ? pt(PARAGRAPH_SPACING_PT) : 0,
        line: Math.round(240 * (inBody ? BODY_LINE_SPACING : 1)),
        lineRule: LineRuleType.AUTO,
      },
      children: runs,
    }),
  ];
  if (p.ruleBelow) out.push(ruleParagraph(p, widthMm));
  return out;
}

/** A horizontal line under a paragraph: an empty paragraph with a bottom border, narrowed by its indents. */
function ruleParagraph(p: Paragraph, widthMm: number): DocxParagraph {
  const style = ROLE_STYLES[p.role];
  const written = p.inlines.map((inline) => (inline.kind === 'text' ? inline.text : '')).join('');
  const text = style.upper ? written.toUpperCase() : written;
  const ruleMm =
    p.ruleBelow === 'text'
      ? Math.min(widthMm, estimatedWidthPt(text, style.size, style.bold) * MM_PER_PT)
      : Math.min(widthMm / 3, estimatedWidthPt(text, style.size, style.bold) * MM_PER_PT);
  const side = Math.max(0, (widthMm - ruleMm) / 2);
  return new DocxParagraph({
    indent: { left: mm(side), right: mm(side) },
    // Exactly 3 pt high, so the line sits 3 pt under the text above, clear of its descenders.
    spacing: { before: 0, after: 0, line: 60, lineRule: LineRuleType.EXACT },
    border: { bottom: SINGLE_LINE },
    children: [new TextRun({ text: '', size: 2 })],
  });
}

function spacer(points: number): DocxParagraph {
  return new DocxParagraph({ spacing: { before: 0, after: 0, line: pt(points), lineRule: LineRuleType.EXACT }, children: [new TextRun({ text: '', size: 2 })] });
}
