/**
 * The language server bundle (dist/serverBundle.js). Loading it starts nothing, so that
 * the build can load it to make its code cache; dist/server.js loads it and calls main().
 */
import { PassThrough } from 'node:stream';
import { ProposedFeatures, createConnection } from 'vscode-languageserver/node';
import { startServer } from './server';

export function main(): void {
  startServer(createConnection(ProposedFeatures.all));
}

/**
 * For the build's code cache only (codeCacheBuild.ts): the start-up path run once on an
 * in-memory connection — a server answers `initialize` for no folder, then is dropped —
 * so that the cache holds those functions compiled. No file, network or process is touched.
 */
export async function warmUp(): Promise<void> {
  const toServer = new PassThrough();
  const fromServer = new PassThrough();
  const connection = createConnection(ProposedFeatures.all, toServer, fromServer);
  const answered = new Promise<void>((resolve) => {
    let received = '';
    fromServer.on('data', (chunk: Buffer) => {
      received += chunk.toString('utf8');
      if (received.includes('"id":1')) resolve();
    });
  });
  startServer(connection);
  const request = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {}, workspaceFolders: null } });
  toServer.write(`Content-Length: ${Buffer.byteLength(request)}\r\n\r\n${request}`);
  await answered;
  // Not ending the streams: vscode-languageserver exits the process when its input ends.
  connection.dispose();
}
