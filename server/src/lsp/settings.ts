// Editor settings under "kehoach.*" and how they combine with .kehoach.json. Settings come from
// the client, so every field is checked and a bad value falls back to its default alone.
import { z } from 'zod';
import type { ResolvedConfig } from '../engine/config.js';
import type { ProfileName } from '../engine/model.js';
import type { Locale, SeveritySetting } from '../engine/types.js';

export interface Settings {
  enable: boolean;
  /** Check every Markdown file, not only those that look like plans. */
  checkAllMarkdown: boolean;
  /** Quiet time after an edit before the document is checked. */
  debounceMs: number;
  locale: 'auto' | Locale;
  /** 'auto': the profile of .kehoach.json, else the one the draft looks like. */
  profile: 'auto' | ProfileName;
  /** Severity per rule; wins over .kehoach.json, as a user's own choice. */
  rules: Record<string, SeveritySetting>;
}

export const DEFAULT_SETTINGS: Settings = {
  enable: true,
  checkAllMarkdown: false,
  debounceMs: 150,
  locale: 'auto',
  profile: 'auto',
  rules: {},
};

const severity = z.enum(['off', 'info', 'warning', 'error']);

const settingsSchema = z.object({
  enable: z.boolean().catch(DEFAULT_SETTINGS.enable),
  checkAllMarkdown: z.boolean().catch(DEFAULT_SETTINGS.checkAllMarkdown),
  debounceMs: z.number().int().min(0).max(10_000).catch(DEFAULT_SETTINGS.debounceMs),
  locale: z.enum(['auto', 'vi', 'en']).catch(DEFAULT_SETTINGS.locale),
  profile: z.enum(['auto', 'nd30', 'dang', 'congdoan', 'doan']).catch(DEFAULT_SETTINGS.profile),
  rules: z.record(z.string(), z.unknown()).catch({}),
});

/** Reads the "kehoach" settings section; unknown or malformed values take their defaults. */
export function parseSettings(raw: unknown): Settings {
  const input = raw !== null && typeof raw === 'object' ? raw : {};
  const parsed = settingsSchema.parse({ ...DEFAULT_SETTINGS, ...input });
  const rules: Record<string, SeveritySetting> = {};
  for (const [id, value] of Object.entries(parsed.rules)) {
    const level = severity.safeParse(value);
    if (/^KH\d{3}$/.test(id) && level.success) rules[id] = level.data;
  }
  return { ...parsed, rules };
}

/** The configuration a document is checked with: the file's, then the user's settings on top. */
export function effectiveConfig(file: ResolvedConfig, settings: Settings): ResolvedConfig {
  return {
    ...file,
    profile: settings.profile === 'auto' ? file.profile : settings.profile,
    rules: { ...file.rules, ...settings.rules },
  };
}

/** Message language: the setting when set, else .kehoach.json, else the editor's display language. */
export function chooseLocale(settings: Settings, config: ResolvedConfig | undefined, clientLocale: string | undefined): Locale {
  if (settings.locale !== 'auto') return settings.locale;
  if (config?.locale) return config.locale;
  return clientLocale === undefined || /^vi\b/i.test(clientLocale) ? 'vi' : 'en';
}
