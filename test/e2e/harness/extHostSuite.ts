/**
 * Runs the extension-host suite (test/e2e/exthost, bundled) inside code-server's real
 * extension host. code-server refuses --extensionDevelopmentPath, but its workbench
 * reads the same development options from the `payload` query parameter (the way VS
 * Code for the Web opens an extension development window): the extension under test
 * (the folder --install-extension unpacked our .vsix into) and the tests, as
 * vscode-remote URIs. The workbench reports the end through window.codeAutomationExit;
 * the counts come from the runner's exthost.json.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Browser } from 'playwright-core';
import type { ExtHostResults } from '../exthost/index';
import type { CodeServer } from './codeServer';
import { delay, withTimeout } from './proc';

export interface SuiteResult {
  passed: number;
  failed: number;
  pending: number;
}

export async function runExtHostSuite(options: {
  browser: Browser;
  server: CodeServer;
  workspaceFile: string;
  extensionDir: string;
  testsIndex: string;
  out: string;
  /** The tests must have started by then, or the start-up is retried once by the caller. */
  startTimeoutMs: number;
  timeoutMs: number;
}): Promise<SuiteResult> {
  const { browser, server, out } = options;
  const logFile = path.join(out, 'exthost.log');
  const resultFile = path.join(out, 'exthost.json');
  fs.rmSync(logFile, { force: true });
  fs.rmSync(resultFile, { force: true });
  const authority = `127.0.0.1:${server.port}`;
  const remote = (p: string) => `vscode-remote://${authority}${p.split(path.sep).join('/')}`;
  const payload = [
    ['extensionDevelopmentPath', remote(options.extensionDir)],
    ['extensionTestsPath', remote(options.testsIndex)],
  ];
  const url = `${server.url}/?workspace=${encodeURIComponent(options.workspaceFile)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;

  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const browserLogFile = path.join(out, 'exthost-browser.log');
  let logging = true;
  const browserLog = (line: string) => {
    if (logging) fs.appendFileSync(browserLogFile, line);
  };
  const stopTail = tailFile(logFile);
  try {
    const page = await context.newPage();
    page.on('console', (message) => browserLog(`[${message.type()}] ${message.text()}\n`));
    page.on('pageerror', (error) => browserLog(`[pageerror] ${error.stack ?? error.message}\n`));
    let exitCode: (code: number) => void = () => undefined;
    const exited = new Promise<number>((resolve) => (exitCode = resolve));
    await page.exposeFunction('codeAutomationExit', (code: number) => exitCode(code));
    await page.exposeFunction('codeAutomationLog', (level: string, args: unknown[]) => {
      browserLog(`[automation ${level}] ${args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' ')}\n`);
    });
    await page.goto(url, { timeout: 60_000 });
    const started = waitForFile(logFile, options.startTimeoutMs);
    const first = await Promise.race([exited.then(() => 'exited' as const), started.then((ok) => (ok ? ('started' as const) : ('silent' as const)))]);
    if (first === 'silent') throw new StartupError(`the extension host ran no test within ${options.startTimeoutMs / 1000} s (see ${out})`);
    const code = await withTimeout(exited, options.timeoutMs, 'extension-host suite');
    stopTail();
    if (!fs.existsSync(resultFile)) {
      console.log(`extension host suite ended with code ${code} and no results (see ${out})`);
      return { passed: 0, failed: 1, pending: 0 };
    }
    const results = JSON.parse(fs.readFileSync(resultFile, 'utf8')) as ExtHostResults;
    return { passed: results.passed, failed: results.failed, pending: results.pending };
  } finally {
    stopTail();
    logging = false;
    await withTimeout(context.close(), 10_000, 'closing the browser context').catch(() => undefined);
  }
}

/** The workbench or its extension host did not start the tests: worth one retry. */
export class StartupError extends Error {}

async function waitForFile(file: string, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (fs.existsSync(file)) return true;
    await delay(250);
  }
  return false;
}

/** Prints the lines appended to `file` as they come; returns a function that stops (and flushes). */
function tailFile(file: string): () => void {
  let offset = 0;
  let stopped = false;
  const flush = () => {
    if (!fs.existsSync(file)) return;
    const text = fs.readFileSync(file, 'utf8');
    if (text.length > offset) {
      process.stdout.write(text.slice(offset));
      offset = text.length;
    }
  };
  const timer = setInterval(flush, 300);
  return () => {
    if (stopped) return;
    stopped = true;
    clearInterval(timer);
    flush();
  };
}
