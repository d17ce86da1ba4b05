/**
 * Judges an evidence `link` once, for the five link rules (spec §9 "Overlaps"): a link gets
 * at most one link diagnostic, the first that applies of invalid → outside-workspace →
 * absolute-path → insecure → missing-file. Each rule asks for the verdict and reports it
 * only when the verdict is its own, so switching one rule off never promotes another.
 *
 * Web links are judged by their text alone (never any network access); relative paths
 * through the injected host, against the folder of the file that holds them.
 */
import { isScalar, type Scalar } from 'yaml';
import type { DirectoryEntry, WorkspaceHost } from '../host';
import type { Item } from '../model/facts';
import { valueOf } from '../parse/yamlAccess';
import { closestMatches, orList } from '../text/closest';
import { basenameUri, dirnameUri, joinUri, normalizePath, pathToUri, relativePath, uriToPath } from '../uri';
import type { Rule, RuleContext } from './rule';

export type LinkCode =
  | 'evidence-invalid-link'
  | 'evidence-outside-workspace'
  | 'evidence-absolute-path'
  | 'evidence-insecure-link'
  | 'evidence-missing-file';

export interface LinkVerdict {
  code: LinkCode;
  message: string;
  data: Record<string, unknown>;
}

/** What the verdict needs from the rule context. */
export interface LinkContext {
  /** The file that holds the link (relative paths start at its folder). */
  fileUri: string;
  folderUri: string;
  host: WorkspaceHost;
  /**
   * Where relative paths led earlier in the same check pass, by target: many items link the
   * same document. Only for a host that lives one pass.
   */
  resolved?: Map<string, Resolution>;
  /** False when only the verdict matters (document links): a missing file gets no "did you mean". */
  suggest?: boolean;
}

/** A scheme of two or more characters: a single letter before `:` is a Windows drive. */
const SCHEME = /^([A-Za-z][A-Za-z0-9+.-]+):/;
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/;
/** A host name as `URL` leaves it (lower case, punycode), an IPv4 address, or `[IPv6]`. */
const HOST_NAME = /^(?:\[[0-9a-f:.]+\]|[a-z0-9_](?:[a-z0-9_-]*[a-z0-9_])?(?:\.[a-z0-9_](?:[a-z0-9_-]*[a-z0-9_])?)*\.?)$/;
const ACTIVE_SCHEMES = new Set(['javascript', 'vbscript', 'data', 'blob']);

/** The verdict on one link text, or undefined when the link is fine. */
export function judgeLink(link: string, label: string, at: LinkContext): LinkVerdict | undefined {
  const text = link.trim();
  const shown = `The link '${shorten(text)}' of ${label}`;
  const invalid = (why: string, data: Record<string, unknown> = {}): LinkVerdict => ({ code: 'evidence-invalid-link', message: `${shown} ${why}`, data: { link: text, ...data } });

  if (text === '') {
    return { code: 'evidence-invalid-link', message: `${capitalize(label)} has an empty link, so an auditor cannot find the evidence. Write a path relative to this file or an https:// address.`, data: { link: text } };
  }
  if (CONTROL_CHARACTERS.test(text)) {
    return invalid('contains control characters (a tab or line break), so it cannot be opened. Write the path or address on one line.');
  }

  const scheme = SCHEME.exec(text)?.[1]?.toLowerCase();
  if (scheme === 'http' || scheme === 'https') {
    const problem = webLinkProblem(text);
    if (problem) return invalid(`is not a valid web address (${problem}), so an auditor cannot open it. Correct the address, e.g. https://example.com/policy.`);
    if (scheme === 'https') return undefined;
    const replacement = 'https' + text.slice(scheme.length);
    return {
      code: 'evidence-insecure-link',
      message: `${shown} uses unencrypted http, so the evidence can be read or altered on its way and auditors expect https. Use the https:// address ('${shorten(replacement)}').`,
      data: { link: text, replacement },
    };
  }
  if (scheme !== undefined) {
    if (scheme === 'file') {
      return invalid("is a file: URL, which points to one computer's disk; an auditor or a colleague cannot open it. Put the file in the workspace and link it with a path relative to this file.", { scheme });
    }
    if (ACTIVE_SCHEMES.has(scheme)) {
      return invalid(`is a ${scheme}: link, which runs or embeds content instead of pointing to a document, and is not evidence an auditor can review. Link a file in the workspace or an https:// page.`, { scheme });
    }
    return invalid(`uses the ${scheme}: scheme; evidence must be a file in the workspace or an https:// page that an auditor can open. Link one of those instead (if this is a file name, write it as './${shorten(text)}').`, { scheme });
  }

  if (isAbsolutePath(text)) {
    // An absolute path is reported as such, never as "outside": it is wrong wherever it points.
    const data: Record<string, unknown> = { link: text };
    const relative = text.startsWith('~') ? undefined : relativeWithinWorkspace(text, at);
    if (relative !== undefined) data.relative = relative;
    const advice = relative !== undefined ? `Link it relative to this file: '${relative}'.` : 'Put the file in the workspace and link it with a path relative to this file.';
    return { code: 'evidence-absolute-path', message: `${shown} is an absolute path on one computer, so an auditor, a colleague or the CI cannot open it. ${advice}`, data };
  }

  return judgeRelativePath(text, shown, invalid, at);
}

