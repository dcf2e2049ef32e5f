// Drafting a plan implementing another (lsp/drafting.ts): the request the client's command sends
// for the draft. Its code actions are answered with the others by code-actions.ts.
import { DRAFT_REQUEST, type DraftParams } from '../protocol.js';
import type { Feature } from './feature.js';

export const draftingFeature: Feature = {
  capabilities: {},
  register({ connection, service }) {
    connection.onRequest(DRAFT_REQUEST, (params: Partial<DraftParams> | undefined) =>
      typeof params?.parent === 'string' && typeof params.office === 'string' ? service.draftImplementingPlan({ parent: params.parent, office: params.office }) : null,
    );
  },
};
