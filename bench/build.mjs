// Bundles the benchmark into .bench/ with the product's esbuild plugins, so that the core
// it measures in process is built as dist/ is (the parse floor loads `yaml` unbundled).
import * as esbuild from 'esbuild';
import { lazyBuiltins, oneLanguageServerTypes, yamlEsmBuild } from '../scripts/esbuildPlugins.mjs';

await esbuild.build({
  entryPoints: ['bench/main.ts', 'bench/profileChild.ts', 'bench/floors/nodeAlone.ts', 'bench/floors/languageServerAlone.ts', 'bench/floors/parseOnlyServer.ts'],
  outbase: 'bench',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  outdir: '.bench',
  logLevel: 'warning',
  plugins: [yamlEsmBuild, lazyBuiltins, oneLanguageServerTypes],
});
