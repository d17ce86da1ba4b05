/**
 * `npm run fuzz`: the long fuzz campaign, ≥ 100,000 cases split over worker processes.
 *
 *   npm run fuzz                              100,000 cases, 2 workers, seed 20260101
 *   npm run fuzz -- --runs 20000 --seed 7     another sample
 *   npm run fuzz -- --seed 7 --path 1234      replay one case (and shrink it if it fails)
 *
 * Worker w runs the cases of seed `seed + w`. A failing case does not stop the campaign:
 * each worker records it (its seed and index, which replay it exactly) and goes on, so one
 * run lists every distinct problem. At the end the first case of each distinct problem is
 * replayed and shrunk to a minimal input. A case slower than --slow-ms counts as a failure
 * ("never hangs"). Exit status 1 when anything failed.
 */
import { fork } from 'node:child_process';
import * as os from 'node:os';
import fc from 'fast-check';
import { checkCase } from './checkCase';
import { discoverEntryPoints } from './entryPoints';
import { fuzzCase, type FuzzCase } from './generators';
import { knownIssueHits, setStrict } from './invariants';
import { KNOWN_ISSUES } from './knownIssues';

interface Options {
  runs: number;
  workers: number;
  seed: number;
  path?: string;
  slowMs: number;
  strict: boolean;
  worker?: number;
}

interface Failure {
  seed: number;
  index: number;
  origin: string;
  signature: string;
  message: string;
}

interface WorkerResult {
  worker: number;
  seed: number;
  runs: number;
  ms: number;
  failures: Failure[];
  slowest: { ms: number; index: number; origin: string };
  known: [string, number][];
  /** The first case of each known issue, by its summary: `seed path`. */
  knownFirst: [string, string][];
}

function parseOptions(argv: readonly string[]): Options {
  const options: Options = { runs: 100_000, workers: Math.max(1, Math.min(2, os.cpus().length)), seed: 20260101, slowMs: 5000, strict: false };
  for (let i = 0; i < argv.length; i++) {
    const value = argv[i + 1];
    switch (argv[i]) {
      case '--runs': options.runs = Number(value); i++; break;
      case '--workers': options.workers = Number(value); i++; break;
      case '--seed': options.seed = value === 'random' ? Date.now() % 2 ** 31 : Number(value); i++; break;
      case '--path': options.path = value; i++; break;
      case '--slow-ms': options.slowMs = Number(value); i++; break;
      case '--worker': options.worker = Number(value); i++; break;
      case '--strict': options.strict = true; break;
      default: throw new Error(`unknown option ${argv[i]} (options: --runs N --workers N --seed N|random --path P --slow-ms N --strict)`);
    }
  }
  if (!(options.runs > 0 && options.workers > 0 && Number.isInteger(options.seed))) throw new Error('--runs and --workers must be positive, --seed an integer');
  return options;
}

