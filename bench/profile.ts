/**
 * `npm run bench -- --profile`: CPU profile of the core's full check of the large corpus
 * (`node --cpu-prof`, sources loaded through tsx so that every frame keeps its file), and
 * a summary of the top self-time and inclusive-time functions.
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

/** Runs the profiled child and summarises its profile. */
export function profileCore(root: string, largeDir: string, outDir: string): ProfileSummary {
  fs.rmSync(outDir, { recursive: true, force: true });
  fs.mkdirSync(outDir, { recursive: true });
  const child = spawnSync(process.execPath, [
    '--cpu-prof', '--cpu-prof-dir', outDir, '--cpu-prof-interval', '250',
    '--import', 'tsx', path.join(root, 'bench/profileChild.ts'), largeDir,
  ], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env } });
  if (child.status !== 0) throw new Error(`The profiled check failed (exit ${child.status})`);
  const file = fs.readdirSync(outDir).find((f) => f.endsWith('.cpuprofile'));
  if (!file) throw new Error(`No .cpuprofile in ${outDir}`);
  return summarise(path.join(outDir, file), root);
}

function shortUrl(url: string, root: string): string {
  let u = url.replace(/^file:\/\//, '');
  if (u.startsWith(root)) u = u.slice(root.length + 1);
  return u.replace(/^node_modules\//, '');
}

function area(url: string, functionName: string): string {
  if (!url) return functionName.startsWith('(') ? functionName : '(native/builtin)';
  if (url.includes('node_modules/yaml/')) return 'yaml package';
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
  for (const node of profile.nodes) byId.set(node.id, node);
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
  print(`Profile ${summary.file}: ${(summary.totalMs / 1000).toFixed(1)} s of samples`);
  table('self time by area', summary.selfByArea);
  table('self time by function', summary.selfByFunction);
  table('self time by file', summary.selfByFile);
  table('inclusive time, product functions', summary.inclusiveProduct);
}
