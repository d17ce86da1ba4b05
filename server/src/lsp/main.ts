/**
 * Entry point of dist/server.js: `node dist/server.js --stdio` for any LSP client,
 * `--node-ipc` when VS Code starts it (createConnection reads the transport from argv).
 * It loads the server bundle with its code cache (see codeCache.ts);
 * `--write-code-cache` is the build step that makes that cache.
 */
import * as path from 'node:path';
import { loadWithCodeCache } from '../node/codeCache';

const BUNDLE = path.join(__dirname, 'serverBundle.js');

if (process.argv.includes('--write-code-cache')) {
  // Required here, not imported: esbuild then loads it (and node:crypto) only in the build step.
  const { stampBundle, writeCodeCache } = require('../node/codeCacheBuild') as typeof import('../node/codeCacheBuild');
  stampBundle(BUNDLE);
  writeCodeCache(BUNDLE).then(
    (bytes) => console.log(`${path.basename(BUNDLE)}: code cache of ${Math.round(bytes / 1024)} KiB written`),
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
} else {
  const { exports } = loadWithCodeCache(BUNDLE);
  (exports as { main(): void }).main();
}
