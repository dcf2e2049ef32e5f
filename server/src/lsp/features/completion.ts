// Completion of section titles, document types, signing prefixes and recipients (completion.ts).
import { CompletionTriggerKind } from 'vscode-languageserver';
import type { Feature } from './feature.js';

export const completionFeature: Feature = {
  capabilities: { completionProvider: { triggerCharacters: [' '] } },
  register({ connection, service, client }) {
    connection.onCompletion(({ textDocument, position, context }) =>
      service.completion(textDocument.uri, position, { triggerKind: context?.triggerKind ?? CompletionTriggerKind.Invoked, snippets: client().snippets }),
    );
  },
};
