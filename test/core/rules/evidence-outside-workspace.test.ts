import assert from 'node:assert/strict';
import { diagnosticsOf, workspaceOf } from '../../helpers/memoryHost';
import { evidenceWithLink, linkFindings, linkFindingsFor } from './evidenceLinkFixtures';

describe('rule evidence-outside-workspace', () => {
  it('reports ../.. that leaves the workspace folder, on the link value, and only that', () => {
    assert.deepEqual(linkFindingsFor('../../etc/passwd'), [{ code: 'evidence-outside-workspace', line: 4, text: '../../etc/passwd' }]);
  });

  it('resolves against the folder of the holding file: ../x from a subfolder stays inside', () => {
    const tree = {
      'registers/evidence.isms.yaml': evidenceWithLink('../evidence/policy.pdf'),
      'evidence/policy.pdf': 'pdf',
    };
    assert.deepEqual(linkFindings(tree, 'registers/evidence.isms.yaml'), []);
    assert.deepEqual(linkFindings({ ...tree, 'registers/evidence.isms.yaml': evidenceWithLink('../../evidence/policy.pdf') }, 'registers/evidence.isms.yaml').map((f) => f.code), ['evidence-outside-workspace']);
  });

  it('treats backslashes as separators, so ..\\..\\x cannot slip out', () => {
    assert.deepEqual(linkFindingsFor('..\\..\\secrets.txt').map((f) => f.code), ['evidence-outside-workspace']);
  });

  it('reports a symbolic link inside the workspace that points outside it', () => {
    const tree = {
      'evidence.isms.yaml': evidenceWithLink('evidence/shared/hr-records.pdf'),
      'evidence/shared': { link: '../outside' },
      // The memory host keeps paths as written: this file lies beside the workspace folder.
      '../outside/hr-records.pdf': 'pdf',
    };
    assert.deepEqual(linkFindings(tree), [{ code: 'evidence-outside-workspace', line: 4, text: 'evidence/shared/hr-records.pdf' }]);
  });

  it('judges a missing file below a symlinked folder by where the folder really is', () => {
    const tree = {
      'evidence.isms.yaml': evidenceWithLink('evidence/shared/not-there.pdf'),
      'evidence/shared': { link: '../outside' },
      '../outside/hr-records.pdf': 'pdf',
    };
    assert.deepEqual(linkFindings(tree).map((f) => f.code), ['evidence-outside-workspace']);
  });

  it('stays silent on a symbolic link that stays inside the workspace', () => {
    const tree = {
      'evidence.isms.yaml': evidenceWithLink('evidence/current/policy.pdf'),
      'evidence/current': { link: 'evidence/2026' },
      'evidence/2026/policy.pdf': 'pdf',
    };
    assert.deepEqual(linkFindings(tree), []);
  });

  it('says where the link leads', () => {
    const ws = workspaceOf({ 'evidence.isms.yaml': evidenceWithLink('../shared/policy.pdf') });
    const [d] = diagnosticsOf(ws, 'evidence.isms.yaml', ['evidence-outside-workspace']);
    assert.equal(d!.message.startsWith("The link '../shared/policy.pdf' of evidence EV-001 leads outside the workspace folder (to /shared/policy.pdf)."), true, d!.message);
    assert.deepEqual(d!.data, { link: '../shared/policy.pdf', resolved: '/shared/policy.pdf', id: 'EV-001' });
  });
});
