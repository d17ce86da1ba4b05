/**
 * Our language server and yaml-language-server over stdio, driven the same way:
 * initialize, open → first diagnostics, edit → diagnostics, completion, hover, peak RSS,
 * and a large workspace until every file has published.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import type { ClientCapabilities, ConfigurationItem, Diagnostic, Position, Range } from 'vscode-languageserver-protocol/node';
import { BenchClient, type Publication } from './lspClient';
import { CORPUS_TODAY, type Corpus } from './corpus';
import { stats, type Stats } from './stats';

export const ROOT = path.resolve(__dirname, '..');
export const OUR_SERVER = path.join(ROOT, 'dist/server.js');
export const YAML_LS = path.join(ROOT, 'node_modules/yaml-language-server/bin/yaml-language-server');
export const SCHEMA = path.join(ROOT, 'schemas/isms.schema.json');

/**
 * `floor`: a stand-in from bench/floors/ that measures what any server on this stack costs:
 * answering `initialize` (Node alone, the library alone), or a whole small session
 * (parsing the open file on each change and publishing, nothing else).
 */
export type ServerId = 'isms' | 'yaml-ls' | 'floor';

export interface ServerSpec {
  id: ServerId;
  label: string;
  languageId: string;
  /** Our server's `initializationOptions.debounceMs`; undefined = the product default. */
  debounceMs?: number;
  /** Our server's bundle (default dist/server.js), or a floor's script. */
  serverPath?: string;
  /** Node options before the script (for experiments; the extension passes none). */
  execArgv?: readonly string[];
  /** A floor's own options after the script (`--threads=2`). */
  serverArgs?: readonly string[];
}

export const YAML_SETTINGS = {
  schemas: { [SCHEMA]: '*.isms.yaml' },
  validate: true,
  completion: true,
  hover: true,
  format: { enable: false },
  schemaStore: { enable: false },
  kubernetesCRDStore: { enable: false },
};

function client(spec: ServerSpec): BenchClient {
  if (spec.id === 'floor') {
    return new BenchClient({ name: spec.label, command: process.execPath, args: [spec.serverPath!, '--stdio', ...(spec.serverArgs ?? [])], configuration: () => null });
  }
  if (spec.id === 'isms') {
    return new BenchClient({
      name: spec.label, command: process.execPath, args: [...(spec.execArgv ?? []), spec.serverPath ?? OUR_SERVER, '--stdio'], env: { ISMS_TODAY: CORPUS_TODAY },
      configuration: () => null,
    });
  }
  return new BenchClient({
    name: spec.label, command: process.execPath, args: [YAML_LS, '--stdio'],
    configuration: (item: ConfigurationItem) => {
      if (item.section === 'yaml') return YAML_SETTINGS;
      if (item.section === 'http') return { proxy: '', proxyStrictSSL: false };
      return {};
    },
  });
}

const CAPABILITIES: ClientCapabilities = {
  workspace: {
    configuration: true,
    workspaceFolders: true,
    didChangeConfiguration: { dynamicRegistration: true },
    didChangeWatchedFiles: { dynamicRegistration: true },
  },
  textDocument: {
    synchronization: { dynamicRegistration: false, didSave: true },
    publishDiagnostics: { versionSupport: true, relatedInformation: true },
    completion: { completionItem: { snippetSupport: true, documentationFormat: ['markdown', 'plaintext'] }, contextSupport: true },
    hover: { contentFormat: ['markdown', 'plaintext'] },
  },
};

export function uriOf(absPath: string): string {
  return pathToFileURL(absPath).href;
}

