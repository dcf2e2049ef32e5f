// The print preview and export of the VS Code client (preview/service.ts), and the check before signing.
import { registerPreviewRequests } from '../../preview/service.js';
import { SIGNING_REPORT_REQUEST, type SigningReportParams } from '../workspace-protocol.js';
import type { Feature } from './feature.js';

export const previewFeature: Feature = {
  capabilities: {},
  register({ connection, service }) {
    registerPreviewRequests(connection, service.planAnalysis);
    connection.onRequest(SIGNING_REPORT_REQUEST, (params: Partial<SigningReportParams> | undefined) =>
      typeof params?.uri === 'string' ? service.signingReport(params.uri) : null,
    );
  },
};
