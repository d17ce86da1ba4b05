/**
 * In-process measurements of the core against the YAML parse floor:
 * - parse floor: `yaml`'s parseDocument (default options) of every text of a corpus, bundled
 *   as the product bundles it (yaml's ES-module build, see scripts/esbuildPlugins.mjs, which
 *   parses faster than the CommonJS build Node would load), so that the floor is as low as
 *   `yaml` goes and the ratios show only our own work;
 * - full check, cold: new IsmsWorkspace + scan (disk reads) + diagnoseAll;
 * - re-check after an edit of one file of the large corpus, as the LSP server does it:
 *   setDocument, then DiagnosticsPublisher.publishNow (the server's own code, with a
 *   connection that drops the messages) — which files it checks is the server's choice.
 */
import * as fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import { parseDocument } from 'yaml';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import type { Connection } from 'vscode-languageserver';
import { parseDate } from '../server/src/core/dates';
import { parseIsmsFile } from '../server/src/core/parse/ismsFile';
import { pathToUri } from '../server/src/core/uri';
import { IsmsWorkspace } from '../server/src/core/workspace/ismsWorkspace';
import { DiagnosticsPublisher } from '../server/src/lsp/diagnosticsPublisher';
import { createDiskHost } from '../server/src/node/diskHost';
import { CORPUS_TODAY, type Corpus } from './corpus';
import { measure, measureInterleaved, stats, type MeasureOptions, type Stats } from './stats';

const TODAY = parseDate(CORPUS_TODAY)!;

export function newWorkspace(dir: string): IsmsWorkspace {
  return new IsmsWorkspace({
    host: createDiskHost(),
    folderUri: pathToUri(dir),
    today: () => TODAY,
    unusedSuppressionSeverity: DiagnosticSeverity.Hint,
  });
}

export interface CoreCorpusResult {
  corpus: string;
  files: number;
  lines: number;
  bytes: number;
  parseFloor: Stats;
  /** The product's own parse step (parseIsmsFile: parse with its options, line index, toJS) — for the breakdown. */
  productParse: Stats;
  /** Reading every file from disk (readFileSync) — for the breakdown. */
  diskRead: Stats;
  fullCheck: Stats;
  diagnostics: number;
  diagnosticsByCode: Record<string, number>;
}

function roundsFor(corpus: Corpus): MeasureOptions {
  if (corpus.size === 'small') return { warmup: 5, minRounds: 20, maxRounds: 60, budgetMs: 5_000 };
  if (corpus.size === 'medium') return { warmup: 2, minRounds: 10, maxRounds: 30, budgetMs: 8_000 };
  return { warmup: 0, minRounds: 3, maxRounds: 3, budgetMs: 0 };
}

/**
 * The floor, the breakdown rows and the full check, timed in alternation (see
 * measureInterleaved) so that the ratio full check ÷ floor compares like with like.
 */
export function measureCorpus(corpus: Corpus, log: (line: string) => void): CoreCorpusResult {
  const texts = corpus.files.map((f) => f.text);
  let diagnostics = 0;
  const diagnosticsByCode: Record<string, number> = {};
  log(`  ${corpus.size}: parse floor, product parse, disk read and full check, interleaved`);
  const timed = measureInterleaved({
    parseFloor: () => {
      for (const text of texts) parseDocument(text);
    },
    productParse: () => {
      for (const file of corpus.files) parseIsmsFile(file.absPath, file.text, 1);
    },
    diskRead: () => {
      for (const file of corpus.files) fs.readFileSync(file.absPath, 'utf8');
    },
    fullCheck: () => {
      const ws = newWorkspace(corpus.dir);
      ws.scan();
      const results = ws.diagnoseAll();
      diagnostics = 0;
      for (const code of Object.keys(diagnosticsByCode)) delete diagnosticsByCode[code];
      for (const r of results) {
        diagnostics += r.diagnostics.length;
        for (const d of r.diagnostics) diagnosticsByCode[String(d.code)] = (diagnosticsByCode[String(d.code)] ?? 0) + 1;
      }
    },
  }, roundsFor(corpus));
  return {
    corpus: corpus.size, files: corpus.files.length, lines: corpus.totalLines, bytes: corpus.totalBytes,
    ...timed, diagnostics, diagnosticsByCode,
  };
}

export interface RecheckResult {
  /** The edited file, relative to the corpus. */
  file: string;
  lines: number;
  parseFloor: Stats;
  edits: {
    kind: string;
    description: string;
    /** setDocument + publishNow, as the server runs them after the debounce. */
    recheck: Stats;
    /** How many files the server checked for one edit. */
    filesChecked: number;
    /** setDocument + diagnose of the edited file alone (what the edit needs at least). */
    editedFileOnly: Stats;
  }[];
}

