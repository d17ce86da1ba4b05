/**
 * One IsmsWorkspace per workspace folder (multi-root: one ISMS per folder). A file
 * belongs to the deepest folder that contains it; a file outside every folder forms
 * an ISMS of its own, without a scan: its folder may be a home directory or the root.
 *
 * A folder is read in slices (LOAD_SLICE_MS), yielding to the event loop between them:
 * a workspace of a thousand files takes seconds to parse, and the server must meanwhile
 * take in edits, cancellations and other folders' requests. A small folder is read in the
 * first slice, at once.
 */
import type { DiagnosticSeverity } from 'vscode-languageserver';
import type { CalendarDate } from '../core/dates';
import type { WorkspaceHost } from '../core/host';
import type { IsmsSettings } from '../core/settings';
import { dirnameUri, isUriInside, normalizeUri } from '../core/uri';
import { IsmsWorkspace, type ScanJob } from '../core/workspace/ismsWorkspace';

/** Longest stretch of reading files before other messages get a turn. */
const LOAD_SLICE_MS = 50;

/** Where the reading of a folder stands: `read` of `total` files. */
export interface LoadProgress {
  ws: IsmsWorkspace;
  read: number;
  total: number;
  done: boolean;
}

export interface RegistryOptions {
  host: WorkspaceHost;
  today: () => CalendarDate;
  unusedSuppressionSeverity: DiagnosticSeverity;
  log: (message: string) => void;
  /** Called after each slice of reading a folder that needs more than one, and when it ends. */
  onLoadProgress?: (progress: LoadProgress) => void;
}

export class WorkspaceRegistry {
  private readonly folders = new Map<string, IsmsWorkspace>();
  private readonly loose = new Map<string, IsmsWorkspace>();
  private settingsOverride: Partial<IsmsSettings> | undefined;
  /** Folders being read, each with the promise of its end. */
  private readonly loading = new Map<IsmsWorkspace, Promise<void>>();

  constructor(private readonly options: RegistryOptions) {}

  /**
   * Adds a workspace folder and starts reading it; `onLoaded` runs once all its files are
   * read (at once for a small folder). Returns the new workspace.
   */
  addFolder(folderUri: string, onLoaded?: (ws: IsmsWorkspace) => void): IsmsWorkspace {
    const key = normalizeUri(folderUri).replace(/\/+$/, '');
    let ws = this.folders.get(key);
    if (!ws) {
      const created = this.create(key);
      ws = created;
      this.folders.set(key, created);
      const job = created.startScan();
      let resolve!: () => void;
      this.loading.set(created, new Promise<void>((r) => (resolve = r)));
      // A small folder is read in this first call, before addFolder returns.
      this.load(created, job, false, () => {
        this.loading.delete(created);
        const current = this.folders.get(key) === created;
        if (current) this.loaded(created, job);
        resolve();
        if (current) onLoaded?.(created);
      });
    } else if (onLoaded) {
      void (this.loading.get(ws) ?? Promise.resolve()).then(() => onLoaded(ws!));
    }
    return ws;
  }

  /**
   * Resolves once no folder is being read; or, given a document URI, once the folder that
   * holds it is read: a file outside every folder, or in another folder, need not wait for
   * a large one. Undefined when there is nothing to wait for (answer at once).
   */
  whenLoaded(uri?: string): Promise<void> | undefined {
    if (uri !== undefined) {
      const owner = this.folderOf(uri);
      const pending = owner && this.loading.get(owner);
      // Again afterwards: a folder added meanwhile may hold the file more closely.
      return pending ? pending.then(() => this.whenLoaded(uri)) : undefined;
    }
    return this.loading.size === 0 ? undefined : Promise.all(this.loading.values()).then(() => this.whenLoaded());
  }

  /** Reads slices of the folder until it is done (or removed), yielding between them. */
  private load(ws: IsmsWorkspace, job: ScanJob, sliced: boolean, done: () => void): void {
    const removed = this.folders.get(ws.folderUri) !== ws;
    const sliceStart = Date.now();
    let over: boolean;
    try {
      over = removed || job.step(() => Date.now() - sliceStart >= LOAD_SLICE_MS);
    } catch (error) {
      // Nothing should throw here; if something does, the ISMS is served with the files
      // read so far rather than left loading, with requests waiting for ever.
      this.options.log(`Reading ${ws.folderUri} failed; the ISMS was loaded with ${job.read()} of ${job.result.uris.length} files: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
      job.end();
      over = true;
    }
    const progress = { ws, read: job.read(), total: job.result.uris.length };
    if (!over) {
      this.options.onLoadProgress?.({ ...progress, done: false });
      setImmediate(() => this.load(ws, job, true, done));
      return;
    }
    if (sliced) this.options.onLoadProgress?.({ ...progress, done: true });
    done();
  }

  private loaded(ws: IsmsWorkspace, job: ScanJob): void {
    const result = job.result;
    if (result.truncated) this.options.log(`Stopped scanning ${ws.folderUri} after the file limit; some ISMS files were not loaded.`);
    for (const dir of result.unreadable) this.options.log(`Could not list ${dir}; its ISMS files were skipped.`);
    for (const problem of ws.configProblems) this.options.log(problem);
    // A loose workspace for a file now inside this folder is obsolete.
    for (const [looseKey, looseWs] of this.loose) {
      if (isUriInside(looseKey, ws.folderUri)) {
        this.loose.delete(looseKey);
        for (const uri of looseWs.uris()) if (looseWs.isOpen(uri)) {
          const file = looseWs.file(uri)!;
          ws.setDocument(uri, file.text, file.version);
        }
      }
    }
  }

  removeFolder(folderUri: string): IsmsWorkspace | undefined {
    const key = normalizeUri(folderUri).replace(/\/+$/, '');
    const ws = this.folders.get(key);
    this.folders.delete(key);
    return ws;
  }

  /** The workspace a document belongs to, creating a loose one when needed. */
  forUri(uri: string): IsmsWorkspace {
    const owner = this.folderOf(uri);
    if (owner) return owner;
    const dir = uri.startsWith('file:') ? dirnameUri(uri) : uri;
    let ws = this.loose.get(dir);
    if (!ws) {
      ws = this.create(dir);
      this.loose.set(dir, ws);
    }
    return ws;
  }

  /** The folder workspace containing the URI, without creating anything. */
  folderOf(uri: string): IsmsWorkspace | undefined {
    const normalized = uri.startsWith('file:') ? normalizeUri(uri) : uri;
    let best: IsmsWorkspace | undefined;
    for (const [key, ws] of this.folders) {
      if (isUriInside(normalized, key) && (!best || key.length > best.folderUri.length)) best = ws;
    }
    return best;
  }

  /** Every workspace (folders and loose files). */
  all(): IsmsWorkspace[] {
    return [...this.folders.values(), ...this.loose.values()];
  }

  /** Drops a loose workspace once none of its files is open. */
  releaseLoose(ws: IsmsWorkspace): void {
    for (const [key, candidate] of this.loose) {
      if (candidate === ws && !ws.uris().some((uri) => ws.isOpen(uri))) this.loose.delete(key);
    }
  }

  setSettingsOverride(override: Partial<IsmsSettings> | undefined): void {
    this.settingsOverride = override;
    for (const ws of this.all()) ws.setSettingsOverride(override);
  }

  private create(folderUri: string): IsmsWorkspace {
    return new IsmsWorkspace({
      host: this.options.host,
      folderUri,
      today: this.options.today,
      unusedSuppressionSeverity: this.options.unusedSuppressionSeverity,
      settingsOverride: this.settingsOverride,
      log: this.options.log,
    });
  }
}
