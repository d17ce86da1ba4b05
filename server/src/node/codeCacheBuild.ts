/**
 * The build's half of the code cache (codeCache.ts is the loader's): stamp the server
 * bundle with its digest, then write the cache. Kept apart so that the server's start-up
 * does not load `node:crypto` for a hash only the build computes.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import { cacheHeader, cachePathOf, compile, run, stampOf, STAMP_PREFIX, UNSTAMPED, verifyCodeCaches } from './codeCache';

/**
 * Writes the digest of the bundle (as built, with the zeros) over the zeros of its first
 * line: same length, so its source map still fits. Build time only.
 */
export function stampBundle(bundlePath: string): void {
  const source = fs.readFileSync(bundlePath, 'utf8');
  if (!source.startsWith(UNSTAMPED)) throw new Error(`${bundlePath} does not start with the build stamp placeholder`);
  const digest = createHash('sha1').update(source).digest('hex');
  fs.writeFileSync(bundlePath, STAMP_PREFIX + digest + source.slice(UNSTAMPED.length));
}

/**
 * Runs the bundle's top level (which must not start anything), then its `warmUp()` export
 * when it has one (the server answers an `initialize` in memory), and writes the cache:
 * V8 includes every function compiled so far, so the start-up path is in it too, not
 * compiled lazily at each start. Run with the V8 flags the server runs with.
 */
export async function writeCodeCache(bundlePath: string): Promise<number> {
  const source = fs.readFileSync(bundlePath, 'utf8');
  const stamp = stampOf(source);
  if (!stamp) throw new Error(`${bundlePath} is not stamped: stampBundle() first`);
  verifyCodeCaches();
  const script = compile(bundlePath, source);
  const exports = run(script, bundlePath) as { warmUp?: () => Promise<void> };
  if (typeof exports.warmUp === 'function') await exports.warmUp();
  const data = Buffer.concat([Buffer.from(cacheHeader(stamp), 'latin1'), script.createCachedData()]);
  const temp = `${cachePathOf(bundlePath)}.${process.pid}.tmp`;
  fs.writeFileSync(temp, data);
  fs.renameSync(temp, cachePathOf(bundlePath));
  return data.length;
}
