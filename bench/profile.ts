/**
 * `npm run bench -- --profile`: CPU profiles of the core on the large corpus — the full
 * check, and the re-check after a free-text edit — taken by .bench/profileChild.js (an
 * esbuild bundle like dist/server.js) with node:inspector, frames mapped back to the
 * TypeScript sources through the bundle's source map, and summarised: top self-time
 * functions, files and areas, and inclusive time of the product's functions.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

export interface ProfileRow {
  name: string;
  ms: number;
  share: number;
}

export interface ProfileSummary {
  file: string;
  totalMs: number;
  selfByFunction: ProfileRow[];
  selfByFile: ProfileRow[];
  selfByArea: ProfileRow[];
  /** Time with the function anywhere on the stack (each sample counted once per function). */
  inclusiveProduct: ProfileRow[];
}

/** Runs the profiled child and summarises its two profiles (full check; free-text edit). */
export function profileCore(root: string, largeDir: string, editedFile: string, outDir: string): { full: ProfileSummary; edit: ProfileSummary } {
  fs.rmSync(outDir, { recursive: true, force: true });
  fs.mkdirSync(outDir, { recursive: true });
  const child = spawnSync(process.execPath, [path.join(root, '.bench/profileChild.js'), outDir, largeDir, editedFile], {
    cwd: root, stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (child.status !== 0) throw new Error(`The profiled check failed (exit ${child.status})`);
  return {
    full: summarise(path.join(outDir, 'full.cpuprofile'), root),
    edit: summarise(path.join(outDir, 'edit.cpuprofile'), root),
  };
}

// ------------------------------------------------------------------------------------
// Source maps (v3): generated line/column → original file and line
// ------------------------------------------------------------------------------------

interface Segment {
  column: number;
  source: number;
  line: number;
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

function decodeVlq(text: string): number[] {
  const out: number[] = [];
  let value = 0;
  let shift = 0;
  for (const char of text) {
    const digit = B64.indexOf(char);
    value += (digit & 31) << shift;
    if (digit & 32) {
      shift += 5;
    } else {
      out.push(value & 1 ? -(value >>> 1) : value >>> 1);
      value = 0;
      shift = 0;
    }
  }
  return out;
}

class SourceMap {
  private readonly lines: Segment[][] = [];
  readonly sources: string[];

  constructor(map: { sources: string[]; mappings: string }, mapDir: string) {
    this.sources = map.sources.map((s) => path.resolve(mapDir, s));
    let source = 0;
    let line = 0;
    for (const generated of map.mappings.split(';')) {
      const segments: Segment[] = [];
      let column = 0;
      for (const part of generated.split(',')) {
        if (!part) continue;
        const fields = decodeVlq(part);
        column += fields[0]!;
        if (fields.length >= 4) {
          source += fields[1]!;
          line += fields[2]!;
          segments.push({ column, source, line });
        }
      }
      this.lines.push(segments);
    }
  }

  /** Original file and 1-based line of a 0-based generated position. */
  lookup(line: number, column: number): { file: string; line: number } | undefined {
    const segments = this.lines[line];
    if (!segments || segments.length === 0) return undefined;
    let best = segments[0]!;
    for (const s of segments) if (s.column <= column) best = s;
    return { file: this.sources[best.source]!, line: best.line + 1 };
  }
}

function loadSourceMap(url: string, cache: Map<string, SourceMap | null>): SourceMap | null {
  if (!url.startsWith('file://') || !url.endsWith('.js')) return null;
  if (cache.has(url)) return cache.get(url)!;
  const file = url.slice('file://'.length);
  let map: SourceMap | null = null;
  try {
    map = new SourceMap(JSON.parse(fs.readFileSync(`${file}.map`, 'utf8')), path.dirname(file));
  } catch {
    map = null;
  }
  cache.set(url, map);
  return map;
}

function shortUrl(url: string, root: string): string {
  let u = url.replace(/^file:\/\//, '');
  if (u.startsWith(root)) u = u.slice(root.length + 1);
  return u.replace(/^node_modules\//, '');
}

function area(url: string, functionName: string): string {
  if (!url) return functionName.startsWith('(') ? functionName : '(native/builtin)';
  if (url.includes('node_modules/yaml/')) return 'yaml package';
  if (url.includes('/.bench/')) return 'bundle helpers (esbuild export getters)';
  const m = /server\/src\/(core\/[a-z]+)\/?([A-Za-z]+)?/.exec(url);
  if (m) return m[1] === 'core/rules' ? `core/rules/${m[2]}` : m[1]!;
  if (url.includes('server/src/')) return 'server (other)';
  if (url.includes('node_modules/')) return url.replace(/.*node_modules\/((?:@[^/]+\/)?[^/]+).*/, '$1');
  if (url.startsWith('node:')) return 'node internals';
  return 'other';
}

export function summarise(profilePath: string, root: string): ProfileSummary {
  const profile = JSON.parse(fs.readFileSync(profilePath, 'utf8')) as CpuProfile;
  const byId = new Map<number, ProfileNode>();
  const parent = new Map<number, number>();
  const maps = new Map<string, SourceMap | null>();
  for (const node of profile.nodes) {
    const cf = node.callFrame as CallFrame & { columnNumber?: number };
    const original = loadSourceMap(cf.url, maps)?.lookup(cf.lineNumber, cf.columnNumber ?? 0);
    if (original) node.callFrame = { ...cf, url: `file://${original.file}`, lineNumber: original.line - 1 };
    byId.set(node.id, node);
  }
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const keyOf = (node: ProfileNode) => {
    const cf = node.callFrame;
    return `${cf.functionName || '(anonymous)'} ${shortUrl(cf.url, root)}${cf.url ? `:${cf.lineNumber + 1}` : ''}`;
  };
  const self = new Map<string, number>();
  const selfFile = new Map<string, number>();
  const selfArea = new Map<string, number>();
  const inclusive = new Map<string, number>();
  let total = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    const node = byId.get(profile.samples[i]!)!;
    const name = node.callFrame.functionName;
    if (name === '(idle)') continue;
    total += dt;
    const key = keyOf(node);
    self.set(key, (self.get(key) ?? 0) + dt);
    const fileKey = node.callFrame.url ? shortUrl(node.callFrame.url, root) : name;
    selfFile.set(fileKey, (selfFile.get(fileKey) ?? 0) + dt);
    const a = area(node.callFrame.url, name);
    selfArea.set(a, (selfArea.get(a) ?? 0) + dt);
    const seen = new Set<string>();
    for (let id: number | undefined = node.id; id !== undefined; id = parent.get(id)) {
      const n = byId.get(id)!;
      if (!n.callFrame.url.includes('server/src/')) continue;
      const k = keyOf(n);
      if (seen.has(k)) continue;
      seen.add(k);
      inclusive.set(k, (inclusive.get(k) ?? 0) + dt);
    }
  }
  const rows = (map: Map<string, number>, limit: number): ProfileRow[] =>
    [...map].sort((a, b) => b[1] - a[1]).slice(0, limit).map(([name, ms]) => ({ name, ms, share: ms / total }));
  return {
    file: path.relative(root, profilePath),
    totalMs: total,
    selfByFunction: rows(self, 30),
    selfByFile: rows(selfFile, 20),
    selfByArea: rows(selfArea, 25),
    inclusiveProduct: rows(inclusive, 30),
  };
}

export function printProfile(summary: ProfileSummary, print: (line: string) => void): void {
  const table = (title: string, rows: ProfileRow[]) => {
    print('');
    print(`| ${title} | ms | share |`);
    print('|---|---:|---:|');
    for (const r of rows) print(`| \`${r.name}\` | ${r.ms.toFixed(0)} | ${(r.share * 100).toFixed(1)}% |`);
  };
  print(`\`${summary.file}\`: ${(summary.totalMs / 1000).toFixed(1)} s of samples (open it in Chrome DevTools › Performance, or VS Code).`);
  table('self time by area', summary.selfByArea);
  table('self time by function', summary.selfByFunction);
  table('self time by file', summary.selfByFile);
  table('inclusive time, product functions', summary.inclusiveProduct);
}
