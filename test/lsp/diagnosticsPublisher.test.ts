/**
 * The publisher's passes: sliced, superseded by newer edits, and never losing a file
 * that a superseded pass had not reached.
 */
import * as assert from 'node:assert/strict';
import type { Connection, PublishDiagnosticsParams } from 'vscode-languageserver';
import { DiagnosticsPublisher } from '../../server/src/lsp/diagnosticsPublisher';
import { uriOf, workspaceOf } from '../helpers/memoryHost';

function fakeConnection(sent: PublishDiagnosticsParams[]): Connection {
  return { sendDiagnostics: (params: PublishDiagnosticsParams) => (sent.push(params), Promise.resolve()) } as unknown as Connection;
}

const idle = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('DiagnosticsPublisher', () => {
  const files: Record<string, string> = {};
  for (let i = 0; i < 30; i++) files[`p${String(i).padStart(2, '0')}.isms.yaml`] = `people:\n  - id: person-${i}\n    name: Person ${i}\n`;

  it('publishes every file even when each pass is cut short by a newer edit', async () => {
    const ws = workspaceOf(files);
    const sent: PublishDiagnosticsParams[] = [];
    // Slices of 0 ms: one file per turn of the event loop.
    const publisher = new DiagnosticsPublisher(fakeConnection(sent), () => undefined, () => undefined, 0, 0);
    publisher.publishNow(ws);
    for (let v = 2; v < 6; v++) {
      ws.setDocument(uriOf('p00.isms.yaml'), files['p00.isms.yaml']!.replace('Person 0', `Person 0 v${v}`), v);
      publisher.publishNow(ws, [uriOf('p00.isms.yaml')]);
    }
    await idle();
    const published = new Set(sent.map((p) => p.uri));
    assert.equal(published.size, 30, 'every file was published once the passes settled');
  });

  it('checks the edited file first', () => {
    const ws = workspaceOf(files);
    const sent: PublishDiagnosticsParams[] = [];
    const publisher = new DiagnosticsPublisher(fakeConnection(sent), () => 7, () => undefined, 0, 0);
    ws.takeAffected();
    ws.setDocument(uriOf('p17.isms.yaml'), files['p17.isms.yaml']!.replace('id: person-17', 'id: person-x'), 7);
    publisher.publishNow(ws, [uriOf('p17.isms.yaml')]);
    assert.equal(sent[0]!.uri, uriOf('p17.isms.yaml'));
    assert.equal(sent[0]!.version, 7);
  });
});
