/**
 * The VS Code side: starts the ISMS language server over IPC and keeps it informed.
 * All language logic lives in the server; this file only wires VS Code to it.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'isms-yaml' },
      { scheme: 'untitled', language: 'isms-yaml' },
    ],
    synchronize: {
      fileEvents: [
        vscode.workspace.createFileSystemWatcher('**/*.isms.{yaml,yml}'),
        vscode.workspace.createFileSystemWatcher('**/isms.config.yaml'),
      ],
    },
    initializationOptions: {
      settings: vscode.workspace.getConfiguration('isms'),
      debounceMs: vscode.workspace.getConfiguration('isms').get<number>('diagnostics.debounceMs'),
    },
    outputChannelName: 'ISMS Language Server',
  };
  client = new LanguageClient('isms', 'ISMS Language Server', serverOptions, clientOptions);
  context.subscriptions.push(
    vscode.commands.registerCommand('isms.restartServer', async () => {
      await client?.restart();
    }),
  );
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
