/**
 * Minimal `file:` URI arithmetic, so that the core needs neither `path` nor `url`.
 * URIs are kept in the canonical form VS Code sends: `file:///abs/path`, with
 * percent-encoding of reserved characters in segments.
 */

const FILE_PREFIX = 'file://';

/** `/a/b c` → `file:///a/b%20c`. Windows drive paths (`C:\x`) become `file:///c%3A/x`. */
export function pathToUri(path: string): string {
  let p = path.replace(/\\/g, '/');
  // Drive letters in lower case, as VS Code writes them (`file:///c%3A/x`).
  if (/^[A-Za-z]:\//.test(p)) p = '/' + p[0]!.toLowerCase() + p.slice(1);
  return FILE_PREFIX + p.split('/').map(encodeSegment).join('/');
}

/** `file:///a/b%20c` → `/a/b c`. */
export function uriToPath(uri: string): string {
  const rest = uri.startsWith(FILE_PREFIX) ? uri.slice(FILE_PREFIX.length) : uri;
  const slash = rest.indexOf('/');
  const path = slash < 0 ? '/' : rest.slice(slash);
  const decoded = path.includes('%') ? path.split('/').map(safeDecode).join('/') : path;
  return /^\/[A-Za-z]:\//.test(decoded) ? decoded.slice(1) : decoded;
}

/** Characters encodeURIComponent leaves alone and the replacement below does not touch. */
const UNRESERVED = /^[A-Za-z0-9._~-]*$/;

// The fast paths matter: a large ISMS converts paths and URIs hundreds of thousands of times.
function encodeSegment(segment: string): string {
  if (UNRESERVED.test(segment)) return segment;
  return encodeURIComponent(segment).replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());
}

function safeDecode(segment: string): string {
  if (!segment.includes('%')) return segment;
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** Normalises a URI the way VS Code does for comparisons (decode, re-encode). */
export function normalizeUri(uri: string): string {
  return pathToUri(uriToPath(uri));
}

export function dirnameUri(uri: string): string {
  const path = uriToPath(uri);
  const i = path.lastIndexOf('/');
  return pathToUri(i <= 0 ? '/' : path.slice(0, i));
}

export function basenameUri(uri: string): string {
  const path = uriToPath(uri);
  return path.slice(path.lastIndexOf('/') + 1);
}

/** Joins a relative POSIX path (may contain `..`) onto a folder URI, normalising dots. */
export function joinUri(folderUri: string, relative: string): string {
  return pathToUri(normalizePath(uriToPath(folderUri) + '/' + relative));
}

/** Resolves `.` and `..` segments; never climbs above the root. */
export function normalizePath(path: string): string {
  const out: string[] = [];
  for (const segment of path.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') out.pop();
    else out.push(segment);
  }
  return '/' + out.join('/');
}

/** True when `uri` is `folderUri` itself or lies below it. */
export function isUriInside(uri: string, folderUri: string): boolean {
  const child = uriToPath(uri);
  const folder = uriToPath(folderUri).replace(/\/+$/, '');
  return child === folder || child.startsWith(folder + '/') || folder === '';
}

/** Path of `uri` relative to `folderUri` with `/` separators, or the absolute path if outside. */
export function relativePath(folderUri: string, uri: string): string {
  const child = uriToPath(uri);
  const folder = uriToPath(folderUri).replace(/\/+$/, '');
  return child.startsWith(folder + '/') ? child.slice(folder.length + 1) : child;
}

/** `.isms.yaml` / `.isms.yml` — the file names that make up an ISMS. */
export function isIsmsFileName(name: string): boolean {
  return /\.isms\.ya?ml$/i.test(name);
}

/** The URI of an entry named `name` inside the folder `folderUri`. */
export function childUri(folderUri: string, name: string): string {
  return folderUri.replace(/\/+$/, '') + '/' + encodeSegment(name);
}
