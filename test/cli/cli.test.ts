/**
 * The built CLI (dist/cli.js, made by `npm run build`) as a user or CI runs it:
 * spawned against temporary workspaces, checked by exit code, stdout and stderr.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ALL_RULES, UNUSED_SUPPRESSION_INFO } from '../../server/src/core/rules/index';
import { version } from '../../package.json';

const REPO = path.resolve(__dirname, '../..');
const CLI = path.join(REPO, 'dist/cli.js');

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `node dist/cli.js ...args` in `cwd`; ISMS_TODAY and NO_COLOR come only from `env`. */
function isms(args: string[], options: { cwd?: string; env?: Record<string, string> } = {}): Run {
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.ISMS_TODAY;
  delete env.NO_COLOR;
  const result = spawnSync(process.execPath, [CLI, ...args], {
    cwd: options.cwd ?? REPO,
    env: { ...env, ...options.env },
    encoding: 'utf8',
    timeout: 20_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function json(run: Run): JsonFinding[] {
  return JSON.parse(run.stdout) as JsonFinding[];
}

interface JsonFinding {
  file: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  severity: string;
  code: string;
  message: string;
}

const temps: string[] = [];

function tempWorkspace(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'isms-cli-'));
  temps.push(dir);
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
  }
  return dir;
}

const PEOPLE = `people:
  - id: alice
    name: Alice Chen
    roles: [isms-manager]
`;

/** Cites alice (defined in PEOPLE) and zoe (defined nowhere). */
const SOA = `soa:
  controls:
    - id: A.5.1
      applicable: true
      justification: Needed to direct the ISMS and required by contracts.
      status: planned
      owner: alice
    - id: A.5.2
      applicable: true
      justification: Roles are defined in the ISMS roles document.
      status: planned
      owner: zoe
`;

/** A certificate that expires on 2026-12-31: expired as of 2027. */
const CERTIFICATE = `certificationBody:
  name: Example Certification Ltd
  accreditation: UKAS
certificate:
  number: IS 1
  issued: 2026-01-01
  expires: 2026-12-31
`;

const LINE = /^(.+):(\d+):(\d+): (error|warning|information|hint) ([a-z0-9-]+) (.+)$/;

before(function () {
  if (!fs.existsSync(CLI)) throw new Error(`${CLI} is missing: run 'npm run build' first.`);
});

after(() => {
  for (const dir of temps) fs.rmSync(dir, { recursive: true, force: true });
});

