/**
 * Debounced, push-model diagnostics (spec §9 "Protocol"): after an edit settles, the
 * edited file is checked first, then every other file of its ISMS when the edit changed
 * what they can see of it (an id in `people`, a date in `evidence` …); an edit inside
 * free text re-checks the edited file alone. Unchanged results are not
 * re-sent; results for a version that is no longer current are never sent.
 */
import type { Connection, Diagnostic } from 'vscode-languageserver';
import type { IsmsWorkspace } from '../core/workspace/ismsWorkspace';

export class DiagnosticsPublisher {
  private readonly timers = new Map<IsmsWorkspace, { timer: NodeJS.Timeout; first: Set<string> }>();
  private readonly lastSent = new Map<string, string>();
  private readonly publishListeners: ((ws: IsmsWorkspace) => void)[] = [];

  constructor(
    private readonly connection: Connection,
    private readonly currentVersion: (uri: string) => number | undefined,
    private readonly log: (message: string) => void,
    public debounceMs: number,
  ) {}

  /** Checks the workspace after the debounce; `firstUri` is checked and sent first. */
  schedule(ws: IsmsWorkspace, firstUri?: string, delay = this.debounceMs): void {
    const pending = this.timers.get(ws);
    const first = pending?.first ?? new Set<string>();
    if (firstUri) first.add(firstUri);
    if (pending) clearTimeout(pending.timer);
    const timer = setTimeout(() => {
      this.timers.delete(ws);
      this.publishNow(ws, [...first]);
    }, delay);
    this.timers.set(ws, { timer, first });
  }

  /** Called after each check of a workspace, once its diagnostics are sent (or found unchanged). */
  onDidPublish(listener: (ws: IsmsWorkspace) => void): void {
    this.publishListeners.push(listener);
  }

  /** Checks and sends now. */
  publishNow(ws: IsmsWorkspace, firstUris: readonly string[] = []): void {
    const affected = ws.takeAffected();
    const rest = affected.all ? ws.uris() : affected.uris;
    const order = [...firstUris.filter((uri) => ws.file(uri)), ...rest.filter((uri) => !firstUris.includes(uri))];
    for (const uri of order) {
      try {
        const result = ws.diagnose(uri);
        if (result) this.send(uri, ws.isOpen(uri) ? result.version : undefined, result.diagnostics);
      } catch (error) {
        this.log(`Checking ${uri} failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
      }
    }
    for (const listener of this.publishListeners) {
      try {
        listener(ws);
      } catch (error) {
        this.log(`A listener after publishing failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
      }
    }
  }

  /** Clears the diagnostics of a file that left the ISMS (deleted, closed loose file). */
  clear(uri: string): void {
    if (!this.lastSent.has(uri)) return;
    this.lastSent.delete(uri);
    void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  cancel(ws: IsmsWorkspace): void {
    const pending = this.timers.get(ws);
    if (pending) clearTimeout(pending.timer);
    this.timers.delete(ws);
  }

  private send(uri: string, version: number | undefined, diagnostics: Diagnostic[]): void {
    // The editor moved on while we were checking: a newer run will send its own result.
    if (version !== undefined && this.currentVersion(uri) !== version) return;
    const key = JSON.stringify(diagnostics);
    if (version === undefined && this.lastSent.get(uri) === key) return;
    this.lastSent.set(uri, key);
    void this.connection.sendDiagnostics(version === undefined ? { uri, diagnostics } : { uri, version, diagnostics });
  }
}
