/**
 * A WorkspaceHost that keeps its contract even when the host it wraps does not. The
 * contract says a fault is `undefined`, never an exception, and the scanner, the rules
 * and the features rely on it; but a host is injected (an editor's virtual file system,
 * a plug-in, a test), and one that throws would otherwise turn an unreadable file into
 * a failed check, a rule logged as broken, or a feature that answers nothing.
 */
import type { DirectoryEntry, FileStat, WorkspaceHost } from '../host';

export function safeHost(host: WorkspaceHost): WorkspaceHost {
  return {
    readFile: (uri) => attempt(() => host.readFile(uri), (v): v is string => typeof v === 'string'),
    stat: (uri) => attempt(() => host.stat(uri), (v): v is FileStat => typeof v === 'object' && v !== null && typeof (v as FileStat).kind === 'string'),
    readDirectory: (uri) => attempt(() => host.readDirectory(uri), (v): v is DirectoryEntry[] => Array.isArray(v)),
    realpath: (uri) => attempt(() => host.realpath(uri), (v): v is string => typeof v === 'string'),
  };
}

/**
 * The answer, or `undefined` — what the contract answers for "missing or unreadable" —
 * when the host throws or answers something else (a JavaScript host's `null` is the
 * usual case), since the callers test for `undefined` only.
 */
function attempt<T>(read: () => unknown, valid: (value: unknown) => value is T): T | undefined {
  try {
    const value = read();
    return valid(value) ? value : undefined;
  } catch {
    return undefined;
  }
}
