// The plan service's workspace in the language server process: open documents from the editor's
// buffers, the folder index kept by WorkspacePlans, .kehoach.json files and plans read from disk.
import { readFileSync, statSync } from 'node:fs';
import type { TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';

import type { PlanWorkspace } from './analysis.js';
import { type ConfigStore, pathOfUri } from './configs.js';
import type { WorkspacePlans } from './plans.js';
import { readPlanBytes } from '../node/encoding.js';

export function nodeWorkspace(documents: TextDocuments<TextDocument>, plans: WorkspacePlans, configs: ConfigStore): PlanWorkspace {
  return {
    document: (uri) => documents.get(uri),
    get index() {
      return plans.index;
    },
    indexUri: (uri) => plans.indexUri(uri),
    get ready() {
      return plans.ready;
    },
    readText: (indexUri, maxSize) => documents.all().find((document) => plans.indexUri(document.uri) === indexUri)?.getText() ?? readPlan(indexUri, maxSize),
    config: (uri, locale) => configs.forDocument(uri, locale).config,
  };
}

function readPlan(uri: string, maxFileSize: number): string | undefined {
  const path = pathOfUri(uri);
  if (!path) return undefined;
  try {
    if (statSync(path).size > maxFileSize) return undefined;
    const read = readPlanBytes(readFileSync(path));
    return read.kind === 'text' ? read.text : undefined;
  } catch {
    return undefined;
  }
}
