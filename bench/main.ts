/**
 * `npm run bench` (issue 7): generated corpora, the core against the YAML parse floor,
 * our server and yaml-language-server over stdio, bundle sizes — all in one run, printed
 * as tables with ratios against the issue's targets, and written to .bench/results.json
 * (and .bench/results.md). Absolute times vary between machines; the ratios much less.
 *
 * Options (after `npm run bench --`):
 *   --profile        also CPU-profile the core's full check of the large corpus
 *   --skip-core      no in-process core measurements
 *   --skip-servers   no LSP server measurements
 *   --keep           keep the generated corpora (printed path)
 */
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import { CORPUS_SIZES, CORPUS_TODAY, writeCorpus, type Corpus } from './corpus';
import { measureCorpus, measureRecheck, type CoreCorpusResult, type RecheckResult } from './core';
import { initializeTimes, largeSession, ROOT, smallSession, verifyAnchor, type AnchorCheck, type LargeSession, type ServerSpec, type SmallSession } from './servers';
import { printProfile, profileCore, type ProfileSummary } from './profile';
import { fmtBytes, fmtMs, stats, type Stats } from './stats';

const RECHECK_FILE = 'risks/risks-0002.isms.yaml';
const OUT_DIR = path.join(ROOT, '.bench');

const OURS: ServerSpec = { id: 'isms', label: 'isms (as shipped)', languageId: 'isms-yaml' };
const OURS_NO_DEBOUNCE: ServerSpec = { id: 'isms', label: 'isms (debounceMs 0)', languageId: 'isms-yaml', debounceMs: 0 };
const INITIALIZE_ROUNDS = 15;
const PRODUCTION = 'isms, production bundle';
const NO_CODE_CACHE = 'isms, production bundle, no code cache';
const YAML_LS: ServerSpec = { id: 'yaml-ls', label: 'yaml-language-server', languageId: 'yaml' };
// Floors under "initialize answered", started in the same rounds as the servers (bench/floors/).
const NODE_ALONE: ServerSpec = { id: 'floor', label: 'node alone', languageId: 'yaml', serverPath: path.join(OUT_DIR, 'floors/nodeAlone.js') };
const LIBRARY_ALONE: ServerSpec = { id: 'floor', label: 'vscode-languageserver alone', languageId: 'yaml', serverPath: path.join(OUT_DIR, 'floors/languageServerAlone.js') };
// The floor under the server sessions: a server that reads the folder and parses each file and each change, nothing more.
const PARSE_ONLY: ServerSpec = { id: 'floor', label: 'parse-only server (floor)', languageId: 'isms-yaml', serverPath: path.join(OUT_DIR, 'floors/parseOnlyServer.js') };
// The same reading the folder on two worker threads: what a design without shared trees could reach on this machine.
const PARSE_ONLY_THREADS: ServerSpec = { ...PARSE_ONLY, label: 'parse-only server, 2 worker threads (floor)', serverArgs: ['--threads=2'] };

interface Target {
  id: string;
  measurement: string;
  ours: string;
  reference: string;
  ratio: number | undefined;
  target: string;
  /** PASS, FAIL, n/a (not measurable yet) or info. */
  result: 'PASS' | 'FAIL' | 'n/a' | 'info';
  note?: string;
}

function machine() {
  const cpuinfo = fs.existsSync('/proc/cpuinfo') ? fs.readFileSync('/proc/cpuinfo', 'utf8') : '';
  const model = /model name\s*:\s*(.*)/.exec(cpuinfo)?.[1]?.trim() ?? os.cpus()[0]?.model ?? 'unknown';
  let nproc = os.cpus().length;
  try {
    nproc = Number(execFileSync('nproc', { encoding: 'utf8' }).trim()) || nproc;
  } catch {
    // os.cpus() it is.
  }
  return { nproc, cpu: model, node: process.version, platform: `${os.platform()} ${os.release()}`, memoryGiB: Math.round(os.totalmem() / 2 ** 30) };
}

function ratio(a: number | undefined, b: number | undefined): number | undefined {
  return a === undefined || b === undefined || !Number.isFinite(a) || !Number.isFinite(b) || b === 0 ? undefined : a / b;
}

function fmtRatio(r: number | undefined): string {
  return r === undefined ? 'n/a' : `${r.toFixed(r < 1 ? 2 : 1)}×`;
}

