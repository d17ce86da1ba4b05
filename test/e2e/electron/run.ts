/**
 * `npm run test:electron`: the same extension-host suite (test/e2e/exthost) in desktop
 * VS Code, through @vscode/test-electron. NEEDS INTERNET: test-electron downloads VS Code
 * (into test/e2e/.work/vscode-test, kept) on the first run. Offline, use `npm run test:e2e` (code-server).
 *
 * The extension under test is the project folder itself (run `npm run build` first, or
 * let this script do it); the tests are bundled into test/e2e/.work/electron, inside
 * the extension's folder, so they share its `vscode` API object (the stubs of
 * vscode.window prompts reach the extension). Ends with `N passed, N failed`.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildExtHostTests } from '../harness/build';
import { ROOT, TODAY, WORK } from '../harness/paths';
import { run } from '../harness/proc';
import { copyExamples } from '../harness/workspaces';
import type { ExtHostResults } from '../exthost/index';

async function main(): Promise<number> {
  let runTests: typeof import('@vscode/test-electron').runTests;
  try {
    ({ runTests } = await import('@vscode/test-electron'));
  } catch {
    console.log('@vscode/test-electron is not installed: npm install --no-save @vscode/test-electron');
    return 1;
  }
  const dir = path.join(WORK, 'electron');
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  await run('npm', ['run', 'build'], { cwd: ROOT, timeoutMs: 120_000, quiet: true });
  const testsIndex = await buildExtHostTests(path.join(dir, 'exthost-tests'));
  const ws = copyExamples(path.join(dir, 'ws'));
  const out = path.join(dir, 'out');
  fs.mkdirSync(out, { recursive: true });
  let code: number;
  try {
    code = await runTests({
      version: process.env.ISMS_E2E_VSCODE_VERSION ?? 'stable',
      cachePath: path.join(WORK, 'vscode-test'),
      extensionDevelopmentPath: ROOT,
      extensionTestsPath: testsIndex,
      launchArgs: [ws.codeWorkspace, '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes', '--disable-gpu'],
      extensionTestsEnv: { ISMS_TODAY: TODAY, ISMS_E2E_ROOT: ROOT, ISMS_E2E_OUT: out },
    });
  } catch (error) {
    console.log(`VS Code did not run the tests: ${(error as Error).message}`);
    code = 1;
  }
  const resultFile = path.join(out, 'exthost.json');
  const results = fs.existsSync(resultFile) ? (JSON.parse(fs.readFileSync(resultFile, 'utf8')) as ExtHostResults) : undefined;
  const passed = results?.passed ?? 0;
  const failed = results ? results.failed : 1;
  console.log(`\n${passed} passed, ${failed} failed${results?.pending ? `, ${results.pending} skipped` : ''}`);
  return code === 0 && failed === 0 ? 0 : 1;
}

main().then((code) => process.exit(code), (error: Error) => {
  console.log(`${error.stack ?? error.message}\n\n0 passed, 1 failed`);
  process.exit(1);
});
