/**
 * The language client: starts dist/server.js over IPC for the ISMS documents and keeps it
 * informed of ISMS files and `isms.config.yaml` changing on disk.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

export const ISMS_FILE_GLOB = '**/*.isms.{yaml,yml}';

export function createLanguageClient(context: vscode.ExtensionContext): LanguageClient {
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const settings = vscode.workspace.getConfiguration('isms');
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'isms-yaml' },
      { scheme: 'untitled', language: 'isms-yaml' },
    ],
    synchronize: {
      fileEvents: [
        vscode.workspace.createFileSystemWatcher(ISMS_FILE_GLOB),
        vscode.workspace.createFileSystemWatcher('**/isms.config.yaml'),
      ],
    },
    initializationOptions: {
      settings,
      debounceMs: settings.get<number>('diagnostics.debounceMs'),
    },
    outputChannelName: 'ISMS Language Server',
  };
  return new LanguageClient('isms', 'ISMS Language Server', serverOptions, clientOptions);
}
