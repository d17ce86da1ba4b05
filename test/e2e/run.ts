/**
 * End-to-end tests in a real VS Code, offline: `npm run test:e2e`.
 *
 *   1. installs what it needs through the project's scripts (Debian's chromium, ripgrep
 *      and libkrb5-dev; code-server in test/e2e/.work, kept between runs);
 *   2. builds the extension and its .vsix, and bundles the extension-host tests;
 *   3. starts code-server on a free port with a profile and HOME of this run;
 *   4. runs the extension-host suite (mocha inside the real extension host) and the UI
 *      suite (Playwright on Debian's Chromium);
 *   5. stops everything it started, also on failure, time-out or a signal, and ends with
 *      the line `N passed, N failed`.
 *
 * Options: --skip-install (no apt/npm installs), --only exthost|ui, --keep (keep the
 * run's folder), ISMS_E2E_GREP=<pattern> (extension-host tests whose title matches).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Browser } from 'playwright-core';
import { buildExtHostTests, buildVsix } from './harness/build';
import { closeBrowser, launchBrowser } from './harness/browser';
import { installedExtensionDir, installVsix, makeProfile, startCodeServer, type CodeServer } from './harness/codeServer';
import { runExtHostSuite, StartupError, type SuiteResult } from './harness/extHostSuite';
import { EXTENSION_ID, ROOT, WORK } from './harness/paths';
import { killAllGroups, run } from './harness/proc';
import { acquireRunLock, removeStaleRuns } from './harness/runLock';
import { runUiSuite } from './harness/uiSuite';
import { copyExamples } from './harness/workspaces';

const OVERALL_TIMEOUT_MS = 10 * 60_000;
const args = process.argv.slice(2);
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined;
const skipInstall = args.includes('--skip-install') || process.env.ISMS_E2E_SKIP_INSTALL === '1';
const keep = args.includes('--keep');

let server: CodeServer | undefined;
let browser: Browser | undefined;
let finished = false;
const tempDirs: string[] = [];
/** Each suite's counts, as they finish (also reported when the run is cut short). */
const results: SuiteResult[] = [];

async function cleanup(): Promise<void> {
  await closeBrowser(browser);
  browser = undefined;
  await server?.service.stop();
  server = undefined;
  killAllGroups();
  for (const dir of tempDirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
}

function finish(passed: number, failed: number, pending: number): never {
  finished = true;
  console.log('');
  console.log(`${passed} passed, ${failed} failed${pending ? `, ${pending} skipped` : ''}`);
  process.exit(failed > 0 ? 1 : 0);
}

async function main(): Promise<void> {
  const started = Date.now();
  const step = (what: string) => console.log(`\n▶ ${what} (${((Date.now() - started) / 1000).toFixed(1)} s)`);

  const releaseLock = await acquireRunLock(WORK, 5 * 60_000);
  if (!skipInstall) {
    step('installing chromium, ripgrep, libkrb5-dev when missing');
    await run('bash', [path.join(ROOT, 'scripts', 'e2e-deps.sh')], { timeoutMs: 300_000 });
    step('installing code-server when missing');
    await run('bash', [path.join(ROOT, 'scripts', 'e2e-install-code-server.sh')], { timeoutMs: 300_000 });
  }

  const runsDir = path.join(WORK, 'runs');
  removeStaleRuns(runsDir);
  const runDir = path.join(runsDir, `${new Date().toISOString().replace(/[:.]/g, '-')}-${process.pid}`);
  fs.mkdirSync(runDir, { recursive: true });

  step('building the extension, its .vsix and the extension-host tests');
  const [vsix, testsIndex] = await Promise.all([buildVsix(runDir), buildExtHostTests(path.join(runDir, 'exthost-tests'))]);
  console.log(`  ${path.relative(ROOT, vsix)}`);

  const profile = makeProfile(runDir);
  tempDirs.push(profile.tmp);
  step('installing the .vsix into code-server');
  await installVsix(profile, vsix);
  const extensionDir = installedExtensionDir(profile, EXTENSION_ID);
  // The tests live inside the extension's folder, so that `require('vscode')` gives them
  // the extension's own API object (stubs of vscode.window prompts reach the extension).
  const testsDir = path.join(extensionDir, '.e2e-tests');
  fs.cpSync(path.dirname(testsIndex), testsDir, { recursive: true });

  step('starting code-server');
  server = await startCodeServer(profile, runDir);
  console.log(`  ${server.url} (log: ${path.relative(ROOT, server.logFile)})`);
  browser = await launchBrowser(runDir).catch((error: Error) => {
    console.log(`  Chromium did not start (${error.message.split('\n')[0]}): retrying once`);
    return launchBrowser(runDir);
  });

  if (!only || only === 'exthost') {
    step('extension-host suite');
    const ws = copyExamples(path.join(runDir, 'exthost-ws'));
    const suite = { browser, server, workspaceFile: ws.codeWorkspace, extensionDir, testsIndex: path.join(testsDir, path.basename(testsIndex)), out: profile.out, startTimeoutMs: 90_000, timeoutMs: 240_000 };
    results.push(await runExtHostSuite(suite).catch((error: Error) => {
      if (!(error instanceof StartupError)) throw error;
      console.log(`  ${error.message}: retrying once`);
      return runExtHostSuite(suite);
    }).catch((error: Error) => {
      console.log(`  ✗ extension-host suite: ${error.message}`);
      return { passed: 0, failed: 1, pending: 0 };
    }));
  }
  if (!only || only === 'ui') {
    step('UI suite');
    const ws = copyExamples(path.join(runDir, 'ui-ws'));
    results.push(await runUiSuite({ browser, server, workspaces: ws, out: profile.out }));
  }

  step('stopping');
  await cleanup();
  if (!keep && results.every((r) => r.failed === 0)) fs.rmSync(runDir, { recursive: true, force: true });
  else console.log(`  kept ${path.relative(ROOT, runDir)} (logs, profile, workspaces)`);
  console.log(`  e2e took ${((Date.now() - started) / 1000).toFixed(1)} s`);
  releaseLock();
  finishWith(0);
}

/** Prints the counts so far plus `extraFailures` and exits. */
function finishWith(extraFailures: number): never {
  const sum = (key: keyof SuiteResult) => results.reduce((n, r) => n + r[key], 0);
  return finish(sum('passed'), sum('failed') + extraFailures, sum('pending'));
}

setTimeout(() => {
  console.log(`\n✗ the e2e run took longer than ${OVERALL_TIMEOUT_MS / 60_000} minutes: stopping everything`);
  void cleanup().finally(() => finishWith(1));
}, OVERALL_TIMEOUT_MS);

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(signal, () => {
    console.log(`\n✗ ${signal}: stopping everything`);
    void cleanup().finally(() => finishWith(1));
  });
}
process.on('exit', () => {
  if (!finished) killAllGroups();
});

main().catch(async (error: Error) => {
  console.log(`\n✗ ${error.stack ?? error.message}`);
  await cleanup();
  finishWith(1);
});

process.on('uncaughtException', (error) => {
  console.log(`\n✗ uncaught: ${error.stack ?? error.message}`);
  void cleanup().finally(() => finishWith(1));
});
