// Paths shared by the end-to-end tests, the global setup and the demo.
import { homedir } from 'node:os';
import { join } from 'node:path';

export const ROOT = join(__dirname, '..', '..', '..');
export const EXAMPLES = join(ROOT, 'examples');
export const FIXTURE_PLANS = join(ROOT, 'test', 'e2e', 'fixtures', 'plans');
/** Screenshots of each step; git-ignored, kept after a failure. */
export const ARTIFACTS = join(ROOT, 'test', 'artifacts', 'e2e');
export const SCREENSHOTS_FOR_DOCS = join(ROOT, 'docs', 'screenshots');

/** Must match scripts/e2e/setup.sh. */
export const CODE_SERVER_VERSION = '4.100.3';
export const E2E_CACHE = process.env.KEHOACH_E2E_CACHE ?? join(homedir(), '.cache', 'kehoach-e2e');
export const CODE_SERVER_PREFIX = join(E2E_CACHE, `code-server-${CODE_SERVER_VERSION}`);
export const CODE_SERVER_ENTRY = join(CODE_SERVER_PREFIX, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
export const CHROMIUM = process.env.KEHOACH_CHROMIUM ?? '/usr/bin/chromium';
