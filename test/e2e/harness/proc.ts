/**
 * Processes for the e2e harness: commands with a time limit, long-running servers in a
 * process group of their own (so stopping one stops everything it started), free ports,
 * and waiting with a deadline. Every group started here is remembered and stopped by
 * `stopAll()`, which the harness calls on success, failure, time-out and signals.
 */
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';

export interface RunOptions extends SpawnOptions {
  /** Milliseconds before the command (and its process group) is killed. */
  timeoutMs: number;
  /** Print what the command prints (default), or keep it quiet unless it fails. */
  quiet?: boolean;
}

const groups = new Set<number>();

/** Runs a command to completion; rejects on a non-zero exit, a signal or the time limit. */
export function run(command: string, args: string[], options: RunOptions): Promise<string> {
  const { timeoutMs, quiet, ...spawnOptions } = options;
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { ...spawnOptions, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    if (child.pid) groups.add(child.pid);
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (!quiet) process.stdout.write(chunk);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    const timer = setTimeout(() => {
      killGroup(child, 'SIGKILL');
      reject(new Error(`${command} ${args.join(' ')} did not finish within ${timeoutMs / 1000} s\n${tail(output)}`));
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (child.pid) groups.delete(child.pid);
      if (code === 0) resolve(output);
      else reject(new Error(`${command} ${args.join(' ')} exited with ${code ?? signal}\n${quiet ? tail(output) : ''}`));
    });
  });
}

export interface Service {
  readonly child: ChildProcess;
  /** Everything the service printed so far. */
  output(): string;
  /** Resolves when the service exited (with its code, or the signal's name). */
  readonly exited: Promise<number | string>;
  /** SIGTERM to the whole group, SIGKILL after `graceMs`; resolves when it is gone. */
  stop(graceMs?: number): Promise<void>;
}

/** Starts a long-running command in its own process group, its output into `logFile`. */
export function startService(command: string, args: string[], options: SpawnOptions & { logFile: string }): Service {
  const { logFile, ...spawnOptions } = options;
  const log = fs.openSync(logFile, 'a');
  const child = spawn(command, args, { ...spawnOptions, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  if (child.pid) groups.add(child.pid);
  let output = '';
  const onData = (chunk: Buffer) => {
    output += chunk.toString();
    fs.writeSync(log, chunk);
  };
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);
  const exited = new Promise<number | string>((resolve) => {
    child.on('error', (error) => {
      output += `\n${error.message}\n`;
      resolve(-1);
    });
    child.on('exit', (code, signal) => resolve(code ?? signal ?? -1));
  });
  void exited.then(() => {
    if (child.pid) groups.delete(child.pid);
    fs.closeSync(log);
  });
  return {
    child,
    output: () => output,
    exited,
    async stop(graceMs = 5_000) {
      if (child.exitCode !== null || child.signalCode !== null) {
        killGroup(child, 'SIGKILL'); // leftovers of the group
        return;
      }
      killGroup(child, 'SIGTERM');
      const done = await Promise.race([exited.then(() => true), delay(graceMs).then(() => false)]);
      killGroup(child, 'SIGKILL');
      if (!done) await Promise.race([exited, delay(2_000)]);
    },
  };
}

/** Kills a process group by its leader's pid; ignores groups that are gone. */
export function killGroup(child: ChildProcess | number, signal: NodeJS.Signals): void {
  const pid = typeof child === 'number' ? child : child.pid;
  if (!pid) return;
  try {
    process.kill(-pid, signal);
  } catch {
    try {
      process.kill(pid, signal);
    } catch {
      // already gone
    }
  }
}

/** SIGKILL to every group started here that may still run: the last resort on exit. */
export function killAllGroups(): void {
  for (const pid of groups) killGroup(pid, 'SIGKILL');
  groups.clear();
}

/** A TCP port that was free on 127.0.0.1 a moment ago (the OS picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port ? resolve(port) : reject(new Error('no free port'))));
    });
  });
}

export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}

/** Rejects with `what` when `promise` has not settled within `ms`. */
export async function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      promise,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`${what}: no result within ${ms / 1000} s`)), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

export function tail(text: string, lines = 40): string {
  return text.split('\n').slice(-lines).join('\n');
}
