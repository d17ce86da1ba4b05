/**
 * The core's WorkspaceHost backed by the real disk, for the LSP server and the CLI.
 * Synchronous on purpose: the core reads a few files per check and the calls are fast;
 * every fault (missing, unreadable, a symbolic-link loop, a folder removed meanwhile)
 * becomes `undefined`, never an exception.
 */
import * as fs from 'node:fs';
import type { DirectoryEntry, FileStat, WorkspaceHost } from '../core/host';
import { pathToUri, uriToPath } from '../core/uri';
import { MAX_FILE_BYTES } from '../core/parse/ismsFile';

/** What the core sees of a file above the size cap: enough text to report it, no content. */
function tooLarge(): string {
  return 'x'.repeat(MAX_FILE_BYTES + 1);
}

export function createDiskHost(): WorkspaceHost {
  return {
    readFile(uri) {
      let fd: number | undefined;
      try {
        // One open file for the checks and the read, so that the file cannot be swapped or
        // grow in between; non-blocking, so that a FIFO named *.isms.yaml cannot hang us.
        fd = fs.openSync(uriToPath(uri), fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
        const stat = fs.fstatSync(fd);
        if (!stat.isFile()) return undefined;
        // A file above the cap is reported by its size and never read whole, even if it
        // grows while we read (at most one byte past the cap is read).
        if (stat.size > MAX_FILE_BYTES) return tooLarge();
        let buffer = Buffer.allocUnsafe(stat.size + 1);
        let length = 0;
        for (;;) {
          if (length === buffer.length) {
            if (length > MAX_FILE_BYTES) return tooLarge();
            const grown = Buffer.allocUnsafe(Math.min(MAX_FILE_BYTES + 1, buffer.length * 2));
            buffer.copy(grown, 0, 0, length);
            buffer = grown;
          }
          const n = fs.readSync(fd, buffer, length, buffer.length - length, null);
          if (n === 0) break;
          length += n;
        }
        if (length > MAX_FILE_BYTES) return tooLarge();
        const text = buffer.toString('utf8', 0, length);
        return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
      } catch {
        return undefined;
      } finally {
        if (fd !== undefined) {
          try {
            fs.closeSync(fd);
          } catch {
            // Closing a file we could read cannot fail in a way that matters here.
          }
        }
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
