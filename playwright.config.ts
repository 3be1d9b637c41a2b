import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: './e2e',
  // One worker: each test owns a vault folder and its handler table; 2 cores are busy enough.
  workers: 1,
  fullyParallel: false,
  timeout: 120_000,
  expect: { timeout: 15_000 },
  // On a loaded 2-core CI machine a timing race can fail once; a retry that passes is listed as
  // "flaky" in the output (to be fixed), a real failure still fails twice.
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? [['list']] : [['list']],
  use: { trace: 'retain-on-failure' },
  projects: [
    { name: 'browser', testMatch: /e2e\/[^/]+\.spec\.ts$/ },
    { name: 'electron', testMatch: /e2e\/electron\/.*\.spec\.ts$/ },
    // Screenshots for the README and reviews; not part of `npm test`.
    { name: 'docs', testMatch: /e2e\/docs\/.*\.spec\.ts$/ },
  ],
});
