/**
 * Document links for evidence `link` values (spec §7): a relative path opens the file in
 * the workspace, an `https:` address opens in the browser. A link is offered only when
 * the link rules would accept it — the same `judgeLink` verdict, so the editor never
 * offers to open what a diagnostic calls wrong: nothing outside the workspace folder
 * (also through a symbolic link), no missing file, no `http:`, no other scheme. As in
 * reports and hovers, an `https:` address with an invisible or acting character in it is
 * not linked (it may not go where it reads), and the tooltip shows such characters as
 * escapes.
 */
import type { DocumentLink } from 'vscode-languageserver-types';
import type { WorkspaceHost } from '../host';
import { judgeLink, linkOf, type Resolution } from '../rules/evidenceLink';
import { memoHost } from '../workspace/memoHost';
import { dirnameUri, isUriInside, joinUri, normalizePath, pathToUri, relativePath, uriToPath } from '../uri';
import { escapeInvisible, hasInvisible } from '../visibleText';
import type { IsmsWorkspace } from '../workspace/ismsWorkspace';
import { idRange } from './idRanges';

/** Links of the evidence items in one file, in text order. */
export function getDocumentLinks(ws: IsmsWorkspace, uri: string): DocumentLink[] {
  const file = ws.file(uri);
  if (!file) return [];
  // One request sees one state of the disk: answers are remembered for its length only.
  const request: LinkRequest = { host: memoHost(ws.host), resolved: new Map() };
  const out: DocumentLink[] = [];
  for (const item of ws.model.facts(file).items) {
    if (item.kind !== 'evidence') continue;
    const node = linkOf(item);
    if (!node) continue;
    const target = linkTarget(ws, uri, node.value, request);
    const range = target && idRange(file, node);
    if (target && range) out.push({ range, target: target.uri, tooltip: target.tooltip });
  }
  return out;
}

/** What the links of one request share: the file system's answers and the paths resolved. */
interface LinkRequest {
  host: WorkspaceHost;
  resolved: Map<string, Resolution>;
}

/** Where a link value leads, or undefined when it must not be offered as a link. */
export function linkTarget(ws: IsmsWorkspace, fileUri: string, link: string, request: LinkRequest): { uri: string; tooltip: string } | undefined {
  const text = link.trim();
  const { host } = request;
  const verdict = judgeLink(text, 'this evidence item', { fileUri, folderUri: ws.folderUri, host, resolved: request.resolved, suggest: false });
  if (verdict) return undefined;
  if (/^https:/i.test(text)) return hasInvisible(text) ? undefined : { uri: text, tooltip: `Open ${text} in the browser` };
  if (/^[A-Za-z][A-Za-z0-9+.-]+:/.test(text)) return undefined; // judged fine, yet not a file path: no link

  // Relative path: `?query` dropped, `#fragment` kept (an editor may use it, e.g. `#L10`).
  const pathEnd = text.search(/[?#]/);
  const path = (pathEnd < 0 ? text : text.slice(0, pathEnd)).replace(/\\/g, '/');
  const hash = text.indexOf('#');
  const fragment = hash < 0 ? '' : text.slice(hash + 1);
  const target = joinUri(dirnameUri(fileUri), path);

  // Belt and braces over the verdict: an existing regular file, inside the folder
  // both as written and once every symbolic link is resolved.
  if (!isUriInside(target, ws.folderUri) || host.stat(target)?.kind !== 'file') return undefined;
  const real = host.realpath(target);
  const realFolder = host.realpath(ws.folderUri) ?? ws.folderUri;
  if (real === undefined || !isUriInside(pathToUri(normalizePath(uriToPath(real))), realFolder)) return undefined;

  const shown = relativePath(ws.folderUri, target);
  return {
    uri: fragment === '' ? target : `${target}#${encodeURI(fragment).replace(/#/g, '%23')}`,
    tooltip: escapeInvisible(`Open ${shown}${fragment === '' ? '' : `#${fragment}`}`),
  };
}
