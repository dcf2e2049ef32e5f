// Which .kehoach.json applies to each file: the nearest one walking up from the file's folder
// (looked up once per folder), or the one given with --config for every file.
import { existsSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { globSync } from 'tinyglobby';
import { CONFIG_FILE_NAME, ConfigError, DEFAULT_CONFIG, type ResolvedConfig } from '../engine/config.js';
import type { Locale } from '../engine/types.js';
import { loadConfigFile } from '../node/files.js';

export class ConfigResolver {
  private readonly fileInFolder = new Map<string, string | null>();
  private readonly loaded = new Map<string, ResolvedConfig | ConfigError>();
  private readonly ignored = new Map<string, ReadonlySet<string>>();

  /** `locale` is the language of configuration error messages. */
  constructor(
    private readonly locale: Locale,
    private readonly explicitFile?: string,
  ) {}

  /** The configuration file that applies to a file or folder, if any. */
  configFileFor(path: string, isFolder = false): string | undefined {
    if (this.explicitFile) return resolve(this.explicitFile);
    return this.nearest(isFolder ? resolve(path) : dirname(resolve(path)));
  }

  /** The configuration for a file or folder; throws ConfigError when its file is invalid. */
  configFor(path: string, isFolder = false): ResolvedConfig {
    const file = this.configFileFor(path, isFolder);
    return file ? this.load(file) : DEFAULT_CONFIG;
  }

  /** Whether the `ignore` globs of the file's configuration exclude it (relative to the config's folder). */
  isIgnored(path: string): boolean {
    const file = this.configFileFor(path);
    if (!file) return false;
    const config = this.load(file);
    if (config.ignore.length === 0) return false;
    let paths = this.ignored.get(file);
    if (!paths) {
      paths = new Set(globSync(config.ignore, { cwd: dirname(file), absolute: true, dot: true }).map((p) => resolve(p)));
      this.ignored.set(file, paths);
    }
    return paths.has(resolve(path));
  }

  private nearest(folder: string): string | undefined {
    const known = this.fileInFolder.get(folder);
    if (known !== undefined) return known ?? undefined;
    const candidate = join(folder, CONFIG_FILE_NAME);
    const parent = dirname(folder);
    const found = existsSync(candidate) ? candidate : parent === folder ? undefined : this.nearest(parent);
    this.fileInFolder.set(folder, found ?? null);
    return found;
  }

  private load(file: string): ResolvedConfig {
    let config = this.loaded.get(file);
    if (!config) {
      try {
        config = loadConfigFile(file, this.locale);
      } catch (error) {
        if (error instanceof ConfigError) config = error;
        else {
          const reason = error && typeof error === 'object' && 'code' in error ? String(error.code) : String(error);
          const detail = this.locale === 'en' ? `cannot read the configuration file (${reason})` : `không đọc được tệp cấu hình (${reason})`;
          config = new ConfigError(file, 0, 0, '', detail);
        }
      }
      this.loaded.set(file, config);
    }
    if (config instanceof ConfigError) throw config;
    return config;
  }
}

/** `file:line:col: key: message`, the file relative to `cwd`, lines and columns from 1. */
export function formatConfigError(error: ConfigError, cwd: string): string {
  const file = relative(cwd, error.file).split('\\').join('/') || error.file;
  return `${file}:${error.line + 1}:${error.column + 1}: ${error.key ? `${error.key}: ` : ''}${error.detail}`;
}
