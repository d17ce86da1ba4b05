// Bundles the extension client, the language server and the CLI into dist/.
// `--watch` rebuilds on change; type-checking is `npm run typecheck` (tsc --noEmit).
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import * as esbuild from 'esbuild';
import { lazyBuiltins, oneLanguageServerTypes, yamlEsmBuild } from './scripts/esbuildPlugins.mjs';

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');
// `--outdir=DIR` builds elsewhere than dist/ (the benchmark's production bundles).
const outdir = process.argv.find((arg) => arg.startsWith('--outdir='))?.slice('--outdir='.length) ?? 'dist';

/** @type {import('esbuild').BuildOptions} */
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'info',
  legalComments: 'none',
  plugins: [yamlEsmBuild, lazyBuiltins],
};

const entries = [
  { entryPoints: ['client/src/extension.ts'], outfile: path.join(outdir, 'extension.js'), external: ['vscode'] },
  // dist/server.js is a small loader; the server itself is dist/serverBundle.js (see codeCache.ts).
  { entryPoints: ['server/src/lsp/main.ts'], outfile: path.join(outdir, 'server.js') },
  // Its first line is the build stamp, filled in with the bundle's digest after the build.
  // The server alone uses both the LSP libraries and, from the core, vscode-languageserver-types.
  { entryPoints: ['server/src/lsp/serverMain.ts'], outfile: path.join(outdir, 'serverBundle.js'), banner: { js: `//isms-build:${'0'.repeat(40)}` }, plugins: [...common.plugins, oneLanguageServerTypes] },
  { entryPoints: ['server/src/cli/main.ts'], outfile: path.join(outdir, 'cli.js'), banner: { js: '#!/usr/bin/env node' } },
];

if (watch) {
  for (const entry of entries) {
    const ctx = await esbuild.context({ ...common, ...entry });
    await ctx.watch();
  }
} else {
  await Promise.all(entries.map((entry) => esbuild.build({ ...common, ...entry })));
  // The server bundle's build stamp and code cache, made by the Node that builds (a cache
  // from another V8 is ignored at run time, so this is safe wherever the VSIX runs).
  execFileSync(process.execPath, [path.join(outdir, 'server.js'), '--write-code-cache'], { stdio: 'inherit' });
}
