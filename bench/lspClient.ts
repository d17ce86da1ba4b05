/**
 * A minimal LSP client over stdio for the benchmark: spawns a server, timestamps every
 * publishDiagnostics on arrival, answers workspace/configuration, and measures requests.
 * Works the same for our server and for yaml-language-server (no versions needed).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import {
  ConfigurationRequest, createProtocolConnection, DidChangeTextDocumentNotification, DidOpenTextDocumentNotification,
  ExitNotification, InitializedNotification, InitializeRequest, PublishDiagnosticsNotification, RegistrationRequest,
  ShutdownRequest, StreamMessageReader, StreamMessageWriter, UnregistrationRequest,
  type ConfigurationItem, type InitializeParams, type InitializeResult, type ProtocolConnection, type PublishDiagnosticsParams,
  type Range,
} from 'vscode-languageserver-protocol/node';

export interface Publication {
  params: PublishDiagnosticsParams;
  /** performance.now() when the notification arrived. */
  at: number;
  /** Arrival order across all URIs. */
  seq: number;
}

export interface BenchClientOptions {
  name: string;
  command: string;
  args: string[];
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  /** Answers one item of a workspace/configuration request. */
  configuration: (item: ConfigurationItem) => unknown;
}

interface Waiter {
  uri: string | undefined;
  afterSeq: number;
  test: (p: Publication) => boolean;
  resolve: (p: Publication) => void;
}

export class BenchClient {
  readonly connection: ProtocolConnection;
  readonly process: ChildProcess;
  readonly spawnedAt: number;
  readonly stderr: string[] = [];
  /** Every publication, in arrival order. */
  readonly publications: Publication[] = [];
  private readonly latestByUri = new Map<string, Publication>();
  private waiters: Waiter[] = [];
  private readonly listeners = new Set<(p: Publication) => void>();
  private seq = 0;
  /** Resolves when the server has asked for its configuration at least once (and was answered). */
  readonly configured: Promise<void>;
  private markConfigured!: () => void;
  private exited = false;

