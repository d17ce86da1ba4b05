/**
 * The extension's custom protocol (server/src/protocol.ts) through the built server:
 * phases, reports (byte-identical to the CLI's), controls, the SoA stubs edit, re-check
 * and the phases notification.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DiagnosticSeverity, type TextEdit } from 'vscode-languageserver-types';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { parseDate } from '../../server/src/core/dates';
import { pathToUri } from '../../server/src/core/uri';
import { IsmsWorkspace } from '../../server/src/core/workspace/ismsWorkspace';
import { createDiskHost } from '../../server/src/node/diskHost';
import {
  CONTROLS_REQUEST, DID_CHANGE_PHASES_NOTIFICATION, MISSING_CONTROLS_EDIT_REQUEST, PHASES_REQUEST, RECHECK_REQUEST, REPORT_REQUEST,
  type ControlsResult, type DidChangePhasesParams, type MissingControlsEditResult, type PhasesResult, type RecheckResult,
  type ReportFormat, type ReportKind, type ReportResult,
} from '../../server/src/protocol';
import { removeTempWorkspaces, tempWorkspace } from '../helpers/tempWorkspace';
import { TestClient } from '../helpers/lspClient';

const REPO = path.resolve(__dirname, '../..');
const ACME = path.join(REPO, 'examples/acme');
const CLI = path.join(REPO, 'dist/cli.js');
const TODAY = '2026-11-28';

const STEP_IDS = [
  ['approval', 'team', 'scope', 'soa', 'pre-assessment'],
  ['auditor', 'stage-1', 'stage-2', 'certificate'],
  ['internal-reviews', 'surveillance', 'recertification'],
];

const SOA_ONE = `soa:
  controls:
    - id: A.5.1
      applicable: true
      justification: Needed to direct the ISMS and required by contracts.
`;

/** The ISMS of a folder as the core sees it on disk, on TODAY. */
function coreWorkspace(dir: string): IsmsWorkspace {
  const today = parseDate(TODAY)!;
  const ws = new IsmsWorkspace({ host: createDiskHost(), folderUri: pathToUri(dir), today: () => today, unusedSuppressionSeverity: DiagnosticSeverity.Warning });
  ws.scan();
  return ws;
}

/** Applies an LSP TextEdit list to a text. */
function applyEdits(uri: string, text: string, edits: readonly TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create(uri, 'isms-yaml', 1, text), [...edits]);
}

