// Answers kehoach/signingReport: the engine's signing report (engine/workspace/signing.ts) for an
// open plan, with the other plans read from their open buffers when they are open, else from disk.
import { readFileSync, statSync } from 'node:fs';
import type { Connection } from 'vscode-languageserver';
import type { ResolvedConfig } from '../engine/config.js';
import { looksBinary } from '../engine/detect.js';
import { relatedPlans, signingReport } from '../engine/workspace/signing.js';
import type { PlanAnalysis } from './analysis.js';
import { pathOfUri } from './configs.js';
import type { WorkspacePlans } from './plans.js';
import { SIGNING_REPORT_REQUEST, type SigningReportParams, type SigningReportResult } from './workspace-protocol.js';

export interface SigningDependencies {
  planAnalysis(uri: string): Promise<PlanAnalysis | undefined>;
  plans(): WorkspacePlans;
  /** The text of an open document with this index URI; undefined when it is not open. */
  openText(indexUri: string): string | undefined;
  /** The effective configuration of a plan: its .kehoach.json and the editor settings for it. */
  configFor(uri: string): Promise<ResolvedConfig>;
}

export function registerSigningReport(connection: Connection, deps: SigningDependencies): void {
  connection.onRequest(SIGNING_REPORT_REQUEST, async (params: SigningReportParams): Promise<SigningReportResult | null> => {
    if (typeof params?.uri !== 'string') return null;
    const analysis = await deps.planAnalysis(params.uri);
    if (!analysis) return null;
    const plans = deps.plans();
    const self = plans.indexUri(analysis.uri);
    const related = relatedPlans(analysis.check.model, plans.index, self);
    const configs = new Map<string, ResolvedConfig>();
    for (const uri of [...related.cited, ...related.citing]) configs.set(uri, await deps.configFor(uri));
    const report = signingReport({
      uri: self,
      text: analysis.check.model.source,
      config: analysis.config,
      index: plans.index,
      read: (uri) => deps.openText(uri) ?? readPlan(uri, configs.get(uri)!.maxFileSize),
      configFor: (uri) => configs.get(uri)!,
    });
    // The editor knows the plan by its own URI (which may be spelt differently, or untitled).
    const own = (uri: string): string => (uri === self ? analysis.uri : uri);
    report.uri = analysis.uri;
    for (const plan of report.plans) plan.uri = own(plan.uri);
    for (const area of report.areas) for (const problem of area.problems) problem.uri = own(problem.uri);
    return { version: analysis.version, locale: analysis.locale, indexReady: plans.ready, report };
  });
}

function readPlan(uri: string, maxFileSize: number): string | undefined {
  const path = pathOfUri(uri);
  if (!path) return undefined;
  try {
    if (statSync(path).size > maxFileSize) return undefined;
    const bytes = readFileSync(path);
    return looksBinary(bytes) ? undefined : bytes.toString('utf8');
  } catch {
    return undefined;
  }
}
