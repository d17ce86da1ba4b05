/**
 * Completion and hover: each handler finds the file, calls the core and passes the
 * answer on.
 */
import type { CompletionList, Hover } from 'vscode-languageserver';
import { getCompletions } from '../../core/features/completion';
import { getHover } from '../../core/features/hover';
import { escapeInvisible } from '../../core/visibleText';
import { runSafe } from '../runSafe';
import type { FeatureModule } from '../serverContext';

const EMPTY_LIST: CompletionList = { isIncomplete: false, items: [] };

export const completionHoverFeature: FeatureModule = {
  capabilities: {
    // ' ' after `key:`, ':' for `key:|`, '.' inside `A.5.`, '-' for a new list item, '[' for flow lists.
    completionProvider: { triggerCharacters: [' ', ':', '.', '-', '['], resolveProvider: false },
    hoverProvider: true,
  },
  register(ctx) {
    const { connection } = ctx;

    connection.onCompletion((params, token) =>
      runSafe<CompletionList>(ctx.log, 'completion', EMPTY_LIST, token, () => {
        const found = ctx.fileFor(params.textDocument.uri);
        return found ? getCompletions(found.ws, params.textDocument.uri, params.position, { snippetSupport: ctx.preferences.snippetSupport }) : EMPTY_LIST;
      }),
    );

    connection.onHover((params, token) =>
      runSafe<Hover | null>(ctx.log, 'hover', null, token, () => {
        const found = ctx.fileFor(params.textDocument.uri);
        return found ? visibleHover(getHover(found.ws, params.textDocument.uri, params.position)) : null;
      }),
    );
  },
};

/**
 * A hover quotes names, titles and ids from the files. Markdown escaping keeps them from
 * becoming markup but not from acting: a bidi override would reorder the hover around it
 * and a zero-width character hide a difference. They are shown as escapes (line breaks
 * are the Markdown's own structure and stay).
 */
export function visibleHover(hover: Hover | null): Hover | null {
  if (!hover) return hover;
  const { contents } = hover;
  if (typeof contents === 'string') return { ...hover, contents: escapeInvisible(contents, '\n') };
  if (Array.isArray(contents)) {
    return { ...hover, contents: contents.map((c) => (typeof c === 'string' ? escapeInvisible(c, '\n') : { ...c, value: escapeInvisible(c.value, '\n') })) };
  }
  return { ...hover, contents: { ...contents, value: escapeInvisible(contents.value, '\n') } };
}
