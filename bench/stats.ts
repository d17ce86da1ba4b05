/** Small statistics and timing helpers shared by the benchmark modules. */
import { performance } from 'node:perf_hooks';

export interface Stats {
  /** Number of timed samples. */
  n: number;
  p50: number;
  p95: number;
  min: number;
  max: number;
  mean: number;
}

export function stats(samples: readonly number[]): Stats {
  if (samples.length === 0) return { n: 0, p50: NaN, p95: NaN, min: NaN, max: NaN, mean: NaN };
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
  return {
    n: sorted.length,
    p50: median(sorted),
    p95: at(0.95),
    min: sorted[0]!,
    max: sorted[sorted.length - 1]!,
    mean: sorted.reduce((a, b) => a + b, 0) / sorted.length,
  };
}

function median(sorted: readonly number[]): number {
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export interface MeasureOptions {
  /** Untimed runs first (JIT warm-up). */
  warmup?: number;
  minRounds: number;
  maxRounds: number;
  /** Stop adding rounds (after minRounds) once this much time was spent measuring. */
  budgetMs: number;
}

/**
 * Times `work` over several rounds. No forced GC between rounds: V8's forced full GC
 * (`--expose-gc`) drops optimised code, and made the YAML parse 4× slower in the next round.
 */
export function measure(work: () => void, options: MeasureOptions): Stats {
  for (let i = 0; i < (options.warmup ?? 0); i++) work();
  const samples: number[] = [];
  const started = performance.now();
  while (samples.length < options.maxRounds && (samples.length < options.minRounds || performance.now() - started < options.budgetMs)) {
    const start = performance.now();
    work();
    samples.push(performance.now() - start);
  }
  return stats(samples);
}

export function fmtMs(ms: number | undefined): string {
  if (ms === undefined || Number.isNaN(ms)) return 'n/a';
  if (ms >= 10_000) return `${(ms / 1000).toFixed(1)} s`;
  if (ms >= 1000) return `${(ms / 1000).toFixed(2)} s`;
  if (ms >= 100) return `${ms.toFixed(0)} ms`;
  if (ms >= 10) return `${ms.toFixed(1)} ms`;
  return `${ms.toFixed(2)} ms`;
}

export function fmtBytes(bytes: number | undefined): string {
  if (bytes === undefined || Number.isNaN(bytes)) return 'n/a';
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
  return `${(bytes / 1024).toFixed(1)} KiB`;
}

/**
 * Times several pieces of work in alternation (a, b, c, a, b, c, …) so that each sees the
 * same machine: on a shared machine the load drifts, and a ratio of two medians taken
 * minutes apart would measure the drift as much as the code.
 */
export function measureInterleaved<K extends string>(works: Record<K, () => void>, options: MeasureOptions): Record<K, Stats> {
  const keys = Object.keys(works) as K[];
  for (let i = 0; i < (options.warmup ?? 0); i++) for (const key of keys) works[key]();
  const samples = Object.fromEntries(keys.map((k) => [k, [] as number[]])) as Record<K, number[]>;
  const started = performance.now();
  let rounds = 0;
  while (rounds < options.maxRounds && (rounds < options.minRounds || performance.now() - started < options.budgetMs)) {
    for (const key of keys) {
      const start = performance.now();
      works[key]();
      samples[key].push(performance.now() - start);
    }
    rounds++;
  }
  return Object.fromEntries(keys.map((k) => [k, stats(samples[k])])) as Record<K, Stats>;
}
