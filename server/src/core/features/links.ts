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
import { judgeLink, linkOf } from '../rules/evidenceLink';
import { dirnameUri, isUriInside, joinUri, normalizePath, pathToUri, relativePath, uriToPath } from '../uri';
import { escapeInvisible, hasInvisible } from '../visibleText';
import type { IsmsWorkspace } from '../workspace/ismsWorkspace';
import { idRange } from './idRanges';

/** Links of the evidence items in one file, in text order. */
export function getDocumentLinks(ws: IsmsWorkspace, uri: string): DocumentLink[] {
  const file = ws.file(uri);
  if (!file) return [];
  const out: DocumentLink[] = [];
  for (const item of ws.model.facts(file).items) {
    if (item.kind !== 'evidence') continue;
    const node = linkOf(item);
    if (!node) continue;
    const target = linkTarget(ws, uri, node.value);
    const range = target && idRange(file, node);
    if (target && range) out.push({ range, target: target.uri, tooltip: target.tooltip });
  }
  return out;
}

/** Where a link value leads, or undefined when it must not be offered as a link. */
export function linkTarget(ws: IsmsWorkspace, fileUri: string, link: string): { uri: string; tooltip: string } | undefined {
  const text = link.trim();
  const verdict = judgeLink(text, 'this evidence item', { fileUri, folderUri: ws.folderUri, host: ws.host });
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
  if (!isUriInside(target, ws.folderUri) || ws.host.stat(target)?.kind !== 'file') return undefined;
  const real = ws.host.realpath(target);
  const realFolder = ws.host.realpath(ws.folderUri) ?? ws.folderUri;
  if (real === undefined || !isUriInside(pathToUri(normalizePath(uriToPath(real))), realFolder)) return undefined;

  const shown = relativePath(ws.folderUri, target);
  return {
    uri: fragment === '' ? target : `${target}#${encodeURI(fragment).replace(/#/g, '%23')}`,
    tooltip: escapeInvisible(`Open ${shown}${fragment === '' ? '' : `#${fragment}`}`),
  };
}
