/**
 * Loads a CommonJS bundle with a V8 code cache made at build time, so that a new server
 * process skips compiling the bundle (a third of the time to answer `initialize`).
 * The cache is only a speed-up: when it is missing, made by another V8 (VS Code runs the
 * server on Electron's), made with other V8 flags or for another build of the bundle, the
 * bundle is compiled as usual. Nothing is written at run time; the build's half, which
 * stamps the bundle and writes the cache, is codeCacheBuild.ts.
 *
 * Two checks V8 does not make by default, both without hashing at start-up:
 * - which build: V8 compares only the source's length, so the build stamps the bundle's
 *   first line with a digest of its content, and the cache carries it;
 * - a damaged cache: V8 deserialises it unchecked (and may crash) unless
 *   --verify-snapshot-checksum is on; it is switched on before any cache is made or read.
 * The cache also names the V8 that made it, so that a server on another V8 (Electron's)
 * neither reads it nor loads node:v8 (~5 ms) only to see V8 reject it.
 */
import { isAscii } from 'node:buffer';
import * as fs from 'node:fs';
import Module from 'node:module';
import * as path from 'node:path';
import * as vm from 'node:vm';

export const STAMP_PREFIX = '//isms-build:';
export const DIGEST_LENGTH = 40;
/** What esbuild writes (its banner); the build replaces the zeros with the digest. */
export const UNSTAMPED = STAMP_PREFIX + '0'.repeat(DIGEST_LENGTH);

export function cachePathOf(bundlePath: string): string {
  return `${bundlePath}.cache`;
}

/** The digest on the bundle's first line, or undefined when the bundle is not stamped. */
export function stampOf(source: string): string | undefined {
  if (!source.startsWith(STAMP_PREFIX)) return undefined;
  const digest = source.slice(STAMP_PREFIX.length, STAMP_PREFIX.length + DIGEST_LENGTH);
  return /^[0-9a-f]{40}$/.test(digest) && digest !== '0'.repeat(DIGEST_LENGTH) ? digest : undefined;
}

/** The cache file's first line: the bundle's stamp and the V8 version that made the cache. */
export function cacheHeader(stamp: string, v8Version = process.versions.v8): string {
  return `${stamp} ${v8Version}\n`;
}

/** Makes V8 checksum the caches it writes and verify the ones it reads (the flag is in the cache's flag hash: set it on both sides). */
export function verifyCodeCaches(): void {
  (require('node:v8') as typeof import('node:v8')).setFlagsFromString('--verify-snapshot-checksum');
}

export function compile(bundlePath: string, source: string, cachedData?: Buffer): vm.Script {
  if (cachedData) verifyCodeCaches();
  return new vm.Script(Module.wrap(source), { filename: bundlePath, cachedData });
}

export function run(script: vm.Script, bundlePath: string): unknown {
  const module = { exports: {} as unknown, filename: bundlePath, id: bundlePath };
  const wrapper = script.runInThisContext() as (exports: unknown, require: NodeJS.Require, module: unknown, filename: string, dirname: string) => void;
  wrapper.call(module.exports, module.exports, Module.createRequire(bundlePath), module, bundlePath, path.dirname(bundlePath));
  return module.exports;
}

/** The bundle's exports; `usedCache` says whether V8 accepted the cache. */
export function loadWithCodeCache(bundlePath: string): { exports: unknown; usedCache: boolean } {
  const bytes = fs.readFileSync(bundlePath);
  // An ASCII bundle (esbuild escapes non-ASCII in strings, not in regular expressions or
  // the comments a development build keeps) reads the same as Latin-1, which is half the
  // time of decoding UTF-8; the check itself is SIMD-fast.
  const source = isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8');
  const stamp = stampOf(source);
  let cachedData: Buffer | undefined;
  if (stamp) {
    try {
      const file = fs.readFileSync(cachePathOf(bundlePath));
      const header = cacheHeader(stamp);
      if (file.toString('latin1', 0, header.length) === header) cachedData = file.subarray(header.length);
    } catch {
      // No cache: compile as usual.
    }
  }
  const script = compile(bundlePath, source, cachedData);
  return { exports: run(script, bundlePath), usedCache: cachedData !== undefined && !script.cachedDataRejected };
}