  constructor(readonly options: BenchClientOptions) {
    this.configured = new Promise((resolve) => (this.markConfigured = resolve));
    this.spawnedAt = performance.now();
    this.process = spawn(options.command, options.args, {
      cwd: options.cwd, env: { ...process.env, ...options.env }, stdio: ['pipe', 'pipe', 'pipe'],
    });
    this.process.on('exit', () => (this.exited = true));
    this.process.stderr!.on('data', (chunk) => this.stderr.push(String(chunk)));
    // No "partial message" timer: vscode-jsonrpc re-arms it for as long as a message is
    // incomplete, even after dispose(), so a server stopped mid-message kept the bench alive.
    const reader = new StreamMessageReader(this.process.stdout!);
    reader.partialMessageTimeout = 0;
    this.connection = createProtocolConnection(reader, new StreamMessageWriter(this.process.stdin!));
    this.connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      const publication: Publication = { params, at: performance.now(), seq: ++this.seq };
      this.publications.push(publication);
      this.latestByUri.set(params.uri, publication);
      const ready: Waiter[] = [];
      this.waiters = this.waiters.filter((w) => {
        if ((w.uri !== undefined && w.uri !== params.uri) || publication.seq <= w.afterSeq || !w.test(publication)) return true;
        ready.push(w);
        return false;
      });
      for (const w of ready) w.resolve(publication);
      for (const listener of this.listeners) listener(publication);
    });
    this.connection.onRequest(RegistrationRequest.type, () => null);
    this.connection.onRequest(UnregistrationRequest.type, () => null);
    this.connection.onRequest(ConfigurationRequest.type, (params) => {
      const answer = params.items.map((item) => options.configuration(item) ?? null);
      setImmediate(() => this.markConfigured());
      return answer;
    });
    // Other requests from the servers (progress, refresh) are answered MethodNotFound by the connection.
    this.connection.listen();
  }

  /** Sequence number of the latest publication: wait for publications after this mark. */
  mark(): number {
    return this.seq;
  }

  latest(uri: string): Publication | undefined {
    return this.latestByUri.get(uri);
  }

  /** Sends initialize and returns the result with the time from spawn and from sending. */
  async initialize(params: Omit<InitializeParams, 'processId'>): Promise<{ result: InitializeResult; fromSpawnMs: number; fromSendMs: number }> {
    const sent = performance.now();
    const result = await this.connection.sendRequest(InitializeRequest.type, { processId: process.pid, ...params } as InitializeParams);
    const now = performance.now();
    return { result, fromSpawnMs: now - this.spawnedAt, fromSendMs: now - sent };
  }

  async initialized(): Promise<void> {
    await this.connection.sendNotification(InitializedNotification.type, {});
  }

  /** The first publication for `uri` after `afterSeq` that satisfies `test`. */
  waitFor(uri: string | undefined, afterSeq: number, test: (p: Publication) => boolean = () => true, timeoutMs = 60_000): Promise<Publication> {
    for (const p of this.publications.slice(afterSeq)) {
      if ((uri === undefined || p.params.uri === uri) && test(p)) return Promise.resolve(p);
    }
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        reject(new Error(`${this.options.name}: no matching diagnostics for ${uri ?? 'any file'} within ${timeoutMs} ms; last: ${JSON.stringify(uri ? this.latest(uri)?.params : undefined)?.slice(0, 600)}`));
      }, timeoutMs);
      const waiter: Waiter = { uri, afterSeq, test, resolve: (p) => { clearTimeout(timer); resolve(p); } };
      this.waiters.push(waiter);
    });
  }

  /** Resolves with the arrival time of the last first-publication once every URI has published after `afterSeq`. */
  waitForAll(uris: readonly string[], afterSeq: number, timeoutMs = 300_000): Promise<number> {
    return new Promise((resolve, reject) => {
      const pending = new Set(uris);
      let last = 0;
      for (const p of this.publications.slice(afterSeq)) {
        if (pending.delete(p.params.uri)) last = p.at;
      }
      if (pending.size === 0) {
        resolve(last);
        return;
      }
      const listener = (p: Publication) => {
        if (pending.delete(p.params.uri)) last = p.at;
        if (pending.size > 0) return;
        clearTimeout(timer);
        this.listeners.delete(listener);
        resolve(last);
      };
      const timer = setTimeout(() => {
        this.listeners.delete(listener);
        reject(new Error(`${this.options.name}: ${pending.size} of ${uris.length} files never published within ${timeoutMs} ms (e.g. ${[...pending][0]})`));
      }, timeoutMs);
      this.listeners.add(listener);
    });
  }

  async open(uri: string, text: string, version = 1, languageId = 'yaml'): Promise<void> {
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version, text } });
  }

  async change(uri: string, version: number, range: Range, text: string): Promise<void> {
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [{ range, text }] });
  }

  /** Times one request from sending to its answer. */
  async timed<R>(method: string, params: unknown): Promise<{ ms: number; result: R }> {
    const start = performance.now();
    const result = (await this.connection.sendRequest(method, params)) as R;
    return { ms: performance.now() - start, result };
  }

  /**
   * Waits until the server has handled everything sent before: a request no server
   * implements is answered (with an error) only once the queue ahead of it is done.
   */
  async barrier(): Promise<void> {
    try {
      await this.connection.sendRequest('$/bench/barrier', {});
    } catch {
      // MethodNotFound is the expected answer.
    }
  }

  /** Peak resident set size (VmHWM) of the server process, in bytes. */
  peakRssBytes(): number | undefined {
    try {
      const status = fs.readFileSync(`/proc/${this.process.pid}/status`, 'utf8');
      const match = /VmHWM:\s+(\d+)\s+kB/.exec(status);
      return match ? Number(match[1]) * 1024 : undefined;
    } catch {
      return undefined;
    }
  }

  async stop(): Promise<void> {
    if (!this.exited) {
      try {
        await Promise.race([this.connection.sendRequest(ShutdownRequest.type), new Promise((r) => setTimeout(r, 3000).unref())]);
        await this.connection.sendNotification(ExitNotification.type);
      } catch {
        // Already gone: the kill below is enough.
      }
      await Promise.race([new Promise((r) => this.process.once('exit', r)), new Promise((r) => setTimeout(r, 3000).unref())]);
    }
    this.connection.dispose();
    if (!this.exited) this.process.kill();
  }
}
