/**
 * The profiled process of `npm run bench -- --profile`, bundled to .bench/profileChild.js
 * (same esbuild settings as dist/server.js, plus a source map for the summary).
 * Usage: node .bench/profileChild.js OUT_DIR CORPUS_DIR EDITED_FILE
 *
 * Writes two CPU profiles (node:inspector, 250 µs sampling), each of one region only:
 * - full.cpuprofile: two cold full checks (new IsmsWorkspace + scan + diagnoseAll), the
 *   first with the JIT cold, the second warm;
 * - edit.cpuprofile: free-text edits of EDITED_FILE re-checked the way the server does
 *   (setDocument + DiagnosticsPublisher.publishNow), after an unprofiled set-up.
 */
import * as fs from 'node:fs';
import { Session } from 'node:inspector';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Connection } from 'vscode-languageserver';
import { pathToUri } from '../server/src/core/uri';
import { DiagnosticsPublisher } from '../server/src/lsp/diagnosticsPublisher';
import { newWorkspace, valueRange } from './core';

const EDITS = 40;

function post(session: Session, method: string, params: object = {}): Promise<unknown> {
  return new Promise((resolve, reject) => {
    session.post(method, params, (error, result) => (error ? reject(error) : resolve(result)));
  });
}

async function profiled(outDir: string, name: string, work: () => void): Promise<void> {
  const session = new Session();
  session.connect();
  await post(session, 'Profiler.enable');
  await post(session, 'Profiler.setSamplingInterval', { interval: 250 });
  await post(session, 'Profiler.start');
  work();
  const { profile } = (await post(session, 'Profiler.stop')) as { profile: unknown };
  session.disconnect();
  fs.writeFileSync(path.join(outDir, `${name}.cpuprofile`), JSON.stringify(profile));
}

async function main(): Promise<void> {
  const [outDir, dir, relPath] = process.argv.slice(2);
  if (!outDir || !dir || !relPath) throw new Error('usage: profileChild.js OUT_DIR CORPUS_DIR EDITED_FILE');

  await profiled(outDir, 'full', () => {
    for (let round = 1; round <= 2; round++) {
      const start = performance.now();
      const ws = newWorkspace(dir);
      ws.scan();
      const results = ws.diagnoseAll();
      console.error(`  profiled full check ${round}: ${results.length} files, ${((performance.now() - start) / 1000).toFixed(1)} s`);
    }
  });

  const absPath = path.join(dir, relPath);
  const text = fs.readFileSync(absPath, 'utf8');
  const uri = pathToUri(absPath);
  const ws = newWorkspace(dir);
  ws.scan();
  let version = 1;
  const connection = { sendDiagnostics: () => Promise.resolve() } as unknown as Connection;
  const publisher = new DiagnosticsPublisher(connection, () => version, () => undefined, 0);
  publisher.publishNow(ws);
  ws.setDocument(uri, text, version);
  publisher.publishNow(ws, [uri]);
  const title = valueRange(text, 'title');
  await profiled(outDir, 'edit', () => {
    const start = performance.now();
    for (let i = 1; i <= EDITS; i++) {
      const edited = text.slice(0, title.start) + (i % 2 ? `${title.value} (revised)` : title.value) + text.slice(title.end);
      ws.setDocument(uri, edited, ++version);
      publisher.publishNow(ws, [uri]);
    }
    console.error(`  profiled ${EDITS} free-text edits of ${relPath}: ${((performance.now() - start) / EDITS).toFixed(1)} ms each`);
  });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack ?? error.message : String(error));
  process.exit(1);
});
