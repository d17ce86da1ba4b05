/**
 * The build's esbuild plugins (scripts/esbuildPlugins.mjs): `yaml` bundled from its
 * ES-module build, without the per-token `process.env` lookups of its CommonJS build; and
 * the built-ins the LSP libraries need only for pipes and sockets loaded on first use.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as esbuild from 'esbuild';

const ROOT = path.resolve(__dirname, '../..');

describe('esbuild plugins of the build', function () {
  this.timeout(60_000);
  let dir: string;
  let plugins: esbuild.Plugin[];

  before(async () => {
    const module = (await import(path.join(ROOT, 'scripts/esbuildPlugins.mjs'))) as { yamlEsmBuild: esbuild.Plugin; lazyBuiltins: esbuild.Plugin; oneLanguageServerTypes: esbuild.Plugin };
    plugins = [module.yamlEsmBuild, module.lazyBuiltins, module.oneLanguageServerTypes];
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'isms-plugins-'));
  });

  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  /** Bundles `source` (resolved from the project) with the plugins and runs it. */
  async function bundleAndRun(name: string, source: string, env: NodeJS.ProcessEnv = {}): Promise<{ stdout: string; stderr: string; bundle: string }> {
    const outfile = path.join(dir, `${name}.js`);
    await esbuild.build({ stdin: { contents: source, resolveDir: ROOT, loader: 'js' }, bundle: true, platform: 'node', format: 'cjs', outfile, logLevel: 'silent', plugins });
    const run = spawnSync(process.execPath, [outfile], { encoding: 'utf8', env: { ...process.env, ...env } });
    assert.equal(run.status, 0, run.stderr);
    return { stdout: run.stdout, stderr: run.stderr, bundle: fs.readFileSync(outfile, 'utf8') };
  }

  it("bundles yaml's ES-module build: it parses as usual and never logs tokens, even with LOG_TOKENS set", async () => {
    const { stdout, bundle } = await bundleAndRun('yaml', `
const { parseDocument } = require('yaml');
const doc = parseDocument('a: [1, 2]\\nb: text\\n');
process.stdout.write(JSON.stringify({ value: doc.toJS(), errors: doc.errors.length, env: process.env.ISMS_PROBE }) + '\\n');
`, { LOG_TOKENS: '1', LOG_STREAM: '1', ISMS_PROBE: 'seen' });
    assert.deepEqual(stdout.trim().split('\n'), [JSON.stringify({ value: { a: [1, 2], b: 'text' }, errors: 0, env: 'seen' })], 'only our line: no token log');
    assert.ok(bundle.includes('node_modules/yaml/browser/dist/'), 'the ES-module build is bundled');
    assert.ok(!bundle.includes('LOG_TOKENS'), 'the CommonJS build is not');
  });

  it('bundles one copy of vscode-languageserver-types for import (our code) and require (the LSP libraries)', async () => {
    const { stdout, bundle } = await bundleAndRun('types', `
import { DiagnosticSeverity, Range } from 'vscode-languageserver-types';
const protocol = require('vscode-languageserver-protocol');
const range = Range.create(0, 1, 2, 3);
process.stdout.write(JSON.stringify({ same: protocol.Range === Range, error: DiagnosticSeverity.Error, isRange: protocol.Range.is(range) }) + '\\n');
`);
    assert.deepEqual(JSON.parse(stdout), { same: true, error: 1, isRange: true });
    assert.ok(!bundle.includes('vscode-languageserver-types/lib/esm/'), 'the ES-module build is not bundled');
  });

  it('loads crypto, net, os and child_process for vscode-jsonrpc only when first used, and then they work', async () => {
    const { stdout } = await bundleAndRun('jsonrpc', `
const loaded = () => ['crypto', 'net', 'os', 'child_process'].filter((m) => process.moduleLoadList.includes('NativeModule ' + m));
const rpc = require('vscode-jsonrpc/node');
const atStart = loaded();
const pipe = rpc.generateRandomPipeName();
process.stdout.write(JSON.stringify({ atStart, afterUse: loaded(), pipe: typeof pipe === 'string' && pipe.length > 20 }) + '\\n');
`);
    const result = JSON.parse(stdout) as { atStart: string[]; afterUse: string[]; pipe: boolean };
    assert.deepEqual(result.atStart, [], 'nothing loaded by requiring vscode-jsonrpc');
    assert.ok(result.afterUse.includes('crypto') && result.afterUse.includes('os'), 'a pipe name needs crypto and os, loaded on use');
    assert.ok(result.pipe, 'and the pipe name was made');
  });

  it('are in the bundles npm run build writes', () => {
    for (const file of ['serverBundle.js', 'cli.js']) {
      const text = fs.readFileSync(path.join(ROOT, 'dist', file), 'utf8');
      assert.ok(text.includes('node_modules/yaml/browser/dist/') && !text.includes('LOG_TOKENS'), `${file} bundles yaml's ES-module build`);
    }
    const server = fs.readFileSync(path.join(ROOT, 'dist/serverBundle.js'), 'utf8');
    assert.ok(server.includes('lazy-builtin:crypto'), 'the server loads crypto lazily');
    assert.ok(!server.includes('vscode-languageserver-types/lib/esm/'), 'the server has one copy of the LSP types');
  });

  it('make a production server bundle that is ASCII, which the loader reads without decoding UTF-8', () => {
    // Not a correctness matter (codeCache.ts reads any bundle) but the fast path. esbuild
    // escapes strings, not regular expressions: write \u escapes there. (Development
    // builds keep some comments, and with them the em dashes of our prose.)
    const out = path.join(dir, 'production');
    const build = spawnSync(process.execPath, ['esbuild.mjs', '--production', `--outdir=${out}`], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(build.status, 0, build.stderr);
    const server = fs.readFileSync(path.join(out, 'serverBundle.js'));
    const nonAscii = server.findIndex((byte) => byte > 0x7f);
    assert.equal(nonAscii, -1, `the production serverBundle.js is not ASCII at byte ${nonAscii}: ${server.toString('utf8', Math.max(0, nonAscii - 80), nonAscii + 20)}`);
  });
});
