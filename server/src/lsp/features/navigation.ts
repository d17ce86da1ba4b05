/**
 * Navigation and overview features: definition, references, document highlights, rename
 * (with prepare), document links, document and workspace symbols, code lenses and inlay
 * hints. Each handler finds the file, calls the core and passes the answer on.
 */
import {
  LSPErrorCodes, ResponseError, type CodeLens, type DocumentHighlight, type DocumentLink, type DocumentSymbol,
  type InlayHint, type Location, type Range, type SymbolInformation, type WorkspaceEdit,
} from 'vscode-languageserver';
import { getCodeLenses } from '../../core/features/codeLens';
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
    codeLensProvider: { resolveProvider: false },
    inlayHintProvider: { resolveProvider: false },
  },
  register(ctx) {
    const { connection } = ctx;

    connection.onDefinition((params, token) =>
      ctx.run<Location[]>('definition', [], token, () => {
        const found = ctx.fileFor(params.textDocument.uri);
        return found ? getDefinition(found.ws, params.textDocument.uri, params.position) : [];
      }, params.textDocument.uri),
    );

    connection.onReferences((params, token) =>
      ctx.run<Location[]>('references', [], token, () => {
        const found = ctx.fileFor(params.textDocument.uri);
        return found ? getReferences(found.ws, params.textDocument.uri, params.position, params.context.includeDeclaration) : [];
      }, params.textDocument.uri),
    );

    connection.onDocumentHighlight((params, token) =>
      ctx.run<DocumentHighlight[]>('documentHighlight', [], token, () => {
        const found = ctx.fileFor(params.textDocument.uri);
        return found ? getDocumentHighlights(found.ws, params.textDocument.uri, params.position) : [];
      }, params.textDocument.uri),
    );

    connection.onPrepareRename((params, token) =>
      ctx.run<{ range: Range; placeholder: string } | null>('prepareRename', null, token, () => {
        const found = ctx.fileFor(params.textDocument.uri);
        return found ? prepareRename(found.ws, params.textDocument.uri, params.position) : null;
      }, params.textDocument.uri),
    );

    connection.onRenameRequest((params, token) =>
      ctx.run<WorkspaceEdit | null | ResponseError<void>>('rename', null, token, () => {
        const found = ctx.fileFor(params.textDocument.uri);
        if (!found) return null;
        try {
          return getRename(found.ws, params.textDocument.uri, params.position, params.newName);
        } catch (error) {
          // A refused rename is an answer for the user, not a server fault.
          if (error instanceof RenameError) return new ResponseError(LSPErrorCodes.RequestFailed, error.message);
          throw error;
        }
      }, params.textDocument.uri),
    );

    connection.onDocumentLinks((params, token) =>
      ctx.run<DocumentLink[]>('documentLink', [], token, () => {
        const found = ctx.fileFor(params.textDocument.uri);
        return found ? getDocumentLinks(found.ws, params.textDocument.uri) : [];
      }, params.textDocument.uri),
    );

    connection.onDocumentSymbol((params, token) =>
      ctx.run<DocumentSymbol[]>('documentSymbol', [], token, () => {
        const found = ctx.fileFor(params.textDocument.uri);
        return found ? getDocumentSymbols(found.ws, params.textDocument.uri) : [];
      }, params.textDocument.uri),
    );

    connection.onWorkspaceSymbol((params, token) =>
      ctx.run<SymbolInformation[]>('workspaceSymbol', [], token, () => getWorkspaceSymbols(ctx.registry.all(), params.query)),
    );

    connection.onCodeLens((params, token) =>
      ctx.run<CodeLens[]>('codeLens', [], token, () => {
        if (!ctx.preferences.codeLens) return [];
        const found = ctx.fileFor(params.textDocument.uri);
        return found ? getCodeLenses(found.ws, params.textDocument.uri, SHOW_REFERENCES_COMMAND) : [];
      }, params.textDocument.uri),
    );

    connection.languages.inlayHint.on((params, token) =>
      ctx.run<InlayHint[]>('inlayHint', [], token, () => {
        if (!ctx.preferences.inlayHints) return [];
        const found = ctx.fileFor(params.textDocument.uri);
        return found ? getInlayHints(found.ws, params.textDocument.uri, params.range) : [];
      }, params.textDocument.uri),
    );
  },
};