function judgeRelativePath(text: string, shown: string, invalid: (why: string) => LinkVerdict, at: LinkContext): LinkVerdict | undefined {
  // `#fragment` and `?query` are ignored; no percent-decoding (a plain path is a file name).
  // Backslashes are Windows separators: `..\..\x` must not slip past the outside check.
  const pathEnd = text.search(/[?#]/);
  const path = (pathEnd < 0 ? text : text.slice(0, pathEnd)).replace(/\\/g, '/');
  if (path === '') return invalid('names no file, only a fragment or query, so an auditor has nothing to open. Write the path of the file, relative to this file.');

  const found = resolveRelativePath(path, at);
  switch (found.kind) {
    case 'outside':
      return {
        code: 'evidence-outside-workspace',
        message: `${shown} leads outside the workspace folder (to ${found.resolved}). Evidence outside the ISMS repository is not kept with it, and an auditor given the repository cannot open it. Move the file into the workspace and link it relative to this file.`,
        data: { link: text, resolved: found.resolved },
      };
    case 'through-symlink':
      return {
        code: 'evidence-outside-workspace',
        message: `${shown} goes through a symbolic link to ${found.real}, outside the workspace folder. Evidence outside the ISMS repository is not kept with it, and an auditor given the repository cannot open it. Copy the file into the workspace instead of linking to it.`,
        data: { link: text, resolved: found.real },
      };
    case 'exists':
      return undefined;
    case 'missing': {
      const slash = path.lastIndexOf('/');
      const suggestions = found.similar.map((name) => text.slice(0, slash + 1) + name + text.slice(path.length));
      const hint = suggestions.length > 0 ? ` Did you mean ${orList(suggestions.map((s) => `'${s}'`))}?` : /^www\./i.test(path) ? ` If it is a web page, write it as 'https://${shorten(text)}'.` : '';
      return {
        code: 'evidence-missing-file',
        message: `${shown} points to ${found.relative}, which does not exist, so an auditor following it finds nothing. Add the file or correct the path (it is relative to this file's folder).${hint}`,
        data: { link: text, resolved: found.relative, suggestions },
      };
    }
  }
}

/** Where a relative link path leads, apart from how the link is worded. */
export type Resolution =
  | { kind: 'outside'; resolved: string }
  | { kind: 'through-symlink'; real: string }
  | { kind: 'exists' }
  | { kind: 'missing'; relative: string; similar: readonly string[] };

/** Resolving takes path arithmetic, real paths and, for a missing file, "did you mean" against its folder. */
function resolveRelativePath(path: string, at: LinkContext): Resolution {
  const target = joinUri(dirnameUri(at.fileUri), path);
  if (!at.resolved) return resolveTarget(target, at);
  const key = `${at.folderUri}\n${target}`;
  let found = at.resolved.get(key);
  if (!found) at.resolved.set(key, (found = resolveTarget(target, at)));
  return found;
}

function resolveTarget(target: string, at: LinkContext): Resolution {
  const workspacePath = uriToPath(at.folderUri);
  if (!isPathInside(uriToPath(target), workspacePath)) return { kind: 'outside', resolved: uriToPath(target) };
  const deepest = realpathOfDeepestExisting(target, at);
  const real = deepest?.real;
  const realWorkspace = canonicalPath(at.host.realpath(at.folderUri)) ?? workspacePath;
  if (real !== undefined && !isPathInside(real, realWorkspace)) return { kind: 'through-symlink', real };
  // A file or a folder: both fine. A target that resolves exists (even below a symlinked folder).
  if (deepest?.isTarget || at.host.stat(target) !== undefined) return { kind: 'exists' };
  return { kind: 'missing', relative: relativePath(at.folderUri, target), similar: at.suggest === false ? [] : similarNames(target, at.host) };
}

/** Why an http(s) link is malformed, or undefined when it is well formed. */
function webLinkProblem(text: string): string | undefined {
  // `URL` accepts `https:host` and `https:///host`; a written address has `//` and a host.
  const authority = /^[a-z]+:\/\/([^/?#\\]*)/i.exec(text);
  if (!authority) return "'//' must follow the scheme";
  if (authority[1] === '' || authority[1]!.endsWith('@')) return 'no host name';
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return /\s/.test(text) ? 'it contains spaces' : 'it does not parse';
  }
  if (!HOST_NAME.test(url.hostname)) return `'${url.hostname}' is not a host name`;
  return undefined;
}

/** POSIX `/x`, home `~/x`, Windows `C:\x`, `C:/x`, `C:x`, `\x` and UNC `\\server\share`. */
function isAbsolutePath(text: string): boolean {
  return /^[/\\]/.test(text) || /^[A-Za-z]:/.test(text) || /^~(?:[/\\]|$)/.test(text);
}

/** For an absolute path inside the workspace, the relative link that would replace it. */
function relativeWithinWorkspace(text: string, at: LinkContext): string | undefined {
  if (/^[/\\]{2}/.test(text)) return undefined; // UNC: another machine
  const target = comparable(normalizePath(uriToPath(pathToUri(text.replace(/[?#].*$/, '')))));
  const workspace = comparable(uriToPath(at.folderUri));
  if (!isPathInside(target, workspace)) return undefined;
  const from = comparable(uriToPath(dirnameUri(at.fileUri))).split('/').filter(Boolean);
  const to = target.split('/').filter(Boolean);
  let common = 0;
  while (common < from.length && common < to.length && from[common] === to[common]) common++;
  const up = from.slice(common).map(() => '..');
  const relative = [...up, ...to.slice(common)].join('/');
  return relative === '' ? '.' : relative;
}

/**
 * The real path of the link target, or of its deepest existing ancestor when the target
 * does not exist (a missing file below a symlinked folder still lives where that folder
 * really is). Undefined when nothing on the way resolves.
 */
function realpathOfDeepestExisting(target: string, at: LinkContext): { real: string; isTarget: boolean } | undefined {
  let candidate = target;
  for (let guard = 0; guard < 256; guard++) {
    const real = canonicalPath(at.host.realpath(candidate));
    if (real !== undefined) return { real, isTarget: candidate === target };
    const parent = dirnameUri(candidate);
    if (parent === candidate || !isPathInside(uriToPath(parent), uriToPath(at.folderUri))) return undefined;
    candidate = parent;
  }
  return undefined;
}

/** A host's realpath as a normalised path (defensive: no `.`/`..` segments, drive letter case). */
function canonicalPath(uri: string | undefined): string | undefined {
  return uri === undefined ? undefined : normalizePath(uriToPath(uri));
}

/** `/a/b` inside `/a`; Windows drive letters compare case-insensitively (`c:` = `C:`). */
function isPathInside(child: string, folder: string): boolean {
  const c = comparable(child);
  const f = comparable(folder).replace(/\/+$/, '');
  return f === '' || c === f || c.startsWith(f + '/');
}

function comparable(path: string): string {
  return path.replace(/^\/?([A-Za-z]):/, (_, drive: string) => '/' + drive.toLowerCase() + ':');
}

/**
 * In a folder with more entries than this, a missing file's suggestions are names at most
 * `LARGE_FOLDER_DISTANCE` edits away. A folder of exports (`access-review-2025-0001.csv` …)
 * holds thousands of names within the usual limit (a third of the name's length) of each
 * other; comparing each missing link in full with all of them took seconds per check.
 */
const LARGE_FOLDER = 256;
const LARGE_FOLDER_DISTANCE = 3;

/** Names in the target's folder that look like the missing one (a typo, a changed date). */
function similarNames(target: string, host: WorkspaceHost): string[] {
  const entries = host.readDirectory(dirnameUri(target));
  if (!entries) return [];
  const names = visibleNames(entries);
  return closestMatches(basenameUri(target), names, 3, names.length > LARGE_FOLDER ? LARGE_FOLDER_DISTANCE : Infinity);
}

/** A listing's names without dot-files, once per listing (a pass's host lists a folder once). */
const namesOfListing = new WeakMap<readonly DirectoryEntry[], string[]>();

function visibleNames(entries: readonly DirectoryEntry[]): string[] {
  let names = namesOfListing.get(entries);
  if (!names) namesOfListing.set(entries, (names = entries.map((e) => e.name).filter((name) => !name.startsWith('.'))));
  return names;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function shorten(text: string): string {
  return text.length > 80 ? text.slice(0, 77) + '…' : text;
}

/** The `link` scalar of an evidence item when it is text (other types are the schema's). */
export function linkOf(item: Item): Scalar<string> | undefined {
  const node = valueOf(item.map, 'link');
  return isScalar(node) && typeof node.value === 'string' ? (node as Scalar<string>) : undefined;
}

/**
 * What one check pass has judged (keyed by its host, which lives for one pass): the five
 * link rules share one verdict per link instead of making five, and links to the same
 * document share one resolution.
 */
const passes = new WeakMap<WorkspaceHost, { verdicts: WeakMap<Item, LinkVerdict | undefined>; resolved: Map<string, Resolution> }>();

/** The verdict on an evidence item's link in the file being diagnosed. */
export function judgeEvidenceLink(ctx: RuleContext, item: Item): LinkVerdict | undefined {
  let pass = passes.get(ctx.host);
  if (!pass) passes.set(ctx.host, (pass = { verdicts: new WeakMap(), resolved: new Map() }));
  if (pass.verdicts.has(item)) return pass.verdicts.get(item);
  const verdict = judgeEvidenceLinkNow(ctx, item, pass.resolved);
  pass.verdicts.set(item, verdict);
  return verdict;
}

function judgeEvidenceLinkNow(ctx: RuleContext, item: Item, resolved: Map<string, Resolution>): LinkVerdict | undefined {
  const link = linkOf(item);
  if (!link) return undefined;
  const label = item.id !== undefined ? `evidence ${item.id}` : 'this evidence item';
  const verdict = judgeLink(link.value, label, { fileUri: ctx.file.uri, folderUri: ctx.folderUri, host: ctx.host, resolved });
  if (verdict && item.id !== undefined) verdict.data.id = item.id;
  return verdict;
}

/** One of the five link rules: reports the verdicts that are its own. */
export function evidenceLinkRule(spec: Omit<Rule, 'check' | 'code'> & { code: LinkCode }): Rule {
  return {
    ...spec,
    check(ctx) {
      for (const item of ctx.facts.items) {
        if (item.kind !== 'evidence') continue;
        const verdict = judgeEvidenceLink(ctx, item);
        if (verdict?.code === spec.code) ctx.report(linkOf(item), verdict.message, { data: verdict.data });
      }
    },
  };
}
