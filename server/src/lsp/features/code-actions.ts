// Quick fixes, disable comments and fix-all (codeActions.ts).
import { CodeActionKind } from 'vscode-languageserver';
import { FIX_ALL_KIND } from '../codeActions.js';
import type { Feature } from './feature.js';

export const codeActionFeature: Feature = {
  capabilities: { codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] } },
  register({ connection, service }) {
    connection.onCodeAction(({ textDocument, context }) => service.codeActions(textDocument.uri, context));
  },
};