describe('custom protocol (isms/*) over stdio', function () {
  this.timeout(60_000);
  let client: TestClient | undefined;
  let dir: string | undefined;

  afterEach(async () => {
    await client?.stop();
    client = undefined;
    removeTempWorkspaces();
    dir = undefined;
  });

  async function start(folder: string): Promise<TestClient> {
    client = new TestClient({ workspaceFolders: [pathToUri(folder)], env: { ISMS_TODAY: TODAY } });
    await client.start();
    return client;
  }

  it('isms/phases answers 3 phases and 12 steps in spec order for examples/acme', async () => {
    const c = await start(ACME);
    const result = await c.request<PhasesResult>(PHASES_REQUEST, {});
    assert.equal(result.folders.length, 1);
    const folder = result.folders[0]!;
    assert.equal(folder.folderUri, pathToUri(ACME));
    assert.equal(folder.name, 'acme');
    assert.ok(folder.fileCount >= 7, `fileCount ${folder.fileCount}`);
    assert.deepEqual(folder.phases.map((p) => p.id), ['planning', 'audit', 'maintenance']);
    assert.deepEqual(folder.phases.map((p) => p.steps.map((s) => s.id)), STEP_IDS);
    assert.deepEqual(folder.soa, { addressed: 93, total: 93 });
    const soaStep = folder.phases[0]!.steps[3]!;
    assert.equal(soaStep.state, 'done');
    assert.match(soaStep.detail, /93\/93/);
    assert.ok(soaStep.requirement.length > 0);
    assert.ok(soaStep.file?.endsWith('/soa.isms.yaml'), soaStep.file);
    for (const step of folder.phases.flatMap((p) => p.steps)) {
      assert.ok(['done', 'in-progress', 'not-started', 'attention'].includes(step.state), step.state);
      for (const child of step.children ?? []) assert.ok(['error', 'missing-control', 'finding', 'item'].includes(child.kind));
    }
    // The same folder asked for by URI.
    const one = await c.request<PhasesResult>(PHASES_REQUEST, { folderUri: pathToUri(ACME) });
    assert.deepEqual(one, result);
  });

  it('isms/phases counts diagnostics and lists missing controls as children of the SoA step', async () => {
    dir = tempWorkspace({ 'soa.isms.yaml': SOA_ONE + '    - id: A.5.99\n      applicable: true\n      justification: A control that does not exist at all.\n' });
    const c = await start(dir);
    const folder = (await c.request<PhasesResult>(PHASES_REQUEST, {})).folders[0]!;
    assert.deepEqual(folder.soa, { addressed: 1, total: 93 });
    assert.ok(folder.errors >= 1, 'unknown-control is an error');
    assert.ok(folder.warnings >= 1, 'soa-incomplete is a warning');
    const soaStep = folder.phases[0]!.steps.find((s) => s.id === 'soa')!;
    assert.equal(soaStep.state, 'attention');
    const missing = soaStep.children!.filter((child) => child.kind === 'missing-control');
    assert.equal(missing.length, 92);
    assert.equal(missing[0]!.label, 'A.5.2');
    assert.ok(soaStep.children!.some((child) => child.kind === 'error' && child.detail === 'unknown-control'));
  });

  it('isms/phases reports an empty folder with fileCount 0', async () => {
    dir = tempWorkspace({ 'notes.txt': 'no ISMS here' });
    const c = await start(dir);
    const [folder] = (await c.request<PhasesResult>(PHASES_REQUEST, {})).folders;
    assert.equal(folder!.fileCount, 0);
    assert.deepEqual(folder!.soa, { addressed: 0, total: 93 });
  });

  it('sends isms/didChangePhases after publishing, again after an edit', async () => {
    dir = tempWorkspace({ 'soa.isms.yaml': SOA_ONE });
    client = new TestClient({ workspaceFolders: [pathToUri(dir)], env: { ISMS_TODAY: TODAY } });
    const seen: DidChangePhasesParams[] = [];
    let notify: () => void = () => undefined;
    client.connection.onNotification(DID_CHANGE_PHASES_NOTIFICATION, (params: DidChangePhasesParams) => {
      seen.push(params);
      notify();
    });
    const next = (count: number) => new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`only ${seen.length} notifications`)), 10_000);
      notify = () => {
        if (seen.length >= count) {
          clearTimeout(timer);
          resolve();
        }
      };
      notify();
    });
    await client.start();
    await next(1);
    assert.equal(seen[0]!.folderUri, pathToUri(dir));
    const uri = pathToUri(path.join(dir, 'soa.isms.yaml'));
    await client.open(uri, SOA_ONE, 1);
    await client.change(uri, SOA_ONE.replace('A.5.1', 'A.5.2'), 2);
    await next(2);
    const phases = await client.request<PhasesResult>(PHASES_REQUEST, {});
    const soaStep = phases.folders[0]!.phases[0]!.steps.find((s) => s.id === 'soa')!;
    assert.ok(soaStep.children!.some((child) => child.label === 'A.5.1' && child.kind === 'missing-control'), 'the edit is reflected');
  });

  it('isms/report returns the bytes of `isms report` for every report and format', async () => {
    const c = await start(ACME);
    for (const kind of ['soa', 'pre-assessment', 'nonconformities'] as ReportKind[]) {
      for (const format of ['md', 'html', 'csv'] as ReportFormat[]) {
        const { content } = await c.request<ReportResult>(REPORT_REQUEST, { folderUri: pathToUri(ACME), kind, format });
        const run = spawnSync(process.execPath, [CLI, 'report', kind, ACME, '--format', format], { encoding: 'utf8', env: { ...process.env, ISMS_TODAY: TODAY } });
        assert.equal(run.status, 0, run.stderr);
        assert.ok(content.length > 100, `${kind}.${format} is empty`);
        assert.equal(content, run.stdout, `${kind}.${format} differs from the CLI`);
      }
    }
  });

  it('isms/report rejects an unknown report kind', async () => {
    const c = await start(ACME);
    await assert.rejects(c.request(REPORT_REQUEST, { folderUri: pathToUri(ACME), kind: 'everything', format: 'md' }), /Unknown report/);
  });

  it('isms/controls lists the 93 controls with their state and SoA location', async () => {
    const c = await start(ACME);
    const result = await c.request<ControlsResult>(CONTROLS_REQUEST, { folderUri: pathToUri(ACME) });
    assert.equal(result.controls.length, 93);
    assert.ok(result.soaUri?.endsWith('/soa.isms.yaml'));
    const first = result.controls[0]!;
    assert.equal(first.id, 'A.5.1');
    assert.equal(first.theme, 'Organizational');
    assert.equal(first.addressed, true);
    assert.equal(first.applicable, true);
    assert.equal(first.status, 'implemented');
    assert.equal(first.owner, 'alice');
    assert.ok(first.evidenceCount >= 1);
    assert.equal(first.location?.uri, result.soaUri);
    const soaText = fs.readFileSync(path.join(ACME, 'soa.isms.yaml'), 'utf8');
    const line = soaText.split('\n')[first.location!.range.start.line]!;
    assert.equal(line.slice(first.location!.range.start.character, first.location!.range.end.character), 'A.5.1');
  });

  it('isms/missingControlsEdit returns an edit that completes an incomplete SoA', async () => {
    dir = tempWorkspace({ 'soa.isms.yaml': SOA_ONE });
    const c = await start(dir);
    const uri = pathToUri(path.join(dir, 'soa.isms.yaml'));
    const result = await c.request<MissingControlsEditResult>(MISSING_CONTROLS_EDIT_REQUEST, { folderUri: pathToUri(dir) });
    assert.equal(result.added.length, 92);
    assert.equal(result.targetUri, uri);
    const edits = result.edit?.changes?.[uri];
    assert.ok(edits, JSON.stringify(result));
    fs.writeFileSync(path.join(dir, 'soa.isms.yaml'), applyEdits(uri, SOA_ONE, edits));
    const ws = coreWorkspace(dir);
    assert.equal(ws.model.soaEntries.length, 93);
    const codes = ws.diagnoseAll().flatMap((f) => f.diagnostics.map((d) => d.code));
    assert.ok(!codes.includes('soa-incomplete'), codes.join());
    assert.ok(!codes.includes('yaml-syntax') && !codes.includes('schema'), codes.join());
  });

  it('isms/missingControlsEdit adds only the controls asked for, and nothing twice', async () => {
    dir = tempWorkspace({ 'soa.isms.yaml': SOA_ONE });
    const c = await start(dir);
    const folderUri = pathToUri(dir);
    const uri = pathToUri(path.join(dir, 'soa.isms.yaml'));
    const one = await c.request<MissingControlsEditResult>(MISSING_CONTROLS_EDIT_REQUEST, { folderUri, ids: ['A.8.2'] });
    assert.deepEqual(one.added, ['A.8.2']);
    const after = applyEdits(uri, SOA_ONE, one.edit!.changes![uri]!);
    assert.match(after, /- id: A\.8\.2 # Privileged access rights\n\s+applicable: true\n\s+justification: TODO\n$/);
    const again = await c.request<MissingControlsEditResult>(MISSING_CONTROLS_EDIT_REQUEST, { folderUri, ids: ['A.5.1'] });
    assert.equal(again.edit, null);
    assert.deepEqual(again.added, []);
    assert.match(again.reason ?? '', /already/);
  });

  it('isms/missingControlsEdit creates soa.isms.yaml when the ISMS has no SoA', async () => {
    dir = tempWorkspace({ 'people.isms.yaml': 'people:\n  - id: alice\n    name: Alice Chen\n' });
    const c = await start(dir);
    const result = await c.request<MissingControlsEditResult>(MISSING_CONTROLS_EDIT_REQUEST, { folderUri: pathToUri(dir) });
    assert.equal(result.added.length, 93);
    const target = pathToUri(path.join(dir, 'soa.isms.yaml'));
    assert.equal(result.targetUri, target);
    const changes = result.edit?.documentChanges ?? [];
    assert.deepEqual(changes[0], { kind: 'create', uri: target, options: { overwrite: false, ignoreIfExists: true } });
    const insert = changes[1] as { textDocument: { uri: string }; edits: TextEdit[] };
    assert.equal(insert.textDocument.uri, target);
    fs.writeFileSync(path.join(dir, 'soa.isms.yaml'), applyEdits(target, '', insert.edits));
    const ws = coreWorkspace(dir);
    assert.equal(ws.model.soaEntries.length, 93);
    const codes = ws.diagnoseAll().flatMap((f) => f.diagnostics.map((d) => d.code));
    assert.ok(!codes.includes('soa-incomplete') && !codes.includes('yaml-syntax') && !codes.includes('schema'), codes.join());
  });

  it('isms/recheck reads files that changed on disk without a watcher event', async () => {
    dir = tempWorkspace({ 'people.isms.yaml': 'people:\n  - id: alice\n    name: Alice Chen\n' });
    const c = await start(dir);
    const before = (await c.request<PhasesResult>(PHASES_REQUEST, {})).folders[0]!;
    assert.equal(before.soa.addressed, 0);
    fs.writeFileSync(path.join(dir, 'soa.isms.yaml'), SOA_ONE);
    const result = await c.request<RecheckResult>(RECHECK_REQUEST, {});
    assert.equal(result.files, 2);
    const after = (await c.request<PhasesResult>(PHASES_REQUEST, {})).folders[0]!;
    assert.equal(after.soa.addressed, 1);
    await c.waitFor(pathToUri(path.join(dir, 'soa.isms.yaml')), (p) => p.diagnostics.some((d) => d.code === 'soa-incomplete'));
  });
});
