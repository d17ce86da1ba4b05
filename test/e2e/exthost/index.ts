/**
 * The test runner VS Code loads inside its extension host (`extensionTestsPath`): runs
 * every bundled `*.e2e.js` beside it with mocha and reports each result both to the
 * console and, when `ISMS_E2E_OUT` names a folder, to `exthost.log` (live, one line per
 * event) and `exthost.json` (the counts) there, which the harness reads: a browser
 * workbench only hands back an exit code.
 *
 * The same runner serves code-server (test/e2e/run.ts) and @vscode/test-electron
 * (test/e2e/electron/run.ts).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';
import * as vscode from 'vscode';

export interface ExtHostResults {
  passed: number;
  failed: number;
  pending: number;
  failures: { title: string; error: string }[];
  pendingTitles: string[];
}

export function run(): Promise<void> {
  const out = process.env.ISMS_E2E_OUT;
  const logFile = out ? path.join(out, 'exthost.log') : undefined;
  const resultFile = out ? path.join(out, 'exthost.json') : undefined;
  const log = (line: string): void => {
    console.log(line);
    if (logFile) fs.appendFileSync(logFile, line + '\n');
  };

  const grep = process.env.ISMS_E2E_GREP;
  const mocha = new Mocha({ ui: 'bdd', timeout: 60_000, color: false, reporter: 'base', ...(grep ? { grep } : {}) });
  const files = fs.readdirSync(__dirname).filter((f) => f.endsWith('.e2e.js')).sort();
  for (const file of files) mocha.addFile(path.join(__dirname, file));

  const results: ExtHostResults = { passed: 0, failed: 0, pending: 0, failures: [], pendingTitles: [] };
  // the harness takes this first line as "the tests started" (a start-up that never gets
  // here is retried)
  log(`extension host: running ${files.length} test files in VS Code ${vscode.version}`);
  return new Promise((resolve, reject) => {
    try {
      const runner = mocha.run((failures) => {
        log(`extension host: ${results.passed} passed, ${results.failed} failed, ${results.pending} pending`);
        if (resultFile) fs.writeFileSync(resultFile, JSON.stringify(results, null, 2));
        if (failures > 0) reject(new Error(`${failures} extension-host test(s) failed`));
        else resolve();
      });
      runner.on('pass', (test) => {
        results.passed++;
        log(`  ✓ ${test.fullTitle()} (${test.duration ?? 0} ms)`);
      });
      runner.on('fail', (test, error: Error) => {
        results.failed++;
        const message = error?.stack ?? String(error);
        results.failures.push({ title: test.fullTitle(), error: message });
        log(`  ✗ ${test.fullTitle()}\n${indent(message)}`);
      });
      runner.on('pending', (test) => {
        results.pending++;
        results.pendingTitles.push(test.fullTitle());
        log(`  - ${test.fullTitle()} (pending)`);
      });
    } catch (error) {
      if (resultFile) fs.writeFileSync(resultFile, JSON.stringify({ ...results, failed: results.failed + 1, failures: [{ title: 'loading the tests', error: String((error as Error).stack ?? error) }] }, null, 2));
      reject(error);
    }
  });
}

function indent(text: string): string {
  return text.split('\n').slice(0, 30).map((l) => `      ${l}`).join('\n');
}
