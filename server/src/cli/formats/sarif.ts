// SARIF 2.1.0, for code-scanning services. Every rule is listed in tool.driver.rules with its
// documentation link; lines and columns are 1-based there, columns count UTF-16 code units.
// Streamed like the other formats: the rules first, then one result per problem.
import { pathToFileURL } from 'node:url';
import type * as Sarif from 'sarif';
import { RULES } from '../../engine/rules/index.js';
import { ruleDocsUrl } from '../../engine/rule.js';
import type { Range, Severity } from '../../engine/types.js';
import { version } from '../../../../package.json';
import type { FileReport } from '../results.js';
import type { Reporter, ReporterOptions } from './reporter.js';

export const INFORMATION_URI = 'https://github.com/kehoach/kehoach';
const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const ROOT = '%SRCROOT%';

const LEVELS: Record<Severity, Sarif.Result.level> = { error: 'error', warning: 'warning', info: 'note' };

/** A range as a SARIF region: lines and columns from 1. */
function region(range: Range): Sarif.Region {
  return { startLine: range.start.line + 1, startColumn: range.start.character + 1, endLine: range.end.line + 1, endColumn: range.end.character + 1 };
}

/** A relative path as a URI reference: each segment percent-encoded, slashes kept. */
function relativeUri(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

export function sarifReporter({ write, locale, cwd }: ReporterOptions): Reporter {
  const ruleIndex = new Map(RULES.map((rule, index) => [rule.meta.id, index]));
  const notifications: Sarif.Notification[] = [];
  let first = true;
  return {
    begin() {
      const driver: Sarif.ToolComponent = {
        name: 'kehoach',
        version,
        semanticVersion: version,
        informationUri: INFORMATION_URI,
        rules: RULES.map(({ meta }): Sarif.ReportingDescriptor => ({
          id: meta.id,
          name: meta.slug,
          shortDescription: { text: meta.title[locale] },
          fullDescription: { text: meta.description[locale] },
          helpUri: ruleDocsUrl(meta.id),
          defaultConfiguration: { level: LEVELS[meta.defaultSeverity] },
          properties: { tags: [meta.area] },
        })),
      };
      const root = pathToFileURL(cwd).href.replace(/\/?$/, '/');
      // The log with an empty results array as its very last field: written up to that array's
      // opening bracket here, closed in end().
      const log = JSON.stringify({
        $schema: SARIF_SCHEMA,
        version: '2.1.0',
        runs: [{ tool: { driver }, originalUriBaseIds: { [ROOT]: { uri: root } }, columnKind: 'utf16CodeUnits', results: [] }],
      } satisfies Sarif.Log);
      write(log.slice(0, -']}]}'.length));
    },
    file({ path, diagnostics, skipped, fixNotWritten }: FileReport) {
      const artifactLocation: Sarif.ArtifactLocation = { uri: relativeUri(path), uriBaseId: ROOT };
      for (const notice of [skipped?.message, fixNotWritten]) {
        if (notice) notifications.push({ level: 'warning', message: { text: notice }, locations: [{ physicalLocation: { artifactLocation } }] });
      }
      for (const d of diagnostics) {
        const result: Sarif.Result = {
          ruleId: d.ruleId,
          ruleIndex: ruleIndex.get(d.ruleId),
          level: LEVELS[d.severity],
          message: { text: d.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation,
                region: region(d.range),
              },
            },
          ],
        };
        // The cited plan, the plan with the same number: where else the problem shows.
        if (d.related?.length) {
          result.relatedLocations = d.related.map((related, id) => ({
            id,
            physicalLocation: { artifactLocation: related.path ? { uri: relativeUri(related.path), uriBaseId: ROOT } : artifactLocation, region: region(related.range) },
            message: { text: related.message },
          }));
        }
        write((first ? '\n' : ',\n') + JSON.stringify(result));
        first = false;
      }
    },
    end() {
      const invocation: Sarif.Invocation = { executionSuccessful: true, toolExecutionNotifications: notifications };
      write(`\n],"invocations":${JSON.stringify([invocation])}}]}\n`);
    },
  };
}
