/**
 * The LSP adapter: wires a connection to the core. No language logic lives here —
 * documents go in, the core answers, results go out.
 */
import {
  DiagnosticSeverity, DidChangeConfigurationNotification, DidChangeWatchedFilesNotification, FileChangeType,
  TextDocumentSyncKind, TextDocuments, type Connection, type InitializeParams, type InitializeResult,
  type WorkDoneProgressServerReporter,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createDiskHost } from '../node/diskHost';
import { createClock } from '../node/clock';
import { basenameUri, isIsmsFileName } from '../core/uri';
import { CONFIG_FILE_NAME } from '../core/settings';
import { DiagnosticsPublisher } from './diagnosticsPublisher';
import { settingsFromClient } from './settingsFromClient';
import { WorkspaceRegistry, type LoadProgress } from './workspaceRegistry';
import { runSafe } from './runSafe';
import type { IsmsWorkspace } from '../core/workspace/ismsWorkspace';
import { escapeInvisible } from '../core/visibleText';
import type { EditorPreferences, FeatureModule, ServerContext } from './serverContext';
import { FEATURE_MODULES } from './features';
import { version } from '../../../package.json';

export interface InitializationOptions {
  /** Milliseconds an edit must settle before the ISMS is checked again (absent: adaptive). */
  debounceMs?: number;
  /** The editor's `isms` settings at start-up. */
  settings?: unknown;
}


