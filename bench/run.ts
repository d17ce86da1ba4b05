/**
 * `npm run bench`: the core's full check against the YAML parse floor, measured side by
 * side in one run and reported as a ratio (absolute times vary between machines; ratios
 * much less). The performance issue extends this with generated corpora, the LSP server
 * over stdio and yaml-language-server as an anchor.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseDocument } from 'yaml';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { parseDate } from '../server/src/core/dates';
import { IsmsWorkspace } from '../server/src/core/workspace/ismsWorkspace';
import { createDiskHost } from '../server/src/node/diskHost';
import { pathToUri } from '../server/src/core/uri';

const ROUNDS = 30;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function measure(work: () => void): number {
  const times: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const start = performance.now();
    work();
    times.push(performance.now() - start);
  }
  return median(times);
}

const folder = path.resolve(__dirname, '../examples/acme');
const files = fs.readdirSync(folder).filter((f) => f.endsWith('.isms.yaml')).map((f) => fs.readFileSync(path.join(folder, f), 'utf8'));
const lines = files.reduce((n, text) => n + text.split('\n').length, 0);
const today = parseDate('2026-11-28')!;

const parseFloor = measure(() => {
  for (const text of files) parseDocument(text);
});
const fullCheck = measure(() => {
  const ws = new IsmsWorkspace({ host: createDiskHost(), folderUri: pathToUri(folder), today: () => today, unusedSuppressionSeverity: DiagnosticSeverity.Warning });
  ws.scan();
  ws.diagnoseAll();
});

const rows = [
  ['corpus', 'examples/acme', `${files.length} files, ${lines} lines`],
  ['yaml parseDocument (floor)', `${parseFloor.toFixed(2)} ms`, '1.00×'],
  ['core full check (cold, incl. disk reads)', `${fullCheck.toFixed(2)} ms`, `${(fullCheck / parseFloor).toFixed(2)}×`],
];
for (const row of rows) console.log(row[0]!.padEnd(42), row[1]!.padEnd(16), row[2]);
fs.mkdirSync(path.resolve(__dirname, '../.bench'), { recursive: true });
fs.writeFileSync(path.resolve(__dirname, '../.bench/results.json'), JSON.stringify({ node: process.version, rounds: ROUNDS, parseFloorMs: parseFloor, fullCheckMs: fullCheck, ratio: fullCheck / parseFloor }, null, 2));
