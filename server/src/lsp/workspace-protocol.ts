// What the VS Code client and the language server say about the workspace's plans: the "check
// before signing" request, the code lens command, and where the index cache lives. Plain
// constants and types only: the client bundle must not pull in the server's libraries.
import type { Locale } from '../engine/types.js';
import type { SigningReport } from '../engine/workspace/signing.js';

/** Request: the signing report of an open plan. */
export const SIGNING_REPORT_REQUEST = 'kehoach/signingReport';

export interface SigningReportParams {
  uri: string;
}

export interface SigningReportResult {
  /** The document version the report was made for. */
  version: number;
  /** The language the person reads the plan's diagnostics in. */
  locale: Locale;
  /** Whether the workspace index was complete (false while the first scan runs). */
  indexReady: boolean;
  report: SigningReport;
}

/** Client command a code lens runs: show these locations as references (the VS Code client converts them). */
export const SHOW_REFERENCES_COMMAND = 'kehoach.showReferences';

/** Arguments of SHOW_REFERENCES_COMMAND, in protocol form. */
export type ShowReferencesArgs = [uri: string, position: { line: number; character: number }, locations: Array<{ uri: string; range: { start: { line: number; character: number }; end: { line: number; character: number } } }>];

/** Initialization options about the workspace index (beside protocol.ts's InitializationOptions). */
export interface IndexInitializationOptions {
  /** Folder for the index cache (the extension's global storage); the user's cache folder when absent. */
  indexCacheDir?: string;
}
