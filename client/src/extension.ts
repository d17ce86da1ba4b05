/**
 * The VS Code side: starts the ISMS language server and wires its answers to the phase
 * tree, the status bar and the commands. All language logic lives in the server.
 */
import type * as vscode from 'vscode';
import { registerCommands } from './commands';
import { Ctx } from './ctx';
import { createLanguageClient } from './languageClient';
import { registerPhaseTreeView } from './phaseTree';
import { PhaseStore } from './phaseStore';
import { registerStatusBar } from './statusBar';

let ctx: Ctx | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  ctx = new Ctx(context, createLanguageClient(context));
  const store = new PhaseStore(ctx);
  registerCommands(ctx, store);
  registerPhaseTreeView(ctx, store);
  registerStatusBar(ctx, store);
  await ctx.start();
}

export async function deactivate(): Promise<void> {
  const client = ctx?.client;
  ctx = undefined;
  if (client?.isRunning()) await client.stop();
}