describe('isms (command line)', function () {
  this.timeout(30_000);

  describe('help and version', () => {
    it('prints the general help with --help, -h and help, exit 0', () => {
      for (const args of [['--help'], ['-h'], ['help']]) {
        const run = isms(args);
        assert.equal(run.status, 0, args.join(' '));
        assert.match(run.stdout, /Usage: isms <command>/);
        assert.match(run.stdout, /check \[PATH\.\.\.\]/);
      }
    });

    it('prints the general help on stderr and exits 2 without a command', () => {
      const run = isms([]);
      assert.equal(run.status, 2);
      assert.equal(run.stdout, '');
      assert.match(run.stderr, /Usage: isms <command>/);
    });

    it('prints the version of package.json', () => {
      const run = isms(['--version']);
      assert.equal(run.status, 0);
      assert.equal(run.stdout.trim(), version);
    });

    it('prints the help of check with check --help and help check', () => {
      for (const args of [['check', '--help'], ['help', 'check'], ['check', 'no-such-folder', '-h']]) {
        const run = isms(args);
        assert.equal(run.status, 0, args.join(' '));
        assert.match(run.stdout, /Usage: isms check \[PATH\.\.\.\] \[--format text\|json\|sarif\] \[--today YYYY-MM-DD\]/);
      }
    });

    it('shows the help of report and status', () => {
      for (const [args, usage] of [[['report', '--help'], /Usage: isms report soa\|pre-assessment\|nonconformities/], [['help', 'status'], /Usage: isms status \[PATH\]/]] as const) {
        const run = isms([...args]);
        assert.equal(run.status, 0, args.join(' '));
        assert.match(run.stdout, usage);
      }
    });

    it('rejects an unknown command or option with exit 2 and a usage hint', () => {
      for (const args of [['frobnicate'], ['--frobnicate'], ['check', '--frobnicate']]) {
        const run = isms(args);
        assert.equal(run.status, 2, args.join(' '));
        assert.match(run.stderr, /^isms: unknown (command|option) /);
        assert.match(run.stderr, /--help' for usage/);
        assert.doesNotMatch(run.stderr, /\n\s+at /, 'no stack trace');
      }
    });
  });

  describe('check: exit codes and bad input', () => {
    it('exits 0 with a summary when there is no problem', () => {
      const dir = tempWorkspace({ 'people.isms.yaml': PEOPLE });
      const run = isms(['check', dir]);
      assert.equal(run.status, 0, run.stderr);
      assert.equal(run.stdout, 'No problems found in 1 file.\n');
    });

    it('checks the current folder by default', () => {
      const dir = tempWorkspace({ 'people.isms.yaml': PEOPLE, 'soa.isms.yaml': SOA });
      const run = isms(['check'], { cwd: dir });
      assert.equal(run.status, 1);
      assert.match(run.stdout, /^soa\.isms\.yaml:12:14: error unknown-person /m);
    });

    it('exits 1 on an error-level problem, 0 when only warnings remain', () => {
      const errors = tempWorkspace({ 'people.isms.yaml': PEOPLE, 'soa.isms.yaml': SOA });
      assert.equal(isms(['check', errors]).status, 1);
      const warnings = tempWorkspace({ 'soa.isms.yaml': 'soa:\n  controls:\n    - id: A.5.1\n      applicable: true\n      justification: Needed to direct the ISMS and required by contracts.\n' });
      const run = isms(['check', warnings]);
      assert.equal(run.status, 0, run.stdout);
      assert.match(run.stdout, /warning missing-status/);
      assert.match(run.stdout, /^0 errors, 2 warnings in 1 file \(checked 1 file\)$/m);
    });

    it('exits 2 on a path that does not exist, with a clear message', () => {
      const run = isms(['check', 'no/such/folder']);
      assert.equal(run.status, 2);
      assert.equal(run.stdout, '');
      assert.match(run.stderr, /^isms: no such file or folder: 'no\/such\/folder'/);
    });

    it('exits 2 on a file that is not an ISMS file', () => {
      const dir = tempWorkspace({ 'notes.yaml': 'a: 1\n' });
      const run = isms(['check', path.join(dir, 'notes.yaml')]);
      assert.equal(run.status, 2);
      assert.match(run.stderr, /is not an ISMS file/);
    });

    it('exits 2 on an unreadable file', function () {
      if (process.platform === 'win32' || process.getuid?.() === 0) this.skip();
      const dir = tempWorkspace({ 'people.isms.yaml': PEOPLE });
      const file = path.join(dir, 'people.isms.yaml');
      fs.chmodSync(file, 0o000);
      const run = isms(['check', file]);
      fs.chmodSync(file, 0o644);
      assert.equal(run.status, 2);
      assert.match(run.stderr, /cannot read/);
    });

    it('exits 2 on a bad --format, a missing value or a bad --today', () => {
      const dir = tempWorkspace({ 'people.isms.yaml': PEOPLE });
      const cases: [string[], RegExp][] = [
        [['check', dir, '--format', 'xml'], /'xml' is not a valid value for '--format' \(expected text, json, sarif\)/],
        [['check', dir, '--format'], /'--format' needs a value/],
        [['check', dir, '--today', '2026-02-30'], /--today: '2026-02-30' is not a date/],
        [['check', dir, '--today=yesterday'], /'yesterday' is not a date/],
        [['check', dir, '--format', 'json', '--format', 'text'], /given more than once/],
      ];
      for (const [args, message] of cases) {
        const run = isms(args);
        assert.equal(run.status, 2, args.join(' '));
        assert.equal(run.stdout, '');
        assert.match(run.stderr, message);
        assert.match(run.stderr, /Run 'isms check --help' for usage/);
      }
    });

    it('exits 2 on a bad ISMS_TODAY unless --today is given', () => {
      const dir = tempWorkspace({ 'people.isms.yaml': PEOPLE });
      const bad = isms(['check', dir], { env: { ISMS_TODAY: 'soon' } });
      assert.equal(bad.status, 2);
      assert.match(bad.stderr, /'soon' is not a date written YYYY-MM-DD \(from ISMS_TODAY\)/);
      assert.equal(isms(['check', dir, '--today', '2026-11-28'], { env: { ISMS_TODAY: 'soon' } }).status, 0);
    });

    it('reports a warning on stderr for a folder without ISMS files', () => {
      const dir = tempWorkspace({ 'readme.md': '# nothing\n' });
      const run = isms(['check', dir]);
      assert.equal(run.status, 0);
      assert.match(run.stderr, /warning: no ISMS files/);
    });

    it('prints problems of isms.config.yaml as warnings on stderr', () => {
      const dir = tempWorkspace({ 'people.isms.yaml': PEOPLE, 'isms.config.yaml': 'rules:\n  no-such-rule: off\n' });
      const run = isms(['check', '.'], { cwd: dir });
      assert.equal(run.status, 0);
      assert.match(run.stderr, /^isms: warning: isms\.config\.yaml: unknown rule code 'no-such-rule'/m);
    });

    it('honours the severities of isms.config.yaml', () => {
      const dir = tempWorkspace({ 'people.isms.yaml': PEOPLE, 'soa.isms.yaml': SOA, 'isms.config.yaml': 'rules:\n  unknown-person: warning\n' });
      const run = isms(['check', dir, '--format', 'json']);
      assert.equal(run.status, 0);
      assert.equal(json(run).find((f) => f.code === 'unknown-person')?.severity, 'warning');
    });
  });

  describe('check: text format', () => {
    it('prints path:line:col: severity code message, sorted, with a summary', () => {
      const dir = tempWorkspace({
        'b/soa.isms.yaml': SOA,
        'a/people.isms.yaml': PEOPLE + '  - id: alice\n    name: Alice Again\n',
      });
      const run = isms(['check', '.'], { cwd: dir });
      assert.equal(run.status, 1);
      const lines = run.stdout.trimEnd().split('\n');
      const summary = lines.pop()!;
      assert.ok(lines.length >= 2, run.stdout);
      for (const line of lines) assert.match(line, LINE);
      assert.match(lines[0]!, /^a\/people\.isms\.yaml:5:9: error duplicate-id /);
      assert.equal(lines.at(-1), `b/soa.isms.yaml:12:14: error unknown-person ${lines.at(-1)!.match(LINE)![6]}`);
      const files = lines.map((l) => l.match(LINE)![1]!);
      assert.deepEqual(files, [...files].sort());
      assert.match(summary, /^\d+ errors?, \d+ warnings? in 2 files \(checked 2 files\)$/);
      assert.doesNotMatch(run.stdout, /\u001b\[/, 'no colours when stdout is not a terminal');
    });

    it('reports unused suppressions as warnings', () => {
      const dir = tempWorkspace({ 'people.isms.yaml': PEOPLE.replace('roles: [isms-manager]', 'roles: [isms-manager] # isms-disable-line unknown-person') });
      const run = isms(['check', dir]);
      assert.equal(run.status, 0);
      assert.match(run.stdout, /people\.isms\.yaml:4:\d+: warning unused-suppression /);
    });

    it('uses paths relative to the current folder', () => {
      const dir = tempWorkspace({ 'ws/soa.isms.yaml': SOA, 'ws/people.isms.yaml': PEOPLE });
      const fromParent = isms(['check', 'ws'], { cwd: dir });
      assert.match(fromParent.stdout, /^ws\/soa\.isms\.yaml:12:14: /m);
      const fromInside = isms(['check', '../ws'], { cwd: path.join(dir, 'ws') });
      assert.match(fromInside.stdout, /^soa\.isms\.yaml:12:14: /m);
    });
  });

  describe('check: json format', () => {
    it('prints one array of findings with 0-based ranges and relative / paths', () => {
      const dir = tempWorkspace({ 'people.isms.yaml': PEOPLE, 'nested/deeper/soa.isms.yaml': SOA });
      const run = isms(['check', '--format', 'json'], { cwd: dir });
      assert.equal(run.status, 1);
      const findings = json(run);
      assert.ok(Array.isArray(findings));
      const unknown = findings.filter((f) => f.code === 'unknown-person');
      assert.equal(unknown.length, 1);
      assert.deepEqual(unknown[0], {
        file: 'nested/deeper/soa.isms.yaml',
        range: { start: { line: 11, character: 13 }, end: { line: 11, character: 16 } },
        severity: 'error',
        code: 'unknown-person',
        message: unknown[0]!.message,
      });
      assert.match(unknown[0]!.message, /zoe/);
      for (const f of findings) {
        assert.deepEqual(Object.keys(f).sort(), ['code', 'file', 'message', 'range', 'severity']);
        assert.ok(['error', 'warning', 'information', 'hint'].includes(f.severity));
        assert.ok(!f.file.includes('\\') && !path.isAbsolute(f.file), f.file);
      }
    });

    it('prints an empty array when there is nothing to report', () => {
      const dir = tempWorkspace({ 'people.isms.yaml': PEOPLE });
      const run = isms(['check', dir, '--format=json']);
      assert.equal(run.status, 0);
      assert.deepEqual(JSON.parse(run.stdout), []);
    });
  });

  describe('check: sarif format', () => {
    it('prints SARIF 2.1.0 with every rule and 1-based regions', () => {
      const dir = tempWorkspace({ 'people.isms.yaml': PEOPLE, 'my soa.isms.yaml': SOA });
      const run = isms(['check', '--format', 'sarif'], { cwd: dir });
      assert.equal(run.status, 1);
      const sarif = JSON.parse(run.stdout);
      assert.equal(sarif.version, '2.1.0');
      assert.equal(sarif.$schema, 'https://json.schemastore.org/sarif-2.1.0.json');
      assert.equal(sarif.runs.length, 1);
      const driver = sarif.runs[0].tool.driver;
      assert.equal(driver.name, 'isms');
      assert.equal(driver.version, version);
      const ids = driver.rules.map((r: { id: string }) => r.id);
      assert.deepEqual(ids, [...ALL_RULES.map((r) => r.code), UNUSED_SUPPRESSION_INFO.code]);
      for (const rule of driver.rules) {
        assert.ok(rule.shortDescription.text && rule.fullDescription.text && rule.help.text, rule.id);
        assert.ok(['error', 'warning', 'note'].includes(rule.defaultConfiguration.level), rule.id);
      }
      assert.equal(driver.rules[ids.indexOf('legacy-control')].defaultConfiguration.level, 'warning');
      const result = sarif.runs[0].results.find((r: { ruleId: string }) => r.ruleId === 'unknown-person');
      assert.equal(result.level, 'error');
      assert.equal(ids[result.ruleIndex], 'unknown-person');
      assert.match(result.message.text, /zoe/);
      const location = result.locations[0].physicalLocation;
      assert.deepEqual(location.artifactLocation, { uri: 'my%20soa.isms.yaml', uriBaseId: '%SRCROOT%' });
      assert.deepEqual(location.region, { startLine: 12, startColumn: 14, endLine: 12, endColumn: 17 });
    });
  });

  describe('check: workspaces and today', () => {
    it('checks file arguments together as one workspace, without scanning', () => {
      const dir = tempWorkspace({
        'team/people.isms.yaml': PEOPLE + '  - id: zoe\n    name: Zoe Park\n',
        'controls/soa.isms.yaml': SOA,
        // Not named on the command line: its duplicate ids must not be seen.
        'other/more-people.isms.yaml': PEOPLE,
      });
      const run = isms(['check', 'team/people.isms.yaml', 'controls/soa.isms.yaml', '--format', 'json'], { cwd: dir });
      assert.equal(run.status, 0, run.stdout + run.stderr);
      const findings = json(run);
      assert.ok(!findings.some((f) => f.code === 'unknown-person' || f.code === 'duplicate-id'), run.stdout);

      const alone = isms(['check', 'controls/soa.isms.yaml', '--format', 'json'], { cwd: dir });
      assert.equal(alone.status, 1);
      assert.equal(json(alone).filter((f) => f.code === 'unknown-person').length, 2);
    });

    it('checks each folder argument as its own workspace', () => {
      const dir = tempWorkspace({ 'one/people.isms.yaml': PEOPLE, 'two/soa.isms.yaml': SOA });
      const run = isms(['check', 'one', 'two', '--format', 'json'], { cwd: dir });
      assert.equal(run.status, 1);
      assert.equal(json(run).filter((f) => f.code === 'unknown-person' && f.file === 'two/soa.isms.yaml').length, 2);
    });

    it('lets --today win over ISMS_TODAY', () => {
      const dir = tempWorkspace({ 'cert.isms.yaml': CERTIFICATE });
      const codes = (run: Run): string[] => json(run).map((f) => f.code);
      const expired = isms(['check', dir, '--format', 'json'], { env: { ISMS_TODAY: '2027-02-01' } });
      assert.ok(codes(expired).includes('certificate-expired'), expired.stdout);
      assert.equal(expired.status, 1);
      const asOf = isms(['check', dir, '--format', 'json', '--today', '2026-06-01'], { env: { ISMS_TODAY: '2027-02-01' } });
      assert.ok(!codes(asOf).includes('certificate-expired'), asOf.stdout);
      const flagOnly = isms(['check', dir, '--format', 'json', '--today', '2027-02-01']);
      assert.ok(codes(flagOnly).includes('certificate-expired'), flagOnly.stdout);
    });
  });

  describe('check: the examples', () => {
    const acme = path.join(REPO, 'examples/acme');
    const broken = path.join(REPO, 'examples/broken');

    it('finds nothing in examples/acme as of 2026-11-28', function () {
      if (!fs.existsSync(acme)) this.skip();
      const run = isms(['check', 'examples/acme', '--today', '2026-11-28']);
      assert.equal(run.status, 0, run.stdout + run.stderr);
      assert.match(run.stdout, /^No problems found in \d+ files\.$/m);
      assert.deepEqual(JSON.parse(isms(['check', 'examples/acme', '--today', '2026-11-28', '--format', 'json']).stdout), []);
    });

    it('exits 1 on examples/broken, in every format', function () {
      if (!fs.existsSync(broken) || fs.readdirSync(broken).length === 0) this.skip();
      for (const format of ['text', 'json', 'sarif']) {
        const run = isms(['check', 'examples/broken', '--today', '2026-11-28', '--format', format]);
        assert.equal(run.status, 1, format);
        assert.equal(run.stderr, '', format);
      }
    });
  });
});
