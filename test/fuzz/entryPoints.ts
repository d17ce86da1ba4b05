/**
 * The core's entry points, found at run time: each module is required inside a guard, so
 * that the fuzz harness covers every feature, phase and report module that exists when it
 * runs and names the ones that do not (other work may still be landing). Signatures are
 * declared here with LSP types only, so that this file type-checks without them.
 */
import * as path from 'node:path';
import type {
  CodeAction, CodeLens, CompletionList, Diagnostic, DocumentHighlight, DocumentLink, DocumentSymbol, Hover, InlayHint, Location, Position, Range,
  SymbolInformation, WorkspaceEdit,
} from 'vscode-languageserver-types';
import type { IsmsWorkspace } from '../../server/src/core/workspace/ismsWorkspace';

const CORE = path.resolve(__dirname, '../../server/src/core');

type Ws = IsmsWorkspace;

/** Every entry point the harness knows how to drive; absent ones stay undefined. */
export interface CoreApi {
  getHover?: (ws: Ws, uri: string, position: Position) => Hover | null;
  getCompletions?: (ws: Ws, uri: string, position: Position, options?: { snippetSupport?: boolean }) => CompletionList;
  getDefinition?: (ws: Ws, uri: string, position: Position) => Location[];
  getReferences?: (ws: Ws, uri: string, position: Position, includeDeclaration: boolean) => Location[];
  getDocumentHighlights?: (ws: Ws, uri: string, position: Position) => DocumentHighlight[];
  prepareRename?: (ws: Ws, uri: string, position: Position) => { range: Range; placeholder: string } | null;
  getRename?: (ws: Ws, uri: string, position: Position, newName: string) => WorkspaceEdit;
  /** The error class a refused rename throws (an answer, not a fault). */
  RenameError?: new (...args: never[]) => Error;
  getCodeActions?: (ws: Ws, uri: string, range: Range, diagnostics: readonly Diagnostic[]) => CodeAction[];
  getDocumentSymbols?: (ws: Ws, uri: string) => DocumentSymbol[];
  getWorkspaceSymbols?: (workspaces: readonly Ws[], query: string) => SymbolInformation[];
  getDocumentLinks?: (ws: Ws, uri: string) => DocumentLink[];
  getCodeLenses?: (ws: Ws, uri: string, showReferencesCommand?: string) => CodeLens[];
  getInlayHints?: (ws: Ws, uri: string, range: Range) => InlayHint[];
  computePhases?: (ws: Ws, options?: { diagnostics?: readonly unknown[] }) => PhaseProgressLike;
  phasesToJson?: (progress: PhaseProgressLike, relative: (uri: string) => string) => unknown;
  phasesToText?: (progress: PhaseProgressLike, options?: { ascii?: boolean; relative?: (uri: string) => string }) => string;
  renderReport?: (ws: Ws, kind: string, format: string, options?: { generatedOn?: string }) => string;
  missingControlsEdit?: (ws: Ws, ids?: readonly string[]) => { edit?: WorkspaceEdit; added: string[]; targetUri?: string; reason?: string };
  REPORT_KINDS?: readonly string[];
  REPORT_FORMATS?: readonly string[];
}

export interface PhaseProgressLike {
  phases: { id: string; steps: ({ id: string; file?: string; line?: number; children?: { file?: string; line?: number }[] })[] }[];
}

/** Where each entry point is expected: module (relative to server/src/core) and export name. */
const WANTED: readonly { module: string; names: readonly (keyof CoreApi)[] }[] = [
  { module: 'features/hover', names: ['getHover'] },
  { module: 'features/completion', names: ['getCompletions'] },
  { module: 'features/navigation', names: ['getDefinition', 'getReferences', 'getDocumentHighlights', 'prepareRename', 'getRename', 'RenameError'] },
  { module: 'features/codeActions', names: ['getCodeActions'] },
  { module: 'features/symbols', names: ['getDocumentSymbols', 'getWorkspaceSymbols'] },
  { module: 'features/links', names: ['getDocumentLinks'] },
  { module: 'features/codeLens', names: ['getCodeLenses'] },
  { module: 'features/inlayHints', names: ['getInlayHints'] },
  { module: 'phases/phaseModel', names: ['computePhases', 'phasesToJson', 'phasesToText'] },
  { module: 'reports/renderReport', names: ['renderReport', 'REPORT_KINDS', 'REPORT_FORMATS'] },
  { module: 'soaStubs', names: ['missingControlsEdit'] },
];

export interface Discovery {
  api: CoreApi;
  /** `module#export` for each entry point found. */
  covered: string[];
  /** `module#export` (and why) for each entry point not found. */
  missing: string[];
}

let cached: Discovery | undefined;

/** Requires every wanted module once; a module that is absent or fails to load is reported, not fatal. */
export function discoverEntryPoints(): Discovery {
  if (cached) return cached;
  const api: Record<string, unknown> = {};
  const covered: string[] = [];
  const missing: string[] = [];
  for (const { module, names } of WANTED) {
    let loaded: Record<string, unknown> | undefined;
    let why = 'module not found';
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      loaded = require(path.join(CORE, module)) as Record<string, unknown>;
    } catch (error) {
      why = (error as { code?: string }).code === 'MODULE_NOT_FOUND' ? 'module not found' : `failed to load: ${(error as Error).message.split('\n')[0]}`;
    }
    for (const name of names) {
      const value = loaded?.[name];
      if (value !== undefined) {
        api[name] = value;
        covered.push(`${module}#${name}`);
      } else {
        missing.push(`${module}#${name} (${loaded ? 'no such export' : why})`);
      }
    }
  }
  cached = { api: api as CoreApi, covered, missing };
  return cached;
}