/** The first line of a message with the particulars (numbers, quoted text) taken out. */
function signatureOf(message: string): string {
  return message.split('\n')[0]!.replace(/'[^']*'|"[^"]*"|\{[^}]*\}/g, '…').replace(/\d+/g, 'N').slice(0, 160);
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}\n${(error.stack ?? '').split('\n').slice(1, 8).join('\n')}` : String(error);
}

/** One worker's share: never stops at a failure, records it with what replays it. */
function runWorker(options: Options, worker: number, runs: number): WorkerResult {
  const seed = options.seed + worker;
  const failures: Failure[] = [];
  const slowest = { ms: 0, index: -1, origin: '' };
  const knownFirst = new Map<string, string>();
  let index = 0;
  const started = Date.now();
  const result = fc.check(
    fc.property(fuzzCase, (c: FuzzCase) => {
      const at = index++;
      const t = Date.now();
      const knownBefore = new Map(knownIssueHits);
      try {
        checkCase(c);
      } catch (error) {
        const message = describe(error);
        failures.push({ seed, index: at, origin: c.origin, signature: signatureOf(message), message });
      }
      for (const [summary, n] of knownIssueHits) if (n !== knownBefore.get(summary) && !knownFirst.has(summary)) knownFirst.set(summary, `${seed} ${at}`);
      const ms = Date.now() - t;
      if (ms > slowest.ms) Object.assign(slowest, { ms, index: at, origin: c.origin });
      if (ms > options.slowMs) failures.push({ seed, index: at, origin: c.origin, signature: `slow case (> ${options.slowMs} ms)`, message: `took ${ms} ms` });
      if (at % 2000 === 1999 && process.send) process.send({ progress: 2000 });
      return true;
    }),
    { seed, numRuns: runs },
  );
  if (result.failed) failures.push({ seed, index: -1, origin: '?', signature: 'fast-check failure', message: String(result.errorInstance) });
  return { worker, seed, runs: result.numRuns, ms: Date.now() - started, failures, slowest, known: [...knownIssueHits], knownFirst: [...knownFirst] };
}

/** Replays one case by seed and path, shrinking it when it fails; returns the report. */
function replay(seed: number, path: string): string {
  // Shrinking runs the whole case per step: bounded, it keeps the smallest input found so far.
  const result = fc.check(fc.property(fuzzCase, (c: FuzzCase) => checkCase(c)), { seed, path, numRuns: 1, plugins: [fc.interruptAfterTimeLimit(60_000)] });
  if (!result.failed) return `seed ${seed} path ${path}: passes`;
  const counterexample = (result.counterexample as [FuzzCase] | null)?.[0];
  return [
    `seed ${seed} path ${path}: FAILS — shrunk to path ${result.counterexamplePath}`,
    describe(result.errorInstance),
    'Minimal input:',
    JSON.stringify(counterexample, null, 2).slice(0, 6000),
  ].join('\n');
}

async function main(): Promise<number> {
  const options = parseOptions(process.argv.slice(2));
  setStrict(options.strict);
  if (options.worker !== undefined) {
    const share = Math.floor(options.runs / options.workers) + (options.worker < options.runs % options.workers ? 1 : 0);
    process.send!({ result: runWorker(options, options.worker, share) });
    return 0;
  }
  const { covered, missing } = discoverEntryPoints();
  console.log(`Entry points covered (${covered.length}): ${covered.join(', ')}`);
  if (missing.length > 0) console.log(`Not found (skipped): ${missing.join(', ')}`);
  if (options.path !== undefined) {
    const report = replay(options.seed, options.path);
    console.log(report);
    return /FAILS/.test(report) ? 1 : 0;
  }
  console.log(`Fuzzing ${options.runs} cases with seeds ${options.seed}…${options.seed + options.workers - 1} on ${options.workers} worker(s)`);
  const started = Date.now();
  let done = 0;
  let lastPrint = Date.now();
  const results = await Promise.all(
    Array.from({ length: options.workers }, (_, worker) => new Promise<WorkerResult>((resolve, reject) => {
      const args = ['--worker', String(worker), '--runs', String(options.runs), '--workers', String(options.workers), '--seed', String(options.seed), '--slow-ms', String(options.slowMs), ...(options.strict ? ['--strict'] : [])];
      const child = fork(__filename, args, { execArgv: ['--require', require.resolve('tsx/cjs')], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
      let result: WorkerResult | undefined;
      child.on('message', (message: { progress?: number; result?: WorkerResult }) => {
        if (message.result) result = message.result;
        if (message.progress) {
          done += message.progress;
          if (Date.now() - lastPrint > 15_000) {
            lastPrint = Date.now();
            console.log(`  ${done} cases, ${((Date.now() - started) / 1000).toFixed(0)} s`);
          }
        }
      });
      child.on('exit', (code) => (result ? resolve(result) : reject(new Error(`worker ${worker} exited with ${code} before reporting`))));
    })),
  );
  const total = results.reduce((n, r) => n + r.runs, 0);
  const seconds = (Date.now() - started) / 1000;
  const failures = results.flatMap((r) => r.failures);
  console.log(`\n${total} cases in ${seconds.toFixed(1)} s (${(total / seconds).toFixed(0)} cases/s on ${options.workers} worker(s))`);
  for (const r of results) console.log(`  worker ${r.worker}: seed ${r.seed}, ${r.runs} cases in ${(r.ms / 1000).toFixed(1)} s; slowest case ${r.slowest.ms} ms (path ${r.slowest.index}, ${r.slowest.origin})`);
  const known = new Map<string, number>();
  const firstKnown = new Map<string, string>();
  for (const r of results) {
    for (const [summary, n] of r.known) known.set(summary, (known.get(summary) ?? 0) + n);
    for (const [summary, where] of r.knownFirst) if (!firstKnown.has(summary)) firstKnown.set(summary, where);
  }
  if (!options.strict && KNOWN_ISSUES.length > 0) {
    console.log(`\nKnown issues (reported, not yet fixed; --strict fails on them):`);
    for (const issue of KNOWN_ISSUES) {
      const where = firstKnown.get(issue.summary)?.split(' ');
      console.log(`  ${known.get(issue.summary) ?? 0}× ${issue.summary}${where ? ` — first: npm run fuzz -- --strict --seed ${where[0]} --path ${where[1]}` : ''}`);
    }
  }
  if (failures.length === 0) {
    console.log('\nNo new failures.');
    return 0;
  }
  const bySignature = new Map<string, Failure[]>();
  for (const f of failures) bySignature.set(f.signature, [...(bySignature.get(f.signature) ?? []), f]);
  console.log(`\n${failures.length} failing case(s), ${bySignature.size} distinct problem(s):`);
  for (const [signature, group] of bySignature) {
    const first = group[0]!;
    console.log(`\n● ${signature}\n  ${group.length} case(s); first: seed ${first.seed} path ${first.index} (${first.origin}) — replay: npm run fuzz -- --seed ${first.seed} --path ${first.index}`);
    console.log(first.message.split('\n').map((l) => '    ' + l).join('\n'));
    if (first.index >= 0 && !signature.startsWith('slow')) console.log(replay(first.seed, String(first.index)).split('\n').map((l) => '    ' + l).join('\n'));
  }
  return 1;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    console.error(describe(error));
    process.exitCode = 2;
  },
);
