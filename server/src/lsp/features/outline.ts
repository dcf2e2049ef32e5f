// The outline and folding ranges (outline.ts); a flat symbol list for clients without hierarchy.
import { symbolInformation } from '../outline.js';
import type { Feature } from './feature.js';

export const outlineFeature: Feature = {
  capabilities: { documentSymbolProvider: { label: 'kehoach' }, foldingRangeProvider: true },
  register({ connection, service, client }) {
    connection.onDocumentSymbol(async ({ textDocument }) => {
      const symbols = await service.documentSymbols(textDocument.uri);
      return symbols && !client().hierarchicalSymbols ? symbolInformation(symbols, textDocument.uri) : symbols;
    });
    connection.onFoldingRanges(({ textDocument }) => service.foldingRanges(textDocument.uri));
  },
};
