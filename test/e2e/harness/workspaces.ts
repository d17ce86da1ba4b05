/** Fresh copies of the examples for each suite, so edits and generated reports never touch the repository. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ROOT } from './paths';

export interface Workspaces {
  dir: string;
  acme: string;
  broken: string;
  /** A multi-root workspace file with both folders. */
  codeWorkspace: string;
}

export function copyExamples(dir: string): Workspaces {
  fs.mkdirSync(dir, { recursive: true });
  const acme = path.join(dir, 'acme');
  const broken = path.join(dir, 'broken');
  fs.cpSync(path.join(ROOT, 'examples', 'acme'), acme, { recursive: true });
  fs.cpSync(path.join(ROOT, 'examples', 'broken'), broken, { recursive: true });
  const codeWorkspace = path.join(dir, 'examples.code-workspace');
  fs.writeFileSync(codeWorkspace, JSON.stringify({ folders: [{ path: 'acme' }, { path: 'broken' }], settings: {} }, null, 2));
  return { dir, acme, broken, codeWorkspace };
}
