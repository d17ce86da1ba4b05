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
      ctx.runForDocument<CompletionList>('completion', EMPTY_LIST, token, params.textDocument.uri, ({ ws }) => getCompletions(ws, params.textDocument.uri, params.position, { snippetSupport: ctx.preferences.snippetSupport })),
    );

    connection.onHover((params, token) =>
      ctx.runForDocument<Hover | null>('hover', null, token, params.textDocument.uri, ({ ws }) => getHover(ws, params.textDocument.uri, params.position)),
    );
  },
};
