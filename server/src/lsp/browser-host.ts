// The language server's browser host (VS Code for the Web): the editor's open documents and
// nothing else. A web worker has no disk: no folder index (the cross-file rules stay silent, as
// for a plan checked alone), no .kehoach.json (the defaults and the client's settings apply),
// and no file to add the office's words to.
import { DEFAULT_CONFIG } from '../engine/config.js';
import { PlanIndex } from '../engine/workspace/plan-index.js';
import type { ServerHost } from './host.js';

export const browserHost: ServerHost = {
  attach({ documents }) {
    return {
      workspace: {
        document: (uri) => documents.get(uri),
        index: new PlanIndex(),
        indexUri: (uri) => uri,
        ready: true,
        readText: (uri) => documents.get(uri)?.getText(),
        config: () => DEFAULT_CONFIG,
      },
      // Nothing to watch or scan, and no index to keep current from buffers or configurations to forget.
      start: () => undefined,
      documentEdited: () => undefined,
      documentClosed: () => undefined,
      settingsChanged: () => undefined,
      fileQuickFixes: async () => [],
    };
  },
};