export function startServer(connection: Connection): void {
  const log = (message: string) => connection.console.log(message);
  const documents = new TextDocuments(TextDocument);
  let today: () => import('../core/dates').CalendarDate;
  try {
    today = createClock(undefined);
  } catch (error) {
    log(`${(error as Error).message} Using the local date.`);
    today = createClock(undefined, {});
  }
  const registry = new WorkspaceRegistry({ host: createDiskHost(), today, unusedSuppressionSeverity: DiagnosticSeverity.Hint, log, onLoadProgress: (progress) => showLoadProgress(progress) });
  const publisher = new DiagnosticsPublisher(connection, (uri) => documents.get(uri)?.version, log, undefined);
  const preferences: EditorPreferences = { codeLens: true, inlayHints: true, snippetSupport: false };
  const ctx: ServerContext = {
    connection,
    documents,
    registry,
    preferences,
    log,
    run(what, fallback, token, work) {
      const loaded = registry.whenLoaded();
      return loaded ? loaded.then(() => runSafe(log, what, fallback, token, work)) : runSafe(log, what, fallback, token, work);
    },
    runForDocument(what, fallback, token, uri, work) {
      const answer = () => runSafe(log, what, fallback, token, () => {
        // An open document outside every folder has an ISMS of its own; a closed one none.
        const ws = registry.folderOf(uri) ?? (documents.get(uri) ? registry.forUri(uri) : undefined);
        const file = ws?.file(uri);
        return ws && file ? work({ ws, file }) : fallback;
      });
      const loaded = registry.whenLoaded(uri);
      return loaded ? loaded.then(answer) : answer();
    },
    onDidPublishDiagnostics: (listener) => publisher.onDidPublish(listener),
    republish(ws) {
      publisher.cancel(ws);
      publisher.publishNow(ws);
    },
  };
  for (const feature of FEATURE_MODULES) feature.register(ctx);
  let canPullConfiguration = false;
  let canWatchFiles = false;
  let canChangeFolders = false;
  let canRefreshCodeLens = false;
  let canRefreshInlayHints = false;
  let canShowProgress = false;
  let folders: string[] = [];

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const options = (params.initializationOptions ?? {}) as InitializationOptions;
    if (typeof options.debounceMs === 'number' && options.debounceMs >= 0 && options.debounceMs <= 10_000) publisher.debounceMs = options.debounceMs;
    applyClientSettings(options.settings);
    canPullConfiguration = params.capabilities.workspace?.configuration === true;
    canWatchFiles = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    canChangeFolders = params.capabilities.workspace?.workspaceFolders === true;
    canRefreshCodeLens = params.capabilities.workspace?.codeLens?.refreshSupport === true;
    canRefreshInlayHints = params.capabilities.workspace?.inlayHint?.refreshSupport === true;
    canShowProgress = params.capabilities.window?.workDoneProgress === true;
    preferences.snippetSupport = params.capabilities.textDocument?.completion?.completionItem?.snippetSupport === true;
    folders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
        ...mergeCapabilities(FEATURE_MODULES),
      },
      serverInfo: { name: 'isms-language-server', version },
    };
  });

  connection.onInitialized(() => {
    for (const folder of folders) registry.addFolder(folder, (ws) => publisher.publishNow(ws));
    if (canWatchFiles) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, {
        watchers: [{ globPattern: '**/*.isms.{yaml,yml}' }, { globPattern: `**/${CONFIG_FILE_NAME}` }],
      });
    }
    if (canPullConfiguration) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: 'isms' });
      void pullConfiguration();
    }
    if (canChangeFolders) connection.workspace.onDidChangeWorkspaceFolders((event) => {
      for (const removed of event.removed) {
        const ws = registry.removeFolder(removed.uri);
        if (ws) {
          publisher.cancel(ws);
          for (const uri of ws.uris()) publisher.clear(uri);
        }
      }
      for (const added of event.added) registry.addFolder(added.uri, (ws) => publisher.publishNow(ws));
    });
  });

  /** The editor's progress indicator while a large folder is read (one per folder). */
  const loadReporters = new Map<IsmsWorkspace, Promise<WorkDoneProgressServerReporter | undefined>>();
  function showLoadProgress({ ws, read, total, done }: LoadProgress): void {
    if (!canShowProgress) return;
    let reporter = loadReporters.get(ws);
    if (!reporter) {
      if (done) return;
      const folderName = escapeInvisible(basenameUri(ws.folderUri));
      reporter = connection.window.createWorkDoneProgress().then((created) => {
        created.begin(`Reading the ISMS in ${folderName}`, 0, `0 of ${total} files`, false);
        return created;
      }, () => undefined);
      loadReporters.set(ws, reporter);
    }
    void reporter.then((created) => {
      if (done) created?.done();
      else created?.report(Math.floor((read * 100) / Math.max(total, 1)), `${read} of ${total} files`);
    });
    if (done) loadReporters.delete(ws);
  }

  function applyClientSettings(settings: unknown): void {
    registry.setSettingsOverride(settingsFromClient(settings, log));
    const editor = (settings ?? {}) as { codeLens?: { enabled?: unknown }; inlayHints?: { enabled?: unknown } };
    const codeLens = editor.codeLens?.enabled !== false;
    const inlayHints = editor.inlayHints?.enabled !== false;
    const changed = codeLens !== preferences.codeLens || inlayHints !== preferences.inlayHints;
    preferences.codeLens = codeLens;
    preferences.inlayHints = inlayHints;
    if (changed) refreshDecorations();
  }

  /** Code lenses and inlay hints in other open files depend on the whole ISMS: ask the editor to re-read them. */
  function refreshDecorations(): void {
    if (canRefreshCodeLens) void connection.sendRequest('workspace/codeLens/refresh').catch(() => undefined);
    if (canRefreshInlayHints) void connection.sendRequest('workspace/inlayHint/refresh').catch(() => undefined);
  }
  publisher.onDidPublish(() => refreshDecorations());

  async function pullConfiguration(): Promise<void> {
    try {
      const [settings] = await connection.workspace.getConfiguration([{ section: 'isms' }]);
      applyClientSettings(settings);
      for (const ws of registry.all()) publisher.schedule(ws, undefined, 0);
    } catch (error) {
      log(`Could not read the editor settings: ${(error as Error).message}`);
    }
  }

  connection.onDidChangeConfiguration((change) => {
    if (canPullConfiguration) {
      void pullConfiguration();
      return;
    }
    applyClientSettings((change.settings as { isms?: unknown } | undefined)?.isms);
    for (const ws of registry.all()) publisher.schedule(ws, undefined, 0);
  });

  /** Notifications have no answer to fall back on: log and carry on. */
  const guard = <T>(what: string, handler: (event: T) => void) => (event: T) => {
    try {
      handler(event);
    } catch (error) {
      log(`${what} failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
    }
  };

  documents.onDidOpen(guard('didOpen', ({ document }) => {
    const ws = registry.forUri(document.uri);
    ws.setDocument(document.uri, document.getText(), document.version);
    publisher.schedule(ws, document.uri, 0);
  }));

  documents.onDidChangeContent(guard('didChange', ({ document }) => {
    const ws = registry.forUri(document.uri);
    // TextDocuments reports the opened text as a change too; didOpen already scheduled it.
    if (ws.isOpen(document.uri) && ws.file(document.uri)?.version === document.version) return;
    ws.setDocument(document.uri, document.getText(), document.version);
    publisher.schedule(ws, document.uri);
  }));

  documents.onDidClose(guard('didClose', ({ document }) => {
    const ws = registry.forUri(document.uri);
    ws.closeDocument(document.uri);
    // A file outside every workspace folder is only checked while it is open.
    if (!registry.folderOf(document.uri)) ws.fileDeleted(document.uri);
    if (!ws.file(document.uri)) publisher.clear(document.uri);
    registry.releaseLoose(ws);
    publisher.schedule(ws);
  }));

  connection.onDidChangeWatchedFiles(guard('didChangeWatchedFiles', ({ changes }) => {
    const touched = new Set<ReturnType<WorkspaceRegistry['forUri']>>();
    for (const change of changes) {
      const ws = registry.folderOf(change.uri);
      if (!ws) continue;
      const name = change.uri.slice(change.uri.lastIndexOf('/') + 1);
      if (!isIsmsFileName(name) && name !== CONFIG_FILE_NAME) continue;
      if (change.type === FileChangeType.Deleted) {
        ws.fileDeleted(change.uri);
        if (!ws.file(change.uri)) publisher.clear(change.uri);
      } else {
        ws.fileChangedOnDisk(change.uri);
      }
      touched.add(ws);
    }
    for (const ws of touched) publisher.schedule(ws);
  }));

  documents.listen(connection);
  connection.listen();
}

function mergeCapabilities(modules: readonly FeatureModule[]): FeatureModule['capabilities'] {
  return Object.assign({}, ...modules.map((m) => m.capabilities));
}
