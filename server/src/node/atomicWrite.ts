/**
 * Writes a report the safe way: to a temporary file beside the target, then renamed
 * over it, so a crash or a full disk never leaves a half-written report; and never over
 * an existing file unless the caller has the user's consent.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

export class TargetExistsError extends Error {}

export function writeFileAtomic(target: string, content: string, overwrite: boolean): void {
  if (!overwrite && fs.existsSync(target)) throw new TargetExistsError(`'${target}' already exists`);
  const dir = path.dirname(target);
  const temp = path.join(dir, `.${path.basename(target)}.${process.pid}.${Date.now()}.tmp`);
  try {
    // `wx`: the temporary name is ours alone; never follow something planted there.
    fs.writeFileSync(temp, content, { encoding: 'utf8', flag: 'wx' });
    if (!overwrite && fs.existsSync(target)) throw new TargetExistsError(`'${target}' already exists`);
    fs.renameSync(temp, target);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw error;
  }
}
