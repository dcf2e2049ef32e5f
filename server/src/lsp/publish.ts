// Diagnostics as the editor receives them: rule code, documentation link, source, related places
// in other plans when the client shows them, and the status notification after each check.
import { type Connection, type Diagnostic as LspDiagnostic, DiagnosticSeverity } from 'vscode-languageserver';
import type { ConfigError } from '../engine/config.js';
import { ruleDocsUrl } from '../engine/rule.js';
import type { Diagnostic, Locale, Severity } from '../engine/types.js';
import type { Analysis, PlanAnalysis } from './analysis.js';
import { DIAGNOSTIC_SOURCE } from './codeActions.js';
import type { ClientSupport } from './features/feature.js';
import { MESSAGES, pick } from './messages.js';
import { type DocumentStatus, STATUS_NOTIFICATION } from './protocol.js';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

export class DiagnosticPublisher {
  /** Documents whose last publication said nothing (not a plan): no need to say it again. */
  private readonly quiet = new Set<string>();

  constructor(
    private readonly connection: Connection,
    private readonly client: () => ClientSupport,
  ) {}

  publish(analysis: Analysis): void {
    const diagnostics = this.lspDiagnostics(analysis);
    const silent = diagnostics.length === 0 && analysis.state !== 'plan';
    if (silent && this.quiet.has(analysis.uri)) return;
    if (silent) this.quiet.add(analysis.uri);
    else this.quiet.delete(analysis.uri);
    void this.connection.sendDiagnostics({ uri: analysis.uri, version: analysis.version, diagnostics });
    if (this.client().statusNotifications) void this.connection.sendNotification(STATUS_NOTIFICATION, statusOf(analysis, diagnostics));
  }

  /** The document was closed: its diagnostics go with it. */
  clear(uri: string): void {
    this.quiet.delete(uri);
    void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  /** A .kehoach.json file's problem, shown on the file itself to the end of its line (cleared with undefined). */
  configProblem(uri: string, problem: { error: ConfigError; locale: Locale; lineLength: number } | undefined): void {
    const diagnostics: LspDiagnostic[] = [];
    if (problem) {
      const { error, locale, lineLength } = problem;
      diagnostics.push({
        range: { start: { line: error.line, character: error.column }, end: { line: error.line, character: Math.max(error.column, lineLength) } },
        severity: DiagnosticSeverity.Error,
        source: DIAGNOSTIC_SOURCE,
        message: pick(locale, MESSAGES.configProblem(error.key, error.detail)),
      });
    }
    void this.connection.sendDiagnostics({ uri, diagnostics });
  }

  private lspDiagnostics(analysis: Analysis): LspDiagnostic[] {
    const t = (text: { vi: string; en: string }): string => pick(analysis.locale, text);
    const documentStart = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    switch (analysis.state) {
      case 'plan':
        return analysis.check.diagnostics.map((diagnostic) => this.toLspDiagnostic(analysis, diagnostic));
      case 'too-large':
        return [{ range: documentStart, severity: DiagnosticSeverity.Information, source: DIAGNOSTIC_SOURCE, message: t(MESSAGES.tooLarge(analysis.size!, analysis.limit!)) }];
      case 'failed':
        return [{ range: documentStart, severity: DiagnosticSeverity.Warning, source: DIAGNOSTIC_SOURCE, message: t(MESSAGES.checkFailed(analysis.error ?? '')) }];
      default:
        return [];
    }
  }

  private toLspDiagnostic(analysis: PlanAnalysis, diagnostic: Diagnostic): LspDiagnostic {
    const result: LspDiagnostic = {
      range: diagnostic.range,
      severity: SEVERITY[diagnostic.severity],
      code: diagnostic.ruleId,
      codeDescription: { href: ruleDocsUrl(diagnostic.ruleId) },
      source: DIAGNOSTIC_SOURCE,
      message: pick(analysis.locale, diagnostic.message),
    };
    // The office-words action reads it back from the diagnostic the client sends.
    if (diagnostic.unknownWord !== undefined) result.data = { unknownWord: diagnostic.unknownWord };
    if (this.client().relatedInformation && diagnostic.related?.length) {
      result.relatedInformation = diagnostic.related.map((related) => ({
        location: { uri: related.uri ?? analysis.uri, range: related.range },
        message: pick(analysis.locale, related.message),
      }));
    }
    return result;
  }
}

function statusOf(analysis: Analysis, diagnostics: LspDiagnostic[]): DocumentStatus {
  const count = (severity: DiagnosticSeverity): number => (analysis.state === 'plan' ? diagnostics.filter((d) => d.severity === severity).length : 0);
  return {
    uri: analysis.uri,
    version: analysis.version,
    state: analysis.state,
    errors: count(DiagnosticSeverity.Error),
    warnings: count(DiagnosticSeverity.Warning),
    infos: count(DiagnosticSeverity.Information),
  };
}
