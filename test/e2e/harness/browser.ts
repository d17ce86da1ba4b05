/**
 * Debian's Chromium, driven by playwright-core (which never downloads a browser):
 * headless, fresh profile, no background networking (the machine has no network).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM } from './paths';
import { killGroup, withTimeout } from './proc';

export async function launchBrowser(runDir: string): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: run scripts/e2e-deps.sh`);
  const profile = path.join(runDir, 'chromium');
  fs.mkdirSync(profile, { recursive: true });
  return withTimeout(chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    timeout: 60_000,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-default-apps',
      '--disable-extensions',
      '--no-first-run',
      '--no-default-browser-check',
      '--password-store=basic',
    ],
    // launch() gives Chromium a new, empty profile of its own (under TMPDIR)
    env: { ...process.env, HOME: profile },
  }), 90_000, 'launching Chromium');
}

/** Closes the browser; a hung one is killed. */
export async function closeBrowser(browser: Browser | undefined): Promise<void> {
  if (!browser) return;
  const pid = (browser as unknown as { process?: () => { pid?: number } | null }).process?.()?.pid;
  try {
    await withTimeout(browser.close(), 10_000, 'closing Chromium');
  } catch {
    if (pid) killGroup(pid, 'SIGKILL');
  }
}