function verdict(r: number | undefined, limit: number): Target['result'] {
  return r === undefined ? 'n/a' : r <= limit ? 'PASS' : 'FAIL';
}

async function main(): Promise<void> {
  const args = new Set(process.argv.slice(2));
  const started = performance.now();
  const startedAt = new Date().toISOString();
  const lines: string[] = [];
  const print = (line = '') => {
    lines.push(line);
    console.log(line);
  };
  const log = (line: string) => console.error(`[${((performance.now() - started) / 1000).toFixed(0).padStart(4)} s] ${line}`);
  const info = machine();
  const versionOf = (pkg: string) => (JSON.parse(fs.readFileSync(path.join(ROOT, pkg, 'package.json'), 'utf8')) as { version: string }).version;
  const versions = { isms: versionOf('.'), yamlLanguageServer: versionOf('node_modules/yaml-language-server'), yaml: versionOf('node_modules/yaml') };
  const loadBefore = os.loadavg();
  log(`${info.nproc} × ${info.cpu}, node ${info.node}, load average ${loadBefore.map((l) => l.toFixed(2)).join(' ')}`);

  // The floor under "initialize answered": starting node itself, on this machine, now.
  const nodeStartup = stats(Array.from({ length: 7 }, () => {
    const t = performance.now();
    spawnSync(process.execPath, ['-e', ''], { stdio: 'ignore' });
    return performance.now() - t;
  }));
  log(`node start-up (node -e ''): p50 ${fmtMs(nodeStartup.p50)}`);

  log('npm run build');
  const buildStart = performance.now();
  execFileSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  const buildMs = performance.now() - buildStart;
  // The bundles as packaged (esbuild.mjs --production: minified, no source map), built
  // aside so that dist/ stays what `npm run build` made.
  log('production bundles (minified) into .bench/production');
  const productionDir = path.join(OUT_DIR, 'production');
  // esbuild.mjs itself (same plugins, then the stamp and the code cache), into .bench/.
  execFileSync(process.execPath, ['esbuild.mjs', '--production', `--outdir=${productionDir}`], { cwd: ROOT, stdio: 'ignore' });
  // The same without the cache: how the server starts where V8 rejects it (VS Code runs the
  // server on Electron's V8, not the Node that built the cache).
  const noCacheDir = path.join(OUT_DIR, 'production-no-code-cache');
  fs.rmSync(noCacheDir, { recursive: true, force: true });
  fs.mkdirSync(noCacheDir, { recursive: true });
  for (const file of ['server.js', 'serverBundle.js']) fs.copyFileSync(path.join(productionDir, file), path.join(noCacheDir, file));

  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'isms-bench-'));
  log(`generating corpora in ${tmp}`);
  const corpora = new Map<string, Corpus>();
  for (const size of CORPUS_SIZES) corpora.set(size, writeCorpus(size, tmp));
  const small = corpora.get('small')!;
  const large = corpora.get('large')!;

  let anchor: AnchorCheck | undefined;
  const core: CoreCorpusResult[] = [];
  let recheck: RecheckResult | undefined;
  const smallSessions: SmallSession[] = [];
  const initialize: { label: string; stats: Stats; peakRss: Stats }[] = [];
  const largeSessions: LargeSession[] = [];
  try {
    if (!args.has('--skip-servers')) {
      anchor = await verifyAnchor(path.join(tmp, 'anchor-check'), log);
      if (!anchor.ok) {
        throw new Error(`yaml-language-server did not report the expected schema diagnostics (missing: ${anchor.missing.join(', ')}); its timings would mean nothing. It said:\n${anchor.messages.join('\n')}`);
      }
    }
    if (!args.has('--skip-core')) {
      log('core: in-process measurements');
      for (const corpus of corpora.values()) core.push(measureCorpus(corpus, log));
      recheck = measureRecheck(large, RECHECK_FILE, log);
    }
    if (!args.has('--skip-servers')) {
      log('servers over stdio');
      log(`  initialize, ${INITIALIZE_ROUNDS} fresh processes each, in turn`);
      const specs = [OURS, { ...OURS, label: PRODUCTION, serverPath: path.join(productionDir, 'server.js') }, { ...OURS, label: NO_CODE_CACHE, serverPath: path.join(noCacheDir, 'server.js') }, YAML_LS, NODE_ALONE, LIBRARY_ALONE];
      const times = await initializeTimes(specs, small.dir, INITIALIZE_ROUNDS);
      specs.forEach((spec, i) => initialize.push({ label: spec.label, stats: times[i]!.time, peakRss: times[i]!.peakRssBytes }));
      for (const spec of [OURS, OURS_NO_DEBOUNCE, YAML_LS, PARSE_ONLY]) smallSessions.push(await smallSession(spec, small, log));
      for (const spec of [OURS, YAML_LS, PARSE_ONLY, PARSE_ONLY_THREADS]) largeSessions.push(await largeSession(spec, large, RECHECK_FILE, log));
    }
  } finally {
    if (!args.has('--keep') && !args.has('--profile')) fs.rmSync(tmp, { recursive: true, force: true });
  }

  const bundles = fs.readdirSync(path.join(ROOT, 'dist')).filter((f) => f.endsWith('.js')).sort().map((f) => {
    const content = fs.readFileSync(path.join(ROOT, 'dist', f));
    const production = fs.existsSync(path.join(productionDir, f)) ? fs.readFileSync(path.join(productionDir, f)) : undefined;
    return {
      file: `dist/${f}`, bytes: content.length, gzipBytes: gzipSync(content).length,
      productionBytes: production?.length, productionGzipBytes: production ? gzipSync(production).length : undefined,
    };
  });

  // ---------------------------------------------------------------------------------
  // Targets
  // ---------------------------------------------------------------------------------
  const coreOf = (size: string) => core.find((c) => c.corpus === size);
  const sOurs = smallSessions.find((s) => s.server === OURS.label);
  const sOurs0 = smallSessions.find((s) => s.server === OURS_NO_DEBOUNCE.label);
  const sYaml = smallSessions.find((s) => s.server === YAML_LS.label);
  const sFloor = smallSessions.find((s) => s.server === PARSE_ONLY.label);
  const lOurs = largeSessions.find((s) => s.server === OURS.label);
  const lYaml = largeSessions.find((s) => s.server === YAML_LS.label);
  const lFloor = largeSessions.find((s) => s.server === PARSE_ONLY.label);
  const lFloorThreads = largeSessions.find((s) => s.server === PARSE_ONLY_THREADS.label);
  const editP50 = (s: SmallSession | undefined) => s?.edits.find((e) => e.kind === 'schema')?.latency.p50;
  const initOf = (label: string) => initialize.find((i) => i.label === label)?.stats;
  const targets: Target[] = [];
  for (const size of CORPUS_SIZES) {
    const c = coreOf(size);
    if (!c) continue;
    const r = ratio(c.fullCheck.p50, c.parseFloor.p50);
    targets.push({
      id: `core-full-${size}`, measurement: `core full check, ${size} (cold: new workspace + scan + diagnoseAll)`,
      ours: fmtMs(c.fullCheck.p50), reference: `parse floor ${fmtMs(c.parseFloor.p50)}`, ratio: r,
      target: size === 'medium' ? '—' : '≤ 2× parse floor', result: size === 'medium' ? 'info' : verdict(r, 2),
    });
  }
  for (const edit of recheck?.edits ?? []) {
    const r = ratio(edit.recheck.p50, recheck!.parseFloor.p50);
    targets.push({
      id: `core-recheck-${edit.kind}`, measurement: `core re-check after an edit of one large-corpus file (${edit.kind}: ${edit.filesChecked} file${edit.filesChecked === 1 ? '' : 's'} checked)`,
      ours: fmtMs(edit.recheck.p50), reference: `file parse floor ${fmtMs(recheck!.parseFloor.p50)}`, ratio: r,
      target: '≤ 3× file parse floor', result: verdict(r, 3),
    });
  }
  if (sYaml) {
    for (const s of [sOurs, sOurs0]) {
      if (!s) continue;
      const r = ratio(editP50(s), editP50(sYaml));
      targets.push({
        id: s === sOurs ? 'server-edit' : 'server-edit-debounce0', measurement: `server edit → diagnostics p50, small file (${s.server})`,
        ours: fmtMs(editP50(s)), reference: `yaml-ls ${fmtMs(editP50(sYaml))}`, ratio: r, target: '≤ 1/4 of yaml-ls', result: verdict(r, 0.25),
        note: s === sOurs ? 'both servers with their default delay (ours adaptive: half the last check, at most 100 ms; yaml-ls a fixed 200 ms)' : 'our debounce set to 0; yaml-ls keeps its fixed 200 ms',
      });
    }
    const completion = ratio(sOurs?.completion?.latency.p50, sYaml.completion?.latency.p50);
    targets.push({
      id: 'server-completion', measurement: 'completion p50, small file', ours: sOurs?.completion ? fmtMs(sOurs.completion.latency.p50) : 'n/a (no completionProvider)',
      reference: `yaml-ls ${fmtMs(sYaml.completion?.latency.p50)}`, ratio: completion, target: '≤ 1/5 of yaml-ls', result: verdict(completion, 0.2),
    });
    const hover = ratio(sOurs?.hover?.latency.p50, sYaml.hover?.latency.p50);
    targets.push({
      id: 'server-hover', measurement: 'hover p50, small file', ours: sOurs?.hover ? fmtMs(sOurs.hover.latency.p50) : 'n/a (no hoverProvider)',
      reference: `yaml-ls ${fmtMs(sYaml.hover?.latency.p50)}`, ratio: hover, target: '≤ 1× yaml-ls', result: verdict(hover, 1),
    });
  }
  if (lOurs && lYaml) {
    const r = ratio(lOurs.settledFromSpawnMs, lYaml.settledFromSpawnMs);
    targets.push({
      id: 'server-large-settled', measurement: `large workspace: spawn → every file published (${lOurs.files} files)`,
      ours: fmtMs(lOurs.settledFromSpawnMs), reference: `yaml-ls ${fmtMs(lYaml.settledFromSpawnMs)} (all files open)`, ratio: r, target: '≤ 1/4 of yaml-ls', result: verdict(r, 0.25),
      // The floors under this row, from the same run: parsing the corpus once, on one thread, in process and as a server.
      note: [
        `a quarter of yaml-ls is ${fmtMs(lYaml.settledFromSpawnMs / 4)}`,
        coreOf('large') ? `parsing the corpus alone (parse floor, one thread) takes ${fmtMs(coreOf('large')!.parseFloor.p50)}` : undefined,
        lFloor ? `a server that only reads, parses and publishes every file (bench/floors/parseOnlyServer) settles in ${fmtMs(lFloor.settledFromSpawnMs)}` : undefined,
        lFloorThreads ? `${fmtMs(lFloorThreads.settledFromSpawnMs)} when it parses on two worker threads` : undefined,
      ].filter(Boolean).join('; '),
    });
  }
  if (sOurs && sYaml) {
    const r = ratio(sOurs.peakRssBytes, sYaml.peakRssBytes);
    // The floors under this row, from the same run: what a process holds once it has answered `initialize`.
    const atStart = [NODE_ALONE, LIBRARY_ALONE, OURS].map((spec) => `${spec.label} ${fmtBytes(initialize.find((i) => i.label === spec.label)?.peakRss.p50)}`).join(', ');
    targets.push({
      id: 'rss-small', measurement: 'peak RSS (VmHWM), small session', ours: fmtBytes(sOurs.peakRssBytes), reference: `yaml-ls ${fmtBytes(sYaml.peakRssBytes)}`, ratio: r, target: '≤ 1/2 of yaml-ls', result: verdict(r, 0.5),
      note: [
        `half of yaml-ls is ${fmtBytes(sYaml.peakRssBytes === undefined ? undefined : sYaml.peakRssBytes / 2)}`,
        sFloor ? `a server that only parses the file with \`yaml\` on each change and publishes (bench/floors/parseOnlyServer) peaks at ${fmtBytes(sFloor.peakRssBytes)} in the same session` : undefined,
        initialize.length > 0 ? `VmHWM once \`initialize\` is answered: ${atStart}` : undefined,
      ].filter(Boolean).join('; '),
    });
  }
  if (lOurs && lYaml) {
    const r = ratio(lOurs.peakRssBytes, lYaml.peakRssBytes);
    targets.push({
      id: 'rss-large', measurement: 'peak RSS (VmHWM), large session', ours: fmtBytes(lOurs.peakRssBytes), reference: `yaml-ls ${fmtBytes(lYaml.peakRssBytes)}`, ratio: r, target: '≤ 1/2 of yaml-ls', result: verdict(r, 0.5),
      note: lFloor ? `half of yaml-ls is ${fmtBytes(lYaml.peakRssBytes === undefined ? undefined : lYaml.peakRssBytes / 2)}; the parse-only server, which keeps no tree of a closed file, peaks at ${fmtBytes(lFloor.peakRssBytes)}` : undefined,
    });
  }
  const initializeRows = [
    { label: OURS.label, id: 'server-initialize', what: 'dist/server.js from npm run build' },
    { label: PRODUCTION, id: 'server-initialize-production', what: 'minified production bundle' },
    { label: NO_CODE_CACHE, id: 'server-initialize-no-code-cache', what: 'minified production bundle without its code cache, as on a V8 that rejects it' },
  ];
  for (const { label, id, what } of initializeRows) {
    const ours = initOf(label);
    if (!ours) continue;
    targets.push({
      id, measurement: `initialize answered, from spawn, p50 of ${ours.n} processes (${what})`,
      ours: fmtMs(ours.p50),
      reference: `yaml-ls ${fmtMs(initOf(YAML_LS.label)?.p50)}; same rounds: node alone ${fmtMs(initOf(NODE_ALONE.label)?.p50)}, vscode-languageserver alone ${fmtMs(initOf(LIBRARY_ALONE.label)?.p50)}`,
      ratio: undefined, target: '≤ 150 ms',
      result: ours.p50 <= 150 ? 'PASS' : 'FAIL',
    });
  }

  // ---------------------------------------------------------------------------------
  // Output
  // ---------------------------------------------------------------------------------
  const durationMs = performance.now() - started;
  const loadAfter = os.loadavg();
  print(`## Benchmark results (${startedAt.slice(0, 16).replace('T', ' ')} UTC)`);
  print();
  print(`Machine: ${info.nproc} × ${info.cpu}, ${info.memoryGiB} GiB, ${info.platform}, node ${info.node}; isms ${versions.isms}, yaml-language-server ${versions.yamlLanguageServer}, yaml ${versions.yaml}. Load average at start ${loadBefore.map((l) => l.toFixed(2)).join(' ')}, at end ${loadAfter.map((l) => l.toFixed(2)).join(' ')}. Corpus "today": ${CORPUS_TODAY}.`);
  print();
  print('### Corpora');
  print();
  print('| corpus | files | lines | size | deliberate violations | our diagnostics |');
  print('|---|---:|---:|---:|---|---:|');
  for (const corpus of corpora.values()) {
    const v = Object.entries(corpus.violations).map(([k, n]) => `${k} ${n}`).join(', ');
    print(`| ${corpus.size} | ${corpus.files.length} | ${corpus.totalLines.toLocaleString('en')} | ${fmtBytes(corpus.totalBytes)} | ${v} | ${coreOf(corpus.size)?.diagnostics ?? 'n/a'} |`);
  }
  print();
  print('### Targets (issue 7)');
  print();
  print('| measurement | ours | reference | ratio | target | result |');
  print('|---|---:|---:|---:|---|---|');
  for (const t of targets) print(`| ${t.measurement}${t.note ? ` — ${t.note}` : ''} | ${t.ours} | ${t.reference} | ${fmtRatio(t.ratio)} | ${t.target} | **${t.result}** |`);
  if (core.length > 0) {
    print();
    print('### Core, in process (p50 of the rounds; ratio to the parse floor)');
    print();
    print('| corpus | rounds | parse floor (yaml parseDocument) | product parse (parseIsmsFile) | disk read | full check | full check ÷ floor |');
    print('|---|---:|---:|---:|---:|---:|---:|');
    for (const c of core) {
      print(`| ${c.corpus} | ${c.fullCheck.n} | ${fmtMs(c.parseFloor.p50)} | ${fmtMs(c.productParse.p50)} (${fmtRatio(ratio(c.productParse.p50, c.parseFloor.p50))}) | ${fmtMs(c.diskRead.p50)} | ${fmtMs(c.fullCheck.p50)} (min ${fmtMs(c.fullCheck.min)}) | ${fmtRatio(ratio(c.fullCheck.p50, c.parseFloor.p50))} |`);
    }
    if (recheck) {
      print();
      print(`Re-check after an edit of \`${recheck.file}\` (${recheck.lines} lines; its parse floor ${fmtMs(recheck.parseFloor.p50)}), the server's own DiagnosticsPublisher.publishNow after setDocument:`);
      print();
      print('| edit | files checked | server re-check p50 (n) | ÷ file floor | edited file alone p50 (n) | ÷ file floor |');
      print('|---|---:|---:|---:|---:|---:|');
      for (const e of recheck.edits) {
        print(`| ${e.kind}: ${e.description} | ${e.filesChecked} | ${fmtMs(e.recheck.p50)} (${e.recheck.n}) | ${fmtRatio(ratio(e.recheck.p50, recheck.parseFloor.p50))} | ${fmtMs(e.editedFileOnly.p50)} (${e.editedFileOnly.n}) | ${fmtRatio(ratio(e.editedFileOnly.p50, recheck.parseFloor.p50))} |`);
      }
    }
  }
  if (initialize.length > 0) {
    print();
    print(`### Start-up: spawn → \`initialize\` answered (${INITIALIZE_ROUNDS} fresh processes each, started in turn)`);
    print();
    print('The two floors only answer: Node alone with no library, and vscode-languageserver alone, bundled like our server but without a code cache (bench/floors/).');
    print();
    print('| process | p50 | p95 | min | p50 − node alone | VmHWM then, p50 |');
    print('|---|---:|---:|---:|---:|---:|');
    const floor = initOf(NODE_ALONE.label)?.p50;
    for (const { label, stats: st, peakRss } of initialize) {
      print(`| ${label} | ${fmtMs(st.p50)} | ${fmtMs(st.p95)} | ${fmtMs(st.min)} | ${floor === undefined || label === NODE_ALONE.label ? '—' : fmtMs(st.p50 - floor)} | ${fmtBytes(peakRss.p50)} |`);
    }
  }
  if (smallSessions.length > 0) {
    print();
    print(`### Servers over stdio, small corpus (one file of ${small.totalLines.toLocaleString('en')} lines)`);
    print();
    print(`| measurement | ${smallSessions.map((s) => s.server).join(' | ')} |`);
    print(`|---|${smallSessions.map(() => '---:').join('|')}|`);
    const row = (label: string, f: (s: SmallSession) => string) => print(`| ${label} | ${smallSessions.map(f).join(' | ')} |`);
    row('initialize answered, from spawn (from sending)', (s) => `${fmtMs(s.initializeMs)} (${fmtMs(s.initializeFromSendMs)})`);
    row('spawn → workspace folder checked and published', (s) => (s.workspacePublishedMs === undefined ? '— (opens only)' : fmtMs(s.workspacePublishedMs)));
    row('open → first diagnostics', (s) => `${fmtMs(s.openToFirstDiagnosticsMs)} (${s.firstDiagnostics} diagnostics${s.reportsSchemaError ? ', schema error seen' : ', SCHEMA ERROR MISSING'})`);
    for (const kind of ['schema', 'reference']) {
      const any = smallSessions.find((s) => s.edits.some((e) => e.kind === kind));
      if (!any) continue;
      row(`edit → diagnostics p50 / p95: ${any.edits.find((e) => e.kind === kind)!.description}`, (s) => {
        const e = s.edits.find((x) => x.kind === kind);
        return e ? `${fmtMs(e.latency.p50)} / ${fmtMs(e.latency.p95)} (n=${e.latency.n})` : '—';
      });
    }
    row('completion p50 / p95', (s) => (s.completion ? `${fmtMs(s.completion.latency.p50)} / ${fmtMs(s.completion.latency.p95)} (n=${s.completion.latency.n}; items ${Object.values(s.completion.items).join('/')})` : 'n/a (not announced)'));
    row('hover p50 / p95', (s) => (s.hover ? `${fmtMs(s.hover.latency.p50)} / ${fmtMs(s.hover.latency.p95)} (n=${s.hover.latency.n}; answered ${Object.values(s.hover.nonEmpty).filter(Boolean).length}/${Object.keys(s.hover.nonEmpty).length} probes)` : 'n/a (not announced)'));
    row('VmHWM after start-up (initialize + configuration)', (s) => fmtBytes(s.rssAfterStartBytes));
    row('peak RSS (VmHWM), end of session', (s) => fmtBytes(s.peakRssBytes));
  }
  if (largeSessions.length > 0) {
    print();
    print(`### Servers over stdio, large corpus (${large.files.length} files, ${large.totalLines.toLocaleString('en')} lines)`);
    print();
    print(`| measurement | ${largeSessions.map((s) => s.server).join(' | ')} |`);
    print(`|---|${largeSessions.map(() => '---:').join('|')}|`);
    const row = (label: string, f: (s: LargeSession) => string) => print(`| ${label} | ${largeSessions.map(f).join(' | ')} |`);
    row('how the files reach the server', (s) => s.note);
    row('spawn → first file published', (s) => fmtMs(s.firstPublishedFromSpawnMs));
    row('spawn → every file published ("settled")', (s) => fmtMs(s.settledFromSpawnMs));
    row('… from `initialized` (ours) / first didOpen (yaml-ls)', (s) => fmtMs(s.settledFromStartMs));
    row('files with diagnostics / diagnostics', (s) => `${s.filesWithDiagnostics} / ${s.diagnostics}`);
    const kinds = [...new Set(largeSessions.flatMap((s) => s.edits.map((e) => e.kind)))];
    for (const kind of kinds) {
      row(`edit of \`${RECHECK_FILE}\` (${kind}) → its diagnostics p50; → server idle p50`, (s) => {
        const e = s.edits.find((x) => x.kind === kind);
        return e ? `${fmtMs(e.toEditedFile.p50)}; ${fmtMs(e.toIdle.p50)} (n=${e.toEditedFile.n})` : '—';
      });
    }
    row('peak RSS (VmHWM)', (s) => fmtBytes(s.peakRssBytes));
  }
  print();
  print('### Bundles');
  print();
  print('| file | `npm run build` | gzip | production (minified) | gzip |');
  print('|---|---:|---:|---:|---:|');
  for (const b of bundles) print(`| ${b.file} | ${fmtBytes(b.bytes)} | ${fmtBytes(b.gzipBytes)} | ${fmtBytes(b.productionBytes)} | ${fmtBytes(b.productionGzipBytes)} |`);

  let profile: { full: ProfileSummary; edit: ProfileSummary } | undefined;
  if (args.has('--profile')) {
    log('profiling the core on the large corpus (node:inspector CPU profiles)');
    profile = profileCore(ROOT, large.dir, RECHECK_FILE, path.join(OUT_DIR, 'profile'));
    print();
    print('### Profile: core full check of the large corpus (two cold checks in one process)');
    print();
    printProfile(profile.full, print);
    print();
    print(`### Profile: re-check after free-text edits of \`${RECHECK_FILE}\` (setDocument + publishNow)`);
    print();
    printProfile(profile.edit, print);
    if (!args.has('--keep')) fs.rmSync(tmp, { recursive: true, force: true });
  }
  const totalMs = performance.now() - started;
  print();
  print(`Whole bench: ${fmtMs(totalMs)} (build ${fmtMs(buildMs)}${profile ? `, measurements ${fmtMs(durationMs)}` : ''}).${args.has('--keep') ? ` Corpora kept in ${tmp}.` : ''}`);

  fs.mkdirSync(OUT_DIR, { recursive: true });
  fs.writeFileSync(path.join(OUT_DIR, 'results.json'), `${JSON.stringify({
    startedAt, machine: info, versions, loadAverage: { start: loadBefore, end: loadAfter }, corpusToday: CORPUS_TODAY,
    totalMs, buildMs, nodeStartup,
    corpora: [...corpora.values()].map((c) => ({ size: c.size, files: c.files.length, lines: c.totalLines, bytes: c.totalBytes, evidenceDocuments: c.evidenceDocuments, violations: c.violations })),
    targets, core, recheck, anchorCheck: anchor, initialize, servers: { small: smallSessions, large: largeSessions }, bundles, profile,
  }, null, 2)}\n`);
  fs.writeFileSync(path.join(OUT_DIR, 'results.md'), `${lines.join('\n')}\n`);
  log(`wrote ${path.relative(ROOT, path.join(OUT_DIR, 'results.json'))} and results.md`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack ?? error.message : String(error));
  process.exit(1);
});
