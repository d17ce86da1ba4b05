/**
 * What every LSP feature module gets: the connection, the documents, the ISMS of each
 * folder, and the editor preferences that are not rule settings.
 */
import type { CancellationToken, Connection, ResponseError, ServerCapabilities, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { IsmsFile } from '../core/parse/ismsFile';
import type { IsmsWorkspace } from '../core/workspace/ismsWorkspace';
import type { WorkspaceRegistry } from './workspaceRegistry';

export interface EditorPreferences {
  codeLens: boolean;
  inlayHints: boolean;
  /** The client can expand snippets in completion items. */
  snippetSupport: boolean;
}

export interface ServerContext {
  readonly connection: Connection;
  readonly documents: TextDocuments<TextDocument>;
  readonly registry: WorkspaceRegistry;
  readonly preferences: EditorPreferences;
  log(message: string): void;
  /**
   * Answers a request about the whole ISMS through runSafe once every workspace folder
   * has been read: an answer from a half-read ISMS would miss ids, references and steps.
   */
  run<T>(what: string, fallback: T, token: CancellationToken | undefined, work: () => T): T | ResponseError<void> | Promise<T | ResponseError<void>>;
  /**
   * Answers a request about one document through runSafe once the folder holding it has
   * been read (at once for a file outside every folder), with the document's ISMS and
   * parsed file; `fallback` when the URI is not an ISMS file we know.
   */
  runForDocument<T>(what: string, fallback: T, token: CancellationToken | undefined, uri: string, work: (found: { ws: IsmsWorkspace; file: IsmsFile }) => T): T | ResponseError<void> | Promise<T | ResponseError<void>>;
  /** Calls `listener` after each check of an ISMS, once its diagnostics are published. */
  onDidPublishDiagnostics(listener: (ws: IsmsWorkspace) => void): void;
  /** Checks an ISMS again now and publishes what changed. */
  republish(ws: IsmsWorkspace): void;
}

/** A group of LSP features: the capabilities it announces and the handlers it registers. */
export interface FeatureModule {
  capabilities: ServerCapabilities;
  register(ctx: ServerContext): void;
}
