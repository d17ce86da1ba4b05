/**
 * Real folders on disk for tests that spawn the CLI or the server: `tempWorkspace(files)`
 * writes the files (paths relative to the folder) and returns the folder; every folder
 * made is removed by `removeTempWorkspaces()` (call it in `after`/`afterEach`).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const made: string[] = [];

export function tempWorkspace(files: Record<string, string> = {}, prefix = 'isms-test-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  made.push(dir);
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
  }
  return dir;
}

export function removeTempWorkspaces(): void {
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
}
