/**
 * The shape every rule shares: one module, one code, one default severity, one check.
 * A rule reads the workspace model and reports only within the file being diagnosed,
 * which is what lets the editor re-check one file without re-checking the workspace.
 */
import type { Node } from 'yaml';
import type { CalendarDate } from '../dates';
import type { Finding } from '../diagnostics/finding';
import type { WorkspaceHost } from '../host';
import type { FileFacts } from '../model/facts';
import type { WorkspaceModel } from '../model/workspaceModel';
import type { IsmsFile } from '../parse/ismsFile';
import type { Range } from '../parse/yamlAccess';
import type { IsmsSettings, Severity } from '../settings';

export interface Rule {
  /** The stable code users see, configure and suppress (`unknown-control`). */
  readonly code: string;
  readonly defaultSeverity: Exclude<Severity, 'off'>;
  /** One sentence: what the rule reports (README table, SARIF short description). */
  readonly summary: string;
  /** Why it matters to an auditor and what to do (SARIF help, hover on the code). */
  readonly help: string;
  /** A minimal example of what it reports (README table, SARIF help). */
  readonly example: string;
  check(ctx: RuleContext): void;
}

export interface RuleContext {
  /** The file being diagnosed. Report only inside it. */
  readonly file: IsmsFile;
  readonly facts: FileFacts;
  readonly model: WorkspaceModel;
  /** "Today" from the one injected clock. */
  readonly today: CalendarDate;
  readonly settings: IsmsSettings;
  /** The workspace folder (root of the ISMS) and the file system, for evidence links. */
  readonly folderUri: string;
  readonly host: WorkspaceHost;
  /** Reports a problem on a node (its value range) or an explicit offset range. */
  report(at: Node | Range | undefined | null, message: string, extra?: Pick<Finding, 'data' | 'related'>): void;
}
