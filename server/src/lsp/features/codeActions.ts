/**
 * `textDocument/codeAction`: the core's quick fixes, each with its edit (no resolve).
 */
import { CodeActionKind, type CodeAction } from 'vscode-languageserver';
import { getCodeActions } from '../../core/features/codeActions';
import type { FeatureModule } from '../serverContext';

/** True when the client's `only` filter admits quick fixes (`quickfix` or a parent kind). */
function wantsQuickFixes(only: readonly string[] | undefined): boolean {
  if (!only || only.length === 0) return true;
  return only.some((kind) => kind === CodeActionKind.Empty || kind === CodeActionKind.QuickFix || CodeActionKind.QuickFix.startsWith(kind + '.'));
}

export const codeActionsFeature: FeatureModule = {
  capabilities: {
    codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix], resolveProvider: false },
  },
  register(ctx) {
    ctx.connection.onCodeAction((params, token) =>
      ctx.run<CodeAction[]>('codeAction', [], token, () => {
        if (!wantsQuickFixes(params.context.only)) return [];
        const found = ctx.fileFor(params.textDocument.uri);
        if (!found) return [];
        return getCodeActions(found.ws, params.textDocument.uri, params.range, params.context.diagnostics);
      }, params.textDocument.uri),
    );
  },
};
