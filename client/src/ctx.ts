/**
 * What every command and view closes over: the extension context, the language client,
 * typed access to the custom protocol, and the disposables (rust-analyzer's `Ctx`).
 */
import * as vscode from 'vscode';
import { State, type LanguageClient } from 'vscode-languageclient/node';
import { DID_CHANGE_PHASES_NOTIFICATION, type DidChangePhasesParams, type IsmsRequests } from '../../server/src/protocol';

export class Ctx {
  private readonly phasesChanged = new vscode.EventEmitter<DidChangePhasesParams | undefined>();
  /** The server published new diagnostics for a folder (or restarted: `undefined`). */
  readonly onDidChangePhases = this.phasesChanged.event;
  private started: Promise<void> | undefined;

  constructor(
    readonly extension: vscode.ExtensionContext,
    readonly client: LanguageClient,
  ) {
    this.push(this.phasesChanged);
    this.push(client.onNotification(DID_CHANGE_PHASES_NOTIFICATION, (params: DidChangePhasesParams) => this.phasesChanged.fire(params)));
    this.push(client.onDidChangeState((event) => {
      if (event.newState === State.Running) this.phasesChanged.fire(undefined);
    }));
  }

  /** Starts the server once; every request waits for it. After a failed start, the next call tries again. */
  start(): Promise<void> {
    this.started ??= this.client.start().catch((error: unknown) => {
      this.started = undefined;
      throw error;
    });
    return this.started;
  }

  /** Stops the server if it runs (or tried to) and starts it again. */
  async restart(): Promise<void> {
    const previous = this.started;
    this.started = undefined;
    if (previous) {
      await previous.catch(() => undefined);
      if (this.client.isRunning()) await this.client.stop().catch(() => undefined);
    }
    await this.start();
  }

  /** A custom request of protocol.ts, typed by its method. */
  async request<M extends keyof IsmsRequests>(method: M, params: IsmsRequests[M][0], token?: vscode.CancellationToken): Promise<IsmsRequests[M][1]> {
    await this.start();
    return this.client.sendRequest<IsmsRequests[M][1]>(method, params, token);
  }

  /** Disposed when the extension deactivates. */
  push(...disposables: vscode.Disposable[]): void {
    this.extension.subscriptions.push(...disposables);
  }
}
