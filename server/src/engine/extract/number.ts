// The plan's number and a document number's identity. The one place that knows how "Số: 354/KH-PGDĐT"
// and "Số 12-KH/TU" are written, and when two written numbers name the same document.
import type { PlanNumber, TextLine } from '../model.js';
import { type PlanLines, lineRange, partOf } from './lines.js';

/** "Số:", "Số.", "Số" at the start of a line, then the value. */
export const NUMBER_LINE = /^(Số)\s*(?::|\.)?\s*(.*)$/u;

/** Whether the value after "Số" can be a plan number: digits, or left blank until registration ("…/KH-UBND"). */
export function isNumberValue(value: string): boolean {
  return value.length === 0 || /^[\d.…_ /]/u.test(value);
}

/** Whether a line under the title is the plan's number line ("Số: 12/KH-UBND", "Số …/KH"). */
export function isNumberLine(text: string): boolean {
  return NUMBER_LINE.test(text) && /\d|\.{2,}|…|\//u.test(text);
}

export function readPlanNumber(plan: PlanLines, line: TextLine, match: RegExpExecArray): PlanNumber {
  const labelEnd = match[1]!.length;
  const valueStart = line.nfc.length - match[2]!.length;
  const value = line.nfc.slice(valueStart).replace(/[\s*]+$/u, '');
  const compact = value.replace(/\s+/g, '');
  // A blank or dotted number ("…/KH-UBND") is a placeholder: the form is known, the number is not.
  const state = /^(\d+|[.…_]*)\/([\p{L}&]+)-([\p{L}&-]+)$/u.exec(compact);
  const party = /^(\d+|[.…_]*)-([\p{L}&]+)\/([\p{L}&/-]+)$/u.exec(compact);
  const found = state ?? party;
  return {
    ...partOf(plan, line),
    labelRange: lineRange(plan.index, line, 0, labelEnd),
    value,
    valueRange: lineRange(plan.index, line, valueStart, valueStart + value.length),
    form: state ? 'state' : party ? 'party' : 'unknown',
    number: found?.[1] && /^\d/u.test(found[1]) ? found[1] : undefined,
    typeCode: found?.[2],
    issuerCode: found?.[3],
  };
}

// Dash lookalikes (en dash, em dash, hyphen, minus) are recognised, then reported as wrong separators.
export const DASHES = '–—‐−';

export type SymbolForm = 'state' | 'party' | 'legal' | 'unknown';

export interface ParsedSymbol {
  symbol: string;
  number: string;
  numberYear?: number;
  typeCode?: string;
  issuerCode?: string;
  form: SymbolForm;
  formatProblems: string[];
}

/**
 * Reads a number/symbol. `formatProblems` lists what ND30 (Phụ lục I, II.3.c) forbids: 'spaces'
 * inside it, a 'dash' lookalike instead of "-", 'separators' that fit no form ("12-KH-UBND",
 * "298 KH/TWĐTN"), or a 'shape' that is not a full symbol at all ("5/KH").
 */
export function parseSymbol(raw: string): ParsedSymbol {
  const formatProblems: string[] = [];
  if (/\s/.test(raw)) formatProblems.push('spaces');
  if (new RegExp(`[${DASHES}]`, 'u').test(raw)) formatProblems.push('dash');
  const symbol = normalizeSymbol(raw);
  const legal = /^(\d+)\/(\d{4})\/([\p{L}&]+)-([\p{L}&-]+)$/u.exec(symbol);
  if (legal) {
    return { symbol, number: legal[1]!, numberYear: Number(legal[2]), typeCode: legal[3], issuerCode: legal[4], form: 'legal', formatProblems };
  }
  // Laws and the National Assembly's resolutions carry no type code: "102/2016/QH13".
  const assembly = /^(\d+)\/(\d{4})\/((?:UBTV)?QH\d+)$/u.exec(symbol);
  if (assembly) return { symbol, number: assembly[1]!, numberYear: Number(assembly[2]), issuerCode: assembly[3], form: 'legal', formatProblems };
  // An issuer's code may carry the legislature's number: "653/NQ-UBTVQH14".
  const state = /^(\d+)\/([\p{L}&]+)-(\p{L}[\p{L}\d&-]*)$/u.exec(symbol);
  if (state) return { symbol, number: state[1]!, typeCode: state[2], issuerCode: state[3], form: 'state', formatProblems };
  const party = /^(\d+)-([\p{L}&]+)\/(\p{L}[\p{L}\d&/-]*)$/u.exec(symbol);
  if (party) return { symbol, number: party[1]!, typeCode: party[2], issuerCode: party[3], form: 'party', formatProblems };
  const number = /^\d+/.exec(symbol)?.[0] ?? '';
  // A space may stand for a separator ("298 KH/TWĐTN"): the groups are read before it is removed.
  const codes = raw.normalize('NFC').split(new RegExp(`[\\s/${DASHES}-]+`, 'u')).filter((part) => /^\p{L}/u.test(part));
  formatProblems.push(codes.length >= 2 ? 'separators' : 'shape');
  // Such a symbol reads as written, one space kept where it stands for a separator: "298 KH/TWĐTN".
  const written = raw.normalize('NFC').replace(new RegExp(`\\s*([/${DASHES}-])\\s*`, 'gu'), (_, separator: string) => (separator === '/' ? '/' : '-')).replace(/\s+/gu, ' ');
  return { symbol: written, number, form: 'unknown', formatProblems };
}

/** The symbol as ND30 writes it: no spaces, "-" for every dash lookalike, NFC. */
export function normalizeSymbol(raw: string): string {
  return raw.replace(/\s+/gu, '').replace(new RegExp(`[${DASHES}]`, 'gu'), '-').normalize('NFC');
}


/** The plan's own symbol for the index: its number as written, normalised, when it has digits. */
export function planSymbol(number: PlanNumber | undefined): string | undefined {
  return number && /^\d+\s*[/-]\s*[\p{L}&]/u.test(number.value) ? normalizeSymbol(number.value) : undefined;
}

/**
 * When two written numbers name the same document: case, spaces and an en dash for the hyphen do
 * not matter ("354/KH-PGDĐT" = "354/kh – pgdđt"). Every comparison of numbers goes through here.
 */
export function symbolKey(symbol: string): string {
  return normalizeSymbol(symbol).toUpperCase();
}
