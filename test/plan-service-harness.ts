// The plan service in process, over an in-memory workspace: documents opened and changed by the
// test, the other plans of the "folder" indexed from their text, default settings and config.
import type { PlanDocument, PlanWorkspace } from '../server/src/lsp/analysis.js';
import { DEFAULT_CONFIG, type ResolvedConfig } from '../server/src/engine/config.js';
import { PlanIndex } from '../server/src/engine/workspace/plan-index.js';
import { summarizePlan } from '../server/src/engine/workspace/summary.js';
import { type PlanService, createPlanService } from '../server/src/lsp/service.js';
import { DEFAULT_SETTINGS, type Settings, parseSettings } from '../server/src/lsp/settings.js';

export interface MemoryService {
  service: PlanService;
  /** Opens (or replaces) a document at the next version; it also enters the index. */
  open(uri: string, text: string): PlanDocument;
  /** A plan of the folder that is not open. */
  addFile(uri: string, text: string): void;
  document(uri: string): PlanDocument;
}

export function memoryService(options: { settings?: Partial<Settings>; clientLocale?: string; config?: ResolvedConfig } = {}): MemoryService {
  const open = new Map<string, PlanDocument>();
  const files = new Map<string, string>();
  const index = new PlanIndex();
  const settings = parseSettings({ ...DEFAULT_SETTINGS, ...options.settings });
  const workspace: PlanWorkspace = {
    document: (uri) => open.get(uri),
    index,
    indexUri: (uri) => uri,
    ready: true,
    readText: (uri) => open.get(uri)?.getText() ?? files.get(uri),
    config: () => options.config ?? DEFAULT_CONFIG,
  };
  const service = createPlanService({ workspace, settings: { get: async () => settings, current: () => settings }, log: () => undefined, clientLocale: options.clientLocale ?? 'vi' });
  const addFile = (uri: string, text: string): void => {
    files.set(uri, text);
    index.set(uri, summarizePlan(text));
  };
  return {
    service,
    open(uri, text) {
      const document: PlanDocument = { uri, version: (open.get(uri)?.version ?? 0) + 1, getText: () => text };
      open.set(uri, document);
      addFile(uri, text);
      return document;
    },
    addFile,
    document: (uri) => open.get(uri)!,
  };
}
