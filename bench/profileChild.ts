/**
 * The profiled process of `npm run bench -- --profile` (run under `node --cpu-prof
 * --import tsx`): two cold full checks of one corpus — new IsmsWorkspace, scan,
 * diagnoseAll — in one process, the first with the JIT cold, the second warm.
 */
import { performance } from 'node:perf_hooks';
import { newWorkspace } from './core';

const dir = process.argv[2];
if (!dir) throw new Error('usage: profileChild.ts CORPUS_DIR');
for (let round = 1; round <= 2; round++) {
  const start = performance.now();
  const ws = newWorkspace(dir);
  ws.scan();
  const results = ws.diagnoseAll();
  console.log(`  profiled full check ${round}: ${results.length} files, ${((performance.now() - start) / 1000).toFixed(1)} s`);
}
