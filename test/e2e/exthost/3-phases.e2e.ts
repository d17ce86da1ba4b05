/**
 * The phase tree's data: the server's `isms/phases` answer, per workspace folder, equals
 * what `isms status --format json` prints for that folder.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { PHASES_REQUEST, type PhaseJson, type PhasesResult } from '../../../server/src/protocol';
import { activateExtension, cli, folder } from './helpers';

/** What the extension's activate() may return for tests: a way to send the custom requests. */
interface TestApi {
  request?: (method: string, params: unknown) => Promise<unknown>;
}

/** The comparable part of a phase list: ids, step ids, states and detail lines. */
function shape(phases: PhaseJson[]): unknown {
  return phases.map((p) => ({ id: p.id, title: p.title, steps: p.steps.map((s) => ({ id: s.id, state: s.state, detail: s.detail })) }));
}

/** `isms status --format json` for one folder: its phases, whatever the envelope. */
function cliPhases(json: unknown): PhaseJson[] {
  const value = json as { folders?: { phases: PhaseJson[] }[]; phases?: PhaseJson[] } | { phases: PhaseJson[] }[];
  if (Array.isArray(value)) return value[0]!.phases;
  if (value.folders) return value.folders[0]!.phases;
  if (value.phases) return value.phases;
  throw new Error(`unexpected 'isms status --format json' output: ${JSON.stringify(json).slice(0, 300)}`);
}

describe('phase tree data', () => {
  for (const name of ['acme', 'broken'] as const) {
    it(`${name}: isms/phases equals 'isms status --format json'`, async () => {
      const ext = await activateExtension();
      const api = ext.exports as TestApi | undefined;
      assert.equal(typeof api?.request, 'function', 'activate() returns { request } (the custom requests, for tests)');
      const ws = folder(name);
      const result = (await api!.request!(PHASES_REQUEST, { folderUri: ws.uri.toString() })) as PhasesResult;
      const mine = result.folders.find((f) => vscode.Uri.parse(f.folderUri).fsPath === ws.uri.fsPath);
      assert.ok(mine, `isms/phases answers for ${name}`);
      assert.deepEqual(mine.phases.map((p) => p.id), ['planning', 'audit', 'maintenance']);
      const status = cli(['status', '.', '--format', 'json'], ws.uri.fsPath);
      assert.ok(status.status === 0 || status.status === 1, `isms status exited ${status.status}: ${status.stderr}`);
      assert.deepEqual(shape(mine.phases), shape(cliPhases(JSON.parse(status.stdout))));
    });
  }
});
