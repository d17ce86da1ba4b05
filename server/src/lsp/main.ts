/**
 * Entry point of dist/server.js: `node dist/server.js --stdio` for any LSP client,
 * `--node-ipc` when VS Code starts it (createConnection reads the transport from argv).
 */
import { ProposedFeatures, createConnection } from 'vscode-languageserver/node';
import { startServer } from './server';

startServer(createConnection(ProposedFeatures.all));
