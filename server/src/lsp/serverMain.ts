/**
 * The language server bundle (dist/serverBundle.js). Loading it starts nothing, so that
 * the build can load it to make its code cache; dist/server.js loads it and calls main().
 */
import { ProposedFeatures, createConnection } from 'vscode-languageserver/node';
import { startServer } from './server';

export function main(): void {
  startServer(createConnection(ProposedFeatures.all));
}
