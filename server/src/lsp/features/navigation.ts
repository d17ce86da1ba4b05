/**
 * Navigation and overview features: definition, references, document highlights, rename
 * (with prepare), document links, document and workspace symbols, code lenses and inlay
 * hints. Each handler finds the file, calls the core and passes the answer on.
 */
import {
  LSPErrorCodes, ResponseError, type CodeLens, type DocumentHighlight, type DocumentLink, type DocumentSymbol,
  type InlayHint, type Location, type Range, type SymbolInformation, type WorkspaceEdit,
} from 'vscode-languageserver';
import { getUnresolvedCodeLenses, resolveCodeLens, type CodeLensData } from '../../core/features/codeLens';
import { getInlayHints } from '../../core/features/inlayHints';
import { getDocumentLinks } from '../../core/features/links';
import {
  getDefinition, getDocumentHighlights, getReferences, getRename, prepareRename, RenameError,
} from '../../core/features/navigation';
import { getDocumentSymbols, getWorkspaceSymbols } from '../../core/features/symbols';
import { SHOW_REFERENCES_COMMAND } from '../../protocol';
import type { FeatureModule } from '../serverContext';

export const navigationFeature: FeatureModule = {
  capabilities: {
    definitionProvider: true,
    referencesProvider: true,
    documentHighlightProvider: true,
    renameProvider: { prepareProvider: true },
    documentLinkProvider: { resolveProvider: false },
    documentSymbolProvider: { label: 'ISMS' },
    workspaceSymbolProvider: true,
    codeLensProvider: { resolveProvider: true },
    inlayHintProvider: { resolveProvider: false },
  },
  register(ctx) {
    const { connection } = ctx;

    connection.onDefinition((params, token) =>
      ctx.runForDocument<Location[]>('definition', [], token, params.textDocument.uri, ({ ws }) => getDefinition(ws, params.textDocument.uri, params.position)),
    );

    connection.onReferences((params, token) =>
      ctx.runForDocument<Location[]>('references', [], token, params.textDocument.uri, ({ ws }) => getReferences(ws, params.textDocument.uri, params.position, params.context.includeDeclaration)),
    );

    connection.onDocumentHighlight((params, token) =>
      ctx.runForDocument<DocumentHighlight[]>('documentHighlight', [], token, params.textDocument.uri, ({ ws }) => getDocumentHighlights(ws, params.textDocument.uri, params.position)),
    );

    connection.onPrepareRename((params, token) =>
      ctx.runForDocument<{ range: Range; placeholder: string } | null>('prepareRename', null, token, params.textDocument.uri, ({ ws }) => prepareRename(ws, params.textDocument.uri, params.position)),
    );

    connection.onRenameRequest((params, token) =>
      ctx.runForDocument<WorkspaceEdit | null | ResponseError<void>>('rename', null, token, params.textDocument.uri, ({ ws }) => {
        try {
          return getRename(ws, params.textDocument.uri, params.position, params.newName);
        } catch (error) {
          // A refused rename is an answer for the user, not a server fault.
          if (error instanceof RenameError) return new ResponseError(LSPErrorCodes.RequestFailed, error.message);
          throw error;
        }
      }),
    );

    connection.onDocumentLinks((params, token) =>
      ctx.runForDocument<DocumentLink[]>('documentLink', [], token, params.textDocument.uri, ({ ws }) => getDocumentLinks(ws, params.textDocument.uri)),
    );

    connection.onDocumentSymbol((params, token) =>
      ctx.runForDocument<DocumentSymbol[]>('documentSymbol', [], token, params.textDocument.uri, ({ ws }) => getDocumentSymbols(ws, params.textDocument.uri)),
    );

    connection.onWorkspaceSymbol((params, token) =>
      ctx.run<SymbolInformation[]>('workspaceSymbol', [], token, () => getWorkspaceSymbols(ctx.registry.all(), params.query)),
    );

    connection.onCodeLens((params, token) =>
      ctx.runForDocument<CodeLens[]>('codeLens', [], token, params.textDocument.uri, ({ ws }) => {
        if (!ctx.preferences.codeLens) return [];
        return getUnresolvedCodeLenses(ws, params.textDocument.uri);
      }),
    );

    connection.onCodeLensResolve((lens, token) => {
      const uri = (lens.data as Partial<CodeLensData> | undefined)?.uri;
      const unresolved: CodeLens = { ...lens, command: { title: '', command: '' } };
      if (typeof uri !== 'string') return unresolved;
      return ctx.runForDocument<CodeLens>('codeLens/resolve', unresolved, token, uri, ({ ws }) => resolveCodeLens(ws, lens, SHOW_REFERENCES_COMMAND));
    });

    connection.languages.inlayHint.on((params, token) =>
      ctx.runForDocument<InlayHint[]>('inlayHint', [], token, params.textDocument.uri, ({ ws }) => {
        if (!ctx.preferences.inlayHints) return [];
        return getInlayHints(ws, params.textDocument.uri, params.range);
      }),
    );
  },
};
