/**
 * Loads a CommonJS bundle with a V8 code cache made at build time, so that a new server
 * process skips compiling the bundle (a third of the time to answer `initialize`).
 * The cache is only a speed-up: when it is missing, made by another V8 (VS Code runs the
 * server on Electron's), made with other V8 flags or for another build of the bundle, the
 * bundle is compiled as usual. Nothing is written at run time.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import Module from 'node:module';
import * as path from 'node:path';
import * as vm from 'node:vm';

/**
 * The cache file starts with the bundle's digest and the cache data's own: V8 checks only
 * the source's length, and (outside debug builds) no checksum of the data it deserialises.
 */
const DIGEST_BYTES = 20;
const HEADER_BYTES = 2 * DIGEST_BYTES;

export function cachePathOf(bundlePath: string): string {
  return `${bundlePath}.cache`;
}

function digestOf(source: string | Buffer): Buffer {
  return createHash('sha1').update(source).digest();
}

function compile(bundlePath: string, source: string, cachedData?: Buffer): vm.Script {
  return new vm.Script(Module.wrap(source), { filename: bundlePath, cachedData });
}

function run(script: vm.Script, bundlePath: string): unknown {
  const module = { exports: {} as unknown, filename: bundlePath, id: bundlePath };
  const wrapper = script.runInThisContext() as (exports: unknown, require: NodeJS.Require, module: unknown, filename: string, dirname: string) => void;
  wrapper.call(module.exports, module.exports, Module.createRequire(bundlePath), module, bundlePath, path.dirname(bundlePath));
  return module.exports;
}

/** The bundle's exports; `usedCache` says whether V8 accepted the cache. */
export function loadWithCodeCache(bundlePath: string): { exports: unknown; usedCache: boolean } {
  const source = fs.readFileSync(bundlePath, 'utf8');
  let cachedData: Buffer | undefined;
  try {
    const file = fs.readFileSync(cachePathOf(bundlePath));
    const data = file.subarray(HEADER_BYTES);
    if (file.subarray(0, DIGEST_BYTES).equals(digestOf(source)) && file.subarray(DIGEST_BYTES, HEADER_BYTES).equals(digestOf(data))) cachedData = data;
  } catch {
    // No cache: compile as usual.
  }
  const script = compile(bundlePath, source, cachedData);
  return { exports: run(script, bundlePath), usedCache: cachedData !== undefined && !script.cachedDataRejected };
}

/**
 * Runs the bundle's top level (which must not start anything) and writes the cache, with
 * the functions compiled while loading included. Run with the V8 flags the server runs with.
 */
export function writeCodeCache(bundlePath: string): number {
  const source = fs.readFileSync(bundlePath, 'utf8');
  const script = compile(bundlePath, source);
  run(script, bundlePath);
  const data = script.createCachedData();
  const temp = `${cachePathOf(bundlePath)}.${process.pid}.tmp`;
  fs.writeFileSync(temp, Buffer.concat([digestOf(source), digestOf(data), data]));
  fs.renameSync(temp, cachePathOf(bundlePath));
  return HEADER_BYTES + data.length;
}
