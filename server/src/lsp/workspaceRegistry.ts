/**
 * One IsmsWorkspace per workspace folder (multi-root: one ISMS per folder). A file
 * belongs to the deepest folder that contains it; a file outside every folder forms
 * an ISMS of its own, without a scan: its folder may be a home directory or the root.
 */
import type { DiagnosticSeverity } from 'vscode-languageserver';
import type { CalendarDate } from '../core/dates';
import type { WorkspaceHost } from '../core/host';
import type { IsmsSettings } from '../core/settings';
import { dirnameUri, isUriInside, normalizeUri } from '../core/uri';
import { IsmsWorkspace } from '../core/workspace/ismsWorkspace';

export interface RegistryOptions {
  host: WorkspaceHost;
  today: () => CalendarDate;
  unusedSuppressionSeverity: DiagnosticSeverity;
  log: (message: string) => void;
}

export class WorkspaceRegistry {
  private readonly folders = new Map<string, IsmsWorkspace>();
  private readonly loose = new Map<string, IsmsWorkspace>();
  private settingsOverride: Partial<IsmsSettings> | undefined;

  constructor(private readonly options: RegistryOptions) {}

  /** Adds a workspace folder and scans it; returns the new workspace. */
  addFolder(folderUri: string): IsmsWorkspace {
    const key = normalizeUri(folderUri).replace(/\/+$/, '');
    let ws = this.folders.get(key);
    if (!ws) {
      ws = this.create(key);
      this.folders.set(key, ws);
      const result = ws.scan();
      if (result.truncated) this.options.log(`Stopped scanning ${key} after the file limit; some ISMS files were not loaded.`);
      for (const dir of result.unreadable) this.options.log(`Could not list ${dir}; its ISMS files were skipped.`);
      for (const problem of ws.configProblems) this.options.log(problem);
      // A loose workspace for a file now inside this folder is obsolete.
      for (const [looseKey, looseWs] of this.loose) {
        if (isUriInside(looseKey, key)) {
          this.loose.delete(looseKey);
          for (const uri of looseWs.uris()) if (looseWs.isOpen(uri)) {
            const file = looseWs.file(uri)!;
            ws.setDocument(uri, file.text, file.version);
          }
        }
      }
    }
    return ws;
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
