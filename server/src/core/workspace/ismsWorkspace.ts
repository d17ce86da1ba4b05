/**
 * One ISMS: every `.isms.yaml` file under one workspace folder. Holds each file parsed
 * once per version (editor buffers override the disk), the merged model, and the
 * settings from `isms.config.yaml`. Both the LSP server and the CLI drive this class.
 */
import type { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver-types';
import type { CalendarDate } from '../dates';
import { diagnose } from '../diagnostics/diagnose';
import type { WorkspaceHost } from '../host';
import { WorkspaceModel } from '../model/workspaceModel';
import { crossFileSignature } from '../model/crossFileSignature';
import { parseIsmsFile, type IsmsFile } from '../parse/ismsFile';
import { ALL_RULES, RULE_CODES } from '../rules/index';
import type { Rule } from '../rules/rule';
import { CONFIG_FILE_NAME, DEFAULT_SETTINGS, mergeSettings, parseConfig, type IsmsSettings } from '../settings';
import { childUri, isIsmsFileName, isUriInside } from '../uri';
import { memoHost } from './memoHost';
import { safeHost } from './safeHost';
import { DEFAULT_SCAN_LIMITS, scanWorkspace, type ScanLimits, type ScanResult } from './scan';

export interface WorkspaceOptions {
  host: WorkspaceHost;
  /** The workspace folder; every ISMS file below it belongs to this ISMS. */
  folderUri: string;
  /** The one clock every date rule reads. */
  today: () => CalendarDate;
  /** Settings layered over `isms.config.yaml` (the editor's settings). */
  settingsOverride?: Partial<IsmsSettings>;
  /** Hint in the editor, warning in the CLI. */
  unusedSuppressionSeverity: DiagnosticSeverity;
  scanLimits?: ScanLimits;
  rules?: readonly Rule[];
  log?: (message: string) => void;
}

/** A scan in progress (see IsmsWorkspace.startScan). */
export interface ScanJob {
  /** The files found, and what stopped the listing early. */
  readonly result: ScanResult;
  /** How many of the files have been read so far. */
  read(): number;
  /** Reads files until `shouldYield` answers true; true when the scan is over (or superseded). */
  step(shouldYield: () => boolean): boolean;
  /** Ends the scan with the files read so far (all of them, or fewer after a failure): the ISMS stops loading. */
  end(): void;
}

export interface FileDiagnostics {
  uri: string;
  version: number;
  diagnostics: Diagnostic[];
}

export class IsmsWorkspace {
  readonly folderUri: string;
  private readonly files = new Map<string, IsmsFile>();
  /** URIs whose content comes from the editor, not the disk. */
  private readonly openUris = new Set<string>();
  private modelCache: WorkspaceModel | undefined;
  private loadingJob: ScanJob | undefined;
  private settingsCache: IsmsSettings = DEFAULT_SETTINGS;
  private configProblemsCache: string[] = [];
  private readonly failedRules = new Set<string>();
  /** Files to check again: the ones edited, or every file when an edit reached others. */
  private readonly changedUris = new Set<string>();
  private changedAll = true;
  /** The host as rules see it: answers remembered for one check pass. */
  private checkHost: WorkspaceHost;

  constructor(private readonly options: WorkspaceOptions) {
    this.options = options = { ...options, host: safeHost(options.host) }; // an injected host may throw; everything below expects `undefined`
    this.folderUri = options.folderUri.replace(/\/+$/, '');
    this.checkHost = memoHost(options.host);
    this.reloadConfig();
  }

  /** The file system this ISMS is read through (for evidence links). */
  get host(): WorkspaceHost {
    return this.options.host;
  }

  /** "Today" from the workspace's clock (for features such as date completion). */
  today(): CalendarDate {
    return this.options.today();
  }

  get settings(): IsmsSettings {
    return this.settingsCache;
  }

  /** Problems with `isms.config.yaml`, to show once to the user. */
  get configProblems(): readonly string[] {
    return this.configProblemsCache;
  }

  get rules(): readonly Rule[] {
    return this.options.rules ?? ALL_RULES;
  }

  /** Reads every ISMS file on disk (editor buffers keep precedence). */
  scan(): ScanResult {
    const job = this.startScan();
    job.step(() => false);
    return job.result;
  }

  /**
   * The same scan in steps, so that a server can answer other messages while a large ISMS
   * is read: the folder is listed at once, then each `step` reads files until `shouldYield`
   * says so. Until the last step the ISMS is incomplete (`isLoading`): diagnostics and
   * cross-file answers must wait for it. A newer scan supersedes this one.
   */
  startScan(): ScanJob {
    const result = scanWorkspace(this.options.host, this.folderUri, this.options.scanLimits ?? DEFAULT_SCAN_LIMITS);
    const found = new Set(result.uris);
    for (const uri of [...this.files.keys()]) {
      if (!found.has(uri) && !this.openUris.has(uri)) this.files.delete(uri);
    }
    this.invalidate();
    let next = 0;
    const job: ScanJob = {
      result,
      read: () => next,
      step: (shouldYield) => {
        while (this.loadingJob === job && next < result.uris.length) {
          const uri = result.uris[next++]!;
          // An editor buffer opened meanwhile keeps precedence over the disk.
          if (!this.openUris.has(uri)) this.loadFromDisk(uri);
          if (next < result.uris.length && shouldYield()) return false;
        }
        job.end();
        return true;
      },
      end: () => {
        if (this.loadingJob !== job) return;
        this.loadingJob = undefined;
        this.invalidate();
      },
    };
    this.loadingJob = job;
    return job;
  }

  /** True while a scan has files left to read: the ISMS is not complete yet. */
  get isLoading(): boolean {
    return this.loadingJob !== undefined;
  }

  /** Adds files by URI (the CLI's file arguments), read from disk. */
  addFilesFromDisk(uris: readonly string[]): string[] {
    const unreadable: string[] = [];
    for (const uri of uris) if (!this.loadFromDisk(uri)) unreadable.push(uri);
    this.invalidate();
    return unreadable;
  }

  /** True when the URI is an ISMS file below this folder. */
  owns(uri: string): boolean {
    return isUriInside(uri, this.folderUri) && isIsmsFileName(uri);
  }

  /** The editor's content for a file (open or changed). */
  setDocument(uri: string, text: string, version: number): IsmsFile {
    this.openUris.add(uri);
    const current = this.files.get(uri);
    if (current && current.version === version && current.text === text) return current;
    // Both signatures are taken against the model before the edit: it answers for the
    // other files, which the edit did not touch, without rebuilding the whole model.
    const model = this.model;
    const before = current ? crossFileSignature(current, model) : undefined;
    const file = parseIsmsFile(uri, text, version);
    this.files.set(uri, file);
    this.modelCache = model.withFile(file);
    if (before !== undefined && before === crossFileSignature(file, model)) this.changedUris.add(uri);
    else this.changedAll = true;
    return file;
  }

  /**
   * The files whose diagnostics may have changed since the last call: `all`, or just the
   * edited files when no edit changed what other files can see of them.
   */
  takeAffected(): { all: true } | { all: false; uris: string[] } {
    this.checkHost = memoHost(this.options.host);
    const result: { all: true } | { all: false; uris: string[] } = this.changedAll ? { all: true } : { all: false, uris: [...this.changedUris].filter((uri) => this.files.has(uri)) };
    this.changedAll = false;
    this.changedUris.clear();
    return result;
  }

  private invalidate(): void {
    this.modelCache = undefined;
    this.changedAll = true;
  }

  /** The editor closed the file: the disk is the truth again. */
  closeDocument(uri: string): void {
    this.openUris.delete(uri);
    this.fileChangedOnDisk(uri);
  }

  /** A watched file was created or changed on disk. */
  fileChangedOnDisk(uri: string): void {
    if (this.isConfigUri(uri)) {
      this.reloadConfig();
      return;
    }
    if (this.openUris.has(uri) || !this.owns(uri)) return;
    if (!this.loadFromDisk(uri)) this.files.delete(uri);
    this.invalidate();
  }

  /** A watched file was deleted. */
  fileDeleted(uri: string): void {
    if (this.isConfigUri(uri)) {
      this.reloadConfig();
      return;
    }
    if (this.openUris.has(uri)) return;
    if (this.files.delete(uri)) this.invalidate();
  }

  isOpen(uri: string): boolean {
    return this.openUris.has(uri);
  }

  file(uri: string): IsmsFile | undefined {
    return this.files.get(uri);
  }

  uris(): string[] {
    return [...this.files.keys()].sort();
  }

  get model(): WorkspaceModel {
    if (!this.modelCache) this.modelCache = new WorkspaceModel(this.files.values());
    return this.modelCache;
  }

  /** Re-reads `isms.config.yaml`; returns true when the settings changed. */
  reloadConfig(): boolean {
    const before = JSON.stringify(this.settingsCache);
    const text = this.options.host.readFile(childUri(this.folderUri, CONFIG_FILE_NAME));
    const parsed = text === undefined ? { settings: DEFAULT_SETTINGS, problems: [] } : parseConfig(text, RULE_CODES);
    this.configProblemsCache = parsed.problems;
    this.settingsCache = mergeSettings(parsed.settings, this.options.settingsOverride);
    const changed = before !== JSON.stringify(this.settingsCache);
    if (changed) this.changedAll = true;
    return changed;
  }

  /** Replaces the editor's settings layer. */
  setSettingsOverride(override: Partial<IsmsSettings> | undefined): void {
    this.options.settingsOverride = override;
    this.reloadConfig();
  }

  diagnose(uri: string): FileDiagnostics | undefined {
    const file = this.files.get(uri);
    if (!file) return undefined;
    const diagnostics = diagnose({
      file,
      model: this.model,
      rules: this.rules,
      settings: this.settingsCache,
      today: this.options.today(),
      folderUri: this.folderUri,
      host: this.checkHost,
      unusedSuppressionSeverity: this.options.unusedSuppressionSeverity,
      onRuleError: (code, error) => this.ruleFailed(code, error),
    });
    return { uri, version: file.version, diagnostics };
  }

  diagnoseAll(): FileDiagnostics[] {
    this.checkHost = memoHost(this.options.host);
    return this.uris().map((uri) => this.diagnose(uri)!);
  }

  private ruleFailed(code: string, error: unknown): void {
    if (this.failedRules.has(code)) return;
    this.failedRules.add(code);
    const detail = error instanceof Error ? error.stack ?? error.message : String(error);
    this.options.log?.(`Rule '${code}' failed and was skipped (reported once): ${detail}`);
  }

  private isConfigUri(uri: string): boolean {
    return uri === childUri(this.folderUri, CONFIG_FILE_NAME);
  }

  private loadFromDisk(uri: string): boolean {
    const text = this.options.host.readFile(uri);
    if (text === undefined) return false;
    const current = this.files.get(uri);
    if (current && current.text === text) return true;
    this.files.set(uri, parseIsmsFile(uri, text, (current?.version ?? 0) + 1));
    return true;
  }
}
