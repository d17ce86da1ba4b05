/**
 * The server bundle's code cache is a speed-up only: it must be used when it fits and
 * ignored — never trusted — when it belongs to another build, is damaged or is missing.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { cachePathOf, loadWithCodeCache, writeCodeCache } from '../../server/src/node/codeCache';

describe('code cache of the server bundle', () => {
  let dir: string;
  let bundle: string;
  const source = (answer: number) => `exports.answer = function () { return ${answer}; };\nexports.dirname = __dirname;\n`;

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'isms-code-cache-'));
    bundle = path.join(dir, 'bundle.js');
    fs.writeFileSync(bundle, source(42));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('loads without a cache, as a CommonJS module', () => {
    const { exports, usedCache } = loadWithCodeCache(bundle);
    assert.equal(usedCache, false);
    assert.equal((exports as { answer(): number }).answer(), 42);
    assert.equal((exports as { dirname: string }).dirname, dir);
  });

  it('uses a cache written for the same bundle by this Node', () => {
    writeCodeCache(bundle);
    const { exports, usedCache } = loadWithCodeCache(bundle);
    assert.equal(usedCache, true);
    assert.equal((exports as { answer(): number }).answer(), 42);
  });

  it('ignores a cache made for another build of the same length (V8 checks only the length)', () => {
    writeCodeCache(bundle);
    fs.writeFileSync(bundle, source(43));
    const { exports, usedCache } = loadWithCodeCache(bundle);
    assert.equal(usedCache, false);
    assert.equal((exports as { answer(): number }).answer(), 43);
  });

  it('ignores a damaged cache', () => {
    writeCodeCache(bundle);
    const cache = fs.readFileSync(cachePathOf(bundle));
    for (let i = 40; i < cache.length; i += 7) cache[i] ^= 0xff;
    fs.writeFileSync(cachePathOf(bundle), cache);
    const { exports, usedCache } = loadWithCodeCache(bundle);
    assert.equal(usedCache, false);
    assert.equal((exports as { answer(): number }).answer(), 42);
  });

  it('the built server has a cache this Node accepts', function () {
    const built = path.resolve(__dirname, '../../dist/serverBundle.js');
    if (!fs.existsSync(built)) this.skip();
    // Loading the bundle starts nothing (main() does), so this is safe in-process.
    const { exports, usedCache } = loadWithCodeCache(built);
    assert.equal(typeof (exports as { main?: unknown }).main, 'function');
    assert.equal(usedCache, true, 'npm run build should have written dist/serverBundle.js.cache');
  });
});
