/**
 * The core's WorkspaceHost backed by the real disk, for the LSP server and the CLI.
 * Synchronous on purpose: the core reads a few files per check and the calls are fast;
 * every fault becomes `undefined`, never an exception.
 */
import * as fs from 'node:fs';
import type { DirectoryEntry, FileStat, WorkspaceHost } from '../core/host';
import { pathToUri, uriToPath } from '../core/uri';
import { MAX_FILE_BYTES } from '../core/parse/ismsFile';

export function createDiskHost(): WorkspaceHost {
  return {
    readFile(uri) {
      try {
        const path = uriToPath(uri);
        const stat = fs.statSync(path);
        if (!stat.isFile()) return undefined;
        // Oversized files are read only far enough for the core to report their size.
        if (stat.size > MAX_FILE_BYTES) return 'x'.repeat(MAX_FILE_BYTES + 1);
        const text = fs.readFileSync(path, 'utf8');
        return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
      } catch {
        return undefined;
      }
    },
    stat(uri): FileStat | undefined {
      try {
        const stat = fs.statSync(uriToPath(uri));
        return { kind: stat.isFile() ? 'file' : stat.isDirectory() ? 'directory' : 'other', size: stat.size };
      } catch {
        return undefined;
      }
    },
    readDirectory(uri): DirectoryEntry[] | undefined {
      try {
        return fs.readdirSync(uriToPath(uri), { withFileTypes: true }).map((entry) => ({
          name: entry.name,
          kind: entry.isSymbolicLink() ? 'symlink' : entry.isDirectory() ? 'directory' : entry.isFile() ? 'file' : 'other',
        }));
      } catch {
        return undefined;
      }
    },
    realpath(uri) {
      try {
        return pathToUri(fs.realpathSync.native(uriToPath(uri)));
      } catch {
        return undefined;
      }
    },
  };
}
