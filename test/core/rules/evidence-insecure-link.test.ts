import assert from 'node:assert/strict';
import { diagnosticsOf, workspaceOf } from '../../helpers/memoryHost';
import { evidenceWithLink, linkFindingsFor } from './evidenceLinkFixtures';

describe('rule evidence-insecure-link', () => {
  it('reports an http link on its value, with the https address for a quick fix', () => {
    assert.deepEqual(linkFindingsFor('http://intranet.example.com/policy'), [{ code: 'evidence-insecure-link', line: 4, text: 'http://intranet.example.com/policy' }]);
    const ws = workspaceOf({ 'evidence.isms.yaml': evidenceWithLink('HTTP://intranet.example.com/policy') });
    const [d] = diagnosticsOf(ws, 'evidence.isms.yaml', ['evidence-insecure-link']);
    assert.equal(
      d!.message,
      "The link 'HTTP://intranet.example.com/policy' of evidence EV-001 uses unencrypted http, so the evidence can be read or altered on its way and auditors expect https. Use the https:// address ('https://intranet.example.com/policy').",
    );
    assert.deepEqual(d!.data, { link: 'HTTP://intranet.example.com/policy', replacement: 'https://intranet.example.com/policy', id: 'EV-001' });
  });

  it('leaves a malformed http link to evidence-invalid-link', () => {
    assert.deepEqual(linkFindingsFor('http://').map((f) => f.code), ['evidence-invalid-link']);
  });

  it('stays silent on https', () => {
    assert.deepEqual(linkFindingsFor('https://intranet.example.com/policy'), []);
  });
});
