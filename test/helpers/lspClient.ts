/**
 * A plain LSP client over stdio for tests: spawns the built `dist/server.js --stdio`,
 * records every publishDiagnostics, and waits on events — never on sleeps.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import {
  createProtocolConnection, StreamMessageReader, StreamMessageWriter, type ProtocolConnection,
  InitializeRequest, InitializedNotification, PublishDiagnosticsNotification, DidOpenTextDocumentNotification,
  DidChangeTextDocumentNotification, DidCloseTextDocumentNotification, ShutdownRequest, ExitNotification,
  type PublishDiagnosticsParams, type InitializeResult, RegistrationRequest, ConfigurationRequest,
} from 'vscode-languageserver-protocol/node';

export const SERVER = path.resolve(__dirname, '../../dist/server.js');

/**
 * A message reader for a server's stdout that keeps no timer. vscode-jsonrpc's reader
 * re-arms a 10 s "partial message" timer for as long as a message is incomplete, and its
 * dispose() does not clear it: a server stopped in the middle of a message left a timer
 * that kept the test run alive for ever. Nothing here listens for partial messages.
 */
export function timerlessReader(stream: NodeJS.ReadableStream): StreamMessageReader {
  const reader = new StreamMessageReader(stream);
  reader.partialMessageTimeout = 0;
  return reader;
}

export interface TestClientOptions {
  workspaceFolders: string[];
  env?: Record<string, string>;
  initializationOptions?: unknown;
  /** Answer for workspace/configuration requests of section `isms`. */
  configuration?: unknown;
  /** Announce `window.workDoneProgress`: the server may then show progress (recorded in `progress`). */
  workDoneProgress?: boolean;
}

export class TestClient {
  readonly connection: ProtocolConnection;
  private readonly process: ChildProcess;
  private readonly published = new Map<string, PublishDiagnosticsParams>();
  private waiters: { test: (p: PublishDiagnosticsParams) => boolean; resolve: (p: PublishDiagnosticsParams) => void }[] = [];
  readonly stderr: string[] = [];
  /** Every publishDiagnostics, in order. */
  readonly history: PublishDiagnosticsParams[] = [];
  /** Every `$/progress` value the server sent, in order. */
  readonly progress: { kind: string; title?: string; message?: string; percentage?: number }[] = [];
  initializeResult: InitializeResult | undefined;

  constructor(private readonly options: TestClientOptions) {
    this.process = spawn(process.execPath, [SERVER, '--stdio'], { env: { ...process.env, ...options.env }, stdio: ['pipe', 'pipe', 'pipe'] });
    this.process.stderr!.on('data', (chunk) => this.stderr.push(String(chunk)));
    this.connection = createProtocolConnection(timerlessReader(this.process.stdout!), new StreamMessageWriter(this.process.stdin!));
    this.connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      this.published.set(params.uri, params);
      this.history.push(params);
      this.waiters = this.waiters.filter((w) => {
        if (!w.test(params)) return true;
        w.resolve(params);
        return false;
      });
    });
    this.connection.onRequest(RegistrationRequest.type, () => null);
    this.connection.onRequest('window/workDoneProgress/create', () => null);
    this.connection.onNotification('$/progress', (params: { value: TestClient['progress'][number] }) => this.progress.push(params.value));
    this.connection.onRequest(ConfigurationRequest.type, (params) => params.items.map(() => options.configuration ?? null));
    this.connection.listen();
  }

  async start(): Promise<InitializeResult> {
    this.initializeResult = await this.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: null,
      capabilities: { window: { workDoneProgress: this.options.workDoneProgress === true }, workspace: { configuration: this.options.configuration !== undefined, didChangeWatchedFiles: { dynamicRegistration: true } }, textDocument: { publishDiagnostics: { versionSupport: true } } },
      workspaceFolders: this.options.workspaceFolders.map((uri, i) => ({ uri, name: `folder${i}` })),
      initializationOptions: this.options.initializationOptions ?? { debounceMs: 10 },
    });
    await this.connection.sendNotification(InitializedNotification.type, {});
    return this.initializeResult;
  }

  /** The latest diagnostics sent for a URI, if any. */
  latest(uri: string): PublishDiagnosticsParams | undefined {
    return this.published.get(uri);
  }

  /** Resolves with the first publication (past or future) that satisfies `test`. */
  waitFor(uri: string, test: (p: PublishDiagnosticsParams) => boolean = () => true, timeoutMs = 10_000): Promise<PublishDiagnosticsParams> {
    const current = this.published.get(uri);
    if (current && test(current)) return Promise.resolve(current);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`No matching diagnostics for ${uri} within ${timeoutMs} ms; last: ${JSON.stringify(this.published.get(uri))}`)), timeoutMs);
      this.waiters.push({ test: (p) => p.uri === uri && test(p), resolve: (p) => { clearTimeout(timer); resolve(p); } });
    });
  }

  async open(uri: string, text: string, version = 1): Promise<void> {
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'isms-yaml', version, text } });
  }

  async change(uri: string, text: string, version: number): Promise<void> {
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [{ text }] });
  }

  /** Any request by method name, e.g. `request<Location[]>('textDocument/definition', params)`. */
  request<R>(method: string, params: unknown): Promise<R> {
    return this.connection.sendRequest<R>(method, params);
  }

  async close(uri: string): Promise<void> {
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  async stop(): Promise<void> {
    try {
      await Promise.race([this.connection.sendRequest(ShutdownRequest.type), new Promise((r) => setTimeout(r, 2000))]);
      await this.connection.sendNotification(ExitNotification.type);
    } catch {
      // The server may already be gone; killing it below is enough.
    }
    this.connection.dispose();
    this.process.kill();
  }
}
