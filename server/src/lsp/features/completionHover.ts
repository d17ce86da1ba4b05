/**
 * Completion and hover: each handler finds the file, calls the core and passes the
 * answer on.
 */
import type { CompletionList, Hover } from 'vscode-languageserver';
import { getCompletions } from '../../core/features/completion';
import { getHover } from '../../core/features/hover';
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
      ctx.run<CompletionList>('completion', EMPTY_LIST, token, () => {
        const found = ctx.fileFor(params.textDocument.uri);
        return found ? getCompletions(found.ws, params.textDocument.uri, params.position, { snippetSupport: ctx.preferences.snippetSupport }) : EMPTY_LIST;
      }, params.textDocument.uri),
    );

    connection.onHover((params, token) =>
      ctx.run<Hover | null>('hover', null, token, () => {
        const found = ctx.fileFor(params.textDocument.uri);
        return found ? getHover(found.ws, params.textDocument.uri, params.position) : null;
      }, params.textDocument.uri),
    );
  },
};
