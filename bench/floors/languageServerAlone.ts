/**
 * A floor under "initialize answered": vscode-languageserver alone — bundled and loaded
 * the way our server is (bench/build.mjs, the product's esbuild plugins), with no code of
 * ours — answering `initialize` with no capabilities. What any server on this library
 * pays before its own code runs.
 */
import { ProposedFeatures, createConnection } from 'vscode-languageserver/node';

const connection = createConnection(ProposedFeatures.all);
connection.onInitialize(() => ({ capabilities: {} }));
connection.listen();
