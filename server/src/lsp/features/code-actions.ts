// Quick fixes, disable comments and fix-all (codeActions.ts), and drafting a plan implementing
// the one cited or open (drafting.ts), and the host's fixes written outside the document (the office's words):
// one handler answers for all, as LSP allows one.
import { CodeActionKind } from 'vscode-languageserver';
import { FIX_ALL_KIND, wantsKind } from '../codeActions.js';
import { DRAFT_KIND } from '../drafting.js';
import type { Feature } from './feature.js';

export const codeActionFeature: Feature = {
  capabilities: { codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND, DRAFT_KIND] } },
  register({ connection, service, host }) {
    connection.onCodeAction(async ({ textDocument, range, context }) => {
      const fixes = await service.codeActions(textDocument.uri, context);
      if (fixes && wantsKind(context.only, CodeActionKind.QuickFix)) {
        fixes.push(...(await host.fileQuickFixes(textDocument.uri, context.diagnostics, (range) => service.textAt(textDocument.uri, range))));
      }
      if (!fixes || !wantsKind(context.only, DRAFT_KIND)) return fixes;
      return [...fixes, ...(await service.draftingActions(textDocument.uri, range))];
    });
  },
};
