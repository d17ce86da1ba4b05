/**
 * The phase progress of every folder, as last answered by the server (`isms/phases`).
 * The tree view and the status bar both read it; it asks again, debounced, whenever
 * the server says the diagnostics changed.
 */
import * as vscode from 'vscode';
import { PHASES_REQUEST, type FolderProgress, type PhasesResult } from '../../server/src/protocol';
import type { Ctx } from './ctx';

/** Set while at least one folder holds ISMS files (menus and the welcome view read it). */
export const HAS_ISMS_FILES_CONTEXT = 'isms.hasIsmsFiles';

const REFRESH_DELAY_MS = 150;

export class PhaseStore implements vscode.Disposable {
  private current: PhasesResult | undefined;
  private inFlight: Promise<PhasesResult> | undefined;
  private timer: NodeJS.Timeout | undefined;
  private again = false;
  private readonly changed = new vscode.EventEmitter<PhasesResult>();
  readonly onDidChange = this.changed.event;

  constructor(private readonly ctx: Ctx) {
    ctx.push(this, ctx.onDidChangePhases(() => this.refresh()));
  }

  /** The latest answer, fetching it first when there is none yet. */
  async get(): Promise<PhasesResult> {
    return this.current ?? this.fetch();
  }

  /** The folders that hold ISMS files. */
  async foldersWithFiles(): Promise<FolderProgress[]> {
    return (await this.get()).folders.filter((f) => f.fileCount > 0);
  }

  /** Asks the server again soon; bursts of notifications make one request. */
  refresh(delay = REFRESH_DELAY_MS): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.fetch().catch(() => undefined);
    }, delay);
  }

  private fetch(): Promise<PhasesResult> {
    // An answer on its way may predate the change that asked for this one: ask again after it.
    if (this.inFlight) {
      this.again = true;
      return this.inFlight;
    }
    this.inFlight = this.ctx
      .request(PHASES_REQUEST, {})
      .then((result) => {
        this.current = result;
        void vscode.commands.executeCommand('setContext', HAS_ISMS_FILES_CONTEXT, result.folders.some((f) => f.fileCount > 0));
        this.changed.fire(result);
        return result;
      })
      .finally(() => {
        this.inFlight = undefined;
        if (this.again) {
          this.again = false;
          this.refresh(0);
        }
      });
    return this.inFlight;
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.changed.dispose();
  }
}
