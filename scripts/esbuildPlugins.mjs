// esbuild plugins shared by the product build (esbuild.mjs) and the benchmark's build.
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const YAML_PROCESS = path.join(root, 'server/src/node/yamlProcess.ts');
const IN_YAML_PACKAGE = /[\\/]node_modules[\\/]yaml[\\/]/;

/**
 * Gives the `yaml` package our yamlProcess.ts instead of Node's `process` module: its
 * per-token `process.env` debug lookups cost a quarter of the parse (see that file).
 * Only `yaml`'s own modules are redirected; everything else keeps the real `process`.
 */
export const yamlProcessShim = {
  name: 'yaml-process-shim',
  setup(build) {
    build.onResolve({ filter: /^(node:)?process$/ }, (args) => (IN_YAML_PACKAGE.test(args.importer) ? { path: YAML_PROCESS } : undefined));
  },
};
