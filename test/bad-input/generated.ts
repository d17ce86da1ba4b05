/**
 * The large members of the bad-input corpus, made at test time rather than kept in the
 * repository: each is a few hundred kilobytes to over 4 MB of one repeated pattern.
 */
import { MAX_FILE_BYTES } from '../../server/src/core/parse/ismsFile';

/** A deterministic byte soup (xorshift), so the "random" file is the same on every run. */
function bytes(length: number, seed: number): Buffer {
  const out = Buffer.alloc(length);
  let x = seed;
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = (x >>> 0) & 0xff;
  }
  return out;
}

const lines = (n: number, line: (i: number) => string): string => Array.from({ length: n }, (_, i) => line(i)).join('\n') + '\n';

/** Generated corpus members by name: the bytes to write. */
export const GENERATED: Readonly<Record<string, () => Buffer>> = {
  'too-large': () => Buffer.from('organization:\n  name: ' + 'x'.repeat(MAX_FILE_BYTES) + '\n'),
  'deep-flow-open': () => Buffer.from('['.repeat(100_000)),
  'deep-flow-closed': () => Buffer.from('people: ' + '['.repeat(100_000) + ']'.repeat(100_000) + '\n'),
  'deep-flow-maps': () => Buffer.from('soa: ' + '{a: '.repeat(50_000) + '}'.repeat(50_000) + '\n'),
  'deep-dashes': () => Buffer.from('- '.repeat(100_000) + 'x\n'),
  'deep-indent': () => Buffer.from(lines(2000, (i) => ' '.repeat(i) + 'k:') + ' '.repeat(2000) + 'x\n'),
  'long-line': () => Buffer.from('organization:\n  name: ' + 'x'.repeat(1 << 20) + '\n'),
  'long-flow-line': () => Buffer.from('people: [' + 'p, '.repeat(20_000) + 'p]\n'),
  'many-lines': () => Buffer.from('scope:\n  statement: Everything we do, in all locations.\n  locations:\n' + '    - x\n'.repeat(50_000)),
  'many-aliases': () => Buffer.from('organization: &a {}\n' + lines(5000, (i) => `k${i}: *a`)),
  'many-anchor-pairs': () => Buffer.from(lines(20_000, (i) => `k${i}: &a${i} v\nj${i}: *a${i}`)),
  'duplicate-keys': () => Buffer.from(lines(5000, () => 'organization: {}')),
  'many-unknown-keys': () => Buffer.from(lines(30_000, (i) => `key${i}: ${i}`)),
  'many-suppressions': () => Buffer.from(lines(8000, (i) => `k${i}: 1 # isms-disable-line schema, yaml-syntax`)),
  'random-bytes': () => bytes(1 << 20, 2463534242),
};
