// Hover on a citation or a date (hover.ts).
import type { Feature } from './feature.js';

export const hoverFeature: Feature = {
  capabilities: { hoverProvider: true },
  register({ connection, service }) {
    connection.onHover(({ textDocument, position }) => service.hover(textDocument.uri, position));
  },
};
