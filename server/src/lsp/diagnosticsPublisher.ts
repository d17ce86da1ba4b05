/**
 * Debounced, push-model diagnostics (spec §9 "Protocol"): after an edit settles, the
 * edited file is checked first, then every other file of its ISMS when the edit changed
 * what they can see of it (an id in `people`, a date in `evidence` …); an edit inside
 * free text re-checks the edited file alone. Unchanged results are not re-sent; results
 * for a version that is no longer current are never sent.
 *
 * A pass over many files runs in slices, yielding to the event loop between them, so
 * hovers and completions are answered and results stream to the editor; a newer edit
 * cancels the pass and the files it had not reached are carried into the next one.
 *
 * Nothing is checked while an ISMS is still being read (IsmsWorkspace.isLoading): with
 * half its files, references to the rest would be reported as unknown. The files asked
 * for meanwhile are checked first once it is read.
 */
import type { Connection, Diagnostic } from 'vscode-languageserver';
import type { IsmsWorkspace } from '../core/workspace/ismsWorkspace';

/** Longest stretch of checking before other messages get a turn. */
const DEFAULT_SLICE_MS = 25;
/** Upper bound of the adaptive debounce. */
const MAX_AUTO_DEBOUNCE_MS = 100;

interface Pass {
  queue: string[];
  next: number;
  cancelled: boolean;
}

export class DiagnosticsPublisher {
  private readonly timers = new Map<IsmsWorkspace, { timer: NodeJS.Timeout; first: Set<string> }>();
  private readonly passes = new Map<IsmsWorkspace, Pass>();
  private readonly lastSent = new Map<string, string>();
  private readonly publishListeners: ((ws: IsmsWorkspace) => void)[] = [];
  /** How long checking the edited file took last time, per ISMS (drives the adaptive debounce). */
  private readonly lastCheckMs = new Map<IsmsWorkspace, number>();
  /** Files to check first once their ISMS is read. */
  private readonly waitingForLoad = new Map<IsmsWorkspace, Set<string>>();

  /**
   * @param debounceMs fixed debounce, or undefined for the adaptive one: half the time the
   * last check of an edited file took (at most 100 ms), so a fast check answers at once
   * and a slow one is not repeated for every keystroke.
   */
  constructor(
    private readonly connection: Connection,
    private readonly currentVersion: (uri: string) => number | undefined,
    private readonly log: (message: string) => void,
    public debounceMs: number | undefined,
    /** Longest stretch of checking before yielding (Infinity: one synchronous pass, for measurements). */
    private readonly sliceMs = DEFAULT_SLICE_MS,
  ) {}

  /** Checks the workspace after the debounce; `firstUri` is checked and sent first. */
  schedule(ws: IsmsWorkspace, firstUri?: string, delay = this.delayFor(ws)): void {
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

  /** Starts a check pass now (the files `firstUris` first); a running pass is superseded. */
  publishNow(ws: IsmsWorkspace, firstUris: readonly string[] = []): void {
    const waiting = this.waitingForLoad.get(ws) ?? new Set<string>();
    for (const uri of firstUris) waiting.add(uri);
    if (ws.isLoading) {
      this.waitingForLoad.set(ws, waiting);
      return;
    }
    this.waitingForLoad.delete(ws);
    firstUris = [...waiting];
    const previous = this.passes.get(ws);
    const carried = previous ? previous.queue.slice(previous.next) : [];
    if (previous) previous.cancelled = true;
    const affected = ws.takeAffected();
    const rest = affected.all ? ws.uris() : [...carried, ...affected.uris];
    const first = firstUris.filter((uri) => ws.file(uri));
    const queue = [...new Set([...first, ...rest])];
    const pass: Pass = { queue, next: 0, cancelled: false };
    this.passes.set(ws, pass);
    this.run(ws, pass, new Set(first));
  }

  /** Clears the diagnostics of a file that left the ISMS (deleted, closed loose file). */
  clear(uri: string): void {
    if (!this.lastSent.has(uri)) return;
    this.lastSent.delete(uri);
    void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  cancel(ws: IsmsWorkspace): void {
    this.waitingForLoad.delete(ws);
    const pending = this.timers.get(ws);
    if (pending) clearTimeout(pending.timer);
    this.timers.delete(ws);
    const pass = this.passes.get(ws);
    if (pass) pass.cancelled = true;
    this.passes.delete(ws);
  }

  private delayFor(ws: IsmsWorkspace): number {
    if (this.debounceMs !== undefined) return this.debounceMs;
    return Math.min(MAX_AUTO_DEBOUNCE_MS, Math.round((this.lastCheckMs.get(ws) ?? 0) / 2));
  }

  private run(ws: IsmsWorkspace, pass: Pass, edited: ReadonlySet<string>): void {
    const sliceStart = Date.now();
    while (pass.next < pass.queue.length) {
      if (pass.cancelled) return;
      const uri = pass.queue[pass.next++]!;
      const start = Date.now();
      try {
        const result = ws.diagnose(uri);
        if (result) this.send(uri, ws.isOpen(uri) ? result.version : undefined, result.diagnostics);
      } catch (error) {
        this.log(`Checking ${uri} failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
      }
      if (edited.has(uri)) this.lastCheckMs.set(ws, Date.now() - start);
      if (pass.next < pass.queue.length && Date.now() - sliceStart >= this.sliceMs) {
        setImmediate(() => this.run(ws, pass, edited));
        return;
      }
    }
    if (this.passes.get(ws) === pass) this.passes.delete(ws);
    for (const listener of this.publishListeners) {
      try {
        listener(ws);
      } catch (error) {
        this.log(`A listener after publishing failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
      }
    }
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
