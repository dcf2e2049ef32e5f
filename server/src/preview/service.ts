// The language server's side of the preview: answers PREVIEW_REQUEST and EXPORT_REQUEST from
// the analysis the server already keeps for the document's current version, so the preview shows
// exactly the diagnostics of the editor (settings, .kehoach.json and workspace rules included).
// Typed against the one method it uses, so this folder imports nothing from the LSP libraries.
import type { CheckResult } from '../engine/check.js';
import type { Diagnostic, Locale } from '../engine/types.js';
import { EXPORT_FORMATS, documentTitle, exportChecked } from './exporter.js';
import { EXPORT_REQUEST, type ExportParams, bytesToBase64, type ExportResult, PREVIEW_REQUEST, type PreviewParams, type PreviewResult, type ProblemCounts } from './protocol.js';
import { problemSummary, renderPlanPage } from './render.js';

/** A document the server has checked as a plan. */
export interface CheckedDocument {
  uri: string;
  version: number;
  check: CheckResult;
  locale: Locale;
}

export interface RequestConnection {
  onRequest(method: string, handler: (params: never) => unknown): unknown;
}

/** Registers both requests; `planAnalysis` gives the checked current version, or undefined for a document that is not a plan. */
export function registerPreviewRequests(connection: RequestConnection, planAnalysis: (uri: string) => Promise<CheckedDocument | undefined>): void {
  connection.onRequest(PREVIEW_REQUEST, async (params: Partial<PreviewParams> | undefined): Promise<PreviewResult | null> => {
    if (typeof params?.uri !== 'string') return null;
    const analysis = await planAnalysis(params.uri);
    return analysis ? previewResult(analysis) : null;
  });
  connection.onRequest(EXPORT_REQUEST, async (params: Partial<ExportParams> | undefined): Promise<ExportResult | null> => {
    if (typeof params?.uri !== 'string' || !EXPORT_FORMATS.includes(params.format as never)) return null;
    const analysis = await planAnalysis(params.uri);
    return analysis ? exportResult(analysis, params.format!) : null;
  });
}

export function previewResult({ uri, version, check, locale }: CheckedDocument): PreviewResult {
  const { html, layout } = renderPlanPage(check, { problems: true, placeholders: true, locale });
  return { uri, version, html, status: problemSummary(layout.problems, locale), title: documentTitle(check), ...counts(check.diagnostics) };
}

export async function exportResult({ version, check, locale }: CheckedDocument, format: ExportParams['format']): Promise<ExportResult> {
  const bytes = await exportChecked(check, format, { locale });
  return { version, format, base64: bytesToBase64(bytes), ...counts(check.diagnostics) };
}

function counts(diagnostics: readonly Diagnostic[]): ProblemCounts {
  const count = (severity: Diagnostic['severity']): number => diagnostics.filter((d) => d.severity === severity).length;
  return { errors: count('error'), warnings: count('warning'), infos: count('info') };
}
