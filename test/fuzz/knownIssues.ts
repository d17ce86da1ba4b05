/**
 * Product bugs the fuzzer has found and reported, not yet fixed (each in a module owned
 * elsewhere). While listed, a matching violation ends only its group of checks and is
 * counted — `npm test` lists each as a pending test, `npm run fuzz` prints how often it was
 * seen and the first case that shows it — so that the campaign keeps looking for new
 * problems. Remove an entry once fixed (`npm run fuzz -- --strict --seed S --path P`
 * replays its first case); `npm run fuzz -- --strict` (or FUZZ_STRICT=1) ignores this list.
 */
export interface KnownIssue {
  /** Matches the invariant message. */
  pattern: RegExp;
  /** What is wrong, where, and a minimal input (escapes written out). */
  summary: string;
}

export const KNOWN_ISSUES: readonly KnownIssue[] = [];
