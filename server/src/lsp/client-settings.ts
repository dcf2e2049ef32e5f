// The "kehoach" settings as the editor gives them: pulled per document with
// workspace/configuration when the client can answer it, else pushed with didChangeConfiguration.
import type { Connection } from 'vscode-languageserver';
import type { SettingsProvider } from './analysis.js';
import { DEFAULT_SETTINGS, type Settings, parseSettings } from './settings.js';

/** The "kehoach" settings, per document, from the client (pulled) or pushed with didChangeConfiguration. */
export class SettingsSource implements SettingsProvider {
  private readonly pulled = new Map<string, Promise<Settings>>();
  private readonly known = new Map<string, Settings>();
  private pushed: Settings;

  constructor(
    private readonly connection: Connection,
    private readonly canPull: boolean,
    initial: unknown,
  ) {
    this.pushed = parseSettings(initial);
  }

  get(uri: string): Promise<Settings> {
    if (!this.canPull) return Promise.resolve(this.pushed);
    let settings = this.pulled.get(uri);
    if (!settings) {
      settings = this.connection.workspace
        .getConfiguration({ scopeUri: uri, section: 'kehoach' })
        .then(parseSettings, () => this.pushed)
        .then((value) => {
          this.known.set(uri, value);
          return value;
        });
      this.pulled.set(uri, settings);
    }
    return settings;
  }

  /** The last settings seen for a document, without waiting (for the debounce delay). */
  current(uri: string): Settings {
    return this.canPull ? (this.known.get(uri) ?? DEFAULT_SETTINGS) : this.pushed;
  }

  /** workspace/didChangeConfiguration: pushed settings replace the old ones; pulled ones are asked again. */
  changed(pushed: unknown): void {
    if (pushed !== null && typeof pushed === 'object' && 'kehoach' in pushed) this.pushed = parseSettings(pushed.kehoach);
    this.pulled.clear();
  }

  forget(uri: string): void {
    this.pulled.delete(uri);
    this.known.delete(uri);
  }
}
