/**
 * The file system as the core sees it. The LSP server and the CLI pass one backed by
 * the disk; tests pass an in-memory one. Every method answers `undefined` rather than
 * throwing when the file is missing or unreadable: a fault is data, not a crash.
 * All locations are `file:` URIs.
 */
export interface WorkspaceHost {
  /** The file's text, or undefined when it cannot be read. */
  readFile(uri: string): string | undefined;
  /** What is at the URI (after following symbolic links), or undefined when nothing is. */
  stat(uri: string): FileStat | undefined;
  /** The entries of a folder (not recursive), or undefined when it cannot be listed. */
  readDirectory(uri: string): DirectoryEntry[] | undefined;
  /** The URI with every symbolic link resolved, or undefined when it does not resolve. */
  realpath(uri: string): string | undefined;
}

export type FileKind = 'file' | 'directory' | 'other';

export interface FileStat {
  kind: FileKind;
  size: number;
}

export interface DirectoryEntry {
  name: string;
  /** `symlink` entries are not followed by the scanner (loops, escapes). */
  kind: FileKind | 'symlink';
}
