import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig, devices } from '@playwright/test';
import { chromiumArgs, chromiumExecutable } from './bench/chromium.ts';

// Debian's Chromium where it exists (CHROMIUM_PATH overrides); otherwise Playwright's own browser. The same
// browser and flags as the benchmark's browser scenarios.
const executablePath = chromiumExecutable();
const port = Number(process.env.E2E_PORT ?? '4173');
const mobileSpecs = [
  'accessibility.spec.ts',
  'connect-form.spec.ts',
  'clients-url-state.spec.ts',
  'client-details.spec.ts',
  'findings.spec.ts',
  'responsive.spec.ts',
].map((name) => `**/${name}`);

export default defineConfig({
  testDir: './e2e',
  outputDir: './test-results',
  fullyParallel: false,
  // Two files at a time: a journey spends much of its time waiting on its servers, the sandbox's latency and the
  // browser's paint, so two fill two cores. Each test has its own browser context (cookies, storage), the specs
  // that start servers take free ports, and the shared web server below holds nothing a spec changes for another.
  workers: 2,
  retries: 0,
  timeout: 60_000,
  forbidOnly: !!process.env.CI,
  reporter: [['list'], ['json', { outputFile: 'reports/playwright.json' }]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      ...(executablePath === undefined ? {} : { executablePath }),
      args: chromiumArgs,
    },
  },
  projects: [
    {
      name: 'chromium',
      testIgnore: '**/responsive.spec.ts',
      use: { ...devices['Desktop Chrome'], channel: undefined },
    },
    // A phone-sized window (390 × 844): the journeys that matter on a small screen, and every page's axe scan
    // and overflow check.
    {
      name: 'mobile',
      testMatch: mobileSpecs,
      use: { ...devices['Desktop Chrome'], channel: undefined, viewport: { width: 390, height: 844 } },
    },
  ],
  webServer: {
    // The product the way a user starts it (the build is done by `npm run test:e2e` beforehand).
    command: 'node dist-server/server.js',
    // A history store of its own, so that a run never reads snapshots an earlier run (or `npm start`) recorded.
    env: {
      PORT: String(port),
      HOST: '127.0.0.1',
      IDC_STORE_PATH: join(mkdtempSync(join(tmpdir(), 'idc-e2e-')), 'inventory.db'),
    },
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: false,
    stdout: 'pipe',
    timeout: 60_000,
  },
});
