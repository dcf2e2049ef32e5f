// The terminal format: problems grouped by file, one per line
//   2:1  lỗi  Thiếu dòng số, ký hiệu (Số: .../KH-...)  KH201/missing-number
// then a summary line. Lines and columns count from 1, as editors show them. Colour only when
// the caller says so (a terminal).
import pc from 'picocolors';
import type { Severity } from '../../engine/types.js';
import { messages, severityWord } from '../i18n.js';
import type { FileReport, Summary } from '../results.js';
import type { Reporter, ReporterOptions } from './reporter.js';

export function stylishReporter({ write, locale, color }: ReporterOptions): Reporter {
  const c = pc.createColors(color);
  const paint: Record<Severity, (text: string) => string> = { error: c.red, warning: c.yellow, info: c.blue };
  let fixable = 0;
  let printedAny = false;
  return {
    begin() {},
    file({ path, diagnostics }: FileReport) {
      if (diagnostics.length === 0) return;
      const rows = diagnostics.map((d) => ({
        where: `${d.range.start.line + 1}:${d.range.start.character + 1}`,
        severity: d.severity,
        word: severityWord(d.severity, locale),
        message: d.message,
        rule: `${d.ruleId}/${d.slug}`,
      }));
      fixable += diagnostics.filter((d) => d.fixable).length;
      const whereWidth = Math.max(...rows.map((r) => r.where.length));
      const wordWidth = Math.max(...rows.map((r) => r.word.length));
      const lines = rows.map(
        (r) => `  ${c.dim(r.where.padEnd(whereWidth))}  ${paint[r.severity](r.word.padEnd(wordWidth))}  ${r.message}  ${c.dim(r.rule)}`,
      );
      write(`${printedAny ? '\n' : ''}${c.underline(path)}\n${lines.join('\n')}\n`);
      printedAny = true;
    },
    end(summary: Summary) {
      const problems = summary.errors + summary.warnings + summary.infos;
      const line = messages.summary({ problems, ...summary }, locale);
      const tone = summary.errors > 0 ? c.red : problems > 0 ? c.yellow : c.green;
      let text = `${printedAny ? '\n' : ''}${c.bold(tone(line))}\n`;
      if (summary.fixed !== undefined && summary.fixed > 0) text += `${messages.fixedCount(summary.fixed, summary.fixedFiles ?? 0, locale)}\n`;
      if (fixable > 0) text += `${c.dim(messages.fixableHint(fixable, locale))}\n`;
      write(text);
    },
  };
}
