// "Check before signing": every rule, cross-file ones included, on the plan about to be signed,
// on the plans it cites and on the plans that cite it, with the problems grouped by the area of
// the plan they concern and a verdict per area. Pure data: the language server sends it, the
// editor renders it, and tests read it without an editor.
import { checkText } from '../check.js';
import type { ResolvedConfig } from '../config.js';
import type { PlanModel } from '../model.js';
import type { Rule } from '../rule.js';
import { RULES } from '../rules/index.js';
import type { Diagnostic, Localized, Range, RuleArea, Severity } from '../types.js';
import { dayNumber, issueDateOf } from '../dates.js';
import type { PlanIndex } from './plan-index.js';
import { plansCitedAs } from './resolve.js';

export type PlanRole = 'self' | 'cited' | 'citing';

export interface SigningPlan {
  uri: string;
  role: PlanRole;
  symbol?: string;
  /** The plan's title summary (trích yếu), as far as the index knows it. */
  summary?: string;
  date?: { day: number; month: number; year: number };
  /** Why the plan could not be checked (unreadable, no longer a plan); absent when it was. */
  notChecked?: Localized;
  errors: number;
  warnings: number;
  infos: number;
}

/** A problem as the report lists it: no fix (the editor offers those on the plan itself). */
export interface SigningProblem extends Omit<Diagnostic, 'fix'> {
  /** The plan the problem is in. */
  uri: string;
}

export interface SigningArea {
  area: RuleArea;
  title: Localized;
  /** No error in the area, in any of the plans checked. Warnings and infos are shown but do not fail it. */
  passed: boolean;
  errors: number;
  warnings: number;
  infos: number;
  /** The rules of the area that ran on the plan (those the configuration does not turn off). */
  ruleIds: string[];
  problems: SigningProblem[];
}

export interface SigningReport {
  /** The plan about to be signed. */
  uri: string;
  passed: boolean;
  plans: SigningPlan[];
  areas: SigningArea[];
}

export const AREA_TITLES: Record<RuleArea, Localized> = {
  sections: { vi: 'Bố cục các mục', en: 'Sections' },
  header: { vi: 'Phần đầu: số, ký hiệu, ngày, tên loại, cơ quan', en: 'Header: number, date, title, issuer' },
  dates: { vi: 'Ngày tháng và thời hạn', en: 'Dates and deadlines' },
  citations: { vi: 'Trích dẫn văn bản', en: 'Citations' },
  recipients: { vi: 'Nơi nhận', en: 'Recipients' },
  signature: { vi: 'Chữ ký', en: 'Signature' },
  text: { vi: 'Chữ viết tắt và mã chữ', en: 'Abbreviations and text encoding' },
};

const AREAS = Object.keys(AREA_TITLES) as RuleArea[];
const ROLE_ORDER: Record<PlanRole, number> = { self: 0, cited: 1, citing: 2 };

/** The plans of the folder that the plan cites, and those citing it (each once, itself left out). */
export function relatedPlans(model: PlanModel, index: PlanIndex, self: string): { cited: string[]; citing: string[] } {
  const cited = new Set<string>();
  const issued = issueDateOf(model);
  const issuedDay = issued ? dayNumber(issued) : undefined;
  for (const citation of model.citations) {
    for (const plan of plansCitedAs(index, self, citation.symbol, citation.date?.year, issuedDay)) cited.add(plan.uri);
  }
  const citing = new Set<string>();
  const number = model.header.number;
  if (number?.number) {
    for (const { uri } of index.citationsOf(number.value)) if (uri !== self && !cited.has(uri)) citing.add(uri);
  }
  return { cited: [...cited], citing: [...citing] };
}

export interface SigningInput {
  /** The plan's URI as the index spells it. */
  uri: string;
  text: string;
  config: ResolvedConfig;
  index: PlanIndex;
  /** Another plan's current text (its open buffer, else the file); undefined when it cannot be read. */
  read(uri: string): string | undefined;
  configFor(uri: string): ResolvedConfig;
  rules?: readonly Rule[];
}

export function signingReport(input: SigningInput): SigningReport {
  const rules = input.rules ?? RULES;
  const areaOf = new Map(rules.map((rule) => [rule.meta.id, rule.meta.area]));
  const self = checkText(input.text, { config: input.config, rules, workspace: { uri: input.uri, index: input.index } });
  const { cited, citing } = relatedPlans(self.model, input.index, input.uri);
  const plans: SigningPlan[] = [];
  const problems: SigningProblem[] = [];
  const add = (uri: string, role: PlanRole, diagnostics: Diagnostic[], notChecked?: Localized): void => {
    const summary = input.index.get(uri);
    plans.push({
      uri,
      role,
      symbol: summary?.symbol,
      summary: summary?.summary,
      date: summary?.date,
      notChecked,
      errors: count(diagnostics, 'error'),
      warnings: count(diagnostics, 'warning'),
      infos: count(diagnostics, 'info'),
    });
    // Field by field: reading `fix` would compute the fixes some rules make only when asked.
    for (const { ruleId, slug, severity, message, range, related } of diagnostics) problems.push({ ruleId, slug, severity, message, range, related, uri });
  };
  add(input.uri, 'self', self.diagnostics);
  for (const [role, uris] of [['cited', cited], ['citing', citing]] as const) {
    for (const uri of uris) {
      const text = input.read(uri);
      if (text === undefined) {
        add(uri, role, [], { vi: 'Không đọc được tệp', en: 'The file cannot be read' });
        continue;
      }
      add(uri, role, checkText(text, { config: input.configFor(uri), rules, workspace: { uri, index: input.index } }).diagnostics);
    }
  }
  const roleOf = new Map(plans.map((plan) => [plan.uri, plan.role]));
  const areas = AREAS.map((area): SigningArea => {
    const inArea = problems
      .filter((problem) => areaOf.get(problem.ruleId) === area)
      .sort((a, b) => ROLE_ORDER[roleOf.get(a.uri)!] - ROLE_ORDER[roleOf.get(b.uri)!] || a.uri.localeCompare(b.uri) || compareRanges(a.range, b.range));
    const errors = count(inArea, 'error');
    return {
      area,
      title: AREA_TITLES[area],
      passed: errors === 0,
      errors,
      warnings: count(inArea, 'warning'),
      infos: count(inArea, 'info'),
      ruleIds: rules.filter((rule) => rule.meta.area === area && input.config.rules[rule.meta.id] !== 'off').map((rule) => rule.meta.id),
      problems: inArea,
    };
  });
  return { uri: input.uri, passed: areas.every((area) => area.passed), plans, areas };
}

function count(diagnostics: readonly Diagnostic[], severity: Severity): number {
  return diagnostics.filter((diagnostic) => diagnostic.severity === severity).length;
}

function compareRanges(a: Range, b: Range): number {
  return a.start.line - b.start.line || a.start.character - b.start.character;
}
