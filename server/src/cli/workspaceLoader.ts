/**
 * Opens one ISMS from the disk for a command: a folder (scanned) or a set of files,
 * with config problems and scan trouble printed as warnings. `check`, `report` and
 * `status` all load their workspaces here.
 */
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import type { CalendarDate } from '../core/dates';
import type { WorkspaceHost } from '../core/host';
import { CONFIG_FILE_NAME } from '../core/settings';
import { pathToUri } from '../core/uri';
import { escapeInvisible } from '../core/visibleText';
import { IsmsWorkspace } from '../core/workspace/ismsWorkspace';
import { createClock, InvalidTodayError } from '../node/clock';
import type { CheckTarget } from './checkTargets';
import { displayPath } from './findings';
import { CliError, warn, type CliIo } from './io';

/** The clock for `--today` (wins) or `ISMS_TODAY`; a bad date is a usage error. */
export function clockFor(todayOption: string | undefined, io: CliIo, command: string): () => CalendarDate {
  try {
    return createClock(todayOption, io.env);
  } catch (error) {
    if (error instanceof InvalidTodayError) throw new CliError(`${todayOption !== undefined ? '--today: ' : ''}${error.message}`, command);
    throw error;
  }
}

/**
 * Loads a target into a fresh workspace. Rule failures reported by the core are
 * collected in `internalErrors` (first line only) so the caller can fail loudly.
 */
export function loadWorkspace(target: CheckTarget, host: WorkspaceHost, today: () => CalendarDate, io: CliIo, internalErrors: string[]): IsmsWorkspace {
  const workspace = new IsmsWorkspace({
    host,
    folderUri: pathToUri(target.folder),
    today,
    unusedSuppressionSeverity: DiagnosticSeverity.Warning,
    // Printed to the terminal; an exception's message may quote a value from a file.
    log: (message) => internalErrors.push(escapeInvisible(message.split('\n')[0]!)),
  });
  const configPath = displayPath(`${workspace.folderUri}/${CONFIG_FILE_NAME}`, io.cwd);
  for (const problem of workspace.configProblems) {
    warn(io, problem.startsWith(CONFIG_FILE_NAME) ? configPath + problem.slice(CONFIG_FILE_NAME.length) : `${configPath}: ${problem}`);
  }
  if (target.kind === 'folder') loadFolder(workspace, target.argument, io);
  else {
    const unreadable = workspace.addFilesFromDisk(target.files.map((file) => pathToUri(file)));
    if (unreadable.length > 0) throw new CliError(`cannot read '${displayPath(unreadable[0]!, io.cwd)}'`);
  }
  return workspace;
}

function loadFolder(workspace: IsmsWorkspace, argument: string, io: CliIo): void {
  const scan = workspace.scan();
  for (const dir of scan.unreadable) {
    if (dir === workspace.folderUri) throw new CliError(`cannot read the folder '${argument}'`);
    warn(io, `cannot read the folder '${displayPath(dir, io.cwd)}'; its ISMS files were not checked`);
  }
  if (scan.truncated) warn(io, `'${argument}' holds too many files; the scan stopped early and some ISMS files were not checked`);
  if (scan.uris.length === 0 && scan.unreadable.length === 0) {
    warn(io, `no ISMS files (*.isms.yaml, *.isms.yml) found in '${argument}'`);
  }
}
