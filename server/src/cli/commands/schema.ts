// `kehoach schema`: the JSON Schema of .kehoach.json, for editors and CI. The build also writes it
// to schemas/kehoach.schema.json, which the VS Code extension contributes through jsonValidation.
import type { Command } from 'commander';
import { configJsonSchema } from '../../engine/config.js';
import type { CommandContext } from '../command.js';

export function configSchemaText(): string {
  return `${JSON.stringify(configJsonSchema(), null, 2)}\n`;
}

export function registerSchemaCommand(program: Command, { t }: CommandContext): void {
  program
    .command('schema')
    .description(t('In JSON Schema của tệp cấu hình .kehoach.json', 'Print the JSON Schema of the .kehoach.json configuration file'))
    .action(() => {
      process.stdout.write(configSchemaText());
    });
}
