/**
 * A WorkspaceHost that remembers answers for the length of one check pass: hundreds of
 * evidence links ask for the same folders' real paths and listings. A new pass gets a
 * new instance, so changes on disk are seen at the next check.
 */
import type { DirectoryEntry, FileStat, WorkspaceHost } from '../host';

export function memoHost(host: WorkspaceHost): WorkspaceHost {
  const stats = new Map<string, FileStat | undefined>();
  const listings = new Map<string, DirectoryEntry[] | undefined>();
  const realpaths = new Map<string, string | undefined>();
  const remember = <T>(cache: Map<string, T>, key: string, compute: () => T): T => {
    if (cache.has(key)) return cache.get(key)!;
    const value = compute();
    cache.set(key, value);
    return value;
  };
  return {
    readFile: (uri) => host.readFile(uri),
    stat: (uri) => remember(stats, uri, () => host.stat(uri)),
    readDirectory: (uri) => remember(listings, uri, () => host.readDirectory(uri)),
    realpath: (uri) => remember(realpaths, uri, () => host.realpath(uri)),
  };
}
