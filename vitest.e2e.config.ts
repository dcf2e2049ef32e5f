// End-to-end suite (npm run test:e2e): the packaged extension in VS Code for the web driven by
// headless Chromium, and the language server in headless Neovim. The global setup installs what
// is missing (scripts/e2e/setup.sh) and packages the extension once.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/e2e/**/*.test.ts'],
    globalSetup: ['test/e2e/global-setup.ts'],
    // One workbench at a time: each test file runs its own code-server and Chromium.
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 600_000,
    reporters: ['verbose'],
  },
});
