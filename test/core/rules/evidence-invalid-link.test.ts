import assert from 'node:assert/strict';
import { diagnosticsOf, workspaceOf } from '../../helpers/memoryHost';
import { evidenceWithLink, linkFindingsFor } from './evidenceLinkFixtures';

describe('rule evidence-invalid-link', () => {
  it('reports a javascript: link on the link value, and nothing else', () => {
    assert.deepEqual(linkFindingsFor('javascript:alert(1)'), [{ code: 'evidence-invalid-link', line: 4, text: 'javascript:alert(1)' }]);
  });

  it('reports every scheme other than http and https', () => {
    for (const link of ['file:///srv/evidence/policy.pdf', 'data:text/html;base64,PHNjcmlwdD4=', 'ftp://files.example.com/policy.pdf', 'mailto:audit@example.com', 'vbscript:msgbox', 'ssh://host/x']) {
      assert.deepEqual(linkFindingsFor(link).map((f) => f.code), ['evidence-invalid-link'], link);
    }
  });

  it('reports malformed web addresses: no host, no //, spaces in the host, a host of dots', () => {
    for (const link of ['https://', 'https:example.com/x', 'https:///policy', "'https://exa mple.com/x'", 'http://../x', 'https://user@/x']) {
      assert.deepEqual(linkFindingsFor(link).map((f) => f.code), ['evidence-invalid-link'], link);
    }
  });

  it('reports an empty link (the schema leaves the link\'s form to the link rules)', () => {
    const ws = workspaceOf({ 'evidence.isms.yaml': evidenceWithLink('""') });
    const found = diagnosticsOf(ws, 'evidence.isms.yaml').map((d) => d.code);
    assert.deepEqual(found, ['evidence-invalid-link']);
  });

  it('reports a link that is only a fragment', () => {
    assert.deepEqual(linkFindingsFor("'#section-2'").map((f) => f.code), ['evidence-invalid-link']);
  });

  it('explains the problem and carries the scheme for quick fixes', () => {
    const ws = workspaceOf({ 'evidence.isms.yaml': evidenceWithLink('file:///srv/evidence/policy.pdf') });
    const [d] = diagnosticsOf(ws, 'evidence.isms.yaml', ['evidence-invalid-link']);
    assert.match(d!.message, /^The link 'file:\/\/\/srv\/evidence\/policy\.pdf' of evidence EV-001 is a file: URL/);
    assert.match(d!.message, /relative to this file/);
    assert.deepEqual(d!.data, { link: 'file:///srv/evidence/policy.pdf', scheme: 'file', id: 'EV-001' });
  });

  it('stays silent on well-formed https links, whatever their path (never fetched)', () => {
    for (const link of ['https://example.com/policy', 'HTTPS://Example.COM/a?b=c#d', 'https://intranet/x', 'https://10.0.0.1:8443/x', 'https://[::1]/x', 'https://例え.jp/ポリシー']) {
      assert.deepEqual(linkFindingsFor(link), [], link);
    }
  });

  it('does not mistake a Windows drive letter for a scheme', () => {
    assert.deepEqual(linkFindingsFor('C:\\evidence\\policy.pdf').map((f) => f.code), ['evidence-absolute-path']);
  });
});
