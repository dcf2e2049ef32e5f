// Finds and caches the .kehoach.json of each document. A broken file is reported once, on the
// file itself, and the documents under it are checked with the defaults meanwhile.
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigError, DEFAULT_CONFIG, type ResolvedConfig } from '../engine/config.js';
import type { Locale } from '../engine/types.js';
import { findConfigFile, loadConfigFile } from '../node/files.js';

export interface ConfigLookup {
  config: ResolvedConfig;
  /** The file found for the document, even when it could not be used. */
  file?: string;
}

/** Called when a config file's problem appears (error) or goes away (undefined). */
export type ConfigProblemListener = (file: string, problem: { error: ConfigError; locale: Locale } | undefined) => void;

/** The file system path of a file: URI; undefined for untitled and virtual documents. */
export function pathOfUri(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

export class ConfigStore {
  /** Folder -> the config file that governs it (undefined: none). */
  private readonly fileOfFolder = new Map<string, string | undefined>();
  /** Config file -> its settings, or the error that made it unusable. */
  private readonly loaded = new Map<string, ResolvedConfig | ConfigError>();
  /** Files whose error is currently shown, so the diagnostic can be cleared when fixed. */
  private readonly reported = new Set<string>();

  constructor(private readonly onProblem: ConfigProblemListener) {}

  /** The configuration governing a document, read from disk at most once until `invalidate`. */
  forDocument(uri: string, locale: Locale): ConfigLookup {
    const path = pathOfUri(uri);
    return path ? this.forFolder(dirname(path), locale) : { config: DEFAULT_CONFIG };
  }

  /** The configuration governing the files of a folder. */
  forFolder(folder: string, locale: Locale): ConfigLookup {
    let file = this.fileOfFolder.get(folder);
    if (!this.fileOfFolder.has(folder)) {
      file = findConfigFile(folder);
      this.fileOfFolder.set(folder, file);
    }
    if (!file) return { config: DEFAULT_CONFIG };
    return { config: this.load(file, locale), file };
  }

  /** Forgets everything read, after a config file changed or the settings did. */
  invalidate(): void {
    this.fileOfFolder.clear();
    this.loaded.clear();
  }

  /** A config file was deleted: its problem, if any, goes with it. */
  deleted(file: string): void {
    this.invalidate();
    if (this.reported.delete(file)) this.onProblem(file, undefined);
  }

  private load(file: string, locale: Locale): ResolvedConfig {
    let entry = this.loaded.get(file);
    if (!entry) {
      try {
        entry = loadConfigFile(file, locale);
      } catch (error) {
        // Deleted between finding and reading it: as if there were none (the watcher reports the deletion).
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return DEFAULT_CONFIG;
        entry = error instanceof ConfigError ? error : new ConfigError(file, 0, 0, '', (error as Error).message);
      }
      this.loaded.set(file, entry);
      if (entry instanceof ConfigError) {
        this.reported.add(file);
        this.onProblem(file, { error: entry, locale });
      } else if (this.reported.delete(file)) {
        this.onProblem(file, undefined);
      }
    }
    return entry instanceof ConfigError ? DEFAULT_CONFIG : entry;
  }
}