/** Finds `key: value` on the first line matching after `fromLine`; returns the value's offsets. */
export function valueRange(text: string, key: string, fromOffset = 0): { start: number; end: number; value: string } {
  const re = new RegExp(`^[ -]*${key}: *([^#\\n]*?) *(?:#.*)?$`, 'gm');
  re.lastIndex = fromOffset;
  const match = re.exec(text);
  if (!match) throw new Error(`No '${key}:' after offset ${fromOffset}`);
  const start = match.index + match[0].indexOf(match[1]!, match[0].indexOf(`${key}:`) + key.length + 1);
  return { start, end: start + match[1]!.length, value: match[1]! };
}

function replaceAt(text: string, start: number, end: number, value: string): string {
  return text.slice(0, start) + value + text.slice(end);
}

export function measureRecheck(corpus: Corpus, relPath: string, log: (line: string) => void): RecheckResult {
  const file = corpus.files.find((f) => f.relPath === relPath);
  if (!file) throw new Error(`No ${relPath} in the ${corpus.size} corpus`);
  const uri = pathToUri(file.absPath);
  // Warm the parser; the floor itself is sampled between the edits below (same machine state).
  measure(() => parseDocument(file.text), { warmup: 5, minRounds: 10, maxRounds: 10, budgetMs: 0 });
  const floorSamples: number[] = [];

  log(`  re-check: setting up a checked ${corpus.size} workspace`);
  const ws = newWorkspace(corpus.dir);
  ws.scan();
  const versions = new Map<string, number>();
  const connection = { sendDiagnostics: () => Promise.resolve() } as unknown as Connection;
  // One synchronous pass per call: the measurement is the work of a re-check, not of one slice.
  const publisher = new DiagnosticsPublisher(connection, (u) => versions.get(u), () => undefined, 0, Infinity);
  let checked = 0;
  const diagnose = ws.diagnose.bind(ws);
  ws.diagnose = (u: string) => {
    checked++;
    return diagnose(u);
  };
  publisher.publishNow(ws);
  // The editor opens the file: from now on its content comes from the editor.
  let version = 1;
  versions.set(uri, version);
  ws.setDocument(uri, file.text, version);
  publisher.publishNow(ws, [uri]);

  const owner = valueRange(file.text, 'owner');
  const title = valueRange(file.text, 'title');
  const edits = [
    { kind: 'cross-file', description: `toggle the first risk's owner between '${owner.value}' and an unknown id`, range: owner, values: [owner.value, 'nobody.here'] },
    { kind: 'free-text', description: "edit the first risk's title (free text no other file reads)", range: title, values: [title.value, `${title.value} (revised)`] },
  ];
  const result: RecheckResult = { file: relPath, lines: file.lines, parseFloor: stats([]), edits: [] };
  for (const edit of edits) {
    // Back to the file as on disk, checked, before timing this kind of edit.
    versions.set(uri, ++version);
    ws.setDocument(uri, file.text, version);
    publisher.publishNow(ws, [uri]);
    let toggle = 0;
    const nextText = () => replaceAt(file.text, edit.range.start, edit.range.end, edit.values[++toggle % 2]!);
    const rounds = (sampleCount: number, work: (text: string) => void): number[] => {
      const samples: number[] = [];
      for (let i = 0; i < sampleCount; i++) {
        const text = nextText();
        versions.set(uri, ++version);
        const floorStart = performance.now();
        parseDocument(text);
        floorSamples.push(performance.now() - floorStart);
        const start = performance.now();
        work(text);
        samples.push(performance.now() - start);
      }
      return samples;
    };
    log(`  re-check: ${edit.kind} edit, as the server does it`);
    checked = 0;
    rounds(1, (text) => {
      ws.setDocument(uri, text, version);
      publisher.publishNow(ws, [uri]);
    });
    const filesChecked = checked;
    const budget = filesChecked > 10 ? 3 : 30;
    const recheck = stats(rounds(budget, (text) => {
      ws.setDocument(uri, text, version);
      publisher.publishNow(ws, [uri]);
    }));
    log(`  re-check: ${edit.kind} edit, edited file only`);
    const editedFileOnly = stats(rounds(30, (text) => {
      ws.setDocument(uri, text, version);
      diagnose(uri);
    }));
    result.edits.push({ kind: edit.kind, description: edit.description, recheck, filesChecked, editedFileOnly });
  }
  result.parseFloor = stats(floorSamples);
  return result;
}
