/**
 * One e2e run at a time per work tree: runs share code-server's install and the
 * screenshots folder. A second run waits for the first (a lock file with its pid); a
 * lock whose process is gone is taken over. Also removes the folders of earlier runs
 * whose process is gone (a run's folder is named …-<pid>).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { delay } from './proc';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export async function acquireRunLock(workDir: string, timeoutMs: number): Promise<() => void> {
  fs.mkdirSync(workDir, { recursive: true });
  const lock = path.join(workDir, 'e2e.lock');
  const deadline = Date.now() + timeoutMs;
  let told = false;
  for (;;) {
    try {
      fs.writeFileSync(lock, String(process.pid), { flag: 'wx' });
      const release = () => {
        try {
          if (fs.readFileSync(lock, 'utf8') === String(process.pid)) fs.rmSync(lock);
        } catch {
          // gone already
        }
      };
      process.on('exit', release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = Number(fs.readFileSync(lock, 'utf8').trim());
    if (!Number.isInteger(holder) || holder <= 0 || !alive(holder)) {
      fs.rmSync(lock, { force: true });
      continue;
    }
    if (Date.now() > deadline) throw new Error(`another e2e run (pid ${holder}) holds ${lock}`);
    if (!told) console.log(`  waiting for the e2e run of pid ${holder} to finish`);
    told = true;
    await delay(1_000);
  }
}

/** Removes run folders (`<anything>-<pid>`) whose process is gone. */
export function removeStaleRuns(runsDir: string): void {
  if (!fs.existsSync(runsDir)) return;
  for (const name of fs.readdirSync(runsDir)) {
    const pid = Number(/-(\d+)$/.exec(name)?.[1]);
    if (pid && alive(pid) && pid !== process.pid) continue;
    fs.rmSync(path.join(runsDir, name), { recursive: true, force: true });
  }
}
