/**
 * The VS Code side: starts the ISMS language server and wires its answers to the phase
 * tree, the status bar and the commands. All language logic lives in the server.
 */
import type * as vscode from 'vscode';
import type { IsmsRequests } from '../../server/src/protocol';
import { registerCommands } from './commands';
import { Ctx } from './ctx';
import { createLanguageClient } from './languageClient';
import { registerPhaseTreeView } from './phaseTree';
import { PhaseStore } from './phaseStore';
import { registerStatusBar } from './statusBar';

/** What `activate` returns (`extension.exports`): the custom requests, for tests and other extensions. */
export interface IsmsExtensionApi {
  request<M extends keyof IsmsRequests>(method: M, params: IsmsRequests[M][0]): Promise<IsmsRequests[M][1]>;
}

let ctx: Ctx | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<IsmsExtensionApi> {
  const current = new Ctx(context, createLanguageClient(context));
  ctx = current;
  const store = new PhaseStore(current);
  registerCommands(current, store);
  registerPhaseTreeView(current, store);
  registerStatusBar(current, store);
  // A server that fails to start is reported by the language client (output channel and
  // a message); the commands stay registered, and "Restart Language Server" tries again.
  await current.start().catch(() => undefined);
  return { request: (method, params) => current.request(method, params) };
}

export async function deactivate(): Promise<void> {
  const client = ctx?.client;
  ctx = undefined;
  if (client?.isRunning()) await client.stop();
}
