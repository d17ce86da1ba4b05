/**
 * An in-memory WorkspaceHost and workspace builder for core tests:
 * `workspaceOf({ 'soa.isms.yaml': '...' })` gives an IsmsWorkspace rooted at file:///ws.
 */
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import type { DirectoryEntry, WorkspaceHost } from '../../server/src/core/host';
import { parseDate, type CalendarDate } from '../../server/src/core/dates';
import { IsmsWorkspace } from '../../server/src/core/workspace/ismsWorkspace';

export const ROOT = 'file:///ws';

/** Files by path relative to the root; a value `{ dir: true }` makes a folder, `{ link: 'target' }` a symlink. */
export type MemoryTree = Record<string, string | { dir: true } | { link: string }>;

export function memoryHost(tree: MemoryTree, root = ROOT): WorkspaceHost {
  const entries = new Map<string, string | { dir: true } | { link: string }>();
  for (const [rel, content] of Object.entries(tree)) {
    const uri = root + '/' + rel.split('/').map(encodeURIComponent).join('/');
    entries.set(uri, content);
    // Every parent folder exists.
    let parent = uri.slice(0, uri.lastIndexOf('/'));
    while (parent.length > root.length) {
      if (!entries.has(parent)) entries.set(parent, { dir: true });
      parent = parent.slice(0, parent.lastIndexOf('/'));
    }
  }
  entries.set(root, { dir: true });
  const resolve = (uri: string, depth = 0): string | undefined => {
    const e = entries.get(uri);
    if (e === undefined || depth > 20) return undefined;
    if (typeof e === 'object' && 'link' in e) return resolve(e.link.startsWith('file://') ? e.link : root + '/' + e.link, depth + 1);
    return uri;
  };
  return {
    readFile(uri) {
      const real = resolve(uri);
      const e = real === undefined ? undefined : entries.get(real);
      return typeof e === 'string' ? e : undefined;
    },
    stat(uri) {
      const real = resolve(uri);
      const e = real === undefined ? undefined : entries.get(real);
      if (e === undefined) return undefined;
      return typeof e === 'string' ? { kind: 'file', size: e.length } : { kind: 'directory', size: 0 };
    },
    readDirectory(uri) {
      const real = resolve(uri);
      if (real === undefined) return undefined;
      const e = entries.get(real);
      if (typeof e !== 'object' || !('dir' in e)) return undefined;
      const out: DirectoryEntry[] = [];
      for (const [child, content] of entries) {
        if (child.startsWith(real + '/') && !child.slice(real.length + 1).includes('/')) {
          out.push({ name: decodeURIComponent(child.slice(real.length + 1)), kind: typeof content === 'string' ? 'file' : 'link' in content ? 'symlink' : 'directory' });
        }
      }
      return out;
    },
    realpath(uri) {
      // Resolve links segment by segment, like the OS does.
      const parts = uri.slice(root.length).split('/').filter(Boolean);
      let current = root;
      for (const part of parts) {
        const next = resolve(current + '/' + part);
        if (next === undefined) return undefined;
        current = next;
      }
      return current;
    },
  };
}

export interface WorkspaceOfOptions {
  today?: string;
  cli?: boolean;
}

export function workspaceOf(tree: MemoryTree, options: WorkspaceOfOptions = {}): IsmsWorkspace {
  const today: CalendarDate = parseDate(options.today ?? '2026-11-28')!;
  const ws = new IsmsWorkspace({
    host: memoryHost(tree),
    folderUri: ROOT,
    today: () => today,
    unusedSuppressionSeverity: options.cli ? DiagnosticSeverity.Warning : DiagnosticSeverity.Hint,
  });
  ws.scan();
  return ws;
}

export function uriOf(rel: string): string {
  return ROOT + '/' + rel.split('/').map(encodeURIComponent).join('/');
}

/** Diagnostics of one file as `line:char-line:char code` strings, for compact assertions. */
export function diagnosticsOf(ws: IsmsWorkspace, rel: string, codes?: readonly string[]): Diagnostic[] {
  const all = ws.diagnose(uriOf(rel))?.diagnostics ?? [];
  return codes ? all.filter((d) => codes.includes(String(d.code))) : all;
}

/** The text a diagnostic's range covers. */
export function textAt(ws: IsmsWorkspace, rel: string, d: Diagnostic): string {
  const file = ws.file(uriOf(rel))!;
  return file.text.slice(file.lines.offsetAt(d.range.start), file.lines.offsetAt(d.range.end));
}

/** `{ code, line (1-based), text }` — what a reviewer reads in a failing assertion. */
export function summarize(ws: IsmsWorkspace, rel: string, codes?: readonly string[]): { code: string; line: number; text: string }[] {
  return diagnosticsOf(ws, rel, codes).map((d) => ({ code: String(d.code), line: d.range.start.line + 1, text: textAt(ws, rel, d) }));
}
