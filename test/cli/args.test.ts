/**
 * The CLI's pure helpers, without spawning: argument parsing and the common parent
 * folder of file arguments.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { parseArgs, wantsHelp, type OptionSpec } from '../../server/src/cli/args';
import { commonParent } from '../../server/src/cli/checkTargets';
import { CliError } from '../../server/src/cli/io';

const SPECS: OptionSpec[] = [
  { name: 'format', alias: 'f', value: 'FORMAT', choices: ['text', 'json'] },
  { name: 'today', value: 'YYYY-MM-DD' },
  { name: 'out', alias: 'o', value: 'FILE' },
  { name: 'force' },
];

function parse(argv: string[]): { options: Record<string, string | true>; positionals: readonly string[] } {
  const parsed = parseArgs(argv, SPECS, 'check');
  return { options: Object.fromEntries(parsed.options), positionals: parsed.positionals };
}

function usageError(argv: string[], message: RegExp): void {
  assert.throws(() => parseArgs(argv, SPECS, 'check'), (error: unknown) => {
    assert.ok(error instanceof CliError);
    assert.equal(error.usageHint, 'check');
    assert.match(error.message, message);
    return true;
  });
}

describe('cli: parseArgs', () => {
  it('reads options with separate or = values, aliases, flags and positionals in any order', () => {
    assert.deepEqual(parse(['a', '--format', 'json', 'b', '--today=2026-01-02', '-o', 'x.md', '--force']), {
      options: { format: 'json', today: '2026-01-02', out: 'x.md', force: true },
      positionals: ['a', 'b'],
    });
    assert.deepEqual(parse(['-f', 'text']).options, { format: 'text' });
  });

  it('treats everything after -- as positionals', () => {
    assert.deepEqual(parse(['--', '--format', '-x']).positionals, ['--format', '-x']);
  });

  it('rejects unknown options, missing and disallowed values, repeats and values on flags', () => {
    usageError(['--nope'], /unknown option '--nope'/);
    usageError(['--nope=1'], /unknown option '--nope'/);
    usageError(['-x'], /unknown option '-x'/);
    usageError(['--format'], /'--format' needs a value \(text\|json\)/);
    usageError(['--format', '--today', '2026-01-01'], /'--format' needs a value/);
    usageError(['--format='], /'--format' needs a value/);
    usageError(['--format', 'xml'], /'xml' is not a valid value for '--format' \(expected text, json\)/);
    usageError(['-f', 'json', '--format', 'text'], /given more than once/);
    usageError(['--force=yes'], /'--force' takes no value/);
  });

  it('finds --help and -h before --', () => {
    assert.equal(wantsHelp(['a', '-h']), true);
    assert.equal(wantsHelp(['--help']), true);
    assert.equal(wantsHelp(['--', '--help']), false);
    assert.equal(wantsHelp(['a']), false);
  });
});

describe('cli: commonParent', () => {
  const root = path.resolve('/');
  const p = (...segments: string[]): string => path.join(root, ...segments);

  it('is the folder of a single file', () => {
    assert.equal(commonParent([p('a', 'b', 'x.isms.yaml')]), p('a', 'b'));
  });

  it('is the deepest folder holding every file', () => {
    assert.equal(commonParent([p('a', 'b', 'c', 'x.isms.yaml'), p('a', 'b', 'd', 'y.isms.yaml')]), p('a', 'b'));
    assert.equal(commonParent([p('a', 'b', 'x.isms.yaml'), p('a', 'b', 'c', 'y.isms.yaml')]), p('a', 'b'));
    assert.equal(commonParent([p('a', 'x.isms.yaml'), p('b', 'y.isms.yaml')]), root);
  });

  it('compares whole folder names, not prefixes', () => {
    assert.equal(commonParent([p('ab', 'x.isms.yaml'), p('abc', 'y.isms.yaml')]), root);
    assert.equal(commonParent([p('w', '..a', 'x.isms.yaml'), p('w', 'y.isms.yaml')]), p('w'));
  });
});