async function start(spec: ServerSpec, folder: string): Promise<{ c: BenchClient; initializeMs: number; initializeFromSendMs: number; capabilities: Record<string, unknown> }> {
  const c = client(spec);
  const folderUri = uriOf(folder);
  const init = await c.initialize({
    rootUri: folderUri,
    capabilities: CAPABILITIES,
    workspaceFolders: [{ uri: folderUri, name: path.basename(folder) }],
    initializationOptions: spec.id === 'isms' ? (spec.debounceMs === undefined ? {} : { debounceMs: spec.debounceMs }) : undefined,
  });
  await c.initialized();
  if (spec.id === 'yaml-ls') {
    // Both ways the brief names: the server pulls `yaml` on initialized; the push below makes it pull again.
    await c.connection.sendNotification('workspace/didChangeConfiguration', { settings: { yaml: YAML_SETTINGS } });
  }
  // Our server asks only after checking the workspace folder, which takes a while for the large corpus.
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([c.configured, new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${spec.label} never asked for its configuration`)), 180_000);
  })]).finally(() => clearTimeout(timer));
  await c.barrier();
  return { c, initializeMs: init.fromSpawnMs, initializeFromSendMs: init.fromSendMs, capabilities: init.result.capabilities as Record<string, unknown> };
}

// ------------------------------------------------------------------------------------
// Positions in the small corpus
// ------------------------------------------------------------------------------------

function positionAt(text: string, offset: number): Position {
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}

/** The value after `key:` on the first such line after `from`. */
function valueAt(text: string, key: string, from: number): { range: Range; value: string; offset: number } {
  const re = new RegExp(`^[ -]*${key}: *([^#\\n]*?) *(?:#.*)?$`, 'gm');
  re.lastIndex = from;
  const m = re.exec(text);
  if (!m) throw new Error(`No '${key}:' after offset ${from}`);
  const offset = m.index + m[0].indexOf(m[1]!, m[0].indexOf(`${key}:`) + key.length + 1);
  return { range: { start: positionAt(text, offset), end: positionAt(text, offset + m[1]!.length) }, value: m[1]!, offset };
}

export interface Probes {
  /** An SoA entry's `status: implemented` value: toggled to a value outside the enum. */
  status: { range: Range; value: string };
  /** The same entry's `owner` value: toggled to an unknown person id. */
  owner: { range: Range; value: string };
  completion: { label: string; position: Position }[];
  hover: { label: string; position: Position }[];
  /** The line of the corpus's deliberate schema error (likelihood: 6). */
  schemaErrorLine: number;
}

export function probesFor(text: string): Probes {
  // The first SoA entry whose status is `implemented` and whose owner is a known person.
  let from = text.indexOf('  controls:\n');
  for (;;) {
    const status = valueAt(text, 'status', from);
    const owner = valueAt(text, 'owner', status.offset);
    if (status.value === 'implemented' && /^[a-z]+$/.test(owner.value) && owner.value !== 'nobody') {
      const idLine = text.lastIndexOf('- id: A.', status.offset);
      const idValue = valueAt(text, 'id', idLine);
      const justification = text.indexOf('justification', idLine);
      const risk = text.indexOf('\nrisks:\n');
      const riskControls = text.indexOf('controls: [', risk) + 'controls: ['.length;
      const schemaError = text.indexOf('likelihood: 6');
      return {
        status: { range: status.range, value: status.value },
        owner: { range: owner.range, value: owner.value },
        completion: [
          { label: 'status value (enum)', position: status.range.end },
          { label: 'owner value (person id)', position: owner.range.end },
          { label: 'control id in a risk', position: positionAt(text, riskControls + 3) },
        ],
        hover: [
          { label: 'key `justification`', position: positionAt(text, justification + 3) },
          { label: 'SoA control id', position: { line: idValue.range.start.line, character: idValue.range.start.character + 2 } },
          { label: 'owner value', position: { line: owner.range.start.line, character: owner.range.start.character + 1 } },
        ],
        schemaErrorLine: positionAt(text, schemaError).line,
      };
    }
    from = owner.offset;
  }
}

// ------------------------------------------------------------------------------------
// Scenarios
// ------------------------------------------------------------------------------------

export interface EditSeries {
  kind: string;
  description: string;
  latency: Stats;
}

export interface SmallSession {
  server: string;
  initializeMs: number;
  initializeFromSendMs: number;
  /** Our server only: spawn → the workspace folder's files published (scan + check). */
  workspacePublishedMs?: number;
  openToFirstDiagnosticsMs: number;
  /** Did the first diagnostics include the corpus's deliberate schema error? */
  reportsSchemaError: boolean;
  firstDiagnostics: number;
  edits: EditSeries[];
  completion?: { latency: Stats; items: Record<string, number> };
  hover?: { latency: Stats; nonEmpty: Record<string, boolean> };
  completionProvider: boolean;
  hoverProvider: boolean;
  /** VmHWM once initialize was answered and the configuration pulled (start-up footprint). */
  rssAfterStartBytes?: number;
  peakRssBytes?: number;
}

const EDITS = 60;
const WARMUP_EDITS = 3;
const REQUESTS = 60;
const WARMUP_REQUESTS = 3;

/** Our server and the floors say which version a publication is for; yaml-language-server does not. */
function versioned(spec: ServerSpec): boolean {
  return spec.id !== 'yaml-ls';
}

/**
 * Our server and the session floor read the workspace folder themselves; yaml-language-server
 * checks open documents only.
 */
function readsFolder(spec: ServerSpec): boolean {
  return spec.id !== 'yaml-ls';
}

function hasLine(diagnostics: readonly Diagnostic[], line: number): boolean {
  return diagnostics.some((d) => d.range.start.line === line);
}

/** Toggles a value `count` times; each edit changes the diagnostics of the value's line. */
async function editSeries(
  c: BenchClient, spec: ServerSpec, uri: string, version: { n: number }, target: { range: Range; value: string }, bad: string, count: number,
): Promise<number[]> {
  const samples: number[] = [];
  let current = target.value;
  const line = target.range.start.line;
  for (let i = 0; i < count + WARMUP_EDITS; i++) {
    await c.barrier();
    const next = current === target.value ? bad : target.value;
    const range: Range = { start: target.range.start, end: { line, character: target.range.start.character + current.length } };
    const expectProblem = next === bad;
    const v = ++version.n;
    const mark = c.mark();
    const sent = performance.now();
    await c.change(uri, v, range, next);
    const p = await c.waitFor(uri, mark, (pub) =>
      (!versioned(spec) || pub.params.version === v) && hasLine(pub.params.diagnostics, line) === expectProblem, 20_000);
    if (i >= WARMUP_EDITS) samples.push(p.at - sent);
    current = next;
  }
  // Leave the document as it was.
  if (current !== target.value) {
    const v = ++version.n;
    const mark = c.mark();
    await c.change(uri, v, { start: target.range.start, end: { line, character: target.range.start.character + current.length } }, target.value);
    await c.waitFor(uri, mark, (pub) => (!versioned(spec) || pub.params.version === v) && !hasLine(pub.params.diagnostics, line), 20_000);
  }
  return samples;
}

function countItems(result: unknown): number {
  if (!result) return 0;
  if (Array.isArray(result)) return result.length;
  return (result as { items?: unknown[] }).items?.length ?? 0;
}

export async function smallSession(spec: ServerSpec, corpus: Corpus, log: (line: string) => void): Promise<SmallSession> {
  const file = corpus.files[0]!;
  const uri = uriOf(file.absPath);
  const probes = probesFor(file.text);
  log(`  ${spec.label}: small corpus session`);
  const { c, initializeMs, initializeFromSendMs, capabilities } = await start(spec, corpus.dir);
  try {
    const session: SmallSession = {
      server: spec.label, initializeMs, initializeFromSendMs, openToFirstDiagnosticsMs: NaN, reportsSchemaError: false, firstDiagnostics: 0, edits: [],
      completionProvider: Boolean(capabilities.completionProvider), hoverProvider: Boolean(capabilities.hoverProvider),
      rssAfterStartBytes: c.peakRssBytes(),
    };
    if (readsFolder(spec)) {
      const settled = await c.waitForAll([uri], 0, 60_000);
      session.workspacePublishedMs = settled - c.spawnedAt;
      await c.barrier();
    }
    // Open → first diagnostics.
    const mark = c.mark();
    const sent = performance.now();
    await c.open(uri, file.text, 1, spec.languageId);
    const first: Publication = await c.waitFor(uri, mark, (p) => !versioned(spec) || p.params.version === 1, 60_000);
    session.openToFirstDiagnosticsMs = first.at - sent;
    session.firstDiagnostics = first.params.diagnostics.length;
    session.reportsSchemaError = hasLine(first.params.diagnostics, probes.schemaErrorLine);
    if (!session.reportsSchemaError) {
      // yaml-language-server may publish once before its schema is loaded: wait for the schema error.
      const later = await c.waitFor(uri, first.seq, (p) => hasLine(p.params.diagnostics, probes.schemaErrorLine), 20_000).catch(() => undefined);
      session.reportsSchemaError = Boolean(later);
    }
    const version = { n: 1 };
    log(`  ${spec.label}: ${EDITS} edits (status enum toggle)`);
    session.edits.push({
      kind: 'schema', description: `SoA status '${probes.status.value}' ↔ 'implemnted' (not in the enum)`,
      latency: stats(await editSeries(c, spec, uri, version, probes.status, 'implemnted', EDITS)),
    });
    if (spec.id !== 'yaml-ls') {
      log(`  ${spec.label}: ${EDITS} edits (owner toggle)`);
      session.edits.push({
        kind: 'reference', description: `SoA owner '${probes.owner.value}' ↔ 'nobody' (unknown person)`,
        latency: stats(await editSeries(c, spec, uri, version, probes.owner, 'nobody', EDITS)),
      });
    }
    if (session.completionProvider) {
      log(`  ${spec.label}: completion ×${REQUESTS}`);
      const samples: number[] = [];
      const items: Record<string, number> = {};
      for (let i = 0; i < REQUESTS + WARMUP_REQUESTS; i++) {
        const probe = probes.completion[i % probes.completion.length]!;
        await c.barrier();
        const { ms, result } = await c.timed('textDocument/completion', { textDocument: { uri }, position: probe.position, context: { triggerKind: 1 } });
        if (i >= WARMUP_REQUESTS) samples.push(ms);
        items[probe.label] = countItems(result);
      }
      session.completion = { latency: stats(samples), items };
    }
    if (session.hoverProvider) {
      log(`  ${spec.label}: hover ×${REQUESTS}`);
      const samples: number[] = [];
      const nonEmpty: Record<string, boolean> = {};
      for (let i = 0; i < REQUESTS + WARMUP_REQUESTS; i++) {
        const probe = probes.hover[i % probes.hover.length]!;
        await c.barrier();
        const { ms, result } = await c.timed('textDocument/hover', { textDocument: { uri }, position: probe.position });
        if (i >= WARMUP_REQUESTS) samples.push(ms);
        nonEmpty[probe.label] = Boolean(result);
      }
      session.hover = { latency: stats(samples), nonEmpty };
    }
    session.peakRssBytes = c.peakRssBytes();
    return session;
  } finally {
    await c.stop();
  }
}

export interface LargeSession {
  server: string;
  initializeMs: number;
  files: number;
  /** spawn → every file of the workspace has published diagnostics. */
  settledFromSpawnMs: number;
  /** yaml-language-server: from sending the first didOpen; ours: from `initialized`. */
  settledFromStartMs: number;
  /** spawn → the first file's diagnostics arrived (how early results start to flow). */
  firstPublishedFromSpawnMs: number;
  filesWithDiagnostics: number;
  diagnostics: number;
  /** Edits of one file of the large workspace, open in the editor. */
  edits: { kind: string; description: string; toEditedFile: Stats; toIdle: Stats }[];
  peakRssBytes?: number;
  note: string;
}

export async function largeSession(spec: ServerSpec, corpus: Corpus, editRelPath: string, log: (line: string) => void): Promise<LargeSession> {
  log(`  ${spec.label}: large corpus session (${corpus.files.length} files)`);
  const uris = corpus.files.map((f) => uriOf(f.absPath));
  const { c, initializeMs } = await start(spec, corpus.dir);
  try {
    let settledAt: number;
    let startedAt: number;
    const mark = readsFolder(spec) ? 0 : c.mark();
    if (readsFolder(spec)) {
      startedAt = c.spawnedAt + initializeMs;
      settledAt = await c.waitForAll(uris, 0);
    } else {
      startedAt = performance.now();
      for (const file of corpus.files) await c.open(uriOf(file.absPath), file.text, 1, spec.languageId);
      settledAt = await c.waitForAll(uris, mark);
    }
    await c.barrier();
    const firstPublished = c.publications.find((p) => p.seq > mark && uris.includes(p.params.uri));
    let filesWithDiagnostics = 0;
    let diagnostics = 0;
    for (const uri of uris) {
      const n = c.latest(uri)?.params.diagnostics.length ?? 0;
      diagnostics += n;
      if (n > 0) filesWithDiagnostics++;
    }
    log(`  ${spec.label}: settled after ${((settledAt - c.spawnedAt) / 1000).toFixed(1)} s; editing ${editRelPath}`);
    const file = corpus.files.find((f) => f.relPath === editRelPath)!;
    const uri = uriOf(file.absPath);
    let version = 1;
    if (readsFolder(spec)) {
      const openMark = c.mark();
      await c.open(uri, file.text, version, spec.languageId);
      await c.waitFor(uri, openMark, (p) => p.params.version === version, 120_000);
      await c.barrier();
    }
    const edits: LargeSession['edits'] = [];
    const owner = valueAt(file.text, 'owner', 0);
    const title = valueAt(file.text, 'title', 0);
    const likelihood = valueAt(file.text, 'likelihood', 0);
    const series = spec.id === 'isms'
      ? [
        { kind: 'reference', description: `first risk's owner '${owner.value}' ↔ 'nobody' (cross-file: all files re-checked)`, target: owner, bad: 'nobody', count: 3, expectLine: true },
        { kind: 'free-text', description: "first risk's title edited (free text: the edited file alone)", target: title, bad: `${title.value} (revised)`, count: 10, expectLine: false },
      ]
      : [{ kind: 'schema', description: `first risk's likelihood '${likelihood.value}' ↔ 9 (above the maximum)`, target: likelihood, bad: '9', count: 10, expectLine: true }];
    for (const s of series) {
      const toFile: number[] = [];
      const toIdle: number[] = [];
      let current = s.target.value;
      const line = s.target.range.start.line;
      for (let i = 0; i < s.count; i++) {
        const next = current === s.target.value ? s.bad : s.target.value;
        const v = ++version;
        const m = c.mark();
        const sent = performance.now();
        await c.change(uri, v, { start: s.target.range.start, end: { line, character: s.target.range.start.character + current.length } }, next);
        const p = await c.waitFor(uri, m, (pub) => (!versioned(spec) || pub.params.version === v)
          && (!s.expectLine || hasLine(pub.params.diagnostics, line) === (next === s.bad)), 120_000);
        await c.barrier();
        // Every second edit returns the file to its original state: both directions are timed.
        toFile.push(p.at - sent);
        toIdle.push(performance.now() - sent);
        current = next;
      }
      if (current !== s.target.value) {
        const v = ++version;
        const m = c.mark();
        await c.change(uri, v, { start: s.target.range.start, end: { line, character: s.target.range.start.character + current.length } }, s.target.value);
        await c.waitFor(uri, m, (pub) => !versioned(spec) || pub.params.version === v, 120_000);
        await c.barrier();
      }
      edits.push({ kind: s.kind, description: s.description, toEditedFile: stats(toFile), toIdle: stats(toIdle) });
    }
    return {
      server: spec.label, initializeMs, files: uris.length,
      settledFromSpawnMs: settledAt - c.spawnedAt, settledFromStartMs: settledAt - startedAt,
      firstPublishedFromSpawnMs: (firstPublished?.at ?? NaN) - c.spawnedAt,
      filesWithDiagnostics, diagnostics, edits, peakRssBytes: c.peakRssBytes(),
      note: readsFolder(spec)
        ? 'workspace folder scanned by the server; no file open'
        : 'every file opened with didOpen (yaml-language-server validates open documents only)',
    };
  } finally {
    await c.stop();
  }
}

/**
 * spawn → initialize answered, `count` fresh processes per server, the servers taken in
 * turn round after round (so that a change of machine load touches all alike); one
 * untimed round first (disk cache).
 */
/** Per server: spawn → `initialize` answered, and its peak RSS (VmHWM) at that moment. */
export async function initializeTimes(specs: readonly ServerSpec[], folder: string, count: number): Promise<{ time: Stats; peakRssBytes: Stats }[]> {
  const samples: number[][] = specs.map(() => []);
  const rss: number[][] = specs.map(() => []);
  for (let i = 0; i <= count; i++) {
    for (const [index, spec] of specs.entries()) {
      const c = client(spec);
      try {
        const folderUri = uriOf(folder);
        const init = await c.initialize({
          rootUri: folderUri, capabilities: CAPABILITIES, workspaceFolders: [{ uri: folderUri, name: path.basename(folder) }],
          initializationOptions: spec.id === 'isms' ? {} : undefined,
        });
        if (i > 0) {
          samples[index]!.push(init.fromSpawnMs);
          const peak = c.peakRssBytes();
          if (peak !== undefined) rss[index]!.push(peak);
        }
      } finally {
        await c.stop();
      }
    }
  }
  return samples.map((times, i) => ({ time: stats(times), peakRssBytes: stats(rss[i]!) }));
}

export interface AnchorCheck {
  ok: boolean;
  messages: string[];
  expected: string[];
  missing: string[];
}

/**
 * Before trusting yaml-language-server's timings: does it load our schema (and the
 * sub-schemas it `$ref`s relatively from disk) and report violations on a known-bad file?
 */
export async function verifyAnchor(dir: string, log: (line: string) => void): Promise<AnchorCheck> {
  log('  yaml-language-server: verifying schema diagnostics on a known-bad file');
  fs.mkdirSync(dir, { recursive: true });
  const badPath = path.join(dir, 'known-bad.isms.yaml');
  const text = [
    'isms: 1',
    'unknownSection: true            # isms.schema.json: additionalProperties',
    'people:',
    '  - id: jane                    # people.schema.json ($ref): name is required',
    'risks:',
    '  - id: R-1',
    '    title: Laptop theft exposes customer data',
    '    likelihood: 9                 # risks.schema.json ($ref): maximum 5',
    '    impact: 2',
    '    treatment: ignore             # risks.schema.json ($ref): enum',
    '',
  ].join('\n');
  fs.writeFileSync(badPath, text);
  const expected: [string, number][] = [['unknownSection (root schema)', 1], ['people[0] name required ($ref people.schema.json)', 3], ['likelihood maximum ($ref risks.schema.json)', 7], ['treatment enum ($ref risks.schema.json)', 9]];
  const spec: ServerSpec = { id: 'yaml-ls', label: 'yaml-language-server', languageId: 'yaml' };
  const { c } = await start(spec, dir);
  try {
    const uri = uriOf(badPath);
    const mark = c.mark();
    await c.open(uri, text, 1, 'yaml');
    const p = await c.waitFor(uri, mark, (pub) => pub.params.diagnostics.length >= expected.length, 30_000).catch(() => c.latest(uri));
    const diagnostics = p?.params.diagnostics ?? [];
    const missing = expected.filter(([, line]) => !hasLine(diagnostics, line)).map(([label]) => label);
    return {
      ok: missing.length === 0,
      messages: diagnostics.map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.message.replace(/\s+/g, ' ').slice(0, 140)}`),
      expected: expected.map(([label]) => label),
      missing,
    };
  } finally {
    await c.stop();
  }
}
