/**
 * The server bundle's code cache is a speed-up only: it must be used when it fits and
 * ignored — never trusted — when it belongs to another build, is damaged or is missing.
 * Each load runs in a fresh process: within one, V8's compilation cache would answer
 * for a source it has seen, whatever the cache file holds.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { cachePathOf, UNSTAMPED } from '../../server/src/node/codeCache';
import { stampBundle } from '../../server/src/node/codeCacheBuild';

const MODULE = path.resolve(__dirname, '../../server/src/node/codeCache.ts');
const BUILD_MODULE = path.resolve(__dirname, '../../server/src/node/codeCacheBuild.ts');

function inFreshProcess(script: string): string {
  const result = spawnSync(process.execPath, ['-r', 'tsx/cjs', '-e', script], { encoding: 'utf8', cwd: path.resolve(__dirname, '../..') });
  assert.equal(result.status, 0, `the process failed (${result.status ?? result.signal}): ${result.stderr.slice(0, 2000)}`);
  return result.stdout.trim();
}

function loadAndTell(bundle: string): { usedCache: boolean; answer: number; loadedV8: boolean } {
  return JSON.parse(inFreshProcess(`const { loadWithCodeCache } = require(${JSON.stringify(MODULE)});
const { exports, usedCache } = loadWithCodeCache(${JSON.stringify(bundle)});
const loadedV8 = process.moduleLoadList.includes('NativeModule v8');
console.log(JSON.stringify({ usedCache, answer: exports.answer(), loadedV8 }));`)) as { usedCache: boolean; answer: number; loadedV8: boolean };
}

function load(bundle: string): { usedCache: boolean; answer: number } {
  const { usedCache, answer } = loadAndTell(bundle);
  return { usedCache, answer };
}

function writeCache(bundle: string): void {
  inFreshProcess(`require(${JSON.stringify(BUILD_MODULE)}).writeCodeCache(${JSON.stringify(bundle)});`);
}

describe('code cache of the server bundle', function () {
  this.timeout(60_000);
  let dir: string;
  let bundle: string;
  // As esbuild writes it: the stamp placeholder on the first line.
  const source = (answer: number) => `${UNSTAMPED}\nexports.answer = function () { return ${answer}; };\n`;
  const build = (answer: number) => {
    fs.writeFileSync(bundle, source(answer));
    stampBundle(bundle);
  };

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'isms-code-cache-'));
    bundle = path.join(dir, 'bundle.js');
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('loads without a cache, as a CommonJS module', () => {
    build(42);
    assert.deepEqual(load(bundle), { usedCache: false, answer: 42 });
  });

  it('uses a cache written for the same build by this Node', () => {
    build(42);
    writeCache(bundle);
    assert.deepEqual(load(bundle), { usedCache: true, answer: 42 });
  });

  it('ignores a cache made for another build of the same length (V8 checks only the length)', () => {
    build(42);
    writeCache(bundle);
    build(43);
    assert.deepEqual(load(bundle), { usedCache: false, answer: 43 });
  });

  it('ignores a cache when the bundle is not stamped (esbuild --watch), and makes none for it', () => {
    build(42);
    writeCache(bundle);
    fs.writeFileSync(bundle, source(42));
    assert.deepEqual(load(bundle), { usedCache: false, answer: 42 });
    assert.throws(() => writeCache(bundle), /not stamped/);
  });

  it('reads a bundle with characters outside ASCII as UTF-8, with its cache (ASCII ones are read as Latin-1)', () => {
    // A comment the development build keeps, and a string literal.
    fs.writeFileSync(bundle, `${UNSTAMPED}\n// \u2500\u2500 section\nexports.answer = function () { return '\u00e9\u{1F600}'.codePointAt(1); };\n`);
    stampBundle(bundle);
    assert.deepEqual(load(bundle), { usedCache: false, answer: 0x1f600 });
    writeCache(bundle);
    assert.deepEqual(load(bundle), { usedCache: true, answer: 0x1f600 });
  });

  it('loads node:v8 (to verify checksums) only when there is a cache for this V8', () => {
    build(42);
    assert.deepEqual(loadAndTell(bundle), { usedCache: false, answer: 42, loadedV8: false });
    writeCache(bundle);
    assert.deepEqual(loadAndTell(bundle), { usedCache: true, answer: 42, loadedV8: true });
  });

  it('ignores a cache made by another V8 (as when VS Code runs the server on Electron) without handing it to V8', () => {
    build(42);
    writeCache(bundle);
    const cache = fs.readFileSync(cachePathOf(bundle), 'latin1');
    const header = cache.slice(0, cache.indexOf('\n') + 1);
    assert.match(header, /^[0-9a-f]{40} \S+\n$/, 'the header names the stamp and the V8 version');
    fs.writeFileSync(cachePathOf(bundle), Buffer.from(header.replace(/ \S+\n$/, ' 12.4.254.21-electron.0\n') + cache.slice(header.length), 'latin1'));
    assert.deepEqual(loadAndTell(bundle), { usedCache: false, answer: 42, loadedV8: false });
  });

  it('ignores a damaged cache, without crashing V8', () => {
    build(42);
    writeCache(bundle);
    const cache = fs.readFileSync(cachePathOf(bundle));
    for (let i = 200; i < cache.length; i += 7) cache[i] ^= 0x5a;
    fs.writeFileSync(cachePathOf(bundle), cache);
    assert.deepEqual(load(bundle), { usedCache: false, answer: 42 });
  });

  it('the built server has a cache this Node accepts', function () {
    const built = path.resolve(__dirname, '../../dist/serverBundle.js');
    if (!fs.existsSync(built)) this.skip();
    // Loading the bundle starts nothing (main() does), so this is safe in a plain process.
    const out = inFreshProcess(`const { loadWithCodeCache } = require(${JSON.stringify(MODULE)});
const { exports, usedCache } = loadWithCodeCache(${JSON.stringify(built)});
console.log(JSON.stringify({ usedCache, main: typeof exports.main }));`);
    assert.deepEqual(JSON.parse(out), { usedCache: true, main: 'function' }, 'npm run build should have stamped dist/serverBundle.js and written its cache');
  });

  it("writes the cache after the bundle's warmUp() answered an initialize in memory, and the process then ends by itself", function () {
    const built = path.resolve(__dirname, '../../dist/serverBundle.js');
    if (!fs.existsSync(built)) this.skip();
    const copy = path.join(dir, 'serverBundle.js');
    fs.copyFileSync(built, copy);
    // A process that does not end (a handle left open) or ends with 1 (vscode-languageserver
    // exits so when its input closes) fails here.
    const out = inFreshProcess(`require(${JSON.stringify(BUILD_MODULE)}).writeCodeCache(${JSON.stringify(copy)}).then((bytes) => console.log(bytes));`);
    assert.ok(Number(out) > 100_000, out);
    const loaded = inFreshProcess(`const { loadWithCodeCache } = require(${JSON.stringify(MODULE)});
console.log(loadWithCodeCache(${JSON.stringify(copy)}).usedCache);`);
    assert.equal(loaded, 'true');
  });
});
