/**
 * Finds the ISMS files of a workspace folder through the injected host. Skips
 * `node_modules` and dot-folders (spec §9), never follows symbolic links to folders
 * (loops, escapes), and stops at a cap instead of freezing on a huge tree.
 */
import type { WorkspaceHost } from '../host';
import { childUri, isIsmsFileName } from '../uri';
import { safeHost } from './safeHost';

export interface ScanLimits {
  /** Most ISMS files collected. */
  maxFiles: number;
  /** Most directory entries looked at, ISMS or not. */
  maxEntries: number;
}

export const DEFAULT_SCAN_LIMITS: ScanLimits = { maxFiles: 20_000, maxEntries: 500_000 };

export interface ScanResult {
  uris: string[];
  /** True when a limit stopped the scan early. */
  truncated: boolean;
  /** Folders that could not be listed. */
  unreadable: string[];
}

export function scanWorkspace(host: WorkspaceHost, folderUri: string, limits: ScanLimits = DEFAULT_SCAN_LIMITS): ScanResult {
  // A host that throws anyway (a folder removed mid-scan, a plug-in host) gets an entry
  // counted as unreadable, not a crash.
  const safe = safeHost(host);
  const result: ScanResult = { uris: [], truncated: false, unreadable: [] };
  const pending = [folderUri.replace(/\/+$/, '')];
  let entriesSeen = 0;
  while (pending.length > 0) {
    const dir = pending.shift()!;
    const entries = safe.readDirectory(dir);
    if (!entries) {
      result.unreadable.push(dir);
      continue;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (++entriesSeen > limits.maxEntries || result.uris.length >= limits.maxFiles) {
        result.truncated = true;
        return result;
      }
      const child = childUri(dir, entry.name);
      if (entry.kind === 'directory') {
        if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
        pending.push(child);
      } else if (isIsmsFileName(entry.name) && (entry.kind === 'file' || (entry.kind === 'symlink' && safe.stat(child)?.kind === 'file'))) {
        result.uris.push(child);
      }
    }
  }
  return result;
}
