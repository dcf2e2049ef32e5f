// Between plans: definition, references, code lenses and workspace symbols (navigation.ts).
import type { Feature } from './feature.js';

export const navigationFeature: Feature = {
  capabilities: { definitionProvider: true, referencesProvider: true, codeLensProvider: { resolveProvider: false }, workspaceSymbolProvider: true },
  register({ connection, service }) {
    connection.onDefinition(({ textDocument, position }) => service.definition(textDocument.uri, position));
    connection.onReferences(({ textDocument, position, context }) => service.references(textDocument.uri, position, context.includeDeclaration));
    connection.onCodeLens(({ textDocument }) => service.codeLenses(textDocument.uri));
    connection.onWorkspaceSymbol(({ query }) => service.workspaceSymbols(query));
  },
};
