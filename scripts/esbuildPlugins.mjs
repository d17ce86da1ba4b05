// esbuild plugins shared by the product build (esbuild.mjs) and the benchmark's build.
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const YAML_ESM_BUILD = path.join(root, 'node_modules/yaml/browser/index.js');
const LSP_TYPES_COMMONJS = path.join(root, 'node_modules/vscode-languageserver-types/lib/umd/main.js');

/**
 * Bundles `yaml`'s ES-module build (the package's `default` export condition) instead of
 * its CommonJS `node` build. Same code, same version; but the `node` build reads
 * `process.env.LOG_TOKENS` once per token and `LOG_STREAM` once per document (debugging
 * switches for yaml's own developers), and on Node each `process.env` read is a call into
 * C++: on our large benchmark corpus those reads cost a tenth of the whole check. The
 * ES-module build has no such reads, and esbuild links it without CommonJS wrappers.
 * Its only other difference: warnings go to console.warn rather than process.emitWarning
 * (both print to stderr; the checker parses with logLevel 'error' and prints none).
 */
export const yamlEsmBuild = {
  name: 'yaml-esm-build',
  setup(build) {
    build.onResolve({ filter: /^yaml$/ }, () => ({ path: YAML_ESM_BUILD }));
  },
};

/**
 * One copy of `vscode-languageserver-types`. The package has two builds: `import` (our
 * code) resolves to its ES-module build, `require` (vscode-languageserver-protocol) to its
 * CommonJS one, so the server bundle carried both — two sets of the same namespaces, both
 * run at every start. With this plugin everything takes the CommonJS build the LSP libraries
 * already use. Only for bundles that include those libraries: elsewhere (the CLI) the
 * ES-module build is the smaller, as esbuild keeps only the parts used.
 */
export const oneLanguageServerTypes = {
  name: 'one-language-server-types',
  setup(build) {
    build.onResolve({ filter: /^vscode-languageserver-types$/ }, () => ({ path: LSP_TYPES_COMMONJS }));
  },
};

/** Node built-ins the LSP libraries use only for pipes, sockets and global module lookup. */
const LAZY_BUILTINS = /^(?:node:)?(crypto|net|os|child_process)$/;
const IN_LSP_LIBRARIES = /[\\/]node_modules[\\/]vscode-(?:jsonrpc|languageserver)[\\/]/;

/**
 * `vscode-jsonrpc` and `vscode-languageserver` require `crypto`, `net`, `os` and
 * `child_process` at load time but use them only inside functions our server never calls
 * (named pipes, sockets, finding npm's global folder). Loading them cost ~15 ms of every
 * server start; here they are loaded on first use instead, through a proxy.
 */
export const lazyBuiltins = {
  name: 'lazy-builtins',
  setup(build) {
    build.onResolve({ filter: LAZY_BUILTINS }, (args) => (IN_LSP_LIBRARIES.test(args.importer) ? { path: LAZY_BUILTINS.exec(args.path)[1], namespace: 'lazy-builtin' } : undefined));
    build.onLoad({ filter: /.*/, namespace: 'lazy-builtin' }, (args) => ({
      loader: 'js',
      contents: `let loaded;
const load = () => loaded || (loaded = require(${JSON.stringify(args.path)}));
module.exports = new Proxy({}, {
  get: (_, key) => load()[key],
  has: (_, key) => key in load(),
  ownKeys: () => Reflect.ownKeys(load()),
  getOwnPropertyDescriptor: (_, key) => {
    const descriptor = Object.getOwnPropertyDescriptor(load(), key);
    if (descriptor) descriptor.configurable = true;
    return descriptor;
  },
});
`,
    }));
  },
};
