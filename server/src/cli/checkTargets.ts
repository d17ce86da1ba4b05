/**
 * Turns the PATH arguments of `isms check` into workspaces to check (spec §9): each
 * folder is one workspace; all file arguments together are one workspace whose folder
 * is their deepest common parent. Every path is validated before anything is checked,
 * so a typo fails fast with exit code 2 and no partial output.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { isIsmsFileName } from '../core/uri';
import { CliError } from './io';

export type CheckTarget =
  /** A workspace folder, scanned for ISMS files. */
  | { readonly kind: 'folder'; readonly folder: string; readonly argument: string }
  /** Files named on the command line, checked together without a scan. */
  | { readonly kind: 'files'; readonly folder: string; readonly files: readonly string[] };

/** Resolves the arguments (default: the current folder) against `cwd`; throws CliError. */
export function resolveCheckTargets(args: readonly string[], cwd: string): CheckTarget[] {
  const folders: CheckTarget[] = [];
  const files: string[] = [];
  for (const argument of args.length > 0 ? args : ['.']) {
    const absolute = path.resolve(cwd, argument);
    const stat = statOrFail(absolute, argument);
    if (stat.isDirectory()) {
      try {
        fs.readdirSync(absolute);
      } catch (error) {
        throw new CliError(`cannot read the folder '${argument}' (${reason(error)})`);
      }
      if (!folders.some((t) => t.folder === absolute)) folders.push({ kind: 'folder', folder: absolute, argument });
    } else if (stat.isFile()) {
      if (!isIsmsFileName(path.basename(absolute))) {
        throw new CliError(`'${argument}' is not an ISMS file (the name must end in .isms.yaml or .isms.yml)`);
      }
      try {
        fs.accessSync(absolute, fs.constants.R_OK);
      } catch (error) {
        throw new CliError(`cannot read '${argument}' (${reason(error)})`);
      }
      if (!files.includes(absolute)) files.push(absolute);
    } else {
      throw new CliError(`'${argument}' is neither a file nor a folder`);
    }
  }
  if (files.length > 0) folders.push({ kind: 'files', folder: commonParent(files), files });
  return folders;
}

function statOrFail(absolute: string, argument: string): fs.Stats {
  try {
    return fs.statSync(absolute);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new CliError(`no such file or folder: '${argument}'`);
    throw new CliError(`cannot read '${argument}' (${reason(error)})`);
  }
}

/** The deepest folder that contains every file (its own folder for a single file). */
export function commonParent(files: readonly string[]): string {
  const dirs = files.map((file) => path.dirname(file));
  const contains = (folder: string, dir: string): boolean => {
    const relative = path.relative(folder, dir);
    return relative === '' || (relative !== '..' && !relative.startsWith('..' + path.sep) && !path.isAbsolute(relative));
  };
  let common = dirs[0]!;
  while (!dirs.every((dir) => contains(common, dir))) {
    const parent = path.dirname(common);
    // Only files on different Windows drives share no folder at all.
    if (parent === common) throw new CliError('files on different drives cannot be checked together; check them one drive at a time');
    common = parent;
  }
  return common;
}

function reason(error: unknown): string {
  const e = error as NodeJS.ErrnoException;
  if (e.code === 'EACCES' || e.code === 'EPERM') return 'permission denied';
  return e.code ?? (error instanceof Error ? error.message : String(error));
}
