// The language server's Node host: the workspace folders indexed from disk (plans.ts, threads and a
// disk cache), .kehoach.json files found and read beside each document (configs.ts), file-watcher
// and rename events, and the office's words written into .kehoach.json (features/office-words.ts).
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DidChangeWatchedFilesNotification, FileChangeType, type InitializeParams } from 'vscode-languageserver';
import { CONFIG_FILE_NAME } from '../engine/config.js';
import { LineIndex } from '../engine/text.js';
import { ConfigStore, pathOfUri } from './configs.js';
import { officeWordActions } from './features/office-words.js';
import type { ServerHost } from './host.js';
import { pick } from './messages.js';
import { NAVIGATION_MESSAGES } from './navigation.js';
import { nodeWorkspace } from './node-workspace.js';
import { WorkspacePlans } from './plans.js';
import type { IndexInitializationOptions } from './workspace-protocol.js';

export const nodeHost: ServerHost = {
  attach({ connection, documents, params, support, locale, publisher, log, indexChanged, configsChanged }) {
    const options = (params.initializationOptions ?? {}) as IndexInitializationOptions;
    const configs = new ConfigStore((file, problem) =>
      publisher.configProblem(pathToFileURL(file).href, problem && { ...problem, lineLength: lineLengthOf(file, problem.error.line) }),
    );
    const plans = new WorkspacePlans({
      log,
      changed: indexChanged,
      ignoreOf: (folder) => configs.forFolder(folder, locale).config.ignore,
      maxFileSize: (folder) => configs.forFolder(folder, locale).config.maxFileSize,
      cacheDir: typeof options.indexCacheDir === 'string' ? options.indexCacheDir : undefined,
      beginProgress: async () => {
        const progress = await connection.window.createWorkDoneProgress();
        progress.begin(pick(locale, NAVIGATION_MESSAGES.indexingTitle), 0, undefined, false);
        return { report: (fraction, message) => progress.report(Math.floor(fraction * 100), message), done: () => progress.done() };
      },
      problemText: (message) => pick(locale, message),
    });
    plans.setFolders(workspaceFolderPaths(params));

    connection.onDidChangeWatchedFiles(({ changes }) => {
      let configChanged = false;
      for (const change of changes) {
        const path = pathOfUri(change.uri);
        if (!path) continue;
        if (basename(path) === CONFIG_FILE_NAME) {
          configChanged = true;
          if (change.type === FileChangeType.Deleted) configs.deleted(path);
        } else if (/\.(?:md|markdown)$/i.test(path)) {
          void plans.fileChanged(path, change.type === FileChangeType.Deleted);
        }
      }
      if (configChanged) {
        configs.invalidate();
        configsChanged();
      }
    });

    connection.workspace.onDidRenameFiles(({ files }) => {
      for (const { oldUri, newUri } of files) {
        const from = pathOfUri(oldUri);
        const to = pathOfUri(newUri);
        if (from && to) plans.fileRenamed(from, to);
      }
    });

    return {
      workspace: nodeWorkspace(documents, plans, configs),
      start() {
        if (support.watchFiles) {
          void connection.client.register(DidChangeWatchedFilesNotification.type, {
            watchers: [{ globPattern: `**/${CONFIG_FILE_NAME}` }, { globPattern: '**/*.{md,markdown}' }],
          });
        }
        if (support.workspaceFolders) {
          connection.workspace.onDidChangeWorkspaceFolders(({ added, removed }) => {
            const gone = new Set(removed.map((folder) => pathOfUri(folder.uri)));
            const kept = plans.folderPaths.filter((folder) => !gone.has(folder));
            const fresh = added.map((folder) => pathOfUri(folder.uri)).filter((path): path is string => path !== undefined);
            plans.setFolders([...kept, ...fresh]);
            plans.start();
          });
        }
        plans.start();
      },
      documentEdited: (uri, text) => plans.documentEdited(uri, text),
      documentClosed: (uri) => plans.documentClosed(uri),
      settingsChanged: () => configs.invalidate(),
      fileQuickFixes: officeWordActions,
    };
  },
};

function workspaceFolderPaths(params: InitializeParams): string[] {
  const uris = params.workspaceFolders?.map((folder) => folder.uri) ?? (params.rootUri ? [params.rootUri] : []);
  return uris.map(pathOfUri).filter((path): path is string => path !== undefined);
}

/** Length of one line of a file, for a range that underlines the rest of the line. */
function lineLengthOf(file: string, line: number): number {
  try {
    const index = new LineIndex(readFileSync(file, 'utf8'));
    return line < index.lineCount ? index.lineText(line).length : 0;
  } catch {
    return 0;
  }
}
