// What a subcommand gets when it registers itself on the program (see main.ts).
import type { Command } from 'commander';
import type { Locale } from '../engine/types.js';

export interface CommandContext {
  /** Language of the help texts, from --locale on the command line (default vi). */
  locale: Locale;
  /** Picks the Vietnamese or English text. */
  t(vi: string, en: string): string;
}

export type RegisterCommand = (program: Command, context: CommandContext) => void;
