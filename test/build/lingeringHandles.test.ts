/**
 * The mocha root hook test/helpers/lingeringHandles.ts: a run whose tests leave something
 * open ends anyway, names what was left, and keeps mocha's result as its exit code.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');

describe('a test run that leaves a handle open', function () {
  this.timeout(60_000);

  const mocha = (fixture: string) => spawnSync(process.execPath, [
    path.join(ROOT, 'node_modules/mocha/bin/mocha.js'), '--no-config', '-r', 'tsx/cjs', '-r', 'test/helpers/lingeringHandles.ts',
    '--extension', 'ts', `test/fixtures/lingering/${fixture}`,
  ], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, ISMS_TEST_LINGER_MS: '300' }, timeout: 50_000 });

  it('ends after the grace period, naming the timer, with the tests\' result (0)', () => {
    const run = mocha('leaksATimer.fixture.ts');
    assert.equal(run.signal, null, 'the run ended by itself');
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /1 passing/);
    assert.match(run.stderr, /kept alive 0\.3 s later by:\n(?: {2}- .*\n)*? {2}- 1 × Timeout\n/);
  });

  it('keeps a failing run failing', () => {
    const run = mocha('failsAndLeaks.fixture.ts');
    assert.equal(run.signal, null, 'the run ended by itself');
    assert.equal(run.status, 1, run.stderr);
    assert.match(run.stdout, /1 failing/);
    assert.match(run.stderr, /1 × Timeout/);
  });
});
