/**
 * The bundles give `yaml` a stub of `process` (scripts/esbuildPlugins.mjs,
 * server/src/node/yamlProcess.ts): its per-token `process.env` debug lookups are off, its
 * warnings still reach Node's own `process.emitWarning`, and nothing else is redirected.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as esbuild from 'esbuild';

const ROOT = path.resolve(__dirname, '../..');

describe('yaml bundled with its process stub', function () {
  this.timeout(60_000);
  let dir: string;
  let bundle: string;

  before(async () => {
    const { yamlProcessShim } = (await import(path.join(ROOT, 'scripts/esbuildPlugins.mjs'))) as { yamlProcessShim: esbuild.Plugin };
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'isms-shim-'));
    const entry = path.join(dir, 'entry.js');
    // Parses a document, then lets yaml warn (a non-string key under logLevel 'warn'), and
    // reports what our own code sees of the real process.env.
    fs.writeFileSync(entry, `
const { parseDocument } = require(${JSON.stringify(path.join(ROOT, 'node_modules/yaml'))});
const doc = parseDocument('a: [1, 2]\\nb: text\\n');
process.stdout.write(JSON.stringify({ value: doc.toJS(), errors: doc.errors.length, env: process.env.ISMS_SHIM_PROBE }) + '\\n');
parseDocument('? [x]\\n: y\\n', { logLevel: 'warn' }).toJS();
`);
    bundle = path.join(dir, 'bundle.js');
    await esbuild.build({ entryPoints: [entry], bundle: true, platform: 'node', format: 'cjs', outfile: bundle, logLevel: 'silent', plugins: [yamlProcessShim] });
  });

  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("keeps yaml's token log off even when LOG_TOKENS is set, parses as usual, and leaves process.env to everyone else", () => {
    const run = spawnSync(process.execPath, [bundle], { encoding: 'utf8', env: { ...process.env, LOG_TOKENS: '1', LOG_STREAM: '1', ISMS_SHIM_PROBE: 'seen' } });
    assert.equal(run.status, 0, run.stderr);
    const lines = run.stdout.trim().split('\n');
    assert.deepEqual(lines, [JSON.stringify({ value: { a: [1, 2], b: 'text' }, errors: 0, env: 'seen' })], 'only our line: no token log');
    assert.match(run.stderr, /Keys with collection values will be stringified/, "yaml's warning reached Node's process.emitWarning");
  });

  it('is in the bundles npm run build writes', () => {
    for (const file of ['serverBundle.js', 'cli.js']) {
      const text = fs.readFileSync(path.join(ROOT, 'dist', file), 'utf8');
      assert.ok(text.includes('server/src/node/yamlProcess.ts'), `${file} bundles the stub`);
      assert.ok(!/require\("(node:)?process"\)/.test(text), `${file} requires no process module (yaml's went to the stub)`);
    }
  });
});
