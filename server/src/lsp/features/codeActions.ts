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
      ctx.runForDocument<CodeAction[]>('codeAction', [], token, params.textDocument.uri, ({ ws }) => {
        if (!wantsQuickFixes(params.context.only)) return [];
        return getCodeActions(ws, params.textDocument.uri, params.range, params.context.diagnostics);
      }),
    );
  },
};
