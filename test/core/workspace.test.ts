import assert from 'node:assert/strict';
import { uriOf, workspaceOf } from '../helpers/memoryHost';

const PEOPLE = 'people:\n  - id: bob\n    name: Bob Diaz\n    roles: [remediation-owner]\n';
const SOA = 'soa:\n  controls:\n    - id: A.5.1\n      applicable: true\n      justification: Needed to direct the ISMS; required by contracts.\n      status: planned\n      owner: bob\n';

describe('IsmsWorkspace: what an edit affects', () => {
  it('re-checks only the edited file when the edit is inside free text', () => {
    const ws = workspaceOf({ 'people.isms.yaml': PEOPLE, 'soa.isms.yaml': SOA });
    ws.takeAffected();
    ws.setDocument(uriOf('soa.isms.yaml'), SOA.replace('required by contracts', 'required by customer contracts'), 2);
    assert.deepEqual(ws.takeAffected(), { all: false, uris: [uriOf('soa.isms.yaml')] });
  });

  it('re-checks every file when an id other files cite changes', () => {
    const ws = workspaceOf({ 'people.isms.yaml': PEOPLE, 'soa.isms.yaml': SOA });
    ws.takeAffected();
    ws.setDocument(uriOf('people.isms.yaml'), PEOPLE.replace('id: bob', 'id: bobby'), 2);
    assert.deepEqual(ws.takeAffected(), { all: true });
    const soa = ws.diagnose(uriOf('soa.isms.yaml'))!.diagnostics;
    assert.ok(soa.some((d) => d.code === 'unknown-person'));
  });

  it('re-checks every file when a duplicated id moves, since other files name its line', () => {
    const ws = workspaceOf({ 'a.isms.yaml': PEOPLE, 'b.isms.yaml': PEOPLE });
    ws.takeAffected();
    ws.setDocument(uriOf('a.isms.yaml'), '# moved down\n' + PEOPLE, 2);
    assert.deepEqual(ws.takeAffected(), { all: true });
  });

  it('re-checks every file after a scan or a settings change', () => {
    const ws = workspaceOf({ 'people.isms.yaml': PEOPLE });
    assert.deepEqual(ws.takeAffected(), { all: true });
    assert.deepEqual(ws.takeAffected(), { all: false, uris: [] });
    ws.setSettingsOverride({ rules: { 'unknown-person': 'off' } });
    assert.deepEqual(ws.takeAffected(), { all: true });
  });
});
