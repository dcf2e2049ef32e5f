// The language server's own messages, shared by the server and the VS Code client. Plain
// constants and types only: the client bundle must not pull in the server's libraries.

/**
 * Node flags the server runs with. A check allocates a lot of short-lived parser objects; a young
 * generation larger than the default keeps them from being promoted, which roughly halves the
 * editing latency on a 30 KB plan (scripts/bench-lsp.mjs). --expose-gc: after indexing a
 * workspace folder the server collects the scan's garbage at once, returning it to the system
 * instead of holding it until the old generation next fills (plans.ts).
 */
export const SERVER_NODE_FLAGS = ['--max-semi-space-size=64', '--expose-gc'];

/** Commands the server executes (workspace/executeCommand); each checks the document version first. */
export const SERVER_COMMANDS = {
  fixAll: 'kehoach.server.fixAll',
  insertSection: 'kehoach.server.insertSection',
} as const;

/** Client command (VS Code): draft a plan implementing a parent plan, in a new editor with its fields as tab stops. */
export const DRAFT_COMMAND = 'kehoach.draftImplementingPlan';

/** Request: the draft implementing the plan `parent`, for the office of `office`'s .kehoach.json. */
export const DRAFT_REQUEST = 'kehoach/draftImplementingPlan';

export interface DraftParams {
  /** The parent plan: an open document or a plan of the folder index. */
  parent: string;
  /** The document whose configuration names the office (the one the command was run from). */
  office: string;
}

/** `snippet` in TextMate snippet syntax (its fields are tab stops), `text` with the fields' examples; or why there is no draft. */
export type DraftResult = { snippet: string; text: string } | { error: string };

/** Request: the profile's sections the plan lacks, for the "insert a section" picker. */
export const MISSING_SECTIONS_REQUEST = 'kehoach/missingSections';

/** Notification from the server after each check, for the status bar; sent only when the client asks for it. */
export const STATUS_NOTIFICATION = 'kehoach/status';

/** Options the VS Code client passes in InitializeParams.initializationOptions. */
export interface InitializationOptions {
  /** Send STATUS_NOTIFICATION after each check. */
  statusNotifications?: boolean;
  /** Settings for clients that cannot answer workspace/configuration. */
  settings?: unknown;
}

/** A document at the version an edit is computed for. */
export interface VersionedDocument {
  uri: string;
  version: number;
}

export interface MissingSectionsParams {
  uri: string;
}

export type SectionRequirementLevel = 'required' | 'recommended' | 'optional';

export interface MissingSection {
  key: string;
  title: string;
  requirement: SectionRequirementLevel;
}

export interface MissingSectionsResult {
  /** The version the list was computed for; pass it back with the insert command. */
  version: number;
  sections: MissingSection[];
}

export interface InsertSectionArgs extends VersionedDocument {
  key: string;
}

export type EditOutcome =
  | { applied: true }
  | {
      applied: false;
      /**
       * stale: the document changed since `version`; not-plan: the document is not checked;
       * nothing: no edit to make; rejected: the client refused the edit; unknown-section: no such key.
       */
      reason: 'stale' | 'not-plan' | 'nothing' | 'rejected' | 'unknown-section';
    };

export type DocumentState = 'plan' | 'not-plan' | 'disabled' | 'too-large' | 'binary' | 'failed';

export interface DocumentStatus {
  uri: string;
  version: number;
  state: DocumentState;
  errors: number;
  warnings: number;
  infos: number;
}
