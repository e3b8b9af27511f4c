// Chromium for the browser scenarios and the e2e tests (playwright.config.ts reads it from here): Debian's build
// where it exists (CHROMIUM_PATH overrides), Playwright's own browser otherwise.
import { existsSync } from 'node:fs';
import { chromium, type Browser } from '@playwright/test';

export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export function chromiumExecutable(): string | undefined {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  // The binary itself skips Debian's wrapper script (which prints a harmless shell error).
  return ['/usr/lib/chromium/chromium', '/usr/bin/chromium'].find((path) => existsSync(path));
}

export function launchChromium(): Promise<Browser> {
  const executablePath = chromiumExecutable();
  return chromium.launch({
    ...(executablePath === undefined ? {} : { executablePath }),
    args: chromiumArgs,
  });
}
