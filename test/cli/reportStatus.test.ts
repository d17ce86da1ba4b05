/**
 * `isms report` and `isms status` through the built CLI: the same bytes as the core's
 * golden reports, files never overwritten without --force, the §9 JSON shape.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const REPO = path.resolve(__dirname, '../..');
const CLI = path.join(REPO, 'dist/cli.js');
const ACME = path.join(REPO, 'examples/acme');
const GOLDEN = path.join(REPO, 'test/fixtures/reports');

function isms(args: string[], cwd = REPO) {
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.ISMS_TODAY;
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, env, encoding: 'utf8', timeout: 20_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('isms report', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'isms-report-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  for (const kind of ['soa', 'pre-assessment', 'nonconformities']) {
    for (const format of ['md', 'html', 'csv']) {
      it(`prints the ${kind} report as ${format}, identical to the golden file`, () => {
        const run = isms(['report', kind, ACME, '--format', format, '--today', '2026-11-28']);
        assert.equal(run.status, 0, run.stderr);
        assert.equal(run.stdout, fs.readFileSync(path.join(GOLDEN, `${kind}.${format}`), 'utf8'));
      });
    }
  }

  it('writes -o FILE, refuses to overwrite it (exit 2) and overwrites with --force', () => {
    const out = path.join(dir, 'soa.html');
    const first = isms(['report', 'soa', ACME, '--format', 'html', '-o', out, '--today', '2026-11-28']);
    assert.equal(first.status, 0, first.stderr);
    assert.match(fs.readFileSync(out, 'utf8'), /Content-Security-Policy/);
    fs.writeFileSync(out, 'keep me');
    const refused = isms(['report', 'soa', ACME, '--format', 'html', '-o', out]);
    assert.equal(refused.status, 2);
    assert.match(refused.stderr, /already exists; use --force/);
    assert.equal(fs.readFileSync(out, 'utf8'), 'keep me');
    const forced = isms(['report', 'soa', ACME, '--format', 'html', '-o', out, '--force', '--today', '2026-11-28']);
    assert.equal(forced.status, 0, forced.stderr);
    assert.notEqual(fs.readFileSync(out, 'utf8'), 'keep me');
    assert.deepEqual(fs.readdirSync(dir), ['soa.html'], 'no temporary file is left behind');
  });

  it('rejects an unknown report, a missing folder for -o and --force without -o', () => {
    assert.equal(isms(['report', 'risks', ACME]).status, 2);
    assert.equal(isms(['report', 'soa', ACME, '-o', path.join(dir, 'no/such/folder/soa.md')]).status, 2);
    assert.equal(isms(['report', 'soa', ACME, '--force']).status, 2);
    assert.equal(isms(['report']).status, 2);
  });
});

describe('isms status', () => {
  it('prints the §9 JSON shape with the 12 steps in order', () => {
    const run = isms(['status', 'examples/acme', '--format', 'json', '--today', '2026-11-28']);
    assert.equal(run.status, 0, run.stderr);
    const json = JSON.parse(run.stdout) as { phases: { id: string; title: string; steps: { id: string; state: string; file: string | null; line: number | null }[] }[] };
    assert.deepEqual(json.phases.map((p) => p.id), ['planning', 'audit', 'maintenance']);
    assert.deepEqual(json.phases.flatMap((p) => p.steps.map((s) => s.id)), [
      'approval', 'team', 'scope', 'soa', 'pre-assessment', 'auditor', 'stage-1', 'stage-2', 'certificate', 'internal-reviews', 'surveillance', 'recertification',
    ]);
    const soa = json.phases[0]!.steps.find((s) => s.id === 'soa')!;
    assert.equal(soa.state, 'done');
    assert.equal(soa.file, 'examples/acme/soa.isms.yaml');
    for (const step of json.phases.flatMap((p) => p.steps)) assert.ok(['done', 'in-progress', 'not-started', 'attention'].includes(step.state));
  });

  it('prints a readable checklist and flags the broken example', () => {
    const run = isms(['status', 'examples/broken', '--ascii', '--today', '2026-11-28']);
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /\[!\] Controls selected, SoA complete +SoA 9\/93 addressed/);
  });
});
