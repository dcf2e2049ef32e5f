// The engine's entry point: parse a draft once into a plan model, run every enabled rule over it,
// apply configured severities and disable comments.
import { DEFAULT_CONFIG, type ResolvedConfig, profileFor } from './config.js';
import { buildModel } from './extract.js';
import type { ChunkCache } from './markdown.js';
import type { PlanModel } from './model.js';
import type { Profile } from './profile.js';
import type { Rule, WorkspaceView } from './rule.js';
import { RULES } from './rules/index.js';
import type { Diagnostic, Fix, Range } from './types.js';
import { compareKey } from './text.js';
import { WELL_KNOWN_ABBREVIATIONS } from './vocabulary.js';

export interface CheckResult {
  model: PlanModel;
  profile: Profile;
  diagnostics: Diagnostic[];
}

export interface CheckOptions {
  config?: ResolvedConfig;
  /** Rules to run; all rules by default. */
  rules?: readonly Rule[];
  /** The folder's other plans: enables the cross-file rules. */
  workspace?: WorkspaceView;
  /** The document's parsed chunks, kept by a caller that checks it again after each edit. */
  chunks?: ChunkCache;
}

export function checkText(source: string, options: CheckOptions = {}): CheckResult {
  const config = options.config ?? DEFAULT_CONFIG;
  let profile: Profile | undefined;
  const model = buildModel(source, {
    profileFor: (detected) => (profile = profileFor(config, detected)),
    chunks: options.chunks,
  });
  profile ??= profileFor(config, model.detectedProfile);
  return { model, profile, diagnostics: runRules(model, profile, config, options.rules ?? RULES, options.workspace) };
}

export function runRules(model: PlanModel, profile: Profile, config: ResolvedConfig, rules: readonly Rule[], workspace?: WorkspaceView): Diagnostic[] {
  const knownAbbreviations = new Set([...WELL_KNOWN_ABBREVIATIONS, ...config.abbreviations]);
  const officeWords = new Set(config.words.map(compareKey));
  const diagnostics: Diagnostic[] = [];
  const suppressed = suppressionIndex(model);
  for (const rule of rules) {
    const setting = config.rules[rule.meta.id] ?? rule.meta.defaultSeverity;
    if (setting === 'off') continue;
    rule.check({
      model,
      profile,
      knownAbbreviations,
      officeWords,
      workspace,
      report(problem) {
        if (suppressed(rule.meta.id, problem.range)) return;
        const diagnostic: Diagnostic = {
          ruleId: rule.meta.id,
          slug: rule.meta.slug,
          severity: config.rules[rule.meta.id] === undefined && problem.severity ? problem.severity : setting,
          message: problem.message,
          range: problem.range,
          related: problem.related,
        };
        if (problem.unknownWord !== undefined) diagnostic.unknownWord = problem.unknownWord;
        const fix = problem.fix;
        if (typeof fix === 'function') defineLazyFix(diagnostic, fix);
        else if (fix) diagnostic.fix = fix;
        diagnostics.push(diagnostic);
      },
    });
  }
  return diagnostics.sort(
    (a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || a.ruleId.localeCompare(b.ruleId),
  );
}

/** `diagnostic.fix` computed on first read, then kept; enumerable so that JSON and IPC carry it. */
function defineLazyFix(diagnostic: Diagnostic, compute: () => Fix | undefined): void {
  let computed = false;
  let value: Fix | undefined;
  Object.defineProperty(diagnostic, 'fix', {
    enumerable: true,
    configurable: true,
    get() {
      if (!computed) {
        value = compute();
        computed = true;
      }
      return value;
    },
  });
}

/** Whether a rule is disabled at a range's start line by a kehoach-disable comment. */
function suppressionIndex(model: PlanModel): (ruleId: string, range: Range) => boolean {
  if (model.suppressions.length === 0) return () => false;
  const ordered = [...model.suppressions].sort((a, b) => a.line - b.line);
  return (ruleId, range) => {
    const line = range.start.line;
    let disabled = false;
    for (const s of ordered) {
      const applies = s.ruleIds.length === 0 || s.ruleIds.includes(ruleId);
      if (!applies) continue;
      if (s.kind === 'disable-next-line') {
        if (s.targetLine === line) return true;
        continue;
      }
      if (s.line > line) break;
      disabled = s.kind === 'disable';
    }
    return disabled;
  };
}
