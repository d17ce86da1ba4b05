import assert from 'node:assert/strict';
import { diagnosticsOf, workspaceOf } from '../../helpers/memoryHost';
import { evidenceWithLink, linkFindingsFor } from './evidenceLinkFixtures';

describe('rule evidence-absolute-path', () => {
  it('reports /etc/passwd as an absolute path only (not outside, not missing)', () => {
    assert.deepEqual(linkFindingsFor('/etc/passwd'), [{ code: 'evidence-absolute-path', line: 4, text: '/etc/passwd' }]);
  });

  it('reports Windows, UNC and home-folder paths', () => {
    for (const link of ['C:\\Users\\jane\\policy.pdf', 'C:/Users/jane/policy.pdf', '\\\\fileserver\\isms\\policy.pdf', '~/Documents/policy.pdf']) {
      assert.deepEqual(linkFindingsFor(link).map((f) => f.code), ['evidence-absolute-path'], link);
    }
  });

  it('suggests the relative link when the absolute path is inside the workspace', () => {
    const ws = workspaceOf({ 'isms/evidence.isms.yaml': evidenceWithLink('/ws/evidence/policy.pdf'), 'evidence/policy.pdf': 'pdf' });
    const [d] = diagnosticsOf(ws, 'isms/evidence.isms.yaml', ['evidence-absolute-path']);
    assert.match(d!.message, /Link it relative to this file: '\.\.\/evidence\/policy\.pdf'\.$/);
    assert.deepEqual(d!.data, { link: '/ws/evidence/policy.pdf', relative: '../evidence/policy.pdf', id: 'EV-001' });
  });

  it('stays silent on relative paths', () => {
    assert.deepEqual(linkFindingsFor('evidence/policy.pdf', { 'evidence/policy.pdf': 'pdf' }), []);
  });
});
