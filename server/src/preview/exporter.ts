// One plan to one printable file, shared by `kehoach export` and the VS Code export command.
import { type CheckResult, checkText } from '../engine/check.js';
import type { ResolvedConfig } from '../engine/config.js';
import type { Locale } from '../engine/types.js';
import { renderDocx } from './docx.js';
import { layoutPlan } from './layout.js';
import { renderStandaloneHtml } from './render.js';
import { xmlSafe } from './xml-safe.js';

export const EXPORT_FORMATS = ['html', 'docx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportOptions {
  config?: ResolvedConfig;
  locale?: Locale;
  /** Document title (HTML <title>, .docx properties); the summary of the plan by default. */
  title?: string;
  /** HTML only: mark the problems on the page, as the preview does. */
  problems?: boolean;
}

export interface ExportResult {
  bytes: Uint8Array;
  check: CheckResult;
}

export async function exportPlan(source: string, format: ExportFormat, options: ExportOptions = {}): Promise<ExportResult> {
  const check = checkText(source, { config: options.config });
  return { bytes: await exportChecked(check, format, options), check };
}

/** The printable file of a plan already checked (the language server keeps one per version). */
export async function exportChecked(check: Pick<CheckResult, 'model' | 'diagnostics'>, format: ExportFormat, options: Omit<ExportOptions, 'config'> = {}): Promise<Uint8Array> {
  const title = options.title ?? documentTitle(check);
  if (format === 'html') return new TextEncoder().encode(xmlSafe(await renderStandaloneHtml(check, { title, problems: options.problems, locale: options.locale })));
  return renderDocx(layoutPlan(check.model, { locale: options.locale }), { title });
}

/** "Kế hoạch 354/KH-PGDĐT — Thực hiện Chương trình ..." from whatever the header has. */
export function documentTitle({ model }: Pick<CheckResult, 'model'>): string {
  const { number, summary } = model.header;
  const symbol = number?.value ? ` ${number.value}` : '';
  return summary ? `Kế hoạch${symbol} — ${summary.text}` : `Kế hoạch${symbol}`;
}

/** The export format named by a file's extension, if it names one. */
export function formatOfPath(path: string): ExportFormat | undefined {
  const ext = /\.([a-z]+)$/iu.exec(path)?.[1]?.toLowerCase();
  if (ext === 'docx') return 'docx';
  if (ext === 'html' || ext === 'htm') return 'html';
  return undefined;
}
