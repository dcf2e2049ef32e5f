// Commands that edit (fix all, insert a section) and the missing-sections list the client's
// picker shows. An edit is refused when the document is not at the version it was chosen for.
import { MISSING_SECTIONS_REQUEST, type EditOutcome, type InsertSectionArgs, type MissingSectionsParams, SERVER_COMMANDS } from '../protocol.js';
import type { CommandEdit } from '../service.js';
import type { Feature } from './feature.js';

export const commandFeature: Feature = {
  capabilities: { executeCommandProvider: { commands: [SERVER_COMMANDS.fixAll, SERVER_COMMANDS.insertSection] } },
  register({ connection, service }) {
    connection.onRequest(MISSING_SECTIONS_REQUEST, (params: Partial<MissingSectionsParams> | undefined) =>
      typeof params?.uri === 'string' ? service.missingSections(params.uri) : null,
    );

    connection.onExecuteCommand(async ({ command, arguments: args }): Promise<EditOutcome | null> => {
      const target = args?.[0] as Partial<InsertSectionArgs> | undefined;
      if (typeof target?.uri !== 'string' || typeof target.version !== 'number') return null;
      const document = { uri: target.uri, version: target.version };
      let planned: CommandEdit;
      if (command === SERVER_COMMANDS.fixAll) planned = await service.fixAll(document);
      else if (command === SERVER_COMMANDS.insertSection) planned = await service.insertSection(document, String(target.key));
      else return null;
      if (!('edit' in planned)) return planned;
      const result = await connection.workspace.applyEdit({ label: planned.label, edit: planned.edit });
      return result.applied ? { applied: true } : { applied: false, reason: 'rejected' };
    });
  },
};
